"""The file an export writes (annual figures, minutes): checked before any work.

One set of refusals for every export, so `report --out` and `export minutes
--out` say the same thing: a folder is not a file, the folder must exist, and
an existing file is only replaced with --force. The write is atomic
(`store.safe_file.write_atomically`) and recorded in the audit trail.
"""

from __future__ import annotations

from pathlib import Path

from drieluik.errors import InvalidInput
from drieluik.services import audit
from drieluik.store.safe_file import write_atomically
from drieluik.store.vault import Vault


def refuse_existing(out: Path, force: bool) -> None:
    """Raise InvalidInput for a folder, a missing folder, or a file in the way."""
    if out.is_dir():
        raise InvalidInput("path.is_directory", path=out)
    if not out.parent.is_dir():
        raise InvalidInput("path.no_parent", path=out.parent)
    if out.exists() and not force:
        raise InvalidInput("path.exists", path=out)


def write_export(vault: Vault, out: Path, data: bytes, *, force: bool, action: str) -> None:
    """Write `data` to `out` atomically, then audit `action` (without contents).

    `out` is checked again first: rendering a PDF takes a moment, in which a
    file may have appeared.
    """
    refuse_existing(out, force)
    try:
        write_atomically(out, [data])
    except OSError as exc:
        raise InvalidInput(
            "path.write_failed", path=out, detail=exc.strerror or type(exc).__name__
        ) from None
    with vault.transaction() as session:
        audit.record(session, action)
