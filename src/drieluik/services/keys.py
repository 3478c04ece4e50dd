"""Key holders: named passphrase slots added, listed, removed and re-keyed, audited.

Each change is checked first (the name, the count, never the last slot),
then logged in memory, so that the one save that writes the new header also
carries its audit entry. The entry names the slot (`key.add:NAAM`); the
audit trail's `key_slot` column names the slot that opened the vault and
made the change (services/audit.py). Never a passphrase.
"""

from __future__ import annotations

from drieluik.services import audit
from drieluik.store.kdf import KdfParams
from drieluik.store.vault import SlotInfo, Vault


def list_keys(vault: Vault) -> list[SlotInfo]:
    return vault.key_slots()


def add_key(vault: Vault, name: str, passphrase: str, params: KdfParams | None = None) -> str:
    """Add the named slot; returns its name as stored (NFC, trimmed)."""
    slot = vault.new_key_slot(name, passphrase, params)
    with vault.transaction(persist=False) as session:
        audit.record(session, f"key.add:{slot.name}")
    vault.add_key_slot(slot)
    return slot.name


def remove_key(vault: Vault, name: str) -> str:
    """Remove the named slot (never the last passphrase slot); returns its name."""
    slot = vault.key_slot_to_remove(name)
    with vault.transaction(persist=False) as session:
        audit.record(session, f"key.remove:{slot.name}")
    vault.remove_key_slot(slot.name)
    return slot.name


def change_passphrase(vault: Vault, new_passphrase: str, *, name: str | None = None) -> str:
    """`passwd`: the slot that opened the vault, or the named one; returns its name.

    Logged as `passphrase.change`, with `:NAAM` when it is another holder's slot.
    """
    target = vault.slot_to_change(name).name
    several = len(vault.header.passphrase_slots) > 1
    action = "passphrase.change"
    if several and target != vault.slot_name:
        action += f":{target}"
    with vault.transaction(persist=False) as session:
        audit.record(session, action)
    return vault.change_passphrase(new_passphrase, name=target)
