"""Issue 11 on the command line: one state vocabulary, reopen, `meeting show`, --times."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from drieluik.cli import run
from drieluik.services import meetings
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.services.minutes_helpers import sample_meeting
from tests.services.register_helpers import add_cases
from tests.vault_testing import CliResult


@pytest.fixture
def vault(vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    Vault.create(vault_path, PASSPHRASE).close()
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)
    return vault_path


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def call(*args: str) -> CliResult:
        code = run(list(args))
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return call


def opened(path: Path) -> Vault:
    return Vault.open(path, PASSPHRASE)


def test_agenda_after_the_newest_meeting_closed_proposes_a_free_date(vault: Path, cli) -> None:
    # Observation 8: it proposed the closed meeting's own date, and the suggested
    # `meeting new --date` then failed.
    next_week = date.today() + timedelta(days=7)
    with opened(vault) as v:
        add_cases(v, (date.today() - timedelta(days=3)).isoformat())
        meetings.create_meeting(v, next_week)
        meetings.finish_meeting(v, next_week, allow_future=True)
    result = cli("agenda")
    proposed = next_week + timedelta(days=7)
    assert result.code == 0
    assert f"drieluik meeting new --date {proposed.isoformat()}" in result.stdout
    data = json.loads(cli("agenda", "--json").stdout)
    assert (data["date"], data["proposed"], data["state"]) == (proposed.isoformat(), True, None)
    created = cli("meeting", "new", "--date", data["date"])
    assert created.code == 0, created.stderr


def test_states_in_meetings_agenda_and_show(vault: Path, cli) -> None:
    with opened(vault) as v:
        add_cases(v, "2024-03-01", "2024-03-02")
        meetings.create_meeting(v, date(2024, 3, 14))
        meetings.create_meeting(v, date(2024, 4, 11), propose=False)
        meetings.start_meeting(v, date(2024, 3, 14))
    states = {row["date"]: row["state"] for row in json.loads(cli("meetings", "--json").stdout)}
    assert states == {"2024-04-11": "gepland", "2024-03-14": "bezig"}
    shown = json.loads(cli("meeting", "show", "2024-03-14", "--json").stdout)
    assert shown["state"] == "bezig" and shown["planned_seconds"] == 1200
    assert [i["planned_seconds"] for i in shown["items"]] == [600, 600]
    human = cli("meeting", "show", "14-03-2024").stdout
    assert "— bezig" in human and "0:00 besteed, 20:00 gepland" in human


def test_meeting_reopen_needs_a_reason_and_says_heropend(vault: Path, cli) -> None:
    with opened(vault) as v:
        sample_meeting(v)
    missing = cli("meeting", "reopen", "2024-03-14")
    assert missing.code == 2  # usage: --reason is required
    empty = cli("meeting", "reopen", "2024-03-14", "--reason", " ")
    assert empty.code == 1 and "Geef een reden op." in empty.stderr
    done = cli("meeting", "reopen", "2024-03-14", "--reason", "Besluit vergeten")
    assert done.code == 0, done.stderr
    assert "heropend" in done.stdout
    data = json.loads(cli("agenda", "2024-03-14", "--json").stdout)
    assert data["state"] == "heropend" and data["finished"] is False
    again = cli("meeting", "reopen", "2024-03-14", "--reason", "nog eens")
    assert again.code == 1


def test_export_with_times(vault: Path, cli, tmp_path: Path) -> None:
    with opened(vault) as v:
        sample_meeting(v)
    out = tmp_path / "verslag.md"
    assert cli("export", "minutes", "2024-03-14", "-o", str(out), "--times").code == 0
    assert "Totale tijd:" in out.read_text(encoding="utf-8")
