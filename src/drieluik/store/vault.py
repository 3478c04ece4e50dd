"""The vault: open, create, save, back up and re-key the one encrypted file.

Everything above the store goes through `Vault.session()` / `Vault.transaction()`;
nothing else reads or writes vault bytes.
"""

from __future__ import annotations

import errno
import io
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, cast

from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from drieluik.errors import (
    DrieluikError,
    InvalidInput,
    VaultDamaged,
    VaultInUse,
    VaultReadOnly,
    WrongPassphrase,
)
from drieluik.store import vault_format as fmt
from drieluik.store.database import Database, DatabaseCorrupt, SchemaTooNew
from drieluik.store.hardening import disable_core_dumps, lock_in_memory
from drieluik.store.kdf import KdfParams, normalise_passphrase
from drieluik.store.lock import LockBusy, LockPathUnsafe, ProcessLock
from drieluik.store.safe_file import (
    NotARegularFile,
    open_regular,
    refusal,
    remove_orphans,
    require_regular,
    write_atomically,
)


@dataclass(frozen=True)
class VaultInfo:
    """What the header tells without a key (shown on the unlock screen)."""

    path: Path
    format_version: int
    generation: int
    saved_at: datetime
    size: int
    slots: tuple[str, ...]
    kdf: str
    vault_id: str = ""  # hex; stays the same across saves, copies and re-keys
    slot_names: tuple[str, ...] = ()  # the passphrase slots' names (unauthenticated)


@dataclass(frozen=True)
class SlotInfo:
    """One key slot as `key list` shows it: never a secret."""

    name: str  # RECOVERY_SLOT_NAME for the recovery slot
    kind: str  # "passphrase" or "recovery"
    created_at: datetime | None  # None: unknown (converted from format version 1)
    kdf: KdfParams
    shares_kdf: bool  # same salt and parameters as another passphrase slot
    opened_this_session: bool


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def peek(path: Path) -> VaultInfo:
    """Read the header only; raises DrieluikError on a missing or unreadable file."""
    header, size = _read_header(path)
    return VaultInfo(
        path=path,
        format_version=header.version,
        generation=header.generation,
        saved_at=datetime.fromtimestamp(header.saved_at),
        size=size,
        slots=tuple(
            "passphrase" if s.kind == fmt.SLOT_PASSPHRASE else "recovery" for s in header.slots
        ),
        kdf=header.slots[0].params.describe(),
        vault_id=header.vault_id.hex(),
        slot_names=tuple(s.name for s in header.upgraded().passphrase_slots),
    )


class Vault:
    def __init__(
        self,
        path: Path,
        header: fmt.Header,
        data_key: bytes,
        db: Database,
        lock: ProcessLock,
        slot_name: str = fmt.DEFAULT_SLOT_NAME,
    ) -> None:
        self.path = path
        # Always the version this drieluik writes: a version-1 file is
        # converted in memory at open and written as version 2 at its next save.
        self.format_version_found = header.version
        self.header = header.upgraded()
        # The slot that opened the vault (RECOVERY_SLOT_NAME for the recovery
        # key); the audit trail records it with every entry (services/audit.py).
        self.slot_name = slot_name
        db.session_info["key_slot"] = slot_name
        self._data_key: bytes | None = data_key
        lock_in_memory(data_key)  # best effort: never swapped out (docs/security.md)
        self.db: Database | None = db
        self._lock = lock
        self._stat = _file_identity(path)
        self._save_lock = threading.RLock()
        # Called after every committed transaction. The CLI saves at once; the
        # TUI replaces this to save from a worker thread.
        self.after_commit: Callable[[], None] = self.save
        self.schema_version_found = 0
        self.read_only = False

    # --- creating and opening -------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        params: KdfParams | None = None,
        *,
        slot_name: str = fmt.DEFAULT_SLOT_NAME,
    ) -> Vault:
        path = Path(path)
        if path.exists():
            raise InvalidInput("vault.exists", path=path)
        if not path.parent.is_dir():
            raise InvalidInput("path.no_parent", path=path.parent)
        _require_passphrase(passphrase)
        slot_name = _require_slot_name(slot_name)
        lock = _acquire(path)
        try:
            # Again under the lock: another `init` may have finished meanwhile.
            if path.exists():
                raise InvalidInput("vault.exists", path=path)
            disable_core_dumps()
            data_key = os.urandom(fmt.KEY_SIZE)
            vault_id = os.urandom(16)
            slot = fmt.new_slot(
                fmt.SLOT_PASSPHRASE,
                normalise_passphrase(passphrase),
                data_key,
                vault_id,
                params or KdfParams(),
                name=slot_name,
                created_at=int(time.time()),
            )
            header = fmt.Header(vault_id, 0, 0, b"\0" * 12, 0, (slot,))
            db = Database.new()
            vault = cls(path, header, data_key, db, lock, slot_name)
            vault._stat = None
            vault.save(require_existing=False)
            return vault
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open(
        cls,
        path: Path,
        passphrase: str | None = None,
        *,
        recovery_key: str | None = None,
        read_only: bool | None = None,
    ) -> Vault:
        """Open with the passphrase or the recovery key.

        `read_only`: None (default) takes the lock, or — where the folder
        cannot hold a lock file (read-only media, no write permission) —
        opens read-only, as KeePassXC does; True never takes the lock. A
        read-only vault reads as usual, keeps audit entries in memory, and
        refuses every change with VaultReadOnly (nothing could be saved).
        """
        path = Path(path)
        lock = _acquire(path, read_only=read_only)
        try:
            disable_core_dumps()
            if lock.held:  # another process may be saving: only the lock holder cleans up
                remove_orphans(path)
            header, data = read_vault_file(path)
            if recovery_key is not None:
                kind, secret = fmt.SLOT_RECOVERY, normalise_recovery_key(recovery_key)
            else:
                kind, secret = fmt.SLOT_PASSPHRASE, normalise_passphrase(passphrase or "")
            refused = (
                "vault.wrong_passphrase" if recovery_key is None else "vault.wrong_recovery_key"
            )
            # The passphrase alone: every passphrase slot is tried, one
            # Argon2id per distinct salt and parameters (fmt.unwrap_any).
            candidates = tuple(s for s in header.slots if s.kind == kind)
            try:
                slot, data_key = fmt.unwrap_any(candidates, secret, header.vault_id)
            except fmt.BadKey:
                raise WrongPassphrase(refused, path=path) from None
            db, found = load_database(path, header, data, data_key)
            del data
            if kind == fmt.SLOT_RECOVERY:
                slot_name = fmt.RECOVERY_SLOT_NAME
            else:
                slot_name = slot.name or fmt.DEFAULT_SLOT_NAME  # version 1: converted
            vault = cls(path, header, data_key, db, lock, slot_name)
            vault.schema_version_found = found
            if not lock.held:
                vault._make_read_only()
            return vault
        except BaseException:
            lock.release()
            raise

    # --- using ------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.db is not None

    def _database(self) -> Database:
        if self.db is None:
            raise RuntimeError("vault is closed")
        return self.db

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading. Use `transaction()` to change anything."""
        with self._database().session() as session:
            yield session

    @contextmanager
    def transaction(self, *, compact: bool = False, persist: bool = True) -> Iterator[Session]:
        """A session that commits on success and then persists (see `after_commit`).

        `compact=True` (retention purge) rewrites the database before the save,
        so nothing of deleted rows survives in the bytes that are encrypted.
        `persist=False` commits in memory only; the next save takes it along
        (the audit entry of an unlock by a command that changes nothing).
        """
        with self._database().session() as session:
            try:
                yield session
                session.commit()
            except DBAPIError as exc:  # the authorizer's or a trigger's refusal
                if self.read_only and "not authorized" in str(exc.orig):
                    raise VaultReadOnly("vault.read_only", path=self.path) from None
                raise
        if self.read_only:
            return  # audit entries of reading stay in memory: nothing can be saved
        if compact:
            self._compact()
        if persist:
            self.after_commit()

    def _make_read_only(self) -> None:
        """Refuse every write but the audit trail's, in SQLite itself (an authorizer)."""
        self.read_only = True
        writes = {sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE}
        # settings: only the audit head (triggers below); sqlite_master: FTS5 touches it
        # while it reads. Nothing here is ever saved: the point is a clear refusal.
        allowed = {"audit_log", "settings", "sqlite_master", "sqlite_temp_master"}
        conn = self._database().conn
        with self._database().lock:
            # TEMP triggers live outside the main database: never part of a save.
            for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
                conn.execute(
                    f"CREATE TEMP TRIGGER read_only_settings_{event.lower()} BEFORE {event} "
                    f"ON main.settings WHEN {row}.key != 'audit_head' "
                    "BEGIN SELECT RAISE(ABORT, 'not authorized: read-only vault'); END"
                )

        def authorizer(action: int, table: str | None, *_: object) -> int:
            if action in writes and table not in allowed:
                return sqlite3.SQLITE_DENY
            if action in _SCHEMA_CHANGES:
                return sqlite3.SQLITE_DENY
            return sqlite3.SQLITE_OK

        conn.set_authorizer(authorizer)

    def _compact(self) -> None:
        # FTS5 keeps deleted tokens in old segments until they are merged;
        # VACUUM then rebuilds the file without free pages.
        db = self._database()
        with db.lock:
            db.conn.execute("INSERT INTO search_index(search_index) VALUES('optimize')")
            db.conn.commit()
            db.conn.execute("VACUUM")

    # --- saving -----------------------------------------------------------------

    def save(self, *, require_existing: bool = True) -> None:
        """Encrypt the database into the vault file; the old file survives any failure."""
        if self.read_only:
            raise VaultReadOnly("vault.read_only", path=self.path)
        db = self._database()
        # Saves are serialised by their own lock; the database lock is held only
        # while serializing, so the UI can keep reading during encrypt + fsync.
        with self._save_lock:
            self._refuse_if_replaced(require_existing)
            payload = db.serialize()
            if len(payload) > fmt.MAX_PAYLOAD_BYTES and not db.conn.in_transaction:
                # Free pages of deleted rows still count: compact once before
                # refusing, so deleting what made it too big lets it save again.
                del payload
                self._compact()
                payload = db.serialize()
            header = self._next_header(len(payload))
            self._write(self.path, header, payload)
            self.header = header
            self._stat = _file_identity(self.path)

    def write_copy(self, dest: Path) -> None:
        """A consistent encrypted copy at `dest` that opens with the same keys."""
        dest = Path(dest)
        if dest.resolve() == self.path.resolve():
            raise InvalidInput("backup.same_file")
        if dest.is_dir():
            raise InvalidInput("path.is_directory", path=dest)
        if dest.exists() or dest.is_symlink():
            # os.replace would silently overwrite: never, as for `init`.
            raise InvalidInput("vault.exists", path=dest)
        if not dest.parent.is_dir():
            raise InvalidInput("path.no_parent", path=dest.parent)
        db = self._database()
        with self._save_lock:
            payload = db.serialize()
            header = replace(self._next_header(len(payload)), generation=self.header.generation)
            # `dest` did not exist: there is no "previous version" to speak of.
            self._write(dest, header, payload, failed="backup.failed")

    def _next_header(self, payload_length: int) -> fmt.Header:
        if payload_length > fmt.MAX_PAYLOAD_BYTES:
            raise InvalidInput(
                "vault.too_large",
                size=_mib(payload_length),
                limit=_mib(fmt.MAX_PAYLOAD_BYTES),
            )
        return replace(
            self.header,
            version=fmt.FORMAT_VERSION,
            generation=self.header.generation + 1,
            saved_at=int(time.time()),
            payload_nonce=os.urandom(12),
            payload_length=payload_length,
        )

    def _write(
        self, target: Path, header: fmt.Header, payload: bytes, failed: str = "vault.save_failed"
    ) -> None:
        data_key = self._key()
        prefix, chunks = fmt.encrypt_stream(data_key, header, memoryview(payload))
        header_bytes = prefix[: header.length]

        def verify(back: BinaryIO) -> None:
            # Read the new file back and authenticate it before it replaces
            # the old one: bad RAM or a lying disk must not cost the vault.
            if back.read(len(prefix)) != prefix:
                raise fmt.FormatError("header read back differs")
            fmt.verify_payload_file(data_key, header, header_bytes, back, len(prefix))

        def stream() -> Iterator[bytes]:
            yield prefix
            yield from chunks

        try:
            write_atomically(target, stream(), verify)
        except fmt.FormatError as exc:
            raise DrieluikError(failed, path=target, detail=str(exc)) from None
        except OSError as exc:
            raise DrieluikError(failed, path=target, detail=_os_detail(exc)) from None

    def _refuse_if_replaced(self, require_existing: bool) -> None:
        """Like KeePassXC: never save over a file someone changed underneath us."""
        if not require_existing:
            return
        if _file_identity(self.path) != self._stat:
            raise DrieluikError("vault.changed_underneath", path=self.path)

    # --- keys -------------------------------------------------------------------

    def _key(self) -> bytes:
        if self._data_key is None:
            raise RuntimeError("vault is closed")
        return self._data_key

    def change_passphrase(
        self, new_passphrase: str, params: KdfParams | None = None, *, name: str | None = None
    ) -> str:
        """Rewrap the data key under a new passphrase in one named slot; returns its name.

        `name` None: the slot that opened the vault, or — opened with the
        recovery key — the only passphrase slot (several: InvalidInput, say
        which). Other slots and the recovery slot keep working. The slot keeps
        its parameters; it keeps its salt too while another slot shares it
        (one Argon2id per unlock attempt for both), else it gets a new one.
        """
        _require_passphrase(new_passphrase)
        old = self.slot_to_change(name)
        shared = any(
            s.kdf_key == old.kdf_key and s.name != old.name for s in self.header.passphrase_slots
        )
        new = fmt.new_slot(
            fmt.SLOT_PASSPHRASE,
            normalise_passphrase(new_passphrase),
            self._key(),
            self.header.vault_id,
            params or old.params,
            name=old.name,
            created_at=old.created_at,
            salt=old.salt if shared and params is None else None,
        )
        slots = [new if s is old else s for s in self.header.slots]
        self._set_slots(slots)
        return old.name

    def slot_to_change(self, name: str | None) -> fmt.KeySlot:
        if name is not None:
            slot = self.header.named(fmt.normalise_slot_name(name))
            if slot is None:
                raise InvalidInput("key.unknown", name=name, names=self._names())
            return slot
        slot = self.header.named(self.slot_name)
        if slot is not None:
            return slot
        named = self.header.passphrase_slots
        if len(named) == 1:
            return named[0]
        raise InvalidInput("key.which", names=self._names())

    def _names(self) -> str:
        return ", ".join(s.name for s in self.header.passphrase_slots)

    def key_slots(self) -> list[SlotInfo]:
        """The passphrase slots in order, then the recovery slot."""
        named = self.header.passphrase_slots
        infos = []
        for slot in self.header.slots:
            recovery = slot.kind == fmt.SLOT_RECOVERY
            name = fmt.RECOVERY_SLOT_NAME if recovery else slot.name
            infos.append(
                SlotInfo(
                    name=name,
                    kind="recovery" if recovery else "passphrase",
                    created_at=datetime.fromtimestamp(slot.created_at) if slot.created_at else None,
                    kdf=slot.params,
                    shares_kdf=not recovery
                    and any(o is not slot and o.kdf_key == slot.kdf_key for o in named),
                    opened_this_session=name == self.slot_name,
                )
            )
        return infos

    def new_key_slot(
        self, name: str, passphrase: str, params: KdfParams | None = None
    ) -> fmt.KeySlot:
        """A new named passphrase slot around the same data key (not yet in the header).

        Without `params` it shares the salt and parameters of the slot that
        opened the vault (of the first passphrase slot, opened with the
        recovery key), so a wrong passphrase still costs one Argon2id; with
        `params` it gets its own salt and those parameters, one Argon2id more
        per attempt (docs/security.md, "Key holders").
        """
        _require_passphrase(passphrase)
        name = self.check_new_slot_name(name)
        named = self.header.passphrase_slots
        model = self.header.named(self.slot_name) or named[0]
        salt = model.salt if params is None else os.urandom(16)
        # Checked before the (slow) derivation: what every later unlock would cost.
        draft = replace(model, params=params or model.params, salt=salt)
        problem = fmt.total_work_problem([*named, draft])
        if problem is not None:
            raise InvalidInput("key.too_costly", detail=problem)
        return fmt.new_slot(
            fmt.SLOT_PASSPHRASE,
            normalise_passphrase(passphrase),
            self._key(),
            self.header.vault_id,
            draft.params,
            name=name,
            created_at=int(time.time()),
            salt=salt,
        )

    def check_new_slot_name(self, name: str) -> str:
        """The name as it would be stored, if a new slot may have it (else InvalidInput)."""
        name = _require_slot_name(name)
        named = self.header.passphrase_slots
        if any(s.name.casefold() == name.casefold() for s in named):
            raise InvalidInput("key.exists", name=name)
        if len(named) >= fmt.MAX_NAMED_SLOTS:
            raise InvalidInput("key.full", limit=fmt.MAX_NAMED_SLOTS)
        return name

    def add_key_slot(self, slot: fmt.KeySlot) -> None:
        """Put a slot from `new_key_slot` in the header and save."""
        if self.header.named(slot.name) is not None:
            raise InvalidInput("key.exists", name=slot.name)
        if len(self.header.passphrase_slots) >= fmt.MAX_NAMED_SLOTS:
            raise InvalidInput("key.full", limit=fmt.MAX_NAMED_SLOTS)
        self._set_slots([*self.header.slots, slot])

    def key_slot_to_remove(self, name: str) -> fmt.KeySlot:
        """The named slot, if it may be removed (it exists and is not the last one)."""
        slot = self.header.named(fmt.normalise_slot_name(name))
        if slot is None:
            raise InvalidInput("key.unknown", name=name, names=self._names())
        if len(self.header.passphrase_slots) == 1:
            raise InvalidInput("key.last", name=slot.name)
        return slot

    def remove_key_slot(self, name: str) -> None:
        """Remove one named passphrase slot and save; never the last one."""
        slot = self.key_slot_to_remove(name)
        self._set_slots([s for s in self.header.slots if s is not slot])

    def set_recovery_key(self, recovery_key: str, params: KdfParams | None = None) -> None:
        slot = fmt.new_slot(
            fmt.SLOT_RECOVERY,
            normalise_recovery_key(recovery_key),
            self._key(),
            self.header.vault_id,
            params or KdfParams(),
            created_at=int(time.time()),
        )
        self._replace_slot(slot)

    def has_recovery_key(self) -> bool:
        return self.header.slot(fmt.SLOT_RECOVERY) is not None

    def _replace_slot(self, slot: fmt.KeySlot) -> None:
        """The recovery slot: replaced (or added) after the passphrase slots."""
        self._set_slots([*(s for s in self.header.slots if s.kind != slot.kind), slot])

    def _set_slots(self, slots: list[fmt.KeySlot]) -> None:
        """Save with these slots; if the save fails the old ones are back (and on disk)."""
        if self.read_only:
            raise VaultReadOnly("vault.read_only", path=self.path)
        previous = self.header
        self.header = previous.with_slots(slots)
        try:
            self.save()
        except BaseException:
            self.header = previous
            raise

    # --- closing ----------------------------------------------------------------

    def close(self) -> None:
        """Drop the database and the data key, and release the lock."""
        if self.db is not None:
            self.db.close()
            self.db = None
        self._data_key = None
        self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def normalise_recovery_key(text: str) -> bytes:
    """Recovery keys are read aloud and retyped: ignore case, spaces and hyphens."""
    return "".join(c for c in text.upper() if c.isalnum()).encode("ascii", "ignore")


def _require_slot_name(name: str) -> str:
    normalised = fmt.normalise_slot_name(name)
    problem = fmt.slot_name_problem(normalised)
    if problem is not None:
        raise InvalidInput("key.bad_name", name=name, limit=fmt.NAME_SIZE)
    return normalised


def _require_passphrase(passphrase: str) -> None:
    if not passphrase:
        raise InvalidInput("passphrase.empty")
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput("vault.text_invalid", field="passphrase") from None


class _NoLock:
    """Stands in for the lock of a read-only vault: nothing held, nothing written."""

    held = False

    def release(self) -> None:
        pass


# EROFS: read-only media; EACCES/EPERM: no write permission on the folder.
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def _acquire(path: Path, *, read_only: bool | None = False) -> ProcessLock:
    if path.is_dir():
        raise InvalidInput("path.is_directory", path=path)
    try:  # a FIFO or device is refused before anything (a lock file) is made beside it
        require_regular(path)
    except NotARegularFile as exc:
        raise refusal(exc) from None
    except OSError:
        pass  # missing: `create` makes it, `open` says so when it reads
    if not path.parent.is_dir():
        raise InvalidInput("path.no_parent", path=path.parent)
    if read_only:
        return _NoLock()  # type: ignore[return-value]
    lock = ProcessLock(lock_path(path))
    try:
        lock.acquire()
    except LockBusy:
        raise VaultInUse("vault.locked", path=path) from None
    except LockPathUnsafe:
        raise InvalidInput("vault.lock_unsafe", path=lock.path) from None
    except OSError as exc:
        if read_only is None and exc.errno in _READ_ONLY_ERRNOS and path.is_file():
            return _NoLock()  # type: ignore[return-value]
        # The lock file is created beside the vault: failing here usually
        # means the folder is not writable (read-only media, permissions).
        raise InvalidInput(
            "vault.folder_unwritable", path=path.parent, detail=_os_detail(exc)
        ) from None
    return lock


_SCHEMA_CHANGES = {
    getattr(sqlite3, name)
    for name in dir(sqlite3)
    if name.startswith(("SQLITE_CREATE_", "SQLITE_DROP_", "SQLITE_ALTER_"))
}


def _read_header(path: Path) -> tuple[fmt.Header, int]:
    """The header alone: a foreign or oversized file is refused before it is read."""
    with _reading(path), open_regular(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        prefix = file.read(fmt.MAX_HEADER_BYTES)
    return _parse_header(path, prefix, size), size


def read_vault_file(path: Path) -> tuple[fmt.Header, bytearray]:
    """The parsed header and the whole file, in one writable buffer.

    The header is parsed from the first bytes before the rest is read (it
    bounds the payload length), and the buffer is allocated once at the file's
    size: `load_database` decrypts it in place.
    """
    with _reading(path), open_regular(path, "rb", buffering=0) as file:
        size = os.fstat(file.fileno()).st_size
        prefix = file.read(fmt.MAX_HEADER_BYTES)
        header = _parse_header(path, prefix, size)
        data = bytearray(size)
        view = memoryview(data)
        try:
            view[: len(prefix)] = prefix
            done = len(prefix)
            while done < size:
                read = cast(io.RawIOBase, file).readinto(view[done:])  # unbuffered
                if not read:
                    break
                done += read
        finally:
            view.release()
        if done != size or file.read(1):
            raise VaultDamaged("vault.damaged", path=path, detail="file changed while reading")
    return header, data


def load_database(
    path: Path, header: fmt.Header, data: bytearray, data_key: bytes
) -> tuple[Database, int]:
    """Authenticate the header, decrypt the payload in place, load and check the database.

    Returns the database and the schema version it was found at (before
    migrations). `data` holds plaintext afterwards; the caller drops it.
    """
    header_bytes = bytes(data[: header.length])
    mac = bytes(data[header.length : header.length + fmt.MAC_SIZE])
    if not fmt.verify_header(header_bytes, mac, data_key, header.vault_id, header.version):
        raise VaultDamaged("vault.damaged", path=path, detail="header MAC")
    body = memoryview(data)[header.length + fmt.MAC_SIZE :]
    try:
        try:
            payload = fmt.decrypt_payload(data_key, header, header_bytes, body)
        except fmt.FormatError as exc:
            raise VaultDamaged("vault.damaged", path=path, detail=str(exc)) from None
        with payload:
            try:
                return Database.from_bytes(payload)
            except DatabaseCorrupt as exc:
                detail = f"database: {exc}"
                raise VaultDamaged("vault.damaged", path=path, detail=detail) from None
            except SchemaTooNew as exc:
                raise InvalidInput(
                    "vault.schema_future", version=exc.version, supported=_schema_version()
                ) from None
    finally:
        body.release()


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    """Turn the OS's complaints about reading `path` into one clear message."""
    if path.is_dir():
        raise InvalidInput("path.is_directory", path=path)
    try:
        yield
    except NotARegularFile as exc:  # a FIFO would block in open(), a device never end
        raise refusal(exc) from None
    except FileNotFoundError:
        raise InvalidInput("vault.not_found", path=path) from None
    except OSError as exc:
        raise InvalidInput("vault.read_failed", path=path, detail=_os_detail(exc)) from None


def _parse_header(path: Path, data: bytes, size: int) -> fmt.Header:
    try:
        return fmt.parse_header(data, size)
    except fmt.FutureVersion as exc:
        raise InvalidInput(
            "vault.future_version", path=path, version=exc.version, supported=fmt.FORMAT_VERSION
        ) from None
    except fmt.NotAVault:
        raise VaultDamaged("vault.not_a_vault", path=path) from None
    except fmt.KdfRefused as exc:
        raise VaultDamaged("vault.kdf_refused", path=path, detail=str(exc)) from None
    except fmt.FormatError as exc:
        raise VaultDamaged("vault.damaged", path=path, detail=str(exc)) from None


def _file_identity(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def _os_detail(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return "schijf vol / disk full"
    return exc.strerror or type(exc).__name__


def _mib(n: int) -> str:
    return f"{n / (1 << 20):.0f} MiB"


def _schema_version() -> int:
    from drieluik.store.migrations import SCHEMA_VERSION

    return SCHEMA_VERSION
