"""The case register on the command line: `cases`, `case show`, `case add`, `import`.

Human output is a Rich table that fits 80 columns with user text shown
literally; `--json` gives the stable shapes documented in docs/cli-json.md.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from drieluik.cli.common import (
    AcceptPersonalDataOption,
    FormFilterOption,
    JsonOption,
    MunicipalityFilterOption,
    PassphraseFileOption,
    RecoveryKeyFileOption,
    RedactOption,
    StatusFilterOption,
    VaultOption,
    YearFilterOption,
    ask,
    console,
    err_console,
    info,
    opened_vault,
    print_json,
    print_json_list,
    resolve_vault_path,
    sql_limit,
)
from drieluik.domain.dates import format_date
from drieluik.domain.text import visible
from drieluik.errors import InvalidInput
from drieluik.i18n import t

if TYPE_CHECKING:  # Rich is imported where it prints: `--help` needs none of it
    from rich.table import Table
    from rich.text import Text

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
    from rich import box
    from rich.table import Table

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
    from rich.text import Text

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
    before the passphrase is asked for; a bad value names the option and what it accepts.

    The municipality is kept as typed: the vault's region profile reads it once
    the vault is open (`with_municipality`)."""
    from drieluik.domain.dates import check_year
    from drieluik.domain.vocabulary import parse_form, parse_status
    from drieluik.services.types import CaseFilter

    return CaseFilter(
        year=check_year(year) if year is not None else None,
        status=_parsed("--status", status, parse_status, "field.status_invalid"),
        form=_parsed("--form", vorm, parse_form, "field.form_invalid"),
        municipality=gemeente.strip() if gemeente is not None else None,
    )


def with_municipality(opened: Any, filters: Any) -> Any:
    """`filters` with its municipality read by the vault's region profile."""
    from dataclasses import replace

    from drieluik.services import region

    if filters.municipality is None:
        return filters
    profile = region.get(opened)
    names = profile.names_on(date.today())
    problem = t(
        "field.municipality_invalid",
        value=filters.municipality,
        region=profile.name,
        count=len(names),
        outside=profile.outside,
    )
    found = profile.parse_municipality(filters.municipality)
    if found is None:
        raise InvalidInput("cli.option_invalid", option="--municipality", problem=problem)
    return replace(filters, municipality=found)


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
        filters = with_municipality(opened, filters)
        if as_json:  # streamed: at 100k cases no list of views, no ORM object per row
            # closing(): a reader that stops early (`| head`) ends the query here,
            # while the vault is still open, not later at garbage collection.
            with closing(cases.iter_cases(opened, filters, limit=sql_limit(limit))) as found_rows:
                print_json_list(case.as_json() for case in found_rows)
            return
        found = cases.list_cases(opened, filters, limit=sql_limit(limit))
        total = cases.count_cases(opened, filters)
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
                case.municipality,
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
    from rich.table import Table
    from rich.text import Text

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
        (t("cli.col.municipality"), case.municipality),
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
    profile: Any = None,
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
        data, errors, warnings = cases.validate_case_fields(
            raw, today=today, allow=allow or (), profile=profile
        )
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
    accept_personal_data: AcceptPersonalDataOption = False,
    redact: RedactOption = False,
    as_json: JsonOption = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Voeg een casus toe (vraagt op een terminal wat ontbreekt). / Add a case."""
    from drieluik.services import cases, region
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
            profile=region.get(opened),
        )
        created = cases.create_case(
            opened, data, accept_personal_data=accept_personal_data, redact=redact
        )
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


def _report(result: Any, *, preview: bool = False) -> None:
    from rich.text import Text

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
    if preview:
        _preview(result)
    if result.errors:
        console.print(t("cli.import.errors", rows=len(result.invalid_lines)))
        for line in _problem_lines(result.errors, group=False):
            console.print(Text("  " + line))
    if result.warnings:
        console.print(t("cli.import.warnings"))
        for line in _problem_lines(result.warnings, group=True):
            console.print(Text("  " + line))
        if result.warnings_dropped:
            console.print(t("cli.import.warnings_dropped", count=result.warnings_dropped))
    if result.personal:
        # Row by row, with the column and the category: never the value.
        console.print(t("cli.import.personal", rows=len({p.line for p in result.personal})))
        for line in _problem_lines(result.personal, group=False):
            console.print(Text("  " + line))


def _preview(result: Any) -> None:
    """Which column became which field, and the first rows as drieluik reads them."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console.print(t("cli.import.mapping"))
    for name, letter in sorted(result.columns.items(), key=lambda kv: (len(kv[1]), kv[1])):
        header = result.headers[name]
        console.print(Text(t("cli.import.mapping_line", letter=letter, header=header, field=name)))
    if not result.preview:
        return
    console.print(t("cli.import.preview"))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    names = list(result.preview[0][1])
    table.add_column(t("cli.import.col_line"), justify="right")
    for name in names:
        table.add_column(name, overflow="ellipsis", no_wrap=True, max_width=40)
    for line, shown in result.preview:
        table.add_row(str(line), *(Text(shown[name]) for name in names))
    console.print(table)


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
    accept_personal_data: AcceptPersonalDataOption = False,
    redact: RedactOption = False,
    column_map: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help='Koppel een kolom: "Kolom in het bestand=veld" (veld - negeert de kolom); '
            'herhaalbaar. / Map a column: "Column=field" (- ignores it); repeatable.',
            show_default=False,
        ),
    ] = None,
    value_map: Annotated[
        list[str] | None,
        typer.Option(
            "--value",
            help='Lees een waarde anders: "veld:tekst=waarde", b.v. "vorm:loverboy=seksueel"; '
            'herhaalbaar. / Read a value as another: "field:text=value"; repeatable.',
            show_default=False,
        ),
    ] = None,
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile",
            help="Gebruik (en bewaar na het importeren) de koppeling onder deze naam in de "
            "kluis. / Use (and save after importing) the mapping under this name in the vault.",
            show_default=False,
        ),
    ] = None,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Importeer signalen uit een spreadsheet. / Import signals from a spreadsheet."""
    from drieluik.services import importer

    file = file.expanduser()
    # A folder, a typo or a bad --map is said at once, before a passphrase is asked for.
    importer.check_file(file)
    given = importer.parse_mapping(column_map or (), value_map or ())
    if profile is not None:
        profile = importer.check_profile_name(profile)
    if dry_run and not resolve_vault_path(vault).exists():
        if profile is not None:
            raise InvalidInput("cli.import.profile_needs_vault")
        # Checking a file before there is a vault is useful too; codes cannot clash yet.
        with _progress_bar(t("cli.import.reading")) as progress:
            result = importer.read_import(file, progress=progress, mapping=given)
        _report(result, preview=True)
        info(t("cli.import.no_vault_compared"))
        _finish_dry_run(result, skip_invalid)
        return
    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        mapping = given
        if profile is not None:
            saved = importer.load_profile(opened, profile)
            info(
                t("cli.import.profile_loaded" if saved else "cli.import.profile_new", name=profile)
            )
            if saved is not None:
                mapping = saved.merged(given)
        with _progress_bar(t("cli.import.reading")) as progress:
            result = importer.read_import(file, vault=opened, progress=progress, mapping=mapping)
        _report(result, preview=dry_run)
        if dry_run:
            _finish_dry_run(result, skip_invalid)
            return
        _refuse_if_needed(result, skip_invalid)
        if err_console.is_terminal and len(result.rows) >= PROGRESS_FROM_ROWS:
            with err_console.status(t("cli.import.saving")):
                codes = importer.import_cases(
                    opened,
                    result,
                    skip_invalid=skip_invalid,
                    accept_personal_data=accept_personal_data,
                    redact=redact,
                )
        else:
            codes = importer.import_cases(
                opened,
                result,
                skip_invalid=skip_invalid,
                accept_personal_data=accept_personal_data,
                redact=redact,
            )
        if profile is not None:
            importer.save_profile(opened, profile, mapping)
            info(t("cli.import.profile_saved", name=profile))
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


def _refuse_stopped(result: Any) -> None:
    from drieluik.services.importer import MAX_PROBLEMS

    raise InvalidInput("import.stopped", limit=MAX_PROBLEMS, line=result.stopped_at)


def _refuse_if_needed(result: Any, skip_invalid: bool) -> None:
    if not result.complete:
        _refuse_stopped(result)
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
    if not result.complete:
        _refuse_stopped(result)
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
