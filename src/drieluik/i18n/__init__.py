"""One message catalogue for every user-facing text: Dutch, English with DRIELUIK_LANG=en.

Each area keeps its messages in its own module (`core`, `cases`, `tui`, …) so
that they stay near each other in review; `t()` looks a key up in all of them.
A missing key is a programming error and fails loudly in tests
(`tests/test_i18n.py` checks that every key has both languages).
"""

from __future__ import annotations

import os
from functools import cache

from drieluik.i18n import (
    cases,
    core,
    keys,
    meetings,
    minutes,
    pii,
    region,
    report,
    search,
    trust,
    tui,
)

LANGUAGES = ("nl", "en")
_CATALOG_MODULES = (core, cases, meetings, search, report, pii, minutes, trust, keys, tui, region)

_language_override: str | None = None


def set_language(language: str | None) -> None:
    """Set the language for this process (from settings); None falls back to the env."""
    global _language_override
    _language_override = language if language in LANGUAGES else None


def current_language() -> str:
    if _language_override:
        return _language_override
    env = os.environ.get("DRIELUIK_LANG", "").strip().lower()[:2]
    return env if env in LANGUAGES else "nl"


@cache
def catalog() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for module in _CATALOG_MODULES:
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key defined twice: {key}")
            merged[key] = texts
    return merged


def t(key: str, /, **params: object) -> str:
    """The message `key` in the current language, formatted with `params`."""
    texts = catalog()[key]
    text = texts.get(current_language()) or texts["nl"]
    return text.format(**params) if params else text


def count(n: int) -> str:
    """A whole number with the thousands separator of the current language (1.947 / 1,947)."""
    text = f"{n:,}"
    return text.replace(",", ".") if current_language() == "nl" else text
