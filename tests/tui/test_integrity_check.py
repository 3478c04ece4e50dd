"""The daily integrity check after unlock: in a worker, reported, nothing changed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from drieluik.services import audit, integrity
from drieluik.store.models import Setting
from drieluik.store.vault import Vault, peek
from tests.conftest import PASSPHRASE
from tests.tui.conftest import SIZE, app_for, unlock, wait_for
from tests.vault_testing import damage_database_inside


def _last_run(vault: Vault) -> str | None:
    with vault.session() as session:
        row = session.get(Setting, integrity.LAST_RUN_KEY)
    return row.value if row else None


async def test_a_sound_vault_is_checked_after_unlock_and_remembers_it(closed_vault: Path) -> None:
    app = app_for(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        vault = app.vault
        generation = peek(closed_vault).generation
        await wait_for(pilot, lambda: _last_run(vault) is not None)
        assert not any(n.severity == "error" for n in app._notifications)
        assert not app.dirty and peek(closed_vault).generation == generation  # wrote nothing
        with vault.transaction() as session:  # the next change carries it into the file
            audit.record(session, "test.change")
        await wait_for(pilot, lambda: not app.dirty)
        await pilot.press("ctrl+q")
    with Vault.open(closed_vault, PASSPHRASE) as reopened:
        assert _last_run(reopened) is not None
        assert not integrity.due(reopened, datetime.now(UTC))


async def test_an_unsound_database_is_reported_after_unlock(closed_vault: Path) -> None:
    with Vault.open(closed_vault, PASSPHRASE) as vault:
        damage_database_inside(vault)
    app = app_for(closed_vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)  # the unlock itself is saved (audit trail) before it returns
        before = closed_vault.read_bytes()
        await wait_for(
            pilot, lambda: any("internal check" in n.message for n in app._notifications)
        )
        (note,) = [n for n in app._notifications if "internal check" in n.message]
        assert note.severity == "error" and str(closed_vault) in note.message
        assert "damage_probe_a" in note.message and "Nothing was changed" in note.message
        assert _last_run(app.vault) is None and not app.dirty
        await pilot.press("ctrl+q")
    assert closed_vault.read_bytes() == before  # the check changed nothing
