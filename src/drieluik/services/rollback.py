"""Rollback awareness: notice when an older copy of the vault is opened.

The vault's generation (saves so far) is authenticated in its header; the
highest generation this laptop has seen lives in the local state file
(`services.local_state`). A vault whose generation is lower than that is an
older copy: a restored backup, or a file swapped in to undo changes.
"""

from __future__ import annotations

from pathlib import Path

from drieluik.errors import DrieluikError
from drieluik.i18n import t
from drieluik.services import local_state
from drieluik.store.vault import Vault, peek


def check_rollback(path: Path) -> str | None:
    """A warning when the file at `path` is older than one seen before, else None.

    Works before unlocking (for the unlock screen): the header is read
    without a key, so this is advice until the vault has opened.
    """
    try:
        info = peek(Path(path))
    except DrieluikError:
        return None
    seen = local_state.seen_generation(info.vault_id)
    if seen is None or info.generation >= seen:
        return None
    return t("rollback.older", generation=info.generation, seen=seen)


def remember(vault: Vault) -> None:
    """Note the open vault's generation as seen (at unlock, after saves, at lock/quit)."""
    local_state.remember_generation(vault.header.vault_id.hex(), vault.header.generation)


def accept_older(vault: Vault) -> None:
    """The user restored this older copy on purpose: stop warning about it."""
    local_state.remember_generation(
        vault.header.vault_id.hex(), vault.header.generation, lower=True
    )
