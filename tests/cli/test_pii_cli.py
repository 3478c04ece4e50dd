"""`drieluik pii scan` and `drieluik pii allow` through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drieluik.cli import run
from drieluik.errors import ExitCode
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import CliResult, assert_clean_refusal, run_cli

NOTE = "Elena P. (geb. 14-03-1999)\nBel 06-12345678 via Veilig Thuis Drenthe.\n"


@pytest.fixture
def here(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)

    def call(*args: str) -> CliResult:
        code = run(list(args))
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return call


def test_findings_are_listed_masked_with_line_and_column(here, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    result = here("pii", "scan", str(note))
    assert result.code == ExitCode.PII_BLOCKED == 5
    lines = result.stdout.splitlines()
    assert lines == [
        "1:1  PERSON (naam)  E***a P.",
        "1:16  DOB (geboortedatum)  14-03-**99",
        "2:5  PHONE (telefoonnummer)  06-****5678",
    ]
    assert "Elena" not in result.stdout and "12345678" not in result.stdout
    assert "3" in result.stderr


def test_json_lists_offsets_into_the_input(here, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes(b"\xef\xbb\xbf" + NOTE.encode("utf-8"))  # with a BOM
    result = here("pii", "scan", str(note), "--json")
    assert result.code == 5
    data = json.loads(result.stdout)
    assert [d["category"] for d in data] == ["PERSON", "DOB", "PHONE"]
    for d in data:
        assert set(d) == {"category", "start", "end", "text"}
        assert NOTE[d["start"] : d["end"]] == d["text"]


def test_clean_text_exits_zero(here, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Besproken met GGD Drenthe en politie in Emmen.", encoding="utf-8")
    result = here("pii", "scan", str(note))
    assert (result.code, result.stdout) == (0, "")
    assert "Geen persoonsgegevens" in result.stderr
    result = here("pii", "scan", str(note), "--json")
    assert (result.code, json.loads(result.stdout)) == (0, [])


def test_windows_1252_file(here, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes("Cliënte Zoë belt 06-12345678 – één keer.".encode("cp1252"))
    result = here("pii", "scan", str(note), "--json")
    texts = [d["text"] for d in json.loads(result.stdout)]
    assert texts == ["Zoë", "06-12345678"]


def test_allow_option(here, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    result = here("pii", "scan", str(note), "--json", "--allow", "elena p.", "--allow", "x")
    assert [d["category"] for d in json.loads(result.stdout)] == ["DOB", "PHONE"]


def test_missing_file_is_one_clear_line(tmp_path: Path) -> None:
    result = run_cli("pii", "scan", str(tmp_path / "nope.txt"))
    assert_clean_refusal(result, 1)
    assert "nope.txt" in result.stderr


def test_directory_is_refused(tmp_path: Path) -> None:
    assert_clean_refusal(run_cli("pii", "scan", str(tmp_path)), 1)


def test_stdin_with_dash_and_without_file() -> None:
    result = run_cli("pii", "scan", "-", "--json", input=NOTE)
    assert result.code == 5, result.stderr
    assert [d["category"] for d in json.loads(result.stdout)] == ["PERSON", "DOB", "PHONE"]
    result = run_cli("pii", "scan", input="Niets bijzonders.")
    assert result.code == 0, result.stderr


def test_english_messages(here, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRIELUIK_LANG", "en")
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    result = here("pii", "scan", str(note))
    assert "PHONE (phone number)" in result.stdout
    assert "found" in result.stderr


def test_allow_list_commands_and_scan_with_vault(here, vault_path: Path, tmp_path: Path) -> None:
    Vault.create(vault_path, PASSPHRASE).close()
    assert here("pii", "allow", "add", "Elena P.").code == 0
    assert here("pii", "allow", "add", "elena p.").code == 0
    listed = here("pii", "allow", "list", "--json")
    assert json.loads(listed.stdout) == ["Elena P."]
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    result = here("pii", "scan", str(note), "--json", "--vault", str(vault_path))
    assert [d["category"] for d in json.loads(result.stdout)] == ["DOB", "PHONE"]
    assert here("pii", "allow", "remove", "ELENA P.").code == 0
    assert json.loads(here("pii", "allow", "list", "--json").stdout) == []
    empty = here("pii", "allow", "add", "   ")
    assert empty.code == 1 and "leeg" in empty.stderr


def test_help_documents_the_exit_codes(here) -> None:
    result = here("pii", "scan", "--help")
    assert result.code == 0
    assert "5" in result.stdout and "0" in result.stdout


def test_explain_names_the_rule_behind_each_finding(here, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE + "Snapchat: sandra_x, auto PO 5K221.\n", encoding="utf-8")
    plain = here("pii", "scan", str(note))
    assert "[" not in plain.stdout  # without --explain nothing changes
    result = here("pii", "scan", str(note), "--explain")
    assert result.code == 5
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "1:1  PERSON (naam)  E***a P.  [person.first-name: voornaam uit de lijst, "
        "eventueel met achternaam]"
    )
    assert any("[social.platform-cue: " in line for line in lines)
    assert any("[plate.polish: Pools kenteken" in line for line in lines)
    assert "sandra_x" not in result.stdout  # still masked
    data = json.loads(here("pii", "scan", str(note), "--json", "--explain").stdout)
    assert [d["rule"] for d in data] == [
        "person.first-name", "dob.cue-date", "phone.dutch", "social.platform-cue", "plate.polish",
    ]  # fmt: skip
    assert all(d["explanation"] and d["explanation"] != "onbekende regel" for d in data)


def test_explain_in_english(here, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRIELUIK_LANG", "en")
    note = tmp_path / "note.txt"
    note.write_text("Mevrouw Jansen, paspoort SPECI2014.", encoding="utf-8")
    result = here("pii", "scan", str(note), "--explain")
    assert "[person.title: name after a title" in result.stdout
    assert "[id.dutch-document: Dutch passport or identity card number" in result.stdout


# --- issue 12 part 1: the policy, `case add`, `import` and `pii audit` -----------------

PERSONAL = "Contact via Elena Petrova, tel 06-12345678."
CASE = ["--datum", "2024-01-10", "--gemeente", "Assen", "--vorm", "arbeid"]
CASE += ["--melder", "GGD Drenthe", "--omschrijving", PERSONAL]


def test_policy_is_shown_set_and_refused_when_unknown(here, vault_path: Path) -> None:
    Vault.create(vault_path, PASSPHRASE).close()
    assert json.loads(here("pii", "policy", "--json").stdout) == {"policy": "bevestigen"}
    assert here("pii", "policy", "weigeren").code == 0
    assert json.loads(here("pii", "policy", "--json").stdout) == {"policy": "weigeren"}
    assert here("pii", "policy", "soms").code == 1


def test_case_add_needs_accept_personal_data_and_audit_lists_and_redacts(
    here, vault_path: Path
) -> None:
    Vault.create(vault_path, PASSPHRASE).close()
    refused = here("case", "add", *CASE)
    assert refused.code == ExitCode.PII_BLOCKED
    assert "Petrova" not in refused.stderr + refused.stdout
    assert "--accept-personal-data" in refused.stderr
    assert json.loads(here("cases", "--json").stdout) == []
    assert here("pii", "audit").code == 0

    assert here("case", "add", *CASE, "--accept-personal-data").code == 0
    audited = here("pii", "audit", "--json")
    assert audited.code == ExitCode.PII_BLOCKED
    rows = json.loads(audited.stdout)
    assert {(r["table"], r["field"], r["category"]) for r in rows} >= {
        ("cases", "summary", "PERSON"),
        ("cases", "summary", "PHONE"),
    }
    assert "Petrova" not in audited.stdout and "12345678" not in audited.stdout

    assert here("pii", "audit", "--redact", "--yes").code == 0
    assert here("pii", "audit").code == 0
    assert here("audit", "--verify").code == 0


def test_import_reports_rows_and_imports_only_with_accept_or_redact(
    here, vault_path: Path, tmp_path: Path
) -> None:
    Vault.create(vault_path, PASSPHRASE).close()
    sheet = tmp_path / "signalen.csv"
    sheet.write_text(
        "datum;gemeente;vorm;melder;omschrijving\n"
        f"2024-01-11;Emmen;seksueel;GGD Drenthe;{PERSONAL}\n",
        encoding="utf-8",
    )
    refused = here("import", str(sheet))
    assert refused.code == ExitCode.PII_BLOCKED
    assert "regel 2" in refused.stdout and "naam" in refused.stdout
    assert "Petrova" not in refused.stdout + refused.stderr
    assert json.loads(here("cases", "--json").stdout) == []
    assert here("import", str(sheet), "--redact").code == 0
    (case,) = json.loads(here("cases", "--json").stdout)
    assert here("pii", "audit").code == 0, case
