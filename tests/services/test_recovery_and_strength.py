"""Recovery-key format and the passphrase-strength estimate."""

from __future__ import annotations

import pytest

from drieluik.errors import InvalidInput
from drieluik.services.passphrase_strength import estimate
from drieluik.store import recovery


def test_a_recovery_key_is_eight_groups_from_an_unambiguous_alphabet() -> None:
    keys = {recovery.generate() for _ in range(200)}
    assert len(keys) == 200
    for key in keys:
        groups = key.split("-")
        assert len(groups) == 8 and all(len(g) == 4 for g in groups)
        assert not set(key) & set("01OIL")
        assert recovery.parse(key) == key
    assert recovery.ENTROPY_BITS >= 120


def test_parse_ignores_case_spaces_and_hyphens() -> None:
    key = recovery.generate()
    assert recovery.parse(" " + key.lower().replace("-", "  ") + "\n") == key


def test_every_single_character_typo_is_caught() -> None:
    key = recovery.generate()
    plain = key.replace("-", "")
    caught = 0
    for position in range(len(plain)):
        for char in recovery.ALPHABET:
            if char == plain[position]:
                continue
            typo = plain[:position] + char + plain[position + 1 :]
            with pytest.raises(InvalidInput) as error:
                recovery.parse(typo)
            assert error.value.key == "recovery.checksum"
            caught += 1
    assert caught == 32 * 30


def test_swapped_neighbours_are_caught() -> None:
    key = recovery.generate().replace("-", "")
    for i in range(len(key) - 1):
        if key[i] == key[i + 1]:
            continue
        swapped = key[:i] + key[i + 1] + key[i] + key[i + 2 :]
        with pytest.raises(InvalidInput):
            recovery.parse(swapped)


@pytest.mark.parametrize(
    "typed, key",
    [
        ("", "recovery.length"),
        ("ABCD-EFGH", "recovery.length"),
        ("K7Q2-M9XD-ABCD-EFGH-JKMN-PQRS-TUVW-XYZ0", "recovery.look_alike"),
        ("K7Q2-M9XD-ABCD-EFGH-JKMN-PQRS-TUVW-XYZ!", "recovery.character"),
        ("K7Q2-M9XD-ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2", "recovery.checksum"),
    ],
)
def test_wrong_shapes_get_their_own_message(typed: str, key: str) -> None:
    with pytest.raises(InvalidInput) as error:
        recovery.parse(typed)
    assert error.value.key == key


@pytest.mark.parametrize(
    "passphrase",
    ["", "password", "Welkom01!", "wachtwoord123", "qwertyuiop", "aaaaaaaaaaaaaaaa",
     "Drieluik2024!", "correct horse", "12345678", "Assen2023"],
)  # fmt: skip
def test_weak_passphrases_are_weak(passphrase: str) -> None:
    assert estimate(passphrase).weak


@pytest.mark.parametrize(
    "passphrase",
    [
        "zeven rode kikkers springen over de brug",
        "groene fiets dansende lamp oude brug",
        "xkcd-paard-nietje-klok",
        "ZgQ8vK2pR5nTx#",
    ],
)
def test_strong_passphrases_are_not_weak(passphrase: str) -> None:
    strength = estimate(passphrase)
    assert not strength.weak
    assert strength.score >= 2


def test_longer_is_stronger_and_hints_say_why() -> None:
    short, longer = estimate("kikker"), estimate("kikker sloot molen dijk")
    assert longer.bits > short.bits
    assert "strength.hint.short" in short.hints
    assert "strength.hint.common" in estimate("welkom").hints
    assert "strength.hint.sequence" in estimate("abcdef98765").hints
