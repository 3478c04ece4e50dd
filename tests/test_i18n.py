"""Every message exists in Dutch and English with the same placeholders."""

from __future__ import annotations

import string

import pytest

from drieluik.i18n import catalog, current_language, set_language, t


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_languages_and_same_placeholders() -> None:
    problems = []
    for key, texts in catalog().items():
        if set(texts) != {"nl", "en"}:
            problems.append(f"{key}: languages {sorted(texts)}")
            continue
        if _fields(texts["nl"]) != _fields(texts["en"]):
            problems.append(f"{key}: placeholders differ")
        if not texts["nl"].strip() or not texts["en"].strip():
            problems.append(f"{key}: empty text")
    assert not problems, "\n".join(problems)


def test_language_follows_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    set_language(None)
    monkeypatch.setenv("DRIELUIK_LANG", "en")
    assert current_language() == "en"
    assert t("passphrase.empty") == "The passphrase is empty."
    monkeypatch.setenv("DRIELUIK_LANG", "fr")
    assert current_language() == "nl"
    monkeypatch.delenv("DRIELUIK_LANG")
    assert t("passphrase.empty") == "Het wachtwoord is leeg."


def test_unknown_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        t("no.such.key")
