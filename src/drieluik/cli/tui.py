"""Starting the terminal app (`drieluik` without a command)."""

from __future__ import annotations

from pathlib import Path

import typer

from drieluik.cli.common import console


def run_tui(
    vault: Path | None, passphrase_file: Path | None, *, passphrase: str | None = None
) -> None:
    try:
        from drieluik.app import run_app
    except ModuleNotFoundError:
        console.print("De terminal-app is nog niet gebouwd. / The terminal app is not built yet.")
        raise typer.Exit(1) from None
    run_app(vault=vault, passphrase_file=passphrase_file, passphrase=passphrase)


def register(app: typer.Typer) -> None:
    pass
