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
time spent, and anything about people.

Per-partner extract (need to know): `per_partner=ORG` keeps the items where
ORG is the case's melder, the owner of an action on the item, or the
organisation a decision refers the case to; within those items, and in the
action list, only ORG's own actions are kept. See `concerns` for how names
are matched. A partner that no item concerns is refused (InvalidInput naming
the organisations that do appear), so a misspelt name never yields an empty
extract that looks valid.
"""

from __future__ import annotations

from datetime import date

from drieluik.domain.vocabulary import ActionStatus, fold
from drieluik.errors import InvalidInput
from drieluik.services import actions as action_service
from drieluik.services import meetings
from drieluik.services.minutes.model import (
    Minutes,
    MinutesAction,
    MinutesDecision,
    MinutesItem,
)
from drieluik.services.minutes.safe_text import display_safe
from drieluik.services.types import ActionView, AgendaItemView
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
    )


def _item_concerns(partner: str, view: AgendaItemView) -> bool:
    return (
        concerns(partner, view.case.reporter)
        or any(concerns(partner, a.owner) for a in view.actions)
        or any(concerns(partner, d.referral_to) for d in view.decisions)
    )


def _organisations(items: tuple[AgendaItemView, ...]) -> list[str]:
    """The organisations a per-partner extract can be made for, in agenda order, once each."""
    seen: dict[str, str] = {}
    for view in items:
        names = [view.case.reporter, *(a.owner for a in view.actions)]
        names += [d.referral_to for d in view.decisions]
        for name in names:
            if name and fold(name) and fold(name) not in seen:
                seen[fold(name)] = name
    return list(seen.values())


def build_minutes(
    vault: Vault, meeting_ref: int | date | str, *, per_partner: str | None = None
) -> Minutes:
    """The minutes of a meeting (by id, date, or a string holding either)."""
    partner = " ".join(per_partner.split()) if per_partner is not None else None
    if partner is not None and not fold(partner):
        raise InvalidInput("minutes.partner_empty")
    meeting = meetings.get_meeting(vault, meeting_ref)

    def keep(action: MinutesAction) -> bool:
        return partner is None or concerns(partner, action.owner)

    items: list[MinutesItem] = []
    action_list: list[MinutesAction] = []
    for view in meeting.items:
        if partner is not None and not _item_concerns(partner, view):
            continue
        agreed = tuple(a for a in map(_action, view.actions) if keep(a))
        items.append(_item(view, agreed))
        action_list.extend(agreed)
        this_meeting = {a.id for a in view.actions}
        action_list.extend(
            action
            for action in map(
                _action,
                (
                    a
                    for a in action_service.list_actions(
                        vault, case_ref=view.case.id, status=ActionStatus.OPEN
                    )
                    if a.id not in this_meeting
                ),
            )
            if keep(action)
        )
    if partner is not None and not items:
        known = _organisations(meeting.items)
        if not known:
            raise InvalidInput("minutes.partner_no_items", partner=partner)
        raise InvalidInput("minutes.partner_unknown", partner=partner, orgs=", ".join(known))
    minutes = Minutes(
        meeting_date=meeting.meeting_date,
        attending=meeting.attending,
        items=tuple(items),
        action_list=tuple(action_list),
        partner=partner,
    )
    return minutes.map_texts(lambda _ref, text: display_safe(text))
