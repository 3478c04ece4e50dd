"""Follow-up actions (actiepunten): what, which organisation, by when.

Actions survive staff changes: they belong to the case, not to a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from sqlmodel import Session, col, select

from drieluik.domain.dates import check_not_past, format_date
from drieluik.domain.text import clean_short_text, clean_text
from drieluik.domain.vocabulary import ActionStatus, CaseStatus, EventKind
from drieluik.errors import InvalidInput
from drieluik.services import audit, guard, region
from drieluik.services.cases import add_event, find_case, today
from drieluik.services.meetings import _action_view
from drieluik.services.types import ActionView
from drieluik.store.models import Action, AgendaItem, Case, Meeting, Reporter, now
from drieluik.store.vault import Vault

_DATE_IN_TEXT = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|(?<!\d)\d{1,2}-\d{1,2}(?!\d)"
)


def check_owner(owner: str) -> str:
    """The owner, cleaned; refused when it is not an organisation's name.

    A date in it ("Pol31-02-2026": the due date typed on while the owner's
    suggestion was loading) or nothing but digits and punctuation is a typing
    accident, never an organisation.
    """
    who = clean_short_text("eigenaar", owner)
    if not who:
        raise InvalidInput("case.invalid", problems="eigenaar: leeg / empty")
    if _DATE_IN_TEXT.search(who) or not any(char.isalpha() for char in who):
        raise InvalidInput("action.owner_invalid", value=who)
    return who


def _description(text: str) -> str:
    what = clean_text("actie", text)
    if not what:
        raise InvalidInput("case.invalid", problems="actie: leeg / empty")
    return what


def _facts(action: Action) -> dict[str, object]:
    """What every action event names: which action, what, who."""
    return {"action_id": action.id, "description": action.description, "owner": action.owner}


def add_action(
    vault: Vault,
    case_ref: int | str,
    description: str,
    owner: str,
    due_date: date | None = None,
    *,
    agenda_item_id: int | None = None,
    accept_personal_data: bool = False,
    redact: bool = False,
) -> ActionView:
    """A new open action. Its due date may not lie before the day it is agreed:
    the meeting's date for an action made at a meeting (a record typed in
    afterwards keeps its sense), else today. The description goes through the
    personal-data policy, the owner is checked as an organisation field."""
    who = check_owner(owner)
    guard.check_organisation(vault, "owner", who, accept=accept_personal_data)
    checked = guard.check(
        vault, "action", _description(description), accept=accept_personal_data, redact=redact
    )
    what = checked.text
    with vault.transaction() as session:
        case = find_case(session, case_ref)
        item = session.get(AgendaItem, agenda_item_id) if agenda_item_id is not None else None
        if agenda_item_id is not None and item is None:
            raise InvalidInput("meeting.item_not_found")
        check_not_past(due_date, today(), meeting=_meeting_date(session, item))
        action = Action(
            case_id=case.id or 0,
            agenda_item_id=agenda_item_id,
            description=what,
            owner=who,
            due_date=due_date,
        )
        session.add(action)
        session.flush()
        guard.mark(session, "actions", action.id or 0, "action", case.id, checked.findings)
        add_event(
            session,
            case,
            EventKind.ACTIE_AANGEMAAKT,
            item.meeting_id if item else None,
            **_facts(action),
            due_date=due_date,
        )
        audit.record(session, "action.create", case.code)
        return _action_view(action, case.code)


def _meeting_date(session: Session, item: AgendaItem | None) -> date | None:
    """The date of the meeting an action is agreed in (None: agreed outside one)."""
    meeting = session.get(Meeting, item.meeting_id) if item is not None else None
    return meeting.meeting_date if meeting is not None else None


def _find(session: Session, action_id: int) -> tuple[Action, Case]:
    action = session.get(Action, action_id)
    if action is None:
        raise InvalidInput("action.not_found")
    return action, find_case(session, action.case_id)


def _find_open(session: Session, action_id: int) -> tuple[Action, Case]:
    action, case = _find(session, action_id)
    if action.status != ActionStatus.OPEN.value:
        raise InvalidInput("action.not_open")
    return action, case


def edit_action(
    vault: Vault,
    action_id: int,
    *,
    description: str | None = None,
    owner: str | None = None,
    due_date: date | None = None,
    accept_personal_data: bool = False,
    redact: bool = False,
) -> ActionView:
    """Correct an open action; None leaves a field as it is.

    The history records which fields changed, with old → new for owner and
    due date (the description is free text: only that it changed).
    """
    what = _description(description) if description is not None else None
    who = check_owner(owner) if owner is not None else None
    if who is not None:
        guard.check_organisation(vault, "owner", who, accept=accept_personal_data)
    checked = None
    if what is not None:
        checked = guard.check(vault, "action", what, accept=accept_personal_data, redact=redact)
        what = checked.text
    with vault.transaction() as session:
        action, case = _find_open(session, action_id)
        if due_date is not None and due_date != action.due_date:
            check_not_past(due_date, today())
        changes: dict[str, list[object]] = {}
        fields: list[str] = []
        if what is not None and what != action.description:
            fields.append("description")
        if who is not None and who != action.owner:
            fields.append("owner")
            changes["owner"] = [action.owner, who]
        if due_date is not None and due_date != action.due_date:
            fields.append("due_date")
            changes["due_date"] = [action.due_date, due_date]
        if not fields:
            raise InvalidInput("action.nothing_to_change")
        before = _facts(action)
        action.description = what if what is not None else action.description
        action.owner = who if who is not None else action.owner
        action.due_date = due_date if due_date is not None else action.due_date
        session.add(action)
        if checked is not None:
            guard.mark(session, "actions", action.id or 0, "action", case.id, checked.findings)
        add_event(
            session,
            case,
            EventKind.ACTIE_GEWIJZIGD,
            **{**before, "description": action.description, "owner": action.owner},
            fields=fields,
            changes=changes,
        )
        audit.record(session, "action.update", case.code)
        return _action_view(action, case.code)


def complete_action(vault: Vault, action_id: int) -> ActionView:
    return _close(vault, action_id, ActionStatus.GEDAAN, EventKind.ACTIE_GEDAAN)


def cancel_action(vault: Vault, action_id: int) -> ActionView:
    return _close(vault, action_id, ActionStatus.VERVALLEN, EventKind.ACTIE_VERVALLEN)


def _close(vault: Vault, action_id: int, status: ActionStatus, kind: EventKind) -> ActionView:
    with vault.transaction() as session:
        action, case = _find_open(session, action_id)
        action.status = status.value
        action.closed_at = now()
        session.add(action)
        add_event(session, case, kind, **_facts(action))
        audit.record(session, "action.update", case.code)
        return _action_view(action, case.code)


def reopen_action(vault: Vault, action_id: int) -> ActionView:
    """Undo marking an action done or cancelled: it is open again."""
    with vault.transaction() as session:
        action, case = _find(session, action_id)
        if action.status == ActionStatus.OPEN.value:
            raise InvalidInput("action.not_closed")
        was = action.status
        action.status = ActionStatus.OPEN.value
        action.closed_at = None
        session.add(action)
        add_event(session, case, EventKind.ACTIE_HEROPEND, **_facts(action), from_status=was)
        audit.record(session, "action.update", case.code)
        return _action_view(action, case.code)


def withdraw_action(vault: Vault, action_id: int) -> None:
    """Take back an open action made by mistake (say while chairing).

    The action leaves the meeting's record; its creation and withdrawal stay
    in the case history. Once its meeting is closed the record is fixed:
    cancel it instead (or reopen the meeting).
    """
    with vault.transaction() as session:
        action, case = _find_open(session, action_id)
        item = session.get(AgendaItem, action.agenda_item_id) if action.agenda_item_id else None
        meeting = session.get(Meeting, item.meeting_id) if item else None
        if meeting is not None and meeting.ended_at is not None:
            raise InvalidInput("meeting.finished", date=meeting.meeting_date.isoformat())
        add_event(
            session,
            case,
            EventKind.ACTIE_INGETROKKEN,
            item.meeting_id if item else None,
            **_facts(action),
        )
        guard.unmark(session, "actions", action.id or 0)
        session.delete(action)
        audit.record(session, "action.delete", case.code)


def postpone_action(
    vault: Vault,
    action_id: int,
    new_due: date,
    reason: str = "",
    *,
    accept_personal_data: bool = False,
    redact: bool = False,
) -> ActionView:
    """A later due date; the history keeps from → to and why (the reason by the
    personal-data policy)."""
    checked = guard.check(
        vault,
        "reason",
        clean_short_text("reden", reason),
        accept=accept_personal_data,
        redact=redact,
    )
    why = checked.text
    check_not_past(new_due, today())
    with vault.transaction() as session:
        action, case = _find_open(session, action_id)
        if action.due_date is not None and new_due <= action.due_date:
            raise InvalidInput(
                "action.postpone_not_later",
                date=format_date(new_due),
                due=format_date(action.due_date),
            )
        old = action.due_date
        action.due_date = new_due
        action.times_postponed += 1
        session.add(action)
        event = add_event(
            session,
            case,
            EventKind.ACTIE_UITGESTELD,
            **_facts(action),
            **{"from": old, "to": new_due},
            reason=why,
        )
        if checked.findings:
            session.flush()
            guard.mark(session, "case_events", event.id or 0, "reason", case.id, checked.findings)
        audit.record(session, "action.update", case.code)
        return _action_view(action, case.code)


def known_organisations(vault: Vault, first: Iterable[str] = ()) -> list[str]:
    """Organisations to choose an owner from: `first` (say those attending),
    then the region's usual reporters and partners, the vault's reporters and
    the owners in use.

    Each once (letter case ignored), in that order.
    """
    with vault.session() as session:
        known = region.read(session).organisations()
        reporters = session.exec(select(Reporter.name).order_by(Reporter.name)).all()
        owners = session.exec(select(Action.owner).distinct().order_by(Action.owner)).all()
    seen: set[str] = set()
    result: list[str] = []
    for name in (*first, *known, *reporters, *owners):
        key = name.strip().casefold()
        if key and key not in seen:
            seen.add(key)
            result.append(name.strip())
    return result


def list_actions(
    vault: Vault,
    *,
    case_ref: int | str | None = None,
    status: ActionStatus | None = ActionStatus.OPEN,
    due_before: date | None = None,
    limit: int | None = None,
) -> list[ActionView]:
    """Actions, soonest due first (no due date last)."""
    statement = select(Action, Case.code).join(Case, col(Case.id) == Action.case_id)
    with vault.session() as session:
        if case_ref is not None:
            statement = statement.where(Action.case_id == find_case(session, case_ref).id)
        if status is not None:
            statement = statement.where(Action.status == status.value)
        if due_before is not None:
            statement = statement.where(
                col(Action.due_date).is_not(None), col(Action.due_date) < due_before
            )
        statement = (
            statement.where(Case.status != CaseStatus.AFGESLOTEN.value)
            if (case_ref is None and status is ActionStatus.OPEN)
            else statement
        )
        statement = statement.order_by(
            col(Action.due_date).is_(None), col(Action.due_date), col(Action.id)
        )
        if limit is not None:
            statement = statement.limit(limit)
        return [_action_view(action, code) for action, code in session.exec(statement)]


def overdue_actions(vault: Vault, today: date | None = None) -> list[ActionView]:
    return list_actions(vault, due_before=today or date.today())
