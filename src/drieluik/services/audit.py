"""The audit trail: who did what to which case, hash-chained, never contents.

Each entry's hash covers its fields and the previous entry's hash, so a
changed, inserted or removed entry breaks the chain (`verify_chain`). The
head of the chain (entry count and last hash) is also kept in the `settings`
table, so removing the newest entries is detected as well. What this does and
does not prove is in docs/security.md ("Audit trail"): anyone holding the
passphrase can rewrite the whole vault, chain included.
"""

from __future__ import annotations

import getpass
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, text
from sqlmodel import Session, col, select

from drieluik.store.models import AuditEntry, Setting, now, table_of
from drieluik.store.vault import Vault

GENESIS = "0" * 64
HEAD_KEY = "audit_head"  # "<count>:<hash of the last entry>"
NOTE_WINDOW = timedelta(minutes=15)


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (service account, container): still log
        return "onbekend"


def _as_utc(at: datetime) -> datetime:
    # SQLite hands moments back without a zone; they are stored in UTC.
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def _canonical_time(at: datetime) -> str:
    return _as_utc(at).isoformat()


def entry_hash(
    prev_hash: str,
    at: datetime,
    user: str,
    action: str,
    case_code: str | None,
    key_slot: str | None = None,
) -> str:
    fields = [prev_hash, _canonical_time(at), user, action, case_code or ""]
    if key_slot is not None:  # entries before schema 9 have none and hash as they did
        fields.append(key_slot)
    material = "\x1f".join(fields)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def _key_slot(session: Session) -> str | None:
    """The key slot that opened the vault this session belongs to (store/vault.py)."""
    slot = session.info.get("key_slot")
    return slot if isinstance(slot, str) else None


# --- writing ------------------------------------------------------------------


def _head(session: Session) -> tuple[int, str]:
    """(entries so far, last hash), from the anchor or — first time — the table."""
    anchor = session.get(Setting, HEAD_KEY)
    if anchor is not None:
        count, _, digest = anchor.value.partition(":")
        if count.isdigit() and len(digest) == 64:
            return int(count), digest
    last = session.exec(select(AuditEntry).order_by(col(AuditEntry.id).desc()).limit(1)).first()
    total = session.exec(select(func.count()).select_from(AuditEntry)).one()
    return total, last.hash if last else GENESIS


def _set_head(session: Session, count: int, digest: str) -> None:
    value = f"{count}:{digest}"
    anchor = session.get(Setting, HEAD_KEY)
    if anchor is None:
        session.add(Setting(key=HEAD_KEY, value=value))
    else:
        anchor.value = value
        session.add(anchor)


def record(session: Session, action: str, case_code: str | None = None) -> AuditEntry:
    """Append an entry in the caller's transaction (it commits with the change)."""
    count, prev = _head(session)
    at = now()
    user = os_user()
    slot = _key_slot(session)
    entry = AuditEntry(
        at=at,
        os_user=user,
        action=action,
        case_code=case_code,
        prev_hash=prev,
        hash=entry_hash(prev, at, user, action, case_code, slot),
        key_slot=slot,
    )
    session.add(entry)
    _set_head(session, count + 1, entry.hash)
    session.flush()
    return entry


def record_once(
    session: Session, action: str, case_code: str | None = None, *, within: timedelta = NOTE_WINDOW
) -> None:
    """Like `record`, unless the newest entry is the same action on the same case
    from the last `within` (notes are saved as the chair types; one entry a burst)."""
    last = session.exec(select(AuditEntry).order_by(col(AuditEntry.id).desc()).limit(1)).first()
    if (
        last is not None
        and last.action == action
        and last.case_code == case_code
        and last.os_user == os_user()
        and _as_utc(now()) - _as_utc(last.at) < within
    ):
        return
    record(session, action, case_code)


def record_many(session: Session, action: str, case_codes: list[str]) -> None:
    """Bulk variant for imports and purges: one entry per case, chained in order."""
    if not case_codes:
        return
    count, prev = _head(session)
    at = now()
    user = os_user()
    slot = _key_slot(session)
    rows = []
    for code in case_codes:
        digest = entry_hash(prev, at, user, action, code, slot)
        rows.append(
            {
                "at": at,
                "os_user": user,
                "action": action,
                "case_code": code,
                "prev_hash": prev,
                "hash": digest,
                "key_slot": slot,
            }
        )
        prev = digest
    session.execute(table_of(AuditEntry).insert(), rows)
    _set_head(session, count + len(rows), prev)


def record_event(vault: Vault, action: str, case_code: str | None = None) -> None:
    """Log something that changes no row (an export, an unlock) in its own transaction."""
    with vault.transaction() as session:
        record(session, action, case_code)


# --- reading ------------------------------------------------------------------


@dataclass(frozen=True)
class AuditView:
    id: int
    at: datetime | None  # None when the stored moment is unreadable (tampered)
    os_user: str
    action: str
    case_code: str | None
    key_slot: str | None = None  # the key slot's name; None before schema 9

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "tijd": self.at.isoformat() if self.at else None,
            "gebruiker": self.os_user,
            "actie": self.action,
            "code": self.case_code,
            "sleutel": self.key_slot,
        }


def _parse_moment(raw: object) -> datetime | None:
    if isinstance(raw, datetime):
        moment = raw
    else:
        try:
            moment = datetime.fromisoformat(str(raw))
        except ValueError:
            return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


# Raw SQL, not the model: a hand-edited row (a moment that no longer parses)
# must be reported, not crash the listing or the check.
_ROWS = "SELECT id, at, os_user, action, case_code, prev_hash, hash, key_slot FROM audit_log"


def list_entries(vault: Vault, *, limit: int | None = None) -> list[AuditView]:
    """The newest `limit` entries (all when None), oldest first."""
    query = _ROWS + " ORDER BY id DESC" + (" LIMIT :limit" if limit is not None else "")
    with vault.session() as session:
        rows = session.execute(text(query), {"limit": limit} if limit is not None else {}).all()
    return [
        AuditView(row[0], _parse_moment(row[1]), row[2], row[3], row[4], row[7])
        for row in reversed(rows)
    ]


@dataclass(frozen=True)
class AuditVerification:
    ok: bool
    entries: int
    head_hash: str
    # The first entry that does not verify; None when the entries chain but
    # the recorded head disagrees (entries removed from the end).
    first_broken_id: int | None = None
    problem: str | None = None  # "hash", "link", "head_missing", "head_count", "head_hash"

    def as_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "head_hash": self.head_hash,
            "first_broken_id": self.first_broken_id,
            "problem": self.problem,
        }


def verify_chain(vault: Vault) -> AuditVerification:
    """Recompute every hash and link in order, then compare with the recorded head."""
    with vault.session() as session:
        total = session.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
        anchor = session.get(Setting, HEAD_KEY)
        prev = GENESIS
        # Streamed: a national-scale trail has a million entries.
        for entry_id, raw_at, user, action, code, prev_hash, digest, slot in session.execute(
            text(_ROWS + " ORDER BY id")
        ):
            if prev_hash != prev:
                return AuditVerification(False, total, prev, entry_id, "link")
            at = _parse_moment(raw_at)
            if at is None or entry_hash(prev, at, user, action, code, slot) != digest:
                return AuditVerification(False, total, prev, entry_id, "hash")
            prev = digest
    if anchor is None:
        return AuditVerification(not total, total, prev, None, "head_missing" if total else None)
    count, _, head = anchor.value.partition(":")
    if count != str(total):
        return AuditVerification(False, total, prev, None, "head_count")
    if head != prev:
        return AuditVerification(False, total, prev, None, "head_hash")
    return AuditVerification(True, total, prev)
