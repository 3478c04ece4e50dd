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
            result = conn.execute("PRAGMA quick_check").fetchall()
            if result != [("ok",)]:
                raise DatabaseCorrupt(str(result[:3]))
            # Vaults are always UTF-8 and at schema >= 1; other header values
            # are damage (a UTF-16 database even breaks the PRAGMAs below).
            if conn.execute("PRAGMA encoding").fetchone() != ("UTF-8",):
                raise DatabaseCorrupt("text encoding")
            found = schema_version(conn)
            if found < 0:
                raise DatabaseCorrupt(f"schema version {found}")
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            # quick_check's report quotes damaged bytes, which may not be UTF-8
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


def _connect() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    # At once, not only in Database(): from_bytes() already queries the
    # decrypted database (quick_check, schema version) before that.
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn
