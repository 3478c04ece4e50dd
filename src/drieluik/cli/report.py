"""`drieluik report --year Y`: the annual figures as tables, JSON, CSV, or as the
annual report's figures page in Markdown, Word or PDF (`services.report_page`).

The counting rules are options, their defaults those of the annual report
2023: `--exclude-riec/--include-riec` (cases registered at the RIEC) and
`--exclude-monitoring/--include-monitoring` (cases from earlier years in
long-term monitoring); every format counts by them and the page states them.
docx and pdf are files: they need `--out`.

table and md show the change against the previous year ("67 (+12 t.o.v. 2022)");
json is the stable shape of `AnnualReport.as_json()`; csv is long-format with
both years for a spreadsheet, made for Dutch Excel: `;` between the fields
(Excel's list separator in the Dutch locale, which a double-clicked .csv is
split on) and, in an --out file, a UTF-8 BOM (without it Excel reads the file
as Windows-1252); `--delimiter ,` or `tab` for other spreadsheets and scripts.
The CSV's header and section titles follow the language (categories are the
stored codes; scripts read json). `--out FILE` writes
atomically and refuses to replace a file unless `--force`.

Reporter names are user text: every format shows their control characters
visibly (`domain.text.visible`), JSON as escapes that decode to the names as
stored; screen and file get the same text (a CSV file adds the BOM).
"""

from __future__ import annotations

import io
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from drieluik.cli.common import (
    PassphraseFileOption,
    RecoveryKeyFileOption,
    VaultOption,
    console,
    info,
    is_utf8,
    json_text,
    opened_vault,
)
from drieluik.domain.text import visible
from drieluik.i18n import t

if TYPE_CHECKING:  # Rich is imported where it prints: `--help` needs none of it
    from rich.console import Console


class ReportFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MD = "md"
    DOCX = "docx"
    PDF = "pdf"


# The formats that are the figures page (one model, services.report_page).
PAGE_FORMATS = frozenset({ReportFormat.MD, ReportFormat.DOCX, ReportFormat.PDF})


class CsvDelimiter(StrEnum):
    SEMICOLON = ";"
    COMMA = ","
    TAB = "tab"

    @property
    def char(self) -> str:
        return "\t" if self is CsvDelimiter.TAB else self.value


# Excel recognises a UTF-8 CSV by this byte-order mark only.
UTF8_BOM = "\ufeff"


def report_command(
    year: Annotated[
        int,
        typer.Option("--year", help="Het kalenderjaar. / The calendar year.", show_default=False),
    ],
    fmt: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            help="table, json, csv, md, docx of pdf (docx en pdf met --out). / "
            "table, json, csv, md, docx or pdf (docx and pdf with --out).",
            case_sensitive=False,
        ),
    ] = ReportFormat.TABLE,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Schrijf naar dit bestand in plaats van het scherm. / Write to this file.",
            show_default=False,
        ),
    ] = None,
    delimiter: Annotated[
        CsvDelimiter | None,
        typer.Option(
            "--delimiter",
            help="Scheidingsteken van csv: ; (standaard, voor Nederlandse Excel), , of tab. / "
            "CSV separator: ; (default, for Dutch Excel), , or tab.",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Overschrijf een bestaand bestand. / Overwrite an existing file."
        ),
    ] = False,
    exclude_riec: Annotated[
        bool,
        typer.Option(
            "--exclude-riec/--include-riec",
            help="Laat bij het RIEC aangemelde casussen weg (standaard, zoals het jaarverslag "
            "2023) of tel ze mee. / Leave out cases registered at the RIEC (the default, as "
            "the annual report 2023) or count them.",
        ),
    ] = True,
    exclude_monitoring: Annotated[
        bool,
        typer.Option(
            "--exclude-monitoring/--include-monitoring",
            help="Laat casussen uit eerdere jaren in langdurige monitoring weg (standaard) of "
            "tel ze mee. / Leave out cases from earlier years in long-term monitoring (the "
            "default) or count them.",
        ),
    ] = True,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """De jaarcijfers: signalen per vorm, gemeente, melder en maand. / The annual figures."""
    from drieluik.services import report
    from drieluik.services.export_file import refuse_existing

    if delimiter is not None and fmt is not ReportFormat.CSV:
        raise typer.BadParameter(t("report.delimiter_csv_only"), param_hint="--delimiter")
    if fmt in (ReportFormat.DOCX, ReportFormat.PDF) and out is None:
        raise typer.BadParameter(t("page.needs_out", fmt=fmt.value), param_hint="--out")
    separator = (delimiter or CsvDelimiter.SEMICOLON).char
    report.check_year(year)
    rules = report.CountingRules(exclude_riec=exclude_riec, exclude_monitoring=exclude_monitoring)
    if out is not None:
        out = out.expanduser()
        refuse_existing(out, force)  # before the passphrase and the work
    if fmt in PAGE_FORMATS:
        from drieluik.services import report_page

        with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
            page = report_page.load_page(opened, year, rules)
            if out is not None:
                report.save_report(opened, out, render_page(fmt, page), force=force)
        if page.unknown_values:
            info(t("report.unknown_values", n=page.unknown_values))
        if out is not None:
            info(t("report.written", path=out))
        else:
            sys.stdout.write(render_page(fmt, page).decode())
        return
    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        current = report.annual_report(opened, year, rules)
        previous = (
            report.annual_report(opened, year - 1, rules) if fmt is not ReportFormat.JSON else None
        )
        if out is not None:
            text = render(fmt, current, previous, delimiter=separator)
            if fmt is ReportFormat.CSV:
                text = UTF8_BOM + text
            report.save_report(opened, out, text.encode(), force=force)
    if current.unknown_values:
        info(t("report.unknown_values", n=current.unknown_values))
    if out is not None:
        info(t("report.written", path=out))
    elif fmt is ReportFormat.TABLE:
        print_tables(console, current, previous)
    else:
        ascii_json = not is_utf8(sys.stdout)  # as print_json: exact on any console
        sys.stdout.write(render(fmt, current, previous, delimiter=separator, ascii_json=ascii_json))


def render_page(fmt: ReportFormat, page) -> bytes:
    """The figures page in `fmt` (md, docx or pdf); Markdown with control characters
    made visible, as every text format of `report`."""
    if fmt is ReportFormat.MD:
        from drieluik.services.report_page.render_md import render_md

        return visible(render_md(page)).encode()
    if fmt is ReportFormat.DOCX:
        from drieluik.services.report_page.render_docx import render_docx

        return render_docx(page)
    from drieluik.services.report_page.render_pdf import render_pdf

    return render_pdf(page)


def render(
    fmt: ReportFormat, current, previous, *, delimiter: str = ";", ascii_json: bool = False
) -> str:
    """The report as text in `fmt` (the table format as plain text, for a file).

    Safe to show on a terminal: no raw control character or bidi override from
    a reporter's name survives (TAB and LF, which only the format itself
    writes, are kept).
    """
    from rich.console import Console

    from drieluik.services import report

    if fmt is ReportFormat.JSON:
        return json_text(current.as_json(), ascii_only=ascii_json)
    if fmt is ReportFormat.CSV:
        return visible(report.to_csv(current, previous, delimiter=delimiter))
    buffer = io.StringIO()
    plain = Console(
        file=buffer, width=100, markup=False, emoji=False, highlight=False, color_system=None
    )
    print_tables(plain, current, previous)
    return buffer.getvalue()


def print_tables(target: Console, current, previous) -> None:
    """Rich tables: a heading with the totals, then one table per section."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from drieluik.services import report

    prev = report.comparable(previous)
    prev_year = current.year - 1
    target.print(Text(t("report.title", year=current.year), style="bold"))
    target.print(
        f"{t('report.total')}: "
        + report.with_change(current.total, prev.total if prev else None, prev_year)
    )
    target.print(
        f"{t('report.in_monitoring')}: "
        + report.with_change(
            current.in_monitoring_at_year_end,
            prev.in_monitoring_at_year_end if prev else None,
            prev_year,
        )
    )
    for section in report.sections(current, prev):
        table = Table(
            title=section.title,
            title_justify="left",
            title_style="bold",
            box=box.SIMPLE_HEAD,
            header_style="bold",
            pad_edge=False,
        )
        table.add_column(section.column)
        table.add_column(str(current.year), justify="right")
        if prev:
            table.add_column(str(prev_year), justify="right")
            table.add_column(t("report.column.change"), justify="right")
        for _, label, mine, theirs in section.rows:
            # visible() before layout, so the column is as wide as what is shown.
            cells = [Text(visible(label)), Text(str(mine))]
            if prev:
                cells += [Text(str(theirs or 0)), Text(report.change_text(mine, theirs or 0))]
            table.add_row(*cells)
        target.print()
        target.print(table)
    target.print(Text(t("report.definitions"), style="dim"))


def register(app: typer.Typer) -> None:
    app.command("report")(report_command)
