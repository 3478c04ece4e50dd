"""The audit trail: who did what to which case, hash-chained, never contents.

Each entry's hash covers its fields and the previous entry's hash, so a
changed, inserted or removed entry breaks the chain (`verify_chain`).
"""

from __future__ import annotations

import getpass
import hashlib
from datetime import datetime

from sqlmodel import Session, col, select

from drieluik.store.models import AuditEntry, now

GENESIS = "0" * 64


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (service account, container): still log
        return "onbekend"


def entry_hash(prev_hash: str, at: datetime, user: str, action: str, case_code: str | None) -> str:
    material = "\x1f".join((prev_hash, at.isoformat(), user, action, case_code or ""))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def record(session: Session, action: str, case_code: str | None = None) -> AuditEntry:
    """Append an entry in the caller's transaction (it commits with the change)."""
    last = session.exec(select(AuditEntry).order_by(col(AuditEntry.id).desc()).limit(1)).first()
    prev = last.hash if last else GENESIS
    at = now()
    user = os_user()
    entry = AuditEntry(
        at=at,
        os_user=user,
        action=action,
        case_code=case_code,
        prev_hash=prev,
        hash=entry_hash(prev, at, user, action, case_code),
    )
    session.add(entry)
    session.flush()
    return entry


def record_many(session: Session, action: str, case_codes: list[str]) -> None:
    """Bulk variant for imports: one entry per case, chained in order."""
    last = session.exec(select(AuditEntry).order_by(col(AuditEntry.id).desc()).limit(1)).first()
    prev = last.hash if last else GENESIS
    at = now()
    user = os_user()
    rows = []
    for code in case_codes:
        digest = entry_hash(prev, at, user, action, code)
        rows.append(
            {
                "at": at,
                "os_user": user,
                "action": action,
                "case_code": code,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    if rows:
        session.execute(AuditEntry.__table__.insert(), rows)
