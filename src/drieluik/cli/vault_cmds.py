"""Vault commands: init, check, passwd, backup."""

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
    resolve_vault_path,
)
from drieluik.cli.region import RegionOption, checked_region
from drieluik.cli.trust import AllowWeakOption, check_strength, print_recovery_key
from drieluik.errors import ExitCode, InvalidInput, VaultDamaged
from drieluik.i18n import t


def create_vault(path: Path, passphrase: str, *, quiet: bool = False):
    """Calibrate the KDF for this machine and create the vault (used by init and demo)."""
    from drieluik.settings import load_settings
    from drieluik.store.kdf import calibrate
    from drieluik.store.vault import Vault

    if path.exists():
        raise InvalidInput("vault.exists", path=path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not quiet:
        info(t("init.calibrating"))
    params, seconds = calibrate(load_settings().kdf_target_ms / 1000)
    vault = Vault.create(path, passphrase, params)
    if not quiet:
        info(
            t(
                "init.kdf",
                memory=params.memory_kib // 1024,
                iterations=params.iterations,
                lanes=params.lanes,
                ms=round(seconds * 1000),
            )
        )
    return vault


def init(
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    with_recovery_key: Annotated[
        bool,
        typer.Option(
            "--recovery-key",
            help="Maak ook een herstelsleutel en toon die één keer. / Also create a recovery key.",
        ),
    ] = False,
    allow_weak: AllowWeakOption = False,
    region: RegionOption = None,
) -> None:
    """Maak een nieuwe, lege kluis. / Create a new, empty vault.

    --region kiest de gemeenten, melders en partners van de regio (standaard drenthe;
    aan te passen met `drieluik region`). / --region chooses the region's
    municipalities, reporters and partners (default drenthe; edit with `drieluik region`).
    """
    from drieluik.services import region as region_service
    from drieluik.services import rollback
    from drieluik.store import recovery

    profile = checked_region(region)  # a wrong name is refused before the passphrase
    path = resolve_vault_path(vault)
    if path.exists():
        raise InvalidInput("vault.exists", path=path)
    passphrase = get_passphrase(passphrase_file, prompt_key="passphrase.prompt_new", confirm=True)
    check_strength(passphrase, allow_weak=allow_weak)
    opened = create_vault(path, passphrase)
    try:
        region_service.choose(opened, profile.key)
        key = None
        if with_recovery_key:
            key = recovery.generate()
            opened.set_recovery_key(key)
        rollback.remember(opened)
    finally:
        opened.close()
    if key:
        # stdout holds the key alone, so `init --recovery-key > key.txt` works.
        info(t("init.created", path=path))
        info(t("init.region", region=profile.name, meeting=profile.meeting_name))
        print_recovery_key(key)
    else:
        console.print(t("init.created", path=path))
        info(t("init.region", region=profile.name, meeting=profile.meeting_name))


def check(
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
    as_json: JsonOption = False,
    accept_older: Annotated[
        bool,
        typer.Option(
            "--accept-older",
            help="Neem deze (oudere) kopie aan als de huidige. / Accept this older copy.",
        ),
    ] = False,
) -> None:
    """Controleer de kluis: echtheid, integriteit, versie, generatie. / Verify the vault."""
    from drieluik.services import integrity, rollback
    from drieluik.store.inspect import table_counts
    from drieluik.store.migrations import SCHEMA_VERSION
    from drieluik.store.vault import peek

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        details = peek(opened.path)
        counts = table_counts(opened)
        # Not part of every open (docs/security.md): AES-GCM already refused
        # any damaged byte; this asks SQLite about the database itself.
        problems = integrity.problems(opened)
        if accept_older:
            rollback.accept_older(opened)
            info(t("rollback.accepted", generation=opened.header.generation))
        older = rollback.check_rollback(opened.path)
    report = {
        "path": str(details.path),
        "format_version": details.format_version,
        "schema_version": SCHEMA_VERSION,
        "generation": details.generation,
        "saved_at": details.saved_at.isoformat(sep=" "),
        "size": details.size,
        "kdf": details.kdf,
        "key_slots": list(details.slots),
        "key_slot_names": list(details.slot_names),
        "counts": counts,
        "vault_id": details.vault_id,
        "older_copy": older is not None,
        "integrity": problems or "ok",
    }
    if problems:
        if as_json:
            print_json({"ok": False, **report})
            raise typer.Exit(int(ExitCode.DAMAGED))
        raise VaultDamaged(
            "check.integrity_failed", path=details.path, problems="; ".join(problems[:3])
        )
    if as_json:
        print_json({"ok": True, **report})
        return
    console.print(t("check.ok"))
    rows = [
        ("check.path", report["path"]),
        ("check.format", report["format_version"]),
        ("check.schema", report["schema_version"]),
        ("check.generation", report["generation"]),
        ("check.saved_at", report["saved_at"]),
        ("check.size", f"{details.size:,} bytes".replace(",", ".")),
        ("check.kdf", report["kdf"]),
        ("check.slots", _slots_line(details)),
        ("check.recovery_key", t("check.yes") if "recovery" in details.slots else t("check.no")),
        ("check.counts", ", ".join(f"{t(f'check.table.{k}')} {v}" for k, v in counts.items())),
        ("check.rollback", t("check.yes") if older else t("check.no")),
        ("check.integrity", t("check.integrity_ok")),
    ]
    width = max(len(t(key)) for key, _ in rows)
    for key, value in rows:
        console.print(f"  {t(key):<{width}}  {value}")


def _slots_line(details) -> str:
    """`wachtwoord (standaard, zorgcoordinator), herstelsleutel`."""
    shown = [f"{t('check.slot.passphrase')} ({', '.join(details.slot_names)})"]
    if "recovery" in details.slots:
        shown.append(t("check.slot.recovery"))
    return ", ".join(shown)


def passwd(
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
    new_passphrase_file: Annotated[
        Path | None,
        typer.Option(
            "--new-passphrase-file",
            help="Lees het nieuwe wachtwoord uit dit bestand. / New passphrase from this file.",
            show_default=False,
        ),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            help="De sleutel die het nieuwe wachtwoord krijgt (anders die waarmee geopend "
            "is). / The key slot to change (else the one that opened the vault).",
            show_default=False,
        ),
    ] = None,
    allow_weak: AllowWeakOption = False,
) -> None:
    """Wijzig het wachtwoord (ook met de herstelsleutel). / Change the passphrase."""
    from drieluik.services import keys

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        if recovery_key_file is not None:
            info(t("passwd.via_recovery"))
        target = opened.slot_to_change(name).name  # refused before the new passphrase is asked
        new = get_passphrase(
            new_passphrase_file,
            env="DRIELUIK_NEW_PASSPHRASE",
            option="--new-passphrase-file",
            prompt_key="passphrase.prompt_new",
            confirm=True,
        )
        check_strength(new, allow_weak=allow_weak)
        changed = keys.change_passphrase(opened, new, name=target)
        several = len(opened.header.passphrase_slots) > 1
    console.print(t("key.passwd_done", name=changed) if several else t("passwd.done"))


def backup(
    dest: Annotated[
        Path,
        typer.Argument(
            help="Doelbestand, of een map (dan drieluik-JJJJ-MM-DD.vault). / Destination "
            "file, or a folder (then drieluik-YYYY-MM-DD.vault).",
        ),
    ],
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Schrijf een versleutelde kopie. / Write an encrypted copy."""
    from drieluik.services import audit

    dest = dest.expanduser()
    if dest.exists() and not dest.is_dir():
        raise InvalidInput("vault.exists", path=dest)
    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        if dest.is_dir():
            dest = _dated_copy_name(dest, opened.path)
        opened.write_copy(dest)
        # Logged after the copy is safely written: a refused backup changes nothing.
        audit.record_event(opened, "backup")
    console.print(t("backup.done", path=dest))


def _dated_copy_name(folder: Path, vault_path: Path) -> Path:
    """`drieluik-2026-11-25.vault` in `folder`, then `-2`, `-3`, … that day.

    A chair backs up to the same stick every week: each copy gets its own name
    and an older one is never overwritten.
    """
    from datetime import date

    stem = f"{vault_path.stem}-{date.today().isoformat()}"
    candidate = folder / f"{stem}{vault_path.suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{vault_path.suffix}"
        number += 1
    return candidate


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(check)
    app.command()(passwd)
    app.command()(backup)
