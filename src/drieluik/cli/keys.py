"""Key commands: `key add`, `key list`, `key remove` — the named passphrase slots."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from drieluik.cli.common import (
    JsonOption,
    PassphraseFileOption,
    RecoveryKeyFileOption,
    VaultOption,
    console,
    get_passphrase,
    info,
    opened_vault,
    print_json,
)
from drieluik.cli.trust import AllowWeakOption, YesOption, check_strength, confirmed
from drieluik.i18n import t

key_app = typer.Typer(
    name="key",
    help="Sleutelhouders: wachtwoorden met een naam die dezelfde kluis openen. / Key "
    "holders: named passphrases that open the same vault.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

NameOption = Annotated[
    str,
    typer.Option(
        "--name",
        help="Naam van de sleutel, b.v. zorgcoordinator. / The key slot's name.",
        show_default=False,
    ),
]
NewPassphraseFileOption = Annotated[
    Path | None,
    typer.Option(
        "--new-passphrase-file",
        help="Lees het wachtwoord van de nieuwe sleutel uit dit bestand. / The new key's "
        "passphrase from this file.",
        show_default=False,
    ),
]


@key_app.command("add")
def add(
    name: NameOption,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
    new_passphrase_file: NewPassphraseFileOption = None,
    own_kdf: Annotated[
        bool,
        typer.Option(
            "--own-kdf",
            help="Eigen zout en voor deze computer gekalibreerde Argon2id-instellingen; een "
            "verkeerd wachtwoord kost dan één afleiding meer. / Own salt and Argon2id "
            "parameters calibrated here.",
        ),
    ] = False,
    allow_weak: AllowWeakOption = False,
) -> None:
    """Voeg een sleutel toe voor een tweede sleutelhouder. / Add a key for another holder."""
    from drieluik.services import keys

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        opened.check_new_slot_name(name)  # refused before the new passphrase is asked
        new = get_passphrase(
            new_passphrase_file,
            env="DRIELUIK_NEW_PASSPHRASE",
            option="--new-passphrase-file",
            prompt_key="passphrase.prompt_new",
            confirm=True,
        )
        check_strength(new, allow_weak=allow_weak)
        params = None
        if own_kdf:
            from drieluik.settings import load_settings
            from drieluik.store.kdf import calibrate

            info(t("init.calibrating"))
            params, _ = calibrate(load_settings().kdf_target_ms / 1000)
        added = keys.add_key(opened, name, new, params)
        count = len(opened.header.passphrase_slots)
    console.print(t("key.added", name=added, count=count))


@key_app.command("list")
def list_(
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
    as_json: JsonOption = False,
) -> None:
    """Toon de sleutels: naam, aangemaakt, KDF-instellingen. / List the key slots."""
    from drieluik.domain.dates import format_moment
    from drieluik.services import keys

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        slots = keys.list_keys(opened)
    if as_json:
        print_json(
            [
                {
                    "name": s.name,
                    "kind": s.kind,
                    "created_at": s.created_at.isoformat(sep=" ") if s.created_at else None,
                    "kdf": {
                        "algorithm": "argon2id",
                        "memory_kib": s.kdf.memory_kib,
                        "iterations": s.kdf.iterations,
                        "lanes": s.kdf.lanes,
                    },
                    "shares_kdf": s.shares_kdf,
                    "opened_this_session": s.opened_this_session,
                }
                for s in slots
            ]
        )
        return
    rows = [
        (
            s.name,
            t("check.slot.recovery") if s.kind == "recovery" else t("check.slot.passphrase"),
            format_moment(s.created_at) if s.created_at else t("key.created_unknown"),
            s.kdf.describe() + (" " + t("key.shared") if s.shares_kdf else ""),
            t("key.this_session") if s.opened_this_session else "",
        )
        for s in slots
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)]
        console.print(("  ".join(cells) + "  " + row[4]).rstrip())


@key_app.command("remove")
def remove(
    name: NameOption,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
    yes: YesOption = False,
) -> None:
    """Verwijder een sleutel (nooit de laatste). / Remove a key slot (never the last)."""
    from drieluik.services import keys

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        slot = opened.key_slot_to_remove(name)  # refused before any question is asked
        if not confirmed("key.remove_confirm", "key.remove_needed", yes=yes, name=slot.name):
            console.print(t("key.remove_cancelled"))
            return
        removed = keys.remove_key(opened, slot.name)
    console.print(t("key.removed", name=removed))
    info(t("key.removed_backups"))


def register(app: typer.Typer) -> None:
    app.add_typer(key_app)
