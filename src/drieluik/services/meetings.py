"""Meetings of het Drieluik: the proposed agenda, preparing it, and chairing it.

Everything is written through `vault.transaction()`, so each note, decision
and action is in the vault file as soon as it is entered (the TUI saves from
a worker thread; the CLI at once).
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from drieluik.domain.dates import check_not_past, local
from drieluik.domain.text import clean_short_text, clean_text
from drieluik.domain.vocabulary import (
    AGENDA_REASON_ORDER,
    DECISION_NEXT_STATUS,
    MAX_PLANNED_MINUTES,
    ActionStatus,
    AgendaReason,
    CaseStatus,
    DecisionKind,
    EventKind,
    MeetingState,
)
from drieluik.errors import InvalidInput
from drieluik.i18n import count, t
from drieluik.services import audit, guard, vault_settings
from drieluik.services.cases import add_event, change_status, find_case, to_view
from drieluik.services.guard import check_organisation
from drieluik.services.types import (
    ActionView,
    AgendaItemView,
    DecisionView,
    MeetingSummary,
    MeetingView,
    ProposedItem,
)
from drieluik.store.models import Action, AgendaItem, Case, Decision, Meeting, now
from drieluik.store.vault import Vault

# --- reading ---------------------------------------------------------------------


def find_meeting(session: Session, ref: int | date | str) -> Meeting:
    """A meeting by id, date, or a string holding either."""
    meeting = None
    if isinstance(ref, str):
        from drieluik.domain.dates import parse_date

        text = ref.strip()
        parsed = parse_date(text)
        if parsed is not None:
            ref = parsed
        elif text.isascii() and text.isdigit() and len(text) <= 18:
            # ASCII only ('²' is a digit to isdigit, not to int); 18 digits
            # stay within SQLite's 64-bit integers.
            ref = int(text)
    if isinstance(ref, date):
        meeting = session.exec(select(Meeting).where(Meeting.meeting_date == ref)).first()
    elif isinstance(ref, int):
        meeting = session.get(Meeting, ref)
    if meeting is None:
        raise InvalidInput("meeting.not_found", ref=ref)
    return meeting


def _action_view(action: Action, code: str) -> ActionView:
    return ActionView(
        id=action.id or 0,
        case_id=action.case_id,
        case_code=code,
        description=action.description,
        owner=action.owner,
        due_date=action.due_date,
        status=ActionStatus(action.status),
        times_postponed=action.times_postponed,
        agenda_item_id=action.agenda_item_id,
    )


def _decision_view(decision: Decision, code: str) -> DecisionView:
    return DecisionView(
        id=decision.id or 0,
        case_id=decision.case_id,
        case_code=code,
        kind=DecisionKind(decision.kind),
        text=decision.text,
        referral_to=decision.referral_to,
        review_date=decision.review_date,
        created_at=decision.created_at,
        agenda_item_id=decision.agenda_item_id,
    )


def meeting_state(meeting: Meeting) -> MeetingState:
    if meeting.ended_at is not None:
        return MeetingState.AFGEROND
    if meeting.reopened_at is not None:
        return MeetingState.HEROPEND
    if meeting.started_at is not None:
        return MeetingState.BEZIG
    return MeetingState.GEPLAND


def _today() -> date:
    # The clock, not the wall calendar: `clock_at` replays changes at past moments.
    return local(now()).date()


def meeting_view(session: Session, meeting: Meeting) -> MeetingView:
    items = session.exec(
        select(AgendaItem, Case)
        .join(Case, col(Case.id) == AgendaItem.case_id)
        .where(AgendaItem.meeting_id == meeting.id)
        .order_by(col(AgendaItem.position))
    ).all()
    item_ids = [item.id for item, _ in items]
    decisions: dict[int, list[DecisionView]] = {}
    actions: dict[int, list[ActionView]] = {}
    codes = {case.id: case.code for _, case in items}
    if item_ids:
        for decision in session.exec(
            select(Decision)
            .where(col(Decision.agenda_item_id).in_(item_ids))
            .order_by(col(Decision.id))
        ):
            decisions.setdefault(decision.agenda_item_id or 0, []).append(
                _decision_view(decision, codes[decision.case_id])
            )
        for action in session.exec(
            select(Action).where(col(Action.agenda_item_id).in_(item_ids)).order_by(col(Action.id))
        ):
            actions.setdefault(action.agenda_item_id or 0, []).append(
                _action_view(action, codes[action.case_id])
            )
    return MeetingView(
        id=meeting.id or 0,
        meeting_date=meeting.meeting_date,
        attending=tuple(json.loads(meeting.attending or "[]")),
        items=tuple(
            AgendaItemView(
                id=item.id or 0,
                meeting_id=item.meeting_id,
                position=item.position,
                case=to_view(case),
                reason=AgendaReason(item.reason),
                notes=item.notes,
                discussed=item.discussed,
                seconds_spent=item.seconds_spent,
                carried_over=item.carried_over,
                decisions=tuple(decisions.get(item.id or 0, ())),
                actions=tuple(actions.get(item.id or 0, ())),
                planned_seconds=item.planned_seconds,
            )
            for item, case in items
        ),
        started_at=meeting.started_at,
        ended_at=meeting.ended_at,
        state=meeting_state(meeting),
        reopened_at=meeting.reopened_at,
    )


def get_meeting(vault: Vault, ref: int | date | str) -> MeetingView:
    with vault.session() as session:
        return meeting_view(session, find_meeting(session, ref))


def list_meetings(vault: Vault) -> list[tuple[int, date, int, bool]]:
    """(id, date, number of agenda items, finished) for every meeting, newest first."""
    with vault.session() as session:
        rows = session.exec(
            select(
                col(Meeting.id),
                col(Meeting.meeting_date),
                func.count(col(AgendaItem.id)),
                col(Meeting.ended_at),
            )
            .join(AgendaItem, col(AgendaItem.meeting_id) == Meeting.id, isouter=True)
            .group_by(col(Meeting.id))
            .order_by(col(Meeting.meeting_date).desc())
        ).all()
    return [(mid or 0, day, count, ended is not None) for mid, day, count, ended in rows]


def meeting_summaries(vault: Vault) -> list[MeetingSummary]:
    """Every meeting with its state, newest first (the meetings list, `drieluik meetings`)."""
    with vault.session() as session:
        rows = session.exec(
            select(Meeting, func.count(col(AgendaItem.id)))
            .join(AgendaItem, col(AgendaItem.meeting_id) == Meeting.id, isouter=True)
            .group_by(col(Meeting.id))
            .order_by(col(Meeting.meeting_date).desc())
        ).all()
    return [MeetingSummary(m.id or 0, m.meeting_date, count, meeting_state(m)) for m, count in rows]


# Without a planned meeting, `agenda` proposes one this many days ahead.
PROPOSAL_DAYS_AHEAD = 7


def proposal_date(vault: Vault, today: date | None = None) -> date:
    """The date to propose a new meeting for: a week ahead, or the first week after
    that without a meeting (a meeting closed early on its planned date has one)."""
    day = (today or _today()) + timedelta(days=PROPOSAL_DAYS_AHEAD)
    with vault.session() as session:
        taken = set(
            session.exec(select(col(Meeting.meeting_date)).where(col(Meeting.meeting_date) >= day))
        )
    while day in taken:
        day += timedelta(days=PROPOSAL_DAYS_AHEAD)
    return day


def next_meeting(vault: Vault, today: date | None = None) -> MeetingView | None:
    """The first meeting on or after today that is not finished."""
    today = today or date.today()
    with vault.session() as session:
        meeting = session.exec(
            select(Meeting)
            .where(Meeting.meeting_date >= today, col(Meeting.ended_at).is_(None))
            .order_by(col(Meeting.meeting_date))
        ).first()
        return meeting_view(session, meeting) if meeting else None


def previous_meeting_date(vault: Vault, before: date) -> date | None:
    with vault.session() as session:
        return session.exec(
            select(col(Meeting.meeting_date))
            .where(col(Meeting.meeting_date) < before)
            .order_by(col(Meeting.meeting_date).desc())
        ).first()


# --- the proposed agenda ---------------------------------------------------------


# A meeting of 2,000 items is not a meeting: after a large import only the
# oldest new signals are proposed (the rest come at the next meetings), and
# `proposal_note` says so. Carried-over items, due actions and reviews are
# never cut.
MAX_NEW_SIGNALS_PROPOSED = 60


def propose_agenda(vault: Vault, meeting_date: date) -> list[ProposedItem]:
    with vault.session() as session:
        return _propose(session, meeting_date)


def _new_signals(meeting_date: date) -> SelectOfScalar[int | None]:  # a select of Case.id
    """Cases with status `nieuw` not yet discussed, signalled by `meeting_date`."""
    discussed_ids = select(AgendaItem.case_id).where(col(AgendaItem.discussed).is_(True))
    return select(col(Case.id)).where(
        Case.status == CaseStatus.NIEUW.value,
        Case.signal_date <= meeting_date,
        col(Case.id).not_in(discussed_ids),
    )


def proposal_note(vault: Vault, meeting_date: date) -> str | None:
    """ "1.947 nieuwe signalen; de eerste 60 staan op de agenda" when the
    proposal for `meeting_date` leaves new signals out, else None. Ask before
    `create_meeting`: creating it puts the first ones on the agenda."""
    with vault.session() as session:
        total = session.exec(
            select(func.count()).select_from(_new_signals(meeting_date).subquery())
        ).one()
    if total <= MAX_NEW_SIGNALS_PROPOSED:
        return None
    return t("meeting.proposal_capped", total=count(total), shown=MAX_NEW_SIGNALS_PROPOSED)


def _propose(session: Session, meeting_date: date) -> list[ProposedItem]:
    """The agenda rules (issue 3), one reason per case, in a deterministic order.

    - items of the previous meeting, once held (finished or its date past),
      that were not discussed (doorgeschoven);
    - cases with status `nieuw` not yet discussed (nieuw signaal);
    - cases with open actions due on or before the meeting date (actie verlopen);
    - monitoring cases whose review date has come (monitoring herbeoordeling).
    Order: reason rank, then signal date, then code.
    """
    reasons: dict[int, AgendaReason] = {}
    previous = session.exec(
        select(Meeting)
        .where(Meeting.meeting_date < meeting_date)
        .order_by(col(Meeting.meeting_date).desc())
    ).first()
    # Only a meeting that has been held carries items over: one that is still
    # ahead (the chair prepares two at once) keeps its own items, or they would
    # stand on both agendas and stay there after being discussed at the first.
    if previous is not None and (
        previous.ended_at is not None or previous.meeting_date < local(now()).date()
    ):
        for case_id in session.exec(
            select(AgendaItem.case_id)
            .join(Case, col(Case.id) == AgendaItem.case_id)
            .where(AgendaItem.meeting_id == previous.id, col(AgendaItem.discussed).is_(False))
            .where(Case.status != CaseStatus.AFGESLOTEN.value)
        ):
            reasons.setdefault(case_id, AgendaReason.DOORGESCHOVEN)
    for signal_id in session.exec(
        _new_signals(meeting_date)
        .order_by(col(Case.signal_date), col(Case.code))
        .limit(MAX_NEW_SIGNALS_PROPOSED)
    ):
        reasons.setdefault(signal_id or 0, AgendaReason.NIEUW_SIGNAAL)
    for case_id in session.exec(
        select(Action.case_id)
        .join(Case, col(Case.id) == Action.case_id)
        .where(
            Action.status == ActionStatus.OPEN.value,
            col(Action.due_date).is_not(None),
            col(Action.due_date) <= meeting_date,
            Case.status != CaseStatus.AFGESLOTEN.value,
        )
        .distinct()
    ):
        reasons.setdefault(case_id, AgendaReason.ACTIE_VERLOPEN)
    for review_id in session.exec(
        select(Case.id).where(
            Case.status == CaseStatus.MONITORING.value,
            col(Case.review_date).is_not(None),
            col(Case.review_date) <= meeting_date,
        )
    ):
        reasons.setdefault(review_id or 0, AgendaReason.MONITORING_HERBEOORDELING)
    if not reasons:
        return []
    cases = {c.id: c for c in session.exec(select(Case).where(col(Case.id).in_(list(reasons))))}
    ordered = sorted(
        reasons.items(),
        key=lambda kv: (AGENDA_REASON_ORDER[kv[1]], cases[kv[0]].signal_date, cases[kv[0]].code),
    )
    return [ProposedItem(to_view(cases[case_id]), reason) for case_id, reason in ordered]


# --- preparing -------------------------------------------------------------------


def clean_organisations(
    vault: Vault, names: list[str] | tuple[str, ...], *, accept_personal_data: bool = False
) -> tuple[str, ...]:
    cleaned: list[str] = []
    for name in names:
        value = clean_short_text("organisatie", name)
        if value and value not in cleaned:
            check_organisation(vault, "attending", value, accept=accept_personal_data)
            cleaned.append(value)
    return tuple(cleaned)


def create_meeting(
    vault: Vault,
    meeting_date: date,
    attending: list[str] | tuple[str, ...] = (),
    *,
    propose: bool = True,
    accept_personal_data: bool = False,
) -> MeetingView:
    """Create the meeting for a date with the proposed agenda."""
    orgs = clean_organisations(vault, attending, accept_personal_data=accept_personal_data)
    with vault.transaction() as session:
        if session.exec(select(Meeting).where(Meeting.meeting_date == meeting_date)).first():
            raise InvalidInput("meeting.exists", date=meeting_date.isoformat())
        meeting = Meeting(meeting_date=meeting_date, attending=json.dumps(list(orgs)))
        session.add(meeting)
        session.flush()
        if propose:
            proposal = _propose(session, meeting_date)
            # One query for all the cases, not one per item (a bounded proposal).
            ids = [p.case.id for p in proposal]
            rows = {c.id: c for c in session.exec(select(Case).where(col(Case.id).in_(ids)))}
            for position, proposed in enumerate(proposal, start=1):
                _add_item(session, meeting, rows[proposed.case.id], proposed.reason, position)
        audit.record(session, "meeting.create")
        meeting_id = meeting.id or 0
    return get_meeting(vault, meeting_id)


def _add_item(
    session: Session, meeting: Meeting, case: Case, reason: AgendaReason, position: int
) -> AgendaItem:
    item = AgendaItem(
        meeting_id=meeting.id or 0,
        case_id=case.id or 0,
        position=position,
        reason=reason.value,
        planned_seconds=vault_settings.planned_minutes(session, reason) * 60,
    )
    session.add(item)
    session.flush()
    if case.status == CaseStatus.NIEUW.value:
        change_status(session, case, CaseStatus.GEAGENDEERD, meeting_id=meeting.id)
    add_event(
        session,
        case,
        EventKind.GEAGENDEERD,
        meeting.id,
        meeting_date=meeting.meeting_date,
        reason=reason.value,
    )
    return item


def add_item(
    vault: Vault,
    meeting_ref: int | date | str,
    case_ref: int | str,
    reason: AgendaReason = AgendaReason.INGEBRACHT_DOOR_DEELNEMER,
) -> MeetingView:
    with vault.transaction() as session:
        meeting = find_meeting(session, meeting_ref)
        _refuse_finished(meeting)
        case = find_case(session, case_ref)
        if session.exec(
            select(AgendaItem).where(
                AgendaItem.meeting_id == meeting.id, AgendaItem.case_id == case.id
            )
        ).first():
            raise InvalidInput(
                "meeting.item_exists", code=case.code, date=meeting.meeting_date.isoformat()
            )
        last = session.exec(
            select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting.id)
        ).one()
        _add_item(session, meeting, case, reason, (last or 0) + 1)
        audit.record(session, "agenda.add", case.code)
        meeting_id = meeting.id or 0
    return get_meeting(vault, meeting_id)


def _refuse_finished(meeting: Meeting) -> None:
    if meeting.ended_at is not None:
        raise InvalidInput("meeting.finished", date=meeting.meeting_date.isoformat())


def _find_item(session: Session, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise InvalidInput("meeting.item_not_found")
    return item


def remove_item(vault: Vault, item_id: int) -> MeetingView:
    """Take a case off the agenda (only while it has no decisions or actions)."""
    with vault.transaction() as session:
        item = _find_item(session, item_id)
        meeting = session.get(Meeting, item.meeting_id)
        assert meeting is not None
        _refuse_finished(meeting)
        case = find_case(session, item.case_id)
        for decision in session.exec(select(Decision).where(Decision.agenda_item_id == item.id)):
            decision.agenda_item_id = None
            session.add(decision)
        for action in session.exec(select(Action).where(Action.agenda_item_id == item.id)):
            action.agenda_item_id = None
            session.add(action)
        session.delete(item)
        session.flush()
        _renumber(session, meeting.id or 0)
        if case.status == CaseStatus.GEAGENDEERD.value and not _on_pending_agenda(session, case):
            change_status(session, case, CaseStatus.NIEUW, meeting_id=meeting.id)
        add_event(
            session, case, EventKind.VAN_AGENDA, meeting.id, meeting_date=meeting.meeting_date
        )
        audit.record(session, "agenda.remove", case.code)
        meeting_id = meeting.id or 0
    return get_meeting(vault, meeting_id)


def _on_pending_agenda(session: Session, case: Case) -> bool:
    """On an agenda still to be held. An item left behind at a finished meeting
    does not count: a carried-over case taken off the next agenda is `nieuw`
    again, so the proposal finds it instead of it staying `geagendeerd` forever."""
    return (
        session.exec(
            select(AgendaItem.id)
            .join(Meeting, col(Meeting.id) == AgendaItem.meeting_id)
            .where(AgendaItem.case_id == case.id, col(Meeting.ended_at).is_(None))
        ).first()
        is not None
    )


def _renumber(session: Session, meeting_id: int) -> None:
    items = session.exec(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(col(AgendaItem.position), col(AgendaItem.id))
    ).all()
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            session.add(item)


def move_item(vault: Vault, item_id: int, delta: int) -> MeetingView:
    """Move an agenda item up (delta < 0) or down (delta > 0)."""
    with vault.transaction() as session:
        item = _find_item(session, item_id)
        items = session.exec(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == item.meeting_id)
            .order_by(col(AgendaItem.position), col(AgendaItem.id))
        ).all()
        index = next(i for i, other in enumerate(items) if other.id == item.id)
        target = max(0, min(len(items) - 1, index + delta))
        reordered = list(items)
        reordered.insert(target, reordered.pop(index))
        for position, other in enumerate(reordered, start=1):
            other.position = position
            session.add(other)
        meeting_id = item.meeting_id
    return get_meeting(vault, meeting_id)


def set_attending(
    vault: Vault,
    meeting_ref: int | date | str,
    attending: list[str],
    *,
    accept_personal_data: bool = False,
) -> MeetingView:
    orgs = clean_organisations(vault, attending, accept_personal_data=accept_personal_data)
    with vault.transaction() as session:
        meeting = find_meeting(session, meeting_ref)
        meeting.attending = json.dumps(list(orgs))
        session.add(meeting)
        audit.record(session, "meeting.edit")
        meeting_id = meeting.id or 0
    return get_meeting(vault, meeting_id)


# --- chairing --------------------------------------------------------------------


def _refuse_future(meeting: Meeting, allow_future: bool, today: date | None, key: str) -> None:
    if meeting.meeting_date > (today or _today()) and not allow_future:
        raise InvalidInput(key, date=meeting.meeting_date.isoformat())


def start_meeting(
    vault: Vault,
    meeting_ref: int | date | str,
    *,
    allow_future: bool = False,
    today: date | None = None,
) -> MeetingView:
    """Start chairing. A meeting dated after `today` needs `allow_future` (the UI asks)."""
    with vault.transaction() as session:
        meeting = find_meeting(session, meeting_ref)
        _refuse_finished(meeting)
        if meeting.started_at is None:
            _refuse_future(meeting, allow_future, today, "meeting.future_start")
            meeting.started_at = now()
            session.add(meeting)
        meeting_id = meeting.id or 0
    return get_meeting(vault, meeting_id)


def set_planned_minutes(vault: Vault, item_id: int, minutes: int) -> MeetingView:
    """Set an agenda item's time-box (whole minutes, 1 to MAX_PLANNED_MINUTES)."""
    if not 1 <= int(minutes) <= MAX_PLANNED_MINUTES:
        raise InvalidInput("meeting.planned_out_of_range", maximum=MAX_PLANNED_MINUTES)
    with vault.transaction() as session:
        item = _find_item(session, item_id)
        meeting = _meeting_of(session, item)
        _refuse_finished(meeting)
        item.planned_seconds = int(minutes) * 60
        session.add(item)
        meeting_id = meeting.id or 0
    return get_meeting(vault, meeting_id)


def _meeting_of(session: Session, item: AgendaItem) -> Meeting:
    meeting = session.get(Meeting, item.meeting_id)
    assert meeting is not None  # agenda_items.meeting_id is a foreign key
    return meeting


def _clean_reason(
    vault: Vault, reason: str, *, accept: bool = False, redact: bool = False
) -> guard.Checked:
    """A reason (reopening, doorschuiven): required, and by the personal-data policy.

    It goes into every case's history, which is shown on screen and in
    exports of the history.
    """
    text = clean_text("reden", reason or "", limit=MAX_REASON_CHARS)
    text = " ".join(text.split())
    if not text:
        raise InvalidInput("meeting.reason_required")
    return guard.check(vault, "reason", text, accept=accept, redact=redact)


MAX_REASON_CHARS = 500


def save_notes(
    vault: Vault,
    item_id: int,
    notes: str,
    *,
    accept_personal_data: bool = False,
    confirmed: tuple[str, ...] = (),
) -> guard.Checked:
    """Store the discussion notes of an item (called as the chair types).

    Never refused, so a crash loses nothing typed: a finding the policy does
    not let in (`bevestigen` without `accept_personal_data`, `weigeren`) is
    stored as its placeholder until the chair confirms or anonymises
    (docs/anonymisation.md). Returns what was stored; `redacted` > 0 says the
    stored text differs from what was typed.
    """
    cleaned = clean_text("notities", notes, strip=False)
    policy = guard.Guard.load(vault)
    with vault.transaction() as session:  # one session per save: this runs as the chair types
        item = _find_item(session, item_id)
        # What the stored notes hold was confirmed before (an unconfirmed finding
        # is stored as its placeholder): a later save — after a lock, or another
        # day — keeps it as typed instead of turning it into a placeholder.
        earlier = tuple(finding.text for finding in policy.scan(item.notes or ""))
        checked = policy.placeholders_until_confirmed(
            "notes", cleaned, accept=accept_personal_data, confirmed=(*confirmed, *earlier)
        )
        if item.notes != checked.text:
            # Allowed after closing (a typo fixed from the history); the frozen
            # minutes keep the notes as they were when the meeting was closed.
            item.notes = checked.text
            session.add(item)
            audit.record_once(session, "agenda.notes", find_case(session, item.case_id).code)
        guard.mark(session, "agenda_items", item.id or 0, "notes", item.case_id, checked.findings)
    return checked


def record_time(vault: Vault, item_id: int, seconds_spent: int) -> None:
    """Keep the time spent on an item that is not (yet) marked discussed.

    So that leaving an item, locking or quitting mid-item does not lose its
    clock. Time only grows; it is not content, so no history event or audit entry.
    """
    with vault.session() as session:
        item = _find_item(session, item_id)
        if item.seconds_spent >= int(seconds_spent):
            return
    with vault.transaction() as session:
        item = _find_item(session, item_id)
        item.seconds_spent = max(item.seconds_spent, int(seconds_spent))
        session.add(item)


def mark_discussed(vault: Vault, item_id: int, seconds_spent: int = 0) -> None:
    """Close an item: the case is `besproken` unless a decision set another status."""
    with vault.transaction() as session:
        item = _find_item(session, item_id)
        meeting = _meeting_of(session, item)
        _refuse_finished(meeting)
        case = find_case(session, item.case_id)
        first_time = not item.discussed
        item.discussed = True
        item.carried_over = False
        item.seconds_spent = max(item.seconds_spent, int(seconds_spent))
        if first_time:
            add_event(
                session,
                case,
                EventKind.BESPROKEN,
                item.meeting_id,
                meeting_date=meeting.meeting_date if meeting else None,
            )
            if case.status in (CaseStatus.NIEUW.value, CaseStatus.GEAGENDEERD.value):
                item.status_before = case.status
                change_status(session, case, CaseStatus.BESPROKEN, meeting_id=item.meeting_id)
            audit.record(session, "agenda.discussed", case.code)
        session.add(item)


def unmark_discussed(vault: Vault, item_id: int) -> None:
    """Undo `mark_discussed` (ctrl+z while chairing): the item is open again.

    The case gets back the status it had, if marking it discussed changed it
    and nothing (a decision) changed it since. A new history event says so.
    """
    with vault.transaction() as session:
        item = _find_item(session, item_id)
        meeting = _meeting_of(session, item)
        _refuse_finished(meeting)
        if not item.discussed:
            raise InvalidInput("meeting.item_not_discussed")
        case = find_case(session, item.case_id)
        item.discussed = False
        if item.status_before and case.status == CaseStatus.BESPROKEN.value:
            change_status(session, case, CaseStatus(item.status_before), meeting_id=meeting.id)
        item.status_before = None
        session.add(item)
        add_event(
            session,
            case,
            EventKind.BESPROKEN_ONGEDAAN,
            meeting.id,
            meeting_date=meeting.meeting_date,
        )
        audit.record(session, "agenda.discussed_undo", case.code)


def carry_over_item(
    vault: Vault,
    item_id: int,
    reason: str,
    *,
    accept_personal_data: bool = False,
    redact: bool = False,
) -> MeetingView:
    """Doorschuiven now, during the meeting: the item is not discussed today.

    The reason goes into the case's history. The next meeting's agenda picks
    the item up as any item not discussed (reason `doorgeschoven`); closing
    the meeting puts it on a next meeting that already exists.
    """
    checked = _clean_reason(vault, reason, accept=accept_personal_data, redact=redact)
    text = checked.text
    with vault.transaction() as session:
        item = _find_item(session, item_id)
        meeting = _meeting_of(session, item)
        _refuse_finished(meeting)
        case = find_case(session, item.case_id)
        if item.discussed:
            raise InvalidInput("meeting.item_discussed", code=case.code)
        if not item.carried_over:
            item.carried_over = True
            session.add(item)
            event = add_event(
                session,
                case,
                EventKind.DOORGESCHOVEN,
                meeting.id,
                reason=text,
            )
            if checked.findings:
                session.flush()
                guard.mark(
                    session, "case_events", event.id or 0, "reason", case.id, checked.findings
                )
            audit.record(session, "agenda.carry_over", case.code)
        meeting_id = meeting.id or 0
    return get_meeting(vault, meeting_id)


def undo_carry_over(vault: Vault, item_id: int) -> MeetingView:
    with vault.transaction() as session:
        item = _find_item(session, item_id)
        meeting = _meeting_of(session, item)
        _refuse_finished(meeting)
        case = find_case(session, item.case_id)
        if not item.carried_over:
            raise InvalidInput("meeting.item_not_carried_over", code=case.code)
        item.carried_over = False
        session.add(item)
        add_event(
            session,
            case,
            EventKind.DOORSCHUIVEN_ONGEDAAN,
            meeting.id,
            meeting_date=meeting.meeting_date,
        )
        audit.record(session, "agenda.carry_over_undo", case.code)
        meeting_id = meeting.id or 0
    return get_meeting(vault, meeting_id)


def add_decision(
    vault: Vault,
    item_id: int,
    kind: DecisionKind,
    text: str = "",
    *,
    referral_to: str | None = None,
    review_date: date | None = None,
    next_status: CaseStatus | None = None,
    today: date | None = None,
    accept_personal_data: bool = False,
    redact: bool = False,
) -> DecisionView:
    """Record a decision on an agenda item and move the case to its next status.

    Its text goes through the personal-data policy (`services.guard`), the
    referral is checked as an organisation field.
    """
    body = clean_text("besluit", text)
    referral = clean_short_text("doorverwijzing", referral_to) if referral_to else None
    if kind is DecisionKind.MONITORING and review_date is None:
        raise InvalidInput("decision.review_date_required")
    if kind is DecisionKind.DOORVERWIJZING and not referral:
        raise InvalidInput("decision.referral_required")
    if referral:
        check_organisation(vault, "referral", referral, accept=accept_personal_data)
    checked = guard.check(vault, "decision", body, accept=accept_personal_data, redact=redact)
    body = checked.text
    with vault.transaction() as session:
        item = _find_item(session, item_id)
        _refuse_finished(_meeting_of(session, item))
        case = find_case(session, item.case_id)
        meeting = session.get(Meeting, item.meeting_id)
        if kind is DecisionKind.MONITORING and meeting is not None:
            # A review after the meeting (which may be chaired before its day).
            check_not_past(review_date, _today(), meeting=meeting.meeting_date)
        decision = Decision(
            agenda_item_id=item.id,
            case_id=case.id or 0,
            kind=kind.value,
            text=body,
            referral_to=referral,
            review_date=review_date if kind is DecisionKind.MONITORING else None,
            # What `undo_decision` puts back.
            status_before=case.status,
            review_date_before=case.review_date,
            closed_date_before=case.closed_date,
        )
        session.add(decision)
        session.flush()
        guard.mark(session, "decisions", decision.id or 0, "decision", case.id, checked.findings)
        add_event(
            session,
            case,
            EventKind.BESLUIT,
            item.meeting_id,
            decision_id=decision.id,
            kind=decision.kind,
            text=decision.text,
            referral_to=decision.referral_to,
            review_date=decision.review_date,
        )
        status = next_status or DECISION_NEXT_STATUS[kind]
        change_status(
            session, case, status, review_date=review_date, on=today, meeting_id=item.meeting_id
        )
        audit.record(session, "decision.create", case.code)
        view = _decision_view(decision, case.code)
    return view


def delete_decision(vault: Vault, decision_id: int) -> None:
    with vault.transaction() as session:
        decision = session.get(Decision, decision_id)
        if decision is None:
            return
        case = find_case(session, decision.case_id)
        item = session.get(AgendaItem, decision.agenda_item_id) if decision.agenda_item_id else None
        if item is not None:
            _refuse_finished(_meeting_of(session, item))
        add_event(
            session,
            case,
            EventKind.BESLUIT_INGETROKKEN,
            item.meeting_id if item else None,
            decision_id=decision.id,
            kind=decision.kind,
        )
        guard.unmark(session, "decisions", decision.id or 0)
        session.delete(decision)
        audit.record(session, "decision.delete", case.code)


def undo_decision(vault: Vault, decision_id: int) -> None:
    """Take a decision back (ctrl+z while chairing): it goes, and the case's
    status, review date and closed date are as they were before it.

    Only the case's newest decision, at a meeting not closed: after a later
    decision "as before" would undo that one too. The history keeps both the
    status changes and a "besluit ongedaan gemaakt" event; nothing is rewritten.
    """
    with vault.transaction() as session:
        decision = session.get(Decision, decision_id)
        if decision is None:
            raise InvalidInput("decision.not_found")
        case = find_case(session, decision.case_id)
        meeting = None
        if decision.agenda_item_id is not None:
            meeting = _meeting_of(session, _find_item(session, decision.agenda_item_id))
            _refuse_finished(meeting)
        newest = session.exec(
            select(func.max(Decision.id)).where(Decision.case_id == decision.case_id)
        ).one()
        if newest != decision.id:
            raise InvalidInput("decision.undo_not_newest", code=case.code)
        if decision.status_before is None:  # recorded before undo existed
            raise InvalidInput("decision.undo_unknown", code=case.code)
        meeting_id = meeting.id if meeting else None
        before = CaseStatus(decision.status_before)
        change_status(
            session, case, before, review_date=decision.review_date_before, meeting_id=meeting_id
        )
        case.review_date = decision.review_date_before
        case.closed_date = decision.closed_date_before
        session.add(case)
        # What was undone stays readable in the history once the row is gone.
        add_event(
            session,
            case,
            EventKind.BESLUIT_ONGEDAAN,
            meeting_id,
            decision_id=decision.id,
            kind=decision.kind,
            text=decision.text,
            referral_to=decision.referral_to,
            review_date=decision.review_date,
        )
        guard.unmark(session, "decisions", decision.id or 0)
        session.delete(decision)
        audit.record(session, "decision.undo", case.code)


def finish_meeting(
    vault: Vault,
    meeting_ref: int | date | str,
    *,
    allow_future: bool = False,
    today: date | None = None,
) -> int:
    """Close the meeting; items not reached are carried over. Returns how many.

    Carried-over items go onto the next meeting if it already exists; otherwise
    the next meeting's proposed agenda picks them up (reason `doorgeschoven`).
    The minutes are frozen in the same transaction (services/minutes/record.py).
    A meeting dated after `today` needs `allow_future` (the UI asks first).
    """
    from drieluik.services.minutes import record

    with vault.transaction() as session:
        meeting = find_meeting(session, meeting_ref)
        if meeting.ended_at is not None:
            # Closing twice (a retried command) changes nothing, freezes nothing.
            return len(
                session.exec(
                    select(AgendaItem.id).where(
                        AgendaItem.meeting_id == meeting.id, col(AgendaItem.discussed).is_(False)
                    )
                ).all()
            )
        _refuse_future(meeting, allow_future, today, "meeting.future_finish")
        meeting.ended_at = now()
        if meeting.started_at is None:
            meeting.started_at = meeting.ended_at
        session.add(meeting)
        open_items = session.exec(
            select(AgendaItem).where(
                AgendaItem.meeting_id == meeting.id, col(AgendaItem.discussed).is_(False)
            )
        ).all()
        following = session.exec(
            select(Meeting)
            .where(Meeting.meeting_date > meeting.meeting_date)
            .order_by(col(Meeting.meeting_date))
        ).first()
        for item in open_items:
            case = find_case(session, item.case_id)
            if not item.carried_over:  # else done already, during the meeting
                item.carried_over = True
                session.add(item)
                target = {"to_meeting_date": following.meeting_date} if following else {}
                add_event(session, case, EventKind.DOORGESCHOVEN, meeting.id, **target)
            if (
                following is not None
                and following.ended_at is None
                and not session.exec(
                    select(AgendaItem.id).where(
                        AgendaItem.meeting_id == following.id, AgendaItem.case_id == case.id
                    )
                ).first()
            ):
                last = session.exec(
                    select(func.max(AgendaItem.position)).where(
                        AgendaItem.meeting_id == following.id
                    )
                ).one()
                _add_item(session, following, case, AgendaReason.DOORGESCHOVEN, (last or 0) + 1)
        record.freeze(session, meeting)
        audit.record(session, "meeting.finish")
        return len(open_items)


def reopen_meeting(
    vault: Vault,
    meeting_ref: int | date | str,
    reason: str,
    *,
    accept_personal_data: bool = False,
    redact: bool = False,
) -> MeetingView:
    """Open a closed meeting again, with a reason (in the audit trail and in the
    history of each of its cases). It can then be changed and closed again,
    which freezes a new version of its minutes; the old version stays stored."""
    checked = _clean_reason(vault, reason, accept=accept_personal_data, redact=redact)
    text = checked.text
    with vault.transaction() as session:
        meeting = find_meeting(session, meeting_ref)
        if meeting.ended_at is None:
            raise InvalidInput("meeting.not_finished", date=meeting.meeting_date.isoformat())
        meeting.ended_at = None
        meeting.reopened_at = now()
        session.add(meeting)
        for item in session.exec(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting.id)
            .order_by(col(AgendaItem.position))
        ):
            event = add_event(
                session,
                find_case(session, item.case_id),
                EventKind.OVERLEG_HEROPEND,
                meeting.id,
                meeting_date=meeting.meeting_date,
                reason=text,
            )
            if checked.findings:
                session.flush()
                guard.mark(
                    session, "case_events", event.id or 0, "reason", item.case_id, checked.findings
                )
        audit.record(session, "meeting.reopen")
        meeting_id = meeting.id or 0
    return get_meeting(vault, meeting_id)
