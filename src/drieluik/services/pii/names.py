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
from functools import cache
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
    lowercase_unsafe_names,
    surname_words,
    surnames,
)
from drieluik.services.pii.phrases import fold_word
from drieluik.services.pii.rules import PROPAGATED_PERSON_RANK, RANK, Candidate

_TOKEN_RE = re.compile(r"\w+(?:['’-]\w+)*")
_SPACE_GAP_RE = re.compile(r"[ \t\u00a0]{1,3}")
_INITIAL_GAP_RE = re.compile(r"\.[ \t\u00a0]{0,2}")
_TITLE_GAP_RE = re.compile(r"\.?[ \t\u00a0]{1,3}|\.")
_CUE_GAP_RE = re.compile(r"\.?[ \t\u00a0]{0,2}[:,(]?[ \t\u00a0]{0,2}")
# A surname never ends like a street: "Willem Alexanderlaan" is a street.
_STREET_ENDINGS = (
    "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "steeg", "dreef",
    "allee", "boulevard", "plantsoen", "street", "road", "avenue", "square", "strasse",
    "straße", "ulica", "strada", "utca",
)  # fmt: skip
# English words that are also (often Nigerian) first names: at the start of a
# sentence and without a surname they are the word ("Hope this helps").
_SENTENCE_START_WORDS = frozenset(
    {
        "hope", "grace", "faith", "joy", "mercy", "will", "may", "bill", "rose", "summer",
        "april", "june", "patience", "charity", "destiny", "divine", "goodness", "happiness",
        "innocent", "prince", "princess", "queen", "victory", "wisdom", "glory", "gift",
        "lucky", "favour", "favor", "comfort", "peace", "angel", "star", "dawn", "eve",
        "holly", "ivy", "daisy", "crystal", "candy", "cherry", "ginger", "autumn", "hazel",
        "jade", "ruby", "amber", "pearl", "sunday", "monday",
    }
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
# A name followed by one of these names a school, a hospital, a shop: "Emma
# Kinderziekenhuis", "Koningin Wilhelmina College", "Golden Nails", "Jansen BV".
_ORG_WORDS = frozenset(
    {
        "college", "ziekenhuis", "kinderziekenhuis", "gymnasium", "school", "basisschool",
        "lyceum", "kliniek", "kazerne", "kerk", "fonds", "huis", "museum", "theater",
        "academie", "universiteit", "hogeschool", "instituut", "stichting", "foundation",
        "hospital", "clinic", "centre", "center", "centrum", "distributiecentrum", "supermarkt",
        "hotel", "camping", "apotheek", "praktijk", "zorg", "zorggroep", "groep", "nails",
        "salon", "beauty", "studio", "bv", "b.v", "nv", "vof", "gmbh", "ltd", "srl", "bvba",
        "sp", "transport", "logistics", "logistiek", "uitzendbureau", "flex", "personeel",
        "bouw", "techniek", "restaurant", "café", "cafe", "bar", "lounge", "shop", "store",
        "market", "markt", "kapsalon", "barbershop", "fc", "vv", "sv", "club", "vereniging",
        "park", "arena", "plaza", "hal", "mavo", "havo", "vwo", "vmbo", "opleidingen", "prijs",
        "award", "lezing", "zaal", "gebouw", "kwartier", "paviljoen",
    }
)  # fmt: skip
# In lower case only these still name a company: "Jumbo distributiecentrum", "Jansen bv".
_ORG_WORDS_ANY_CASE = frozenset(
    {"bv", "b.v", "nv", "vof", "gmbh", "ltd", "srl", "distributiecentrum"}
)
_ORG_ENDINGS = ("ziekenhuis", "school", "college", "kliniek", "lyceum", "gymnasium", "kazerne")
# Words before a name that make it the name of a place or business: "Stichting Anne
# Frank", "Bakkerij Bart", "Santa Maria", "nagelstudio Lucky Star".
_ORG_PREFIXES = frozenset(
    {
        "stichting", "vereniging", "hotel", "restaurant", "café", "cafe", "bakkerij",
        "kapsalon", "nagelsalon", "nagelstudio", "salon", "camping", "pizzeria", "snackbar",
        "garage", "autobedrijf", "supermarkt", "zorgboerderij", "kwekerij", "slagerij", "bar",
        "club", "fc", "sv", "vv", "basisschool", "school", "ziekenhuis", "praktijk", "firma",
        "fa", "uitzendbureau", "santa", "san", "sint", "saint", "st", "são", "sankt", "theater",
        "museum", "kerk", "parochie", "massagesalon", "winkel", "shop", "lounge", "discotheek",
        "villa", "residentie", "huize", "zorginstelling", "instelling", "kazerne",
        "woningcorporatie", "corporatie", "bedrijf",
    }
)  # fmt: skip
# "de Jong", "de Vries": the Dutch surnames written with "de" alone.
_DE_SURNAMES = frozenset(
    {
        "jong", "vries", "boer", "groot", "graaf", "wit", "haan", "bruijn", "bruin", "lange",
        "koning", "ruiter", "jonge", "vos", "leeuw", "kok", "waal", "beer", "clercq", "roo",
        "wilde", "bakker", "zwart", "heer", "man", "rooij", "rooy", "meer",
    }
)  # fmt: skip
_QUOTES_OPEN = "'‘\"“‚„"
_QUOTES_CLOSE = "'’\"”"
_ALIAS_CUE_RE = re.compile(
    r"(?:noem|heet|heten|genaamd|alias|bijnaam|roepnaam|werknaam|schuilnaam|called|calls"
    r"|named|nickname|aka|a\.k\.a|bekend als|known as|zich)",
    re.IGNORECASE,
)
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\n][ \t\u00a0'\"‘“(]*|\n[ \t\u00a0-]*)$")


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
        self.lower_unsafe = lowercase_unsafe_names()
        self.surnames = surnames()
        self.surname_words = surname_words()

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
                # "Juliana … in Emmen", "Monday in Assen": a preposition before a place.
                and not (token.folded in ("in", "op", "te") and self.tokens[nxt].protected)
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
        """ "Willem Alexanderlaan", "Johan de Wittstraat": a name that starts a street name."""
        nxt = i + 1
        for _ in range(4):
            if nxt >= len(self.tokens) or not _SPACE_GAP_RE.fullmatch(self.gap(nxt - 1, nxt)):
                return False
            token = self.tokens[nxt]
            if is_capitalised(token) and token.folded.endswith(_STREET_ENDINGS):
                return True
            if token.folded not in PARTICLES and not is_capitalised(token):
                return False
            nxt += 1
        return False

    def is_org_name(self, first: int, last: int) -> bool:
        """The name of a school, a hospital or a shop, not of a person."""
        nxt = last + 1
        # "Agro Noord BV", "Emma Kinderziekenhuis": an organisation word within three words.
        while (
            nxt < len(self.tokens)
            and nxt <= last + 3
            and _SPACE_GAP_RE.fullmatch(self.gap(nxt - 1, nxt)) is not None
        ):
            token = self.tokens[nxt]
            head = token.folded.split("-")[0].rstrip(".")
            if head in _ORG_WORDS and (token.text[0].isupper() or head in _ORG_WORDS_ANY_CASE):
                return True
            if token.text[0].isupper() and head.endswith(_ORG_ENDINGS):
                return True
            if not token.text[0].isupper():
                break
            nxt += 1
        if self.tokens[last].folded.endswith(_ORG_ENDINGS):
            return True
        if self.tokens[first].folded in _ORG_PREFIXES:
            return True  # "werkgever Bakkerij De Vries"
        before = first - 1
        return (
            before >= 0
            and self.tokens[before].folded in _ORG_PREFIXES
            and bool(_SPACE_GAP_RE.fullmatch(self.gap(before, first)))
        )

    def at_sentence_start(self, i: int) -> bool:
        return bool(_SENTENCE_START_RE.search(self.text, 0, self.tokens[i].start)) or (
            self.tokens[i].start == 0
        )

    def is_surname(self, i: int) -> bool:
        """A capitalised frequent surname: "Brouwer zegt", "… vertelt Popescu"."""
        token = self.tokens[i]
        if token.protected or not is_capitalised(token) or len(token.text) < 3:
            return False
        if token.folded in STOP_WORDS or is_nationality(token.folded):
            return False
        if token.folded in self.ambiguous:
            return False
        if token.folded in self.surnames:
            return True
        return token.folded in self.surname_words and not self.at_sentence_start(i)

    def is_lower_first_name(self, i: int, cued: bool) -> bool:
        token = self.tokens[i]
        if not token.text.islower() or len(token.text) < 3 or token.protected:
            return False
        if token.folded in STOP_WORDS or not self.is_first_name(token.folded):
            return False
        if _LINE_BREAK_HYPHEN_BEFORE_RE.search(self.text, 0, token.start) or (
            _LINE_BREAK_HYPHEN_AFTER_RE.match(self.text, token.end)
        ):
            return False  # "signa-\nlen", "inge-\nbracht": half a word split over lines
        if cued or token.folded not in self.lower_unsafe:
            return True
        # "piet de vries": a name that is also a word, followed by a particle and a surname.
        return token.folded not in self.ambiguous and self._lower_particle_follows(i)

    def _lower_particle_follows(self, i: int) -> bool:
        tokens = self.tokens
        j = i + 1
        while j < len(tokens) and tokens[j].folded in _LOWER_PARTICLES and tokens[j].text.islower():
            if not _SPACE_GAP_RE.fullmatch(self.gap(j - 1, j)):
                return False
            j += 1
        return (
            j > i + 1
            and j < len(tokens)
            and bool(_SPACE_GAP_RE.fullmatch(self.gap(j - 1, j)))
            and tokens[j].text.isalpha()
            and tokens[j].folded not in STOP_WORDS
        )

    def parse_lower_name(self, i: int) -> tuple[int, int, list[tuple[str, int]]]:
        """ "mihai popescu", "piet de vries": a lower-case first name and its surname."""
        tokens = self.tokens
        parts: list[tuple[str, int]] = [("name", i)]
        j = i + 1
        while j < len(tokens) and len(parts) < 5:
            if not _SPACE_GAP_RE.fullmatch(self.gap(j - 1, j)):
                break
            token = tokens[j]
            if not token.text.islower():
                break
            if token.folded in _LOWER_PARTICLES:
                parts.append(("part", j))
                j += 1
                continue
            after_particle = parts[-1][0] == "part"
            if (
                after_particle
                or token.folded in self.surnames
                or token.folded in self.surname_words
                or token.folded.endswith(_SURNAME_ENDINGS)
            ):
                if token.folded in STOP_WORDS:
                    break
                parts.append(("name", j))
                j += 1
                if not after_particle:
                    break
                continue
            break
        while parts[-1][0] == "part":
            parts.pop()
        return tokens[i].start, tokens[parts[-1][1]].end, parts

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
            (start, end, parts), strong, rule = result
            if self.is_org_name(parts[0][1], parts[-1][1]) or (
                not strong and self._street_follows(parts[-1][1])
            ):
                i = parts[-1][1] + 1
                continue
            candidate = Candidate(Category.PERSON, start, end, RANK[Category.PERSON], strong, rule)
            found.append((candidate, parts))
            i = parts[-1][1] + 1
        return found

    def _name_at(self, i: int) -> tuple[tuple[int, int, list[tuple[str, int]]], bool, str] | None:
        tokens = self.tokens
        token = tokens[i]
        lower = not token.text[0].isupper()
        if (
            lower
            and token.folded not in _LOWER_TRIGGERS
            and token.folded not in _PARTICLE_STARTS
            and not self.is_lower_first_name(i, False)
        ) and not self._quoted(i):
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
                    return parsed, True, "person.title"
        if _is_cue(token.folded) and nxt < len(tokens):
            gap = self.gap(i, nxt)
            # A full stop ends a sentence, except after an abbreviation: "verd. M. Tahiri".
            if gap.startswith(".") and token.folded not in _ABBREVIATED_CUES:
                gap = ""
            if gap and _CUE_GAP_RE.fullmatch(gap):
                parsed = self.parse_name(nxt, strong=False)
                if (
                    parsed is not None
                    and parsed[2][0][0] in ("name", "init")
                    and not self._company_follows(parsed[2][-1][1])
                ):
                    return parsed, False, "person.role-word"
                if token.folded in NAME_CUES and self.is_lower_first_name(nxt, True):
                    return self.parse_lower_name(nxt), False, "person.role-word"
        if self.is_initial(i) and (i == 0 or not self._before_initials(i - 1)):
            parsed = self.parse_name(i, strong=False)
            if parsed is not None:
                return parsed, False, "person.initials"
        if self.is_first_name(token.folded) and is_capitalised(token):
            parsed = self.parse_name(i, strong=False)
            if (
                parsed is not None
                and parsed[2][0] == ("name", i)
                and (token.folded not in self.ambiguous or len(parsed[2]) >= 2)
                and not (
                    len(parsed[2]) == 1
                    and token.folded in _SENTENCE_START_WORDS
                    and self.at_sentence_start(i)
                )
            ):
                return parsed, False, "person.first-name"
        if lower and self.is_lower_first_name(i, False):
            return self.parse_lower_name(i), False, "person.lower-case"
        particle = self._particle_surname(i)
        if particle is not None:
            return particle, False, "person.particle-surname"
        if token.text.isupper():
            parsed = self._surname_comma(i)
            if parsed is not None:
                return parsed, False, "person.surname-comma"
        if self._quoted(i):
            parsed = self._alias(i)
            if parsed is not None:
                return parsed, False, "person.alias"
        if self.is_surname(i) or (
            is_capitalised(token) and token.folded.endswith(_SURNAME_ENDINGS)
        ):
            parsed = self.parse_name(i, strong=False)
            if parsed is not None and parsed[2][0] == ("name", i):
                return parsed, False, "person.surname"
        return None

    def _particle_surname(self, i: int) -> tuple[int, int, list[tuple[str, int]]] | None:
        """ "van der Meer", "Van Dijk", "de Jong" mid-sentence: a surname with its particles."""
        tokens = self.tokens
        token = tokens[i]
        if token.folded not in ("van", "de", "ter", "ten", "vd"):
            return None
        j = i + 1
        particles = 1
        while j < len(tokens) and tokens[j].folded in PARTICLES and tokens[j].text.islower():
            if not _SPACE_GAP_RE.fullmatch(self.gap(j - 1, j)):
                return None
            particles += 1
            j += 1
        if j >= len(tokens) or not _SPACE_GAP_RE.fullmatch(self.gap(j - 1, j)):
            return None
        name = tokens[j]
        if not is_capitalised(name) or name.protected or len(name.text) < 2:
            return None
        if is_nationality(name.folded) or (
            name.folded in STOP_WORDS and not (particles >= 2 and name.folded == "meer")
        ):
            return None
        if name.folded.endswith(_STREET_ENDINGS) or self.is_company_word(j):
            return None
        after = j + 1
        if (
            after < len(tokens)
            and not self.gap(j, after).strip()
            and tokens[after].text[0].isupper()
        ):
            return None  # "van de Nationaal Rapporteur": an organisation's name
        if name.folded.endswith(_ADJECTIVE_ENDINGS):
            return None  # "van de Algemene verordening"
        sentence_start = self.at_sentence_start(i)
        if token.text[0].isupper() and sentence_start and particles == 1:
            return None  # "De Kerk…", "Van Assen…" at the start of a sentence
        if particles == 1 and token.folded == "de" and name.folded not in _DE_SURNAMES:
            return None
        if (
            particles == 1
            and token.folded == "van"
            and token.text[0].islower()
            and not (self.is_surname(j) or name.folded in self.surname_words)
        ):
            return None  # "van Jumbo", "van Zorggroep Noord"
        parts: list[tuple[str, int]] = [("part", k) for k in range(i, j)] + [("name", j)]
        return tokens[i].start, name.end, parts

    def _surname_comma(self, i: int) -> tuple[int, int, list[tuple[str, int]]] | None:
        """ "JANSEN, Piet", "DE VRIES, Jan": a police-style surname in capitals."""
        tokens = self.tokens
        j = i
        while j < len(tokens) and tokens[j].folded in PARTICLES and tokens[j].text.isupper():
            j += 1
        if j + 1 >= len(tokens) or not tokens[j].text.isupper() or len(tokens[j].text) < 3:
            return None
        if (tokens[j].protected and j == i) or tokens[j].folded in STOP_WORDS:
            return None  # "POLITIE, Jan" (but "DE VRIES, Jan" although Vries is a village)
        if not re.fullmatch(r",[ \t]?", self.gap(j, j + 1)):
            return None
        first = tokens[j + 1]
        if not is_capitalised(first) or not self.is_first_name(first.folded):
            return None
        parts = [("part", k) for k in range(i, j)] + [("name", j), ("name", j + 1)]
        return tokens[i].start, first.end, parts

    def _quoted(self, i: int) -> bool:
        token = self.tokens[i]
        return token.start > 0 and self.text[token.start - 1] in _QUOTES_OPEN

    def _alias(self, i: int) -> tuple[int, int, list[tuple[str, int]]] | None:
        """ "noemt hem 'Snoopy'": one or two capitalised words in quotes after a naming cue."""
        tokens = self.tokens
        token = tokens[i]
        if not is_capitalised(token) or token.protected or token.folded in STOP_WORDS:
            return None
        last = i
        if (
            i + 1 < len(tokens)
            and self.gap(i, i + 1) == " "
            and is_capitalised(tokens[i + 1])
            and not tokens[i + 1].protected
        ):
            last = i + 1
        if self.text[tokens[last].end : tokens[last].end + 1] not in _QUOTES_CLOSE:
            if last == i or self.text[token.end : token.end + 1] not in _QUOTES_CLOSE:
                return None
            last = i
        before = self.text[max(0, token.start - 45) : token.start]
        after = self.text[tokens[last].end : tokens[last].end + 20]
        if not (
            _ALIAS_CUE_RE.search(before)
            or _ALIAS_CUE_RE.search(after)
            or self.is_first_name(token.folded)
        ):
            return None
        if is_nationality(token.folded):
            return None
        parts = [("name", k) for k in range(i, last + 1)]
        return token.start, tokens[last].end, parts


# Surnames recognisable by their ending: Popescu, Ionescu, Petrović, Kovalenko, Kowalczyk.
_SURNAME_ENDINGS = (
    "escu", "eanu", "ović", "ovic", "ević", "evic", "enko", "chuk", "czyk", "wicz", "owski",
    "ewski", "owska", "ewska", "iuk", "oglu", "oğlu", "auskas", "auskiene", "aitis",
)  # fmt: skip


_CUE_PREFIXES = ("ex-", "oud-", "stief", "schoon", "half")
# Role and naming words, also with "ex-", "oud-", "stief"… in front ("ex-werkgever").
_CUES = frozenset(
    {*ROLE_WORDS, *NAME_CUES, *(prefix + role for prefix in _CUE_PREFIXES for role in ROLE_WORDS)}
)
# Lower-case words that can start a name; any other lower-case word cannot.
_LOWER_TRIGGERS = _CUES | TITLES | TITLE_AFTER_DE


_LINE_BREAK_HYPHEN_BEFORE_RE = re.compile(r"-[ \t]*\r?\n[ \t]*$")
_LINE_BREAK_HYPHEN_AFTER_RE = re.compile(r"-[ \t]*\r?\n")
# Capitalised adjectives in official names, never a surname after "van de".
_ADJECTIVE_ENDINGS = (
    "ale", "aal", "ijke", "ische", "ese", "ene", "ste", "ieve", "nale",
)  # fmt: skip
_ABBREVIATED_CUES = frozenset({"btr", "verd"})
_PARTICLE_STARTS = frozenset({"van", "de", "ter", "ten", "vd"})
# Particles that join a lower-case name: not "in", "op", "te" (sentence words there).
_LOWER_PARTICLES = PARTICLES - {"in", "op", "te", "al", "do", "het", "la", "le", "da", "di"}


def _is_cue(folded: str) -> bool:
    return folded in _CUES


def find_persons(text: str, tokens: list[Token]) -> list[tuple[Candidate, list[tuple[str, int]]]]:
    """PERSON candidates with the parts they were built from (for propagation)."""
    return _NameFinder(text, tokens).find()


@cache
def _lower_case_names() -> frozenset[str]:
    """Names that count in lower case too: listed, and no ordinary word."""
    return (first_names() - lowercase_unsafe_names()) | surnames()


def propagate(
    text: str,
    tokens: list[Token],
    names: list[list[tuple[str, int]]],
    is_allowed_word: Callable[[str], bool],
    lower_case_too: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Every other occurrence of a name already found: "Elena Popescu … Popescu zegt".

    Each name word (not initials or particles) is searched as a whole token in any
    case ("Mihai … mihai"), except that a name which is also an ordinary word
    ("Roos", "Hope") only counts capitalised; a surname brings the particles it was
    written with ("Dylan van der Meer … Van der Meer"). Words on an allow-list are not
    spread ("mevrouw Hoogeveen" does not make every "Hoogeveen" a person).
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
            if (
                kind == "name"
                and not is_allowed_word(phrase)
                and len(token.text) >= 2
                and token.folded not in STOP_WORDS
            ):
                wanted.setdefault(token.folded, tuple(particles))
            particles = []
    if not wanted:
        return []
    safe_lower = _lower_case_names()
    found: list[Candidate] = []
    for i, token in enumerate(tokens):
        before_name = wanted.get(token.folded)
        if before_name is None:
            continue
        if not token.text[0].isupper() and (
            (
                token.folded not in safe_lower
                and token.folded not in lower_case_too
                and not token.folded.endswith(_SURNAME_ENDINGS)
            )
            or token.folded in STOP_WORDS
            or _LINE_BREAK_HYPHEN_BEFORE_RE.search(text, 0, token.start)
            or _LINE_BREAK_HYPHEN_AFTER_RE.match(text, token.end)
        ):
            continue
        start = token.start
        if before_name and i >= len(before_name):
            before = tokens[i - len(before_name) : i]
            if [t.folded for t in before] == list(before_name) and all(
                _SPACE_GAP_RE.fullmatch(text[a.end : b.start])
                for a, b in zip(before, [*before[1:], token], strict=True)
            ):
                start = before[0].start
        found.append(
            Candidate(
                Category.PERSON, start, token.end, PROPAGATED_PERSON_RANK, rule="person.repeated"
            )
        )
    return found
