"""The vault file format, version 1, byte by byte (docs/vault-format.md).

    header (68 + 96 × slots bytes) | header MAC (32) | ciphertext | GCM tag (16)

All integers little-endian. A random 256-bit data key encrypts the payload;
each key slot wraps that data key under a key derived from a passphrase or a
recovery key, so changing the passphrase only rewraps one slot. Every header
byte is authenticated twice: by the header MAC (HMAC-SHA256, key from the
data key) and as associated data of the payload's AES-256-GCM.

This module knows bytes and keys only; it never touches SQLite or the disk.
"""

from __future__ import annotations

import hmac
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from hashlib import sha256
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from drieluik.store.kdf import KdfParams, derive_key

MAGIC = b"DRIELUIK"
FORMAT_VERSION = 1

FIXED_HEADER = struct.Struct("<8sHH16sQQ12sQB3s")  # 68 bytes
SLOT = struct.Struct("<BBHIII16s12s48s4s")  # 96 bytes
MAC_SIZE = 32
TAG_SIZE = 16
KEY_SIZE = 32
MAX_SLOTS = 4

SLOT_PASSPHRASE = 1
SLOT_RECOVERY = 2

# One GiB of serialized database. AES-GCM in `cryptography` refuses one-shot
# inputs over 2**31 - 1 bytes, and a chair's laptop should hold the vault in
# memory a few times over; 100,000 cases take about 100 MiB.
MAX_PAYLOAD_BYTES = 1 << 30

# 3000-01-01: `saved_at` is shown before the header is authenticated, and
# datetime.fromtimestamp() fails beyond this on Windows (year 9999 elsewhere).
MAX_SAVED_AT = 32_503_680_000

_CHUNK = 1 << 20
IN_PLACE = True  # decrypt the payload in its own buffer (see decrypt_payload)


class FormatError(Exception):
    """The bytes are not a readable vault of this version (detail in args[0])."""


class NotAVault(FormatError):
    pass


class FutureVersion(FormatError):
    def __init__(self, version: int) -> None:
        super().__init__(f"format version {version}")
        self.version = version


class KdfRefused(FormatError):
    pass


class BadKey(Exception):
    """No key slot opens with the given secret."""


@dataclass(frozen=True)
class KeySlot:
    kind: int
    params: KdfParams
    salt: bytes
    wrap_nonce: bytes
    wrapped_key: bytes

    def pack(self) -> bytes:
        return SLOT.pack(
            self.kind,
            self.params.kdf_id,
            0,
            self.params.memory_kib,
            self.params.iterations,
            self.params.lanes,
            self.salt,
            self.wrap_nonce,
            self.wrapped_key,
            b"\0" * 4,
        )

    def wrap_aad(self, vault_id: bytes) -> bytes:
        # Binds the wrapped key to this vault and this slot's KDF parameters.
        return MAGIC + struct.pack("<H", FORMAT_VERSION) + vault_id + self.pack()[:44]


@dataclass(frozen=True)
class Header:
    vault_id: bytes
    generation: int
    saved_at: int  # unix seconds
    payload_nonce: bytes
    payload_length: int
    slots: tuple[KeySlot, ...] = field(default_factory=tuple)

    @property
    def length(self) -> int:
        return FIXED_HEADER.size + SLOT.size * len(self.slots)

    def pack(self) -> bytes:
        fixed = FIXED_HEADER.pack(
            MAGIC,
            FORMAT_VERSION,
            self.length,
            self.vault_id,
            self.generation,
            self.saved_at,
            self.payload_nonce,
            self.payload_length,
            len(self.slots),
            b"\0" * 3,
        )
        return fixed + b"".join(slot.pack() for slot in self.slots)

    def slot(self, kind: int) -> KeySlot | None:
        return next((s for s in self.slots if s.kind == kind), None)


def sniff(prefix: bytes) -> None:
    """Raise NotAVault / FutureVersion from the first bytes, before anything else."""
    if len(prefix) < 10 or prefix[:8] != MAGIC:
        raise NotAVault("magic")
    (version,) = struct.unpack_from("<H", prefix, 8)
    if version > FORMAT_VERSION:
        raise FutureVersion(version)
    if version != FORMAT_VERSION:
        raise NotAVault(f"format version {version}")


def parse_header(data: bytes, file_size: int) -> Header:
    """Parse and bounds-check the header (unauthenticated until `verify_header`)."""
    sniff(data[:10])
    if len(data) < FIXED_HEADER.size:
        raise FormatError("truncated header")
    (_, _, length, vault_id, generation, saved_at, nonce, payload_length, count, reserved) = (
        FIXED_HEADER.unpack_from(data, 0)
    )
    if not 1 <= count <= MAX_SLOTS or reserved != b"\0" * 3:
        raise FormatError("slot count")
    if length != FIXED_HEADER.size + SLOT.size * count:
        raise FormatError("header length")
    if len(data) < length:
        raise FormatError("truncated header")
    if payload_length > MAX_PAYLOAD_BYTES:
        raise FormatError("payload length")
    if saved_at > MAX_SAVED_AT:
        raise FormatError("saved time")
    if file_size != length + MAC_SIZE + payload_length + TAG_SIZE:
        raise FormatError("file length does not match header")
    slots = []
    for index in range(count):
        kind, kdf_id, pad, memory, iterations, lanes, salt, wrap_nonce, wrapped, tail = (
            SLOT.unpack_from(data, FIXED_HEADER.size + SLOT.size * index)
        )
        if kind not in (SLOT_PASSPHRASE, SLOT_RECOVERY) or pad or tail != b"\0" * 4:
            raise FormatError("key slot")
        params = KdfParams(memory, iterations, lanes, kdf_id)
        problem = params.problem()
        if problem is not None:
            raise KdfRefused(problem)
        slots.append(KeySlot(kind, params, salt, wrap_nonce, wrapped))
    if len({s.kind for s in slots}) != len(slots):
        raise FormatError("duplicate key slot")
    return Header(vault_id, generation, saved_at, nonce, payload_length, tuple(slots))


def _subkey(data_key: bytes, vault_id: bytes, purpose: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=vault_id, info=b"drieluik v1 " + purpose
    ).derive(data_key)


def header_mac(data_key: bytes, header_bytes: bytes, vault_id: bytes) -> bytes:
    return hmac.new(_subkey(data_key, vault_id, b"header"), header_bytes, sha256).digest()


def new_slot(
    kind: int, secret: bytes, data_key: bytes, vault_id: bytes, params: KdfParams
) -> KeySlot:
    salt = os.urandom(16)
    kek = derive_key(secret, salt, params)
    draft = KeySlot(kind, params, salt, os.urandom(12), b"\0" * 48)
    wrapped = AESGCM(kek).encrypt(draft.wrap_nonce, data_key, draft.wrap_aad(vault_id))
    return replace(draft, wrapped_key=wrapped)


def unwrap_slot(slot: KeySlot, secret: bytes, vault_id: bytes) -> bytes:
    kek = derive_key(secret, slot.salt, slot.params)
    try:
        return AESGCM(kek).decrypt(slot.wrap_nonce, slot.wrapped_key, slot.wrap_aad(vault_id))
    except InvalidTag:
        raise BadKey from None


def verify_header(header_bytes: bytes, mac: bytes, data_key: bytes, vault_id: bytes) -> bool:
    return hmac.compare_digest(header_mac(data_key, header_bytes, vault_id), mac)


def encrypt_stream(
    data_key: bytes, header: Header, plaintext: memoryview
) -> tuple[bytes, Iterator[bytes]]:
    """Header+MAC bytes, and an iterator of ciphertext chunks ending with the tag.

    Streaming keeps a second full copy of the database out of memory, and has
    no 2 GiB per-call limit; MAX_PAYLOAD_BYTES is enforced by the caller.
    """
    header_bytes = header.pack()
    prefix = header_bytes + header_mac(data_key, header_bytes, header.vault_id)

    def chunks() -> Iterator[bytes]:
        key = _subkey(data_key, header.vault_id, b"payload")
        encryptor = Cipher(algorithms.AES(key), modes.GCM(header.payload_nonce)).encryptor()
        encryptor.authenticate_additional_data(header_bytes)
        for start in range(0, len(plaintext), _CHUNK):
            yield encryptor.update(plaintext[start : start + _CHUNK])
        yield encryptor.finalize() + encryptor.tag

    return prefix, chunks()


def decrypt_payload(
    data_key: bytes, header: Header, header_bytes: bytes, body: memoryview
) -> memoryview:
    """Decrypt and authenticate the payload in place; raises FormatError when it does not verify.

    `body` (writable: the file's bytes after the header MAC) becomes the
    plaintext, and the returned view covers the database. In place because at
    100,000 cases the payload is hundreds of MB, and on this kind of machine
    every fresh buffer costs more in page faults than AES-GCM costs at all
    (docs/performance.md). When the tag does not verify, the unauthenticated
    plaintext is wiped before the error is raised: nothing may use it.
    """
    key = _subkey(data_key, header.vault_id, b"payload")
    length = header.payload_length
    if len(body) != length + TAG_SIZE:
        raise FormatError("truncated payload")
    tag = bytes(body[length:])
    decryptor = Cipher(algorithms.AES(key), modes.GCM(header.payload_nonce, tag)).decryptor()
    decryptor.authenticate_additional_data(header_bytes)
    # update_into wants room for one block more than the input; the tag's 16
    # bytes after the ciphertext provide it (GCM writes exactly the input length).
    # Input and output start at the same address, which OpenSSL allows; should a
    # cryptography release refuse overlapping buffers, each chunk goes through a
    # small scratch buffer instead (one extra copy, no extra payload-sized buffer).
    scratch: bytearray | None = None if IN_PLACE else bytearray(_CHUNK + TAG_SIZE)
    for start in range(0, length, _CHUNK):
        stop = min(start + _CHUNK, length)
        if scratch is None:
            try:
                decryptor.update_into(body[start:stop], body[start : stop + TAG_SIZE - 1])
                continue
            except (ValueError, TypeError):  # refused before any byte was processed
                scratch = bytearray(_CHUNK + TAG_SIZE)
        written = decryptor.update_into(body[start:stop], scratch)
        body[start : start + written] = scratch[:written]
    try:
        decryptor.finalize()
    except InvalidTag:
        zeros = bytes(min(_CHUNK, length))
        for start in range(0, length, _CHUNK):
            stop = min(start + _CHUNK, length)
            body[start:stop] = zeros[: stop - start]
        raise FormatError("payload authentication failed") from None
    return body[:length]


def verify_payload_file(
    data_key: bytes, header: Header, header_bytes: bytes, file: BinaryIO, offset: int
) -> None:
    """Authenticate the payload of an open file in chunks, discarding the plaintext.

    Used to check a freshly written vault before it replaces the old one,
    without holding a second copy of the database in memory.
    """
    key = _subkey(data_key, header.vault_id, b"payload")
    file.seek(offset + header.payload_length)
    tag = file.read(TAG_SIZE)
    if len(tag) != TAG_SIZE:
        raise FormatError("truncated payload")
    decryptor = Cipher(algorithms.AES(key), modes.GCM(header.payload_nonce, tag)).decryptor()
    decryptor.authenticate_additional_data(header_bytes)
    file.seek(offset)
    remaining = header.payload_length
    while remaining:
        chunk = file.read(min(_CHUNK, remaining))
        if not chunk:
            raise FormatError("truncated payload")
        decryptor.update(chunk)
        remaining -= len(chunk)
    try:
        decryptor.finalize()
    except InvalidTag:
        raise FormatError("payload authentication failed") from None
