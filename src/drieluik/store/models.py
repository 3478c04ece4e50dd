"""SQLModel tables. The schema itself is created by `migrations.py` (frozen DDL);
`tests/store/test_migrations.py` checks that the two agree.

Moments are stored as aware UTC datetimes (SQLModel's UTCDateTime) and shown
in the laptop's local time (`domain.dates.local`); calendar dates are plain dates.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime

from sqlalchemy import Table, UniqueConstraint
from sqlmodel import Field, SQLModel

_clock: ContextVar[datetime | None] = ContextVar("drieluik_clock", default=None)


def table_of(model: type[SQLModel]) -> Table:
    """The SQLAlchemy table of a model (bulk inserts and updates use it)."""
    table = model.__table__  # type: ignore[attr-defined]  # SQLModel sets it but does not declare it
    assert isinstance(table, Table)
    return table


def now() -> datetime:
    """The current moment (UTC), or the moment set by `clock_at`."""
    fixed = _clock.get()
    return fixed if fixed is not None else datetime.now(UTC).replace(microsecond=0)


@contextmanager
def clock_at(moment: datetime) -> Iterator[None]:
    """Record changes as if made at `moment` (demo data, tests of history order)."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    token = _clock.set(moment.astimezone(UTC))
    try:
        yield
    finally:
        _clock.reset(token)


class Case(SQLModel, table=True):
    __tablename__ = "cases"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True)
    signal_date: date = Field(index=True)
    reporter: str
    # municipality, form, status: indexed together with signal_date (migration 4)
    municipality: str
    form: str
    vulnerable_groups: str = ""  # comma-separated VulnerableGroup values
    organised_crime: bool = False
    summary: str = ""
    status: str
    review_date: date | None = None
    closed_date: date | None = None
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime = Field(default_factory=now)


class Reporter(SQLModel, table=True):
    __tablename__ = "reporters"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    known: bool = True  # False: added as typed by an import or intake


class Meeting(SQLModel, table=True):
    __tablename__ = "meetings"

    id: int | None = Field(default=None, primary_key=True)
    meeting_date: date = Field(unique=True, index=True)
    attending: str = "[]"  # JSON list of organisation names, never person names
    started_at: datetime | None = None
    ended_at: datetime | None = None
    created_at: datetime = Field(default_factory=now)
    # Set when a closed meeting is opened again (migration 5); kept after it is
    # closed again, so the state `heropend` is "reopened and not yet closed".
    reopened_at: datetime | None = None


class AgendaItem(SQLModel, table=True):
    __tablename__ = "agenda_items"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meetings.id", index=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    position: int
    reason: str
    notes: str = ""
    discussed: bool = False
    seconds_spent: int = 0
    carried_over: bool = False  # moved on to a later meeting
    # Migration 5. The time-box, and the case status before `mark_discussed`
    # changed it (so `unmark_discussed` can put it back).
    planned_seconds: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    status_before: str | None = None


class Decision(SQLModel, table=True):
    __tablename__ = "decisions"

    id: int | None = Field(default=None, primary_key=True)
    agenda_item_id: int | None = Field(default=None, foreign_key="agenda_items.id", index=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    kind: str
    text: str = ""
    referral_to: str | None = None  # organisation, for `doorverwijzing`
    review_date: date | None = None  # for `monitoring`
    created_at: datetime = Field(default_factory=now)
    # Migration 5: the case as it was before this decision, for `undo_decision`.
    status_before: str | None = None
    review_date_before: date | None = None
    closed_date_before: date | None = None


class Action(SQLModel, table=True):
    __tablename__ = "actions"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    agenda_item_id: int | None = Field(default=None, foreign_key="agenda_items.id", index=True)
    description: str
    owner: str  # organisation
    due_date: date | None = Field(default=None, index=True)
    status: str = Field(default="open", index=True)
    times_postponed: int = 0
    created_at: datetime = Field(default_factory=now)
    closed_at: datetime | None = None


class MeetingRecord(SQLModel, table=True):
    """The minutes of a meeting as they stood when it was closed (migration 5).

    Written in the same transaction as the closing and never changed: a
    reopened meeting closed again gets a new version; exports use the newest.
    `minutes` is the minutes model as JSON (services/minutes/model.py).
    """

    __tablename__ = "meeting_records"
    __table_args__ = (UniqueConstraint("meeting_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meetings.id")
    version: int
    closed_at: datetime = Field(default_factory=now)
    minutes: str


class CaseEvent(SQLModel, table=True):
    """One line of a case's history: a kind and its facts, never rewritten.

    `params` is JSON (the facts, rendered in the reader's language when shown;
    per kind in docs/vault-format.md). `detail` held a Dutch sentence before
    migration 5, which moved them into `params`; it stays empty. A trigger
    refuses every UPDATE (migration 5).
    """

    __tablename__ = "case_events"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    at: datetime = Field(default_factory=now)
    kind: str
    meeting_id: int | None = Field(default=None, foreign_key="meetings.id")
    detail: str = ""
    params: str = Field(default="{}", sa_column_kwargs={"server_default": "{}"})


class Setting(SQLModel, table=True):
    """Everything about the data (retention period, …) lives in the vault."""

    __tablename__ = "settings"

    key: str = Field(primary_key=True)
    value: str


class AllowTerm(SQLModel, table=True):
    """A word or phrase the personal-data guard must not flag."""

    __tablename__ = "allow_terms"

    id: int | None = Field(default=None, primary_key=True)
    term: str = Field(unique=True)
    added_at: datetime = Field(default_factory=now)


class PiiMark(SQLModel, table=True):
    """A stored text with accepted personal-data findings (migration 7).

    `owner` is the table (`cases`, `agenda_items`, `decisions`, `actions`,
    `case_events`), `field` its column (or the event's param); `categories` is
    a comma-separated list of `pii.Category` values and `offsets` JSON
    `[[start, end], ...]`. Never the found text itself.
    """

    __tablename__ = "pii_marks"
    __table_args__ = (UniqueConstraint("owner", "owner_id", "field"),)

    id: int | None = Field(default=None, primary_key=True)
    owner: str
    owner_id: int
    field: str
    case_id: int | None = Field(default=None, foreign_key="cases.id", index=True)
    categories: str
    offsets: str
    marked_at: datetime = Field(default_factory=now)


class AuditEntry(SQLModel, table=True):
    """Hash-chained audit trail: who did what to which case code; never contents."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=now)
    os_user: str
    action: str
    case_code: str | None = None
    prev_hash: str
    hash: str
    # The name of the key slot that opened the vault (never a secret); NULL
    # for entries made before schema 9. Part of the hash when present.
    key_slot: str | None = None


class DestructionRecord(SQLModel, table=True):
    """What a retention purge destroyed: code, dates and counts, no content."""

    __tablename__ = "destruction_records"

    id: int | None = Field(default=None, primary_key=True)
    destroyed_at: datetime = Field(default_factory=now)
    case_code: str
    signal_date: date | None = None
    closed_date: date | None = None
    rows_deleted: int = 0
