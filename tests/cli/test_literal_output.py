"""User text reaches the terminal literally through every command that shows it.

A case summary or reporter holding Rich markup, an ANSI colour sequence, an
OSC window-title sequence and a right-to-left override is printed by
`case show`, `cases`, `search` and `agenda` (whose attending organisations
are typed the same way): the brackets appear as typed, and
no raw control character (ESC, BEL, C1, bidi override) reaches stdout or
stderr — they are shown as visible symbols (`domain.text.visible`). `--json`
keeps the exact text (escaped, so it decodes to what was stored).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from drieluik.cli import run
from drieluik.services import meetings
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.services.register_helpers import add_cases

MARKUP = "[bold red]x[/]"
SUMMARY = f"Zorgen {MARKUP} en \x1b[31mrood\x1b[0m en \u202eetsiwer vindwoord"
REPORTER = "Melder [b]y[/b] \x1b]0;titel\x07 \u202eabc \x9b2J"
# What may never be written raw to a terminal.
RAW_CONTROLS = ["\x1b", "\x07", "\x9b", "\u202e"]


@pytest.fixture
def vault(vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    with Vault.create(vault_path, PASSPHRASE) as opened:
        add_cases(
            opened,
            (date.today() - timedelta(days=3)).isoformat(),
            melder=REPORTER,
            omschrijving=SUMMARY,
        )
        # The next meeting, its attending organisations typed with controls too.
        meetings.create_meeting(opened, date.today() + timedelta(days=7), [REPORTER])
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)
    return vault_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out, err


def _code(capsys: pytest.CaptureFixture[str]) -> str:
    out, _ = _run(capsys, "cases", "--json")
    return json.loads(out)[0]["code"]


@pytest.mark.parametrize(
    "command",
    [
        ["case", "show", "{code}"],
        ["cases"],
        ["search", "vindwoord"],
        ["agenda"],
    ],
    ids=["case-show", "cases", "search", "agenda"],
)
def test_no_raw_control_character_reaches_the_terminal(
    vault: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    code = _code(capsys)
    out, err = _run(capsys, *(part.format(code=code) for part in command))
    assert code in out  # the case is really listed
    # ... with its summary, reporter or an organisation, brackets as typed
    assert MARKUP in out or "[b]y[/b]" in out
    for raw in RAW_CONTROLS:
        assert raw not in out and raw not in err, (raw, out)


def test_case_show_prints_markup_and_controls_visibly(
    vault: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, _ = _run(capsys, "case", "show", _code(capsys))
    # Markup as typed, not interpreted (and not swallowed).
    assert MARKUP in out and "[b]y[/b]" in out
    # Controls as visible symbols: ESC → ␛, BEL → ␇; C1 and bidi override → �.
    assert "␛[31mrood␛[0m" in out
    assert "␛]0;titel␇" in out
    assert "\ufffdetsiwer" in out


def test_warnings_on_stderr_show_user_text_visibly(
    vault: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An unknown reporter is echoed back in a warning on stderr.
    code = run(
        [
            "case",
            "add",
            "--datum",
            date.today().isoformat(),
            "--gemeente",
            "Assen",
            "--vorm",
            "arbeid",
            "--melder",
            "Org \x1b]0;pwned\x07",
            "--omschrijving",
            "tekst",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Org ␛]0;pwned␇" in err
    for raw in RAW_CONTROLS:
        assert raw not in err and raw not in out


def test_json_keeps_the_exact_text_without_raw_controls(
    vault: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, _ = _run(capsys, "case", "show", _code(capsys), "--json")
    for raw in RAW_CONTROLS:
        assert raw not in out
    data = json.loads(out)
    assert data["omschrijving"] == SUMMARY
    assert data["melder"] == REPORTER


@pytest.mark.parametrize("fmt", ["table", "json", "md", "csv"])
def test_report_shows_reporter_names_safely_in_every_format(
    vault: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    red = "Politie \x1b[31mZuid\x1b[0m \u202eteg"
    with Vault.open(vault, PASSPHRASE) as opened:
        add_cases(opened, (date.today() - timedelta(days=3)).isoformat(), melder=red)
    year = str((date.today() - timedelta(days=3)).year)
    out, err = _run(capsys, "report", "--year", year, "--format", fmt)
    target = tmp_path / f"jaar.{fmt}"
    _run(capsys, "report", "--year", year, "--format", fmt, "--out", str(target))
    written = target.read_text(encoding="utf-8")
    for raw in RAW_CONTROLS:
        assert raw not in out and raw not in err and raw not in written, (raw, out)
    if fmt == "json":
        # Escaped, not altered: the JSON still decodes to the names as stored.
        by_reporter = json.loads(out)["by_reporter"]
        assert by_reporter[REPORTER] == 1 and by_reporter[red] == 1
        assert json.loads(written) == json.loads(out)
    else:
        assert "Politie ␛[31mZuid␛[0m \ufffdteg" in out
        assert "␛]0;titel␇" in out
        assert "Politie ␛[31mZuid␛[0m \ufffdteg" in written
