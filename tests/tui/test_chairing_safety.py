"""Chairing in front of the partners: no stray key changes the meeting, the idle
lock fits a meeting, and a lock keeps everything (issue 11)."""

from __future__ import annotations

from pathlib import Path

from drieluik.screens.chairing import ChairingScreen
from drieluik.screens.meeting_dialogs import ConfirmDialog
from drieluik.services import meetings
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.tui.conftest import SIZE, TODAY, app_for, wait_for
from tests.tui.seed_data import seed_meetings


async def open_chairing(pilot, meeting_id: int) -> ChairingScreen:
    app = pilot.app
    await pilot.pause()
    app.open_chairing(meeting_id)
    await wait_for(pilot, lambda: isinstance(app.screen, ChairingScreen))
    await pilot.pause()
    return app.screen


def _meeting(vault_path: Path) -> tuple[Vault, int]:
    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    meeting = meetings.create_meeting(vault, seeded.next_date, ["Veilig Thuis Drenthe"])
    return vault, meeting.id


async def test_typing_outside_the_notes_never_closes_the_meeting(vault_path: Path) -> None:
    """Observation 1: after Esc, `de jongen` pressed `e` (close?) and `j` (yes)."""
    vault, meeting_id = _meeting(vault_path)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_chairing(pilot, meeting_id)
        for place in ("#chair-left", "#chair-decisions", "#chair-actions", "#chair-open-actions"):
            screen.query_one(place).focus()
            await pilot.press(*"de jongen kabav[]/ yes j", "space")
            await pilot.pause()
            assert app.screen is screen, place
        assert not meetings.get_meeting(vault, meeting_id).finished
        assert not meetings.get_meeting(vault, meeting_id).items[0].discussed
        await pilot.press("ctrl+q")


async def test_closing_the_meeting_asks_and_the_safe_answer_is_the_default(
    vault_path: Path,
) -> None:
    vault, meeting_id = _meeting(vault_path)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_chairing(pilot, meeting_id)
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("enter")  # the focused (default) button: No
        await wait_for(pilot, lambda: app.screen is screen)
        assert not meetings.get_meeting(vault, meeting_id).finished
        await pilot.press("ctrl+q")
