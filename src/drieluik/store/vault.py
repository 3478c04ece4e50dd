"""The vault: open, create, save, back up and re-key the one encrypted file.

Everything above the store goes through `Vault.session()` / `Vault.transaction()`;
nothing else reads or writes vault bytes.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from drieluik.errors import DrieluikError, InvalidInput, VaultDamaged, VaultInUse, WrongPassphrase
from drieluik.store import vault_format as fmt
from drieluik.store.database import Database, DatabaseCorrupt, SchemaTooNew
from drieluik.store.hardening import disable_core_dumps
from drieluik.store.kdf import KdfParams, normalise_passphrase
from drieluik.store.lock import LockBusy, LockPathUnsafe, ProcessLock
from drieluik.store.safe_file import remove_orphans, write_atomically


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


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def peek(path: Path) -> VaultInfo:
    """Read the header only; raises DrieluikError on a missing or unreadable file."""
    header, size = _read_header(path)
    return VaultInfo(
        path=path,
        format_version=fmt.FORMAT_VERSION,
        generation=header.generation,
        saved_at=datetime.fromtimestamp(header.saved_at),
        size=size,
        slots=tuple(
            "passphrase" if s.kind == fmt.SLOT_PASSPHRASE else "recovery" for s in header.slots
        ),
        kdf=header.slots[0].params.describe(),
        vault_id=header.vault_id.hex(),
    )


class Vault:
    def __init__(
        self, path: Path, header: fmt.Header, data_key: bytes, db: Database, lock: ProcessLock
    ) -> None:
        self.path = path
        self.header = header
        self._data_key: bytes | None = data_key
        self.db: Database | None = db
        self._lock = lock
        self._stat = _file_identity(path)
        self._save_lock = threading.RLock()
        # Called after every committed transaction. The CLI saves at once; the
        # TUI replaces this to save from a worker thread.
        self.after_commit: Callable[[], None] = self.save
        self.schema_version_found = 0

    # --- creating and opening -------------------------------------------------

    @classmethod
    def create(cls, path: Path, passphrase: str, params: KdfParams | None = None) -> Vault:
        path = Path(path)
        if path.exists():
            raise InvalidInput("vault.exists", path=path)
        if not path.parent.is_dir():
            raise InvalidInput("path.no_parent", path=path.parent)
        _require_passphrase(passphrase)
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
            )
            header = fmt.Header(vault_id, 0, 0, b"\0" * 12, 0, (slot,))
            db = Database.new()
            vault = cls(path, header, data_key, db, lock)
            vault._stat = None
            vault.save(require_existing=False)
            return vault
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open(
        cls, path: Path, passphrase: str | None = None, *, recovery_key: str | None = None
    ) -> Vault:
        path = Path(path)
        lock = _acquire(path)
        try:
            disable_core_dumps()
            remove_orphans(path)
            header, data = read_vault_file(path)
            if recovery_key is not None:
                kind, secret = fmt.SLOT_RECOVERY, normalise_recovery_key(recovery_key)
            else:
                kind, secret = fmt.SLOT_PASSPHRASE, normalise_passphrase(passphrase or "")
            refused = (
                "vault.wrong_passphrase" if recovery_key is None else "vault.wrong_recovery_key"
            )
            slot = header.slot(kind)
            if slot is None:
                raise WrongPassphrase(refused, path=path)
            try:
                data_key = fmt.unwrap_slot(slot, secret, header.vault_id)
            except fmt.BadKey:
                raise WrongPassphrase(refused, path=path) from None
            db, found = load_database(path, header, data, data_key)
            del data
            vault = cls(path, header, data_key, db, lock)
            vault.schema_version_found = found
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
            yield session
            session.commit()
        if compact:
            self._compact()
        if persist:
            self.after_commit()

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
            self._write(dest, header, payload)

    def _next_header(self, payload_length: int) -> fmt.Header:
        if payload_length > fmt.MAX_PAYLOAD_BYTES:
            raise InvalidInput(
                "vault.too_large",
                size=_mib(payload_length),
                limit=_mib(fmt.MAX_PAYLOAD_BYTES),
            )
        return replace(
            self.header,
            generation=self.header.generation + 1,
            saved_at=int(time.time()),
            payload_nonce=os.urandom(12),
            payload_length=payload_length,
        )

    def _write(self, target: Path, header: fmt.Header, payload: bytes) -> None:
        data_key = self._key()
        prefix, chunks = fmt.encrypt_stream(data_key, header, memoryview(payload))
        header_bytes = prefix[: header.length]

        def verify(back) -> None:
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
            raise DrieluikError("vault.save_failed", path=target, detail=str(exc)) from None
        except OSError as exc:
            raise DrieluikError("vault.save_failed", path=target, detail=_os_detail(exc)) from None

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

    def change_passphrase(self, new_passphrase: str, params: KdfParams | None = None) -> None:
        """Rewrap the data key under a new passphrase; the recovery slot keeps working."""
        _require_passphrase(new_passphrase)
        old = self.header.slot(fmt.SLOT_PASSPHRASE)
        slot = fmt.new_slot(
            fmt.SLOT_PASSPHRASE,
            normalise_passphrase(new_passphrase),
            self._key(),
            self.header.vault_id,
            params or (old.params if old else KdfParams()),
        )
        self._replace_slot(slot)

    def set_recovery_key(self, recovery_key: str, params: KdfParams | None = None) -> None:
        slot = fmt.new_slot(
            fmt.SLOT_RECOVERY,
            normalise_recovery_key(recovery_key),
            self._key(),
            self.header.vault_id,
            params or KdfParams(),
        )
        self._replace_slot(slot)

    def has_recovery_key(self) -> bool:
        return self.header.slot(fmt.SLOT_RECOVERY) is not None

    def _replace_slot(self, slot: fmt.KeySlot) -> None:
        previous = self.header
        others = tuple(s for s in previous.slots if s.kind != slot.kind)
        self.header = replace(previous, slots=tuple(sorted((*others, slot), key=lambda s: s.kind)))
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


def _require_passphrase(passphrase: str) -> None:
    if not passphrase:
        raise InvalidInput("passphrase.empty")
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput("vault.text_invalid", field="passphrase") from None


def _acquire(path: Path) -> ProcessLock:
    if path.is_dir():
        raise InvalidInput("path.is_directory", path=path)
    if not path.parent.is_dir():
        raise InvalidInput("path.no_parent", path=path.parent)
    lock = ProcessLock(lock_path(path))
    try:
        lock.acquire()
    except LockBusy:
        raise VaultInUse("vault.locked", path=path) from None
    except LockPathUnsafe:
        raise InvalidInput("vault.lock_unsafe", path=lock.path) from None
    except OSError as exc:
        # The lock file is created beside the vault: failing here usually
        # means the folder is not writable (read-only media, permissions).
        raise InvalidInput(
            "vault.folder_unwritable", path=path.parent, detail=_os_detail(exc)
        ) from None
    return lock


def _read_header(path: Path) -> tuple[fmt.Header, int]:
    """The header alone: a foreign or oversized file is refused before it is read."""
    with _reading(path), open(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        prefix = file.read(fmt.FIXED_HEADER.size + fmt.SLOT.size * fmt.MAX_SLOTS)
    return _parse_header(path, prefix, size), size


def read_vault_file(path: Path) -> tuple[fmt.Header, bytearray]:
    """The parsed header and the whole file, in one writable buffer.

    The header is parsed from the first bytes before the rest is read (it
    bounds the payload length), and the buffer is allocated once at the file's
    size: `load_database` decrypts it in place.
    """
    with _reading(path), open(path, "rb", buffering=0) as file:
        size = os.fstat(file.fileno()).st_size
        prefix = file.read(fmt.FIXED_HEADER.size + fmt.SLOT.size * fmt.MAX_SLOTS)
        header = _parse_header(path, prefix, size)
        data = bytearray(size)
        view = memoryview(data)
        try:
            view[: len(prefix)] = prefix
            done = len(prefix)
            while done < size:
                read = file.readinto(view[done:])
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
    if not fmt.verify_header(header_bytes, mac, data_key, header.vault_id):
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
