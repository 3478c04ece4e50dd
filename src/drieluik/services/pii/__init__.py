"""The personal-data guard: finds names, BSNs, phone numbers… in Dutch free text.

Rule-based and offline (why: docs/anonymisation.md). Pure Python, no Textual.

    findings = scan(text, allow=user_terms)   # sorted, non-overlapping
    clean = redact(text, findings)             # "[NAAM]", "[BSN]", …
    mask(finding.text)                         # "E***a P." for listings

Offsets are Python string indices: `text[f.start:f.end] == f.text` always.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from drieluik.services.pii.builtin_allow import BUILTIN_ALLOW_TERMS
from drieluik.services.pii.categories import PLACEHOLDERS, Category
from drieluik.services.pii.documents import find_documents, find_foreign_plates, find_online
from drieluik.services.pii.lexicon import first_names, lowercase_unsafe_names
from drieluik.services.pii.names import find_persons, propagate, tokenize
from drieluik.services.pii.phrases import PhraseMatcher, fold_phrase
from drieluik.services.pii.rules import Candidate, find_structured

__all__ = [
    "BUILTIN_ALLOW_TERMS",
    "PLACEHOLDERS",
    "Category",
    "Finding",
    "mask",
    "redact",
    "scan",
]


@dataclass(frozen=True)
class Finding:
    """One span of personal data in a text: `text == source[start:end]`."""

    category: Category
    start: int
    end: int
    text: str
    # Which rule found it ("person.title", "bsn.11-proef", …): `pii scan --explain`.
    rule: str = field(default="", compare=False)


def _key(text: str) -> str:
    """Comparison key for allow-list terms: case, accents, spaces and hyphens ignored."""
    return "".join(fold_phrase(text))


@cache
def _builtin() -> tuple[PhraseMatcher, frozenset[str]]:
    return PhraseMatcher(BUILTIN_ALLOW_TERMS), frozenset(_key(t) for t in BUILTIN_ALLOW_TERMS)


@lru_cache(maxsize=32)
def _user(terms: tuple[str, ...]) -> tuple[PhraseMatcher, frozenset[str]]:
    return PhraseMatcher(terms), frozenset(k for k in map(_key, terms) if k)


def scan(text: str, allow: Iterable[str] = ()) -> list[Finding]:
    """Personal data in `text`, sorted by start and never overlapping.

    `allow` holds the user's extra allow-list terms (case-insensitive): a finding
    whose text is such a term, or lies inside one, is dropped, and names are not
    looked for inside them.
    """
    if not text:
        return []
    builtin_matcher, builtin_keys = _builtin()
    user_terms = tuple(sorted({t for t in allow if t and t.strip()}))
    user_matcher, user_keys = _user(user_terms) if user_terms else (None, frozenset())

    builtin_spans = builtin_matcher.spans(text)
    user_spans = user_matcher.spans(text) if user_matcher is not None else []
    protected = _merge_spans(builtin_spans + user_spans) if user_spans else builtin_spans
    tokens = tokenize(text, protected)

    def allowed(candidate: Candidate) -> bool:
        key = _key(text[candidate.start : candidate.end])
        if key in user_keys:
            return True
        # Inside a phrase the user allowed ("Dr. Aletta Jacobs College" finds a
        # title-backed name in its last three words): the user's word wins.
        if any(start <= candidate.start and candidate.end <= end for start, end in user_spans):
            return True
        return key in builtin_keys and not candidate.strong

    persons = find_persons(text, tokens)
    names = first_names()
    structured = find_structured(text, names)
    structured += find_documents(text)
    structured += find_online(text, _slug_names())
    structured += find_foreign_plates(text)
    candidates = [c for c in structured if not allowed(c)]
    candidates += [c for c, _ in persons if not allowed(c)]
    candidates = [c for c in candidates if not _street_is_protected(c, builtin_spans)]
    kept = _resolve(candidates)

    # Spread the names that survived to their other mentions in the text.
    kept_person_spans = {(c.start, c.end) for c in kept if c.category is Category.PERSON}
    name_parts = [parts for c, parts in persons if (c.start, c.end) in kept_person_spans]
    # An alias is a made-up name ('Tiger'): it counts in lower case later on too.
    aliases = frozenset(
        tokens[index].folded
        for c, parts in persons
        if c.rule == "person.alias" and (c.start, c.end) in kept_person_spans
        for _, index in parts
        if len(tokens[index].text) >= 4
    )

    def allowed_word(word: str) -> bool:
        key = _key(word)
        return key in builtin_keys or key in user_keys

    if name_parts:
        spread = [
            c for c in propagate(text, tokens, name_parts, allowed_word, aliases) if not allowed(c)
        ]
        kept = _resolve(kept + spread)

    return [
        Finding(c.category, c.start, c.end, text[c.start : c.end], c.rule)
        for c in sorted(kept, key=lambda c: c.start)
    ]


@cache
def _slug_names() -> frozenset[str]:
    """First names that mark a URL path as a person's page ("/escort/natasha-21")."""
    return first_names() - lowercase_unsafe_names()


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _street_is_protected(candidate: Candidate, protected: list[tuple[int, int]]) -> bool:
    """ "Westerveld 3 signalen" is a municipality and a count, not an address."""
    if candidate.category is not Category.ADDRESS:
        return False
    index = bisect.bisect_right(protected, (candidate.start, float("inf"))) - 1
    return index >= 0 and protected[index][0] <= candidate.start < protected[index][1]


def _resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the best candidates that do not overlap: lower rank first, then longer."""
    order = sorted(candidates, key=lambda c: (c.rank, c.start - c.end, c.start))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Candidate] = []
    for candidate in order:
        if candidate.end <= candidate.start:
            continue
        index = bisect.bisect_left(starts, candidate.start)
        if index > 0 and ends[index - 1] > candidate.start:
            continue
        if index < len(starts) and starts[index] < candidate.end:
            continue
        starts.insert(index, candidate.start)
        ends.insert(index, candidate.end)
        kept.append(candidate)
    return kept


def redact(text: str, findings: Iterable[Finding] | None = None, allow: Iterable[str] = ()) -> str:
    """`text` with each finding replaced by its placeholder ("[NAAM]", "[BSN]", …).

    Without `findings` the text is scanned first (with `allow`). Findings must
    belong to this text (their text must still be at their offsets); overlapping
    findings are redacted as one span.
    """
    if findings is None:
        findings = scan(text, allow)
    ordered = sorted(findings, key=lambda f: (f.start, -f.end))
    pieces: list[str] = []
    position = 0
    for finding in ordered:
        if text[finding.start : finding.end] != finding.text or finding.start < 0:
            raise ValueError(f"finding at {finding.start}:{finding.end} does not match the text")
        if finding.end <= position:
            continue  # inside a span already redacted
        start = max(finding.start, position)
        if start == finding.start:
            pieces.append(text[position:start])
            pieces.append(PLACEHOLDERS[finding.category])
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces)


def mask(text: str) -> str:
    """An excerpt that shows what was found without repeating it in full.

    Letters keep their first and last character ("Elena" → "E***a"); runs with
    digits keep their last few ("06-12345678" → "06-****5678"); runs of one or
    two characters and all punctuation stay.
    """
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if not run:
            return
        word = "".join(run)
        run.clear()
        if len(word) <= 2:
            out.append(word)
        elif any(c.isdigit() for c in word):
            keep = min(4, len(word) // 2)
            out.append("*" * (len(word) - keep) + word[len(word) - keep :])
        else:
            out.append(word[0] + "*" * (len(word) - 2) + word[-1])

    for char in text:
        if char.isalnum():
            run.append(char)
        else:
            flush()
            out.append(char)
    flush()
    return "".join(out)
