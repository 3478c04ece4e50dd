"""The case register on the command line: `cases`, `case show`, `case add`, `import`.

Human output is a Rich table that fits 80 columns with user text shown
literally; `--json` gives the stable shapes documented in docs/cli-json.md.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from drieluik.cli.common import (
    FormFilterOption,
    JsonOption,
    MunicipalityFilterOption,
    PassphraseFileOption,
    RecoveryKeyFileOption,
    StatusFilterOption,
    VaultOption,
    YearFilterOption,
    ask,
    console,
    err_console,
    info,
    opened_vault,
    print_json,
    resolve_vault_path,
    sql_limit,
)
from drieluik.domain.dates import format_date
from drieluik.domain.text import visible
from drieluik.errors import InvalidInput
from drieluik.i18n import t

case_app = typer.Typer(
    name="case",
    help="Eén casus: tonen of toevoegen. / One case: show or add.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

# Without --limit the table stops here (a register can hold 100,000 cases);
# --json lists everything unless --limit says otherwise.
DEFAULT_TABLE_LIMIT = 100
PROGRESS_FROM_ROWS = 1000


# --- shared output helpers (also used by cli/meetings.py) -----------------------------


def fitted_table(headers: list[str], rows: list[list[object]], *, flexible: int) -> Table:
    """A borderless table that fits the console (80 columns when not a terminal).

    Every column keeps its full width except `flexible` (a free-text column
    such as the reporter), which is cut short with an ellipsis. Cells are
    `Text`, so user text is shown literally, never read as markup.
    """
    texts = [cells(*row) for row in rows]
    widths = [
        max([len(header)] + [t_.cell_len for t_ in (row[i] for row in texts)])
        for i, header in enumerate(headers)
    ]
    gaps = 3 * (len(headers) - 1)  # a divider and padding (0, 1) between columns
    room = console.width - gaps - sum(w for i, w in enumerate(widths) if i != flexible)
    table = Table(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        header_style="bold",
        collapse_padding=False,
    )
    for index, header in enumerate(headers):
        if index == flexible:
            table.add_column(
                header, no_wrap=True, overflow="ellipsis", max_width=max(8, room), min_width=1
            )
        else:
            table.add_column(header, no_wrap=True, min_width=widths[index])
    for row in texts:
        table.add_row(*row)
    return table


def cells(*values: object) -> list[Text]:
    # visible() here, not only in the console, so widths are measured as shown.
    return [Text(visible("" if v is None else str(v))) for v in values]


def parse_option_date(option: str, value: str) -> date:
    from drieluik.domain.dates import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise InvalidInput(
            "cli.option_invalid", option=option, problem=t("field.date_invalid", value=value)
        )
    return parsed


def _parsed(option: str, value: str | None, parse: Callable[[str], Any], key: str) -> Any:
    if value is None:
        return None
    parsed = parse(value)
    if parsed is None:
        raise InvalidInput("cli.option_invalid", option=option, problem=t(key, value=value))
    return parsed


def case_filter(
    year: int | None, status: str | None, vorm: str | None, gemeente: str | None
) -> Any:
    """The --year/--status/--form/--municipality options of `cases` and `search`, checked
    before the passphrase is asked for; a bad value names the option and what it accepts."""
    from drieluik.domain.dates import check_year
    from drieluik.domain.vocabulary import parse_form, parse_municipality, parse_status
    from drieluik.services.types import CaseFilter

    return CaseFilter(
        year=check_year(year) if year is not None else None,
        status=_parsed("--status", status, parse_status, "field.status_invalid"),
        form=_parsed("--form", vorm, parse_form, "field.form_invalid"),
        municipality=_parsed(
            "--municipality", gemeente, parse_municipality, "field.municipality_invalid"
        ),
    )


# --- drieluik cases ----------------------------------------------------------------------


def list_cases_command(
    year: YearFilterOption = None,
    status: StatusFilterOption = None,
    vorm: FormFilterOption = None,
    gemeente: MunicipalityFilterOption = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            min=0,
            help=f"Hoogstens N casussen (tabel: standaard {DEFAULT_TABLE_LIMIT}; 0 = alle). "
            "/ At most N cases.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Toon de casussen, nieuwste signaal eerst. / List cases, newest signal first."""
    from drieluik.services import cases

    filters = case_filter(year, status, vorm, gemeente)
    if limit is None:
        limit = 0 if as_json else DEFAULT_TABLE_LIMIT
    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        found = cases.list_cases(opened, filters, limit=sql_limit(limit))
        total = cases.count_cases(opened, filters) if not as_json else len(found)
    if as_json:
        print_json([c.as_json() for c in found])
        return
    if not found:
        console.print(t("cli.cases.none"))
        return
    table = fitted_table(
        [
            t("cli.col.code"),
            t("cli.col.date"),
            t("cli.col.municipality"),
            t("cli.col.form"),
            t("cli.col.reporter"),
            t("cli.col.status"),
        ],
        [
            [
                case.code,
                format_date(case.signal_date),
                case.municipality.label,
                case.form.value,
                case.reporter,
                case.status.label,
            ]
            for case in found
        ],
        flexible=4,
    )
    console.print(table)
    if len(found) < total:
        console.print(t("cli.cases.shown_of", shown=len(found), total=total))
    else:
        console.print(t("cli.cases.count", count=total))


# --- drieluik case show -------------------------------------------------------------------


def show(
    code: Annotated[str, typer.Argument(help="Casuscode, b.v. DL-2024-001. / Case code.")],
    as_json: JsonOption = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Toon een casus met zijn geschiedenis. / Show a case and its history."""
    from drieluik.domain.dates import format_date_time, local
    from drieluik.services import cases, history

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        case = cases.get_case(opened, code)
        entries = history.case_history(opened, case.id)
    if as_json:
        print_json(
            {
                **case.as_json(),
                "history": [
                    {
                        "at": local(e.at).isoformat(),
                        "kind": e.kind.value,
                        "detail": e.detail,
                        "params": dict(e.params),
                        "meeting_date": e.meeting_date.isoformat() if e.meeting_date else None,
                    }
                    for e in entries
                ],
            }
        )
        return
    status = case.status.label
    if case.review_date and case.status.value == "monitoring":
        status += " " + t("cli.case.review_until", date=format_date(case.review_date))
    fields = [
        (t("cli.col.date"), format_date(case.signal_date)),
        (t("cli.col.municipality"), case.municipality.label),
        (t("cli.col.form"), case.form.label),
        (t("cli.col.reporter"), case.reporter),
        (t("cli.case.groups"), ", ".join(g.label for g in case.vulnerable_groups) or "—"),
        (
            t("cli.case.organised_crime"),
            t("cli.cases.yes") if case.organised_crime else t("cli.cases.no"),
        ),
        (t("cli.col.status"), status),
    ]
    if case.closed_date:
        fields.append((t("cli.case.closed"), format_date(case.closed_date)))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in fields:
        grid.add_row(*cells(label, value))
    console.print(Text(case.code, style="bold"))
    console.print(grid)
    console.print(Text(t("cli.case.summary"), style="bold"))
    console.print(Text(case.summary or "—"), soft_wrap=False)
    console.print()
    console.print(Text(t("cli.case.history"), style="bold"))
    timeline = Table.grid(padding=(0, 2))
    timeline.add_column(no_wrap=True)
    timeline.add_column(no_wrap=True)
    timeline.add_column(overflow="fold")
    for entry in entries:
        timeline.add_row(*cells(format_date_time(entry.at), entry.kind.label, entry.detail or ""))
    console.print(timeline)


# --- drieluik case add --------------------------------------------------------------------

Ask = Callable[[str, str, str | None], str]  # (field, prompt text, default) → answer


def _typer_ask(field: str, prompt: str, default: str | None) -> str:
    return ask(prompt, default=default or "", show_default=bool(default))


def collect_case_input(
    given: dict[str, str | None],
    *,
    today: date,
    ask: Ask | None = None,
    allow: list[str] | None = None,
) -> tuple[Any, list[Any]]:
    """Validate the given fields; with `ask` (a terminal), ask for what is missing or wrong.

    Returns (CaseInput, warnings). Without `ask`, raises one InvalidInput
    listing every problem.
    """
    from drieluik.services import cases

    raw = dict(given)
    if ask is not None:
        for name in cases.REQUIRED_FIELDS:
            if not (raw.get(name) or "").strip():
                default = today.isoformat() if name == "datum" else None
                raw[name] = ask(name, t(f"cli.add.prompt.{name}"), default)
        for name, default in (("kwetsbaar", ""), ("ondermijning", "nee")):
            if raw.get(name) is None:
                raw[name] = ask(name, t(f"cli.add.prompt.{name}"), default)
    while True:
        data, errors, warnings = cases.validate_case_fields(raw, today=today, allow=allow or ())
        if data is not None:
            return data, warnings
        if ask is None:
            problems = "; ".join(f"{p.field}: {p.message}" for p in errors)
            raise InvalidInput("case.invalid", problems=problems)
        for problem in errors:
            err_console.print(f"{problem.field}: {problem.message}")
            raw[problem.field] = ask(problem.field, t(f"cli.add.prompt.{problem.field}"), None)


def _field_option(name: str, alias: str | None, help_text: str) -> Any:
    # English names as for every other option; the Dutch field name stays
    # accepted for scripts, unshown (cli.help_language.HIDDEN_ALIASES).
    names = (f"--{name}", f"--{alias}") if alias else (f"--{name}",)
    return typer.Option(*names, help=help_text, show_default=False)


def add(
    datum: Annotated[
        str | None,
        _field_option(
            "date",
            "datum",
            "Signaaldatum (JJJJ-MM-DD of DD-MM-JJJJ). / Signal date (YYYY-MM-DD or DD-MM-YYYY).",
        ),
    ] = None,
    gemeente: Annotated[
        str | None, _field_option("municipality", "gemeente", "Gemeente. / Municipality.")
    ] = None,
    vorm: Annotated[
        str | None,
        _field_option(
            "form",
            "vorm",
            "Vorm van uitbuiting: seksueel, arbeid, crimineel, orgaan of onbekend. / Form of "
            "exploitation: seksueel, arbeid, crimineel, orgaan or onbekend.",
        ),
    ] = None,
    melder: Annotated[
        str | None,
        _field_option("reporter", "melder", "Melder (organisatie). / Reporter (the organisation)."),
    ] = None,
    omschrijving: Annotated[
        str | None,
        _field_option(
            "summary", "omschrijving", "Geanonimiseerde omschrijving. / Anonymised summary."
        ),
    ] = None,
    kwetsbaar: Annotated[
        str | None,
        _field_option(
            "vulnerable",
            "kwetsbaar",
            "Kwetsbare groepen, komma-gescheiden. / Vulnerable groups, comma-separated.",
        ),
    ] = None,
    ondermijning: Annotated[
        str | None,
        _field_option(
            "organised-crime",
            "ondermijning",
            "Ondermijnende component: ja of nee. / Organised-crime component: ja or nee.",
        ),
    ] = None,
    status: Annotated[
        str | None,
        _field_option("status", None, "Status (standaard nieuw). / Status (default nieuw)."),
    ] = None,
    as_json: JsonOption = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Voeg een casus toe (vraagt op een terminal wat ontbreekt). / Add a case."""
    from drieluik.services import cases
    from drieluik.services.allowlist import allow_terms

    given = {
        "datum": datum,
        "gemeente": gemeente,
        "vorm": vorm,
        "melder": melder,
        "omschrijving": omschrijving,
        "kwetsbaar": kwetsbaar,
        "ondermijning": ondermijning,
        "status": status,
    }
    interactive = sys.stdin.isatty() and not as_json
    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        data, warnings = collect_case_input(
            given,
            today=date.today(),
            ask=_typer_ask if interactive else None,
            allow=allow_terms(opened),
        )
        created = cases.create_case(opened, data)
    for warning in warnings:
        info(f"{t('cli.cases.warning')}: {warning.field}: {warning.message}")
    if as_json:
        print_json(created.as_json())
    else:
        console.print(t("cli.add.created", code=created.code))


# --- drieluik import ----------------------------------------------------------------------


@contextmanager
def _progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr for large files on a terminal; silent otherwise."""
    if not err_console.is_terminal:
        yield lambda done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress: Progress | None = None
    task = None

    def update(done: int, total: int) -> None:
        nonlocal progress, task
        if progress is None:
            if total < PROGRESS_FROM_ROWS:
                return
            progress = Progress(
                TextColumn(label),
                BarColumn(),
                MofNCompleteColumn(),
                console=err_console,
                transient=True,
            )
            progress.start()
            task = progress.add_task(label, total=total)
        assert task is not None
        progress.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if progress is not None:
            progress.stop()


def _problem_lines(problems: list[Any], *, group: bool) -> list[str]:
    """'regel 4, kolom C (vorm): …' — warnings that repeat are folded into one line."""

    def where(lines: list[int], letter: str | None, column: str | None) -> str:
        shown = [str(n) for n in lines[:10]]
        text = (
            t("cli.import.line", line=shown[0])
            if len(lines) == 1
            else t("cli.import.lines", lines=", ".join(shown))
        )
        if len(lines) > 10:
            text += " " + t("cli.import.more", count=len(lines) - 10)
        if letter and column:
            text += ", " + t("cli.import.column_named", letter=letter, column=column)
        elif letter:
            text += ", " + t("cli.import.column", letter=letter)
        return text

    if not group:
        return [f"{where([p.line], p.letter, p.column)}: {p.message}" for p in problems]
    grouped: dict[tuple[str | None, str | None, str], list[int]] = {}
    for p in problems:
        grouped.setdefault((p.letter, p.column, p.message), []).append(p.line)
    return [
        f"{where(lines, letter, column)}: {message}"
        for (letter, column, message), lines in grouped.items()
    ]


def _report(result: Any) -> None:
    kind = (
        t(
            "cli.import.kind_csv",
            encoding=result.encoding,
            delimiter="tab" if result.delimiter == "\t" else f"'{result.delimiter}'",
        )
        if result.file_kind == "csv"
        else t("cli.import.kind_xlsx")
    )
    console.print(t("cli.import.file", path=result.path.name, kind=kind))
    if result.errors:
        console.print(t("cli.import.errors", rows=len(result.invalid_lines)))
        for line in _problem_lines(result.errors, group=False):
            console.print(Text("  " + line))
    if result.warnings:
        console.print(t("cli.import.warnings"))
        for line in _problem_lines(result.warnings, group=True):
            console.print(Text("  " + line))


def import_command(
    file: Annotated[
        Path,
        typer.Argument(
            help="Spreadsheet: .csv (, of ;) of .xlsx. / Spreadsheet: .csv or .xlsx.",
            show_default=False,
        ),
    ],
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="Alleen controleren; de kluis blijft onaangeroerd. / Check only."
        ),
    ] = False,
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid",
            help="Importeer de goede rijen en sla ongeldige over. / Import the valid rows only.",
        ),
    ] = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Importeer signalen uit een spreadsheet. / Import signals from a spreadsheet."""
    from drieluik.services import importer

    file = file.expanduser()
    # A folder or a typo is said at once, before a passphrase is asked for or read.
    importer.check_file(file)
    if dry_run and not resolve_vault_path(vault).exists():
        # Checking a file before there is a vault is useful too; codes cannot clash yet.
        with _progress_bar(t("cli.import.reading")) as progress:
            result = importer.read_import(file, progress=progress)
        _report(result)
        info(t("cli.import.no_vault_compared"))
        _finish_dry_run(result, skip_invalid)
        return
    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        with _progress_bar(t("cli.import.reading")) as progress:
            result = importer.read_import(file, vault=opened, progress=progress)
        _report(result)
        if dry_run:
            _finish_dry_run(result, skip_invalid)
            return
        _refuse_if_needed(result, skip_invalid)
        if err_console.is_terminal and len(result.rows) >= PROGRESS_FROM_ROWS:
            with err_console.status(t("cli.import.saving")):
                codes = importer.import_cases(opened, result, skip_invalid=skip_invalid)
        else:
            codes = importer.import_cases(opened, result, skip_invalid=skip_invalid)
    console.print(
        t(
            "cli.import.summary",
            imported=len(codes),
            warnings=len(result.warnings),
            skipped=len(result.invalid_lines),
        )
    )
    if codes:
        console.print(t("cli.import.codes", first=codes[0], last=codes[-1]))


def _refuse_if_needed(result: Any, skip_invalid: bool) -> None:
    if result.errors and not skip_invalid:
        raise InvalidInput("import.refused", invalid=len(result.invalid_lines), total=result.total)
    if not result.rows:
        raise InvalidInput("cli.import.nothing_valid", total=result.total)


def _finish_dry_run(result: Any, skip_invalid: bool) -> None:
    console.print(
        t(
            "cli.import.dry_run_summary",
            valid=len(result.rows),
            warnings=len(result.warnings),
            invalid=len(result.invalid_lines),
        )
    )
    if result.errors and not skip_invalid:
        raise InvalidInput(
            "cli.import.dry_run_refused", invalid=len(result.invalid_lines), total=result.total
        )
    if not result.rows:
        raise InvalidInput("cli.import.nothing_valid", total=result.total)


def register(app: typer.Typer) -> None:
    app.command("cases")(list_cases_command)
    case_app.command("show")(show)
    case_app.command("add")(add)
    app.add_typer(case_app, name="case")
    app.command("import")(import_command)
