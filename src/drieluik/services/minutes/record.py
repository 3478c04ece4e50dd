"""The frozen minutes of closed meetings (table meeting_records).

`freeze` runs inside `finish_meeting`'s transaction, so a meeting is never
closed without its record. Records are only ever added: reopening and closing
again writes the next version. The one exception is the law: when retention
destroys a case, `forget_case` takes it out of every record too, or its
summary and notes would outlive the case.
"""

from __future__ import annotations

import json

from sqlalchemy import func
from sqlmodel import Session, col, select

from drieluik.services.minutes.build import live_minutes
from drieluik.services.minutes.model import Minutes, from_json, to_json
from drieluik.store.models import Meeting, MeetingRecord, now
from drieluik.store.vault import Vault


def freeze(session: Session, meeting: Meeting) -> int:
    """Store the minutes as they stand now as the meeting's next version."""
    session.flush()
    last = session.exec(
        select(func.max(MeetingRecord.version)).where(MeetingRecord.meeting_id == meeting.id)
    ).one()
    version = (last or 0) + 1
    session.add(
        MeetingRecord(
            meeting_id=meeting.id or 0,
            version=version,
            closed_at=meeting.ended_at or now(),
            minutes=to_json(live_minutes(session, meeting)),
        )
    )
    return version


def freeze_if_missing(vault: Vault, meeting_id: int) -> bool:
    """Freeze a closed meeting that has no record yet; True when one was written.

    Meetings closed before records existed (schema < 6), and the demo's past
    meetings, have none. Their minutes are frozen at their first export, so
    from then on they stop changing (what changed before cannot be recovered).
    """
    with vault.session() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None or meeting.ended_at is None or latest(session, meeting_id):
            return False
    with vault.transaction() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        freeze(session, meeting)
    return True


def latest(session: Session, meeting_id: int) -> Minutes | None:
    row = session.exec(
        select(MeetingRecord)
        .where(MeetingRecord.meeting_id == meeting_id)
        .order_by(col(MeetingRecord.version).desc())
    ).first()
    return from_json(row.minutes) if row is not None else None


def forget_case(session: Session, case_code: str) -> None:
    """Remove a destroyed case's items and actions from every frozen record."""
    needle = json.dumps(case_code)
    for row in session.exec(
        select(MeetingRecord).where(col(MeetingRecord.minutes).contains(needle))
    ).all():
        data = json.loads(row.minutes)
        data["items"] = [i for i in data["items"] if i["case_code"] != case_code]
        data["action_list"] = [a for a in data["action_list"] if a["case_code"] != case_code]
        for item in data["items"]:
            item["actions"] = [a for a in item["actions"] if a["case_code"] != case_code]
        row.minutes = json.dumps(data, ensure_ascii=False, sort_keys=True)
        session.add(row)
