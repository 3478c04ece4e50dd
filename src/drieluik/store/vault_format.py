"""The vault file format, versions 2 and 1, byte by byte (docs/vault-format.md).

    header (68 + 136 × slots bytes; version 1: 96 × slots) | header MAC (32) |
    ciphertext | GCM tag (16)

All integers little-endian. A random 256-bit data key encrypts the payload;
each key slot wraps that data key under a key derived from a passphrase or a
recovery key, so changing the passphrase only rewraps one slot. Every header
byte is authenticated twice: by the header MAC (HMAC-SHA256, key from the
data key) and as associated data of the payload's AES-256-GCM.

Version 2 (written) has named passphrase slots, up to 8, each with its own
salt and Argon2id parameters, plus at most one recovery slot; version 1
(read, converted at the next save) had one slot of each kind.

This module knows bytes and keys only; it never touches SQLite or the disk.
"""

from __future__ import annotations

import hmac
import os
import struct
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from hashlib import sha256
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from drieluik.store.kdf import OPEN_MAX_WORK_KIB, KdfParams, derive_key

MAGIC = b"DRIELUIK"
FORMAT_VERSION = 2  # written; READABLE_VERSIONS are read
READABLE_VERSIONS = (1, 2)

FIXED_HEADER = struct.Struct("<8sHH16sQQ12sQB3s")  # 68 bytes
SLOT_V1 = struct.Struct("<BBHIII16s12s48s4s")  # 96 bytes
# Version 2: the version-1 slot's first 92 bytes unchanged, then the slot's
# creation time, its name (UTF-8, zero-padded) and 4 reserved bytes.
SLOT_V2 = struct.Struct("<BBHIII16s12s48sQ32s4s")  # 136 bytes
SLOT = SLOT_V2
SLOT_STRUCTS = {1: SLOT_V1, 2: SLOT_V2}
MAC_SIZE = 32
TAG_SIZE = 16
KEY_SIZE = 32
NAME_SIZE = 32
MAX_NAMED_SLOTS = 8  # passphrase slots, like LUKS
MAX_SLOTS = MAX_NAMED_SLOTS + 1  # and the recovery slot
MAX_SLOTS_BY_VERSION = {1: 4, 2: MAX_SLOTS}
# The most a header is ever read for before it is parsed (version 2, 9 slots).
MAX_HEADER_BYTES = FIXED_HEADER.size + SLOT_V2.size * MAX_SLOTS
# The wrap's associated data names wrap version 1 in every file version, so a
# slot moves from a version-1 into a version-2 header byte for byte: the
# recovery slot is converted without its key being at hand.
WRAP_VERSION = 1
# What a version-1 vault's passphrase slot is called once converted.
DEFAULT_SLOT_NAME = "standaard"
# Not a passphrase slot's name: what the audit trail records for the recovery slot.
RECOVERY_SLOT_NAME = "herstelsleutel"
# Every distinct (parameters, salt) among the passphrase slots is one Argon2id
# per unlock attempt; a header may ask for at most this much in all (memory ×
# passes summed over the distinct ones): two of the largest single KDFs.
OPEN_MAX_TOTAL_WORK_KIB = 2 * OPEN_MAX_WORK_KIB

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


def slot_name_problem(name: str) -> str | None:
    """Why `name` cannot name a passphrase slot (None: it can).

    Letters (accents too), digits, `-`, `_` and `.`; 1 to 32 bytes of UTF-8
    after NFC; not the recovery slot's audit name.
    """
    if not name:
        return "empty"
    if unicodedata.normalize("NFC", name) != name:
        return "not NFC"
    if len(name.encode("utf-8")) > NAME_SIZE:
        return "too long"
    if not all(c.isalnum() or c in "-_." for c in name):
        return "character"
    if name.casefold() == RECOVERY_SLOT_NAME:
        return "reserved"
    return None


def normalise_slot_name(name: str) -> str:
    return unicodedata.normalize("NFC", name.strip())


@dataclass(frozen=True)
class KeySlot:
    kind: int
    params: KdfParams
    salt: bytes
    wrap_nonce: bytes
    wrapped_key: bytes
    name: str = ""  # passphrase slots only (version 2)
    created_at: int = 0  # unix seconds; 0: unknown (converted from version 1)

    def pack(self, version: int = FORMAT_VERSION) -> bytes:
        fields = (
            self.kind,
            self.params.kdf_id,
            0,
            self.params.memory_kib,
            self.params.iterations,
            self.params.lanes,
            self.salt,
            self.wrap_nonce,
            self.wrapped_key,
        )
        if version == 1:
            return SLOT_V1.pack(*fields, b"\0" * 4)
        return SLOT_V2.pack(*fields, self.created_at, self.name.encode("utf-8"), b"\0" * 4)

    def wrap_aad(self, vault_id: bytes) -> bytes:
        # Binds the wrapped key to this vault and this slot's KDF parameters
        # (bytes 0-44 are the same in both slot layouts). The name and the
        # creation time are bound by the header MAC, checked right after.
        return MAGIC + struct.pack("<H", WRAP_VERSION) + vault_id + self.pack(1)[:44]

    @property
    def kdf_key(self) -> tuple[KdfParams, bytes]:
        """Slots with the same parameters and salt share one Argon2id per attempt."""
        return (self.params, self.salt)


@dataclass(frozen=True)
class Header:
    vault_id: bytes
    generation: int
    saved_at: int  # unix seconds
    payload_nonce: bytes
    payload_length: int
    slots: tuple[KeySlot, ...] = field(default_factory=tuple)
    version: int = FORMAT_VERSION

    @property
    def length(self) -> int:
        return FIXED_HEADER.size + SLOT_STRUCTS[self.version].size * len(self.slots)

    def pack(self) -> bytes:
        fixed = FIXED_HEADER.pack(
            MAGIC,
            self.version,
            self.length,
            self.vault_id,
            self.generation,
            self.saved_at,
            self.payload_nonce,
            self.payload_length,
            len(self.slots),
            b"\0" * 3,
        )
        return fixed + b"".join(slot.pack(self.version) for slot in self.slots)

    def slot(self, kind: int) -> KeySlot | None:
        return next((s for s in self.slots if s.kind == kind), None)

    @property
    def passphrase_slots(self) -> tuple[KeySlot, ...]:
        return tuple(s for s in self.slots if s.kind == SLOT_PASSPHRASE)

    def named(self, name: str) -> KeySlot | None:
        return next((s for s in self.passphrase_slots if s.name == name), None)

    def with_slots(self, slots: tuple[KeySlot, ...] | list[KeySlot]) -> Header:
        """Passphrase slots in the given order, then the recovery slot."""
        ordered = sorted(slots, key=lambda s: s.kind)  # stable: keeps the names' order
        return replace(self, slots=tuple(ordered))

    def upgraded(self) -> Header:
        """This header as version 2: a version-1 passphrase slot gets DEFAULT_SLOT_NAME.

        Only the layout changes (docs/vault-format.md, "Converting a version-1
        vault"); every slot keeps its salt, parameters and wrapped key.
        """
        if self.version == FORMAT_VERSION:
            return self
        slots = tuple(
            replace(s, name=DEFAULT_SLOT_NAME) if s.kind == SLOT_PASSPHRASE and not s.name else s
            for s in self.slots
        )
        return replace(self, slots=slots, version=FORMAT_VERSION)


def sniff(prefix: bytes) -> int:
    """The format version from the first bytes, or NotAVault / FutureVersion."""
    if len(prefix) < 10 or prefix[:8] != MAGIC:
        raise NotAVault("magic")
    (version,) = struct.unpack_from("<H", prefix, 8)
    if version > FORMAT_VERSION:
        raise FutureVersion(version)
    if version not in READABLE_VERSIONS:
        raise NotAVault(f"format version {version}")
    return int(version)


def parse_header(data: bytes, file_size: int) -> Header:
    """Parse and bounds-check the header (unauthenticated until `verify_header`)."""
    version = sniff(data[:10])
    slot_struct = SLOT_STRUCTS[version]
    if len(data) < FIXED_HEADER.size:
        raise FormatError("truncated header")
    (_, _, length, vault_id, generation, saved_at, nonce, payload_length, count, reserved) = (
        FIXED_HEADER.unpack_from(data, 0)
    )
    if not 1 <= count <= MAX_SLOTS_BY_VERSION[version] or reserved != b"\0" * 3:
        raise FormatError("slot count")
    if length != FIXED_HEADER.size + slot_struct.size * count:
        raise FormatError("header length")
    if len(data) < length:
        raise FormatError("truncated header")
    if payload_length > MAX_PAYLOAD_BYTES:
        raise FormatError("payload length")
    if saved_at > MAX_SAVED_AT:
        raise FormatError("saved time")
    if file_size != length + MAC_SIZE + payload_length + TAG_SIZE:
        raise FormatError("file length does not match header")
    slots = [
        _parse_slot(version, data, FIXED_HEADER.size + slot_struct.size * index)
        for index in range(count)
    ]
    if version == 1 and len({s.kind for s in slots}) != len(slots):
        raise FormatError("duplicate key slot")
    named = [s for s in slots if s.kind == SLOT_PASSPHRASE]
    if len(slots) - len(named) > 1:
        raise FormatError("duplicate key slot")
    if version >= 2:
        if not 1 <= len(named) <= MAX_NAMED_SLOTS:
            raise FormatError("passphrase slot count")
        if len({s.name.casefold() for s in named}) != len(named):
            raise FormatError("duplicate slot name")
    problem = total_work_problem(named)
    if problem is not None:
        raise KdfRefused(problem)
    header = Header(vault_id, generation, saved_at, nonce, payload_length, tuple(slots), version)
    return header


def _parse_slot(version: int, data: bytes, offset: int) -> KeySlot:
    fields = SLOT_STRUCTS[version].unpack_from(data, offset)
    kind, kdf_id, pad, memory, iterations, lanes, salt, wrap_nonce, wrapped = fields[:9]
    tail = fields[-1]
    if kind not in (SLOT_PASSPHRASE, SLOT_RECOVERY) or pad or tail != b"\0" * 4:
        raise FormatError("key slot")
    name, created_at = "", 0
    if version >= 2:
        created_at, raw_name = fields[9], fields[10]
        text, _, padding = raw_name.partition(b"\0")
        if padding.strip(b"\0") or created_at > MAX_SAVED_AT:
            raise FormatError("key slot")
        try:
            name = text.decode("utf-8")
        except UnicodeDecodeError:
            raise FormatError("slot name") from None
        if kind == SLOT_RECOVERY and name:
            raise FormatError("slot name")
        if kind == SLOT_PASSPHRASE and slot_name_problem(name) is not None:
            raise FormatError("slot name")
    params = KdfParams(memory, iterations, lanes, kdf_id)
    problem = params.problem()
    if problem is not None:
        raise KdfRefused(problem)
    return KeySlot(kind, params, salt, wrap_nonce, wrapped, name, created_at)


def total_work_problem(slots: tuple[KeySlot, ...] | list[KeySlot]) -> str | None:
    """Too much Argon2id for one attempt over these (passphrase) slots? None: fine."""
    distinct = {s.kdf_key: s.params for s in slots}
    total = sum(p.memory_kib * p.iterations for p in distinct.values())
    if total > OPEN_MAX_TOTAL_WORK_KIB:
        return f"total work {total} KiB over {len(distinct)} key derivations"
    return None


def _subkey(data_key: bytes, vault_id: bytes, purpose: bytes, version: int) -> bytes:
    info = f"drieluik v{version} ".encode() + purpose
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=vault_id, info=info).derive(data_key)


def header_mac(
    data_key: bytes, header_bytes: bytes, vault_id: bytes, version: int = FORMAT_VERSION
) -> bytes:
    key = _subkey(data_key, vault_id, b"header", version)
    return hmac.new(key, header_bytes, sha256).digest()


def new_slot(
    kind: int,
    secret: bytes,
    data_key: bytes,
    vault_id: bytes,
    params: KdfParams,
    *,
    name: str = "",
    created_at: int = 0,
    salt: bytes | None = None,
    wrap_nonce: bytes | None = None,
) -> KeySlot:
    """A slot wrapping `data_key` under Argon2id(secret); a fresh salt unless one is given
    (a slot shares the salt and parameters of others to share their KDF at unlock)."""
    salt = os.urandom(16) if salt is None else salt
    kek = derive_key(secret, salt, params)
    nonce = os.urandom(12) if wrap_nonce is None else wrap_nonce
    draft = KeySlot(kind, params, salt, nonce, b"\0" * 48, name, created_at)
    wrapped = AESGCM(kek).encrypt(draft.wrap_nonce, data_key, draft.wrap_aad(vault_id))
    return replace(draft, wrapped_key=wrapped)


def _unwrap_with(slot: KeySlot, kek: bytes, vault_id: bytes) -> bytes | None:
    try:
        return AESGCM(kek).decrypt(slot.wrap_nonce, slot.wrapped_key, slot.wrap_aad(vault_id))
    except InvalidTag:
        return None


def unwrap_slot(slot: KeySlot, secret: bytes, vault_id: bytes) -> bytes:
    data_key = _unwrap_with(slot, derive_key(secret, slot.salt, slot.params), vault_id)
    if data_key is None:
        raise BadKey
    return data_key


def unwrap_any(slots: tuple[KeySlot, ...], secret: bytes, vault_id: bytes) -> tuple[KeySlot, bytes]:
    """The first slot `secret` opens and the data key; BadKey when none does.

    One Argon2id per distinct (parameters, salt), not per slot: slots that
    share them are tried with the same key-encryption key, an AES-GCM each.
    """
    groups: dict[tuple[KdfParams, bytes], list[KeySlot]] = {}
    for slot in slots:
        groups.setdefault(slot.kdf_key, []).append(slot)
    for (params, salt), members in groups.items():
        kek = derive_key(secret, salt, params)
        for slot in members:
            data_key = _unwrap_with(slot, kek, vault_id)
            if data_key is not None:
                return slot, data_key
    raise BadKey


def verify_header(
    header_bytes: bytes, mac: bytes, data_key: bytes, vault_id: bytes, version: int
) -> bool:
    return hmac.compare_digest(header_mac(data_key, header_bytes, vault_id, version), mac)


def encrypt_stream(
    data_key: bytes, header: Header, plaintext: memoryview
) -> tuple[bytes, Iterator[bytes]]:
    """Header+MAC bytes, and an iterator of ciphertext chunks ending with the tag.

    Streaming keeps a second full copy of the database out of memory, and has
    no 2 GiB per-call limit; MAX_PAYLOAD_BYTES is enforced by the caller.
    """
    header_bytes = header.pack()
    prefix = header_bytes + header_mac(data_key, header_bytes, header.vault_id, header.version)

    def chunks() -> Iterator[bytes]:
        key = _subkey(data_key, header.vault_id, b"payload", header.version)
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
    key = _subkey(data_key, header.vault_id, b"payload", header.version)
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
    key = _subkey(data_key, header.vault_id, b"payload", header.version)
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
