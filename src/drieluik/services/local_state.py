"""The one small file drieluik keeps outside the vault: what this laptop has seen.

`<data dir>/local-state.json` maps a vault's id (random, hex) to the highest
generation this laptop has seen of it — so an older copy swapped in is
noticed — and to the moments of failed unlocks since the last successful one
— which cannot be written into a vault that did not open. No content, no
passphrase, no case code; docs/security.md says what it does and does not
protect. Writing it is best effort: a read-only home folder must not stop
anyone working, so failures are ignored.
"""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime
from pathlib import Path

from drieluik.settings import data_dir
from drieluik.store.models import now
from drieluik.store.safe_file import write_atomically

FILE_NAME = "local-state.json"
FORMAT = 1
MAX_FAILED_UNLOCKS = 100  # kept per vault; older ones are dropped


def state_path() -> Path:
    return data_dir() / FILE_NAME


def _load() -> dict[str, dict[str, object]]:
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    vaults = data.get("vaults") if isinstance(data, dict) else None
    return (
        {k: v for k, v in vaults.items() if isinstance(v, dict)} if isinstance(vaults, dict) else {}
    )


def _store(vaults: dict[str, dict[str, object]]) -> None:
    path = state_path()
    body = json.dumps({"format": FORMAT, "vaults": vaults}, indent=1, sort_keys=True)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, [body.encode("utf-8")])


def _entry(vault_id: str) -> dict[str, object]:
    return _load().get(vault_id, {})


def seen_generation(vault_id: str) -> int | None:
    value = _entry(vault_id).get("generation")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def remember_generation(vault_id: str, generation: int, *, lower: bool = False) -> None:
    """Record `generation` as seen; it only goes down when `lower` (an accepted older copy)."""
    vaults = _load()
    entry = vaults.setdefault(vault_id, {})
    seen = entry.get("generation")
    if lower or not isinstance(seen, int) or generation > seen:
        entry["generation"] = generation
        _store(vaults)


def add_failed_unlock(vault_id: str, at: datetime | None = None) -> None:
    vaults = _load()
    entry = vaults.setdefault(vault_id, {})
    stored = entry.get("failed_unlocks")
    moments = [m for m in stored if isinstance(m, str)] if isinstance(stored, list) else []
    # Whole seconds, like every audit moment (`models.now`), so the failed
    # attempts never sort after the unlock that logs them.
    moments.append((at or now()).isoformat())
    entry["failed_unlocks"] = moments[-MAX_FAILED_UNLOCKS:]
    _store(vaults)


def failed_unlocks(vault_id: str) -> list[datetime]:
    moments = []
    stored = _entry(vault_id).get("failed_unlocks")
    for raw in stored if isinstance(stored, list) else []:
        with contextlib.suppress(TypeError, ValueError):
            moment = datetime.fromisoformat(raw)
            moments.append(moment if moment.tzinfo else moment.replace(tzinfo=UTC))
    return moments


def clear_failed_unlocks(vault_id: str) -> None:
    vaults = _load()
    if vaults.get(vault_id, {}).pop("failed_unlocks", None) is not None:
        _store(vaults)
