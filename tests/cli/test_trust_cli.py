"""Trust commands through the real CLI: retention, audit, recovery key, passphrase
strength, rollback warning and the unlock entries of the audit trail.

Most run in this process (`cli.run`, fast); the ones a script depends on —
the recovery key printed by `init` and used to open a vault whose passphrase
is lost — run as a subprocess too.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from drieluik.cli import run
from drieluik.domain.vocabulary import DecisionKind, ExploitationForm
from drieluik.errors import InvalidInput, WrongPassphrase
from drieluik.services import audit, cases, local_state, meetings
from drieluik.services.cases import CaseInput
from drieluik.store import recovery
from drieluik.store.vault import Vault, peek
from tests.conftest import PASSPHRASE
from tests.vault_testing import CliResult, assert_clean_refusal, run_cli

STRONG = "zeven rode kikkers springen over de brug"
WITH_PASSPHRASE = {"DRIELUIK_PASSPHRASE": PASSPHRASE}


@pytest.fixture
def here(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run the CLI in this process with the test passphrase in the environment."""
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)

    def call(*args: str) -> CliResult:
        code = run(list(args))
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return call


def _on_a_terminal(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[str]:
    """Pretend stdin is a terminal and answer every y/N question with `answer`."""
    import typer

    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)

    def prompt(question: str, **_: object) -> str:
        # cli.common.confirm asks through typer.prompt (j/n in either language).
        asked.append(question)
        return "j" if answer else "n"

    monkeypatch.setattr(typer, "prompt", prompt)
    return asked


def _closed_case(vault: Vault, summary: str, closed: date) -> str:
    code = cases.create_case(
        vault,
        CaseInput(
            signal_date=date(2009, 5, 1),
            reporter="Politie",
            municipality="Meppel",
            form=ExploitationForm.ARBEID,
            summary=summary,
        ),
    ).code
    meeting_day = date(2009, 6, closed.day)
    with contextlib.suppress(InvalidInput):  # the meeting exists already
        meetings.create_meeting(vault, meeting_day, propose=False)
    item = next(i for i in meetings.add_item(vault, meeting_day, code).items if i.case.code == code)
    meetings.add_decision(vault, item.id, DecisionKind.AFSLUITEN, "afgesloten", today=closed)
    return code


@pytest.fixture
def due_vault(new_vault: Vault, vault_path: Path) -> tuple[list[str], str]:
    """Two cases closed in 2010 (long due) and one open case; the vault is closed."""
    due = [
        _closed_case(new_vault, "oude casus een", date(2010, 1, 4)),
        _closed_case(new_vault, "oude casus twee", date(2010, 3, 8)),
    ]
    open_code = cases.create_case(
        new_vault,
        CaseInput(
            signal_date=date(2024, 5, 1),
            reporter="GGD",
            municipality="Assen",
            form=ExploitationForm.SEKSUEEL,
            summary="lopend",
        ),
    ).code
    new_vault.close()
    return due, open_code


def _codes(vault_path: Path) -> list[str]:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        return sorted(c.code for c in cases.list_cases(vault))


# --- retention ------------------------------------------------------------------------


def test_retention_lists_the_due_cases(here, due_vault) -> None:
    due, _ = due_vault
    result = here("retention")
    assert result.code == 0, result.stderr
    assert "5 jaar" in result.stdout
    for code in due:
        assert code in result.stdout
    assert "2010-01-04" in result.stdout and "2015-01-04" in result.stdout
    assert "--purge" in result.stderr

    listed = json.loads(here("retention", "--json").stdout)
    assert listed["retention_years"] == 5
    assert [c["code"] for c in listed["due"]] == due
    assert listed["due"][0] == {
        "code": due[0],
        "datum": "2009-05-01",
        "afgesloten": "2010-01-04",
        "vernietigen_sinds": "2015-01-04",
    }


def test_purge_without_a_terminal_or_yes_is_refused(due_vault, vault_path: Path) -> None:
    before = vault_path.read_bytes()
    result = run_cli("retention", "--purge", env={**WITH_PASSPHRASE, "DRIELUIK_LANG": "en"})
    assert_clean_refusal(result, 1)
    assert "--yes" in result.stderr
    assert vault_path.read_bytes() == before


def test_purge_on_a_terminal_asks_first(here, due_vault, vault_path, monkeypatch) -> None:
    asked = _on_a_terminal(monkeypatch, answer=False)
    result = here("retention", "--purge")
    assert result.code == 0 and asked
    assert "Niets vernietigd" in result.stdout
    assert len(_codes(vault_path)) == 3

    _on_a_terminal(monkeypatch, answer=True)
    assert here("retention", "--purge").code == 0
    assert len(_codes(vault_path)) == 1


def test_purge_with_yes_destroys_and_records(here, due_vault, vault_path: Path) -> None:
    due, open_code = due_vault
    result = here("retention", "--purge", "--yes", "--json")
    assert result.code == 0, result.stderr
    destroyed = json.loads(result.stdout)["destroyed"]
    assert [d["code"] for d in destroyed] == due
    assert all(d["rijen_verwijderd"] >= 4 for d in destroyed)
    assert "back-ups" in result.stderr  # the reminder about copies outside drieluik
    assert _codes(vault_path) == [open_code]

    records = json.loads(here("retention", "--destroyed", "--json").stdout)["destroyed"]
    assert [(r["code"], r["afgesloten"]) for r in records] == [
        (due[0], "2010-01-04"),
        (due[1], "2010-03-08"),
    ]
    trail = json.loads(here("audit", "--json").stdout)
    assert [e["code"] for e in trail if e["actie"] == "retention.purge"] == due
    assert (
        here("retention", "--purge", "--yes").stdout.strip()
        == "Geen casussen over de bewaartermijn."
    )


def test_the_retention_period_is_set_and_checked(here, due_vault) -> None:
    assert here("retention", "--set-years", "20").code == 0
    assert json.loads(here("retention", "--json").stdout) == {"retention_years": 20, "due": []}
    refused = here("retention", "--set-years", "0")
    assert refused.code == 1 and "1 tot en met 30" in refused.stderr
    assert here("retention", "--set-years", "3", "--purge").code == 1


# --- audit ------------------------------------------------------------------------------


def test_audit_lists_and_verifies(here, due_vault) -> None:
    listing = here("audit")
    assert listing.code == 0
    assert "case.create" in listing.stdout and "decision.create" in listing.stdout
    last_two = json.loads(here("audit", "--json", "--limit", "2").stdout)
    assert len(last_two) == 2
    assert set(last_two[0]) == {"id", "tijd", "gebruiker", "actie", "code", "sleutel"}
    assert last_two[0]["sleutel"] == "standaard"

    verified = here("audit", "--verify")
    assert verified.code == 0, verified.stderr
    assert "intact" in verified.stdout
    report = json.loads(here("audit", "--verify", "--json").stdout)
    assert report["ok"] is True and report["first_broken_id"] is None
    assert here("audit", "--limit", "0").code == 1


def _tamper(vault_path: Path, statement: str) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault, vault.transaction() as session:
        session.execute(text(statement))


def test_audit_verify_finds_an_edited_entry(due_vault, vault_path: Path) -> None:
    _tamper(vault_path, "UPDATE audit_log SET case_code = 'DL-2009-099' WHERE id = 3")
    result = run_cli("audit", "--verify", env={**WITH_PASSPHRASE, "DRIELUIK_LANG": "en"})
    assert_clean_refusal(result, 7)
    assert "entry 3" in result.stderr

    as_json = run_cli("audit", "--verify", "--json", env=WITH_PASSPHRASE)
    assert as_json.code == 7
    assert json.loads(as_json.stdout)["first_broken_id"] == 3


def test_audit_verify_finds_removed_newest_entries(here, due_vault, vault_path: Path) -> None:
    _tamper(vault_path, "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    result = here("audit", "--verify")
    assert result.code == 7
    # This command's own unlock entry continues from the recorded head, so
    # the gap shows as a broken link right there.
    assert "Logboek gewijzigd" in result.stderr


# --- passphrase strength -------------------------------------------------------------


def test_init_refuses_a_weak_passphrase_in_a_script(vault_path: Path) -> None:
    result = run_cli("init", env={**WITH_PASSPHRASE, "DRIELUIK_LANG": "en"})
    assert_clean_refusal(result, 1)
    assert "very weak" in result.stderr and "--allow-weak" in result.stderr
    assert not vault_path.exists()


def test_init_takes_a_weak_passphrase_when_allowed_or_confirmed(
    here, vault_path: Path, monkeypatch
) -> None:
    assert here("init", "--allow-weak").code == 0
    vault_path.unlink()
    asked = _on_a_terminal(monkeypatch, answer=True)
    monkeypatch.setattr("drieluik.cli.vault_cmds.get_passphrase", lambda *a, **k: PASSPHRASE)
    assert here("init").code == 0 and asked
    Vault.open(vault_path, PASSPHRASE).close()


def test_a_strong_passphrase_needs_no_confirmation(vault_path: Path, monkeypatch) -> None:
    result = run_cli("init", env={"DRIELUIK_PASSPHRASE": STRONG})
    assert result.code == 0, result.stderr
    assert "sterk" in result.stderr
    weak = run_cli(
        "passwd", env={"DRIELUIK_PASSPHRASE": STRONG, "DRIELUIK_NEW_PASSPHRASE": "welkom01"}
    )
    assert_clean_refusal(weak, 1)
    Vault.open(vault_path, STRONG).close()


# --- recovery key ------------------------------------------------------------------------


def test_the_recovery_key_opens_a_vault_whose_passphrase_is_lost(
    vault_path: Path, tmp_path: Path
) -> None:
    made = run_cli("init", "--recovery-key", env={"DRIELUIK_PASSPHRASE": STRONG})
    assert made.code == 0, made.stderr
    key = made.stdout.strip()
    assert recovery.parse(key) == key  # stdout holds exactly the key
    assert "één keer" in made.stderr
    assert peek(vault_path).slots == ("passphrase", "recovery")
    key_file = tmp_path / "herstel.txt"
    key_file.write_text(key.lower().replace("-", " ") + "\n", encoding="utf-8")

    # The passphrase is forgotten: the key opens the vault …
    checked = run_cli("check", "--json", "--recovery-key-file", str(key_file))
    assert checked.code == 0, checked.stderr
    assert run_cli("audit", env={"DRIELUIK_RECOVERY_KEY": key}).code == 0
    # … and sets a new passphrase.
    new_file = tmp_path / "nieuw.txt"
    new_file.write_text("een nieuw lang wachtwoord voor de kluis\n", encoding="utf-8")
    changed = run_cli(
        "passwd", "--recovery-key-file", str(key_file), "--new-passphrase-file", str(new_file)
    )
    assert changed.code == 0, changed.stderr
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, STRONG)
    with Vault.open(vault_path, "een nieuw lang wachtwoord voor de kluis") as vault:
        actions = [e.action for e in audit.list_entries(vault)]
        assert "unlock.recovery" in actions and "passphrase.change" in actions
    Vault.open(vault_path, recovery_key=key).close()  # the key keeps working


def test_a_mistyped_recovery_key_is_caught_before_unlocking(
    here, new_vault: Vault, vault_path: Path, tmp_path: Path, monkeypatch
) -> None:
    key = recovery.generate()
    new_vault.set_recovery_key(key)
    vault_id = new_vault.header.vault_id.hex()
    new_vault.close()
    monkeypatch.delenv("DRIELUIK_PASSPHRASE")
    typo = key[:5] + ("A" if key[5] != "A" else "B") + key[6:]
    for typed, expected in [
        (typo, "controlegroep"),
        (key[:-5], "verwacht 32"),
        (key.replace(key[0], "0", 1), "O/0"),
        (key + "!", "ongeldig teken"),
    ]:
        monkeypatch.setenv("DRIELUIK_RECOVERY_KEY", typed)
        result = here("check")
        assert result.code == 1, typed
        assert expected in result.stderr
    assert local_state.failed_unlocks(vault_id) == []  # no unlock was even tried
    monkeypatch.setenv("DRIELUIK_RECOVERY_KEY", key)
    assert here("check").code == 0
    # A well-formed key of another vault: said as a recovery key, not as a passphrase.
    monkeypatch.setenv("DRIELUIK_RECOVERY_KEY", recovery.generate())
    other = here("check")
    assert other.code == 3
    assert "herstelsleutel" in other.stderr and "wachtwoord" not in other.stderr


def test_recovery_key_command_replaces_only_after_confirmation(
    here, new_vault: Vault, vault_path: Path
) -> None:
    old = recovery.generate()
    new_vault.set_recovery_key(old)
    new_vault.close()
    refused = here("recovery-key")
    assert refused.code == 1 and "--yes" in refused.stderr
    Vault.open(vault_path, recovery_key=old).close()

    replaced = here("recovery-key", "--yes")
    assert replaced.code == 0, replaced.stderr
    new = replaced.stdout.strip()
    assert recovery.parse(new) == new != old
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, recovery_key=old)
    with Vault.open(vault_path, recovery_key=new) as vault:
        assert "recovery_key.replace" in [e.action for e in audit.list_entries(vault)]


# --- unlock entries and rollback ---------------------------------------------------------------


def test_a_reading_command_does_not_rewrite_the_vault(here, new_vault, vault_path) -> None:
    new_vault.close()
    before = vault_path.read_bytes()
    for args in (("check",), ("audit",), ("retention",), ("audit", "--verify")):
        assert here(*args).code == 0
    assert vault_path.read_bytes() == before
    # A command that changes something saves its unlock entry with the change.
    assert here("retention", "--set-years", "6").code == 0
    with Vault.open(vault_path, PASSPHRASE) as vault:
        actions = [e.action for e in audit.list_entries(vault)]
    assert actions == ["unlock", "settings.retention_years"]


def test_failed_unlocks_are_logged_at_the_next_unlock(here, new_vault, vault_path, monkeypatch):
    new_vault.close()
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", "fout")
    assert here("check").code == 3
    assert here("audit").code == 3
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)
    trail = json.loads(here("audit", "--json").stdout)
    assert [e["actie"] for e in trail] == ["unlock.failed", "unlock.failed", "unlock"]
    assert trail[0]["tijd"] <= trail[1]["tijd"] <= trail[2]["tijd"]
    # Saved at once (the local file is cleared), so they are logged once only.
    state = json.loads(local_state.state_path().read_text(encoding="utf-8"))
    assert all("failed_unlocks" not in v for v in state["vaults"].values())
    trail = json.loads(here("audit", "--json").stdout)
    assert [e["actie"] for e in trail].count("unlock.failed") == 2
    assert here("audit", "--verify").code == 0


def test_check_warns_about_an_older_copy(here, new_vault, vault_path, tmp_path) -> None:
    new_vault.close()
    copy = tmp_path / "oud.vault"
    shutil.copy(vault_path, copy)
    assert here("retention", "--set-years", "6").code == 0  # a newer generation is seen
    shutil.copy(copy, vault_path)

    result = here("check", "--json")
    assert result.code == 0
    assert json.loads(result.stdout)["older_copy"] is True
    assert "oudere kopie" in result.stderr
    assert here("audit").stderr.count("oudere kopie") == 1  # every command warns

    accepted = here("check", "--accept-older", "--json")
    assert json.loads(accepted.stdout)["older_copy"] is False
    assert "oudere kopie" not in here("check").stderr


def test_the_local_state_holds_ids_and_generations_only(here, new_vault, vault_path) -> None:
    vault_id = new_vault.header.vault_id.hex()
    new_vault.close()
    assert here("check").code == 0
    state = json.loads(local_state.state_path().read_text(encoding="utf-8"))
    assert state == {"format": 1, "vaults": {vault_id: {"generation": 1}}}
