"""Decrypted bytes that are not a sound database: refused as DatabaseCorrupt.

Only a holder of the key can produce such a payload (it is authenticated),
but the reader must still answer with one clear error, never a crash.
Both cases below were found by tests/faults/test_fuzz_reader.py.
"""

from __future__ import annotations

import pytest

from drieluik.store.database import Database, DatabaseCorrupt, SchemaTooNew
from drieluik.store.models import Setting
from drieluik.store.vault import Vault


def test_an_empty_payload_is_corrupt_not_a_memory_error() -> None:
    with pytest.raises(DatabaseCorrupt):
        Database.from_bytes(b"")


def test_flipped_bytes_in_the_database_never_escape_as_other_errors(new_vault: Vault) -> None:
    """SQLite's error reports quote damaged bytes, which need not be valid UTF-8."""
    with new_vault.transaction() as session:
        session.add(Setting(key="k", value="db " * 500))
    payload = new_vault.db.serialize()
    refused = 0
    for position in range(0, len(payload), 251):
        damaged = bytearray(payload)
        damaged[position] ^= 0x80
        try:
            db, _ = Database.from_bytes(bytes(damaged))
        except (DatabaseCorrupt, SchemaTooNew):  # a flip in user_version reads as "newer"
            refused += 1
        else:
            db.close()
    assert refused > 0


@pytest.mark.parametrize(
    ("position", "mask"),
    [(60, 0x80), (59, 0x05), (59, 0x02), (56, 0xFF)],
    ids=["negative user_version", "UTF-16le encoding", "UTF-16be encoding", "odd encoding"],
)
def test_damaged_sqlite_header_fields_are_corrupt(position: int, mask: int) -> None:
    """SQLite header bytes 56-59 (text encoding) and 60-63 (user_version), found by the fuzzer."""
    payload = bytearray(Database.new().serialize())
    payload[position] ^= mask
    try:
        db, found = Database.from_bytes(bytes(payload))
    except DatabaseCorrupt:
        return
    db.close()
    assert found >= 0
