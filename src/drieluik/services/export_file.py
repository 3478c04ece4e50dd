"""The file an export writes (annual figures, minutes): checked before any work.

One set of refusals for every export, so `report --out` and `export minutes
--out` say the same thing: a folder is not a file, the folder must exist, and
an existing file is only replaced with --force. The write itself is atomic
(`store.safe_file.write_atomically`).
"""

from __future__ import annotations

from pathlib import Path

from drieluik.errors import InvalidInput


def refuse_existing(out: Path, force: bool) -> None:
    """Raise InvalidInput for a folder, a missing folder, or a file in the way."""
    if out.is_dir():
        raise InvalidInput("path.is_directory", path=out)
    if not out.parent.is_dir():
        raise InvalidInput("path.no_parent", path=out.parent)
    if out.exists() and not force:
        raise InvalidInput("path.exists", path=out)
