"""Importing signals from the chair's spreadsheet (CSV or Excel .xlsx).

`read_import` parses and validates a file into an `ImportResult` (valid rows,
row-level problems, warnings) without printing or changing anything;
`import_cases` then creates the cases in one transaction. Line numbers are
the row numbers a spreadsheet shows (the header is line 1), columns are given
by letter and name, so the chair can find every problem.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import col, select

from drieluik.domain.vocabulary import CaseStatus
from drieluik.errors import InvalidInput
from drieluik.i18n import t
from drieluik.services import allowlist, cases, guard
from drieluik.services.cases import CaseInput
from drieluik.store.models import Case
from drieluik.store.vault import Vault

if TYPE_CHECKING:
    from drieluik.services.pii import Finding

COLUMNS = cases.REQUIRED_FIELDS + cases.OPTIONAL_FIELDS
CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_DELIMITERS = (";", ",", "\t")
_PROGRESS_EVERY = 250
_CODE_QUERY_CHUNK = 500  # stays far below SQLite's bound-parameter limit

# (done, total) — total is an estimate for .xlsx until the last row is read.
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportProblem:
    """A problem at a spreadsheet line (0: the file as a whole) and column."""

    line: int
    column: str | None
    letter: str | None
    message: str


@dataclass(frozen=True)
class ImportRow:
    line: int
    data: CaseInput
    # What the personal-data guard found in the row's summary (`_scan_personal`).
    findings: tuple[Finding, ...] = ()


@dataclass
class ImportResult:
    path: Path
    file_kind: str  # "csv" or "xlsx"
    encoding: str | None = None  # CSV only: "UTF-8", "UTF-8 (BOM)", "Windows-1252"
    delimiter: str | None = None  # CSV only
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[ImportProblem] = field(default_factory=list)
    warnings: list[ImportProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    total: int = 0  # non-empty data rows read
    columns: dict[str, str] = field(default_factory=dict)  # known column → its letter
    vault_checked: bool = False  # codes compared with the vault's
    # Possible personal data per line and column: the category, never the value.
    personal: list[ImportProblem] = field(default_factory=list)
    policy: guard.Policy = guard.DEFAULT_POLICY

    @property
    def invalid_lines(self) -> list[int]:
        return sorted({p.line for p in self.errors if p.line})

    @property
    def ok(self) -> bool:
        return not self.errors


# --- reading the file ----------------------------------------------------------------


def read_import(
    path: Path,
    *,
    vault: Vault | None = None,
    today: date | None = None,
    progress: ProgressCallback | None = None,
) -> ImportResult:
    """Parse and validate `path`; with `vault`, codes are also checked against it.

    File-level problems (unreadable, unknown kind, empty, no data rows, a
    required column missing) raise InvalidInput; row problems are collected.
    """
    path = Path(path)
    if check_file(path) == "xlsx":
        result = ImportResult(path, "xlsx")
        table, estimate = _read_xlsx(path)
    else:
        result = ImportResult(path, "csv")
        text, result.encoding = _decode(path)
        if not text.strip():
            raise InvalidInput("import.empty", path=path)
        result.delimiter = _sniff_delimiter(text)
        records = _csv_records(text, result.delimiter, path)
        table, estimate = iter(records), len(records)
    allow = allowlist.allow_terms(vault) if vault is not None else []
    _validate(result, table, estimate, today or date.today(), progress, allow)
    if vault is not None:
        _check_codes_against_vault(result, vault)
        result.vault_checked = True
    _scan_personal(result, vault)
    return result


def check_file(path: Path) -> str:
    """The kind ("xlsx" or "csv") of a file that can be read, else InvalidInput: a
    folder, a missing file, a kind that cannot be imported, no permission to read it.

    Cheap (no contents read), so the CLI checks its argument before it asks for
    a passphrase.
    """
    path = Path(path)
    if path.is_dir():
        raise InvalidInput("path.is_directory", path=path)
    if not path.exists():
        raise InvalidInput("import.not_found", path=path)
    if not path.is_file():  # a device or a pipe: nothing a spreadsheet program writes
        raise InvalidInput("import.not_a_file", path=path)
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        kind = "xlsx"
    elif suffix in CSV_SUFFIXES:
        kind = "csv"
    else:
        raise InvalidInput("import.unsupported", path=path, suffix=suffix or "—")
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise InvalidInput("import.unreadable", path=path, detail=exc.strerror) from None
    return kind


def _decode(path: Path) -> tuple[str, str]:
    """UTF-8 with or without BOM, or Windows-1252 as Dutch Excel saves 'CSV'."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput("import.unreadable", path=path, detail=exc.strerror) from None
    if data.startswith(b"\xef\xbb\xbf"):
        return _decoded(data, "utf-8-sig", path), "UTF-8 (BOM)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decoded(data, "utf-16", path), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return _decoded(data, "cp1252", path), "Windows-1252"


def _decoded(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InvalidInput("import.encoding", path=path) from None


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the header line into the most known column names."""
    first = next((line for line in text.splitlines() if line.strip()), "")

    def score(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([first], delimiter=delimiter), [])
        known = sum(1 for c in cells if _header_name(c) in COLUMNS)
        return known, len(cells)

    return max(_DELIMITERS, key=score)


def _csv_records(text: str, delimiter: str, path: Path) -> list[list[str]]:
    # One record per spreadsheet row, even when a quoted cell holds line breaks.
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise InvalidInput("import.csv_invalid", path=path, detail=str(exc)) from None


def _read_xlsx(path: Path) -> tuple[Iterator[tuple[object, ...]], int]:
    import openpyxl  # loaded only for .xlsx: it takes a while to import

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged workbook fails in many ways; all mean "unreadable"
        raise InvalidInput("import.xlsx_invalid", path=path, detail=type(exc).__name__) from None
    sheet = workbook.active
    if sheet is None:
        workbook.close()
        raise InvalidInput("import.empty", path=path)

    def rows() -> Iterator[tuple[object, ...]]:
        try:
            yield from sheet.iter_rows(values_only=True)
        except Exception as exc:  # the sheet's XML is read lazily, row by row
            raise InvalidInput(
                "import.xlsx_invalid", path=path, detail=type(exc).__name__
            ) from None
        finally:
            workbook.close()

    return rows(), (sheet.max_row or 0)


def _cell_text(value: object) -> str | None:
    """A cell as the text a chair would have typed (Excel hands over typed values)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, time):
        return value.isoformat()
    return str(value)


def _header_name(cell: object) -> str:
    return (_cell_text(cell) or "").replace("\ufeff", "").strip().casefold()


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the column as a spreadsheet labels it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# --- validating ------------------------------------------------------------------------


def _validate(
    result: ImportResult,
    table: Iterable[Iterable[object]],
    estimate: int,
    today: date,
    progress: ProgressCallback | None,
    allow: list[str],
) -> None:
    rows = iter(table)
    # The header is the first row with anything in it (normally line 1).
    header_line = 0
    header: list[str | None] = []
    for candidate in rows:
        header_line += 1
        header = [_cell_text(c) for c in candidate]
        if not _blank(header):
            break
    else:
        raise InvalidInput("import.empty", path=result.path)

    positions = _map_header(result, header)
    total_estimate = max(estimate - header_line, 0)
    first_line_of_code: dict[str, int] = {}
    line = header_line
    for line, cells in enumerate(rows, start=header_line + 1):
        values = [_cell_text(c) for c in cells]
        if _blank(values):
            continue  # blank rows are common at the end of a sheet
        result.total += 1
        raw = {name: values[i] if i < len(values) else None for name, i in positions.items()}
        data, errors, warnings = cases.validate_case_fields(raw, today=today, allow=allow)
        for problem in errors:
            result.errors.append(_problem(line, problem.field, positions, problem.message))
        for problem in warnings:
            result.warnings.append(_problem(line, problem.field, positions, problem.message))
        overflow = _overflow(values, len(header))
        if overflow is not None:
            result.errors.append(
                ImportProblem(
                    line,
                    None,
                    column_letter(overflow),
                    t("import.row_too_wide", cells=len(values), columns=len(header)),
                )
            )
        code = (raw.get("code") or "").strip().upper()
        duplicate = code and code in first_line_of_code
        if duplicate:
            result.errors.append(
                _problem(
                    line,
                    "code",
                    positions,
                    t("import.code_twice", code=code, line=first_line_of_code[code]),
                )
            )
        elif code:
            first_line_of_code[code] = line
        if data is not None and not duplicate and overflow is None:
            if data.status is CaseStatus.MONITORING:
                result.warnings.append(
                    _problem(line, "status", positions, t("import.monitoring_without_review"))
                )
            result.rows.append(ImportRow(line, data))
        if progress is not None and result.total % _PROGRESS_EVERY == 0:
            progress(line - header_line, max(total_estimate, line - header_line))
    if progress is not None:
        progress(line - header_line, line - header_line)
    if result.total == 0:
        raise InvalidInput("import.no_rows", path=result.path)


def _overflow(values: list[str | None], width: int) -> int | None:
    """The first filled cell right of the header, if any: usually a delimiter
    inside an unquoted text, which has shifted every cell after it."""
    return next((i for i in range(width, len(values)) if values[i] and values[i].strip()), None)


def _blank(values: list[str | None]) -> bool:
    return not any(v and v.strip() for v in values)


def _map_header(result: ImportResult, header: list[str | None]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = _header_name(cell)
        if not name:
            continue
        if name in COLUMNS:
            if name in positions:
                raise InvalidInput(
                    "import.column_twice",
                    column=name,
                    first=column_letter(positions[name]),
                    second=column_letter(index),
                )
            positions[name] = index
        else:
            shown = (cell or "").strip()
            result.ignored_columns.append(shown)
            result.warnings.append(
                ImportProblem(1, shown, column_letter(index), t("import.column_unknown"))
            )
    missing = [name for name in cases.REQUIRED_FIELDS if name not in positions]
    if missing:
        raise InvalidInput(
            "import.columns_missing",
            path=result.path,
            columns=", ".join(missing),
            required=", ".join(cases.REQUIRED_FIELDS),
        )
    result.columns = {name: column_letter(index) for name, index in positions.items()}
    return positions


def _problem(line: int, name: str, positions: dict[str, int], message: str) -> ImportProblem:
    index = positions.get(name)
    return ImportProblem(line, name, column_letter(index) if index is not None else None, message)


def _check_codes_against_vault(result: ImportResult, vault: Vault) -> None:
    wanted = {row.data.code: row for row in result.rows if row.data.code}
    if not wanted:
        return
    codes = sorted(wanted)
    taken: set[str] = set()
    with vault.session() as session:
        for start in range(0, len(codes), _CODE_QUERY_CHUNK):
            chunk = codes[start : start + _CODE_QUERY_CHUNK]
            taken.update(session.exec(select(Case.code).where(col(Case.code).in_(chunk))))
    if not taken:
        return
    kept = []
    for row in result.rows:
        if row.data.code in taken:
            message = t("import.code_exists", code=row.data.code)
            result.errors.append(
                ImportProblem(row.line, "code", result.columns.get("code"), message)
            )
        else:
            kept.append(row)
    result.rows = kept
    result.errors.sort(key=lambda p: p.line)


# --- importing -------------------------------------------------------------------------


def _scan_personal(result: ImportResult, vault: Vault | None) -> None:
    """The guard over every text column of every row (the summary; a reporter
    with personal data is already a row error, as an organisation field)."""
    if vault is not None:
        checker = guard.Guard.load(vault)
    else:
        checker = guard.Guard(guard.DEFAULT_POLICY, ())
    result.policy = checker.policy
    letter = result.columns.get("omschrijving")
    rows: list[ImportRow] = []
    for row in result.rows:
        findings = tuple(checker.scan(row.data.summary))
        for finding in findings:
            problem = ImportProblem(row.line, "omschrijving", letter, finding.category.label)
            result.personal.append(problem)
        rows.append(replace(row, findings=findings) if findings else row)
    result.rows = rows


def import_cases(
    vault: Vault,
    result: ImportResult,
    *,
    skip_invalid: bool = False,
    accept_personal_data: bool = False,
    redact: bool = False,
) -> list[str]:
    """Create the valid rows' cases in one transaction; all or nothing.

    With problems and without `skip_invalid` nothing is imported. Rows with
    possible personal data follow the vault's policy (`services.guard`):
    under `bevestigen` nothing is imported without `accept_personal_data`
    (the rows are stored and marked) or `redact` (placeholders are stored);
    under `weigeren` only `redact` lets them in.
    """
    policy = guard.get_policy(vault)
    flagged = [row for row in result.rows if row.findings]
    refused = policy is guard.Policy.WEIGEREN or (
        policy is guard.Policy.BEVESTIGEN and not accept_personal_data
    )
    if flagged and not redact and refused:
        found = [
            replace(f, line=row.line, column=result.columns.get("omschrijving"))
            for row in flagged
            for f in guard.to_found("summary", row.findings)
        ]
        key = "guard.accept_refused" if accept_personal_data else "guard.import_refused"
        raise guard.PersonalDataFound(key, found=found, policy=policy, count=len(flagged))
    inputs: list[CaseInput] = []
    marks: list[tuple[Finding, ...]] = []
    for row in result.rows:
        if row.findings and redact:
            from drieluik.services.pii import redact as anonymise

            inputs.append(replace(row.data, summary=anonymise(row.data.summary, row.findings)))
            marks.append(())
        else:
            inputs.append(row.data)
            marks.append(row.findings)
    if result.errors and not skip_invalid:
        raise InvalidInput("import.refused", invalid=len(result.invalid_lines), total=result.total)
    if not result.vault_checked:
        _check_codes_against_vault(result, vault)
        result.vault_checked = True
        if result.errors and not skip_invalid:
            raise InvalidInput(
                "import.refused", invalid=len(result.invalid_lines), total=result.total
            )
    return cases.create_cases(vault, inputs, action="case.import", checked=marks)
