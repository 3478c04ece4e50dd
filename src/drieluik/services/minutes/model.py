"""The one minutes model: what leaves the vault, whatever the format.

Markdown, Word and PDF render this model and nothing else, and the
personal-data guard scans exactly the texts `Minutes.text_fields()` yields —
the same walk (`map_texts`) that redaction uses — so a field cannot go out
without having been scanned.

Everything here is plain data. Vocabulary labels (reason, form, decision
kind, status) come from the enums; the free text typed by users is in the
fields listed in `FIELD_NAMES`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from drieluik.domain.vocabulary import (
    ActionStatus,
    AgendaReason,
    DecisionKind,
    ExploitationForm,
)

# The user-text fields that go out, with where they live. Labels for people
# are in the i18n catalogue under "minutes.field.<name>".
FIELD_NAMES = (
    "partner",  # the organisation a per-partner extract is for
    "attending",  # an attending organisation
    "reporter",  # the case's melder (an organisation)
    "summary",  # the case's anonymised summary
    "notes",  # discussion notes of the agenda item
    "decision_text",
    "decision_referral",
    "action_description",
    "action_owner",
)


@dataclass(frozen=True)
class FieldRef:
    """Where a text sits in the minutes: item number and case code when in an item.

    `index` counts from 1 within the field's list (the 2nd attending
    organisation, the 1st decision of an item, the 3rd line of the action list).
    `in_action_list` marks the closing action list ("Actielijst").
    """

    field: str
    item_number: int | None = None
    case_code: str | None = None
    index: int | None = None
    in_action_list: bool = False


@dataclass(frozen=True)
class MinutesDecision:
    kind: DecisionKind
    text: str
    referral_to: str | None
    review_date: date | None


@dataclass(frozen=True)
class MinutesAction:
    case_code: str
    description: str
    owner: str
    due_date: date | None
    status: ActionStatus


@dataclass(frozen=True)
class MinutesItem:
    number: int  # position on the agenda, from 1
    case_code: str
    reason: AgendaReason
    reporter: str
    form: ExploitationForm
    municipality: str
    summary: str
    notes: str
    discussed: bool
    decisions: tuple[MinutesDecision, ...] = ()
    actions: tuple[MinutesAction, ...] = ()
    carried_over: bool = False  # doorgeschoven (at closing, or during the meeting)
    planned_seconds: int = 0  # the time-box
    seconds_spent: int = 0


@dataclass(frozen=True)
class Minutes:
    meeting_date: date
    attending: tuple[str, ...]
    items: tuple[MinutesItem, ...]
    # The closing action list: per item in agenda order, the actions agreed at
    # this meeting, then those still open on the same case from earlier meetings.
    action_list: tuple[MinutesAction, ...]
    partner: str | None = None  # set for a per-partner extract
    # Minutes of a meeting that is not closed (yet, or again): CONCEPT on the
    # title and every page, and unreached items "nog niet besproken".
    concept: bool = False
    show_times: bool = False  # planned and spent time per item (`--times`)
    # The meeting's name in the title, from the vault's region profile
    # (`RegionProfile.meeting_short`); records from before profiles are Drenthe's.
    meeting_name: str = "Drieluik"

    def map_texts(self, change: Callable[[FieldRef, str], str]) -> Minutes:
        """A copy with every outgoing user text replaced by `change(ref, text)`."""
        partner = change(FieldRef("partner"), self.partner) if self.partner else self.partner
        attending = tuple(
            change(FieldRef("attending", index=i), name)
            for i, name in enumerate(self.attending, start=1)
        )
        items = tuple(_map_item(item, change) for item in self.items)
        action_list = tuple(
            _map_action(action, change, FieldRef("", None, action.case_code, i, True))
            for i, action in enumerate(self.action_list, start=1)
        )
        return replace(
            self, partner=partner, attending=attending, items=items, action_list=action_list
        )

    def text_fields(self) -> Iterator[tuple[FieldRef, str]]:
        """Every outgoing user text with its location, in document order."""
        found: list[tuple[FieldRef, str]] = []

        def collect(ref: FieldRef, text: str) -> str:
            found.append((ref, text))
            return text

        self.map_texts(collect)
        return iter(found)


def _map_item(item: MinutesItem, change: Callable[[FieldRef, str], str]) -> MinutesItem:
    def ref(field: str, index: int | None = None) -> FieldRef:
        return FieldRef(field, item.number, item.case_code, index)

    decisions = tuple(
        replace(
            decision,
            text=change(ref("decision_text", i), decision.text),
            referral_to=(
                change(ref("decision_referral", i), decision.referral_to)
                if decision.referral_to
                else decision.referral_to
            ),
        )
        for i, decision in enumerate(item.decisions, start=1)
    )
    actions = tuple(
        _map_action(action, change, ref("", i)) for i, action in enumerate(item.actions, start=1)
    )
    return replace(
        item,
        reporter=change(ref("reporter"), item.reporter),
        summary=change(ref("summary"), item.summary),
        notes=change(ref("notes"), item.notes),
        decisions=decisions,
        actions=actions,
    )


def _map_action(
    action: MinutesAction, change: Callable[[FieldRef, str], str], where: FieldRef
) -> MinutesAction:
    return replace(
        action,
        description=change(replace(where, field="action_description"), action.description),
        owner=change(replace(where, field="action_owner"), action.owner),
    )


# --- the frozen record ------------------------------------------------------------
# A closed meeting's minutes are stored as this JSON (table meeting_records).
# `format` lets a later version read records written by this one.
RECORD_FORMAT = 1


def to_json(minutes: Minutes) -> str:
    """The full minutes as JSON (dates ISO, vocabulary as stored values)."""
    data = asdict(replace(minutes, partner=None, concept=False, show_times=False))
    del data["partner"], data["concept"], data["show_times"]
    data["format"] = RECORD_FORMAT
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=_encode)


def _encode(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _action_from(data: dict[str, Any]) -> MinutesAction:
    return MinutesAction(
        case_code=data["case_code"],
        description=data["description"],
        owner=data["owner"],
        due_date=_day(data["due_date"]),
        status=ActionStatus(data["status"]),
    )


def from_json(text: str) -> Minutes:
    data = json.loads(text)
    if data.get("format") != RECORD_FORMAT:
        raise ValueError(f"minutes record format {data.get('format')!r}")
    items = tuple(
        MinutesItem(
            number=item["number"],
            case_code=item["case_code"],
            reason=AgendaReason(item["reason"]),
            reporter=item["reporter"],
            form=ExploitationForm(item["form"]),
            municipality=str(item["municipality"]),
            summary=item["summary"],
            notes=item["notes"],
            discussed=item["discussed"],
            decisions=tuple(
                MinutesDecision(
                    kind=DecisionKind(d["kind"]),
                    text=d["text"],
                    referral_to=d["referral_to"],
                    review_date=_day(d["review_date"]),
                )
                for d in item["decisions"]
            ),
            actions=tuple(_action_from(a) for a in item["actions"]),
            carried_over=item["carried_over"],
            planned_seconds=item["planned_seconds"],
            seconds_spent=item["seconds_spent"],
        )
        for item in data["items"]
    )
    return Minutes(
        meeting_date=date.fromisoformat(data["meeting_date"]),
        attending=tuple(data["attending"]),
        items=items,
        action_list=tuple(_action_from(a) for a in data["action_list"]),
        meeting_name=str(data.get("meeting_name") or "Drieluik"),
    )
