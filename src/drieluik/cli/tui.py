"""Starting the terminal app (`drieluik` without a command)."""

from __future__ import annotations

from pathlib import Path


def run_tui(
    vault: Path | None, passphrase_file: Path | None, *, passphrase: str | None = None
) -> None:
    from drieluik.app import run_app  # here: Textual loads only when the app starts

    run_app(vault=vault, passphrase_file=passphrase_file, passphrase=passphrase)
