"""Validating user text on the way in.

A lone surrogate cannot be stored as UTF-8 (SQLite fails on bind) and a NUL
byte truncates text in Word and PDF exports, so both are refused with a clear
message. Everything else — right-to-left overrides, escape sequences, Rich
markup — is stored exactly as typed; the UI and the CLI display it literally
through `visible()`.
"""

from __future__ import annotations

from drieluik.errors import InvalidInput

# Long enough for any realistic case summary or meeting note (a 40-page
# document), small enough that a paste accident cannot balloon the vault.
MAX_TEXT_CHARS = 100_000
MAX_SHORT_TEXT_CHARS = 200  # names of organisations, reporters, owners


def clean_text(field: str, value: str, *, limit: int = MAX_TEXT_CHARS, strip: bool = True) -> str:
    """Return `value` (stripped) or raise InvalidInput naming the field."""
    if strip:
        value = value.strip()
    if len(value) > limit:
        raise InvalidInput("vault.text_too_long", field=field, size=len(value), limit=limit)
    if "\x00" in value or _has_lone_surrogate(value):
        raise InvalidInput("vault.text_invalid", field=field)
    return value


def clean_short_text(field: str, value: str) -> str:
    return clean_text(field, " ".join(value.split()), limit=MAX_SHORT_TEXT_CHARS)


def _has_lone_surrogate(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# Showing user text. An ESC byte must not reach the terminal (it could recolour,
# retitle or move the cursor): C0 controls (except TAB and LF) and DEL become
# their visible Unicode "control pictures" (ESC → ␛); C1 controls and
# bidirectional overrides, which can make text read differently from how it is
# stored, become '\ufffd'. One table for the TUI (widgets.literal) and the CLI.
_VISIBLE = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)}
_VISIBLE[0x7F] = "\u2421"
_VISIBLE.update({code: "\ufffd" for code in range(0x80, 0xA0)})
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
