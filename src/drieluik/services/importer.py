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
import json
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import col, select

from drieluik.domain.region import RegionProfile
from drieluik.domain.synonyms import fold, header_key, match_header
from drieluik.domain.vocabulary import CaseStatus, ExploitationForm
from drieluik.errors import DrieluikError, InvalidInput
from drieluik.i18n import count, t
from drieluik.services import allowlist, audit, cases, guard, region
from drieluik.services.cases import CaseInput
from drieluik.store.models import Case, Setting
from drieluik.store.safe_file import NotARegularFile, open_regular, refusal
from drieluik.store.vault import Vault

if TYPE_CHECKING:
    from drieluik.services.pii import Finding

COLUMNS = cases.REQUIRED_FIELDS + cases.OPTIONAL_FIELDS
CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_DELIMITERS = (";", ",", "\t")
_PROGRESS_EVERY = 250
_CODE_QUERY_CHUNK = 500  # stays far below SQLite's bound-parameter limit

# Bounds on what an import file may hold (docs/cli-json.md, "Bounds"). A
# chair's sheet is a few hundred rows; the design load of a whole vault is
# 100,000 cases. Everything is checked before rows are validated, so a
# hostile or mistaken file is refused in seconds and in bounded memory.
MAX_FILE_BYTES = 32 << 20  # the file on disk (CSV, or the .xlsx zip)
MAX_ROWS = 100_000  # data rows (blank rows count too: Excel keeps them)
MAX_COLUMNS = 256  # cells read per row; a sheet 16,384 wide is not a register
MAX_XLSX_MEMBER_BYTES = 64 << 20  # one part of the zip, unpacked
MAX_XLSX_TOTAL_BYTES = 128 << 20  # all parts, unpacked
MAX_CELL_BYTES = 1 << 20  # one cell's text (a summary may hold 100,000 characters)
MAX_PROBLEMS = 1_000  # errors listed; beyond this, reading stops
MAX_WARNINGS = 5_000  # warnings kept; the rest are only counted
_SCAN_CHUNK = 256 << 10

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


# `--map "Kolom=-"` (or an empty field) ignores a column on purpose.
IGNORE = "-"
PROFILE_PREFIX = "import_profile:"
_PROFILE_NAME = re.compile(r"^[\w][\w .-]{0,39}$")
_PREVIEW_ROWS = 5
# Fields whose values come from a closed list: a text drieluik cannot read
# can be mapped to one of the list (`ImportMapping.values`, `value_choices`).
VALUE_FIELDS = ("gemeente", "vorm", "status")
MAX_UNKNOWN_VALUES = 100  # distinct unreadable texts kept per field


@dataclass
class ImportMapping:
    """What the chair told about a sheet: columns (header → field, or IGNORE)
    and values (field → {text as in the sheet → text drieluik reads}).

    Headers and values are matched folded (case, accents, spaces and
    punctuation do not count). `required` are the headers given on this
    command line: one that is not in the file is a typo and refused; a saved
    profile may name columns a later file no longer has.
    """

    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    required: frozenset[str] = frozenset()

    def column_for(self, header: str) -> str | None:
        key = header_key(header)
        return next((f for h, f in self.columns.items() if header_key(h) == key), None)

    def value_for(self, name: str, text: str) -> str | None:
        table = self.values.get(name)
        if not table:
            return None
        key = fold(text)
        return next((v for k, v in table.items() if fold(k) == key), None)

    def merged(self, newer: ImportMapping) -> ImportMapping:
        """This mapping with `newer`'s entries winning (a profile plus this command line)."""
        columns = {h: f for h, f in self.columns.items() if newer.column_for(h) is None}
        columns.update(newer.columns)
        values = {name: dict(table) for name, table in self.values.items()}
        for name, table in newer.values.items():
            kept = values.setdefault(name, {})
            for text, target in table.items():
                for old in [k for k in kept if fold(k) == fold(text)]:
                    del kept[old]
                kept[text] = target
        return ImportMapping(columns, values, newer.required | self.required)

    def with_column(self, header: str, name: str | None) -> ImportMapping:
        """This mapping with `header` read as `name` (IGNORE: ignored; None: as drieluik
        recognises it by itself)."""
        key = header_key(header)
        columns = {h: f for h, f in self.columns.items() if header_key(h) != key}
        if name is not None:
            columns[header] = name
        return ImportMapping(columns, _copy_values(self.values), self.required)

    def with_value(self, name: str, text: str, target: str | None) -> ImportMapping:
        """This mapping with `text` in field `name` read as `target` (None: as written)."""
        values = _copy_values(self.values)
        table = values.setdefault(name, {})
        for old in [k for k in table if fold(k) == fold(text)]:
            del table[old]
        if target is not None:
            table[text] = target
        if not table:
            del values[name]
        return ImportMapping(dict(self.columns), values, self.required)

    @property
    def empty(self) -> bool:
        return not self.columns and not any(self.values.values())

    def as_json(self) -> str:
        return json.dumps({"columns": self.columns, "values": self.values}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ImportMapping:
        data = json.loads(text)
        columns = {str(h): str(f) for h, f in dict(data.get("columns", {})).items()}
        values = {
            str(name): {str(k): str(v) for k, v in dict(table).items()}
            for name, table in dict(data.get("values", {})).items()
        }
        return cls(columns, values)


def _copy_values(values: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    return {name: dict(table) for name, table in values.items()}


def parse_mapping(column_maps: Iterable[str], value_maps: Iterable[str] = ()) -> ImportMapping:
    """`--map "Datum melding=datum"` and `--value "vorm:loverboy=seksueel"` → a mapping."""
    columns: dict[str, str] = {}
    for item in column_maps:
        header, sep, target = item.rpartition("=")
        if not sep or not header.strip():
            raise InvalidInput("import.map_syntax", item=item)
        columns[header.strip()] = _field_name(target, item)
    values: dict[str, dict[str, str]] = {}
    for item in value_maps:
        left, sep, target = item.rpartition("=")
        name, colon, text = left.partition(":")
        if not sep or not colon or not text.strip() or not target.strip():
            raise InvalidInput("import.value_map_syntax", item=item)
        field_name = _field_name(name, item)
        if field_name == IGNORE:
            raise InvalidInput("import.value_map_syntax", item=item)
        values.setdefault(field_name, {})[text.strip()] = target.strip()
    return ImportMapping(columns, values, frozenset(columns))


def _field_name(text: str, item: str) -> str:
    name = text.strip().casefold()
    if name in ("", IGNORE):
        return IGNORE
    if name in COLUMNS:
        return name
    raise InvalidInput("import.map_field_unknown", item=item, fields=", ".join(COLUMNS))


def check_profile_name(name: str) -> str:
    name = name.strip()
    if not _PROFILE_NAME.match(name):
        raise InvalidInput("import.profile_name_invalid", name=name)
    return name


def load_profile(vault: Vault, name: str) -> ImportMapping | None:
    """The mapping saved under `name` in the vault, or None."""
    with vault.session() as session:
        row = session.get(Setting, PROFILE_PREFIX + check_profile_name(name))
    if row is None:
        return None
    try:
        return ImportMapping.from_json(row.value)
    except (ValueError, TypeError, AttributeError):  # hand-edited or from a future version
        raise InvalidInput("import.profile_unreadable", name=name) from None


def save_profile(vault: Vault, name: str, mapping: ImportMapping) -> None:
    """Keep `mapping` in the vault (encrypted with the data) for the next file."""
    key = PROFILE_PREFIX + check_profile_name(name)
    value = mapping.as_json()
    with vault.session() as session:
        row = session.get(Setting, key)
        if row is not None and row.value == value:
            return
    with vault.transaction() as session:
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
            session.add(row)
        audit.record(session, "settings.import_profile")


def profile_names(vault: Vault) -> list[str]:
    with vault.session() as session:
        keys = session.exec(
            select(Setting.key).where(col(Setting.key).startswith(PROFILE_PREFIX))
        ).all()
    return sorted(k[len(PROFILE_PREFIX) :] for k in keys)


def value_choices(name: str, profile: RegionProfile) -> list[tuple[str, str]]:
    """(label, value) of what a text in field `name` (VALUE_FIELDS) can be read as;
    municipalities are those of the vault's region `profile` in force today."""
    if name == "gemeente":
        return [(m, m) for m in profile.choices(date.today())]
    if name == "vorm":
        return [(f.label, f.value) for f in ExploitationForm]
    if name == "status":
        return [(s.label, s.value) for s in CaseStatus]
    raise ValueError(name)


@dataclass(frozen=True)
class ColumnPlan:
    """One column of a file's header row and the field drieluik reads it as."""

    letter: str
    header: str
    field: str | None  # a field of COLUMNS, IGNORE, or None: not recognised
    mapped: bool  # the mapping says so (not the header's own name or a synonym)


@dataclass
class ImportPreview:
    """What the import screen shows: the columns, and — once every required
    field has one column — the dry run of the whole file."""

    columns: list[ColumnPlan]
    result: ImportResult | None
    problem: str | None = None  # why the rows were not read yet


def read_columns(path: Path, mapping: ImportMapping | None = None) -> list[ColumnPlan]:
    """The header row of `path` (the first row with anything in it), column by column."""
    path = Path(path)
    mapping = mapping or ImportMapping()
    _, table, _ = _open_table(path, estimate=False)  # only the header row is read
    rows = iter(table)
    try:
        for candidate in rows:
            header = [_cell_text(c) for c in candidate]
            if not _blank(header):
                break
        else:
            raise InvalidInput("import.empty", path=path)
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()  # an .xlsx workbook is closed when its row generator is
    plans = []
    for index, cell in enumerate(header):
        shown = (cell or "").replace("\ufeff", "").strip()
        if shown:
            name, mapped = _column_field(shown, mapping)
            plans.append(ColumnPlan(column_letter(index), shown, name, mapped))
    return plans


def preview_import(
    path: Path,
    vault: Vault | None,
    mapping: ImportMapping,
    *,
    today: date | None = None,
    progress: ProgressCallback | None = None,
) -> ImportPreview:
    """A dry run as the import screen needs it: unlike `read_import`, a file whose
    columns do not yet give every required field (or give one twice) is no error:
    the columns are returned with what is still missing, so the chair can map them."""
    columns = read_columns(path, mapping)
    fields = [c.field for c in columns if c.field not in (None, IGNORE)]
    twice = sorted({f for f in fields if fields.count(f) > 1})
    missing = [f for f in cases.REQUIRED_FIELDS if f not in fields]
    if twice:
        return ImportPreview(columns, None, t("import.preview_twice", fields=", ".join(twice)))
    if missing:
        return ImportPreview(columns, None, t("import.preview_missing", fields=", ".join(missing)))
    result = read_import(path, vault=vault, today=today, mapping=mapping, progress=progress)
    return ImportPreview(columns, result)


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
    stopped_at: int = 0  # the line where reading stopped after MAX_PROBLEMS errors
    warnings_dropped: int = 0  # warnings beyond MAX_WARNINGS, counted only
    headers: dict[str, str] = field(default_factory=dict)  # known column → header as written
    preview: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # first rows, mapped
    vault_checked: bool = False  # codes compared with the vault's
    # Possible personal data per line and column: the category, never the value.
    personal: list[ImportProblem] = field(default_factory=list)
    policy: guard.Policy = guard.DEFAULT_POLICY
    # Texts of a closed vocabulary (VALUE_FIELDS) that could not be read:
    # field → text as in the sheet → the rows it is on (the TUI maps them).
    unknown_values: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def invalid_lines(self) -> list[int]:
        return sorted({p.line for p in self.errors if p.line})

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def complete(self) -> bool:
        """Every row was read (not stopped after MAX_PROBLEMS errors)."""
        return not self.stopped_at

    def preview_without_personal_data(self) -> list[tuple[int, dict[str, str]]]:
        """`preview` with each possible personal-data finding of a summary replaced
        by its placeholder ("[TELEFOON]"): what a screen may show of the rows."""
        findings = {row.line: row.findings for row in self.rows if row.findings}
        if not findings:
            return list(self.preview)
        from drieluik.services.pii import redact

        shown = []
        for line, values in self.preview:
            if line in findings:
                values = dict(values, omschrijving=redact(values["omschrijving"], findings[line]))
            shown.append((line, values))
        return shown

    def warn(self, problem: ImportProblem) -> None:
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(problem)
        else:
            self.warnings_dropped += 1


# --- reading the file ----------------------------------------------------------------


def read_import(
    path: Path,
    *,
    vault: Vault | None = None,
    today: date | None = None,
    progress: ProgressCallback | None = None,
    mapping: ImportMapping | None = None,
    profile: RegionProfile | None = None,
) -> ImportResult:
    """Parse and validate `path`; with `vault`, codes are also checked against it.

    Municipalities and reporters are those of `profile`, else of the vault's
    region profile, else Drenthe's (`services.region`).

    Columns are recognised by their usual names (`domain.synonyms`) unless
    `mapping` says otherwise; its value mappings apply before validation.

    File-level problems (unreadable, unknown kind, empty, no data rows, a
    required column missing) raise InvalidInput; row problems are collected.
    """
    result, table, estimate = _open_table(Path(path))
    allow = allowlist.allow_terms(vault) if vault is not None else []
    if profile is None:
        profile = region.get(vault) if vault is not None else region.default_profile()
    _validate(
        result,
        table,
        estimate,
        today or date.today(),
        progress,
        allow,
        mapping or ImportMapping(),
        profile,
    )
    if vault is not None:
        _check_codes_against_vault(result, vault)
        result.vault_checked = True
    _scan_personal(result, vault)
    return result


def _open_table(
    path: Path, *, estimate: bool = True
) -> tuple[ImportResult, Iterator[Iterable[object]], int]:
    """The file's kind and its rows (lazily), with an estimate of their number
    (for a CSV only with `estimate`: it costs a pass over the file, which also
    refuses one over MAX_ROWS before any row is validated)."""
    if check_file(path) == "xlsx":
        result = ImportResult(path, "xlsx")
        table, rows = _read_xlsx(path)
        return result, table, rows
    result = ImportResult(path, "csv")
    text, result.encoding = _decode(path)
    if not text.strip():
        raise InvalidInput("import.empty", path=path)
    result.delimiter = _sniff_delimiter(text)
    records = _count_csv_records(text, result.delimiter, path) if estimate else 0
    return result, _csv_records(text, result.delimiter, path), records


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
        with open_regular(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
    except NotARegularFile as exc:
        raise refusal(exc) from None
    except OSError as exc:
        raise InvalidInput("import.unreadable", path=path, detail=exc.strerror) from None
    if size > MAX_FILE_BYTES:
        raise InvalidInput(
            "import.file_too_large", path=path, size=_mib(size), limit=_mib(MAX_FILE_BYTES)
        )
    return kind


def _mib(size: int) -> str:
    return f"{size / (1 << 20):.0f} MiB" if size >= 1 << 20 else f"{size / 1024:.0f} KiB"


def _decode(path: Path) -> tuple[str, str]:
    """UTF-8 with or without BOM, or Windows-1252 as Dutch Excel saves 'CSV'."""
    try:
        with open_regular(path, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)  # it may have grown since check_file
    except NotARegularFile as exc:
        raise refusal(exc) from None
    except OSError as exc:
        raise InvalidInput("import.unreadable", path=path, detail=exc.strerror) from None
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInput(
            "import.file_too_large", path=path, size=_mib(len(data)), limit=_mib(MAX_FILE_BYTES)
        )
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
        known = sum(1 for c in cells if _known_header(c) is not None)
        return known, len(cells)

    return max(_DELIMITERS, key=score)


def _csv_records(text: str, delimiter: str, path: Path) -> Iterator[list[str]]:
    # One record per spreadsheet row, even when a quoted cell holds line breaks.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            yield record[:MAX_COLUMNS]
    except csv.Error as exc:
        raise InvalidInput("import.csv_invalid", path=path, detail=str(exc)) from None


def _count_csv_records(text: str, delimiter: str, path: Path) -> int:
    """The number of records, refusing more than MAX_ROWS before any is validated.

    A first pass of the C parser (about a second per million rows), keeping
    nothing; a cell over the csv module's field limit (131,072 characters) is
    refused here too.
    """
    records = 0
    for records, _ in enumerate(_csv_records(text, delimiter, path), start=1):
        if records > MAX_ROWS + 1:  # + the header
            raise InvalidInput("import.too_many_rows", path=path, limit=count(MAX_ROWS))
    return records


def _read_xlsx(path: Path) -> tuple[Iterator[tuple[object, ...]], int]:
    _check_xlsx_parts(path)
    import openpyxl  # loaded only for .xlsx: it takes a while to import

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged workbook fails in many ways; all mean "unreadable"
        raise InvalidInput("import.xlsx_invalid", path=path, detail=type(exc).__name__) from None
    sheet = workbook.active
    if sheet is None:
        workbook.close()
        raise InvalidInput("import.empty", path=path)
    try:
        declared = sheet.max_row or 0
    except Exception:  # a dimension that cannot be read: rows are counted as they come
        declared = 0

    def rows() -> Iterator[tuple[object, ...]]:
        try:
            # openpyxl fills gaps between row numbers with empty rows (a sheet
            # with one row numbered 3,000,000) and pads rows to the declared
            # width: both are bounded here, and counted below.
            limit = MAX_ROWS + 1
            for number, row in enumerate(
                sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1
            ):
                if number > limit:
                    raise InvalidInput("import.too_many_rows", path=path, limit=count(MAX_ROWS))
                yield row
        except DrieluikError:
            raise
        except Exception as exc:  # the sheet's XML is read lazily, row by row
            raise InvalidInput(
                "import.xlsx_invalid", path=path, detail=type(exc).__name__
            ) from None
        finally:
            workbook.close()

    return rows(), min(declared, MAX_ROWS + 1)


def _check_xlsx_parts(path: Path) -> None:
    """Refuse a zip bomb before openpyxl unpacks anything.

    From the zip directory: each part's and all parts' unpacked size. Then
    while streaming each XML part (zipfile stops at the declared size and
    fails the CRC if the data runs on): the bytes really unpacked, the number
    of <row> elements and the longest text or tag (one cell's text), so a
    directory that lies gains nothing. About 0.5 s per 100 MiB unpacked.
    """
    try:
        with open_regular(path, "rb") as file, zipfile.ZipFile(file) as archive:
            members = archive.infolist()
            largest = max(members, key=lambda m: m.file_size, default=None)
            if largest is not None and largest.file_size > MAX_XLSX_MEMBER_BYTES:
                raise _bomb(path, largest.filename, largest.file_size)
            total = sum(m.file_size for m in members)
            if total > MAX_XLSX_TOTAL_BYTES:
                raise _bomb(path, "*", total)
            for member in members:
                _scan_xml_part(path, archive, member)
    except DrieluikError:
        raise
    except NotARegularFile as exc:
        raise refusal(exc) from None
    except Exception as exc:  # BadZipFile, a bad CRC, zlib.error ...: a damaged file
        raise InvalidInput("import.xlsx_invalid", path=path, detail=type(exc).__name__) from None


def _scan_xml_part(path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    unpacked = 0
    rows = 0
    run = 0  # bytes since the last '<' or '>' (crosses chunk borders)
    tail = b""
    with archive.open(member) as part:
        while chunk := part.read(_SCAN_CHUNK):
            unpacked += len(chunk)
            if unpacked > MAX_XLSX_MEMBER_BYTES:
                raise _bomb(path, member.filename, unpacked)
            rows += (tail + chunk).count(b"<row") - tail.count(b"<row")
            tail = chunk[-8:]
            if rows > MAX_ROWS + 1:
                raise InvalidInput("import.too_many_rows", path=path, limit=count(MAX_ROWS))
            first = _first_markup(chunk)
            if first < 0:
                run += len(chunk)
            else:
                run += first
                if run <= MAX_CELL_BYTES:
                    run = len(chunk) - 1 - max(chunk.rfind(b"<"), chunk.rfind(b">"))
            if run > MAX_CELL_BYTES:  # a chunk is smaller than the cap: runs inside one are fine
                raise InvalidInput("import.cell_too_large", path=path, limit=_mib(MAX_CELL_BYTES))


def _first_markup(chunk: bytes) -> int:
    positions = [p for p in (chunk.find(b"<"), chunk.find(b">")) if p >= 0]
    return min(positions) if positions else -1


def _bomb(path: Path, part: str, size: int) -> InvalidInput:
    return InvalidInput(
        "import.xlsx_too_large",
        path=path,
        part=part,
        size=_mib(size),
        limit=_mib(MAX_XLSX_MEMBER_BYTES),
        total=_mib(MAX_XLSX_TOTAL_BYTES),
    )


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


def _known_header(cell: object) -> str | None:
    """The field a header names: its own name, else a usual synonym (synonyms.py)."""
    name = _header_name(cell)
    return name if name in COLUMNS else match_header(name)


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
    mapping: ImportMapping,
    profile: RegionProfile,
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

    positions = _map_header(result, header, mapping)
    total_estimate = max(estimate - header_line, 0)
    first_line_of_code: dict[str, int] = {}
    line = header_line
    for line, cells in enumerate(rows, start=header_line + 1):
        values = [_cell_text(c) for c in cells]
        if _blank(values):
            continue  # blank rows are common at the end of a sheet
        result.total += 1
        raw = {name: values[i] if i < len(values) else None for name, i in positions.items()}
        _translate_values(result, line, raw, positions, mapping, profile)
        data, errors, warnings = cases.validate_case_fields(
            raw, today=today, allow=allow, profile=profile
        )
        for problem in errors:
            result.errors.append(_problem(line, problem.field, positions, problem.message))
            _note_unknown_value(result, problem.field, raw.get(problem.field))
        for problem in warnings:
            result.warn(_problem(line, problem.field, positions, problem.message))
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
                result.warn(
                    _problem(line, "status", positions, t("import.monitoring_without_review"))
                )
            result.rows.append(ImportRow(line, data))
            if len(result.preview) < _PREVIEW_ROWS:
                result.preview.append((line, _shown(data)))
        if progress is not None and result.total % _PROGRESS_EVERY == 0:
            progress(line - header_line, max(total_estimate, line - header_line))
        if len(result.errors) >= MAX_PROBLEMS:
            # Thousands of errors mean the wrong file or a wrong mapping; listing
            # them all helps nobody and costs memory. Nothing can be imported.
            result.stopped_at = line
            break
    if progress is not None:
        progress(line - header_line, line - header_line)
    if result.total == 0:
        raise InvalidInput("import.no_rows", path=result.path)


def _note_unknown_value(result: ImportResult, name: str, text: str | None) -> None:
    if name not in VALUE_FIELDS or not (text and text.strip()):
        return
    table = result.unknown_values.setdefault(name, {})
    text = text.strip()
    if text in table or len(table) < MAX_UNKNOWN_VALUES:
        table[text] = table.get(text, 0) + 1


def _overflow(values: list[str | None], width: int) -> int | None:
    """The first filled cell right of the header, if any: usually a delimiter
    inside an unquoted text, which has shifted every cell after it."""
    return next((i for i in range(width, len(values)) if (values[i] or "").strip()), None)


def _blank(values: list[str | None]) -> bool:
    return not any(v and v.strip() for v in values)


def _map_header(
    result: ImportResult, header: list[str | None], mapping: ImportMapping
) -> dict[str, int]:
    """Field → column index: the chair's mapping first, then a column's own
    name, then the usual synonyms. Two columns for one field are refused (with
    the way to choose one), as is a --map column that the file does not have."""
    positions: dict[str, int] = {}
    unknown: list[str] = []
    used: set[str] = set()
    for index, cell in enumerate(header):
        shown = (_cell_text(cell) or "").replace("\ufeff", "").strip()
        if not shown:
            continue
        name, mapped = _column_field(shown, mapping)
        if mapped:
            used.add(header_key(shown))
        if name == IGNORE:
            continue
        if name is None:
            unknown.append(shown)
            result.ignored_columns.append(shown)
            result.warn(ImportProblem(1, shown, column_letter(index), t("import.column_unknown")))
            continue
        if name in positions:
            first = positions[name]
            raise InvalidInput(
                "import.column_twice",
                column=name,
                first=column_letter(first),
                second=column_letter(index),
                first_header=result.headers[name],
                second_header=shown,
            )
        positions[name] = index
        result.headers[name] = shown
    not_there = sorted(h for h in mapping.required if header_key(h) not in used)
    if not_there:
        raise InvalidInput(
            "import.map_not_in_file",
            path=result.path,
            columns=", ".join(f"'{h}'" for h in not_there),
        )
    missing = [name for name in cases.REQUIRED_FIELDS if name not in positions]
    if missing:
        raise InvalidInput(
            "import.columns_missing",
            path=result.path,
            columns=", ".join(missing),
            required=", ".join(cases.REQUIRED_FIELDS),
            unknown=", ".join(f"'{h}'" for h in unknown) or "—",
            example=f'--map "{unknown[0] if unknown else "Kolom"}={missing[0]}"',
        )
    result.columns = {name: column_letter(index) for name, index in positions.items()}
    return positions


def _column_field(header: str, mapping: ImportMapping) -> tuple[str | None, bool]:
    """The field a header gives (IGNORE, or None: not recognised), and whether
    the mapping said so (rather than the header's own name or a synonym)."""
    mapped = mapping.column_for(header)
    if mapped is not None:
        return mapped, True
    return _known_header(header), False


def _translate_values(
    result: ImportResult,
    line: int,
    raw: dict[str, str | None],
    positions: dict[str, int],
    mapping: ImportMapping,
    profile: RegionProfile,
) -> None:
    """The chair's value mappings, then a village read as its municipality."""
    for name, value in raw.items():
        if value and value.strip():
            target = mapping.value_for(name, value.strip())
            if target is not None:
                raw[name] = target
    place = (raw.get("gemeente") or "").strip()
    if place and profile.parse_municipality(place) is None:
        municipality = profile.place_municipality(place)
        if municipality is not None:
            raw["gemeente"] = municipality
            message = t("import.place_read_as", place=place, municipality=municipality)
            result.warn(_problem(line, "gemeente", positions, message))


def _shown(data: CaseInput) -> dict[str, str]:
    """A row as drieluik read it, for the preview (`--dry-run`)."""
    return {
        "datum": data.signal_date.isoformat(),
        "gemeente": data.municipality,
        "vorm": data.form.value,
        "melder": data.reporter,
        "omschrijving": data.summary,
    }


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
    if not result.complete:
        raise InvalidInput("import.stopped", limit=MAX_PROBLEMS, line=result.stopped_at)
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
