"""Recovery keys: a second way to open the vault when the passphrase is forgotten.

A key is eight groups of four characters, `K7Q2-M9XD-…`: seven random groups
(28 characters from a 31-letter alphabet, 138 bits) and one check group.
The alphabet leaves out 0/O and 1/I/L, so a key read aloud or copied from
paper has no look-alikes. The check group lets `parse` catch a typo with a
clear message before the (slow) key derivation runs: any one wrong character
and any two swapped neighbours always, other mistakes all but once in ~900,000.
"""

from __future__ import annotations

import hashlib
import math
import secrets

from drieluik.errors import InvalidInput

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
GROUP_SIZE = 4
RANDOM_GROUPS = 7
GROUPS = RANDOM_GROUPS + 1
LENGTH = GROUPS * GROUP_SIZE
ENTROPY_BITS = RANDOM_GROUPS * GROUP_SIZE * math.log2(len(ALPHABET))

_LOOK_ALIKES = {"0": "O/0", "O": "O/0", "1": "1/I/L", "I": "1/I/L", "L": "1/I/L"}


def _check_group(body: str) -> str:
    # First character: a weighted sum modulo 31 (a prime), so every single
    # wrong character and every swap of two neighbours is always caught. The
    # other three come from a hash and catch nearly everything else.
    weighted = sum(weight * ALPHABET.index(c) for weight, c in enumerate(body, start=1))
    digest = int.from_bytes(hashlib.sha256(b"drieluik-recovery-v1:" + body.encode()).digest())
    chars = [ALPHABET[weighted % len(ALPHABET)]]
    for _ in range(GROUP_SIZE - 1):
        digest, index = divmod(digest, len(ALPHABET))
        chars.append(ALPHABET[index])
    return "".join(chars)


def _grouped(chars: str) -> str:
    return "-".join(chars[i : i + GROUP_SIZE] for i in range(0, len(chars), GROUP_SIZE))


def generate() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_GROUPS * GROUP_SIZE))
    return _grouped(body + _check_group(body))


def parse(text: str) -> str:
    """The canonical key (`XXXX-…`) from what a person typed, or InvalidInput saying why.

    Case, spaces and hyphens do not matter; everything else does.
    """
    chars = "".join(c for c in text.upper() if not c.isspace() and c != "-")
    for position, char in enumerate(chars, start=1):
        if char not in ALPHABET:
            if char in _LOOK_ALIKES:
                raise InvalidInput(
                    "recovery.look_alike", char=char, position=position, pair=_LOOK_ALIKES[char]
                )
            raise InvalidInput("recovery.character", char=char, position=position)
    if len(chars) != LENGTH:
        raise InvalidInput(
            "recovery.length", found=len(chars), expected=LENGTH, groups=GROUPS, size=GROUP_SIZE
        )
    body, check = chars[:-GROUP_SIZE], chars[-GROUP_SIZE:]
    if _check_group(body) != check:
        raise InvalidInput("recovery.checksum")
    return _grouped(chars)
