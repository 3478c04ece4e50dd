"""SQLite's integrity check: not at open, but in `drieluik check` and once a day.

AES-GCM refuses every damaged byte of the file at open (tests/store/
test_vault_damage.py); a database that is unsound although authenticated can
only come from a holder of the key. These tests make one
(`damage_database_inside`) and show that it opens, is found by the check, is
reported without changing anything, and that the daily schedule holds.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from drieluik.errors import VaultDamaged, damaged_database
from drieluik.services import integrity
from drieluik.store import database
from drieluik.store.models import Setting
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import break_table_page, damage_database_inside

NOON = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def _stored(vault: Vault) -> str | None:
    with vault.session() as session:
        row = session.get(Setting, integrity.LAST_RUN_KEY)
    return row.value if row else None


def test_a_sound_vault_is_checked_once_a_day(new_vault: Vault) -> None:
    assert integrity.problems(new_vault) == []
    assert integrity.run_if_due(new_vault, NOON) == []
    assert _stored(new_vault) == "2026-12-02T12:00:00+00:00"
    assert integrity.run_if_due(new_vault, NOON + timedelta(hours=23)) is None
    assert integrity.run_if_due(new_vault, NOON + timedelta(days=1, seconds=1)) == []
    assert _stored(new_vault) == "2026-12-03T12:00:01+00:00"


def test_the_last_run_travels_with_the_vault(new_vault: Vault, vault_path: Path) -> None:
    integrity.run_if_due(new_vault, NOON)
    new_vault.save()
    new_vault.close()
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert integrity.run_if_due(reopened, NOON + timedelta(hours=1)) is None


def test_a_clock_set_back_or_an_unreadable_value_runs_the_check(new_vault: Vault) -> None:
    integrity.run_if_due(new_vault, NOON)
    assert integrity.due(new_vault, NOON - timedelta(hours=1))  # the last run is "in the future"
    assert not integrity.due(new_vault, NOON + timedelta(hours=1))
    for unreadable in ("gisteren", "2026-12-02T11:00:00"):  # no time zone: not ours either
        with new_vault.transaction() as session:
            row = session.get(Setting, integrity.LAST_RUN_KEY)
            row.value = unreadable
            session.add(row)
        assert integrity.due(new_vault, NOON + timedelta(hours=1))


def test_an_unsound_database_opens_and_is_found_by_the_check(
    new_vault: Vault, vault_path: Path
) -> None:
    damage_database_inside(new_vault)
    new_vault.close()
    before = vault_path.read_bytes()
    with Vault.open(vault_path, PASSPHRASE) as opened:  # open no longer runs the check
        found = integrity.problems(opened)
        assert found and all("damage_probe_a" in line for line in found)
        assert integrity.problems(opened, on_a_copy=True) == found
        # Scheduled: reported, not remembered (so it is reported again), nothing changed.
        assert integrity.run_if_due(opened, NOON) == found
        assert _stored(opened) is None
        assert integrity.run_if_due(opened, NOON + timedelta(minutes=1)) == found
    assert vault_path.read_bytes() == before


def test_the_check_on_a_copy_leaves_the_database_usable(new_vault: Vault) -> None:
    assert new_vault.db is not None
    assert new_vault.db.integrity_problems(on_a_copy=True) == []
    with new_vault.transaction() as session:
        session.add(Setting(key="after_the_copy", value="x"))
    assert new_vault.db.integrity_problems() == []


def test_opening_runs_no_integrity_check(new_vault: Vault, monkeypatch) -> None:
    """The check grows with the vault (10.6 s at 100k on SQLite >= 3.44): not at open."""
    payload = new_vault.db.serialize()
    statements: list[str] = []
    real_connect = database._connect

    def traced() -> sqlite3.Connection:
        conn = real_connect()
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(database, "_connect", traced)
    loaded, _ = database.Database.from_bytes(payload)
    loaded.close()
    assert statements  # the trace works
    assert not [s for s in statements if "_check" in s.lower()], statements


def test_damage_met_by_a_query_is_the_documented_damage(new_vault: Vault) -> None:
    break_table_page(new_vault, "cases")
    assert new_vault.db is not None
    with pytest.raises(sqlite3.DatabaseError) as raised:
        new_vault.db.conn.execute("SELECT * FROM cases").fetchall()
    damage = damaged_database(raised.value)
    assert isinstance(damage, VaultDamaged) and damage.exit_code == 7
    # As the services meet it, through SQLAlchemy:
    with pytest.raises(DBAPIError) as wrapped, new_vault.session() as session:
        session.execute(text("SELECT * FROM cases")).all()
    assert isinstance(damaged_database(wrapped.value), VaultDamaged)
    # Other database errors stay what they are.
    with pytest.raises(sqlite3.IntegrityError) as unique:
        new_vault.db.conn.execute("INSERT INTO settings VALUES ('k', 1), ('k', 2)")
    assert damaged_database(unique.value) is None
    assert damaged_database(ValueError("x")) is None
