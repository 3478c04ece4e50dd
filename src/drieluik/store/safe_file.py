"""Write a file so that a crash, a full disk or a failing step never loses the old one.

temp file in the same folder → write → fsync (F_FULLFSYNC on macOS) → verify
by reading back → os.replace (retried briefly while another program holds the
file, as Windows scanners do) → fsync the folder. Any failure removes the temp file and leaves
the target byte-identical. Temp files a crash left behind match
`temp_pattern()` and are removed by `remove_orphans()` while the lock is held.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO

try:  # POSIX
    import fcntl as _fcntl
except ImportError:  # Windows
    _fcntl = None  # type: ignore[assignment]

_O_BINARY = getattr(os, "O_BINARY", 0)

# On Windows a virus scanner, the search indexer or a backup agent briefly
# opens the file; os.replace onto it then fails with PermissionError (sharing
# violation). Wait and try again, about 2 s in all, before the save fails.
REPLACE_DELAYS = (0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8)
sleep: Callable[[float], None] = time.sleep  # tests inject a recording clock


def full_fsync(fd: int, fcntl_module: Any = _fcntl) -> None:
    """fsync that reaches the disk: on macOS fsync only reaches the drive's
    cache, F_FULLFSYNC flushes that too. Falls back to fsync where the file
    system refuses it (some network and FUSE file systems)."""
    full = getattr(fcntl_module, "F_FULLFSYNC", None)
    if full is not None:
        try:
            fcntl_module.fcntl(fd, full)
            return
        except OSError:
            pass
    os.fsync(fd)


def replace_retrying(source: Path, target: Path) -> None:
    """os.replace, retried on PermissionError for ~2 s (`REPLACE_DELAYS`)."""
    for delay in (*REPLACE_DELAYS, None):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if delay is None:
                raise
            sleep(delay)


def temp_glob(target: Path) -> str:
    # The name is escaped: "kluis [oud].vault" must not match ".kluis o.vault.*.tmp",
    # another vault's save that may be in progress.
    return f".{glob.escape(target.name)}.*.tmp"


def remove_orphans(target: Path) -> int:
    removed = 0
    for orphan in target.parent.glob(temp_glob(target)):
        with contextlib.suppress(OSError):
            orphan.unlink()
            removed += 1
    return removed


def fsync_directory(folder: Path) -> None:
    """Make a rename durable. Windows cannot open folders; NTFS journals renames."""
    if sys.platform == "win32":  # pragma: no cover - Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        full_fsync(fd)
    finally:
        os.close(fd)


def write_atomically(
    target: Path,
    chunks: Iterable[bytes],
    verify: Callable[[BinaryIO], None] | None = None,
    mode: int = 0o600,
) -> None:
    """Replace `target` with `chunks`, or leave it untouched and raise."""
    temp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, mode)
    try:
        try:
            for chunk in chunks:
                _write_all(fd, chunk)
            full_fsync(fd)
        finally:
            os.close(fd)
        if verify is not None:
            with open(temp, "rb") as back:
                verify(back)
        replace_retrying(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    # The new file is in place now; a folder that cannot be fsynced (some
    # network and FUSE file systems) must not turn a done save into a failure.
    with contextlib.suppress(OSError):
        fsync_directory(target.parent)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
