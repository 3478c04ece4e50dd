"""Plain, immutable views that services return to the CLI and the screens.

Screens never see SQLModel objects or sessions; they get these.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType

from drieluik.domain.vocabulary import (
    ActionStatus,
    AgendaReason,
    CaseStatus,
    DecisionKind,
    EventKind,
    ExploitationForm,
    MeetingState,
    VulnerableGroup,
)


@dataclass(frozen=True)
class CaseView:
    id: int
    code: str
    signal_date: date
    reporter: str
    municipality: str  # as stored: a name of the region profile, its `outside` or `onbekend`
    form: ExploitationForm
    status: CaseStatus
    summary: str
    vulnerable_groups: tuple[VulnerableGroup, ...] = ()
    organised_crime: bool = False
    review_date: date | None = None
    closed_date: date | None = None

    def as_json(self) -> dict[str, object]:
        """The stable JSON shape documented in the README (`drieluik cases --json`)."""
        return {
            "code": self.code,
            "datum": self.signal_date.isoformat(),
            "gemeente": self.municipality,
            "vorm": self.form.value,
            "melder": self.reporter,
            "status": self.status.value,
            "kwetsbaar": [g.value for g in self.vulnerable_groups],
            "ondermijning": self.organised_crime,
            "omschrijving": self.summary,
            "herbeoordeling": self.review_date.isoformat() if self.review_date else None,
            "afgesloten": self.closed_date.isoformat() if self.closed_date else None,
        }


@dataclass(frozen=True)
class ActionView:
    id: int
    case_id: int
    case_code: str
    description: str
    owner: str
    due_date: date | None
    status: ActionStatus
    times_postponed: int
    agenda_item_id: int | None = None

    def is_overdue(self, today: date) -> bool:
        return (
            self.status is ActionStatus.OPEN and self.due_date is not None and self.due_date < today
        )


@dataclass(frozen=True)
class DecisionView:
    id: int
    case_id: int
    case_code: str
    kind: DecisionKind
    text: str
    referral_to: str | None
    review_date: date | None
    created_at: datetime
    agenda_item_id: int | None = None


@dataclass(frozen=True)
class AgendaItemView:
    id: int
    meeting_id: int
    position: int
    case: CaseView
    reason: AgendaReason
    notes: str
    discussed: bool
    seconds_spent: int
    carried_over: bool
    decisions: tuple[DecisionView, ...] = ()
    actions: tuple[ActionView, ...] = ()
    planned_seconds: int = 0  # the time-box (set in preparation)

    @property
    def pending(self) -> bool:
        """Not yet reached: neither discussed nor carried over."""
        return not self.discussed and not self.carried_over


@dataclass(frozen=True)
class MeetingView:
    id: int
    meeting_date: date
    attending: tuple[str, ...]
    items: tuple[AgendaItemView, ...] = ()
    started_at: datetime | None = None
    ended_at: datetime | None = None
    state: MeetingState = MeetingState.GEPLAND
    reopened_at: datetime | None = None

    @property
    def finished(self) -> bool:
        return self.ended_at is not None

    def is_future(self, today: date) -> bool:
        """Dated after `today`: starting or closing it needs a confirmation."""
        return self.meeting_date > today

    @property
    def planned_seconds(self) -> int:
        return sum(item.planned_seconds for item in self.items)

    @property
    def seconds_spent(self) -> int:
        return sum(item.seconds_spent for item in self.items)


@dataclass(frozen=True)
class MeetingSummary:
    """One line of the meetings list."""

    id: int
    meeting_date: date
    items: int
    state: MeetingState


@dataclass(frozen=True)
class ProposedItem:
    case: CaseView
    reason: AgendaReason


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a case's timeline, in time order.

    `detail` is the event rendered in the current language; `params` are the
    facts as stored (see docs/vault-format.md, case_events).
    """

    at: datetime
    kind: EventKind
    detail: str
    meeting_date: date | None = None
    # read-only; left out of the hash so that entries stay hashable like the other views
    params: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}), hash=False)


@dataclass(frozen=True)
class FieldProblem:
    """A validation problem in one field, for forms and import reports."""

    field: str
    message: str
    # "personal_data" when the guard found a person's data where an organisation
    # belongs (a form may then offer to put the text on the allow-list)
    kind: str = ""


@dataclass(frozen=True)
class CaseFilter:
    year: int | None = None
    status: CaseStatus | None = None
    form: ExploitationForm | None = None
    municipality: str | None = None
    statuses: tuple[CaseStatus, ...] = field(default=())
