"""Detectors for personal data with a fixed shape: numbers, codes, dates, addresses.

Each detector yields `Candidate`s; `scan()` resolves overlaps between them.
Digits are matched as ASCII `[0-9]` on purpose: other scripts' digits are not
Dutch identifiers, and checksums must only ever see 0-9.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from drieluik.services.pii.categories import Category
from drieluik.services.pii.lexicon import STOP_WORDS, STREET_PREFIXES, STREET_SUFFIXES


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible finding. Lower `rank` wins an overlap; `strong` beats the built-in allow-list."""

    category: Category
    start: int
    end: int
    rank: int
    strong: bool = False
    rule: str = ""  # which rule found it: shown by `pii scan --explain`


RANK = {
    Category.EMAIL: 0,
    Category.IBAN: 0,
    Category.BSN: 1,
    Category.PHONE: 1,
    Category.DOB: 1,
    Category.PLATE: 2,
    Category.POSTCODE: 2,
    Category.ADDRESS: 2,
    Category.PERSON: 3,
    Category.ID_DOCUMENT: 1,
    Category.SOCIAL: 0,
    Category.AD_URL: 0,
}
PROPAGATED_PERSON_RANK = 4


def _candidate(category: Category, start: int, end: int, rule: str) -> Candidate:
    return Candidate(category, start, end, RANK[category], rule=rule)


# --- BSN: nine digits that pass the 11-proef --------------------------------------

_BSN_RE = re.compile(
    r"(?<![\w.,+/-])"
    r"(?:[0-9]{9}|[0-9]{3}([. ])[0-9]{3}\1[0-9]{3}|[0-9]{4}([. ])[0-9]{2}\2[0-9]{3})"
    r"(?![\w]|[.,/-][0-9])"
)


def bsn_valid(digits: str) -> bool:
    """The 11-proef for a BSN: 9a+8b+…+2h−i is a multiple of 11 (and not all zeros)."""
    if len(digits) != 9 or not digits.isascii() or not digits.isdigit() or set(digits) == {"0"}:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def find_bsn(text: str) -> Iterator[Candidate]:
    for m in _BSN_RE.finditer(text):
        digits = re.sub(r"[. ]", "", m.group())
        if bsn_valid(digits):
            yield _candidate(Category.BSN, m.start(), m.end(), "bsn.11-proef")


# --- IBAN: country code, check digits, mod-97 ------------------------------------

IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30,
    "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
    "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip

_IBAN_START_RE = re.compile(r"(?<![\w])[A-Za-z]{2}[0-9]{2}")


def iban_valid(compact: str) -> bool:
    """ISO 13616: known country length and (rearranged number) mod 97 == 1."""
    compact = compact.upper()
    if not compact.isascii() or not compact.isalnum():
        return False
    if IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return int(number) % 97 == 1


def find_iban(text: str) -> Iterator[Candidate]:
    for m in _IBAN_START_RE.finditer(text):
        length = IBAN_LENGTHS.get(m.group()[:2].upper())
        if length is None:
            continue
        # Walk on, allowing single spaces between characters, until the country's length.
        chars: list[str] = []
        pos = m.start()
        end = pos
        while pos < len(text) and len(chars) < length:
            char = text[pos]
            if char.isascii() and char.isalnum():
                chars.append(char)
                end = pos + 1
            elif char != " " or pos == m.start() or text[pos - 1] == " ":
                break
            pos += 1
        if len(chars) != length or (end < len(text) and text[end].isalnum()):
            continue
        if iban_valid("".join(chars)):
            yield _candidate(Category.IBAN, m.start(), end, "iban.mod-97")


# --- PHONE ------------------------------------------------------------------------

_PHONE_START_RE = re.compile(r"(?<![\w+])(?:\(?\+|\()?[0-9]")
_PHONE_BODY_RE = re.compile(r"[0-9 ()./-]*[0-9]")
_DIGIT_GROUP_RE = re.compile(r"[0-9]+")
_PHONE_SEPARATOR_RE = re.compile(r"[ \t]?[-./]?[ \t]?|\)[ \t]?|[ \t]?\(|\)[ \t]?[-/][ \t]?")
_DATE_START_RE = re.compile(r"\(?[0-9]{1,2}([-./])[0-9]{1,2}\1[0-9]{2,4}")
# Service numbers: the Veilig Thuis line (0800-2000) and such are no one's personal number.
_SERVICE_PREFIXES = ("0800", "0900", "0906", "0909")


def find_phone(text: str) -> Iterator[Candidate]:
    # Every digit group may start a number ("in 2023 12 keer 06-12345678"), so each
    # start is tried, not only the first of a run of digits and separators.
    done_until = 0
    for m in _PHONE_START_RE.finditer(text):
        if m.start() < done_until:
            continue
        body = _PHONE_BODY_RE.match(text, m.end() - 1)
        if body is None:
            continue
        candidate = _phone_in(text, m.start(), body.end())
        if candidate is not None:
            done_until = candidate.end
            yield candidate


def _phone_in(text: str, start: int, stop: int) -> Candidate | None:
    raw = text[start:stop]
    if _DATE_START_RE.match(raw):
        return None
    groups: list[tuple[int, int]] = []  # (start, end) in text of each digit group
    previous_end = None
    for g in _DIGIT_GROUP_RE.finditer(raw):
        if previous_end is not None:
            separator = raw[previous_end : g.start()]
            if not _PHONE_SEPARATOR_RE.fullmatch(separator):
                break
        groups.append((start + g.start(), start + g.end()))
        previous_end = g.end()
    if not groups:
        return None
    international = "+" in text[start : groups[0][0]]
    first = text[groups[0][0] : groups[0][1]]
    if not international and first.startswith("00"):
        international = True
        groups[0] = (groups[0][0] + 2, groups[0][1])
        if groups[0][0] == groups[0][1]:
            groups.pop(0)
            if not groups:
                return None
    if international:
        return _international(text, start, groups)
    return _national(text, start, groups)


def _national(text: str, start: int, groups: list[tuple[int, int]]) -> Candidate | None:
    """A Dutch number written nationally: ten digits starting with 0."""
    first = text[groups[0][0] : groups[0][1]]
    if not first.startswith("0") or first.startswith("00"):
        return None
    if len(first) == 1:
        return None
    if len(first) == 2 and first != "06":
        return None
    digits = ""
    for g_start, g_end in groups:
        digits += text[g_start:g_end]
        if len(digits) == 10:
            if digits.startswith(_SERVICE_PREFIXES) or _followed_by_digit(text, g_end):
                return None
            return _candidate(Category.PHONE, start, g_end, "phone.dutch")
        if len(digits) > 10:
            return None
    return None


def _international(text: str, start: int, groups: list[tuple[int, int]]) -> Candidate | None:
    digits = ""
    if text[groups[0][0] : groups[0][1]].startswith("31"):
        # Dutch: 31, an optional (0), then nine digits.
        for index, (g_start, g_end) in enumerate(groups):
            part = text[g_start:g_end]
            if index == 1 and part == "0" and len(digits) == 2:
                continue
            digits += part
            national = digits[2:]
            if len(national) == 9:
                if national.startswith("0") or _followed_by_digit(text, g_end):
                    return None
                return _candidate(Category.PHONE, start, g_end, "phone.plus31")
            if len(national) > 9:
                return None
        return None
    # Foreign: 8 to 15 digits in all; a trailing lone digit is not part of the number.
    end = None
    for g_start, g_end in groups:
        part = text[g_start:g_end]
        if len(digits) + len(part) > 15 or (digits and len(part) == 1 and len(digits) >= 8):
            break
        digits += part
        end = g_end
    if end is None or len(digits) < 8 or _followed_by_digit(text, end):
        return None
    return _candidate(Category.PHONE, start, end, "phone.international")


def _followed_by_digit(text: str, end: int) -> bool:
    return end < len(text) and text[end].isdigit()


# --- EMAIL ------------------------------------------------------------------------

_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}(?![\w-])"
)


def find_email(text: str) -> Iterator[Candidate]:
    for m in _EMAIL_RE.finditer(text):
        yield _candidate(Category.EMAIL, m.start(), m.end(), "email")


# --- POSTCODE: 1234 AB ------------------------------------------------------------

_POSTCODE_RE = re.compile(r"(?<![\w-])([1-9][0-9]{3})(?:([ \t]?)([A-Z]{2})|([a-z]{2}))(?![\w-])")
# PostNL never issues these letter pairs.
_POSTCODE_EXCLUDED = {"SA", "SD", "SS"}
# "in 2023 OM en politie": a year before a common abbreviation is no postcode.
_YEAR_ABBREVIATIONS = {
    "OM", "VT", "NL", "EU", "EN", "IN", "OP", "TE", "NB", "OK", "VS", "UK", "BV", "NV", "WW",
    "TV", "PC", "CV", "ID", "PV", "AO", "HR", "ZZ", "DL",
}  # fmt: skip


def find_postcode(text: str) -> Iterator[Candidate]:
    for m in _POSTCODE_RE.finditer(text):
        number = int(m.group(1))
        letters = (m.group(3) or m.group(4)).upper()
        if letters in _POSTCODE_EXCLUDED:
            continue
        if 1900 <= number <= 2099 and letters in _YEAR_ABBREVIATIONS:
            continue
        yield _candidate(Category.POSTCODE, m.start(), m.end(), "postcode")


# --- ADDRESS: street name and house number ----------------------------------------

# Streets that are just the suffix word ("Brink 12", "Markt 3").
_BARE_STREETS = {"brink", "markt", "dam", "esch", "singel", "wal", "plein", "kade", "dijk"}
_SUFFIXES = tuple(sorted(set(STREET_SUFFIXES), key=len, reverse=True))
# A word followed by a number; whether the word is a street is checked in Python,
# which is much faster than one regex with every suffix.
_WORD_NUMBER_RE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*)[ \t]+([1-9][0-9]{0,3})")
_ADDITION_RE = re.compile(
    r"(?:[ \t]?[-/][ \t]?(?:[0-9]{1,4}|[A-Za-z]{1,2})(?![\w])"
    r"|[a-zA-Z](?![\w])"
    r"|[ \t][A-Z](?![\w.])"
    r"|[ \t]+(?:bis|hs|huis|boven|beneden|rood|zwart|I{1,3}|IV)(?![\w]))?"
)
_NUMBER_END_RE = re.compile(r"[0-9]|[.,:][0-9]")
_PREFIX_WORD_RE = re.compile(r"([^\W\d_][\w'’.-]*)[ \t]+$")
_STREET_PARTICLES = {"van", "de", "der", "den", "het", "t", "'t", "ter", "ten", "te"}


# In lower case only the endings no ordinary word has ("dorpsstraat 4b", not "werkveld 3").
_LOWER_SUFFIXES = (
    "straat", "straatweg", "weg", "laan", "plein", "dijk", "kade", "gracht", "singel", "steeg",
    "dreef", "allee", "straatje", "laantje",
)  # fmt: skip
_LOWER_NOT_STREETS = frozenset({"onderweg", "halverwege", "snelweg", "zijweg", "rijweg"})
# "Westerveld 3 signalen", "binnenweg 2 uur": a count, not a house number.
_COUNT_AFTER_RE = re.compile(
    r"[ 	]+(?:jaar|jaren|uur|uren|dag|dagen|week|weken|maand|maanden|keer|maal|personen"
    r"|mensen|mannen|vrouwen|kinderen|jongeren|minuten|km|kilometer|meter|m|euro|procent"
    r"|signalen|meldingen|casussen|zaken|stuks|woningen|panden|kamers|bedden|x)(?![\w])"
    r"|[ 	]*%",
    re.IGNORECASE,
)


def find_address(text: str, first_names: frozenset[str]) -> Iterator[Candidate]:
    for m in _WORD_NUMBER_RE.finditer(text):
        street = m.group(1)
        folded = street.casefold()
        if not folded.endswith(_SUFFIXES) or folded in STOP_WORDS:
            continue
        if folded in _SUFFIXES and folded not in _BARE_STREETS:
            continue
        lower = not street[0].isupper()
        if lower and (
            not street.islower()
            or not folded.endswith(_LOWER_SUFFIXES)
            or folded in _LOWER_SUFFIXES
            or folded in _LOWER_NOT_STREETS
        ):
            continue
        addition = _ADDITION_RE.match(text, m.end())
        end = addition.end() if addition else m.end()
        if _NUMBER_END_RE.match(text, end):
            continue
        if _COUNT_AFTER_RE.match(text, end):
            continue  # "Hoofdweg 2 keer", "binnenweg 3 uur": a count
        start = m.start() if lower else _street_start(text, m.start(), first_names)
        yield _candidate(
            Category.ADDRESS, start, end, "address.lower-case" if lower else "address.street"
        )
    yield from _find_cued_address(text)


# "woont aan de Weg langs het kanaal 8", "adres: Achter de Kerk 3": a street without a
# street ending, recognised by what comes before it and by a house number at its end.
_ADDRESS_CUE_RE = re.compile(
    r"(?<![\w])(?:(?:woont|wonen|woonde|woonden|woonachtig|verblijft|verblijven|verbleef"
    r"|ingeschreven|staat ingeschreven|gevestigd|pand|woning|huis|flat|bedrijfsunit|kamer"
    r"|werkt|werken|adres)[ 	]+(?:aan|op|in)[ 	]+(?:de|het|'t)?|aan[ 	]+(?:de|het)"
    r"|(?:adres|woonadres|verblijfsadres|address)[ 	]*:?)[ 	]+",
    re.IGNORECASE,
)
_ADDRESS_INNER = frozenset(
    {"langs", "naar", "de", "het", "van", "der", "den", "bij", "aan", "op", "over", "achter",
     "om", "'t", "t", "ter", "ten", "te", "in", "onder", "voor", "tegenover"}
)  # fmt: skip
_ADDRESS_WORD_RE = re.compile(r"([^\W\d_][\w'’.-]*)[ \t]+")
_ADDRESS_NUMBER_RE = re.compile(r"([1-9][0-9]{0,3})")
_ADDRESS_END_RE = re.compile(r"[ \t]*(?:$|[,.;:)\n]|(?:in|te)[ \t]|[A-Z])")


def _find_cued_address(text: str) -> Iterator[Candidate]:
    for cue in _ADDRESS_CUE_RE.finditer(text):
        pos = cue.end()
        previous_inner = False
        for index in range(6):
            w = _ADDRESS_WORD_RE.match(text, pos)
            if w is None:
                break
            word = w.group(1)
            folded = word.casefold()
            inner = folded in _ADDRESS_INNER
            if index == 0:
                # A name starts capitalised, and is not an abbreviation ("aan de GGD 3").
                if not word[0].isupper() or folded in STOP_WORDS or word.isupper():
                    break
            elif not (word[0].isupper() or inner or previous_inner):
                break  # lower-case words only inside a name: "Weg langs het kanaal"
            previous_inner = inner
            pos = w.end()
            number = _ADDRESS_NUMBER_RE.match(text, pos)
            if number is None:
                continue
            addition = _ADDITION_RE.match(text, number.end())
            end = addition.end() if addition else number.end()
            if _NUMBER_END_RE.match(text, end) or _COUNT_AFTER_RE.match(text, end):
                break
            if _ADDRESS_END_RE.match(text, end) and not inner:
                yield _candidate(Category.ADDRESS, cue.end(), end, "address.cue")
            break


def _street_start(text: str, start: int, first_names: frozenset[str]) -> int:
    """Take in the words before the main word that belong to the street name.

    "Burgemeester Tjalmaweg", "Jan van Galenstraat", "Van Goghstraat" — but not
    "In de Kerkstraat" or "woont Kerkstraat".
    """
    begin = start
    words_taken = 0
    saw_particle = False
    while words_taken < 4:
        m = _PREFIX_WORD_RE.search(text, max(0, begin - 40), begin)
        if m is None or m.end() != begin:
            break
        word = m.group(1)
        folded = word.rstrip(".").casefold()
        if folded in _STREET_PARTICLES:
            saw_particle = True
        elif not word[0].isupper() or (
            folded not in STREET_PREFIXES
            and folded not in first_names
            and not (saw_particle and folded not in STOP_WORDS)
        ):
            break
        begin = m.start()
        words_taken += 1
    # Leading lower-case particles ("de Kerkstraat") are not part of the name.
    while begin < start:
        m = re.match(r"([^\W\d_][\w'’.-]*)[ \t]+", text[begin:start])
        if m is None or m.group(1).casefold() not in _STREET_PARTICLES or m.group(1)[0].isupper():
            break
        begin += m.end()
    return begin


# --- DOB: a date after a birth cue ------------------------------------------------

_DOB_CUE_RE = re.compile(
    r"(?<![\w])(?:geboren|geboortedatum|geboortedag|geboortejaar|geb\.?[ \t]?dat(?:um|\.)?"
    r"|geb(?:\.|:|(?=[ \t]))|d\.o\.b\.?|dob(?![\w])|°(?![ \t]?[CFcf]\b))",
    re.IGNORECASE,
)
_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    "|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec"
)
_DATE_RE = re.compile(
    r"(?<![0-9])(?:"
    r"(?P<d1>[0-9]{1,2})(?P<sep>[-/.])(?P<m1>[0-9]{1,2})(?P=sep)(?P<y1>[0-9]{4}|[0-9]{2})"
    r"|(?P<d2>[0-9]{1,2})(?:e)?[ \t]+(?P<m2>" + _MONTHS + r")\.?[ \t]+(?P<y2>[0-9]{4})"
    r"|(?P<y3>[0-9]{4})-(?P<m3>[0-9]{1,2})-(?P<d3>[0-9]{1,2})"
    r")(?![0-9])",
    re.IGNORECASE,
)
_YEAR_ONLY_RE = re.compile(r"[ \t:,(]*(?:in[ \t]+|op[ \t]+)?(?P<year>(?:19|20)[0-9]{2})(?![0-9])")
_SENTENCE_END_RE = re.compile(r"[.!?][ \t]+[A-Z]|[\n;]")


# "op 12 januari 2006 geboren": the cue after the date, close by.
_DOB_CUE_AFTER_RE = re.compile(r"[ \t,]{1,3}(?:is[ \t]+|werd[ \t]+)?geboren(?![\w])", re.IGNORECASE)


def find_dob(text: str) -> Iterator[Candidate]:
    for date in _DATE_RE.finditer(text):
        if _plausible_date(date) and _DOB_CUE_AFTER_RE.match(text, date.end()):
            yield _candidate(Category.DOB, date.start(), date.end(), "dob.date-cue")
    for cue in _DOB_CUE_RE.finditer(text):
        window_end = min(len(text), cue.end() + 40)
        cue_date = _DATE_RE.search(text, cue.end(), window_end)
        if cue_date is not None and _plausible_date(cue_date):
            between = text[cue.end() : cue_date.start()]
            if not _SENTENCE_END_RE.search(between):
                yield _candidate(Category.DOB, cue_date.start(), cue_date.end(), "dob.cue-date")
                continue
        year = _YEAR_ONLY_RE.match(text, cue.end())
        if year is not None:
            yield _candidate(Category.DOB, year.start("year"), year.end("year"), "dob.cue-year")


def _plausible_date(m: re.Match[str]) -> bool:
    day = m.group("d1") or m.group("d2") or m.group("d3")
    month = m.group("m1") or m.group("m3")
    if month is not None and not 1 <= int(month) <= 12:
        return False
    return 1 <= int(day) <= 31


# --- PLATE: Dutch licence plates, sidecodes 1-14 ----------------------------------

_L = "[A-Z]"
_C = "[BDFGHJKLMNPRSTVXZ]"  # letters on current plates: no vowels, no C, Q, W, Y
_D = "[0-9]"
_HYPHENATED = (
    "LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D",
    "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D",
)  # fmt: skip


def _plate_pattern(code: str, letter: str, hyphen: str) -> str:
    return hyphen.join(
        "".join(letter if c == "L" else _D for c in group) for group in code.split("-")
    )


# Cheap shape first, the exact sidecodes second.
_PLATE_SHAPE_RE = re.compile(r"(?<![\w-])[A-Z0-9]{1,3}-?[A-Z0-9]{1,3}-?[A-Z0-9]{1,3}(?![\w-])")
_PLATE_RE = re.compile(
    r"(?:"
    + "|".join(_plate_pattern(code, _L, "-") for code in _HYPHENATED)
    # Without hyphens only the sidecodes from 4 on, whose mix of letters and digits
    # does not look like a year, an amount or a case code.
    + "|"
    + "|".join(_plate_pattern(code, _C, "") for code in _HYPHENATED[3:])
    + r")"
)


def find_plate(text: str) -> Iterator[Candidate]:
    for m in _PLATE_SHAPE_RE.finditer(text):
        if _PLATE_RE.fullmatch(m.group()):
            yield _candidate(Category.PLATE, m.start(), m.end(), "plate.dutch")


def find_structured(text: str, first_names: frozenset[str]) -> list[Candidate]:
    """Every structured candidate in `text`, unresolved."""
    found: list[Candidate] = []
    found.extend(find_email(text))
    found.extend(find_iban(text))
    found.extend(find_bsn(text))
    found.extend(find_phone(text))
    found.extend(find_dob(text))
    found.extend(find_plate(text))
    found.extend(find_postcode(text))
    found.extend(find_address(text, first_names))
    return found
