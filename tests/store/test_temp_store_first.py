"""`PRAGMA temp_store = MEMORY` holds before the first query on decrypted bytes.

`Database.from_bytes` loads the schema and reads the schema version before the
`Database` applies its pragmas, so the connection itself must start with
temp_store = MEMORY (2); the sort tests in test_no_plaintext.py show why.
"""

from __future__ import annotations

import sqlite3

import pytest

from drieluik.store import database

MEMORY = 2


def test_every_new_connection_starts_with_temp_store_memory() -> None:
    conn = database._connect()
    try:
        assert conn.execute("PRAGMA temp_store").fetchone() == (MEMORY,)
    finally:
        conn.close()


def test_the_setting_survives_deserialize_and_holds_on_a_loaded_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = database.Database.new()
    payload = source.serialize()
    source.close()
    seen: list[int] = []
    real_connect = database._connect

    def watching_connect() -> sqlite3.Connection:
        conn = real_connect()
        # The first statement from_bytes runs (loading the schema) sees this value.
        seen.append(conn.execute("PRAGMA temp_store").fetchone()[0])
        return conn

    monkeypatch.setattr(database, "_connect", watching_connect)
    loaded, _ = database.Database.from_bytes(payload)
    try:
        assert seen == [MEMORY]
        assert loaded.conn.execute("PRAGMA temp_store").fetchone() == (MEMORY,)
    finally:
        loaded.close()
