"""Follow-up actions (actiepunten): what, which organisation, by when.

Actions survive staff changes: they belong to the case, not to a person.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from drieluik.domain.text import clean_short_text, clean_text
from drieluik.domain.vocabulary import ActionStatus, CaseStatus, EventKind
from drieluik.errors import InvalidInput
from drieluik.services import audit
from drieluik.services.allowlist import refuse_personal_data
from drieluik.services.cases import add_event, find_case
from drieluik.services.meetings import _action_view
from drieluik.services.types import ActionView
from drieluik.store.models import Action, AgendaItem, Case, now
from drieluik.store.vault import Vault


def add_action(
    vault: Vault,
    case_ref: int | str,
    description: str,
    owner: str,
    due_date: date | None = None,
    *,
    agenda_item_id: int | None = None,
) -> ActionView:
    what = clean_text("actie", description)
    who = clean_short_text("eigenaar", owner)
    if not what:
        raise InvalidInput("case.invalid", problems="actie: leeg / empty")
    if not who:
        raise InvalidInput("case.invalid", problems="eigenaar: leeg / empty")
    refuse_personal_data(vault, "org.field.owner", who)
    with vault.transaction() as session:
        case = find_case(session, case_ref)
        if agenda_item_id is not None and session.get(AgendaItem, agenda_item_id) is None:
            raise InvalidInput("meeting.item_not_found")
        action = Action(
            case_id=case.id or 0,
            agenda_item_id=agenda_item_id,
            description=what,
            owner=who,
            due_date=due_date,
        )
        session.add(action)
        session.flush()
        audit.record(session, "action.create", case.code)
        return _action_view(action, case.code)


def _find_open(session: Session, action_id: int) -> tuple[Action, Case]:
    action = session.get(Action, action_id)
    if action is None:
        raise InvalidInput("action.not_found")
    if action.status != ActionStatus.OPEN.value:
        raise InvalidInput("action.not_open")
    return action, find_case(session, action.case_id)


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
        add_event(session, case, kind, f"{action.description} ({action.owner})")
        audit.record(session, "action.update", case.code)
        return _action_view(action, case.code)


def postpone_action(vault: Vault, action_id: int, new_due: date) -> ActionView:
    with vault.transaction() as session:
        action, case = _find_open(session, action_id)
        old = action.due_date.isoformat() if action.due_date else "—"
        action.due_date = new_due
        action.times_postponed += 1
        session.add(action)
        add_event(
            session,
            case,
            EventKind.ACTIE_UITGESTELD,
            f"{action.description} ({action.owner}): {old} → {new_due.isoformat()}",
        )
        audit.record(session, "action.update", case.code)
        return _action_view(action, case.code)


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
