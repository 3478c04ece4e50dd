"""User text shown exactly as typed: never Rich markup, never terminal escapes.

A summary containing `[bold]` must show the brackets, and an ESC byte must not
reach the terminal (it could recolour or move the cursor): control characters
are replaced by their visible Unicode "control pictures" (ESC → ␛).
"""

from __future__ import annotations

from rich.text import Text

# C0 controls (except TAB and LF) and DEL map to U+2400..U+2421; C1 controls to '�'.
_VISIBLE = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)}
_VISIBLE[0x7F] = "\u2421"
_VISIBLE.update({code: "\ufffd" for code in range(0x80, 0xA0)})
# Bidirectional overrides can make text read differently from how it is stored.
_VISIBLE.update({code: "\ufffd" for code in (0x202A, 0x202B, 0x202C, 0x202D, 0x202E)})
_VISIBLE.update({code: "\ufffd" for code in (0x2066, 0x2067, 0x2068, 0x2069)})


def visible(value: str | None, *, single_line: bool = False, max_length: int = 0) -> str:
    """`value` with control characters made visible.

    `single_line` folds newlines and runs of spaces (table cells); `max_length`
    cuts long text with an ellipsis.
    """
    text = value or ""
    if single_line:
        text = " ".join(text[: max_length * 2 or None].split())
    text = text.translate(_VISIBLE)
    if max_length and len(text) > max_length:
        text = text[: max_length - 1] + "…"
    return text


def literal(
    value: str | None, style: str = "", *, single_line: bool = False, max_length: int = 0
) -> Text:
    """A Rich Text that displays `value` literally (for Static, Label, DataTable cells)."""
    return Text(visible(value, single_line=single_line, max_length=max_length), style=style)
