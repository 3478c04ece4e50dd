"""One process at a time: an OS lock on `<vault>.lock`, held while the vault is open.

An OS lock (flock on POSIX, a byte-range lock via msvcrt on Windows) is
released by the kernel when the holder dies, so a crash never leaves a stale
lock behind — unlike a PID file. Both ways are backends of `ProcessLock`, so
that the Windows one can be exercised on Linux too (tests/store/test_lock.py
gives it a stand-in `msvcrt`; on Windows the same test uses the real one).

The lock file is opened without following a symbolic link: a link planted at
`<vault>.lock` (`ln -s /elsewhere/new v.vault.lock`) must not make drieluik
create or lock a file elsewhere. Such a path, or one that is not a regular
file, is refused (`LockPathUnsafe`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, Protocol

try:  # POSIX
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # not on Windows: checked with lstat there
_O_BINARY = getattr(os, "O_BINARY", 0)


class LockBusy(Exception):
    pass


class LockPathUnsafe(Exception):
    """The lock path is a symbolic link or not a regular file."""


class LockBackend(Protocol):
    def lock(self, fd: int) -> None:
        """Take the lock without waiting; OSError when another holder has it."""

    def unlock(self, fd: int) -> None: ...


class FlockBackend:
    """POSIX: flock, one lock per open file."""

    def lock(self, fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def unlock(self, fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class MsvcrtBackend:
    """Windows: lock the file's first byte with msvcrt.locking.

    msvcrt.locking locks from the current file position, so both lock and
    unlock seek to the start first (an unlock at another offset fails).
    """

    def __init__(self, msvcrt_module: Any = None) -> None:
        if msvcrt_module is None:
            import msvcrt

            msvcrt_module = msvcrt
        self.msvcrt = msvcrt_module

    def lock(self, fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        self.msvcrt.locking(fd, self.msvcrt.LK_NBLCK, 1)

    def unlock(self, fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        self.msvcrt.locking(fd, self.msvcrt.LK_UNLCK, 1)


def default_backend() -> LockBackend:
    return FlockBackend() if fcntl is not None else MsvcrtBackend()


class ProcessLock:
    def __init__(self, path: Path, backend: LockBackend | None = None) -> None:
        self.path = path
        self.backend = backend or default_backend()
        self._fd: int | None = None

    def acquire(self) -> None:
        if self.path.is_symlink():  # where O_NOFOLLOW does not exist (Windows)
            raise LockPathUnsafe(str(self.path))
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _O_NOFOLLOW | _O_BINARY, 0o600)
        except OSError:
            if self.path.is_symlink():  # planted between the check and the open: ELOOP
                raise LockPathUnsafe(str(self.path)) from None
            raise
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise LockPathUnsafe(str(self.path))
            self.backend.lock(fd)
        except OSError:
            os.close(fd)
            raise LockBusy(str(self.path)) from None
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            self.backend.unlock(fd)
        finally:
            os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None
