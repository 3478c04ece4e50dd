"""Schema versioning: frozen migrations, the models agree with them, failures roll back."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
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
    5: "42b00c40835f75ab71418ff70bd75157f70f4e2c617e8fbfa9b9326de42eea49",
    6: "6c9ca44227a6b5c4494ff632b45e23d4b323b96f4c94056c92ff5eb086ccd507",
    7: "6c3c430c7d677184fc5bb13ab865fb84b2f8f1d6a532686941c9a01009066ae8",
    8: "c27bc18681e973f1ac87a889164a2c0cbd45dfd4b6ca6dbc92a64dce0bcbc24f",
    9: "dcfd3d10f130012fc4a43f13cd3e15b396025f5098d350fae643972587555f02",
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
    assert conn.execute("SELECT count(*) FROM settings WHERE key = 'm'").fetchone() == (0,)
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


# --- migration 5: old history sentences become params; events become append-only ------

_OLD_CASE = (
    "INSERT INTO cases VALUES (1, 'DL-2024-001', '2024-01-02', 'Veilig Thuis Drenthe', "
    "'Assen', 'arbeid', '', 0, 'Omschrijving.', 'afgesloten', NULL, '2024-03-01', "
    "'2024-01-03 09:00:00.000000', '2024-03-01 09:00:00.000000')"
)
# (kind, detail) exactly as drieluik wrote them before migration 5 (services and demo).
_OLD_EVENTS = [
    ("signaal ontvangen", "Veilig Thuis Drenthe", None),
    ("status gewijzigd", "nieuw → geagendeerd", 1),
    ("geagendeerd", "2024-01-11 — nieuw signaal", 1),
    ("status gewijzigd", "geagendeerd → monitoring (herbeoordeling 2024-03-01)", 1),
    ("besproken", "2024-01-11", 1),
    ("doorgeschoven", "volgend overleg", 1),
    ("doorgeschoven", "2024-02-08", 1),
    ("van agenda gehaald", "2024-02-08", 1),
    ("actie uitgesteld", "Huisvesting controleren (Politie (AVIM)): 2024-02-01 → 2024-02-15", None),
    ("actie gedaan", "Huisvesting controleren (Politie (AVIM))", None),
    ("actie uitgesteld", "Bellen (GGD Drenthe): — → 2024-03-01", None),
    ("actie vervallen", "Bellen (GGD Drenthe)", None),
    ("gewijzigd", "gemeente, omschrijving", None),
    ("gewijzigd", "iets wat geen veldnaam is", None),
    ("status gewijzigd", "monitoring → ingebracht RIEC", None),
]


def _old_vault_database() -> sqlite3.Connection:
    """A database as drieluik left it at schema 4, with the sentences it wrote."""
    conn = sqlite3.connect(":memory:")
    for version, script in enumerate(migrations.MIGRATIONS[:4], start=1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;")
    conn.execute(_OLD_CASE)
    conn.execute(
        "INSERT INTO meetings VALUES (1, '2024-01-11', '[]', '2024-01-11 09:00:00.000000', "
        "'2024-01-11 11:00:00.000000', '2024-01-08 09:00:00.000000')"
    )
    conn.execute(
        "INSERT INTO agenda_items VALUES (1, 1, 1, 1, 'nieuw signaal', 'Notes.', 1, 60, 0)"
    )
    conn.execute(
        "INSERT INTO decisions VALUES (1, 1, 1, 'monitoring', 'Volgen.', NULL, '2024-03-01', "
        "'2024-01-11 10:20:00.000000')"
    )
    conn.execute(
        "INSERT INTO actions VALUES (1, 1, 1, 'Huisvesting controleren', 'Politie (AVIM)', "
        "'2024-02-15', 'gedaan', 1, '2024-01-11 10:20:00.000000', '2024-02-14 10:00:00.000000')"
    )
    conn.execute(
        "INSERT INTO actions VALUES (2, 1, NULL, 'Bellen', 'GGD Drenthe', '2024-03-01', "
        "'vervallen', 1, '2024-01-12 10:00:00.000000', '2024-02-20 10:00:00.000000')"
    )
    for index, (kind, detail, meeting) in enumerate(_OLD_EVENTS, start=1):
        conn.execute(
            "INSERT INTO case_events (case_id, at, kind, meeting_id, detail) "
            "VALUES (?, ?, ?, ?, ?)",
            (1, f"2024-01-{index:02d} 12:00:00.000000", kind, meeting, detail),
        )
    conn.commit()
    return conn


def test_migration_5_turns_old_sentences_into_params() -> None:
    conn = _old_vault_database()
    assert migrations.migrate(conn) == 4
    rows = conn.execute("SELECT id, kind, meeting_id, detail, params FROM case_events ORDER BY id")
    events = [
        (kind, meeting, detail, json.loads(params)) for _, kind, meeting, detail, params in rows
    ]
    assert {detail for _, _, detail, _ in events} == {""}
    converted = [params for _, _, _, params in events[: len(_OLD_EVENTS)]]
    assert converted == [
        {"reporter": "Veilig Thuis Drenthe"},
        {"from": "nieuw", "to": "geagendeerd"},
        {"meeting_date": "2024-01-11", "reason": "nieuw signaal"},
        {"from": "geagendeerd", "to": "monitoring", "review_date": "2024-03-01"},
        {"meeting_date": "2024-01-11"},
        {},
        {"to_meeting_date": "2024-02-08"},
        {"meeting_date": "2024-02-08"},
        {
            "description": "Huisvesting controleren",
            "owner": "Politie (AVIM)",
            "from": "2024-02-01",
            "to": "2024-02-15",
            "reason": "",
            "action_id": 1,
        },
        {"description": "Huisvesting controleren", "owner": "Politie (AVIM)", "action_id": 1},
        {
            "description": "Bellen",
            "owner": "GGD Drenthe",
            "from": None,
            "to": "2024-03-01",
            "reason": "",
            "action_id": 2,
        },
        {"description": "Bellen", "owner": "GGD Drenthe", "action_id": 2},
        {"fields": ["municipality", "summary"]},
        {"legacy": "iets wat geen veldnaam is"},
        {"from": "monitoring", "to": "ingebracht_riec"},
    ]
    # The decision and the actions get the creation events they never had; an
    # action's first due date is where its first postponement started from.
    created = events[len(_OLD_EVENTS) :]
    assert created == [
        (
            "besluit",
            1,
            "",
            {
                "decision_id": 1,
                "kind": "monitoring",
                "text": "Volgen.",
                "referral_to": None,
                "review_date": "2024-03-01",
            },
        ),
        (
            "actie aangemaakt",
            1,
            "",
            {
                "action_id": 1,
                "description": "Huisvesting controleren",
                "owner": "Politie (AVIM)",
                "due_date": "2024-02-01",
            },
        ),
        (
            "actie aangemaakt",
            None,
            "",
            {"action_id": 2, "description": "Bellen", "owner": "GGD Drenthe", "due_date": None},
        ),
    ]
    # From now on history is append-only; destroying a whole case still works.
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE case_events SET kind = 'besluit' WHERE id = 1")
    conn.execute("DELETE FROM case_events WHERE case_id = 1")
    assert conn.execute("SELECT count(*) FROM case_events").fetchone() == (0,)


def test_migrated_old_events_render_in_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    from drieluik.domain.vocabulary import EventKind
    from drieluik.services.history import render_event

    conn = _old_vault_database()
    migrations.migrate(conn)
    rows = conn.execute("SELECT kind, params FROM case_events ORDER BY id").fetchall()
    rendered = [render_event(EventKind(kind), json.loads(params)) for kind, params in rows]
    assert rendered[3] == "geagendeerd → monitoring (herbeoordeling 01-03-2024)"
    assert rendered[8] == "Huisvesting controleren (Politie (AVIM)): 01-02-2024 → 15-02-2024"
    assert rendered[13] == "iets wat geen veldnaam is"
    assert rendered[-2] == "Huisvesting controleren (Politie (AVIM), uiterlijk 01-02-2024)"
    monkeypatch.setenv("DRIELUIK_LANG", "en")
    assert render_event(EventKind(rows[12][0]), json.loads(rows[12][1])) == "municipality, summary"
    assert render_event(EventKind(rows[5][0]), json.loads(rows[5][1])) == "next meeting"


def test_migration_5_is_linear_in_the_number_of_actions() -> None:
    # Finding each action's first postponement by a correlated scan of all
    # events made it quadratic: 25 s for 5,000 actions, hours at 100k cases.
    conn = sqlite3.connect(":memory:")
    for version, script in enumerate(migrations.MIGRATIONS[:4], start=1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;")
    count = 5000
    conn.executemany(
        "INSERT INTO cases VALUES (?, ?, '2024-01-02', 'VT', 'Assen', 'arbeid', '', 0, '', "
        "'nieuw', NULL, NULL, '2024-01-03 09:00:00', '2024-01-03 09:00:00')",
        [(i, f"DL-2024-{i:06d}") for i in range(1, count + 1)],
    )
    conn.executemany(
        "INSERT INTO actions VALUES (?, ?, NULL, 'Bellen', 'GGD', '2024-02-15', 'open', 1, "
        "'2024-01-11 10:20:00', NULL)",
        [(i, i) for i in range(1, count + 1)],
    )
    conn.executemany(
        "INSERT INTO case_events (case_id, at, kind, meeting_id, detail) "
        "VALUES (?, '2024-01-20 10:00:00', 'actie uitgesteld', NULL, ?)",
        [(i, "Bellen (GGD): 2024-02-01 → 2024-02-15") for i in range(1, count + 1)],
    )
    conn.commit()
    started = time.perf_counter()
    migrations.migrate(conn)
    assert time.perf_counter() - started < 8  # under 1 s; quadratic took 25 s
    dues = conn.execute(
        "SELECT DISTINCT json_extract(params, '$.due_date') FROM case_events "
        "WHERE kind = 'actie aangemaakt'"
    ).fetchall()
    assert dues == [("2024-02-01",)]


# The lists drieluik had hard-coded before region profiles (domain/vocabulary.py
# until issue 17), copied here so that a change to the shipped profile cannot
# hide a change to what an old vault migrates to.
_DRENTHE_BEFORE_PROFILES = (
    "Aa en Hunze", "Assen", "Borger-Odoorn", "Coevorden", "De Wolden", "Emmen",
    "Hoogeveen", "Meppel", "Midden-Drenthe", "Noordenveld", "Tynaarlo", "Westerveld",
)  # fmt: skip
_REPORTERS_BEFORE_PROFILES = (
    "Veilig Thuis Drenthe", "Politie (AVIM)", "Politie (TMM)", "Politie", "Zorginstelling",
    "Gemeente", "KMar", "Nederlandse Arbeidsinspectie", "RIEC Noord-Nederland",
    "Zorg- en Veiligheidshuis Drenthe", "COA / vluchtelingenketen", "CoMensha",
    "Time2Connect", "GGD Drenthe", "Overig",
)  # fmt: skip


def test_migration_8_gives_an_existing_vault_the_drenthe_profile_unchanged() -> None:
    from sqlmodel import Session

    from drieluik.domain.synonyms import PLACES
    from drieluik.services import region

    conn = sqlite3.connect(":memory:")
    conn.create_function("drieluik_v5_params", 2, migrations._v5_params)
    for version, script in enumerate(migrations.MIGRATIONS[:7], start=1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;")
    conn.execute(
        "INSERT INTO cases VALUES (1, 'DL-2024-001', '2024-01-02', 'Veilig Thuis Drenthe', "
        "'buiten Drenthe', 'arbeid', '', 0, '', 'nieuw', NULL, NULL, "
        "'2024-01-03 09:00:00', '2024-01-03 09:00:00')"
    )
    conn.commit()
    assert migrations.migrate(conn) == 7
    stored = conn.execute("SELECT value FROM settings WHERE key = 'region_profile'").fetchone()
    profile = region.RegionProfile.from_json(stored[0])
    assert profile.key == "drenthe" and profile.name == "Drenthe"
    assert profile.meeting_name == "het Drieluik" and profile.code_prefix == "DL"
    assert profile.all_names() == _DRENTHE_BEFORE_PROFILES
    assert all(m.since is None and m.until is None for m in profile.municipalities)
    assert profile.reporters == _REPORTERS_BEFORE_PROFILES and profile.partners == ()
    assert profile.outside == "buiten Drenthe"
    assert dict(profile.places) == PLACES
    # The case keeps what it had; the profile reads it as before.
    assert profile.parse_municipality("buiten Drenthe") == "buiten Drenthe"
    assert profile.place_municipality("Beilen") == "Midden-Drenthe"
    engine = create_engine("sqlite://", creator=lambda: conn)
    with Session(engine) as session:
        assert region.read(session) == profile
    assert profile == region.default_profile()  # the shipped one is the same today


def test_migration_8_keeps_a_profile_that_is_already_there() -> None:
    conn = sqlite3.connect(":memory:")
    conn.create_function("drieluik_v5_params", 2, migrations._v5_params)
    for version, script in enumerate(migrations.MIGRATIONS[:7], start=1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;")
    conn.execute("INSERT INTO settings VALUES ('region_profile', 'mine')")
    conn.commit()
    migrations.migrate(conn)
    assert conn.execute("SELECT value FROM settings WHERE key = 'region_profile'").fetchall() == [
        ("mine",)
    ]
