"""Starting the terminal app (`drieluik` without a command)."""

from __future__ import annotations

import sys
from pathlib import Path

from drieluik.errors import InvalidInput


def require_terminal() -> None:
    """Refuse at once when input or output is not a terminal.

    Textual would write its escape codes into a redirected file and wait for
    keys that never come (`drieluik < /dev/null > out.txt`).
    """
    for stream in (sys.stdin, sys.stdout):
        try:
            interactive = stream is not None and stream.isatty()
        except (AttributeError, ValueError):  # closed or replaced stream
            interactive = False
        if not interactive:
            raise InvalidInput("tui.no_terminal")


def run_tui(
    vault: Path | None, passphrase_file: Path | None, *, passphrase: str | None = None
) -> None:
    from drieluik.cli.common import resolve_vault_path

    path = resolve_vault_path(vault)
    if not path.exists():  # the more useful message first, terminal or not
        raise InvalidInput("vault.not_found", path=path)
    require_terminal()
    from drieluik.app import run_app  # here: Textual loads only when the app starts

    run_app(vault=vault, passphrase_file=passphrase_file, passphrase=passphrase)
