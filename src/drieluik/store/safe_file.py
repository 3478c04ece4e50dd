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
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, BinaryIO

from drieluik.errors import InvalidInput
from drieluik.i18n import t

_O_BINARY = getattr(os, "O_BINARY", 0)
# Windows has neither: there a FIFO or device cannot pass the os.stat check.
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_NOCTTY = getattr(os, "O_NOCTTY", 0)


class NotARegularFile(OSError):
    """An input path that is a folder, FIFO, device or socket. `kind` says which."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is a {kind}, not a regular file")
        self.path = path
        self.kind = kind  # "directory", "fifo", "device", "socket" or "other"


def refusal(exc: NotARegularFile) -> InvalidInput:
    """The one message for a folder, FIFO, device or socket given as a file."""
    if exc.kind == "directory":
        return InvalidInput("path.is_directory", path=exc.path)
    return InvalidInput("path.not_regular", path=exc.path, kind=t(f"path.kind.{exc.kind}"))


def file_kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def require_regular(path: Path) -> None:
    """Raise NotARegularFile unless `path` (links followed) is a regular file.

    Cheap and safe to call on anything: os.stat never opens the file, so a
    FIFO cannot block and a device is not read. FileNotFoundError passes on.
    """
    kind = file_kind(os.stat(path).st_mode)
    if kind != "file":
        raise NotARegularFile(Path(path), kind)


SECRET_FILE_LIMIT = 4096  # a passphrase or recovery key file: one short line
PIPE_WAIT_SECONDS = 10.0


def read_secret_file(path: Path, limit: int = SECRET_FILE_LIMIT) -> bytes:
    """At most `limit` bytes of a passphrase or recovery-key file, up to its first newline
    after some text.

    A regular file, or a pipe (`--passphrase-file <(pass show drieluik)`): a
    pipe is opened without blocking and waited on for at most
    PIPE_WAIT_SECONDS, so a FIFO nobody writes to ends at once (nothing comes)
    or after the wait. A folder, device (/dev/zero) or socket is refused
    before it is opened.
    """
    kind = file_kind(os.stat(path).st_mode)
    if kind not in ("file", "fifo"):
        raise NotARegularFile(Path(path), kind)
    fd = os.open(path, os.O_RDONLY | _O_BINARY | _O_NONBLOCK | _O_NOCTTY)
    try:
        kind = file_kind(os.fstat(fd).st_mode)
        if kind == "file":
            if _O_NONBLOCK:
                os.set_blocking(fd, True)
            return os.read(fd, limit)
        if kind != "fifo":
            raise NotARegularFile(Path(path), kind)
        return _read_pipe(fd, limit)
    finally:
        os.close(fd)


def _read_pipe(fd: int, limit: int) -> bytes:
    import select
    import time

    deadline = time.monotonic() + PIPE_WAIT_SECONDS
    data = b""
    while len(data) < limit:
        try:
            chunk = os.read(fd, limit - len(data))
        except BlockingIOError:  # a writer, nothing written yet
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("nothing came through the pipe") from None
            select.select([fd], [], [], min(left, 0.5))
            continue
        if not chunk:  # no writer (any more): end of file
            break
        data += chunk
        if b"\n" in data.lstrip(b"\r\n"):
            break
    return data


def open_regular(path: Path, mode: str = "rb", **kwargs: Any) -> IO[Any]:
    """`open(path, mode)` for reading, refusing anything but a regular file.

    A FIFO given as the vault or an import file would block in open() and a
    device (/dev/zero) be read forever. Checked before opening (os.stat), and
    again on the opened descriptor (fstat): the path may have been swapped in
    between, and O_NONBLOCK makes even that open of a FIFO return at once.
    """
    if any(c in mode for c in "wax+"):
        raise ValueError("open_regular is for reading")
    require_regular(path)
    fd = os.open(path, os.O_RDONLY | _O_BINARY | _O_NONBLOCK | _O_NOCTTY)
    try:
        kind = file_kind(os.fstat(fd).st_mode)
        if kind != "file":
            raise NotARegularFile(Path(path), kind)
        if _O_NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, mode, **kwargs)
    except BaseException:
        os.close(fd)
        raise


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
