"""A small, offline estimate of how guessable a passphrase is.

Not a proof of strength: it recognises the usual weaknesses — short, one kind
of character, a well-known password or a common (Dutch or English) word,
repeats, keyboard and alphabet runs, years — and otherwise counts each
character at the size of the character classes used. Every run of letters is
assumed to be in an attacker's word list (at most 18 bits, ~250,000 words),
so four unrelated words score as strong and one long word does not.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

# Well-known passwords, common words and words from this tool's own world.
# All lower case; compared after undoing "leet" substitutions (p@ssw0rd).
_COMMON_WORDS = """
    password passwoord wachtwoord welkom welkom01 geheim geheimpje admin beheer
    qwerty azerty asdf qwertz letmein iloveyou monkey dragon master sunshine
    princess football voetbal baseball shadow superman batman trustno1 abc
    abcdef abcdefg test testen test123 secret login changeme default guest
    hallo hoi hello welcome summer winter zomer lente herfst
    correct horse battery staple liefde schat schatje lieverd hartje
    ajax feyenoord psv nederland holland amsterdam rotterdam utrecht groningen
    drieluik drenthe mensenhandel uitbuiting casus casussen overleg
    zorg veilig thuis politie gemeente verslag signaal melding ketenregisseur
    assen emmen hoogeveen meppel coevorden westerveld tynaarlo noordenveld
    wolden borger odoorn midden hunze
    ggd coa riec kmar zvhd comensha
    januari februari maart april mei juni juli augustus september oktober
    november december maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    januari jan feb mrt apr jun jul aug sep okt nov dec
    de het een en van ik te dat die in is niet op aan met als voor had er maar
    om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij
    uit der daar haar naar heb hoe heeft hebben deze nog zal me zij nu ge geen
    omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun
    dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons
    zelf tegen na reeds wil kon niets uw iemand geweest andere
    huis kat hond paard koe vis vogel boom bloem auto fiets boot water vuur
    zon maan ster wolk regen sneeuw wind zee strand berg bos veld weg straat
    stad dorp land wereld mens man vrouw kind jongen meisje vader moeder broer
    zus oma opa familie vriend vriendin werk school kantoor computer laptop
    koffie thee bier wijn brood kaas appel peer banaan oranje rood blauw groen
    geel zwart wit grijs paars roze goud zilver koning koningin prins prinses
    the and for you that this with have from they will your what when love
    life time good day night home house world money power family friend
"""
_COMMON = frozenset(_COMMON_WORDS.split())

_KEYBOARD_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm")
_LEET = str.maketrans({"@": "a", "4": "a", "3": "e", "1": "i", "!": "i", "0": "o", "$": "s",
                       "5": "s", "7": "t", "+": "t", "8": "b", "9": "g"})  # fmt: skip

_SEPARATORS = " -_.,"
WORD_BITS = math.log2(2048)  # a common word: in the first few thousand of any list
LETTER_RUN_MAX_BITS = 18.0  # any letters-only word: ~250,000-word list
THRESHOLDS = (25.0, 40.0, 60.0, 80.0)  # bits at which the score goes 1, 2, 3, 4
LABEL_KEYS = (
    "strength.very_weak",
    "strength.weak",
    "strength.fair",
    "strength.strong",
    "strength.very_strong",
)


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (very weak) … 4 (very strong)
    bits: float  # estimated guesses, log2
    hints: tuple[str, ...]  # message keys, most useful first

    @property
    def weak(self) -> bool:
        """Weak enough that `init` and `passwd` ask for explicit confirmation."""
        return self.score < 2

    @property
    def label_key(self) -> str:
        return LABEL_KEYS[self.score]


def _pool(text: str) -> int:
    pool = 0
    if any(c.islower() and c.isascii() for c in text):
        pool += 26
    if any(c.isupper() and c.isascii() for c in text):
        pool += 26
    if any(c.isdigit() for c in text):
        pool += 10
    if any(c.isspace() for c in text):
        pool += 1
    if any(not c.isalnum() and not c.isspace() and c.isascii() for c in text):
        pool += 33
    if any(not c.isascii() for c in text):
        pool += 100
    return max(pool, 10)


def _is_step(a: str, b: str) -> bool:
    if abs(ord(a) - ord(b)) == 1:
        return True
    return any(
        (i := row.find(a)) >= 0 and 0 <= i + 1 < len(row) and row[i + 1] == b
        for row in _KEYBOARD_ROWS
    )


def _longest_word(text: str, start: int) -> int:
    for end in range(min(len(text), start + 20), start + 2, -1):
        if text[start:end] in _COMMON:
            return end - start
    return 0


def estimate(passphrase: str) -> Strength:
    text = unicodedata.normalize("NFC", passphrase)
    if not text:
        return Strength(0, 0.0, ("strength.hint.short",))
    lowered = text.lower()
    plain = lowered.translate(_LEET)
    per_char = math.log2(_pool(text))
    hints: list[str] = []

    bits = 0.0
    letter_run_bits = 0.0
    position = 0
    while position < len(text):
        char = plain[position]
        word = _longest_word(plain, position)
        if word:
            span = text[position : position + word]
            bits += WORD_BITS + (1.0 if any(c.isupper() for c in span) else 0.0)
            position += word
            letter_run_bits = 0.0
            if "strength.hint.common" not in hints:
                hints.append("strength.hint.common")
            continue
        digits = text[position : position + 4]
        if digits.isdigit() and digits[:2] in ("19", "20"):
            bits += 7.0  # a year
            position += 4
            letter_run_bits = 0.0
            if "strength.hint.year" not in hints:
                hints.append("strength.hint.year")
            continue
        if position >= 2 and plain[position - 2] == plain[position - 1] == char:
            cost = 1.0
            if "strength.hint.repeat" not in hints:
                hints.append("strength.hint.repeat")
        elif (
            position >= 2
            and _is_step(lowered[position - 2], lowered[position - 1])
            and _is_step(lowered[position - 1], lowered[position])
        ):
            cost = 2.0
            if "strength.hint.sequence" not in hints:
                hints.append("strength.hint.sequence")
        elif char in _SEPARATORS and position and plain[position - 1] not in _SEPARATORS:
            cost = 2.0  # one of a few usual separators between words
        else:
            cost = per_char
        original = text[position]
        word_like = not original.isupper() or not letter_run_bits or text[position - 1].isupper()
        if char.isalpha() and not word_like:
            letter_run_bits += cost  # a capital inside a run: not how words are typed
        elif char.isalpha():
            # Letters-only runs count as one word from a big list at most.
            allowed = max(0.0, LETTER_RUN_MAX_BITS - letter_run_bits)
            cost = min(cost, allowed)
            letter_run_bits += cost
        else:
            letter_run_bits = 0.0
        bits += cost
        position += 1

    whole = plain.strip(" .!?-_0123456789")
    if lowered in _COMMON or plain in _COMMON or whole in _COMMON:
        bits = min(bits, 10.0)
    if len(text) < 12:
        hints.insert(0, "strength.hint.short")
    if per_char <= math.log2(27) and len(set(lowered.split())) < 4:
        hints.append("strength.hint.words")
    score = sum(bits >= limit for limit in THRESHOLDS)
    return Strength(score, round(bits, 1), tuple(hints))
