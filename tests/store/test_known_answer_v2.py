"""Known-answer vector of format 2: a header built from fixed inputs, byte for byte.

Fixed data key, vault id, salts, nonces, times, names and secrets go through
`vault_format`; the result must be exactly the bytes docs/vault-format.md
describes (built here a second time with `struct` from the document's
tables), and its SHA-256 and MAC are pinned, so any change to the layout or
the cryptography of format 2 fails here. An independent reader that follows
the document with only `cryptography` then opens it with either passphrase
and with the recovery key. (Format 1's committed vector is in
test_known_answer.py.)
"""

from __future__ import annotations

import hashlib
import hmac
import struct
import unicodedata

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from drieluik.store import vault_format as fmt
from drieluik.store.kdf import KdfParams, normalise_passphrase
from drieluik.store.vault import normalise_recovery_key
from tests.vault_testing import FIRST_SLOT, SLOT_FIELDS, SLOT_SIZE, field_span

DATA_KEY = bytes(range(32))
VAULT_ID = bytes(range(0x40, 0x50))
SHARED_SALT = bytes(range(0x80, 0x90))
RECOVERY_SALT = bytes(range(0x90, 0xA0))
PARAMS = KdfParams(64 * 1024, 3, 4)
HOLDERS = (  # name, passphrase, created_at, wrap nonce
    ("standaard", "Drieluik v2 eerste ✓", 1_800_000_000, b"\x01" * 12),
    ("zorgcoördinator", "Drieluik v2 tweede", 1_800_000_600, b"\x02" * 12),
)
RECOVERY_KEY = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"
RECOVERY_NONCE = b"\x03" * 12
RECOVERY_CREATED = 1_800_000_900
GENERATION, SAVED_AT, PAYLOAD_NONCE = 5, 1_800_001_000, b"\x0a" * 12
PAYLOAD = b"drieluik format 2 known answer payload\n" * 4

# Pinned once from the inputs above; never "update" these to make a test pass.
HEADER_SHA256 = "beb63ef1dd58e12af5ba947fff180644d52ae77d435272f240095c0faf310498"
HEADER_MAC = "80099b65fba4cf0e9edf2b782616fc6d47e5d5edb350c28f2b4cb96db18aba63"
FILE_SHA256 = "e609a28f459005ef68bcfbe6e9f438aceea5bd31f0fc55d443d55171ffc77519"


def build() -> tuple[fmt.Header, bytes]:
    slots = [
        fmt.new_slot(
            fmt.SLOT_PASSPHRASE,
            normalise_passphrase(passphrase),
            DATA_KEY,
            VAULT_ID,
            PARAMS,
            name=name,
            created_at=created,
            salt=SHARED_SALT,
            wrap_nonce=nonce,
        )
        for name, passphrase, created, nonce in HOLDERS
    ]
    slots.append(
        fmt.new_slot(
            fmt.SLOT_RECOVERY,
            normalise_recovery_key(RECOVERY_KEY),
            DATA_KEY,
            VAULT_ID,
            PARAMS,
            created_at=RECOVERY_CREATED,
            salt=RECOVERY_SALT,
            wrap_nonce=RECOVERY_NONCE,
        )
    )
    header = fmt.Header(
        VAULT_ID, GENERATION, SAVED_AT, PAYLOAD_NONCE, len(PAYLOAD), tuple(slots), version=2
    )
    prefix, chunks = fmt.encrypt_stream(DATA_KEY, header, memoryview(PAYLOAD))
    return header, prefix + b"".join(chunks)


def test_the_format_2_header_is_exactly_what_the_document_says() -> None:
    header, data = build()
    length = FIRST_SLOT + 3 * SLOT_SIZE
    assert header.length == length == 68 + 3 * 136 == 476
    assert len(data) == length + 32 + len(PAYLOAD) + 16

    # The document's tables, packed by hand.
    fixed = struct.pack(
        "<8sHH16sQQ12sQB3s",
        b"DRIELUIK",
        2,
        length,
        VAULT_ID,
        GENERATION,
        SAVED_AT,
        PAYLOAD_NONCE,
        len(PAYLOAD),
        3,
        b"\0\0\0",
    )
    expected = fixed
    for slot, (kind, name, created) in zip(
        header.slots,
        [(1, h[0], h[2]) for h in HOLDERS] + [(2, "", RECOVERY_CREATED)],
        strict=True,
    ):
        expected += struct.pack(
            "<BBHIII16s12s48sQ32s4s",
            kind,
            1,
            0,
            64 * 1024,
            3,
            4,
            slot.salt,
            slot.wrap_nonce,
            slot.wrapped_key,
            created,
            name.encode("utf-8"),
            b"\0" * 4,
        )
    assert data[:length] == expected

    # Field by field at the offsets of the slot table.
    def field(name: str, slot: int) -> bytes:
        offset, size = field_span(name, slot)
        return data[offset : offset + size]

    assert sum(size for _, size in SLOT_FIELDS.values()) == SLOT_SIZE == fmt.SLOT_V2.size
    assert field("name", 1) == "zorgcoördinator".encode() + b"\0" * 16
    assert field("name", 2) == b"\0" * 32
    assert int.from_bytes(field("created_at", 0), "little") == 1_800_000_000
    assert field("salt", 0) == field("salt", 1) == SHARED_SALT
    assert field("wrap_nonce", 2) == RECOVERY_NONCE

    assert hashlib.sha256(data[:length]).hexdigest() == HEADER_SHA256
    assert data[length : length + 32].hex() == HEADER_MAC
    assert hashlib.sha256(data).hexdigest() == FILE_SHA256

    parsed = fmt.parse_header(data, len(data))
    assert parsed == header


def _hkdf(purpose: bytes) -> bytes:
    info = b"drieluik v2 " + purpose
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=VAULT_ID, info=info).derive(DATA_KEY)


def _independent_open(data: bytes, secret: bytes, kind: int) -> tuple[str, bytes]:
    """docs/vault-format.md, "Opening", without drieluik's code: (slot name, payload)."""
    magic, version, length, vault_id, _g, _s, nonce, payload_length, count, _r = struct.unpack_from(
        "<8sHH16sQQ12sQB3s", data, 0
    )
    assert (magic, version) == (b"DRIELUIK", 2)
    kek_by_kdf: dict[bytes, bytes] = {}
    for index in range(count):
        raw = data[68 + 136 * index : 68 + 136 * (index + 1)]
        slot_kind, _kdf, _p, memory, passes, lanes = struct.unpack_from("<BBHIII", raw, 0)
        if slot_kind != kind:
            continue
        salt, wrap_nonce, wrapped = raw[16:32], raw[32:44], raw[44:92]
        name = raw[100:132].rstrip(b"\0").decode("utf-8")
        kdf = raw[4:32]  # parameters and salt: one Argon2id for slots that share them
        if kdf not in kek_by_kdf:
            kek_by_kdf[kdf] = Argon2id(
                salt=salt, length=32, iterations=passes, lanes=lanes, memory_cost=memory
            ).derive(secret)
        aad = b"DRIELUIK" + struct.pack("<H", 1) + vault_id + raw[:44]  # wrap version 1
        try:
            data_key = AESGCM(kek_by_kdf[kdf]).decrypt(wrap_nonce, wrapped, aad)
        except Exception:
            continue
        assert data_key == DATA_KEY
        header_key = _hkdf(b"header")
        mac = hmac.new(header_key, data[:length], "sha256").digest()
        assert hmac.compare_digest(mac, data[length : length + 32])
        body = data[length + 32 :]
        assert len(body) == payload_length + 16
        return name, AESGCM(_hkdf(b"payload")).decrypt(nonce, body, data[:length])
    raise AssertionError("no slot opened")


def test_an_independent_reader_opens_it_with_each_holder_and_the_recovery_key() -> None:
    _, data = build()
    for name, passphrase, _, _ in HOLDERS:
        secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
        assert _independent_open(data, secret, 1) == (name, PAYLOAD)
    recovery = RECOVERY_KEY.replace("-", "").encode()
    assert _independent_open(data, recovery, 2) == ("", PAYLOAD)


def test_the_code_opens_it_with_one_derivation_for_both_holders() -> None:
    header, _ = build()
    secret = normalise_passphrase(HOLDERS[1][1])
    slot, data_key = fmt.unwrap_any(header.passphrase_slots, secret, VAULT_ID)
    assert (slot.name, data_key) == ("zorgcoördinator", DATA_KEY)
