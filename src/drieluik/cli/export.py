"""`drieluik export minutes`: the anonymised minutes of a meeting as Markdown, Word or PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from drieluik.cli.common import (
    PassphraseFileOption,
    RecoveryKeyFileOption,
    VaultOption,
    console,
    err_console,
    info,
)
from drieluik.errors import InvalidInput
from drieluik.i18n import t

export_app = typer.Typer(
    name="export",
    help="Exporteer gegevens die de kluis verlaten. / Export data that leaves the vault.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@export_app.command("minutes")
def minutes(
    meeting: Annotated[
        str,
        typer.Argument(
            help="Het overleg: datum (2024-03-14 of 14-03-2024) of nummer. / The meeting: "
            "date or id.",
            metavar="MEETING",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Het bestand dat geschreven wordt. / The file to write.",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="md, docx of pdf (anders naar de extensie van --out). / md, docx or pdf "
            "(default: from the --out extension).",
            show_default=False,
        ),
    ] = None,
    redact: Annotated[
        bool,
        typer.Option(
            "--redact",
            help="Vervang gevonden persoonsgegevens door [NAAM], [TELEFOON], … en schrijf. / "
            "Replace found personal data by placeholders and write.",
        ),
    ] = False,
    per_partner: Annotated[
        str | None,
        typer.Option(
            "--per-partner",
            help="Alleen de agendapunten en acties die deze organisatie aangaan. / Only the "
            "items and actions that concern this organisation.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Overschrijf een bestaand bestand. / Overwrite an existing file."
        ),
    ] = False,
    times: Annotated[
        bool,
        typer.Option(
            "--times",
            help="Toon per agendapunt de geplande en bestede tijd. / Show planned and spent "
            "time per agenda item.",
        ),
    ] = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Schrijf het geanonimiseerde verslag van een overleg. / Write a meeting's anonymised minutes.

    Eerst wordt de hele tekst op persoonsgegevens gecontroleerd; bij een vondst wordt
    niets geschreven (exitcode 5). / The whole text is checked for personal data first;
    on a finding nothing is written (exit code 5).

    Een afgerond overleg geeft het verslag zoals het bij afronden was vastgelegd; een
    overleg dat niet is afgerond geeft een CONCEPT. / A closed meeting gives the minutes
    as frozen when it was closed; a meeting not closed gives a DRAFT.
    """
    from drieluik.cli.common import opened_vault
    from drieluik.services.minutes.export import MinutesBlocked, MinutesFormat, export_minutes

    if out.is_dir():  # else "unknown format ''" from a folder's missing extension
        raise InvalidInput("path.is_directory", path=out)
    named = MinutesFormat.from_path(out)
    if fmt:
        chosen = MinutesFormat.parse(fmt)
        if named is not chosen:
            # verslag.pdf holding a Word file would not open where it is sent.
            raise InvalidInput("minutes.format_mismatch", format=chosen.value, name=out.name)
    elif named is None:
        raise InvalidInput("minutes.format_from_name", name=out.name)
    else:
        chosen = named
    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        try:
            result = export_minutes(
                opened,
                meeting,
                chosen,
                out,
                redact=redact,
                per_partner=per_partner,
                force=force,
                times=times,
            )
        except MinutesBlocked as blocked:
            # The listing shows where and what kind, with a masked excerpt only.
            for finding in blocked.findings:
                err_console.print(f"  {finding.describe()}")
            raise
    if result.redacted:
        info(t("minutes.redacted", count=result.redacted))
    console.print(
        t("minutes.written", path=result.path, items=result.items, actions=result.actions)
    )


def register(app: typer.Typer) -> None:
    app.add_typer(export_app)
