"""The in-memory SQLite database behind the vault, with SQLModel on top.

The database only ever lives in memory: it arrives as decrypted bytes
(`deserialize`) and leaves as bytes to encrypt (`serialize`). `temp_store`
is forced to MEMORY because this SQLite otherwise spills sorts and index
builds to plaintext files in /var/tmp (measured, DESIGN.md §4).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

from drieluik.store.migrations import SCHEMA_VERSION, migrate, schema_version

_PRAGMAS = (
    "PRAGMA temp_store = MEMORY",
    "PRAGMA foreign_keys = ON",
    # Freed pages are zeroed, so a purge leaves no readable remains.
    "PRAGMA secure_delete = ON",
    "PRAGMA journal_mode = MEMORY",
)
# trusted_schema stays ON: the schema is authenticated by AES-GCM before it is
# loaded, and the FTS triggers need virtual-table access.


class DatabaseCorrupt(Exception):
    pass


class SchemaTooNew(Exception):
    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


class Database:
    """One in-memory SQLite connection, shared by one SQLAlchemy engine.

    `lock` serialises access between the UI thread and save workers.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.lock = threading.RLock()
        # Given to every session (`Session.info`): the vault puts the name of
        # the key slot that opened it here, for the audit trail.
        self.session_info: dict[str, object] = {}
        for pragma in _PRAGMAS:
            conn.execute(pragma)
        self.engine: Engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)

    @classmethod
    def new(cls) -> Database:
        db = cls(_connect())
        migrate(db.conn)
        return db

    @classmethod
    def from_bytes(cls, payload: bytes | bytearray | memoryview) -> tuple[Database, int]:
        """Load decrypted bytes; returns the database and the schema version found."""
        if not payload:  # deserialize(b"") raises MemoryError, not DatabaseError
            raise DatabaseCorrupt("empty database")
        conn = _connect()
        try:
            conn.deserialize(payload)
            # deserialize() accepts any bytes; damage shows at the first query.
            # No quick_check here: AES-GCM has authenticated every byte, so only
            # a holder of the key can produce a damaged database, and the check
            # grows with the vault (567 ms at 100k cases; on SQLite >= 3.44 it
            # also checks the FTS5 index, 10.6 s). `integrity_problems()` runs
            # the full check in `drieluik check` and once a day in the TUI
            # (services/integrity.py). Loading the schema is cheap and catches a
            # database that SQLite cannot even read.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            # Vaults are always UTF-8 and at schema >= 1; other header values
            # are damage (a UTF-16 database even breaks the PRAGMAs below).
            if conn.execute("PRAGMA encoding").fetchone() != ("UTF-8",):
                raise DatabaseCorrupt("text encoding")
            found = schema_version(conn)
            if found < 0:
                raise DatabaseCorrupt(f"schema version {found}")
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            # SQLite's reports quote damaged bytes, which may not be UTF-8
            conn.close()
            raise DatabaseCorrupt(str(exc)) from None
        if found > SCHEMA_VERSION:
            conn.close()
            raise SchemaTooNew(found)
        try:
            db = cls(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise DatabaseCorrupt(str(exc)) from None
        try:
            migrate(db.conn)
        except (sqlite3.DatabaseError, UnicodeDecodeError, MemoryError) as exc:
            db.close()
            raise DatabaseCorrupt(f"migration from schema {found} failed: {exc}") from None
        return db, found

    def integrity_problems(self, *, on_a_copy: bool = False) -> list[str]:
        """`PRAGMA integrity_check`: [] when sound, else SQLite's first findings.

        Nothing is repaired. `on_a_copy` copies the database first (under the
        lock, at memory speed) and checks the copy without holding the lock,
        so the UI thread is not blocked for the whole check; the copy costs
        one database's worth of memory for the duration, as a save does.
        """
        if not on_a_copy:
            with self.lock:
                return _integrity_problems(self.conn)
        copy = _connect()
        try:
            with self.lock:
                self.conn.backup(copy)
            return _integrity_problems(copy)
        finally:
            copy.close()

    def serialize(self) -> bytes:
        with self.lock:
            return self.conn.serialize()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with (
            self.lock,
            Session(self.engine, expire_on_commit=False, info=dict(self.session_info)) as session,
        ):
            yield session

    def close(self) -> None:
        with self.lock:
            self.engine.dispose()
            self.conn.close()


def _integrity_problems(conn: sqlite3.Connection, limit: int = 10) -> list[str]:
    # The report quotes damaged bytes, which need not be UTF-8.
    factory, conn.text_factory = conn.text_factory, _lenient_text
    try:
        rows = conn.execute(f"PRAGMA integrity_check({limit})").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.text_factory = factory
    if rows == [("ok",)]:
        return []
    return [str(row[0]) for row in rows]


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


def _connect() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    # At once, not only in Database(): from_bytes() already queries the
    # decrypted database (schema, version) before that; integrity_check on a
    # copy sorts in temp storage too.
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn
