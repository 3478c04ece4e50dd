"""Every command works on a console that cannot show every character.

On Windows a pipe or a redirect gets the legacy code page (cp1252), and
PYTHONIOENCODING may name any encoding: before, a case from Timișoara ended
`search --json` and `case show` with "Onverwachte fout (UnicodeEncodeError)".
Human output folds what the console cannot show (ș -> s); --json is written
as pure ASCII with \\u escapes there, so it decodes to exactly what is stored
(docs/cli-json.md). A closed pipe (`cases | head -2`) is a normal end, and the
terminal app refuses at once without a terminal.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
import typer

from drieluik import cli
from drieluik.cli import run
from drieluik.services import meetings
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.services.register_helpers import add_cases
from tests.vault_testing import child_env, run_cli

PLACE = "Timișoara"  # ș (U+0219) is in neither cp1252 nor ASCII
SUMMARY = f"Een vrouw uit {PLACE} werkt zonder loon; „ondermijning” – ’s nachts."
MEETING = date.today() + timedelta(days=7)
CLOSED = date.today() + timedelta(days=28)  # closed ahead of time, so `meeting reopen` has one


@pytest.fixture
def vault(vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    with Vault.create(vault_path, PASSPHRASE) as opened:
        add_cases(opened, (date.today() - timedelta(days=3)).isoformat(), omschrijving=SUMMARY)
        meetings.create_meeting(opened, MEETING, [f"Gemeente {PLACE}"])
        meetings.create_meeting(opened, CLOSED, [f"Gemeente {PLACE}"])
        meetings.start_meeting(opened, CLOSED, allow_future=True)
        meetings.finish_meeting(opened, CLOSED, allow_future=True)
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)
    return vault_path


def leaf_commands() -> list[str]:
    cli._register()
    found: list[str] = []

    def walk(command, path: list[str]) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands is None:
            found.append(" ".join(path))
            return
        for name, sub in subcommands.items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(cli.app), [])
    return found


def invocations(tmp_path: Path, code: str) -> dict[str, list[list[str]]]:
    """Every command with arguments that make it print (human, then --json)."""
    new = tmp_path / "nieuw.vault"
    other = tmp_path / "ander.txt"
    other.write_text("nieuw wachtwoord dat lang genoeg is\n", encoding="utf-8")
    third = tmp_path / "derde.txt"
    third.write_text("wachtwoord van de zorgcoördinator\n", encoding="utf-8")
    note = tmp_path / "notitie.txt"
    note.write_text(f"Contact in {PLACE}, tel. 06-12345678.\n", encoding="utf-8")
    sample = Path(__file__).parent.parent / "data" / "import" / "signalen_utf8_bom_puntkomma.csv"
    year = str(date.today().year)
    return {
        "init": [["init", "--vault", str(new), "--allow-weak"]],
        "check": [["check"], ["check", "--json"]],
        "passwd": [
            ["passwd", "--vault", str(new), "--new-passphrase-file", str(other), "--allow-weak"]
        ],
        "backup": [["backup", str(tmp_path / "kopie.vault")]],
        "cases": [["cases"], ["cases", "--json"]],
        "import": [["import", str(sample), "--dry-run"]],
        "agenda": [["agenda"], ["agenda", "--json"]],
        "meetings": [["meetings"], ["meetings", "--json"]],
        "search": [["search", PLACE], ["search", PLACE, "--json"]],
        "report": [
            ["report", "--year", year, "--format", f] for f in ("table", "json", "csv", "md")
        ],
        "retention": [["retention"], ["retention", "--json"]],
        "audit": [["audit"], ["audit", "--json"]],
        "recovery-key": [
            ["recovery-key", "--vault", str(new), "--passphrase-file", str(other), "--yes"]
        ],
        # After passwd: `other` opens `new`; the key's name is not in cp1252's ASCII part.
        "key add": [
            [
                *("key", "add", "--vault", str(new), "--name", "zorgcoördinator"),
                *("--passphrase-file", str(other), "--new-passphrase-file", str(third)),
                "--allow-weak",
            ]
        ],
        "key list": [
            ["key", "list", "--vault", str(new), "--passphrase-file", str(other)],
            ["key", "list", "--vault", str(new), "--passphrase-file", str(other), "--json"],
        ],
        "key remove": [
            [
                *("key", "remove", "--vault", str(new), "--name", "zorgcoördinator"),
                *("--passphrase-file", str(other), "--yes"),
            ]
        ],
        "demo": [["demo", "--no-open", "--cases", "3", "--vault", str(tmp_path / "d.vault")]],
        "case show": [["case", "show", code], ["case", "show", code, "--json"]],
        "case add": [
            [
                *("case", "add", "--datum", "2025-03-01", "--gemeente", "Emmen"),
                *("--vorm", "arbeid", "--melder", f"Stichting {PLACE}"),
                *("--omschrijving", SUMMARY, "--json"),
            ]
        ],
        "meeting new": [
            [
                *("meeting", "new", "--date", (MEETING + timedelta(days=14)).isoformat()),
                *("--org", PLACE, "--json"),
            ]
        ],
        "meeting show": [
            ["meeting", "show", MEETING.isoformat()],
            ["meeting", "show", MEETING.isoformat(), "--json"],
        ],
        "meeting reopen": [
            ["meeting", "reopen", CLOSED.isoformat(), "--reason", f"Correctie {PLACE}"]
        ],
        "pii scan": [["pii", "scan", str(note)], ["pii", "scan", str(note), "--json"]],
        "pii policy": [["pii", "policy"], ["pii", "policy", "--json"]],
        "pii audit": [["pii", "audit"], ["pii", "audit", "--json"]],
        "pii allow add": [["pii", "allow", "add", PLACE]],
        "pii allow list": [["pii", "allow", "list"], ["pii", "allow", "list", "--json"]],
        "pii allow remove": [["pii", "allow", "remove", PLACE]],
        "export minutes": [
            ["export", "minutes", MEETING.isoformat(), "--out", str(tmp_path / "v.md")]
        ],
        "region add-municipality": [["region", "add-municipality", PLACE]],
        "region rename-municipality": [
            ["region", "rename-municipality", PLACE, f"Groot-{PLACE}", "--from", "2026-01-01"]
        ],
        "region show": [["region", "show"], ["region", "show", "--json"]],
        "region meeting-name": [["region", "meeting-name", f"het overleg van {PLACE}"]],
    }


def test_the_list_below_covers_every_command(tmp_path: Path) -> None:
    assert sorted(invocations(tmp_path, "X")) == sorted(leaf_commands())


def _legacy_stream(encoding: str) -> io.TextIOWrapper:
    # What a Windows pipe is: a strict TextIOWrapper in a legacy encoding.
    return io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="strict", newline="\n")


def _read(stream: io.TextIOWrapper) -> str:
    stream.flush()
    raw = stream.buffer.getvalue()  # type: ignore[attr-defined]
    return raw.decode(stream.encoding)


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_every_command_on_a_legacy_console(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    with Vault.open(vault, PASSPHRASE) as opened:
        from drieluik.services import cases

        code = cases.list_cases(opened)[0].code
    for name, calls in invocations(tmp_path, code).items():
        for args in calls:
            out, err = _legacy_stream(encoding), _legacy_stream(encoding)
            monkeypatch.setattr(sys, "stdout", out)
            monkeypatch.setattr(sys, "stderr", err)
            result = run(args)
            stdout, stderr = _read(out), _read(err)
            assert "UnicodeEncodeError" not in stderr, (args, stderr)
            assert result in (0, 5), (args, result, stderr)  # pii scan finds the phone: 5
            if "--json" in args or args[-1] == "json":
                data = json.loads(stdout)
                assert stdout.isascii(), args
                if name in ("search", "case show", "case add"):
                    assert PLACE in json.dumps(data, ensure_ascii=False), args
            elif name in ("search", "case show"):
                assert "Timisoara" in stdout, (args, stdout)  # folded, still readable
    monkeypatch.undo()


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_pythonioencoding_in_a_real_process(vault: Path, encoding: str) -> None:
    env = {"PYTHONIOENCODING": encoding}
    found = run_cli("search", PLACE, "--json", env=env, encoding=encoding)
    assert found.code == 0, found.stderr
    assert found.stdout.isascii() and PLACE in json.loads(found.stdout)[0]["snippet"]
    code = json.loads(found.stdout)[0]["code"]
    as_json = run_cli("case", "show", code, "--json", env=env, encoding=encoding)
    assert as_json.stdout.isascii() and json.loads(as_json.stdout)["omschrijving"] == SUMMARY
    shown = run_cli("case", "show", code, env=env, encoding=encoding)
    assert shown.code == 0, shown.stderr
    assert "Timisoara" in shown.stdout
    refused = run_cli("case", "show", f"DL-{PLACE}", env=env, encoding=encoding)
    assert refused.code == 1 and "Unexpected" not in refused.stderr
    assert "Onverwachte" not in refused.stderr, refused.stderr


def test_json_is_utf8_where_stdout_is(vault: Path) -> None:
    found = run_cli("search", PLACE, "--json", env={"PYTHONIOENCODING": "utf-8"})
    assert PLACE in found.stdout


def test_a_reader_that_stops_early_is_a_normal_end(vault: Path) -> None:
    with Vault.open(vault, PASSPHRASE) as opened:
        add_cases(opened, *[f"2025-01-{day:02d}" for day in range(1, 29)] * 20)
    for args in (["cases"], ["cases", "--json"]):
        for _ in range(3):
            proc = subprocess.Popen(
                [sys.executable, "-m", "drieluik", *args],
                env=child_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
            )
            assert proc.stdout is not None
            proc.stdout.readline()
            proc.stdout.close()  # `| head -1`
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, (args, err.decode())
            assert err == b"", err.decode()


def test_the_app_without_a_terminal_refuses_at_once(vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "f"
    start = time.monotonic()
    with open(os.devnull, "rb") as stdin, open(out, "wb") as stdout:
        proc = subprocess.run(
            [sys.executable, "-m", "drieluik"],
            env=child_env(),
            stdin=stdin,
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=10,
        )
    assert time.monotonic() - start < 2
    assert proc.returncode == 1
    assert out.read_bytes() == b""  # no escape codes in the file
    assert "terminal" in proc.stderr.decode("utf-8")
