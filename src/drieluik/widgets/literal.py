"""User text shown exactly as typed: never Rich markup, never terminal escapes.

A summary containing `[bold]` must show the brackets, and an ESC byte must not
reach the terminal (it could recolour or move the cursor): control characters
are replaced by their visible Unicode "control pictures" (ESC → ␛). The
mapping lives in `domain.text.visible`, shared with the CLI.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text

from drieluik.domain.text import visible

__all__ = ["literal", "shown_path", "visible"]


def shown_path(path: Path) -> str:
    """A path as a person reads it: under the home folder as ~/… (shorter at
    80 columns, and the same on every machine for the snapshots); typed back
    into a path field it means the same file (`Path.expanduser`)."""
    try:
        return str(Path("~") / path.expanduser().resolve().relative_to(Path.home().resolve()))
    except (ValueError, RuntimeError, OSError):  # outside home, or no home
        return str(path)


def literal(
    value: str | None, style: str = "", *, single_line: bool = False, max_length: int = 0
) -> Text:
    """A Rich Text that displays `value` literally (for Static, Label, DataTable cells)."""
    return Text(visible(value, single_line=single_line, max_length=max_length), style=style)
