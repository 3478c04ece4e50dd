"""The lock while chairing (issue 11, observation 2): a longer idle timeout with
a countdown, a lock keeps the open dialog as it was (a Select's choice too),
and the item clock stands still while locked. Clocks are injected, no sleeps."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from textual.widgets import Select

from drieluik.app import make_app
from drieluik.domain.vocabulary import DecisionKind
from drieluik.screens.chairing import ChairingScreen
from drieluik.screens.meeting_dialogs import DecisionDialog
from drieluik.services import meetings
from drieluik.settings import Settings
from drieluik.store.models import now
from drieluik.store.vault import Vault
from drieluik.widgets.chairing import ItemClock
from tests.conftest import PASSPHRASE
from tests.tui.conftest import SIZE, TODAY, unlock, wait_for
from tests.tui.seed_data import seed_meetings
from tests.tui.test_chairing import open_chairing


class Clocks:
    """The idle clock (monotonic seconds) and the wall clock, moved by the test."""

    def __init__(self) -> None:
        self.seconds = 1000.0
        self.start = now()
        self.offset = timedelta()

    def monotonic(self) -> float:
        return self.seconds

    def now(self) -> datetime:
        return self.start + self.offset

    def advance(self, seconds: float) -> None:
        self.seconds += seconds
        self.offset += timedelta(seconds=seconds)


def _meeting(vault_path: Path) -> int:
    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    meeting_id = meetings.create_meeting(vault, seeded.next_date, ["GGD Drenthe"]).id
    vault.close()
    return meeting_id


def _app(vault_path: Path, clocks: Clocks, **settings: object):
    return make_app(
        Settings(**settings),  # type: ignore[arg-type]
        vault_path,
        today=TODAY,
        monotonic=clocks.monotonic,
        clock=clocks.now,
    )


async def _chair(pilot, meeting_id: int) -> ChairingScreen:
    await unlock(pilot)
    return await open_chairing(pilot, meeting_id)


async def test_chairing_waits_longer_counts_down_and_a_key_resets(vault_path: Path) -> None:
    meeting_id = _meeting(vault_path)
    clocks = Clocks()
    app = _app(vault_path, clocks, idle_lock_minutes=5, idle_lock_minutes_chairing=30)
    async with app.run_test(size=SIZE) as pilot:
        await _chair(pilot, meeting_id)
        clocks.advance(10 * 60)  # ten minutes of listening: the 5-minute lock does not apply
        await pilot.pause(0.3)
        assert app.vault is not None
        assert "vergrendelt" not in app.sub_title
        clocks.advance(19 * 60 + 15)  # 45 s left
        await pilot.pause(0.3)
        assert app.vault is not None
        assert "vergrendelt over 45 s" in app.sub_title
        await pilot.press("shift")  # any key: the countdown is gone, the wait starts again
        await pilot.pause(0.3)
        assert "vergrendelt" not in app.sub_title
        clocks.advance(29 * 60)
        await pilot.pause(0.3)
        assert app.vault is not None
        clocks.advance(61)
        await wait_for(pilot, lambda: app.vault is None)

        # Outside chairing the ordinary timeout applies again.
        await unlock(pilot)
        app.screen.dismiss()
        await pilot.pause()
        assert not isinstance(app.screen, ChairingScreen)
        clocks.advance(5 * 60 + 1)
        await wait_for(pilot, lambda: app.vault is None)


async def test_an_idle_lock_keeps_the_decision_dialog_with_the_kind_chosen_by_keys(
    vault_path: Path,
) -> None:
    meeting_id = _meeting(vault_path)
    clocks = Clocks()
    app = _app(vault_path, clocks, idle_lock_minutes_chairing=30)
    async with app.run_test(size=SIZE) as pilot:
        await _chair(pilot, meeting_id)
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, DecisionDialog))
        # Choose "doorverwijzing" with the keyboard, as the chair did.
        kinds = list(DecisionKind)
        downs = kinds.index(DecisionKind.DOORVERWIJZING) - kinds.index(
            DecisionKind.ADVIES_AAN_MELDER
        )
        await pilot.press("enter", *["down"] * downs, "enter")
        await pilot.pause()
        assert app.screen.query_one("#decision-kind", Select).value is DecisionKind.DOORVERWIJZING
        await pilot.press("tab", *"GGD Drenthe")
        # The lock comes while the Select is open again (the chair was choosing).
        app.screen.query_one("#decision-kind", Select).focus()
        await pilot.press("enter")
        await pilot.pause()
        clocks.advance(30 * 60 + 1)
        await wait_for(pilot, lambda: app.vault is None)

        await unlock(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, DecisionDialog))
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#decision-kind", Select).value is DecisionKind.DOORVERWIJZING
        assert dialog.query_one("#decision-referral").value == "GGD Drenthe"
        assert dialog.query_one("#decision-referral-row").display
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ChairingScreen))
        item = meetings.get_meeting(app.vault, meeting_id).items[0]
        assert [(d.kind, d.referral_to) for d in item.decisions] == [
            (DecisionKind.DOORVERWIJZING, "GGD Drenthe")
        ]
        await pilot.press("ctrl+q")


async def test_the_item_clock_stands_still_while_locked(vault_path: Path) -> None:
    meeting_id = _meeting(vault_path)
    clocks = Clocks()
    app = _app(vault_path, clocks, idle_lock_minutes=0, idle_lock_minutes_chairing=0)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _chair(pilot, meeting_id)
        clocks.advance(2 * 60)
        assert screen.item_seconds() == 120
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: app.vault is None)
        clocks.advance(10 * 60)  # ten minutes locked
        await unlock(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, ChairingScreen))
        screen = app.screen
        assert screen.item_seconds() == 120
        clocks.advance(30)
        screen._tick()
        assert str(screen.query_one(ItemClock).value) == "02:30"
        await pilot.press("ctrl+q")
    reopened = Vault.open(vault_path, PASSPHRASE)
    try:
        assert meetings.get_meeting(reopened, meeting_id).items[0].seconds_spent == 150
    finally:
        reopened.close()


async def test_a_lock_keeps_the_reason_and_the_postpone_dialogs(vault_path: Path) -> None:
    from textual.widgets import Input

    from drieluik.screens.chairing import ActionMenu, ReasonDialog
    from drieluik.screens.meeting_dialogs import PostponeDialog
    from drieluik.services import actions

    meeting_id = _meeting(vault_path)
    vault = Vault.open(vault_path, PASSPHRASE)
    item = meetings.get_meeting(vault, meeting_id).items[0]
    made = actions.add_action(vault, item.case.id, "Bellen", "GGD Drenthe", agenda_item_id=item.id)
    vault.close()
    clocks = Clocks()
    app = _app(vault_path, clocks, idle_lock_minutes=0, idle_lock_minutes_chairing=0)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _chair(pilot, meeting_id)
        screen.query_one("#chair-actions").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionMenu))
        await pilot.press("down", "enter")  # postpone
        await wait_for(pilot, lambda: isinstance(app.screen, PostponeDialog))
        await pilot.press(*"20-12-2026", "ctrl+l")
        await wait_for(pilot, lambda: app.vault is None)
        await unlock(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, PostponeDialog))
        await pilot.pause()
        assert app.screen.query_one("#postpone-date", Input).value == "20-12-2026"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ChairingScreen))
        [postponed] = [a for a in actions.list_actions(app.vault) if a.id == made.id]
        assert postponed.due_date is not None and postponed.due_date.isoformat() == "2026-12-20"

        app.screen.action_carry_over()
        await wait_for(pilot, lambda: isinstance(app.screen, ReasonDialog))
        await pilot.press(*"Melder afwezig", "ctrl+l")
        await wait_for(pilot, lambda: app.vault is None)
        await unlock(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, ReasonDialog))
        await pilot.pause()
        assert app.screen.query_one("#reason-text", Input).value == "Melder afwezig"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ChairingScreen))
        assert meetings.get_meeting(app.vault, meeting_id).items[0].carried_over
        await pilot.press("ctrl+q")


async def test_a_lock_keeps_the_notes_as_typed_and_what_the_chair_confirmed(
    vault_path: Path,
) -> None:
    # Found in tmux: after ctrl+l the notes showed "[NAAM]" where the chair had
    # typed a name not yet confirmed (the stored copy), and a name confirmed
    # before the lock became "[NAAM]" at the next keystroke after it.
    from drieluik.widgets.pii_guard import GuardedTextArea

    meeting_id = _meeting(vault_path)
    clocks = Clocks()
    app = _app(vault_path, clocks)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _chair(pilot, meeting_id)
        await pilot.press(*"Elena P. belt")
        await wait_for(pilot, lambda: "belt" in screen.query_one(GuardedTextArea).text)
        await pilot.press("ctrl+s")  # confirmed: stored as typed, marked
        await pilot.pause()
        await pilot.press("enter", *"Piet Jansen komt")  # a second name, not confirmed
        screen.save_notes()
        await pilot.pause()
        stored = meetings.get_meeting(app.vault, meeting_id).items[0].notes
        assert stored == "Elena P. belt\n[NAAM] komt"
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: app.vault is None)

        await unlock(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, ChairingScreen))
        await pilot.pause()
        area = app.screen.query_one(GuardedTextArea)
        assert area.text == "Elena P. belt\nPiet Jansen komt"
        area.focus()
        await pilot.press("down", "end", *" morgen")
        app.screen.save_notes()
        await pilot.pause()
        stored = meetings.get_meeting(app.vault, meeting_id).items[0].notes
        assert stored == "Elena P. belt\n[NAAM] komt morgen"
        await pilot.press("ctrl+q")
