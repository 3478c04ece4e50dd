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
    """quick_check's report quotes damaged bytes, which need not be valid UTF-8."""
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
