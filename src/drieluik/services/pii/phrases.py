"""Find allow-list phrases in a text, word by word, ignoring case, accents and hyphens.

"Zorg- en Veiligheidshuis Drenthe", "zorg en veiligheidshuis drenthe" and
"Midden Drenthe" / "Midden-Drenthe" all match. Looking up by first word keeps a
scan linear in the length of the note, whatever the size of the list.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_WORD_RE = re.compile(r"\w+")
# What may stand between two words of one phrase: spaces and light punctuation on one line.
_JOINER_RE = re.compile(r"[ \t\u00a0]*[-–/&(),.]?[ \t\u00a0]*\(?")


@lru_cache(maxsize=8192)
def fold_word(word: str) -> str:
    """Casefold and strip diacritics: "Oekraïne" and "oekraine" fold alike."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_phrase(text: str) -> tuple[str, ...]:
    return tuple(fold_word(w) for w in _WORD_RE.findall(text))


class PhraseMatcher:
    """Matches a fixed set of phrases; longest match wins at each position."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self.folded: set[tuple[str, ...]] = set()
        for phrase in phrases:
            words = fold_phrase(phrase)
            if not words or words in self.folded:
                continue
            self.folded.add(words)
            self._by_first.setdefault(words[0], []).append(words)
        for options in self._by_first.values():
            options.sort(key=len, reverse=True)

    def __contains__(self, text: str) -> bool:
        return fold_phrase(text) in self.folded

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of every phrase occurrence, left to right, not overlapping."""
        words = list(_WORD_RE.finditer(text))
        found: list[tuple[int, int]] = []
        i = 0
        while i < len(words):
            options = self._by_first.get(fold_word(words[i].group()))
            matched = 0
            if options:
                for phrase in options:
                    if self._matches_at(text, words, i, phrase):
                        matched = len(phrase)
                        break
            if matched:
                found.append((words[i].start(), words[i + matched - 1].end()))
                i += matched
            else:
                i += 1
        return found

    @staticmethod
    def _matches_at(text: str, words: list[re.Match[str]], i: int, phrase: tuple[str, ...]) -> bool:
        if i + len(phrase) > len(words):
            return False
        for k, expected in enumerate(phrase):
            word = words[i + k]
            if fold_word(word.group()) != expected:
                return False
            if k and not _JOINER_RE.fullmatch(text, words[i + k - 1].end(), word.start()):
                return False
        return True
