"""Process settings that keep plaintext off the disk while a vault is open."""

from __future__ import annotations

import contextlib

try:
    import resource
except ImportError:  # pragma: no cover - Windows has no core dumps of this kind
    resource = None  # type: ignore[assignment]


def disable_core_dumps() -> None:
    """A core dump of an unlocked process would write the database to disk."""
    if resource is None:  # pragma: no cover
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
