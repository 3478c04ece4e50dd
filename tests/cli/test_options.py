"""Options that several commands share are declared once (cli/common.py) and read the same."""

from __future__ import annotations

from typing import Any

import typer

from drieluik.cli import _register, app

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
