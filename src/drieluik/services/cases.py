"""The case register: signals become cases with a pseudonymous code.

Validation is shared by every way in (import, `case add`, the intake form):
`validate_case_fields` takes the raw texts named like the import columns and
returns a `CaseInput` or the problems per field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Integer, bindparam, cast, func, insert, update
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from drieluik.domain.dates import MIN_YEAR, check_not_past, local, parse_date
from drieluik.domain.region import RegionProfile
from drieluik.domain.text import clean_short_text, clean_text
from drieluik.domain.vocabulary import (
    CaseStatus,
    EventKind,
    ExploitationForm,
    VulnerableGroup,
    parse_form,
    parse_status,
    parse_vulnerable_group,
    parse_yes_no,
)
from drieluik.errors import DrieluikError, InvalidInput
from drieluik.i18n import t
from drieluik.services import audit, guard, region
from drieluik.services.pii import scan
from drieluik.services.types import CaseFilter, CaseView, FieldProblem
from drieluik.store.models import Case, CaseEvent, Reporter, Setting, now, table_of
from drieluik.store.vault import Vault

# A case code: the region's prefix (DL for Drenthe), the signal year, a number.
CODE_PATTERN = re.compile(r"^([A-Z]{2,4})-(\d{4})-(\d{3,6})$")

# The field names of the import columns, `case add` options and the form.
REQUIRED_FIELDS = ("datum", "gemeente", "vorm", "melder", "omschrijving")
OPTIONAL_FIELDS = ("code", "status", "ondermijning", "kwetsbaar")


@dataclass(frozen=True)
class CaseInput:
    signal_date: date
    reporter: str
    municipality: str  # a name of the vault's region profile, its `outside` or `onbekend`
    form: ExploitationForm
    summary: str
    vulnerable_groups: tuple[VulnerableGroup, ...] = ()
    organised_crime: bool = False
    status: CaseStatus = CaseStatus.NIEUW
    code: str | None = None


# --- validation ------------------------------------------------------------------


def validate_case_fields(
    raw: dict[str, str | None],
    *,
    today: date | None = None,
    allow: Iterable[str] = (),
    profile: RegionProfile | None = None,
) -> tuple[CaseInput | None, list[FieldProblem], list[FieldProblem]]:
    """Validate raw texts → (input or None, errors, warnings).

    `allow` is the vault's allow-list: a reporter that is not a known
    organisation is checked for personal data with it (a melder is an
    organisation, never a person, and it appears in reports and minutes).
    `profile` is the vault's region (`region.get`): its municipalities and
    reporters are the ones accepted; None means Drenthe's.
    """
    profile = profile or region.default_profile()
    errors: list[FieldProblem] = []
    warnings: list[FieldProblem] = []

    def text(name: str) -> str:
        return (raw.get(name) or "").strip()

    for name in REQUIRED_FIELDS:
        if not text(name):
            errors.append(FieldProblem(name, t("field.required")))

    signal_date = None
    if text("datum"):
        signal_date = parse_date(text("datum"))
        if signal_date is None:
            errors.append(FieldProblem("datum", t("field.date_invalid", value=text("datum"))))
        elif today is not None and signal_date > today:
            errors.append(FieldProblem("datum", t("field.date_future", value=signal_date)))
        elif signal_date.year < MIN_YEAR:
            # A case code carries a four-digit year (DL-2024-017).
            errors.append(
                FieldProblem("datum", t("field.date_too_early", value=signal_date, year=MIN_YEAR))
            )

    municipality = None
    if text("gemeente"):
        municipality = profile.parse_municipality(text("gemeente"))
        if municipality is None:
            names = profile.names_on(signal_date or today or date.today())
            message = t(
                "field.municipality_invalid",
                value=text("gemeente"),
                region=profile.name,
                count=len(names),
                outside=profile.outside,
            )
            errors.append(FieldProblem("gemeente", message))

    form = None
    if text("vorm"):
        form = parse_form(text("vorm"))
        if form is None:
            errors.append(FieldProblem("vorm", t("field.form_invalid", value=text("vorm"))))

    reporter = ""
    if text("melder"):
        reporter, problem = _checked_text("melder", text("melder"), short=True)
        if problem:
            errors.append(problem)
        elif canonical_reporter(reporter, profile) is None:
            found = scan(reporter, allow)
            if found:
                from drieluik.services.pii import mask

                kind = found[0].category.label
                message = t("field.reporter_personal", text=mask(found[0].text), kind=kind)
                errors.append(FieldProblem("melder", message, kind="personal_data"))
            else:
                warnings.append(FieldProblem("melder", t("field.reporter_unknown", value=reporter)))
        else:
            reporter = canonical_reporter(reporter, profile) or reporter

    summary = ""
    if text("omschrijving"):
        summary, problem = _checked_text("omschrijving", raw.get("omschrijving") or "")
        if problem:
            errors.append(problem)

    status = CaseStatus.NIEUW
    if text("status"):
        parsed_status = parse_status(text("status"))
        if parsed_status is None:
            errors.append(FieldProblem("status", t("field.status_invalid", value=text("status"))))
        else:
            status = parsed_status

    organised_crime = False
    if text("ondermijning"):
        parsed_bool = parse_yes_no(text("ondermijning"))
        if parsed_bool is None:
            errors.append(
                FieldProblem("ondermijning", t("field.yes_no_invalid", value=text("ondermijning")))
            )
        else:
            organised_crime = parsed_bool

    groups: list[VulnerableGroup] = []
    for part in re.split(r"[,;/]", text("kwetsbaar")):
        if not part.strip():
            continue
        group = parse_vulnerable_group(part)
        if group is None:
            errors.append(FieldProblem("kwetsbaar", t("field.group_invalid", value=part.strip())))
        elif group not in groups:
            groups.append(group)

    code = None
    if text("code"):
        code = text("code").upper()
        match = CODE_PATTERN.match(code)
        if not match or match.group(1) != profile.code_prefix:
            errors.append(
                FieldProblem(
                    "code",
                    t("field.code_invalid", value=text("code"), prefix=profile.code_prefix),
                )
            )

    if errors:
        return None, errors, warnings
    assert signal_date and municipality and form
    return (
        CaseInput(
            signal_date=signal_date,
            reporter=reporter,
            municipality=municipality,
            form=form,
            summary=summary,
            vulnerable_groups=tuple(groups),
            organised_crime=organised_crime,
            status=status,
            code=code,
        ),
        [],
        warnings,
    )


def _checked_text(name: str, value: str, *, short: bool = False) -> tuple[str, FieldProblem | None]:
    try:
        return (clean_short_text(name, value) if short else clean_text(name, value)), None
    except DrieluikError as exc:
        key = "field.text_too_long" if exc.key == "vault.text_too_long" else "field.text_invalid"
        params = {k: v for k, v in exc.params.items() if k in ("size", "limit")}
        return "", FieldProblem(name, t(key, **params))


def require_valid(
    raw: dict[str, str | None],
    *,
    today: date | None = None,
    allow: Iterable[str] = (),
    profile: RegionProfile | None = None,
) -> CaseInput:
    """Validate or raise one InvalidInput listing every problem (for the CLI)."""
    data, errors, _ = validate_case_fields(raw, today=today, allow=allow, profile=profile)
    if data is None:
        problems = "; ".join(f"{p.field}: {p.message}" for p in errors)
        raise InvalidInput("case.invalid", problems=problems)
    return data


def canonical_reporter(name: str, profile: RegionProfile | None = None) -> str | None:
    """The region's spelling of a usual reporting organisation, or None if unknown."""
    return (profile or region.default_profile()).canonical_reporter(name)


# --- reading ---------------------------------------------------------------------


def to_view(case: Case | Any) -> CaseView:
    """A case's view; `case` is a `Case` or a row of its columns (`iter_cases`)."""
    groups = tuple(
        g for g in (parse_vulnerable_group(p) for p in case.vulnerable_groups.split(",") if p) if g
    )
    return CaseView(
        id=case.id or 0,
        code=case.code,
        signal_date=case.signal_date,
        reporter=case.reporter,
        municipality=case.municipality,
        form=ExploitationForm(case.form),
        status=CaseStatus(case.status),
        summary=case.summary,
        vulnerable_groups=groups,
        organised_crime=case.organised_crime,
        review_date=case.review_date,
        closed_date=case.closed_date,
    )


def today() -> date:
    """The laptop's date of `models.now()` (so `clock_at` moves it too)."""
    return local(now()).date()


def find_case(session: Session, ref: str | int) -> Case:
    """A case by id or code (code case-insensitive); InvalidInput when absent."""
    if isinstance(ref, int):
        case = session.get(Case, ref)
    else:
        case = session.exec(select(Case).where(Case.code == ref.strip().upper())).first()
    if case is None:
        raise InvalidInput("case.not_found", code=ref)
    return case


def get_case(vault: Vault, ref: str | int) -> CaseView:
    with vault.session() as session:
        return to_view(find_case(session, ref))


Row = TypeVar("Row")


def _filtered(statement: SelectOfScalar[Row], filters: CaseFilter) -> SelectOfScalar[Row]:
    if filters.year is not None:
        statement = statement.where(
            Case.signal_date >= date(filters.year, 1, 1),
            Case.signal_date <= date(filters.year, 12, 31),
        )
    if filters.status is not None:
        statement = statement.where(Case.status == filters.status.value)
    if filters.statuses:
        statement = statement.where(col(Case.status).in_([s.value for s in filters.statuses]))
    if filters.form is not None:
        statement = statement.where(Case.form == filters.form.value)
    if filters.municipality is not None:
        statement = statement.where(Case.municipality == str(filters.municipality))
    return statement


def list_cases(
    vault: Vault, filters: CaseFilter | None = None, *, offset: int = 0, limit: int | None = None
) -> list[CaseView]:
    """Newest signal first; page with offset/limit (the cases screen never loads all)."""
    statement = _filtered(select(Case), filters or CaseFilter()).order_by(
        col(Case.signal_date).desc(), col(Case.id).desc()
    )
    if limit is not None:
        statement = statement.offset(offset).limit(limit)
    with vault.session() as session:
        return [to_view(c) for c in session.exec(statement)]


# The columns `to_view` reads: selected as plain rows, they build the same views.
_VIEW_COLUMNS = (
    Case.id,
    Case.code,
    Case.signal_date,
    Case.reporter,
    Case.municipality,
    Case.form,
    Case.status,
    Case.summary,
    Case.vulnerable_groups,
    Case.organised_crime,
    Case.review_date,
    Case.closed_date,
)


def iter_cases(
    vault: Vault, filters: CaseFilter | None = None, *, limit: int | None = None
) -> Generator[CaseView, None, None]:
    """`list_cases`' views one at a time, from column rows: no ORM object per row.

    For `cases --json` over the whole vault (issue 13: building a SQLModel
    object per case was most of its 13.6 s at 100k). Holds the database lock
    until the iteration ends; a command, not the UI, consumes it.
    """
    # sqlmodel's select() is typed for at most four columns; these are twelve.
    columns = select(*_VIEW_COLUMNS)  # type: ignore[call-overload]
    statement = _filtered(columns, filters or CaseFilter()).order_by(
        col(Case.signal_date).desc(), col(Case.id).desc()
    )
    if limit is not None:
        statement = statement.limit(limit)
    with vault.session() as session:
        for row in session.execute(statement):
            yield to_view(row)


def count_cases(vault: Vault, filters: CaseFilter | None = None) -> int:
    statement = _filtered(select(func.count()).select_from(Case), filters or CaseFilter())
    with vault.session() as session:
        return int(session.exec(statement).one())


def list_reporters(vault: Vault) -> list[str]:
    """The region's usual reporters first (their order), then names added by
    imports or intake."""
    with vault.session() as session:
        known = region.read(session).reporters
        added = session.exec(select(Reporter.name).order_by(Reporter.name)).all()
    return list(known) + [name for name in added if name not in known]


# --- writing ---------------------------------------------------------------------


def _year_counter_key(year: int) -> str:
    return f"code_counter:{year}"


def _highest_number(session: Session, prefix: str, year: int) -> int:
    start = f"{prefix}-{year}-"
    in_table = session.exec(
        select(func.max(cast(func.substr(Case.code, len(start) + 1), Integer))).where(
            Case.code >= start, Case.code < f"{prefix}-{year}."
        )
    ).one()
    counter = session.get(Setting, _year_counter_key(year))
    return max(in_table or 0, int(counter.value) if counter else 0)


class _CodeAllocator:
    """Hands out PREFIX-YYYY-NNN codes (DL-2024-017 in Drenthe: the prefix is the
    region profile's): numbered per signal year, never reused.

    The highest number issued is kept in `settings`, so a code freed by a
    retention purge is never given to another case.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.prefix = region.read(session).code_prefix
        self.highest: dict[int, int] = {}

    def _load(self, year: int) -> int:
        if year not in self.highest:
            self.highest[year] = _highest_number(self.session, self.prefix, year)
        return self.highest[year]

    def next(self, year: int) -> str:
        number = self._load(year) + 1
        self.highest[year] = number
        return f"{self.prefix}-{year}-{number:03d}"

    def claim(self, code: str) -> None:
        match = CODE_PATTERN.match(code)
        if not match or match.group(1) != self.prefix:
            raise InvalidInput("case.code_invalid", code=code, prefix=self.prefix)
        year, number = int(match.group(2)), int(match.group(3))
        self.highest[year] = max(self._load(year), number)

    def persist(self) -> None:
        for year, number in self.highest.items():
            key = _year_counter_key(year)
            setting = self.session.get(Setting, key)
            if setting is None:
                self.session.add(Setting(key=key, value=str(number)))
            elif int(setting.value) < number:
                setting.value = str(number)
                self.session.add(setting)


def _ensure_reporters(session: Session, names: set[str]) -> None:
    profile = region.read(session)
    unknown = {n for n in names if canonical_reporter(n, profile) is None}
    if not unknown:
        return
    existing = set(session.exec(select(Reporter.name).where(col(Reporter.name).in_(unknown))))
    for name in sorted(unknown - existing):
        session.add(Reporter(name=name, known=False))


def _row(data: CaseInput, code: str) -> dict[str, object]:
    stamp = now()
    return {
        "code": code,
        "signal_date": data.signal_date,
        "reporter": data.reporter,
        "municipality": str(data.municipality),
        "form": data.form.value,
        "vulnerable_groups": ",".join(g.value for g in data.vulnerable_groups),
        "organised_crime": data.organised_crime,
        "summary": data.summary,
        "status": data.status.value,
        "closed_date": data.signal_date if data.status is CaseStatus.AFGESLOTEN else None,
        "created_at": stamp,
        "updated_at": stamp,
    }


def guard_inputs(
    vault: Vault,
    inputs: list[CaseInput],
    *,
    accept_personal_data: bool = False,
    redact: bool = False,
    lines: list[int] | None = None,
) -> tuple[list[CaseInput], list[tuple[Any, ...]]]:
    """The inputs as the vault's policy lets them in, and the findings to mark.

    Refuses all (PersonalDataFound listing each input's findings, masked, with
    its line when given) when one summary is not let in; a reporter that is
    not a known organisation is checked as an organisation field.
    """
    checker = guard.Guard.load(vault)
    profile = region.get(vault)
    refused: list[guard.Found] = []
    kept: list[CaseInput] = []
    marks: list[tuple[Any, ...]] = []
    for index, data in enumerate(inputs):
        line = lines[index] if lines else None
        if canonical_reporter(data.reporter, profile) is None:
            found = checker.scan(data.reporter)
            if found and not accept_personal_data:
                refused += guard.to_found("reporter", found, line=line)
        try:
            checked = checker.check(
                "summary", data.summary, accept=accept_personal_data, redact=redact
            )
        except guard.PersonalDataFound as error:
            refused += [replace(f, line=line) for f in error.found]
            continue
        kept.append(replace(data, summary=checked.text) if checked.redacted else data)
        marks.append(checked.findings)
    if refused:
        raise checker.refusal(refused)
    if accept_personal_data:
        from drieluik.services.allowlist import add_allow_term

        for reporter in {
            d.reporter for d in kept if canonical_reporter(d.reporter, profile) is None
        }:
            if checker.scan(reporter):
                add_allow_term(vault, reporter)  # confirmed: it is an organisation
    return kept, marks


def create_cases(
    vault: Vault,
    inputs: list[CaseInput],
    *,
    action: str = "case.create",
    accept_personal_data: bool = False,
    redact: bool = False,
    lines: list[int] | None = None,
    checked: list[tuple[Any, ...]] | None = None,
) -> list[str]:
    """Create cases in one transaction and one save; returns their codes.

    Either all are created or none (an explicit code that exists refuses all,
    as does a summary the personal-data policy does not let in: see
    `services.guard`; `accept_personal_data` is the confirmation, `redact`
    stores placeholders instead). `checked`: the findings per input that the
    caller already let in by the policy (the importer, which reports them per
    line and column before anything is stored); they are marked.
    """
    if not inputs:
        return []
    if checked is not None:
        marks = checked
    else:
        inputs, marks = guard_inputs(
            vault, inputs, accept_personal_data=accept_personal_data, redact=redact, lines=lines
        )
    with vault.transaction() as session:
        allocator = _CodeAllocator(session)
        explicit = [d.code for d in inputs if d.code]
        if explicit:
            taken = session.exec(select(Case.code).where(col(Case.code).in_(explicit))).first()
            if taken or len(set(explicit)) != len(explicit):
                duplicate = taken or next(c for c in explicit if explicit.count(c) > 1)
                raise InvalidInput("case.code_exists", code=duplicate)
            for code in explicit:
                allocator.claim(code)
        rows = [_row(d, d.code or allocator.next(d.signal_date.year)) for d in inputs]
        # closed_date goes in afterwards: SQLAlchemy's insertmanyvalues starts a
        # new batch whenever a value switches between NULL and set, and joining
        # the RETURNING results of thousands of tiny batches is quadratic
        # (20,000 rows with mixed statuses took a minute instead of a second).
        closed = [row.pop("closed_date") for row in rows]
        ids = [
            i for i in session.scalars(insert(Case).returning(col(Case.id)), rows) if i is not None
        ]
        closing = [
            {"b_id": case_id, "b_closed": day}
            for case_id, day in zip(ids, closed, strict=True)
            if day is not None
        ]
        if closing:
            table = table_of(Case)
            session.execute(
                update(table)
                .where(table.c.id == bindparam("b_id"))
                .values(closed_date=bindparam("b_closed")),
                closing,
            )
        events = [
            {
                "case_id": case_id,
                "at": row["created_at"],
                "kind": EventKind.SIGNAAL_ONTVANGEN.value,
                "detail": "",
                "params": event_params({"reporter": row["reporter"]}),
            }
            for case_id, row in zip(ids, rows, strict=True)
        ]
        session.execute(insert(CaseEvent), events)
        for case_id, findings in zip(ids, marks, strict=True):
            if findings:
                guard.mark(session, "cases", case_id, "summary", case_id, findings)
        _ensure_reporters(session, {d.reporter for d in inputs})
        allocator.persist()
        codes = [str(r["code"]) for r in rows]
        audit.record_many(session, action, codes)
    return codes


def create_case(
    vault: Vault, data: CaseInput, *, accept_personal_data: bool = False, redact: bool = False
) -> CaseView:
    (code,) = create_cases(vault, [data], accept_personal_data=accept_personal_data, redact=redact)
    return get_case(vault, code)


# The fields an edit may change; the history names them (history.field.<name>).
_EDITABLE = (
    "signal_date",
    "reporter",
    "municipality",
    "form",
    "summary",
    "vulnerable_groups",
    "organised_crime",
)


def update_case(
    vault: Vault,
    ref: str | int,
    data: CaseInput,
    *,
    accept_personal_data: bool = False,
    redact: bool = False,
) -> CaseView:
    """Edit a case's fields; the history records which fields changed, not their contents.

    The summary goes through the personal-data policy as in `create_cases`;
    its mark follows the text (cleared when the guard finds nothing now).
    """
    with vault.session() as session:
        before = find_case(session, ref)
        unchanged_summary = before.summary == data.summary
        unchanged_reporter = before.reporter == data.reporter
    if unchanged_summary and unchanged_reporter:
        marks: Sequence[tuple[Any, ...] | None] = [None]
    else:
        # Only what changes is checked: an edit of the date does not ask again
        # about a summary that was confirmed before.
        probe = replace(
            data,
            summary="" if unchanged_summary else data.summary,
            reporter=region.get(vault).reporters[0] if unchanged_reporter else data.reporter,
        )
        (checked,), marks = guard_inputs(
            vault, [probe], accept_personal_data=accept_personal_data, redact=redact
        )
        if not unchanged_summary:
            data = replace(data, summary=checked.summary)
        else:
            marks = [None]
    with vault.transaction() as session:
        case = find_case(session, ref)
        if marks[0] is not None:
            guard.mark(session, "cases", case.id or 0, "summary", case.id, marks[0])
        new = _row(replace(data, status=CaseStatus(case.status)), case.code)
        changed = [attr for attr in _EDITABLE if getattr(case, attr) != new[attr]]
        if changed:
            for attr in _EDITABLE:
                setattr(case, attr, new[attr])
            case.updated_at = now()
            session.add(case)
            _ensure_reporters(session, {data.reporter})
            add_event(session, case, EventKind.GEWIJZIGD, fields=changed)
            audit.record(session, "case.edit", case.code)
        if data.status is not CaseStatus(case.status) and data.status is not CaseStatus.NIEUW:
            change_status(session, case, data.status)
    return get_case(vault, case.id or 0)


def add_event(
    session: Session,
    case: Case,
    kind: EventKind,
    meeting_id: int | None = None,
    /,
    **params: object,
) -> CaseEvent:
    """Append one event to a case's history: its kind and facts, never a sentence.

    Events are never changed afterwards (a trigger refuses UPDATE); the
    history renders them in the reader's language (`services.history`).
    """
    event = CaseEvent(
        case_id=case.id or 0, kind=kind.value, meeting_id=meeting_id, params=event_params(params)
    )
    session.add(event)
    return event


def event_params(params: dict[str, object]) -> str:
    """Params as stored: JSON, dates as ISO text."""
    return json.dumps(params, ensure_ascii=False, default=_iso, sort_keys=True)


def _iso(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not storable in an event: {type(value).__name__}")


def change_status(
    session: Session,
    case: Case,
    status: CaseStatus,
    *,
    review_date: date | None = None,
    on: date | None = None,
    meeting_id: int | None = None,
) -> None:
    """Set a case's status and record it in its history (no-op when unchanged)."""
    old = CaseStatus(case.status)
    if status is CaseStatus.MONITORING:
        case.review_date = review_date
    if status is CaseStatus.AFGESLOTEN:
        # The clock, not the wall calendar: `clock_at` replays changes at past moments.
        case.closed_date = on or local(now()).date()
    elif old is CaseStatus.AFGESLOTEN:
        case.closed_date = None
    if old is status and status is not CaseStatus.MONITORING:
        return
    case.status = status.value
    case.updated_at = now()
    session.add(case)
    facts: dict[str, object] = {"from": old.value, "to": status.value}
    if status is CaseStatus.MONITORING and review_date:
        facts["review_date"] = review_date
    add_event(session, case, EventKind.STATUS_GEWIJZIGD, meeting_id, **facts)


def set_status(
    vault: Vault, ref: str | int, status: CaseStatus, *, review_date: date | None = None
) -> CaseView:
    if status is CaseStatus.MONITORING and review_date is None:
        raise InvalidInput("decision.review_date_required")
    if status is CaseStatus.MONITORING:
        check_not_past(review_date, today())
    with vault.transaction() as session:
        case = find_case(session, ref)
        change_status(session, case, status, review_date=review_date)
        audit.record(session, "case.status", case.code)
    return get_case(vault, ref)
