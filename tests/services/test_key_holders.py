"""The audit trail names the key slot that opened the vault and made each change,
never a passphrase; the name is part of the hash chain."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from drieluik.errors import InvalidInput
from drieluik.services import audit, cases, keys
from drieluik.services.unlock import unlock
from drieluik.store import vault_format as fmt
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.services.test_audit import _input

SECOND = "zorg wachtwoord twee"
RECOVERY = "ABCD-EFGH-JKLM-NPQR"


@pytest.fixture
def two_holders(new_vault: Vault, vault_path: Path) -> Path:
    assert keys.add_key(new_vault, "zorgcoördinator", SECOND) == "zorgcoördinator"
    new_vault.close()
    return vault_path


def test_the_audit_names_the_slot_that_opened_and_changed(two_holders: Path) -> None:
    with unlock(two_holders, SECOND) as opened:
        code = cases.create_cases(opened, [_input("geheime inhoud")])[0]
    with unlock(two_holders, PASSPHRASE) as opened:
        cases.update_case(opened, code, _input("geheime inhoud, bijgewerkt"))
        entries = [(e.action, e.case_code, e.key_slot) for e in audit.list_entries(opened)]
        assert audit.verify_chain(opened).ok
        with opened.session() as session:
            dump = " ".join(
                str(v) for row in session.execute(text("SELECT * FROM audit_log")) for v in row
            )
    assert entries == [
        ("key.add:zorgcoördinator", None, "standaard"),
        ("unlock", None, "zorgcoördinator"),
        ("case.create", code, "zorgcoördinator"),
        ("unlock", None, "standaard"),
        ("case.edit", code, "standaard"),
    ]
    assert SECOND not in dump and PASSPHRASE not in dump and "geheime" not in dump


def test_key_remove_and_passwd_are_audited_with_the_slot(two_holders: Path) -> None:
    with unlock(two_holders, SECOND) as opened:
        keys.change_passphrase(opened, "nieuw voor zorg")
        assert keys.remove_key(opened, "standaard") == "standaard"
        with pytest.raises(InvalidInput):
            keys.remove_key(opened, "zorgcoördinator")  # the last one stays
        entries = [(e.action, e.key_slot) for e in audit.list_entries(opened)][-3:]
        json_entry = audit.list_entries(opened)[-1].as_json()
    assert entries == [
        ("unlock", "zorgcoördinator"),
        ("passphrase.change", "zorgcoördinator"),
        ("key.remove:standaard", "zorgcoördinator"),
    ]
    assert json_entry["sleutel"] == "zorgcoördinator"


def test_the_recovery_key_is_named_as_such(two_holders: Path) -> None:
    with Vault.open(two_holders, PASSPHRASE) as opened:
        opened.set_recovery_key(RECOVERY)
    with unlock(two_holders, recovery_key=RECOVERY) as opened:
        last = audit.list_entries(opened)[-1]
    assert (last.action, last.key_slot) == ("unlock.recovery", fmt.RECOVERY_SLOT_NAME)


def test_a_changed_slot_name_in_the_trail_breaks_the_chain(two_holders: Path) -> None:
    with unlock(two_holders, SECOND) as opened:
        cases.create_cases(opened, [_input("een")])
        with opened.transaction() as session:
            session.execute(
                text("UPDATE audit_log SET key_slot = 'standaard' WHERE key_slot != 'standaard'")
            )
        result = audit.verify_chain(opened)
    assert not result.ok and result.problem == "hash"


def test_entries_from_before_schema_8_still_verify(new_vault: Vault) -> None:
    """An entry without a slot (older vaults) hashes as it always did."""
    cases.create_cases(new_vault, [_input("een")])
    with new_vault.transaction() as session:
        # What such an entry was: no key_slot column, the old hash.
        row = session.execute(text("SELECT id, at, os_user, action, case_code FROM audit_log"))
        entry_id, at, user, action, code = row.one()
        moment = audit._parse_moment(at)
        old = audit.entry_hash(audit.GENESIS, moment, user, action, code)
        session.execute(
            text("UPDATE audit_log SET key_slot = NULL, hash = :h WHERE id = :i"),
            {"h": old, "i": entry_id},
        )
        session.execute(
            text("UPDATE settings SET value = :v WHERE key = 'audit_head'"), {"v": f"1:{old}"}
        )
    assert audit.verify_chain(new_vault).ok
