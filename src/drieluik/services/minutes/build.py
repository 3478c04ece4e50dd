"""Build the minutes model of one meeting from the vault.

What goes in (and what deliberately does not):
- title date, attending organisations, the agenda;
- per item: case code (pseudonymous), the reason it was on the agenda, the
  melder (an organisation), form of exploitation and municipality (category
  data the annual report publishes per municipality; they identify no one),
  the case's anonymised summary, the discussion notes, the decisions and the
  actions agreed on that item;
- the closing action list ("Actielijst"): per item in agenda order, the
  actions agreed at this meeting, then those still open on the same case
  from earlier meetings.
Not included: vulnerable groups and the organised-crime flag (not needed
to follow up, and they narrow down who a case is about), signal dates,
and anything about people. Planned and spent time per item are in the model
but shown only with `times=True` (`export minutes --times`).

A closed meeting's minutes are frozen when it is closed (`record.freeze`,
table meeting_records): `build_minutes` of a closed meeting reads the newest
frozen version, so later changes to its actions never change its minutes. A
meeting that is not closed (not yet, or reopened) gives live CONCEPT minutes.

Per-partner extract (need to know): `per_partner=ORG` keeps the items where
ORG is the case's melder, the owner of an action on the item, or the
organisation a decision refers the case to; within those items, and in the
action list, only ORG's own actions are kept. See `concerns` for how names
are matched. A partner that no item concerns is refused (InvalidInput naming
the organisations that do appear), so a misspelt name never yields an empty
extract that looks valid. The filter works on the full model, so a frozen
record and live minutes are filtered alike.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlmodel import Session, col, select

from drieluik.domain.synonyms import fold
from drieluik.domain.vocabulary import ActionStatus
from drieluik.errors import InvalidInput
from drieluik.services import meetings, region
from drieluik.services.minutes.model import (
    Minutes,
    MinutesAction,
    MinutesDecision,
    MinutesItem,
)
from drieluik.services.minutes.safe_text import display_safe
from drieluik.services.types import ActionView, AgendaItemView
from drieluik.store.models import Action, Case, Meeting
from drieluik.store.vault import Vault

# Below this many folded characters a name is only matched by equality, so a
# short owner such as "VT" does not match every name that happens to contain it.
MIN_CONTAINED = 3


def concerns(partner: str, name: str | None) -> bool:
    """Whether organisation `name` is (part of) `partner`, or the other way round.

    Both are folded (`vocabulary.fold`: case, accents, spaces and punctuation
    ignored). They match when equal, or when one contains the other and the
    contained one has at least MIN_CONTAINED characters: `--per-partner
    politie` covers "Politie (AVIM)" and "Politie (TMM)"; "Veilig Thuis"
    covers "Veilig Thuis Drenthe" and the reverse.
    """
    if not name:
        return False
    wanted, have = fold(partner), fold(name)
    if not wanted or not have:
        return False
    if wanted == have:
        return True
    shorter, longer = sorted((wanted, have), key=len)
    return len(shorter) >= MIN_CONTAINED and shorter in longer


def _action(view: ActionView) -> MinutesAction:
    return MinutesAction(
        case_code=view.case_code,
        description=view.description,
        owner=view.owner,
        due_date=view.due_date,
        status=view.status,
    )


def _item(view: AgendaItemView, actions: tuple[MinutesAction, ...]) -> MinutesItem:
    case = view.case
    return MinutesItem(
        number=view.position,
        case_code=case.code,
        reason=view.reason,
        reporter=case.reporter,
        form=case.form,
        municipality=case.municipality,
        summary=case.summary,
        notes=view.notes,
        discussed=view.discussed,
        decisions=tuple(
            MinutesDecision(d.kind, d.text, d.referral_to, d.review_date) for d in view.decisions
        ),
        actions=actions,
        carried_over=view.carried_over,
        planned_seconds=view.planned_seconds,
        seconds_spent=view.seconds_spent,
    )


def _earlier_open_actions(session: Session, case: Case, exclude: set[int]) -> list[MinutesAction]:
    """The case's open actions not agreed at this meeting, soonest due first."""
    rows = session.exec(
        select(Action)
        .where(Action.case_id == case.id, Action.status == ActionStatus.OPEN.value)
        .order_by(col(Action.due_date).is_(None), col(Action.due_date), col(Action.id))
    ).all()
    return [
        MinutesAction(case.code, a.description, a.owner, a.due_date, ActionStatus(a.status))
        for a in rows
        if a.id not in exclude
    ]


def live_minutes(session: Session, meeting: Meeting) -> Minutes:
    """The full minutes (no extract, raw text) from the vault as it is now."""
    view = meetings.meeting_view(session, meeting)
    items: list[MinutesItem] = []
    action_list: list[MinutesAction] = []
    for item in view.items:
        agreed = tuple(map(_action, item.actions))
        items.append(_item(item, agreed))
        action_list.extend(agreed)
        case = session.get(Case, item.case.id)
        assert case is not None
        action_list.extend(_earlier_open_actions(session, case, {a.id for a in item.actions}))
    return Minutes(
        meeting_date=view.meeting_date,
        attending=view.attending,
        items=tuple(items),
        action_list=tuple(action_list),
        concept=meeting.ended_at is None,
        meeting_name=region.read(session).meeting_short,
    )


def _item_concerns(partner: str, item: MinutesItem) -> bool:
    return (
        concerns(partner, item.reporter)
        or any(concerns(partner, a.owner) for a in item.actions)
        or any(concerns(partner, d.referral_to) for d in item.decisions)
    )


def _organisations(items: tuple[MinutesItem, ...]) -> list[str]:
    """The organisations a per-partner extract can be made for, in agenda order, once each."""
    seen: dict[str, str] = {}
    for item in items:
        names = [item.reporter, *(a.owner for a in item.actions)]
        names += [d.referral_to for d in item.decisions if d.referral_to]
        for name in names:
            if name and fold(name) and fold(name) not in seen:
                seen[fold(name)] = name
    return list(seen.values())


def for_partner(full: Minutes, partner: str) -> Minutes:
    """The per-partner extract of full minutes (see the module docstring)."""
    kept = [item for item in full.items if _item_concerns(partner, item)]
    if not kept:
        known = _organisations(full.items)
        if not known:
            raise InvalidInput("minutes.partner_no_items", partner=partner)
        raise InvalidInput("minutes.partner_unknown", partner=partner, orgs=", ".join(known))
    codes = {item.case_code for item in kept}
    return replace(
        full,
        items=tuple(
            replace(item, actions=tuple(a for a in item.actions if concerns(partner, a.owner)))
            for item in kept
        ),
        action_list=tuple(
            a for a in full.action_list if a.case_code in codes and concerns(partner, a.owner)
        ),
        partner=partner,
    )


def build_minutes(
    vault: Vault,
    meeting_ref: int | date | str,
    *,
    per_partner: str | None = None,
    times: bool = False,
) -> Minutes:
    """The minutes of a meeting (by id, date, or a string holding either).

    A closed meeting: its newest frozen record (a meeting closed before records
    existed is built from the vault). Otherwise live minutes marked concept.
    """
    from drieluik.services.minutes import record

    partner = " ".join(per_partner.split()) if per_partner is not None else None
    if partner is not None and not fold(partner):
        raise InvalidInput("minutes.partner_empty")
    with vault.session() as session:
        meeting = meetings.find_meeting(session, meeting_ref)
        frozen = record.latest(session, meeting.id or 0) if meeting.ended_at else None
        full = frozen if frozen is not None else live_minutes(session, meeting)
        full = replace(full, concept=meeting.ended_at is None, show_times=times)
    minutes = for_partner(full, partner) if partner is not None else full
    return minutes.map_texts(lambda _ref, text: display_safe(text))
