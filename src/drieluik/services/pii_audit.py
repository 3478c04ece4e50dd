"""`pii audit`: every stored text in which the guard finds personal data.

For the privacy officer. It scans what is stored now (not only what was
marked: texts stored before the policy existed count too), and lists case
code, place, category and offsets — never the value. `redact_stored`
anonymises all of them in place in one transaction with one audit entry.

Texts covered: case summary and reporter, notes, decisions (text, referral),
actions (description, owner), the attending organisations, the texts copied
into the case history (decision text, action description and owner,
reasons) and the frozen minutes of closed meetings.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from drieluik.services import audit
from drieluik.services.guard import Guard
from drieluik.store.models import (
    Action,
    AgendaItem,
    Case,
    CaseEvent,
    Decision,
    Meeting,
    MeetingRecord,
    PiiMark,
)
from drieluik.store.vault import Vault

# The params of a history event that hold typed text (docs/vault-format.md).
EVENT_TEXT_KEYS = ("text", "description", "reason", "owner", "referral_to", "reporter", "legacy")


@dataclass(frozen=True)
class StoredFinding:
    """One finding in a stored text: where and what kind, never the value."""

    case_code: str | None
    owner: str  # table
    owner_id: int
    field: str
    category: str
    start: int
    end: int

    def as_json(self) -> dict[str, object]:
        return {
            "case": self.case_code,
            "table": self.owner,
            "row": self.owner_id,
            "field": self.field,
            "category": self.category,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class _Text:
    owner: str
    owner_id: int
    field: str
    case_code: str | None
    text: str
    write: Callable[[Session, str], None]


def _set(row: object, attr: str) -> Callable[[Session, str], None]:
    def write(session: Session, value: str) -> None:
        setattr(row, attr, value)
        session.add(row)

    return write


def _texts(session: Session) -> Iterator[_Text]:
    codes = dict(session.exec(select(Case.id, Case.code)).all())
    for case in session.exec(select(Case).order_by(col(Case.id))):
        summary = _set(case, "summary")
        yield _Text("cases", case.id or 0, "summary", case.code, case.summary, summary)
        yield _Text(
            "cases", case.id or 0, "reporter", case.code, case.reporter, _set(case, "reporter")
        )
    for item in session.exec(select(AgendaItem).order_by(col(AgendaItem.id))):
        code = codes.get(item.case_id)
        yield _Text("agenda_items", item.id or 0, "notes", code, item.notes, _set(item, "notes"))
    for decision in session.exec(select(Decision).order_by(col(Decision.id))):
        code = codes.get(decision.case_id)
        yield _Text(
            "decisions", decision.id or 0, "decision", code, decision.text, _set(decision, "text")
        )
        if decision.referral_to:
            write = _set(decision, "referral_to")
            referral = decision.referral_to
            yield _Text("decisions", decision.id or 0, "referral", code, referral, write)
    for action in session.exec(select(Action).order_by(col(Action.id))):
        code = codes.get(action.case_id)
        yield _Text(
            "actions",
            action.id or 0,
            "action",
            code,
            action.description,
            _set(action, "description"),
        )
        yield _Text("actions", action.id or 0, "owner", code, action.owner, _set(action, "owner"))
    for meeting in session.exec(select(Meeting).order_by(col(Meeting.id))):
        names = json.loads(meeting.attending or "[]")
        for index, name in enumerate(names):

            def write(session: Session, value: str, m: Meeting = meeting, i: int = index) -> None:
                current = json.loads(m.attending or "[]")
                current[i] = value
                m.attending = json.dumps(current)
                session.add(m)

            yield _Text("meetings", meeting.id or 0, "attending", None, name, write)
    yield from _event_texts(session, codes)
    yield from _record_texts(session)


def _event_texts(session: Session, codes: dict[int | None, str]) -> Iterator[_Text]:
    for event in session.exec(select(CaseEvent).order_by(col(CaseEvent.id))):
        params = json.loads(event.params or "{}")
        if not isinstance(params, dict):
            continue
        for key in EVENT_TEXT_KEYS:
            value = params.get(key)
            if isinstance(value, str) and value:
                yield _Text(
                    "case_events",
                    event.id or 0,
                    f"history.{key}",
                    codes.get(event.case_id),
                    value,
                    _event_writer(event, key),
                )


def _event_writer(event: CaseEvent, key: str) -> Callable[[Session, str], None]:
    """History events are append-only (a trigger refuses UPDATE). Anonymising is
    the one change they allow: the row is replaced by the same event, same id
    and moment, with the found text as its placeholder."""

    def write(session: Session, value: str) -> None:
        session.flush()
        row = session.get(CaseEvent, event.id)
        assert row is not None
        params = json.loads(row.params)
        params[key] = value
        values = {
            "id": row.id,
            "case_id": row.case_id,
            "at": row.at,
            "kind": row.kind,
            "meeting_id": row.meeting_id,
            "detail": row.detail,
            "params": json.dumps(params, ensure_ascii=False, sort_keys=True),
        }
        session.expunge(row)
        session.execute(delete(CaseEvent).where(col(CaseEvent.id) == values["id"]))
        session.execute(insert(CaseEvent).values(**values))

    return write


def _record_texts(session: Session) -> Iterator[_Text]:
    from drieluik.services.minutes.model import from_json

    for row in session.exec(select(MeetingRecord).order_by(col(MeetingRecord.id))):
        minutes = from_json(row.minutes)
        for where, text in minutes.text_fields():
            if not text:
                continue
            yield _Text(
                "meeting_records",
                row.id or 0,
                f"minutes.{where.field}",
                where.case_code,
                text,
                _record_writer(row, where),
            )


def _record_writer(row: MeetingRecord, target: object) -> Callable[[Session, str], None]:
    def write(session: Session, value: str) -> None:
        from drieluik.services.minutes.model import from_json, to_json

        minutes = from_json(row.minutes)
        changed = minutes.map_texts(lambda where, text: value if where == target else text)
        row.minutes = to_json(changed)
        session.add(row)

    return write


def audit_stored(vault: Vault) -> list[StoredFinding]:
    """Every finding in every stored text, by table and row (no values)."""
    with vault.session() as session:
        guard = Guard.read(session)
        found: list[StoredFinding] = []
        for stored in _texts(session):
            for finding in guard.scan(stored.text):
                found.append(
                    StoredFinding(
                        stored.case_code,
                        stored.owner,
                        stored.owner_id,
                        stored.field,
                        finding.category.value,
                        finding.start,
                        finding.end,
                    )
                )
        return found


def redact_stored(vault: Vault) -> int:
    """Anonymise every stored text with findings in place; returns how many texts.

    One transaction, one audit entry (`pii.redact`), every mark cleared.
    """
    from drieluik.services.pii import redact

    changed = 0
    with vault.transaction() as session:
        guard = Guard.read(session)
        pending: list[tuple[_Text, str]] = []
        for stored in _texts(session):
            findings = guard.scan(stored.text)
            if findings:
                pending.append((stored, redact(stored.text, findings)))
        # Events are replaced row by row: collect first, then write, so the walk
        # above never reads a row the writes below replaced.
        for stored, clean in pending:
            stored.write(session, clean)
            changed += 1
        session.execute(delete(PiiMark))
        if changed:
            audit.record(session, "pii.redact")
    return changed
