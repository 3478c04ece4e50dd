"""Validating user text on the way in.

A lone surrogate cannot be stored as UTF-8 (SQLite fails on bind) and a NUL
byte truncates text in Word and PDF exports, so both are refused with a clear
message. Everything else — right-to-left overrides, escape sequences, Rich
markup — is stored exactly as typed; the UI displays it literally.
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
