"""Retention (bewaartermijn): closed cases are destroyed once their period is over.

A case is *due* when it was closed at least `retention_years` (a vault
setting, default 5) ago. Purging deletes the case and everything that hangs
off it — history, agenda items, decisions, actions and, through the triggers,
its search-index entries — then compacts the database before the save, so
the text is gone from the encrypted bytes too (docs/privacy.md, "Retention").
What remains is a destruction record per case: code, dates and how many rows
went, never content.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import CursorResult, Delete, delete, func, update
from sqlmodel import Session, col, select

from drieluik.domain.vocabulary import CaseStatus
from drieluik.services import audit, vault_settings
from drieluik.store.models import (
    Action,
    AgendaItem,
    Case,
    CaseEvent,
    Decision,
    DestructionRecord,
    PiiMark,
    now,
)
from drieluik.store.vault import Vault

PURGE_ACTION = "retention.purge"


@dataclass(frozen=True)
class DueCase:
    id: int
    code: str
    signal_date: date
    closed_date: date
    due_since: date

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "datum": self.signal_date.isoformat(),
            "afgesloten": self.closed_date.isoformat(),
            "vernietigen_sinds": self.due_since.isoformat(),
        }


@dataclass(frozen=True)
class DestructionView:
    case_code: str
    signal_date: date | None
    closed_date: date | None
    rows_deleted: int
    destroyed_at: datetime

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.case_code,
            "datum": self.signal_date.isoformat() if self.signal_date else None,
            "afgesloten": self.closed_date.isoformat() if self.closed_date else None,
            "rijen_verwijderd": self.rows_deleted,
            "vernietigd_op": self.destroyed_at.isoformat(),
        }


def due_since(closed: date, years: int) -> date:
    """The day a case closed on `closed` becomes due (29 February → 28 February)."""
    try:
        return closed.replace(year=closed.year + years)
    except ValueError:
        return closed.replace(year=closed.year + years, day=28)


def _due(session: Session, today: date) -> list[DueCase]:
    years = vault_settings.read(session, vault_settings.RETENTION_YEARS)
    # A generous cut-off in SQL, the exact calendar rule in Python.
    latest_closed = date(today.year - years, 12, 31)
    rows = session.exec(
        select(col(Case.id), col(Case.code), col(Case.signal_date), col(Case.closed_date))
        .where(
            Case.status == CaseStatus.AFGESLOTEN.value,
            col(Case.closed_date).is_not(None),
            col(Case.closed_date) <= latest_closed,
        )
        .order_by(col(Case.closed_date), col(Case.code))
    ).all()
    due = []
    for case_id, code, signal_date, closed in rows:
        assert closed is not None  # the query asks for closed cases only
        since = due_since(closed, years)
        if since <= today:
            due.append(DueCase(case_id or 0, code, signal_date, closed, since))
    return due


def due_cases(vault: Vault, today: date | None = None) -> list[DueCase]:
    """Closed cases whose retention period is over, longest closed first."""
    with vault.session() as session:
        return _due(session, today or date.today())


def count_due(vault: Vault, today: date | None = None) -> int:
    """How many cases are due (for the dashboard): a COUNT, not a list.

    Every case closed on or before `today` minus the period is certainly due;
    only the few closed after that day within the generous cut-off of `_due`
    need the exact calendar rule.
    """
    today = today or date.today()
    with vault.session() as session:
        years = vault_settings.read(session, vault_settings.RETENTION_YEARS)
        certain = due_since(today, -years)  # same day, `years` earlier
        closed = (
            Case.status == CaseStatus.AFGESLOTEN.value,
            col(Case.closed_date).is_not(None),
        )
        count = session.exec(
            select(func.count()).select_from(Case).where(*closed, col(Case.closed_date) <= certain)
        ).one()
        rest = session.exec(
            select(col(Case.closed_date)).where(
                *closed,
                col(Case.closed_date) > certain,
                col(Case.closed_date) <= date(today.year - years, 12, 31),
            )
        ).all()
    return count + sum(1 for day in rest if day and due_since(day, years) <= today)


def retention_years(vault: Vault) -> int:
    return vault_settings.get(vault, vault_settings.RETENTION_YEARS)


def set_retention_years(vault: Vault, years: int) -> None:
    vault_settings.put(vault, vault_settings.RETENTION_YEARS, years)


def _deleted(session: Session, statement: Delete) -> int:
    """Run a DELETE; the number of rows it removed."""
    result: CursorResult[Any] = session.execute(statement)  # type: ignore[assignment]  # sqlmodel types execute() as Result
    return int(result.rowcount)


def _destroy(session: Session, case: DueCase, stamp: datetime) -> int:
    """Delete one case and all rows that hang off it; returns the number of rows."""
    item_ids = select(AgendaItem.id).where(AgendaItem.case_id == case.id)
    deleted = 0
    for table in (Decision, Action):
        # Another case's row pointing at this case's agenda item keeps its
        # own content; only the link goes.
        session.execute(
            update(table)
            .where(col(table.agenda_item_id).in_(item_ids), col(table.case_id) != case.id)
            .values(agenda_item_id=None)
        )
        deleted += _deleted(session, delete(table).where(col(table.case_id) == case.id))
    deleted += _deleted(session, delete(AgendaItem).where(col(AgendaItem.case_id) == case.id))
    deleted += _deleted(session, delete(CaseEvent).where(col(CaseEvent.case_id) == case.id))
    session.execute(delete(PiiMark).where(col(PiiMark.case_id) == case.id))
    deleted += _deleted(session, delete(Case).where(col(Case.id) == case.id))
    # Frozen minutes hold the case's summary and notes too; they must not outlive it.
    from drieluik.services.minutes.record import forget_case

    forget_case(session, case.code)
    session.add(
        DestructionRecord(
            destroyed_at=stamp,
            case_code=case.code,
            signal_date=case.signal_date,
            closed_date=case.closed_date,
            rows_deleted=deleted,
        )
    )
    return deleted


def purge(
    vault: Vault, today: date | None = None, *, codes: Iterable[str] | None = None
) -> list[DestructionView]:
    """Destroy the due cases (only those in `codes`, when given: what the user confirmed).

    One transaction and one save: either every listed case is destroyed or none.
    """
    wanted = {c.strip().upper() for c in codes} if codes is not None else None
    day = today or date.today()

    def chosen(session: Session) -> list[DueCase]:
        return [c for c in _due(session, day) if wanted is None or c.code in wanted]

    with vault.session() as session:
        if not chosen(session):
            return []
    stamp = now()
    with vault.transaction(compact=True) as session:
        due = chosen(session)
        counts = [_destroy(session, case, stamp) for case in due]
        audit.record_many(session, PURGE_ACTION, [c.code for c in due])
    return [
        DestructionView(c.code, c.signal_date, c.closed_date, n, stamp)
        for c, n in zip(due, counts, strict=True)
    ]


def destruction_records(vault: Vault) -> list[DestructionView]:
    """Every destruction so far, oldest first."""
    with vault.session() as session:
        rows = session.exec(select(DestructionRecord).order_by(col(DestructionRecord.id))).all()
    return [
        DestructionView(r.case_code, r.signal_date, r.closed_date, r.rows_deleted, r.destroyed_at)
        for r in rows
    ]
