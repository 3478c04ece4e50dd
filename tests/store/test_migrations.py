"""Schema versioning: frozen migrations, the models agree with them, failures roll back."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlmodel import SQLModel

from drieluik.errors import InvalidInput, VaultDamaged
from drieluik.store import database, migrations
from drieluik.store import models as _models  # noqa: F401  (registers the tables)
from drieluik.store.models import Setting
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE

# A released migration never changes: vaults made with it exist on laptops
# (and tests/data/known-answer-v1.vault). Change the schema by appending a
# migration; then add its hash here.
RELEASED_MIGRATION_SHA256 = {
    1: "6528ae21470b16f1b837e114060ccf53ab2d85266728cfc50b7da757390b4266",
    2: "93423314e3b091cef8c9025d9ef28834d947ef67250f06d0d87935e852897028",
    3: "341467c2119c4d2ab8a4414881f7d0830ae00ae048d508aa37bc990840a98443",
    4: "6f6cb118676826e1b6b0ab5a69f2fb7185e1d8cf2a32a9e4393cb729858a0cf8",
    5: "6c9ca44227a6b5c4494ff632b45e23d4b323b96f4c94056c92ff5eb086ccd507",
}


def _shape(conn: sqlite3.Connection) -> dict[str, tuple]:
    """Tables → (columns, indexes, foreign keys), without FTS shadow tables."""
    shape = {}
    tables = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'"
    ).fetchall()
    for (table,) in tables:
        columns = tuple(conn.execute(f"PRAGMA table_info('{table}')").fetchall())
        indexes = frozenset(
            (
                unique,
                tuple(r[2] for r in conn.execute(f"PRAGMA index_info('{name}')")),
            )
            for _, name, unique, *_ in conn.execute(f"PRAGMA index_list('{table}')")
        )
        keys = frozenset(row[2:5] for row in conn.execute(f"PRAGMA foreign_key_list('{table}')"))
        shape[table] = (columns, indexes, keys)
    return shape


def test_migrations_create_what_the_models_declare() -> None:
    engine = create_engine("sqlite://")
    SQLModel.metadata.create_all(engine)
    declared = _shape(engine.raw_connection().driver_connection)
    migrated_conn = sqlite3.connect(":memory:")
    migrations.migrate(migrated_conn)
    migrated = _shape(migrated_conn)

    assert set(declared) == set(migrated)
    for table, (columns, indexes, keys) in declared.items():
        m_columns, m_indexes, m_keys = migrated[table]
        assert m_columns == columns, table
        assert m_keys == keys, table
        # Migrations may add indexes for speed; every declared one must exist.
        assert indexes <= m_indexes, (table, indexes - m_indexes)


def test_migrations_create_the_search_index_and_its_triggers() -> None:
    conn = sqlite3.connect(":memory:")
    migrations.migrate(conn)
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "search_index" in names
    assert {f"{t}_fts_{op}" for t in ("cases", "notes") for op in ("insert", "update")} <= names


def test_released_migrations_are_frozen() -> None:
    digests = {
        version: hashlib.sha256(script.encode()).hexdigest()
        for version, script in enumerate(migrations.MIGRATIONS, start=1)
    }
    for version, digest in RELEASED_MIGRATION_SHA256.items():
        assert digests[version] == digest, (
            f"migration {version} was changed after release; append a new migration instead "
            "(a vault made with the old one would no longer match the models)"
        )
    assert len(migrations.MIGRATIONS) == migrations.SCHEMA_VERSION


def test_a_new_database_is_at_the_current_version() -> None:
    conn = sqlite3.connect(":memory:")
    assert migrations.migrate(conn) == 0
    assert migrations.schema_version(conn) == migrations.SCHEMA_VERSION
    assert migrations.migrate(conn) == migrations.SCHEMA_VERSION  # idempotent


def _with_migration(monkeypatch: pytest.MonkeyPatch, script: str) -> int:
    """Pretend a later release appended `script` as the next migration."""
    extended = (*migrations.MIGRATIONS, script)
    monkeypatch.setattr(migrations, "MIGRATIONS", extended)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(extended))
    monkeypatch.setattr(database, "SCHEMA_VERSION", len(extended))
    return len(extended)


def test_a_failing_migration_rolls_back_to_the_previous_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    conn = sqlite3.connect(":memory:")
    migrations.migrate(conn)
    before = migrations.schema_version(conn)
    _with_migration(
        monkeypatch,
        "CREATE TABLE half_done (x INTEGER);\nINSERT INTO settings VALUES ('m', 'x');\n"
        "CREATE TABLE settings (again INTEGER);",
    )
    with pytest.raises(sqlite3.OperationalError):
        migrations.migrate(conn)
    assert not conn.in_transaction, "a failed migration left its transaction open"
    assert migrations.schema_version(conn) == before
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables
    assert conn.execute("SELECT count(*) FROM settings").fetchone() == (0,)
    # the connection is still usable for ordinary work
    conn.execute("INSERT INTO settings VALUES ('after', 'ok')")
    conn.commit()


def test_opening_an_older_vault_migrates_it_in_memory(
    new_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with new_vault.transaction() as session:
        session.add(Setting(key="kept", value="through the upgrade"))
    new_vault.close()
    old_bytes = vault_path.read_bytes()
    target = _with_migration(monkeypatch, "CREATE TABLE later_feature (x INTEGER);")
    with Vault.open(vault_path, PASSPHRASE) as opened:
        assert opened.schema_version_found == target - 1
        assert migrations.schema_version(opened.db.conn) == target
        with opened.session() as session:
            assert session.get(Setting, "kept").value == "through the upgrade"
    assert vault_path.read_bytes() == old_bytes  # opening alone never writes


def test_a_vault_whose_migration_fails_is_refused_untouched(
    new_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_vault.close()
    old_bytes = vault_path.read_bytes()
    _with_migration(monkeypatch, "CREATE TABLE settings (clash INTEGER);")
    with pytest.raises(VaultDamaged) as caught:
        Vault.open(vault_path, PASSPHRASE)
    assert "migration" in str(caught.value)
    assert vault_path.read_bytes() == old_bytes
    monkeypatch.undo()
    Vault.open(vault_path, PASSPHRASE).close()  # and the lock was released


def test_a_vault_from_a_newer_drieluik_is_refused(new_vault: Vault, vault_path: Path) -> None:
    new_vault.db.conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    new_vault.save()
    new_vault.close()
    with pytest.raises(InvalidInput) as caught:
        Vault.open(vault_path, PASSPHRASE)
    assert caught.value.key == "vault.schema_future"


def test_a_filtered_cases_page_comes_in_date_order_from_an_index() -> None:
    # Migration 4: no sort of every matching row for the cases screen's first page.
    conn = sqlite3.connect(":memory:")
    migrations.migrate(conn)
    for column in ("form", "status", "municipality"):
        plan = " ".join(
            row[3]
            for row in conn.execute(
                f"EXPLAIN QUERY PLAN SELECT * FROM cases WHERE {column} = 'x' "
                "ORDER BY signal_date DESC, id DESC LIMIT 50"
            )
        )
        assert f"ix_cases_{column}_date" in plan and "TEMP B-TREE" not in plan, plan
