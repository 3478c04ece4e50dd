"""A case's full history, in time order — read from its events only.

Every change is an event written when it happens (a kind and its facts as
JSON, `store.models.CaseEvent`); no event is ever changed afterwards, so
postponing an action adds a line instead of rewriting the one that created
it. Events are rendered here, in the reader's language. One exception to
"events only": a `besproken` entry shows the item's notes as they stand (the
notes are the meeting's record, not a change of the case).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

from sqlmodel import col, select

from drieluik.domain.dates import format_date, parse_date
from drieluik.domain.vocabulary import AgendaReason, CaseStatus, DecisionKind, EventKind
from drieluik.i18n import t
from drieluik.services.cases import find_case
from drieluik.services.types import HistoryEntry
from drieluik.store.models import AgendaItem, CaseEvent, Meeting
from drieluik.store.vault import Vault

# The param of an event from before migration 5 whose sentence did not parse.
LEGACY = "legacy"

# Events are in the order they were written (time, then id). One exception
# within one moment: a status change comes after what caused it, also for the
# decisions and actions that migration 5 gave creation events (their ids come
# after every older event) and for `geagendeerd`, whose status change is
# written first.
_EVENT_RANK = {EventKind.STATUS_GEWIJZIGD: 1}


def case_history(vault: Vault, ref: int | str) -> list[HistoryEntry]:
    with vault.session() as session:
        case = find_case(session, ref)
        events = session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)).all()
        meeting_ids = {e.meeting_id for e in events if e.meeting_id is not None}
        meeting_dates = dict(
            session.exec(
                select(col(Meeting.id), col(Meeting.meeting_date)).where(
                    col(Meeting.id).in_(meeting_ids)
                )
            ).all()
        )
        notes = dict(
            session.exec(
                select(AgendaItem.meeting_id, AgendaItem.notes).where(AgendaItem.case_id == case.id)
            ).all()
        )
    entries: list[tuple[tuple[Any, ...], HistoryEntry]] = []
    for event in events:
        kind = EventKind(event.kind)
        params = _params(event)
        if kind is EventKind.BESPROKEN and LEGACY not in params:
            detail = notes.get(event.meeting_id or 0, "")
        else:
            detail = render_event(kind, params)
        entry = HistoryEntry(
            at=event.at,
            kind=kind,
            detail=detail,
            meeting_date=meeting_dates.get(event.meeting_id or 0),
            params=MappingProxyType(params),
        )
        entries.append(((event.at, _EVENT_RANK.get(kind, 0), event.id or 0), entry))
    entries.sort(key=lambda pair: pair[0])
    return [entry for _, entry in entries]


def _params(event: CaseEvent) -> dict[str, object]:
    try:
        params = json.loads(event.params or "{}")
    except ValueError:
        params = {}
    if not isinstance(params, dict):
        params = {}
    if event.detail and not params:  # an old sentence that was never converted
        params = {LEGACY: event.detail}
    return params


def render_event(kind: EventKind, params: Mapping[str, object]) -> str:
    """The text of one event in the current language (pure: tests call it directly)."""
    if LEGACY in params:
        return str(params[LEGACY])  # an old sentence migration 5 could not parse, verbatim
    render = _RENDER.get(kind)
    return render(params) if render else ""


def _date(value: object) -> str:
    day = parse_date(value) if isinstance(value, str | date) else None
    return format_date(day) if day else "—"


def _s(params: Mapping[str, object], key: str) -> str:
    value = params.get(key)
    return "" if value is None else str(value)


def _label(enum: type, value: object) -> str:
    try:
        return str(enum(value).label)
    except ValueError:
        return str(value)


def _action(params: Mapping[str, object]) -> str:
    return t("history.action", what=_s(params, "description"), owner=_s(params, "owner"))


def _with_reason(text: str, params: Mapping[str, object]) -> str:
    reason = _s(params, "reason")
    return t("history.with_reason", text=text, reason=reason) if reason else text


def _decision(params: Mapping[str, object]) -> str:
    text = _label(DecisionKind, params.get("kind"))
    if params.get("referral_to"):
        text += f" → {_s(params, 'referral_to')}"
    if params.get("review_date"):
        text += " " + t("history.until", date=_date(params["review_date"]))
    if params.get("text"):
        text += f": {_s(params, 'text')}"
    return text


def _created(params: Mapping[str, object]) -> str:
    if params.get("due_date"):
        return t(
            "history.action_due",
            what=_s(params, "description"),
            owner=_s(params, "owner"),
            due=_date(params["due_date"]),
        )
    return _action(params)


def _edited(params: Mapping[str, object]) -> str:
    changes = params.get("changes")
    changes = changes if isinstance(changes, dict) else {}
    parts = []
    fields = params.get("fields")
    for name in fields if isinstance(fields, list) else []:
        label = t(f"history.action_field.{name}")
        pair = changes.get(name)
        if isinstance(pair, list) and len(pair) == 2:
            old, new = pair
            if name == "due_date":
                old, new = _date(old), _date(new)
            label += f" {old or '—'} → {new or '—'}"
        parts.append(label)
    return f"{_action(params)}: {'; '.join(parts)}"


def _postponed(params: Mapping[str, object]) -> str:
    moved = f"{_action(params)}: {_date(params.get('from'))} → {_date(params.get('to'))}"
    return _with_reason(moved, params)


def _status(params: Mapping[str, object]) -> str:
    text = f"{_label(CaseStatus, params.get('from'))} → {_label(CaseStatus, params.get('to'))}"
    if params.get("review_date"):
        text += " " + t("history.review", date=_date(params["review_date"]))
    return text


def _case_edited(params: Mapping[str, object]) -> str:
    fields = params.get("fields")
    names = fields if isinstance(fields, list) else []
    return ", ".join(t(f"history.field.{name}") for name in names)


def _carried(params: Mapping[str, object]) -> str:
    if params.get("to_meeting_date"):
        text = t("history.to_meeting", date=_date(params["to_meeting_date"]))
    else:
        text = t("history.to_next_meeting")
    return _with_reason(text, params)


def _agenda(params: Mapping[str, object]) -> str:
    reason = _label(AgendaReason, params.get("reason")) if params.get("reason") else ""
    day = _date(params.get("meeting_date"))
    return f"{day} — {reason}" if reason else day


_RENDER: dict[EventKind, Callable[[Mapping[str, object]], str]] = {
    EventKind.SIGNAAL_ONTVANGEN: lambda p: _s(p, "reporter"),
    EventKind.GEAGENDEERD: _agenda,
    EventKind.VAN_AGENDA: lambda p: _date(p.get("meeting_date")),
    EventKind.BESPROKEN: lambda p: _date(p.get("meeting_date")),
    EventKind.BESLUIT: _decision,
    EventKind.BESLUIT_INGETROKKEN: lambda p: _with_reason(_label(DecisionKind, p.get("kind")), p),
    EventKind.ACTIE_AANGEMAAKT: _created,
    EventKind.ACTIE_GEWIJZIGD: _edited,
    EventKind.ACTIE_UITGESTELD: _postponed,
    EventKind.ACTIE_GEDAAN: _action,
    EventKind.ACTIE_VERVALLEN: _action,
    EventKind.ACTIE_HEROPEND: _action,
    EventKind.ACTIE_INGETROKKEN: _action,
    EventKind.STATUS_GEWIJZIGD: _status,
    EventKind.GEWIJZIGD: _case_edited,
    EventKind.DOORGESCHOVEN: _carried,
    # issue 11 (helper B): undo while chairing and reopening a meeting
    EventKind.DOORSCHUIVEN_ONGEDAAN: lambda p: _date(p.get("meeting_date")),
    EventKind.BESPROKEN_ONGEDAAN: lambda p: _date(p.get("meeting_date")),
    EventKind.BESLUIT_ONGEDAAN: _decision,
    EventKind.OVERLEG_HEROPEND: lambda p: _with_reason(_date(p.get("meeting_date")), p),
}
