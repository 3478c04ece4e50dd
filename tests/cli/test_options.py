"""Options that several commands share are declared once (cli/common.py) and read the same."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer

from drieluik.cli import _register, app, run
from drieluik.services import audit
from drieluik.services.allowlist import allow_terms
from drieluik.store import recovery
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.services.register_helpers import add_cases

# Typer vendors its own Click in some versions: commands are handled by duck typing.


def commands() -> dict[str, Any]:
    """Every leaf command by its full name ("cases", "case show", "pii allow add", …)."""
    _register()
    found: dict[str, Any] = {}

    def walk(group: Any, prefix: str) -> None:
        for name, command in group.commands.items():
            full = f"{prefix}{name}"
            if hasattr(command, "commands"):
                walk(command, full + " ")
            else:
                found[full] = command

    walk(typer.main.get_command(app), "")
    return found


def option(command: Any, flag: str) -> Any:
    return next((p for p in command.params if flag in getattr(p, "opts", ())), None)


def described(param: Any) -> tuple[object, ...]:
    """What the user sees of an option and how it parses."""
    return (param.opts, param.help, param.metavar, param.default, param.show_default)


def test_case_filters_read_the_same_in_cases_and_search() -> None:
    found = commands()
    for flag in ("--year", "--vorm", "--gemeente", "--status"):
        listed, searched = option(found["cases"], flag), option(found["search"], flag)
        assert listed is not None and searched is not None, flag
        assert described(listed) == described(searched), flag


# Commands that take a passphrase but open no existing vault with it.
NEW_VAULT_COMMANDS = {"init", "demo"}


def test_every_command_that_opens_a_vault_takes_the_recovery_key_file() -> None:
    """A chair who forgot the passphrase can still work with the recovery key file."""
    found = commands()
    opening = {
        name
        for name, command in found.items()
        if option(command, "--passphrase-file") and name not in NEW_VAULT_COMMANDS
    }
    assert {"cases", "case show", "case add", "import", "search", "report"} <= opening
    assert {"meeting new", "agenda", "export minutes", "pii allow add"} <= opening
    missing = sorted(name for name in opening if option(found[name], "--recovery-key-file") is None)
    assert missing == []
    reference = described(option(found["check"], "--recovery-key-file"))
    for name in opening:
        assert described(option(found[name], "--recovery-key-file")) == reference, name


def test_a_register_command_opens_with_the_recovery_key_file(
    vault_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = recovery.generate()
    with Vault.create(vault_path, PASSPHRASE) as opened:
        opened.set_recovery_key(key)
        add_cases(opened, "2024-03-01", melder="GGD Drenthe")
    key_file = tmp_path / "herstelsleutel.txt"
    key_file.write_text(key + "\n", encoding="utf-8")
    # No passphrase anywhere: without the key file this would be refused.
    assert run(["cases", "--json"]) == 1
    capsys.readouterr()
    assert run(["cases", "--json", "--recovery-key-file", str(key_file)]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [case["melder"] for case in listed] == ["GGD Drenthe"]
    added = run(
        [
            "pii", "allow", "add", "Emmer Compascuum",
            "--recovery-key-file", str(key_file),
        ]
    )  # fmt: skip
    assert added == 0, capsys.readouterr().err
    with Vault.open(vault_path, recovery_key=key) as opened:
        assert "unlock.recovery" in [e.action for e in audit.list_entries(opened)]
        assert "Emmer Compascuum" in allow_terms(opened)
