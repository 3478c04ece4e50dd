"""What the dashboard shows right after unlocking, from cheap indexed queries.

Counts come from COUNT/GROUP BY on indexed columns and lists are capped, so
the overview appears at once even with 100,000 cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func
from sqlmodel import col, select

from drieluik.domain.vocabulary import ActionStatus, CaseStatus, ExploitationForm, MeetingState
from drieluik.services import guard, retention
from drieluik.services.cases import to_view
from drieluik.services.meetings import _action_view, meeting_state
from drieluik.services.types import ActionView, CaseView
from drieluik.store.models import Action, AgendaItem, Case, Meeting
from drieluik.store.vault import Vault

LIST_LIMIT = 5


@dataclass(frozen=True)
class NextMeeting:
    id: int
    meeting_date: date
    item_count: int
    state: MeetingState

    @property
    def started(self) -> bool:
        return self.state is not MeetingState.GEPLAND


@dataclass(frozen=True)
class DashboardSummary:
    today: date
    next_meeting: NextMeeting | None
    overdue_count: int
    overdue: tuple[ActionView, ...]
    reviews_due_count: int
    reviews_due: tuple[CaseView, ...]
    previous_meeting_date: date | None
    new_signals: int
    year: int
    year_counts: dict[ExploitationForm, int] = field(default_factory=dict)
    destruction_due: int = 0  # cases past the retention period
    personal_data_texts: int = 0  # stored texts with accepted findings (pii_marks)

    @property
    def year_total(self) -> int:
        return sum(self.year_counts.values())


def summary(vault: Vault, today: date, *, limit: int = LIST_LIMIT) -> DashboardSummary:
    with vault.session() as session:
        meeting_row = session.exec(
            select(Meeting)
            .where(Meeting.meeting_date >= today, col(Meeting.ended_at).is_(None))
            .order_by(col(Meeting.meeting_date))
            .limit(1)
        ).first()
        next_meeting = None
        if meeting_row is not None:
            meeting_id, meeting_date = meeting_row.id, meeting_row.meeting_date
            items = session.exec(
                select(func.count())
                .select_from(AgendaItem)
                .where(AgendaItem.meeting_id == meeting_id)
            ).one()
            next_meeting = NextMeeting(
                meeting_id or 0, meeting_date, items, meeting_state(meeting_row)
            )

        overdue_where = (
            Action.status == ActionStatus.OPEN.value,
            col(Action.due_date).is_not(None),
            col(Action.due_date) < today,
            Case.status != CaseStatus.AFGESLOTEN.value,
        )
        overdue_count = session.exec(
            select(func.count())
            .select_from(Action)
            .join(Case, col(Case.id) == Action.case_id)
            .where(*overdue_where)
        ).one()
        overdue = tuple(
            _action_view(action, code)
            for action, code in session.exec(
                select(Action, Case.code)
                .join(Case, col(Case.id) == Action.case_id)
                .where(*overdue_where)
                .order_by(col(Action.due_date), col(Action.id))
                .limit(limit)
            )
        )

        review_where = (
            Case.status == CaseStatus.MONITORING.value,
            col(Case.review_date).is_not(None),
            col(Case.review_date) <= today,
        )
        reviews_due_count = session.exec(
            select(func.count()).select_from(Case).where(*review_where)
        ).one()
        reviews_due = tuple(
            to_view(case)
            for case in session.exec(
                select(Case).where(*review_where).order_by(col(Case.review_date)).limit(limit)
            )
        )

        previous = session.exec(
            select(func.max(Meeting.meeting_date)).where(Meeting.meeting_date < today)
        ).one()
        new_where = [Case.signal_date <= today]
        if previous is not None:
            new_where.append(Case.signal_date > previous)
        new_signals = session.exec(select(func.count()).select_from(Case).where(*new_where)).one()

        year_counts = {form: 0 for form in ExploitationForm}
        for form, count in session.exec(
            select(Case.form, func.count())
            .where(
                Case.signal_date >= date(today.year, 1, 1),
                Case.signal_date <= date(today.year, 12, 31),
            )
            .group_by(Case.form)
        ):
            year_counts[ExploitationForm(form)] = count

    return DashboardSummary(
        today=today,
        next_meeting=next_meeting,
        overdue_count=overdue_count,
        overdue=overdue,
        reviews_due_count=reviews_due_count,
        reviews_due=reviews_due,
        previous_meeting_date=previous,
        new_signals=new_signals,
        year=today.year,
        year_counts=year_counts,
        destruction_due=retention.count_due(vault, today),
        personal_data_texts=guard.count_marked(vault),
    )


def signal_years(vault: Vault, today: date) -> list[int]:
    """Years to filter on, newest first: from the oldest signal up to this year."""
    with vault.session() as session:
        oldest = session.exec(select(func.min(Case.signal_date))).one()
    first = oldest.year if oldest else today.year
    return list(range(max(today.year, first), first - 1, -1))


def codes_starting_with(vault: Vault, prefix: str, limit: int = 10) -> list[str]:
    """Case codes beginning with `prefix` (command palette: "DL-2024-0…")."""
    prefix = prefix.strip().upper()
    if not prefix:
        return []
    with vault.session() as session:
        return list(
            session.exec(
                select(Case.code)
                .where(Case.code >= prefix, Case.code < prefix + "\uffff")
                .order_by(col(Case.code))
                .limit(limit)
            )
        )
