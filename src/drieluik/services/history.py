"""A case's full history, in time order — what the annual report says is lost today.

Composed at read time from the events log (signal, agenda, status changes,
edits, action outcomes) and the meeting records themselves (notes, decisions,
actions), so an edited note shows as it stands.
"""

from __future__ import annotations

from sqlmodel import col, select

from drieluik.domain.vocabulary import DecisionKind, EventKind
from drieluik.services.cases import find_case
from drieluik.services.types import HistoryEntry
from drieluik.store.models import Action, AgendaItem, CaseEvent, Decision, Meeting
from drieluik.store.vault import Vault

# Within one moment (a decision and the status change it causes share a
# transaction and so a timestamp) causes come before their effects: discussed,
# decision, action created, action outcome, then the resulting status change.
_EVENT_RANK = {
    EventKind.ACTIE_GEDAAN: 4,
    EventKind.ACTIE_UITGESTELD: 4,
    EventKind.ACTIE_VERVALLEN: 4,
    EventKind.STATUS_GEWIJZIGD: 5,
}


def case_history(vault: Vault, ref: int | str) -> list[HistoryEntry]:
    entries: list[tuple[tuple, HistoryEntry]] = []
    with vault.session() as session:
        case = find_case(session, ref)
        meeting_dates = dict(
            session.exec(
                select(Meeting.id, Meeting.meeting_date)
                .join(AgendaItem, col(AgendaItem.meeting_id) == Meeting.id)
                .where(AgendaItem.case_id == case.id)
            ).all()
        )
        for event in session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)):
            if event.kind == EventKind.BESPROKEN.value:
                continue  # shown below with the notes as they stand
            entry = HistoryEntry(
                at=event.at,
                kind=EventKind(event.kind),
                detail=event.detail,
                meeting_date=meeting_dates.get(event.meeting_id or 0),
            )
            entries.append(((event.at, _EVENT_RANK.get(entry.kind, 0), event.id), entry))
        items = session.exec(
            select(AgendaItem, Meeting)
            .join(Meeting, col(Meeting.id) == AgendaItem.meeting_id)
            .where(AgendaItem.case_id == case.id, col(AgendaItem.discussed).is_(True))
        ).all()
        for item, meeting in items:
            at = meeting.started_at or _midnight(meeting.meeting_date)
            entries.append(
                (
                    (at, 1, item.id),
                    HistoryEntry(at, EventKind.BESPROKEN, item.notes, meeting.meeting_date),
                )
            )
        for decision in session.exec(select(Decision).where(Decision.case_id == case.id)):
            detail = DecisionKind(decision.kind).label
            if decision.referral_to:
                detail += f" → {decision.referral_to}"
            if decision.review_date:
                detail += f" (tot {decision.review_date.isoformat()})"
            if decision.text:
                detail += f": {decision.text}"
            meeting_date = _item_meeting_date(session, decision.agenda_item_id)
            entries.append(
                (
                    (decision.created_at, 2, decision.id),
                    HistoryEntry(decision.created_at, EventKind.BESLUIT, detail, meeting_date),
                )
            )
        for action in session.exec(select(Action).where(Action.case_id == case.id)):
            due = f", uiterlijk {action.due_date.isoformat()}" if action.due_date else ""
            detail = f"{action.description} ({action.owner}{due}) — {action.status}"
            meeting_date = _item_meeting_date(session, action.agenda_item_id)
            entries.append(
                (
                    (action.created_at, 3, action.id),
                    HistoryEntry(
                        action.created_at, EventKind.ACTIE_AANGEMAAKT, detail, meeting_date
                    ),
                )
            )
    entries.sort(key=lambda pair: pair[0])
    return [entry for _, entry in entries]


def _item_meeting_date(session, agenda_item_id):
    if agenda_item_id is None:
        return None
    return session.exec(
        select(Meeting.meeting_date)
        .join(AgendaItem, col(AgendaItem.meeting_id) == Meeting.id)
        .where(AgendaItem.id == agenda_item_id)
    ).first()


def _midnight(day):
    from datetime import datetime, time

    return datetime.combine(day, time()).astimezone()
