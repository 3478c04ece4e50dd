"""`--help` of every command speaks one language: English with DRIELUIK_LANG=en,
Dutch otherwise, Click's own words ("Usage:", "Options:", "Show this message
and exit.") included. Option names are English; the Dutch names of earlier
versions still work but are not shown."""

from __future__ import annotations

import re

import pytest
import typer

from drieluik import cli
from drieluik.cli import run
from drieluik.cli.help_language import HIDDEN_ALIASES, one_language

# Words that only one of the two languages uses in running text.
DUTCH_WORDS = ["de", "het", "een", "van", "niet", "naar", "wordt", "alleen", "toon", "uit", "met"]
ENGLISH_WORDS = ["the", "and", "with", "this", "from", "show", "only", "file", "message", "usage"]
CLICK_ENGLISH = ["Usage:", "Options:", "Commands:", "Show this message", "[default:", "[required]"]
CLICK_DUTCH = ["Gebruik:", "Opties:", "Opdrachten:", "Toon deze hulp", "[standaard:", "[verplicht]"]


def command_paths() -> list[list[str]]:
    cli._register()
    paths: list[list[str]] = []

    def walk(command, path: list[str]) -> None:
        paths.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(cli.app), [])
    return paths


def help_texts() -> list[tuple[str, str]]:
    """(where, raw bilingual text) of every command and option help."""
    cli._register()
    found: list[tuple[str, str]] = []

    def walk(command, path: list[str]) -> None:
        where = " ".join(path) or "drieluik"
        if command.help:
            found.append((where, command.help))
        for param in command.params:
            if getattr(param, "help", None):
                found.append((f"{where} {param.name}", param.help))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(cli.app), [])
    return found


def _help(capsys: pytest.CaptureFixture[str], path: list[str]) -> str:
    assert run([*path, "--help"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def names() -> set[str]:
    """Command and argument names: the same in both languages."""
    cli._register()
    found: set[str] = set()

    def walk(command) -> None:
        found.update(p.name for p in command.params)
        for name, sub in getattr(command, "commands", {}).items():
            found.add(name)
            walk(sub)

    walk(typer.main.get_command(cli.app))
    return found


def _words(text: str) -> set[str]:
    # Without option names, placeholders, environment variables, command and
    # argument names, and the meeting's own name (het Drieluik).
    text = text.replace("het Drieluik", "")
    text = re.sub(r"--?[\w-]+|<[^>]*>|\b[A-Z_]{2,}\b|\{[^}]*\}", " ", text)
    return set(re.findall(r"[a-zà-ÿ]+", text.lower())) - names()


def test_every_help_text_has_both_languages() -> None:
    for where, text in help_texts():
        for paragraph in re.split(r"\n\s*\n", text):
            dutch, english = one_language(paragraph, "nl"), one_language(paragraph, "en")
            assert dutch != english, f"{where}: no 'Nederlands / English' in {paragraph!r}"


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "drieluik")
def test_english_help_has_no_dutch_and_dutch_help_no_english(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, path: list[str]
) -> None:
    monkeypatch.setenv("DRIELUIK_LANG", "en")
    english = _help(capsys, path)
    monkeypatch.setenv("DRIELUIK_LANG", "nl")
    dutch = _help(capsys, path)
    for word in CLICK_DUTCH:
        assert word not in english, (path, word)
    for word in CLICK_ENGLISH:
        assert word not in dutch, (path, word)
    assert "Usage:" in english and "Gebruik:" in dutch
    assert not _words(english) & set(DUTCH_WORDS), (path, _words(english) & set(DUTCH_WORDS))
    assert not _words(dutch) & set(ENGLISH_WORDS), (path, _words(dutch) & set(ENGLISH_WORDS))
    # No half of a bilingual text of the other language.
    for _, text in help_texts():
        for paragraph in re.split(r"\n\s*\n", text):
            nl, en = one_language(paragraph, "nl"), one_language(paragraph, "en")
            assert " ".join(nl.split()) not in " ".join(english.split()), (path, nl)
            assert " ".join(en.split()) not in " ".join(dutch.split()), (path, en)
    for alias in HIDDEN_ALIASES:
        assert alias not in english and alias not in dutch


def test_language_from_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRIELUIK_LANG", "en")
    assert "Show this message and exit." in _help(capsys, ["cases"])
    monkeypatch.setenv("DRIELUIK_LANG", "nl")
    assert "Toon deze hulp en stop." in _help(capsys, ["cases"])


def test_shell_completion_is_not_offered(capsys: pytest.CaptureFixture[str]) -> None:
    assert "completion" not in _help(capsys, [])
    assert run(["--install-completion"]) == 2


def test_the_dutch_option_names_still_work(vault_path, monkeypatch, capsys) -> None:
    from drieluik.store.vault import Vault
    from tests.conftest import PASSPHRASE

    Vault.create(vault_path, PASSPHRASE).close()
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)
    fields = {
        "datum": "2025-03-01",
        "gemeente": "Emmen",
        "vorm": "arbeid",
        "melder": "Politie",
        "omschrijving": "Een man werkt zonder loon.",
        "kwetsbaar": "arbeidsmigrant",
        "ondermijning": "nee",
    }
    old = [part for name, value in fields.items() for part in (f"--{name}", value)]
    assert run(["case", "add", *old, "--json"]) == 0, capsys.readouterr().err
    new = [
        *("--date", "2025-03-02", "--municipality", "Assen", "--form", "arbeid"),
        *("--reporter", "Politie", "--summary", "Een vrouw werkt zonder loon."),
        *("--vulnerable", "arbeidsmigrant", "--organised-crime", "nee"),
    ]
    assert run(["case", "add", *new, "--json"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert run(["cases", "--gemeente", "Emmen", "--vorm", "arbeid", "--json"]) == 0
    by_dutch = capsys.readouterr().out
    assert run(["cases", "--municipality", "Emmen", "--form", "arbeid", "--json"]) == 0
    assert capsys.readouterr().out == by_dutch
    assert "Emmen" in by_dutch and "Assen" not in by_dutch
