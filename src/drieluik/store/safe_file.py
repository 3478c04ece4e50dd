"""Write a file so that a crash, a full disk or a failing step never loses the old one.

temp file in the same folder → write → fsync → verify by reading back →
os.replace → fsync the folder. Any failure removes the temp file and leaves
the target byte-identical. Temp files a crash left behind match
`temp_pattern()` and are removed by `remove_orphans()` while the lock is held.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

_O_BINARY = getattr(os, "O_BINARY", 0)


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
        os.fsync(fd)
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
            os.fsync(fd)
        finally:
            os.close(fd)
        if verify is not None:
            with open(temp, "rb") as back:
                verify(back)
        os.replace(temp, target)
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
