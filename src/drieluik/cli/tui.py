"""Starting the terminal app (`drieluik` without a command)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from drieluik.errors import DrieluikError, ExitCode, InvalidInput


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
    run_app(vault=vault, passphrase_file=passphrase_file, passphrase=passphrase)


def run_app(
    vault: Path | None, passphrase_file: Path | None, *, passphrase: str | None = None
) -> None:
    """Start the terminal app; every error ends with one message and its exit code.

    The CLI's side of starting the app (the app module does not import the
    CLI): settings, the vault's path and the passphrase are found here, and
    `make_app` builds the app from them.
    """
    from drieluik.app import make_app  # here: Textual loads only when the app starts
    from drieluik.cli.common import err_console, read_passphrase_file, resolve_vault_path
    from drieluik.i18n import set_language, t
    from drieluik.settings import load_settings

    settings = load_settings()
    set_language(settings.lang)
    path = resolve_vault_path(vault)
    try:
        if not path.exists():
            raise InvalidInput("vault.not_found", path=path)
        if passphrase is None:
            passphrase = (
                read_passphrase_file(passphrase_file)
                if passphrase_file is not None
                else os.environ.get("DRIELUIK_PASSPHRASE") or None
            )
        app = make_app(settings, path, passphrase=passphrase)
        app.run()
    except DrieluikError as exc:
        err_console.print(f"{t('error.prefix')}: {exc.message}")
        raise typer.Exit(int(exc.exit_code)) from None
    code = app.return_code or 0
    if code:
        raise typer.Exit(code)
    raise typer.Exit(int(ExitCode.OK))
