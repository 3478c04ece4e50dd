"""How chairs write the Drieluik's terms in the spreadsheets they keep.

One normalising matcher (`fold`: case, accents, spaces and punctuation do not
count; `words` for matching per word) and the synonym tables it is matched
against: column headers per import field, the phrases for a form of
exploitation, the markers that mean "unknown" and the places (woonplaatsen)
of each Drenthe municipality. The tables hold phrases, not examples: every
entry is folded the same way the sheet's text is, so "Datum melding",
"datum_melding" and "DATUM MELDING:" are one entry.

Values are the stored codes as plain strings (`vocabulary` turns them into
its enumerations), so this module depends on nothing.
"""

from __future__ import annotations

import re
import unicodedata


def words(text: str) -> list[str]:
    """Lower-case words without diacritics: 'Woonplaats/Gemeente' → ['woonplaats', 'gemeente']."""
    decomposed = unicodedata.normalize("NFKD", text)
    no_marks = "".join(c for c in decomposed if not unicodedata.combining(c))
    return [w for w in re.split(r"[\W_]+", no_marks.casefold()) if w]


def fold(text: str) -> str:
    """Lower-case, strip diacritics, drop spaces, hyphens and punctuation.

    "Midden drenthe", "midden-Drenthe" and "MIDDENDRENTHE" fold alike.
    """
    return "".join(words(text))


# Small words that do not change what a header means ("Datum van de melding").
_FILLER = frozenset({"van", "de", "het", "der", "den", "een", "in", "the", "of", "a", "nr"})
# Bracketed remarks in a header or value: "Datum (dd-mm-jjjj)", "Emmen (centrum)".
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# Ways to put two names in one header: "Woonplaats/Gemeente", "Melder of organisatie".
_ALTERNATIVES = re.compile(r"\s*(?:/|\||\\|\bof\b|\bor\b|\ben/of\b)\s*", re.IGNORECASE)


def _key(text: str) -> str:
    return "".join(w for w in words(text) if w not in _FILLER)


# --- column headers ------------------------------------------------------------------

# Per import field (services.cases.REQUIRED_FIELDS + OPTIONAL_FIELDS), the
# headers chairs and partner organisations use for it, Dutch and English.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "datum": (
        "datum",
        "datum melding",
        "datum signaal",
        "meldingsdatum",
        "melddatum",
        "signaaldatum",
        "datum binnenkomst",
        "datum ontvangst",
        "ontvangstdatum",
        "ontvangen op",
        "binnengekomen op",
        "gemeld op",
        "datum aanmelding",
        "aanmelddatum",
        "aanmeldingsdatum",
        "date",
        "signal date",
        "report date",
        "date received",
    ),
    "gemeente": (
        "gemeente",
        "woonplaats",
        "plaats",
        "woongemeente",
        "gemeente woonplaats",
        "verblijfplaats",
        "municipality",
        "place",
    ),
    "vorm": (
        "vorm",
        "vorm van uitbuiting",
        "uitbuitingsvorm",
        "soort uitbuiting",
        "type uitbuiting",
        "aard uitbuiting",
        "aard van de uitbuiting",
        "vorm mensenhandel",
        "soort mensenhandel",
        "type mensenhandel",
        "uitbuiting",
        "form",
        "exploitation",
        "exploitation form",
        "type of exploitation",
        "form of exploitation",
    ),
    "melder": (
        "melder",
        "verwijzer",
        "verwijzende partner",
        "verwijzende organisatie",
        "verwijzende instantie",
        "organisatie",
        "organisatie melder",
        "melder organisatie",
        "meldende organisatie",
        "meldende instantie",
        "instantie",
        "partner",
        "ketenpartner",
        "bron",
        "aangemeld door",
        "ingebracht door",
        "gemeld door",
        "reporter",
        "referrer",
        "organisation",
        "organization",
    ),
    "omschrijving": (
        "omschrijving",
        "samenvatting",
        "toelichting",
        "beschrijving",
        "korte omschrijving",
        "omschrijving signaal",
        "omschrijving casus",
        "casusomschrijving",
        "signaal",
        "situatie",
        "inhoud",
        "summary",
        "description",
    ),
    "code": ("code", "casuscode", "drieluikcode", "code casus", "case code"),
    "status": ("status", "stand van zaken", "fase", "state"),
    "ondermijning": (
        "ondermijning",
        "ondermijnend",
        "ondermijnende component",
        "ondermijnende factor",
        "georganiseerde criminaliteit",
        "organised crime",
        "organized crime",
    ),
    "kwetsbaar": (
        "kwetsbaar",
        "kwetsbare groep",
        "kwetsbare groepen",
        "kwetsbaarheid",
        "doelgroep",
        "vulnerable group",
        "vulnerable groups",
    ),
}

_FIELD_BY_HEADER = {
    _key(phrase): name for name, phrases in HEADER_SYNONYMS.items() for phrase in phrases
}


def match_header(text: str) -> str | None:
    """The import field a column header means, or None.

    Tried in turn: the header as written; without bracketed remarks; and, for
    "A/B" or "A of B", each part — accepted when every part that is known
    means the same field.
    """
    for candidate in (text, _BRACKETS.sub(" ", text)):
        found = _FIELD_BY_HEADER.get(_key(candidate))
        if found:
            return found
    parts = [p for p in _ALTERNATIVES.split(_BRACKETS.sub(" ", text)) if _key(p)]
    if len(parts) > 1:
        fields = {_FIELD_BY_HEADER.get(_key(p)) for p in parts} - {None}
        if len(fields) == 1:
            return fields.pop()
    return None


def header_key(text: str) -> str:
    """What two headers must share to be the same column (for saved mappings)."""
    return fold(text)


# --- values ----------------------------------------------------------------------------

# What a cell holds when nobody knows: "onb.", "?", "n.v.t.", "-".
UNKNOWN_MARKERS = frozenset(
    {
        "",  # only punctuation: "?", "-", "…"
        "onbekend",
        "onb",
        "nb",
        "nvt",
        "nietbekend",
        "weetniet",
        "onduidelijk",
        "unknown",
        "na",
        "nietvantoepassing",
    }
)


def is_unknown_marker(text: str) -> bool:
    """A non-empty cell that says 'unknown' (an empty cell is a missing value)."""
    return bool(text.strip()) and fold(_BRACKETS.sub(" ", text)) in UNKNOWN_MARKERS


# Phrases for a form of exploitation (values: ExploitationForm codes).
FORM_SYNONYMS: dict[str, str] = {
    fold(phrase): form
    for form, phrases in {
        "seksueel": (
            "seksueel",
            "seksuele",
            "seksuele uitbuiting",
            "seksuele exploitatie",
            "seksuelexploitatie",
            "uitbuiting in de seksindustrie",
            "seksindustrie",
            "prostitutie",
            "gedwongen prostitutie",
            "seks",
            "sexual",
            "sexual exploitation",
        ),
        "arbeid": (
            "arbeid",
            "arbeidsuitbuiting",
            "uitbuiting in arbeid",
            "uitbuiting in de arbeid",
            "arbeidsexploitatie",
            "gedwongen arbeid",
            "dwangarbeid",
            "labour",
            "labor",
            "labour exploitation",
            "labor exploitation",
            "forced labour",
        ),
        "crimineel": (
            "crimineel",
            "criminele",
            "criminele uitbuiting",
            "criminaleuitbuiting",
            "gedwongen criminaliteit",
            "gedwongen criminele activiteiten",
            "criminal",
            "criminal exploitation",
        ),
        "orgaan": (
            "orgaan",
            "organen",
            "orgaanverwijdering",
            "gedwongen orgaanverwijdering",
            "orgaanhandel",
            "organ removal",
            "organ",
        ),
        "onbekend": ("onbekend",),
    }.items()
    for phrase in phrases
}


def form_code(text: str) -> str | None:
    """The ExploitationForm code for a phrase, or None."""
    for candidate in (text, _BRACKETS.sub(" ", text)):
        found = FORM_SYNONYMS.get(fold(candidate))
        if found:
            return found
    return "onbekend" if is_unknown_marker(text) else None


# Phrases for a vulnerable group (values: VulnerableGroup codes), plurals included.
GROUP_SYNONYMS: dict[str, str] = {
    fold(phrase): group
    for group, phrases in {
        "minderjarig": ("minderjarig", "minderjarige", "minderjarigen", "minor", "kind", "jeugd"),
        "LVB": (
            "LVB",
            "lvb'er",
            "lvber",
            "licht verstandelijk beperkt",
            "licht verstandelijke beperking",
        ),
        "arbeidsmigrant": (
            "arbeidsmigrant",
            "arbeidsmigranten",
            "labour migrant",
            "migrant worker",
        ),
        "statushouder": (
            "statushouder",
            "statushouders",
            "vergunninghouder",
            "vergunninghouders",
        ),
        "sekswerker": ("sekswerker", "sekswerkers", "prostituee", "sex worker"),
        "risicojongere": ("risicojongere", "risicojongeren", "kwetsbare jongere"),
        "overig": ("overig", "overige", "anders", "other"),
    }.items()
    for phrase in phrases
}


def group_code(text: str) -> str | None:
    """The VulnerableGroup code for a phrase, or None."""
    return GROUP_SYNONYMS.get(fold(_BRACKETS.sub(" ", text)) or fold(text))


# The places (woonplaatsen) of each Drenthe municipality, for a "Woonplaats"
# column: a village is read as its municipality (and the import says so).
PLACES: dict[str, tuple[str, ...]] = {
    "Aa en Hunze": ("Gieten", "Annen", "Rolde", "Gasselte", "Gasselternijveen", "Eext", "Grolloo"),
    "Assen": ("Loon", "Rhee", "Ter Aard", "Anreep"),
    "Borger-Odoorn": (
        "Borger",
        "Odoorn",
        "Exloo",
        "Valthermond",
        "Nieuw-Buinen",
        "Buinen",
        "Tweede Exloërmond",
        "2e Exloërmond",
        "Eerste Exloërmond",
        "1e Exloërmond",
        "Valthe",
        "Drouwen",
    ),
    "Coevorden": ("Dalen", "Sleen", "Oosterhesselen", "Zweeloo", "Aalden", "Schoonoord"),
    "De Wolden": ("Zuidwolde", "Ruinen", "Ruinerwold", "De Wijk", "Koekange", "Echten"),
    "Emmen": (
        "Klazienaveen",
        "Nieuw-Amsterdam",
        "Emmer-Compascuum",
        "Erica",
        "Schoonebeek",
        "Nieuw-Schoonebeek",
        "Zwartemeer",
        "Nieuw-Weerdinge",
        "Weerdinge",
        "Barger-Compascuum",
        "Veenoord",
        "Roswinkel",
    ),
    "Hoogeveen": ("Hollandscheveld", "Pesse", "Tiendeveen", "Noordscheschut", "Fluitenberg"),
    "Meppel": ("Nijeveen", "Broekhuizen", "Rogat"),
    "Midden-Drenthe": (
        "Beilen",
        "Westerbork",
        "Smilde",
        "Bovensmilde",
        "Hooghalen",
        "Wijster",
        "Hijken",
        "Orvelte",
    ),
    "Noordenveld": ("Roden", "Peize", "Norg", "Nieuw-Roden", "Veenhuizen", "Roderwolde"),
    "Tynaarlo": ("Vries", "Zuidlaren", "Eelde", "Paterswolde", "Yde", "De Punt", "Zeijen"),
    "Westerveld": (
        "Diever",
        "Dwingeloo",
        "Havelte",
        "Vledder",
        "Uffelte",
        "Frederiksoord",
        "Wilhelminaoord",
    ),
}

_MUNICIPALITY_BY_PLACE = {fold(p): m for m, places in PLACES.items() for p in places}

# Prefixes written before a municipality's name: "Gemeente Assen", "gem. Emmen".
_MUNICIPALITY_PREFIXES = ("gemeente", "gem")


def municipality_key(text: str) -> str:
    """`fold` without a bracketed remark or a 'Gemeente …' prefix."""
    folded = fold(_BRACKETS.sub(" ", text)) or fold(text)
    for prefix in _MUNICIPALITY_PREFIXES:
        if folded.startswith(prefix) and len(folded) > len(prefix) + 2:
            return folded[len(prefix) :]
    return folded


def place_municipality(text: str) -> str | None:
    """The Drenthe municipality a place (woonplaats) lies in, or None."""
    return _MUNICIPALITY_BY_PLACE.get(municipality_key(text))
