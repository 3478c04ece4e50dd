"""SQLite's own integrity check of the database inside the vault.

AES-GCM authenticates every byte of the vault at each open, so a damaged file
is refused before SQLite sees it; what is left is damage made by a program
holding the key (a bug, a crash inside SQLite). That is what
`PRAGMA integrity_check` looks for. It grows with the vault (and on
SQLite >= 3.44 also checks the full-text index), so it is not part of opening:
`drieluik check` runs it, and the TUI runs it at most once a day, in a worker
after unlocking (`run_if_due`). A finding is reported; nothing is repaired or
changed.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from drieluik.store.models import Setting
from drieluik.store.vault import Vault

# The vault's settings row with the moment (UTC, ISO 8601) of the last check
# that found nothing.
LAST_RUN_KEY = "integrity_checked_at"
INTERVAL = timedelta(days=1)


def problems(vault: Vault, *, on_a_copy: bool = False) -> list[str]:
    """[] when SQLite finds the database sound, else its first findings."""
    if vault.db is None:
        raise RuntimeError("vault is closed")
    return vault.db.integrity_problems(on_a_copy=on_a_copy)


def last_run(vault: Vault) -> datetime | None:
    with vault.session() as session:
        row = session.get(Setting, LAST_RUN_KEY)
    if row is None:
        return None
    try:
        moment = datetime.fromisoformat(row.value)
    except ValueError:  # hand-edited or from a future version: run again
        return None
    return moment if moment.tzinfo is not None else None


def due(vault: Vault, now: datetime) -> bool:
    """True when no sound check is known from the last day (or it lies in the future)."""
    previous = last_run(vault)
    return previous is None or not (now - INTERVAL < previous <= now)


def run_if_due(vault: Vault, now: datetime | None = None) -> list[str] | None:
    """The scheduled check: None when not due, else the findings ([] = sound).

    Runs on a copy, so the thread that shows the vault is not held up. A sound
    result is remembered in the vault's settings, committed in memory only: it
    goes into the file with the next save, so the check itself never writes
    (and a session that changes nothing checks again at the next unlock). A
    finding is not remembered, so it is reported again at every unlock until
    the vault is restored. Nothing is repaired.
    """
    now = now or datetime.now(UTC)
    if not due(vault, now):
        return None
    found = problems(vault, on_a_copy=True)
    if not found and not vault.read_only and vault.is_open:
        with vault.transaction(persist=False) as session:
            row = session.get(Setting, LAST_RUN_KEY)
            value = now.isoformat(timespec="seconds")
            if row is None:
                session.add(Setting(key=LAST_RUN_KEY, value=value))
            else:
                row.value = value
                session.add(row)
    return found
