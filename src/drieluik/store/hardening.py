"""Process settings that keep plaintext off the disk while a vault is open.

All best effort and without privileges: a setting the platform lacks is
skipped silently (docs/security.md, "Memory", says what remains: swap and
hibernation, against which full-disk encryption is the answer).
"""

from __future__ import annotations

import contextlib
import mmap
import sys
from typing import Any

try:
    import resource
except ImportError:  # pragma: no cover - Windows has no core dumps of this kind
    resource = None  # type: ignore[assignment]

_PR_SET_DUMPABLE = 4  # <linux/prctl.h>
_PR_GET_DUMPABLE = 3


def _libc() -> Any:
    """The C library on Linux (a ctypes.CDLL), else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes
        import ctypes.util

        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except (OSError, AttributeError):  # pragma: no cover - a libc without these
        return None


def disable_core_dumps() -> None:
    """No core dump, and on Linux not dumpable: no ptrace or /proc/PID/mem by
    other processes of the same user, no core from a crash handler.

    A core dump of an unlocked process would write the database to disk; a
    dumpable process lets any program the user runs read its memory.
    """
    if resource is not None:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    libc = _libc()
    if libc is not None:
        with contextlib.suppress(AttributeError, OSError):
            libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)


def is_dumpable() -> bool | None:
    """Linux: whether other processes of the user may ptrace this one (None elsewhere)."""
    libc = _libc()
    if libc is None:
        return None
    return bool(libc.prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0))


def lock_in_memory(secret: bytes | bytearray) -> bool:
    """mlock the pages holding `secret` so they are never swapped out.

    Works unprivileged up to RLIMIT_MEMLOCK (64 KiB to 8 MiB on common
    distributions; a 32-byte key needs one or two pages). Returns whether it
    worked; failure is no error. Only the key is locked: the decrypted
    database (megabytes) would exceed the limit, hence full-disk encryption.
    """
    libc = _libc()
    if libc is None or not secret:
        return False
    import ctypes

    try:
        if isinstance(secret, bytearray):
            address = ctypes.addressof((ctypes.c_char * len(secret)).from_buffer(secret))
        else:  # CPython hands a bytes object's own buffer to c_char_p
            address = ctypes.cast(ctypes.c_char_p(secret), ctypes.c_void_p).value or 0
        page = mmap.PAGESIZE
        start = address - address % page
        length = address + len(secret) - start
        return bool(libc.mlock(ctypes.c_void_p(start), ctypes.c_size_t(length)) == 0)
    except (AttributeError, OSError, TypeError, ValueError):  # pragma: no cover
        return False
