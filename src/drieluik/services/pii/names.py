"""Finding names of people in Dutch notes.

Evidence, strongest first:
- a title: "mevrouw Hoogeveen", "dhr. De Vries", "mr. drs. E. Jansen" (beats the
  built-in allow-list: Hoogeveen is also a municipality);
- a role or naming word: "cliënte Elena", "vader Ahmed", "een man genaamd Marco";
- initials before a surname: "E. Jansen", "J.P.M. van den Berg";
- a first name from the shipped list, with or without a surname: "Elena Popescu",
  "Elena P.", "Blessing". First names that are also ordinary words ("Roos", "Ben")
  need a surname or an initial.
A name found once is then flagged wherever it recurs in the text (`propagate`).
Lower-case names and surnames standing alone are not found (docs/anonymisation.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from drieluik.services.pii.categories import Category
from drieluik.services.pii.lexicon import (
    NAME_CUES,
    PARTICLES,
    ROLE_WORDS,
    STOP_WORDS,
    TITLE_AFTER_DE,
    TITLES,
    ambiguous_first_names,
    first_names,
    is_nationality,
)
from drieluik.services.pii.phrases import fold_word
from drieluik.services.pii.rules import PROPAGATED_PERSON_RANK, RANK, Candidate

_TOKEN_RE = re.compile(r"\w+(?:['’-]\w+)*")
_SPACE_GAP_RE = re.compile(r"[ \t\u00a0]{1,3}")
_INITIAL_GAP_RE = re.compile(r"\.[ \t\u00a0]{0,2}")
_TITLE_GAP_RE = re.compile(r"\.?[ \t\u00a0]{1,3}|\.")
_CUE_GAP_RE = re.compile(r"[ \t\u00a0]{0,2}[:,(]?[ \t\u00a0]{0,2}")
# A surname never ends like a street: "Willem Alexanderlaan" is a street.
_STREET_ENDINGS = (
    "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "steeg", "dreef",
    "allee", "boulevard", "plantsoen",
)  # fmt: skip
# Words that name things, not people: "werkgever Agrarisch Loonbedrijf", "Bijlage B. Overzicht".
_COMPANY_ENDINGS = (
    "bedrijf", "bureau", "holding", "centrum", "dienst", "diensten", "service", "services",
    "transport", "handel", "bouw", "salon", "studio", "winkel", "kwekerij", "slachterij",
    "groep", "fabriek", "markt", "shop", "restaurant", "hotel",
)  # fmt: skip
_LABEL_NOUNS = frozenset(
    {
        "bijlage", "bijlagen", "fase", "punt", "versie", "optie", "variant", "stap", "hoofdstuk",
        "paragraaf", "artikel", "lid", "categorie", "groep", "scenario", "type", "model",
        "persoon", "casus", "zaak", "locatie", "woning", "bedrijf", "pand", "niveau", "klasse",
        "blok", "plan", "route", "team", "deel", "onderdeel", "figuur", "tabel", "schema",
    }
)  # fmt: skip
_NAME_CHARS_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    folded: str
    protected: bool  # inside an allow-list phrase


def tokenize(text: str, protected_spans: list[tuple[int, int]]) -> list[Token]:
    tokens = []
    spans = iter(protected_spans)
    span = next(spans, None)
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        while span is not None and span[1] <= start:
            span = next(spans, None)
        protected = span is not None and span[0] <= start and end <= span[1]
        word = m.group()
        tokens.append(Token(start, end, word, fold_word(word), protected))
    return tokens


def is_capitalised(token: Token) -> bool:
    """Starts upper-case, is made of letters, and is not an abbreviation in capitals."""
    text = token.text
    if not text[0].isupper() or not _NAME_CHARS_RE.fullmatch(text):
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) == 1 or not all(c.isupper() for c in letters)


class _NameFinder:
    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.first_names = first_names()
        self.ambiguous = ambiguous_first_names()

    def gap(self, a: int, b: int) -> str:
        return self.text[self.tokens[a].end : self.tokens[b].start]

    def is_initial(self, i: int) -> bool:
        token = self.tokens[i]
        return (
            len(token.text) == 1
            and token.text.isalpha()
            and token.text.isupper()
            and self.text[token.end : token.end + 1] == "."
        )

    def is_name_word(self, i: int, strong: bool, after_particle: bool) -> bool:
        token = self.tokens[i]
        if len(token.text) < 2 or not is_capitalised(token):
            return False
        # "van der Meer", "de Wit": after a particle, ordinary words are surnames.
        if token.folded in STOP_WORDS and not after_particle:
            return False
        if strong:
            return True
        if token.protected and not after_particle:
            return False
        if is_nationality(token.folded):
            return False
        return not token.folded.endswith(_STREET_ENDINGS) and not self.is_company_word(i)

    def is_company_word(self, i: int) -> bool:
        token = self.tokens[i]
        return is_capitalised(token) and token.folded.endswith(_COMPANY_ENDINGS)

    def _company_follows(self, i: int) -> bool:
        nxt = i + 1
        return (
            nxt < len(self.tokens)
            and bool(_SPACE_GAP_RE.fullmatch(self.gap(i, nxt)))
            and self.is_company_word(nxt)
        )

    def parse_name(self, i: int, strong: bool) -> tuple[int, int, list[tuple[str, int]]] | None:
        """The name starting at token i: initials, first names, particles, surnames."""
        tokens = self.tokens
        parts: list[tuple[str, int]] = []
        j = i
        while j < len(tokens) and len(parts) < 7:
            if parts:
                gap = self.gap(parts[-1][1], j)
                gap_re = _INITIAL_GAP_RE if parts[-1][0] == "init" else _SPACE_GAP_RE
                if not gap_re.fullmatch(gap):
                    break
            kind = self._part_kind(j, parts, strong)
            if kind is None:
                break
            parts.append((kind, j))
            j += 1
            if kind == "last_init":
                break
        while parts and parts[-1][0] == "part":
            parts.pop()
        if not any(kind == "name" for kind, _ in parts):
            return None
        start = tokens[parts[0][1]].start
        end = tokens[parts[-1][1]].end
        if parts[-1][0] == "last_init":
            end += 1  # the initial's full stop
        return start, end, parts

    def _part_kind(self, j: int, parts: list[tuple[str, int]], strong: bool) -> str | None:
        token = self.tokens[j]
        previous = parts[-1][0] if parts else None
        if self.is_initial(j):
            if previous in (None, "init"):
                return "init"
            if previous == "name":
                return "last_init"
            return None
        if token.folded in PARTICLES and (strong or parts):
            nxt = j + 1
            if (
                nxt < len(self.tokens)
                and _SPACE_GAP_RE.fullmatch(self.gap(j, nxt))
                and (self.tokens[nxt].folded in PARTICLES or is_capitalised(self.tokens[nxt]))
            ):
                return "part"
            return None
        if self.is_name_word(j, strong, after_particle=previous == "part"):
            return "name"
        return None

    def _before_initials(self, i: int) -> bool:
        """Token i rules out initials after it: another initial, "Bijlage", "cliënte"."""
        folded = self.tokens[i].folded
        return self.is_initial(i) or folded in _LABEL_NOUNS or folded in _CUES

    def _street_follows(self, i: int) -> bool:
        """ "Willem Alexanderlaan": a first name that is part of a street name."""
        nxt = i + 1
        return (
            nxt < len(self.tokens)
            and bool(_SPACE_GAP_RE.fullmatch(self.gap(i, nxt)))
            and is_capitalised(self.tokens[nxt])
            and self.tokens[nxt].folded.endswith(_STREET_ENDINGS)
        )

    def is_first_name(self, folded: str) -> bool:
        """In the list, or made of listed names: "Ana-Maria", "Jan-Willem"."""
        if folded in self.first_names:
            return True
        parts = folded.split("-")
        return len(parts) > 1 and all(p in self.first_names for p in parts)

    def is_title(self, i: int) -> bool:
        token = self.tokens[i]
        if token.folded in TITLES:
            return len(token.text) == 1 or not token.text.isupper()
        return (
            token.folded in TITLE_AFTER_DE
            and i > 0
            and self.tokens[i - 1].folded == "de"
            and bool(_SPACE_GAP_RE.fullmatch(self.gap(i - 1, i)))
        )

    def find(self) -> list[tuple[Candidate, list[tuple[str, int]]]]:
        tokens = self.tokens
        found: list[tuple[Candidate, list[tuple[str, int]]]] = []
        i = 0
        while i < len(tokens):
            result = self._name_at(i)
            if result is None:
                i += 1
                continue
            (start, end, parts), strong = result
            candidate = Candidate(Category.PERSON, start, end, RANK[Category.PERSON], strong)
            found.append((candidate, parts))
            i = parts[-1][1] + 1
        return found

    def _name_at(self, i: int) -> tuple[tuple[int, int, list[tuple[str, int]]], bool] | None:
        tokens = self.tokens
        token = tokens[i]
        if not token.text[0].isupper() and token.folded not in _LOWER_TRIGGERS:
            return None  # the common case: an ordinary lower-case word
        nxt = i + 1
        if self.is_title(i) and nxt < len(tokens):
            # Titles may pile up: "mr. drs. E. Jansen".
            while (
                nxt + 1 < len(tokens)
                and _TITLE_GAP_RE.fullmatch(self.gap(nxt - 1, nxt))
                and self.is_title(nxt)
            ):
                nxt += 1
            if _TITLE_GAP_RE.fullmatch(self.gap(nxt - 1, nxt)):
                parsed = self.parse_name(nxt, strong=True)
                if parsed is not None:
                    return parsed, True
        if _is_cue(token.folded) and nxt < len(tokens):
            gap = self.gap(i, nxt)
            if gap and _CUE_GAP_RE.fullmatch(gap):
                parsed = self.parse_name(nxt, strong=False)
                if (
                    parsed is not None
                    and parsed[2][0][0] in ("name", "init")
                    and not self._company_follows(parsed[2][-1][1])
                ):
                    return parsed, False
        if self.is_initial(i) and (i == 0 or not self._before_initials(i - 1)):
            parsed = self.parse_name(i, strong=False)
            if parsed is not None:
                return parsed, False
        if self.is_first_name(token.folded) and is_capitalised(token):
            parsed = self.parse_name(i, strong=False)
            if (
                parsed is not None
                and parsed[2][0] == ("name", i)
                and (token.folded not in self.ambiguous or len(parsed[2]) >= 2)
                and not self._street_follows(parsed[2][-1][1])
            ):
                return parsed, False
        return None


_CUE_PREFIXES = ("ex-", "oud-", "stief", "schoon", "half")
# Role and naming words, also with "ex-", "oud-", "stief"… in front ("ex-werkgever").
_CUES = frozenset(
    {*ROLE_WORDS, *NAME_CUES, *(prefix + role for prefix in _CUE_PREFIXES for role in ROLE_WORDS)}
)
# Lower-case words that can start a name; any other lower-case word cannot.
_LOWER_TRIGGERS = _CUES | TITLES | TITLE_AFTER_DE


def _is_cue(folded: str) -> bool:
    return folded in _CUES


def find_persons(text: str, tokens: list[Token]) -> list[tuple[Candidate, list[tuple[str, int]]]]:
    """PERSON candidates with the parts they were built from (for propagation)."""
    return _NameFinder(text, tokens).find()


def propagate(
    text: str,
    tokens: list[Token],
    names: list[list[tuple[str, int]]],
    is_allowed_word: Callable[[str], bool],
) -> list[Candidate]:
    """Every other occurrence of a name already found: "Elena Popescu … Popescu zegt".

    Each name word (not initials or particles) is searched as a whole token, as
    written or in capitals; a surname brings the particles it was written with.
    Words on an allow-list are not spread ("mevrouw Hoogeveen" does not make every
    "Hoogeveen" a person).
    """
    wanted: dict[str, tuple[str, ...]] = {}
    for parts in names:
        particles: list[str] = []
        for kind, index in parts:
            token = tokens[index]
            if kind == "part":
                particles.append(token.folded)
                continue
            # "de Vries" is a surname even though Vries is a village.
            phrase = " ".join([*particles, token.text])
            if kind == "name" and not is_allowed_word(phrase):
                wanted.setdefault(token.text, tuple(particles))
            particles = []
    if not wanted:
        return []
    upper = {word.upper(): word for word in wanted}
    found: list[Candidate] = []
    for i, token in enumerate(tokens):
        word = token.text if token.text in wanted else upper.get(token.text)
        if word is None:
            continue
        start = token.start
        particles = wanted[word]
        if particles and i >= len(particles):
            before = tokens[i - len(particles) : i]
            if [t.folded for t in before] == list(particles) and all(
                _SPACE_GAP_RE.fullmatch(text[a.end : b.start])
                for a, b in zip(before, [*before[1:], token], strict=True)
            ):
                start = before[0].start
        found.append(Candidate(Category.PERSON, start, token.end, PROPAGATED_PERSON_RANK))
    return found
