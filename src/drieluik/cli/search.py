"""`drieluik search`: find earlier cases by a word, a phrase or a case code.

Any text is a valid query (quotes, AND/OR/NOT, brackets, `*` are plain words).
The table shows code, field and a snippet with the matched words between « »;
`--json` gives rows `{"code", "score", "field", "snippet"}`, best first.
"""

from __future__ import annotations

from typing import Annotated

import typer

from drieluik.cli.common import (
    FormFilterOption,
    JsonOption,
    MunicipalityFilterOption,
    PassphraseFileOption,
    RecoveryKeyFileOption,
    StatusFilterOption,
    VaultOption,
    YearFilterOption,
    console,
    opened_vault,
    print_json,
)
from drieluik.i18n import t


def search_command(
    query: Annotated[
        str,
        typer.Argument(
            help="Woorden, een zinsdeel of een casuscode; het laatste woord mag half zijn. "
            "/ Words, a phrase or a case code; the last word may be partial.",
            metavar="QUERY",
            show_default=False,
        ),
    ],
    limit: Annotated[
        int,
        typer.Option("--limit", min=1, max=500, help="Hoogstens N treffers. / At most N hits."),
    ] = 20,
    year: YearFilterOption = None,
    vorm: FormFilterOption = None,
    gemeente: MunicipalityFilterOption = None,
    status: StatusFilterOption = None,
    as_json: JsonOption = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Zoek in codes, omschrijvingen, notities, besluiten en acties. / Search the register."""
    from drieluik.cli.cases import case_filter, fitted_table, with_municipality
    from drieluik.services.search import search

    # Bad filter values are refused before the passphrase is asked for, as in `cases`.
    filters = case_filter(year, status, vorm, gemeente)
    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        filters = with_municipality(opened, filters)
        hits = search(
            opened,
            query,
            limit=limit,
            year=filters.year,
            form=filters.form,
            municipality=filters.municipality,
            status=filters.status,
        )
    if as_json:
        print_json([hit.as_json() for hit in hits])
        return
    if not hits:
        console.print(t("search.no_hits"))
        return
    table = fitted_table(
        [t("search.col.code"), t("search.col.field"), t("search.col.snippet")],
        [[hit.code, t(f"search.field.{hit.field}"), hit.snippet] for hit in hits],
        flexible=2,
    )
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("search")(search_command)
