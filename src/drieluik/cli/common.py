"""What every command shares: vault path and passphrase resolution, output helpers."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from drieluik.errors import InvalidInput
from drieluik.i18n import t
from drieluik.settings import default_vault_path

# Output goes through Rich with markup and emoji off: user text (case
# summaries, notes) is printed literally, never interpreted.
console = Console(markup=False, emoji=False, highlight=False, soft_wrap=True)
err_console = Console(stderr=True, markup=False, emoji=False, highlight=False, soft_wrap=True)

VaultOption = Annotated[
    Path | None,
    typer.Option(
        "--vault",
        help="Kluisbestand (anders DRIELUIK_VAULT, anders de standaardplek). / Vault file.",
        show_default=False,
    ),
]
PassphraseFileOption = Annotated[
    Path | None,
    typer.Option(
        "--passphrase-file",
        help="Lees het wachtwoord uit de eerste regel van dit bestand. / Read the passphrase "
        "from this file's first line.",
        show_default=False,
    ),
]
RecoveryKeyFileOption = Annotated[
    Path | None,
    typer.Option(
        "--recovery-key-file",
        help="Open met de herstelsleutel uit dit bestand (of DRIELUIK_RECOVERY_KEY) in plaats "
        "van het wachtwoord. / Open with the recovery key from this file instead.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Uitvoer als JSON. / Output as JSON.")]


def resolve_vault_path(option: Path | None) -> Path:
    if option is not None:
        return option.expanduser()
    env = os.environ.get("DRIELUIK_VAULT")
    if env:
        return Path(env).expanduser()
    return default_vault_path()


def read_passphrase_file(path: Path) -> str:
    try:
        with open(path, encoding="utf-8-sig") as file:
            line = file.readline()
    except (OSError, UnicodeDecodeError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) else "UTF-8"
        raise InvalidInput("passphrase.file_unreadable", path=path, detail=detail) from None
    passphrase = line.rstrip("\r\n")
    if not passphrase:
        raise InvalidInput("passphrase.empty")
    return passphrase


def get_passphrase(
    passphrase_file: Path | None,
    *,
    env: str = "DRIELUIK_PASSPHRASE",
    prompt_key: str = "passphrase.prompt",
    confirm: bool = False,
) -> str:
    """File, else environment, else a hidden prompt on a terminal (as restic and borg)."""
    if passphrase_file is not None:
        return read_passphrase_file(passphrase_file)
    from_env = os.environ.get(env)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise InvalidInput("passphrase.none")
    passphrase = typer.prompt(t(prompt_key), hide_input=True, err=True)
    if not passphrase:
        raise InvalidInput("passphrase.empty")
    if confirm:
        again = typer.prompt(t("passphrase.prompt_repeat"), hide_input=True, err=True)
        if again != passphrase:
            raise InvalidInput("passphrase.mismatch")
    return passphrase


def get_recovery_key(recovery_key_file: Path | None) -> str | None:
    """The recovery key from the file or DRIELUIK_RECOVERY_KEY, checked before any KDF runs."""
    from drieluik.store import recovery

    if recovery_key_file is not None:
        try:
            with open(recovery_key_file, encoding="utf-8-sig") as file:
                lines = file.read(4096).splitlines()
            text = next((line for line in lines if line.strip()), "")
        except (OSError, UnicodeDecodeError) as exc:
            detail = exc.strerror if isinstance(exc, OSError) else "UTF-8"
            raise InvalidInput(
                "recovery.file_unreadable", path=recovery_key_file, detail=detail
            ) from None
        return recovery.parse(text)
    from_env = os.environ.get("DRIELUIK_RECOVERY_KEY")
    return recovery.parse(from_env) if from_env else None


@contextmanager
def opened_vault(
    vault: Path | None, passphrase_file: Path | None, recovery_key_file: Path | None = None
) -> Iterator[Any]:
    """Open the vault for one command; the lock is released however the command ends.

    A passphrase file wins, then a recovery-key file, then DRIELUIK_PASSPHRASE,
    then DRIELUIK_RECOVERY_KEY, then a prompt. The unlock is audited
    (`services.unlock`) and an older copy of the vault is warned about.
    """
    from drieluik.services import rollback
    from drieluik.services.unlock import unlock

    path = resolve_vault_path(vault)
    if not path.exists():
        raise InvalidInput("vault.not_found", path=path)
    if passphrase_file is not None and recovery_key_file is not None:
        raise InvalidInput("recovery.both")
    recovery_key = None
    if passphrase_file is None and (
        recovery_key_file is not None or not os.environ.get("DRIELUIK_PASSPHRASE")
    ):
        recovery_key = get_recovery_key(recovery_key_file)
    passphrase = None if recovery_key else get_passphrase(passphrase_file)
    opened = unlock(path, passphrase, recovery_key=recovery_key)
    try:
        warning = rollback.check_rollback(path)
        if warning:
            info(warning)
        yield opened
    finally:
        rollback.remember(opened)
        opened.close()


def print_json(data: object) -> None:
    """Stable JSON for scripts: UTF-8, keys in the order given, dates as ISO strings."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def info(message: str) -> None:
    """A status line for people; goes to stderr so stdout stays clean for --json."""
    err_console.print(message)
