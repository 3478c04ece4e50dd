"""The audit trail: what is logged, and that tampering with it is detected."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from drieluik.domain.vocabulary import ExploitationForm
from drieluik.services import audit, cases
from drieluik.services.cases import CaseInput
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE


def _input(summary: str) -> CaseInput:
    return CaseInput(
        signal_date=date(2024, 2, 1),
        reporter="Politie",
        municipality="Emmen",
        form=ExploitationForm.SEKSUEEL,
        summary=summary,
    )


@pytest.fixture
def trail(new_vault: Vault) -> Vault:
    """A vault with six entries: import of three, an edit, a status change, an export."""
    codes = cases.create_cases(new_vault, [_input("een"), _input("twee"), _input("drie")])
    cases.update_case(new_vault, codes[0], _input("een, bijgewerkt"))
    cases.set_status(new_vault, codes[1], cases.CaseStatus.AFGESLOTEN)
    audit.record_event(new_vault, "export.minutes")
    return new_vault


def _sql(vault: Vault, statement: str) -> None:
    with vault.transaction() as session:
        session.execute(text(statement))


def _ids(vault: Vault) -> list[int]:
    return [e.id for e in audit.list_entries(vault)]


def test_entries_name_action_user_and_code_never_contents(trail: Vault) -> None:
    entries = audit.list_entries(trail)
    assert [(e.action, e.case_code) for e in entries] == [
        ("case.create", "DL-2024-001"),
        ("case.create", "DL-2024-002"),
        ("case.create", "DL-2024-003"),
        ("case.edit", "DL-2024-001"),
        ("case.status", "DL-2024-002"),
        ("export.minutes", None),
    ]
    assert all(e.os_user == audit.os_user() and e.at is not None for e in entries)
    with trail.session() as session:
        dump = "\n".join(
            " ".join(str(v) for v in row)
            for row in session.execute(text("SELECT * FROM audit_log"))
        )
    assert "bijgewerkt" not in dump and "twee" not in dump
    assert [e.action for e in audit.list_entries(trail, limit=2)] == [
        "case.status",
        "export.minutes",
    ]


def test_an_intact_chain_verifies_and_survives_save_and_open(
    trail: Vault, vault_path: Path
) -> None:
    result = audit.verify_chain(trail)
    assert (result.ok, result.entries, result.problem) == (True, 6, None)
    trail.close()
    with Vault.open(vault_path, PASSPHRASE) as again:
        assert audit.verify_chain(again) == result


def test_an_empty_trail_verifies(new_vault: Vault) -> None:
    assert audit.verify_chain(new_vault).ok


@pytest.mark.parametrize(
    "column, value",
    [
        ("action", "'case.view'"),
        ("case_code", "'DL-2024-003'"),
        ("case_code", "NULL"),
        ("at", "'2020-01-01 00:00:00.000000'"),
        ("at", "'geen tijd'"),
        ("os_user", "'iemand'"),
    ],
)
def test_an_edited_entry_is_found(trail: Vault, column: str, value: str) -> None:
    target = _ids(trail)[3]
    _sql(trail, f"UPDATE audit_log SET {column} = {value} WHERE id = {target}")
    result = audit.verify_chain(trail)
    assert (result.ok, result.first_broken_id, result.problem) == (False, target, "hash")
    assert len(audit.list_entries(trail)) == 6  # a broken entry still lists


def test_an_edited_entry_with_a_recomputed_hash_breaks_the_next_link(trail: Vault) -> None:
    ids = _ids(trail)
    with trail.session() as session:
        prev = session.execute(
            text("SELECT prev_hash, at, os_user, key_slot FROM audit_log WHERE id = :id"),
            {"id": ids[3]},
        ).one()
    forged = audit.entry_hash(
        prev[0], audit._parse_moment(prev[1]), prev[2], "case.view", "DL-2024-001", prev[3]
    )
    _sql(trail, f"UPDATE audit_log SET action = 'case.view', hash = '{forged}' WHERE id = {ids[3]}")
    result = audit.verify_chain(trail)
    assert (result.first_broken_id, result.problem) == (ids[4], "link")


def test_a_deleted_middle_entry_is_found(trail: Vault) -> None:
    ids = _ids(trail)
    _sql(trail, f"DELETE FROM audit_log WHERE id = {ids[2]}")
    result = audit.verify_chain(trail)
    assert (result.ok, result.first_broken_id, result.problem) == (False, ids[3], "link")


def test_a_deleted_first_entry_is_found(trail: Vault) -> None:
    ids = _ids(trail)
    _sql(trail, f"DELETE FROM audit_log WHERE id = {ids[0]}")
    result = audit.verify_chain(trail)
    assert (result.first_broken_id, result.problem) == (ids[1], "link")


@pytest.mark.parametrize("removed", [1, 2])
def test_deleted_newest_entries_are_found_by_the_recorded_head(trail: Vault, removed: int) -> None:
    ids = _ids(trail)
    _sql(trail, f"DELETE FROM audit_log WHERE id >= {ids[-removed]}")
    result = audit.verify_chain(trail)
    assert (result.ok, result.first_broken_id, result.problem) == (False, None, "head_count")


def test_a_truncation_with_a_patched_count_is_still_found(trail: Vault) -> None:
    ids = _ids(trail)
    _sql(trail, f"DELETE FROM audit_log WHERE id = {ids[-1]}")
    _sql(
        trail,
        "UPDATE settings SET value = '5' || substr(value, instr(value, ':')) "
        "WHERE key = 'audit_head'",
    )
    assert audit.verify_chain(trail).problem == "head_hash"


def test_a_removed_head_is_found(trail: Vault) -> None:
    _sql(trail, "DELETE FROM settings WHERE key = 'audit_head'")
    assert audit.verify_chain(trail).problem == "head_missing"


def test_an_inserted_entry_is_found(trail: Vault) -> None:
    ids = _ids(trail)
    _sql(
        trail,
        "INSERT INTO audit_log (at, os_user, action, case_code, prev_hash, hash) "
        f"SELECT at, os_user, 'case.delete', case_code, prev_hash, hash "
        f"FROM audit_log WHERE id = {ids[2]}",
    )
    _sql(trail, f"UPDATE audit_log SET id = id + 100 WHERE id > {ids[2]}")
    result = audit.verify_chain(trail)
    assert not result.ok


def test_new_entries_continue_the_chain_after_a_reopen(trail: Vault, vault_path: Path) -> None:
    trail.close()
    with Vault.open(vault_path, PASSPHRASE) as again:
        cases.create_case(again, _input("vier"))
        result = audit.verify_chain(again)
        assert (result.ok, result.entries) == (True, 7)


def test_notes_typed_in_a_burst_are_logged_once(new_vault: Vault) -> None:
    from datetime import UTC, datetime, timedelta

    from drieluik.services import meetings
    from drieluik.store.models import clock_at

    code = cases.create_case(new_vault, _input("casus")).code
    meeting = meetings.create_meeting(new_vault, date(2024, 3, 1), propose=False)
    item = meetings.add_item(new_vault, meeting.id, code).items[0]
    start = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    for minute, typed in [(0, "a"), (1, "ab"), (5, "abc"), (30, "abcd")]:
        with clock_at(start + timedelta(minutes=minute)):
            meetings.save_notes(new_vault, item.id, typed)
    notes = [e for e in audit.list_entries(new_vault) if e.action == "agenda.notes"]
    assert [(e.case_code, e.at) for e in notes] == [
        (code, start),
        (code, start + timedelta(minutes=30)),
    ]
    assert audit.verify_chain(new_vault).ok
