"""Unlocking: open the vault and log it, for the CLI and the unlock screen alike.

A failed unlock cannot be written into a vault that did not open; its moment
goes to the local state file and is logged as `unlock.failed` at the next
successful unlock. The unlock itself is logged in memory and saved with the
next change, so a command that only reads does not rewrite the file; the
terminal app passes `persist=True` to save it at once (docs/security.md,
"Audit trail").
"""

from __future__ import annotations

from pathlib import Path

from drieluik.errors import DrieluikError, WrongPassphrase
from drieluik.services import audit, local_state, rollback
from drieluik.store.models import clock_at
from drieluik.store.vault import Vault, peek

UNLOCK = "unlock"
UNLOCK_RECOVERY = "unlock.recovery"
UNLOCK_FAILED = "unlock.failed"


def unlock(
    path: Path,
    passphrase: str | None = None,
    *,
    recovery_key: str | None = None,
    persist: bool = False,
) -> Vault:
    """Open the vault at `path`; raises WrongPassphrase (after noting it) like Vault.open."""
    path = Path(path)
    try:
        vault = Vault.open(path, passphrase, recovery_key=recovery_key)
    except WrongPassphrase:
        note_failed_unlock(path)
        raise
    try:
        _log_unlock(vault, via_recovery=recovery_key is not None, persist=persist)
        rollback.remember(vault)
    except BaseException:
        vault.close()
        raise
    return vault


def note_failed_unlock(path: Path) -> None:
    try:
        vault_id = peek(path).vault_id
    except DrieluikError:
        return
    local_state.add_failed_unlock(vault_id)


def _log_unlock(vault: Vault, *, via_recovery: bool, persist: bool) -> None:
    vault_id = vault.header.vault_id.hex()
    failures = local_state.failed_unlocks(vault_id)
    with vault.transaction(persist=False) as session:
        for moment in failures:
            with clock_at(moment):
                audit.record(session, UNLOCK_FAILED)
        audit.record(session, UNLOCK_RECOVERY if via_recovery else UNLOCK)
    if not (failures or persist) or vault.read_only:
        # Read-only (no lock file possible): nothing can be saved; the entries stay
        # in memory and earlier failed attempts in the local file for the next time.
        return
    # Failed attempts live only in the local file until the vault holds them.
    try:
        vault.after_commit()
    except DrieluikError:
        if persist:
            raise
        return
    if failures:
        local_state.clear_failed_unlocks(vault_id)
