"""Region commands: show the vault's region profile, add or rename a municipality.

`--region` for `init` and `demo` is declared here too (`RegionOption`).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from drieluik.cli.common import (
    JsonOption,
    PassphraseFileOption,
    RecoveryKeyFileOption,
    VaultOption,
    console,
    opened_vault,
    print_json,
)
from drieluik.i18n import t

region_app = typer.Typer(
    name="region",
    help="De regio van de kluis: gemeenten, melders, partners. / "
    "The vault's region: municipalities, reporters, partners.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

RegionOption = Annotated[
    str | None,
    typer.Option(
        "--region",
        help="Regioprofiel: drenthe (standaard), groningen of ijsselland. / "
        "Region profile: drenthe (default), groningen or ijsselland.",
        show_default=False,
    ),
]

FromOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        help="Datum vanaf wanneer het geldt (standaard 1 januari van dit jaar). / "
        "Date from which it applies (default 1 January of this year).",
        show_default=False,
    ),
]

SinceOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        help="Datum vanaf wanneer ze geldt (standaard: alle jaren). / "
        "Date from which it applies (default: every year).",
        show_default=False,
    ),
]


def checked_region(key: str | None) -> Any:
    """The shipped profile for --region (checked before a passphrase is asked for)."""
    from drieluik.domain.regions import DEFAULT_REGION
    from drieluik.services import region

    return region.shipped_profile(key if key is not None else DEFAULT_REGION)


def _from_date(value: str | None) -> date:
    from drieluik.cli.cases import parse_option_date

    if value is None:
        return date(date.today().year, 1, 1)
    return parse_option_date("--from", value)


def _profile_json(profile: Any) -> dict[str, object]:
    return {
        "key": profile.key,
        "name": profile.name,
        "meeting_name": profile.meeting_name,
        "code_prefix": profile.code_prefix,
        "outside": profile.outside,
        "municipalities": [m.as_json() for m in profile.municipalities],
        "in_force": list(profile.names_on(date.today())),
        "reporters": list(profile.reporters),
        "partners": list(profile.partners),
    }


def _municipality_line(entry: Any) -> str:
    from drieluik.domain.dates import format_date

    if entry.until is not None:
        return t(
            "region.show.until",
            name=entry.name,
            date=format_date(entry.until),
            successor=entry.successor or "",
        )
    if entry.since is not None:
        return t("region.show.since", name=entry.name, date=format_date(entry.since))
    return entry.name


def show(
    as_json: JsonOption = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Toon het regioprofiel van de kluis. / Show the vault's region profile."""
    from rich.text import Text

    from drieluik.services import region

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        profile = region.get(opened)
    if as_json:
        print_json(_profile_json(profile))
        return
    console.print(Text(t("region.show.title", name=profile.name), style="bold"))
    console.print(Text(t("region.show.meeting", name=profile.meeting_name)))
    console.print(Text(t("region.show.prefix", prefix=profile.code_prefix)))
    console.print(Text(t("region.show.municipalities", count=len(profile.names_on(date.today())))))
    for entry in profile.municipalities:
        console.print(Text(f"  {_municipality_line(entry)}"))
    console.print(Text(t("region.show.reporters")))
    for name in profile.reporters:
        console.print(Text(f"  {name}"))
    console.print(Text(t("region.show.partners")))
    for name in profile.partners:
        console.print(Text(f"  {name}"))


def add_municipality(
    name: Annotated[
        str,
        typer.Argument(help="De naam van de gemeente. / The municipality's name."),
    ],
    since: SinceOption = None,
    as_json: JsonOption = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Voeg een gemeente toe aan de regio. / Add a municipality to the region.

    Zonder --from geldt ze voor alle jaren. / Without --from it applies to every year.
    """
    from rich.text import Text

    from drieluik.cli.cases import parse_option_date
    from drieluik.services import region

    day = parse_option_date("--from", since) if since is not None else None
    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        profile = region.add_municipality(opened, name, day)
    added = profile.municipalities[-1]
    if as_json:
        print_json(_profile_json(profile))
    else:
        console.print(Text(t("region.added", name=added.name, region=profile.name)))


def rename_municipality(
    names: Annotated[
        list[str],
        typer.Argument(
            help="De oude naam (of namen, bij een fusie) en dan de nieuwe. / "
            "The old name (or names, for a merger), then the new one.",
        ),
    ],
    since: FromOption = None,
    as_json: JsonOption = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Hernoem of voeg gemeenten samen vanaf een datum. / Rename or merge municipalities.

    Eerdere jaren houden de oude naam; het jaar van --from en later tellen onder de
    nieuwe. / Earlier years keep the old name; the year of --from and later count
    under the new one.
    """
    from rich.text import Text

    from drieluik.domain.dates import format_date
    from drieluik.errors import InvalidInput
    from drieluik.services import region

    if len(names) < 2:
        raise InvalidInput("region.rename_needs_two")
    day = _from_date(since)
    *old, new = names
    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        profile = region.rename_municipality(opened, old, new, day)
    if as_json:
        print_json(_profile_json(profile))
        return
    console.print(
        Text(
            t(
                "region.renamed",
                old=", ".join(old),
                new=new,
                date=format_date(day),
                year=day.year,
                region=profile.name,
            )
        )
    )


def meeting_name(
    name: Annotated[
        str,
        typer.Argument(
            help="Zoals de regio het overleg noemt, b.v. 'het Drieluik'. / "
            "What the region calls the meeting, e.g. 'het Drieluik'."
        ),
    ],
    as_json: JsonOption = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Geef het overleg zijn naam (verslag, schermen). / Name the meeting (minutes, screens)."""
    from rich.text import Text

    from drieluik.services import region

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        profile = region.set_meeting_name(opened, name)
    if as_json:
        print_json(_profile_json(profile))
    else:
        console.print(Text(t("region.meeting_named", name=profile.meeting_name)))


def register(app: typer.Typer) -> None:
    region_app.command("show")(show)
    region_app.command("add-municipality")(add_municipality)
    region_app.command("rename-municipality")(rename_municipality)
    region_app.command("meeting-name")(meeting_name)
    app.add_typer(region_app, name="region")
