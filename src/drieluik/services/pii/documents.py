"""Detectors for identity documents, online accounts, advertisement links and
foreign licence plates: the kinds issue 12 found missing (docs/anonymisation.md).

Same contract as `rules`: each yields `Candidate`s with the rule that found
them; `scan()` resolves overlaps. Strong formats stand alone; weak ones need a
cue word nearby ("paspoort", "kenteken", "snapchat:").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drieluik.services.pii.categories import Category
from drieluik.services.pii.rules import Candidate, _candidate


def _cue_before(cue_re: re.Pattern[str], text: str, start: int, window: int = 40) -> bool:
    """A cue in the same sentence, at most `window` characters before `start`."""
    before = text[max(0, start - window) : start]
    # Only what follows the last sentence end or line break counts ("nr. " is no end).
    ends = list(_SENTENCE_END_RE.finditer(before))
    if ends:
        before = before[ends[-1].end() - 1 :]
    return cue_re.search(before) is not None


_SENTENCE_END_RE = re.compile(r"[.!?][ \t]+[A-Z]|[\n;]")


# --- identity documents -----------------------------------------------------------

# Police registration (BVH) numbers: PL + 4-digit unit, a year and a 6-digit serial.
_POLICE_RE = re.compile(r"(?<![\w-])PL[ \t]?[0-9]{4}[ \t]?-[ \t]?(?:19|20)[0-9]{2}[0-9]{6}(?![\w])")
# Dutch passport and identity card (since 2014): 9 characters, letters at 1-2,
# letters or digits at 3-8, a digit at 9, and never the letter O.
_NL_DOCUMENT_RE = re.compile(r"(?<![\w-])[A-NP-Z]{2}[A-NP-Z0-9]{6}[0-9](?![\w-])")
_DOCUMENT_CUE_RE = re.compile(
    r"(?:paspoort|passport|pasnummer|pas\b|id-?kaart|id[ -]kaart|identiteitskaart|identity card"
    r"|identiteitsbewijs|id-?bewijs|documentnummer|document number|docnr|reisdocument"
    r"|verblijfs(?:vergunning|document|pas)|vreemdelingendocument|w-document|rijbewijs"
    r"|driving licen[cs]e|dowód|buletin|carte d.identit|personalausweis|\bid\b)",
    re.IGNORECASE,
)
# After a cue: any document number of 6-12 letters and digits with at least 5 digits.
_CUED_DOCUMENT_RE = re.compile(r"(?<![\w-])(?=[A-Za-z]{0,4}[0-9])[A-Za-z0-9]{6,12}(?![\w-])")
_V_NUMBER_CUE_RE = re.compile(
    r"(?:v-?nummer|v-?nr\.?|vreemdelingen-?nummer|v number)[ \t:.]*$", re.IGNORECASE
)
_TEN_DIGITS_RE = re.compile(
    r"(?<![\w-])[0-9]{10}(?![\w-])|(?<![\w-])[0-9]{4}[ .][0-9]{2}[ .][0-9]{4}(?![\w-])"
)
# A company's registration is not personal data.
_COMPANY_NUMBER_CUE_RE = re.compile(
    r"(?:kvk|kamer van koophandel|handelsregister|btw|vat|rsin|bsn|iban)", re.IGNORECASE
)


def find_documents(text: str) -> Iterator[Candidate]:
    for m in _POLICE_RE.finditer(text):
        yield _candidate(Category.ID_DOCUMENT, m.start(), m.end(), "id.police-registration")
    for m in _NL_DOCUMENT_RE.finditer(text):
        code = m.group()
        middle = code[2:8]
        if code.startswith("DL") or middle.isdigit():
            # Case codes, and all-digit tails that only a cue makes a document.
            continue
        if sum(c.isdigit() for c in code) < 2:
            continue
        yield _candidate(Category.ID_DOCUMENT, m.start(), m.end(), "id.dutch-document")
    for m in _CUED_DOCUMENT_RE.finditer(text):
        if sum(c.isdigit() for c in m.group()) < 5:
            continue
        if not _cue_before(_DOCUMENT_CUE_RE, text, m.start(), 35):
            continue
        if _cue_before(_COMPANY_NUMBER_CUE_RE, text, m.start(), 15):
            continue
        yield _candidate(Category.ID_DOCUMENT, m.start(), m.end(), "id.document-cue")
    for m in _TEN_DIGITS_RE.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()]
        if _V_NUMBER_CUE_RE.search(before):
            yield _candidate(Category.ID_DOCUMENT, m.start(), m.end(), "id.v-number")


# --- social media and advertisement links -------------------------------------------

_SOCIAL_DOMAINS = (
    r"instagram\.com|instagr\.am|facebook\.com|fb\.com|fb\.me|m\.facebook\.com|tiktok\.com"
    r"|vm\.tiktok\.com|t\.me|telegram\.me|telegram\.dog|snapchat\.com|twitter\.com|x\.com"
    r"|onlyfans\.com|fansly\.com|linkedin\.com|vk\.com|ok\.ru|youtube\.com|youtu\.be"
    r"|threads\.net|wa\.me|badoo\.com|tinder\.com|reddit\.com|pinterest\.com|twitch\.tv"
    r"|kik\.me|bsky\.app|mym\.fans|chaturbate\.com|stripchat\.com"
)
_URL_TAIL = r"(?:/[^\s<>\"'()\[\]{}]*)?"
_SOCIAL_LINK_RE = re.compile(
    r"(?<![\w.@-])(?:https?://)?(?:www\.|m\.|mobile\.)?(?:" + _SOCIAL_DOMAINS + r")"
    r"/[^\s<>\"'()\[\]{}]+",
    re.IGNORECASE,
)
_HANDLE_RE = re.compile(r"(?<![\w@.])@(?=[\w.]*[A-Za-z])[A-Za-z0-9_][A-Za-z0-9_.]{1,29}")
_PLATFORM_RE = re.compile(
    r"(?<![\w.])(?P<platform>snapchat|snap|sc|instagram|insta|ig|tiktok|tik tok|telegram|tg"
    r"|facebook|fb|onlyfans|twitter|kik|wickr|threads|bluesky)"
    r"(?:[ \t]*-?(?:naam|account|profiel|gebruikersnaam|username|handle|id))?"
    r"(?P<marker>[ \t]*:[ \t]*|[ \t]+(?:als|as|onder de naam|genaamd|called)[ \t]+|[ \t]+)"
    r"(?P<handle>@?[A-Za-z0-9_][A-Za-z0-9_.]{2,29})",
    re.IGNORECASE,
)
_AD_SITES = (
    "kinky.nl", "kinky.be", "sexjobs.nl", "redlights.nl", "redlights.be", "hookers.nl",
    "vivastreet", "locanto", "skokka", "oproepjes.nl", "sexguide", "adultwork.com",
    "eurogirlsescort", "escort-advisor", "happyescorts", "tryst.link", "slixa", "eros.com",
    "listcrawler", "backpage", "erobella", "massagenetwerk", "sexwerkers", "seksjobs",
    "privehuizen", "rosenetwerk", "ladies.de", "6profis", "markt.de", "quoka",
)  # fmt: skip
_AD_WORDS_RE = re.compile(
    r"escort|sex|seks|kinky|erotic|erotisch|hooker|redlight|girls|ladies|dames|privehuis"
    r"|xxx|adult|hostess|massage|callgirl|dating|cams?\b",
    re.IGNORECASE,
)
_TLDS = (
    r"nl|com|be|de|eu|net|org|info|io|ro|pl|bg|ru|ua|hu|cz|sk|lt|biz|xxx|sex|club|site"
    r"|online|top|me|tv|link|app|fr|es|it|uk|co\.uk|ch|at"
)
_URL_RE = re.compile(
    r"(?<![\w.@/-])(?:https?://)?(?:www\.)?(?P<host>(?:[a-z0-9-]+\.)+(?:" + _TLDS + r"))"
    r"(?![\w-])(?P<path>/[^\s<>\"'()\[\]{}]*)?",
    re.IGNORECASE,
)
_PERSONAL_PATH_RE = re.compile(
    r"(?:^|/)(?:profiel|profile|profil|user|users|u|model|models|girl|girls|escort|escorts"
    r"|advertentie|advertenties|advert|ad|ads|dame|dames|lady|ladies|meisje|meisjes|vip)(?:/|$)",
    re.IGNORECASE,
)
_TRAILING_PUNCTUATION = ".,;:!?)'\"’”"


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING_PUNCTUATION:
        end -= 1
    return end


def find_online(text: str, first_names: frozenset[str]) -> Iterator[Candidate]:
    for m in _SOCIAL_LINK_RE.finditer(text):
        end = _trim(text, m.start(), m.end())
        if "/" in text[m.start() : end].split("//")[-1]:
            yield _candidate(Category.SOCIAL, m.start(), end, "social.profile-link")
    for m in _HANDLE_RE.finditer(text):
        end = _trim(text, m.start(), m.end())
        if end - m.start() >= 3:
            yield _candidate(Category.SOCIAL, m.start(), end, "social.handle")
    for m in _PLATFORM_RE.finditer(text):
        start = m.start("handle")
        end = _trim(text, start, m.end("handle"))
        handle = text[start:end]
        marker = m.group("marker").strip()
        looks_made_up = any(c in handle for c in "_.0123456789") or handle.startswith("@")
        if not looks_made_up and not marker:
            continue
        if len(m.group("platform")) <= 2 and marker != ":":
            continue  # "sc", "ig", "fb" are a platform only in "sc: naam"
        if not any(c.isalpha() for c in handle):
            continue
        if handle.casefold() in _NOT_HANDLES or end - start < 3:
            continue
        yield _candidate(Category.SOCIAL, start, end, "social.platform-cue")
    for m in _URL_RE.finditer(text):
        host = m.group("host").casefold()
        path = (m.group("path") or "").rstrip(_TRAILING_PUNCTUATION)
        if len(path) <= 1 or re.search(_SOCIAL_DOMAINS, host):
            continue
        end = m.start("path") + len(path)
        if any(site in host for site in _AD_SITES) or _AD_WORDS_RE.search(host):
            yield _candidate(Category.AD_URL, m.start(), end, "url.ad-site")
        elif _PERSONAL_PATH_RE.search(path) or _slug_has_name(path, first_names):
            yield _candidate(Category.AD_URL, m.start(), end, "url.personal-slug")


# Words after a platform name that are no handle: "via snapchat en", "op tiktok gezien".
_NOT_HANDLES = frozenset(
    {
        "en", "of", "als", "naar", "met", "van", "voor", "op", "in", "bij", "gezien", "contact",
        "account", "accounts", "profiel", "gebruikt", "benaderd", "geronseld", "berichten",
        "bericht", "foto", "foto's", "video", "filmpjes", "filmpje", "chat", "groep", "groepen",
        "the", "and", "via", "door", "zit", "zitten", "staat", "stond", "geen", "onbekend",
        "nee", "niet", "ja", "wel", "zijn", "haar", "hem", "zij", "hij", "ze",
    }
)  # fmt: skip
_SLUG_WORD_RE = re.compile(r"[a-z]+")


def _slug_has_name(path: str, first_names: frozenset[str]) -> bool:
    return any(len(w) >= 3 and w in first_names for w in _SLUG_WORD_RE.findall(path.casefold()))


# --- foreign licence plates -----------------------------------------------------

_PLATE_CUE_RE = re.compile(
    r"(?:kenteken|kent\.|nummerplaat|plaat|auto|wagen|bus\b|busje|bestelbus|bestelauto"
    r"|voertuig|vtg|vrachtwagen|truck|car\b|plate|registration|rijdt|reed|gereden"
    r"|bmw|audi|mercedes|opel|volkswagen|vw|ford|renault|peugeot|dacia|skoda|škoda|toyota"
    r"|fiat|citro[eë]n|volvo|seat|kia|hyundai|sprinter|transit|caddy|golf|passat|lada)",
    re.IGNORECASE,
)
_RO_COUNTIES = frozenset(
    {
        "AB", "AR", "AG", "BC", "BH", "BN", "BT", "BV", "BR", "BZ", "CS", "CL", "CJ", "CT",
        "CV", "DB", "DJ", "GL", "GR", "GJ", "HR", "HD", "IL", "IS", "IF", "MM", "MH", "MS",
        "NT", "OT", "PH", "SM", "SJ", "SB", "SV", "TR", "TM", "TL", "VS", "VL", "VN", "B",
    }
)  # fmt: skip
# (pattern, strong): strong formats stand alone, the rest need a cue word.
_FOREIGN_PLATES: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    # German: district, hyphen, 1-2 letters, space, 1-4 digits (OS-AB 123, EL-K 412).
    ("plate.german", re.compile(r"[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}[ \t][1-9][0-9]{0,3}[EH]?"), True),
    ("plate.german", re.compile(r"[A-ZÄÖÜ]{1,3}[ \t][A-Z]{1,2}[ \t][1-9][0-9]{0,3}[EH]?"), False),
    # Bulgarian and Ukrainian: AA 1234 BB.
    ("plate.bulgarian-ukrainian", re.compile(r"[A-Z]{2}[ \t]?[0-9]{4}[ \t]?[A-Z]{2}"), True),
    ("plate.bulgarian-ukrainian", re.compile(r"[A-Z][ \t]?[0-9]{4}[ \t]?[A-Z]{2}"), False),
    # Romanian: county, 2-3 digits, 3 letters (TM 21 XYZ, B 123 ABC).
    ("plate.romanian", re.compile(r"(?P<county>[A-Z]{1,2})[ \t-]?[0-9]{2,3}[ \t-]?[A-Z]{3}"), True),
    # Belgian: 1-ABC-123.
    ("plate.belgian", re.compile(r"[1-9]-[A-Z]{3}-[0-9]{3}"), True),
    # French and Italian: AB-123-CD.
    ("plate.french-italian", re.compile(r"[A-Z]{2}-[0-9]{3}-[A-Z]{2}"), True),
    # Polish: 2-3 letter district, space, 4-5 letters and digits (PO 5K221, WGM 28HK1).
    ("plate.polish", re.compile(r"[A-Z]{2,3}[ \t](?=[A-Z0-9]*[0-9])[A-Z0-9]{4,5}"), False),
    # Lithuanian ABC 123, Hungarian ABC-123, Slovak BA-123AB, Czech 1A2 3456.
    ("plate.baltic-hungarian", re.compile(r"[A-Z]{3}[ \t-][0-9]{3}"), False),
    ("plate.slovak", re.compile(r"[A-Z]{2}[ \t-][0-9]{3}[A-Z]{2}"), False),
    ("plate.czech", re.compile(r"[0-9][A-Z][0-9][ \t][0-9]{4}"), False),
    ("plate.spanish", re.compile(r"[0-9]{4}[ \t-]?[B-DF-HJ-NP-TV-Z]{3}"), False),
)
_PLATE_EDGE_AFTER = re.compile(r"^(?:[\w]|-[\w])")


def find_foreign_plates(text: str) -> Iterator[Candidate]:
    taken: list[tuple[int, int]] = []
    for rule, pattern, strong in _FOREIGN_PLATES:
        for m in pattern.finditer(text):
            start, end = m.span()
            if start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
                continue
            if _PLATE_EDGE_AFTER.match(text[end : end + 2]):
                continue
            if any(a <= start < b or a < end <= b for a, b in taken):
                continue
            county = m.groupdict().get("county")
            is_strong = strong and (county is None or county in _RO_COUNTIES)
            if not is_strong and not _cue_before(_PLATE_CUE_RE, text, start, 45):
                continue
            taken.append((start, end))
            yield _candidate(Category.PLATE, start, end, rule)
    # Typed in lower case ("kenteken tm 44 flr"): only right after a plate word.
    for cue in _LOWER_PLATE_CUE_RE.finditer(text):
        start = cue.end()
        window = text[start : start + 12]
        if window.isupper() or any(a <= start < b for a, b in taken):
            continue
        for rule, pattern, strong in _FOREIGN_PLATES:
            plate = pattern.match(window.upper())
            if plate is None or not strong:
                continue
            end = start + plate.end()
            county = plate.groupdict().get("county")
            if (county is not None and county not in _RO_COUNTIES) or (
                end < len(text) and text[end].isalnum()
            ):
                continue
            taken.append((start, end))
            yield _candidate(Category.PLATE, start, end, rule)
            break


_LOWER_PLATE_CUE_RE = re.compile(r"(?:kenteken|nummerplaat|plaat|kent\.)[ \t:]*", re.IGNORECASE)
