"""The committed format-1 vector keeps opening, with exactly its known content
(and converts to format 2 at its next save: tests/store/test_key_slots.py).

Also read by an independent implementation of docs/vault-format.md that uses
only `cryptography` and `sqlite3`, so the document and the code cannot drift
apart without a test failing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import shutil
import sqlite3
import struct
import unicodedata
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from drieluik.errors import WrongPassphrase
from drieluik.store import vault_format as fmt
from drieluik.store.vault import Vault, peek
from tests.vault_testing import FIRST_SLOT, FIXED_FIELDS, SLOT_FIELDS_V1, SLOT_SIZE_V1, field_span

DATA = Path(__file__).parent.parent / "data"
VECTOR = DATA / "known-answer-v1.vault"
EXPECTED = json.loads((DATA / "known-answer-v1.json").read_text(encoding="utf-8"))


@pytest.fixture
def vector(tmp_path: Path) -> Path:
    """A copy: opening creates a lock file, which must not land in the repository."""
    copy = tmp_path / VECTOR.name
    shutil.copyfile(VECTOR, copy)
    return copy


def test_the_committed_vector_is_unchanged() -> None:
    data = VECTOR.read_bytes()
    assert len(data) == EXPECTED["file_size"]
    assert hashlib.sha256(data).hexdigest() == EXPECTED["file_sha256"]


def test_the_vector_opens_with_its_known_content(vector: Path) -> None:
    with Vault.open(vector, EXPECTED["passphrase"]) as vault, vault.db.lock:
        conn = vault.db.conn
        for table, rows in EXPECTED["tables"].items():
            found = [list(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
            if table == "settings":
                # Migration 8 (opening migrates in memory) adds the region profile:
                # Drenthe's, for a vault made before profiles.
                profile = [r for r in found if r[0] == "region_profile"]
                found = [r for r in found if r[0] != "region_profile"]
                assert len(profile) == 1 and '"key": "drenthe"' in profile[0][1]
            assert found == rows, table
        for word, codes in EXPECTED["search"].items():
            hits = conn.execute(
                "SELECT code FROM search_index WHERE search_index MATCH ?", (word,)
            ).fetchall()
            assert [h[0] for h in hits] == codes
        assert vault.schema_version_found == EXPECTED["schema_version"]
        assert vault.header.generation == EXPECTED["header"]["generation"]
    assert vector.read_bytes() == VECTOR.read_bytes()  # opening never writes


def test_migration_1_still_makes_the_schema_the_vector_was_made_with(vector: Path) -> None:
    """Migration 1 is released in this vector: amending it would split the v1 schema in two."""
    from drieluik.store.database import Database

    def schema(conn) -> list[tuple[str, str]]:
        return conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()

    fresh = Database.new()
    try:
        with Vault.open(vector, EXPECTED["passphrase"]) as vault, vault.db.lock:
            assert vault.schema_version_found == 1
            assert schema(vault.db.conn) == schema(fresh.conn), (
                "migration 1 changed after the known-answer vector was made; "
                "append a migration instead"
            )
    finally:
        fresh.close()


def test_the_vector_refuses_a_wrong_passphrase(vector: Path) -> None:
    with pytest.raises(WrongPassphrase):
        Vault.open(vector, EXPECTED["passphrase"].upper())


def test_the_header_fields_are_where_the_document_says(vector: Path) -> None:
    data = vector.read_bytes()
    header, slot = EXPECTED["header"], EXPECTED["slots"][0]

    def raw(name: str) -> bytes:
        offset, size = field_span(name, version=1)
        return data[offset : offset + size]

    def number(name: str) -> int:
        return int.from_bytes(raw(name), "little")

    assert raw("magic") == header["magic"].encode() == fmt.MAGIC
    assert number("format_version") == EXPECTED["format_version"] == 1
    assert 1 in fmt.READABLE_VERSIONS
    assert number("header_length") == header["header_length"] == FIRST_SLOT + SLOT_SIZE_V1
    assert raw("vault_id").hex() == header["vault_id"]
    assert number("generation") == header["generation"]
    assert number("saved_at") == header["saved_at"]
    assert raw("payload_nonce").hex() == header["payload_nonce"]
    assert number("payload_length") == header["payload_length"]
    assert number("slot_count") == header["slot_count"] == 1
    assert raw("reserved") == b"\0\0\0"
    for name in ("kind", "kdf_id", "memory_kib", "iterations", "lanes"):
        assert number(name) == slot[name], name
    for name in ("salt", "wrap_nonce", "wrapped_key"):
        assert raw(name).hex() == slot[name], name
    assert raw("slot_reserved") == b"\0\0" and raw("slot_tail") == b"\0" * 4
    mac_at = header["header_length"]
    assert data[mac_at : mac_at + 32].hex() == header["header_mac"]
    assert data[-16:].hex() == header["payload_tag"]
    assert len(data) == header["header_length"] + 32 + header["payload_length"] + 16

    # The struct layouts in the code agree with the table in the document.
    assert fmt.FIXED_HEADER.size == FIRST_SLOT == sum(s for _, s in FIXED_FIELDS.values())
    assert fmt.SLOT_V1.size == SLOT_SIZE_V1 == sum(s for _, s in SLOT_FIELDS_V1.values())
    parsed = fmt.parse_header(data, len(data))
    assert parsed.version == 1
    assert parsed.vault_id.hex() == header["vault_id"]
    assert parsed.slots[0].params.memory_kib == slot["memory_kib"]

    info = peek(vector)
    assert (info.generation, info.size, info.slots, info.format_version) == (
        header["generation"],
        EXPECTED["file_size"],
        ("passphrase",),
        1,
    )
    assert info.slot_names == (fmt.DEFAULT_SLOT_NAME,)


def _hkdf(data_key: bytes, vault_id: bytes, purpose: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=vault_id, info=b"drieluik v1 " + purpose
    ).derive(data_key)


def test_an_independent_reader_following_the_document_decrypts_the_vector() -> None:
    """docs/vault-format.md, "Opening", step by step, without drieluik's code."""
    data = VECTOR.read_bytes()
    (magic, version, header_length, vault_id, _gen, _saved, nonce, payload_length, count, _r) = (
        struct.unpack_from("<8sHH16sQQ12sQB3s", data, 0)
    )
    assert (magic, version, count) == (b"DRIELUIK", 1, 1)
    slot = data[68 : 68 + 96]
    kind, kdf_id, _pad, memory, iterations, lanes = struct.unpack_from("<BBHIII", slot, 0)
    salt, wrap_nonce, wrapped = slot[16:32], slot[32:44], slot[44:92]
    assert (kind, kdf_id) == (1, 1)

    passphrase = unicodedata.normalize("NFC", EXPECTED["passphrase"]).encode("utf-8")
    kek = Argon2id(
        salt=salt, length=32, iterations=iterations, lanes=lanes, memory_cost=memory
    ).derive(passphrase)
    wrap_aad = b"DRIELUIK" + struct.pack("<H", 1) + vault_id + slot[:44]
    data_key = AESGCM(kek).decrypt(wrap_nonce, wrapped, wrap_aad)
    assert len(data_key) == 32

    header_bytes = data[:header_length]
    mac = data[header_length : header_length + 32]
    expected_mac = hmac.new(_hkdf(data_key, vault_id, b"header"), header_bytes, "sha256").digest()
    assert hmac.compare_digest(mac, expected_mac)

    body = data[header_length + 32 :]
    assert len(body) == payload_length + 16
    payload = AESGCM(_hkdf(data_key, vault_id, b"payload")).decrypt(nonce, body, header_bytes)

    conn = sqlite3.connect(":memory:")
    conn.deserialize(payload)
    assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA user_version").fetchone() == (EXPECTED["schema_version"],)
    for table, rows in EXPECTED["tables"].items():
        assert [list(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1")] == rows
