"""Chairing in front of the partners: no stray key changes the meeting, the idle
lock fits a meeting, and a lock keeps everything (issue 11)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from drieluik.screens.meeting_dialogs import ActionDialog, ConfirmDialog, DecisionDialog
from drieluik.services import actions, meetings
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.tui.conftest import SIZE, TODAY, app_for, wait_for
from tests.tui.keys import burst
from tests.tui.seed_data import seed_meetings
from tests.tui.test_chairing import open_chairing


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


async def test_fast_typing_keeps_owner_and_due_date_apart(vault_path: Path) -> None:
    """Observation 5: `Pol31-02-2026` was stored while the suggestion was loading."""
    vault, meeting_id = _meeting(vault_path)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_chairing(pilot, meeting_id)
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionDialog))
        # As a terminal delivers fast typing: all keys before the app handles one.
        await burst(pilot, [*"Controle", "tab", *"Pol", "tab", *"31-12-2026"])
        await pilot.press("ctrl+s")
        dialog = app.screen
        assert isinstance(dialog, ActionDialog)
        assert dialog.query_one("#action-owner").value == "Pol"
        assert dialog.query_one("#action-due").value == "31-12-2026"
        # "Pol" is no organisation the vault knows: a second save is needed.
        assert "Pol" in str(dialog.query_one(".dialog-error").render())
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is screen)
        [action] = [a for a in actions.list_actions(vault) if a.description == "Controle"]
        assert (action.owner, action.due_date.isoformat()) == ("Pol", "2026-12-31")
        await pilot.press("ctrl+q")


async def test_a_new_action_is_selectable_and_done_or_cancel_ask_first(vault_path: Path) -> None:
    """Observation 5: the "Nieuwe actiepunten" panel could not be selected."""
    from drieluik.domain.vocabulary import ActionStatus
    from drieluik.screens.chairing import ActionMenu, SafeConfirm

    vault, meeting_id = _meeting(vault_path)
    item = meetings.get_meeting(vault, meeting_id).items[0]
    made = actions.add_action(
        vault, item.case.id, "Werkgever bellen", "GGD Drenthe", agenda_item_id=item.id
    )
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_chairing(pilot, meeting_id)
        listing = screen.query_one("#chair-actions")
        listing.focus()
        await pilot.pause()
        assert listing.highlighted == 0  # the cursor is on the action
        for answer in ("enter", "escape"):  # No (focused) and Esc change nothing
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, ActionMenu))
            await pilot.press("down", "down", "enter")  # edit, postpone, done: done
            await wait_for(pilot, lambda: isinstance(app.screen, SafeConfirm))
            await pilot.press(*"jy", answer)
            await wait_for(pilot, lambda: app.screen is screen)
            [still] = [a for a in actions.list_actions(vault, status=None) if a.id == made.id]
            assert still.status is ActionStatus.OPEN
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionMenu))
        await pilot.press("down", "down", "down", "enter")  # cancel
        await wait_for(pilot, lambda: isinstance(app.screen, SafeConfirm))
        await pilot.press("left", "enter")  # Yes, chosen on purpose
        await wait_for(pilot, lambda: app.screen is screen)
        [cancelled] = [a for a in actions.list_actions(vault, status=None) if a.id == made.id]
        assert cancelled.status is ActionStatus.VERVALLEN
        await pilot.press("ctrl+q")


async def test_the_palette_offers_every_chairing_action_only_while_chairing(
    vault_path: Path,
) -> None:
    from drieluik.commands import ChairingCommands

    vault, meeting_id = _meeting(vault_path)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        def titles() -> list[str]:
            provider = ChairingCommands(app.screen)
            return [command.title for command in provider.commands()]

        assert titles() == []  # the dashboard
        screen = await open_chairing(pilot, meeting_id)
        offered = titles()
        for title in (
            "Notities typen",
            "Besluit vastleggen",
            "Actiepunt toevoegen",
            "Punt besproken, naar het volgende",
            "Klok pauzeren",
            "Laatste wijziging ongedaan maken",
            "Conceptverslag exporteren",
            "Overleg afronden…",
        ):
            assert title in offered
        # Only the chairing and app areas are offered here.
        from drieluik.commands import MeetingCommands

        assert ChairingCommands(screen).offered_here
        assert not MeetingCommands(screen).offered_here
        # Through the palette, closing asks just as ctrl+g does.
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Overleg afronden")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("enter")  # No
        await wait_for(pilot, lambda: app.screen is screen)
        assert not meetings.get_meeting(vault, meeting_id).finished
        # The clock command stops the item clock.
        screen.action_toggle_clock()
        assert screen.clock_paused and "Klok hervatten" in titles()
        await pilot.press("ctrl+q")


async def test_an_action_is_edited_from_the_list(vault_path: Path) -> None:
    from drieluik.screens.chairing import ActionMenu

    vault, meeting_id = _meeting(vault_path)
    item = meetings.get_meeting(vault, meeting_id).items[0]
    made = actions.add_action(
        vault, item.case.id, "Werkgever bellen", "GGD Drenthe", agenda_item_id=item.id
    )
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_chairing(pilot, meeting_id)
        screen.query_one("#chair-actions").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionMenu))
        await pilot.press("enter")  # edit
        await wait_for(pilot, lambda: isinstance(app.screen, ActionDialog))
        dialog = app.screen
        assert dialog.query_one("#action-owner").value == "GGD Drenthe"
        dialog.query_one("#action-owner").value = "Veilig Thuis Drenthe"
        dialog.query_one("#action-due").value = "16-12-2026"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is screen)
        [edited] = [a for a in actions.list_actions(vault) if a.id == made.id]
        assert (edited.owner, edited.due_date.isoformat()) == ("Veilig Thuis Drenthe", "2026-12-16")
        assert "Veilig Thuis Drenthe" in str(screen.query_one("#chair-actions").options[0].prompt)
        await pilot.press("ctrl+q")


async def test_ctrl_z_undoes_the_last_change_after_asking(vault_path: Path) -> None:
    from drieluik.screens.chairing import SafeConfirm

    vault, meeting_id = _meeting(vault_path)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_chairing(pilot, meeting_id)
        first = screen.item
        status_before = first.case.status
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, DecisionDialog))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is screen)
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionDialog))
        await pilot.press(*"Bellen", "tab", *"GGD Drenthe", "ctrl+s")
        await wait_for(pilot, lambda: app.screen is screen)
        await pilot.press("f7")  # discussed, on to item 2
        await pilot.pause()
        assert screen.index == 1

        # Undo, newest first; each asks, and No (the default) keeps the change.
        await pilot.press("ctrl+z")
        await wait_for(pilot, lambda: isinstance(app.screen, SafeConfirm))
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen)
        assert meetings.get_meeting(vault, meeting_id).items[0].discussed
        for _ in range(3):
            await pilot.press("ctrl+z")
            await wait_for(pilot, lambda: isinstance(app.screen, SafeConfirm))
            await pilot.press("left", "enter")
            await wait_for(pilot, lambda: app.screen is screen)
        assert screen.index == 0  # undoing "besproken" went back to the item
        held = meetings.get_meeting(vault, meeting_id).items[0]
        assert not held.discussed and held.decisions == () and held.actions == ()
        assert held.case.status is status_before
        assert not [
            a for a in actions.list_actions(vault, status=None) if a.description == "Bellen"
        ]
        await pilot.press("ctrl+z")  # nothing left: a message, no question
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+q")


async def test_doorschuiven_with_a_reason_and_reopening_a_closed_meeting(
    vault_path: Path,
) -> None:
    from drieluik.domain.vocabulary import MeetingState
    from drieluik.screens.chairing import ReasonDialog, SafeConfirm

    vault, meeting_id = _meeting(vault_path)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_chairing(pilot, meeting_id)
        first = screen.item
        screen.action_carry_over()
        await wait_for(pilot, lambda: isinstance(app.screen, ReasonDialog))
        await pilot.press("ctrl+s")  # a reason is needed
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press(*"Melder nog niet gesproken", "enter")
        await wait_for(pilot, lambda: app.screen is screen)
        assert screen.index == 1
        held = meetings.get_meeting(vault, meeting_id).items[0]
        assert held.carried_over and not held.discussed
        assert held.case.id == first.case.id

        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, SafeConfirm))
        await pilot.press("left", "enter")
        await wait_for(pilot, lambda: screen.finished)
        if app.screen is not screen:
            await pilot.press("enter")  # no export now
        await wait_for(pilot, lambda: app.screen is screen)
        assert screen.finished

        screen.action_reopen()
        await wait_for(pilot, lambda: isinstance(app.screen, ReasonDialog))
        await pilot.press(*"Besluit bij punt 2 vergeten", "enter")
        await wait_for(pilot, lambda: app.screen is screen)
        reopened = meetings.get_meeting(vault, meeting_id)
        assert not reopened.finished and reopened.state is MeetingState.HEROPEND
        assert not screen.finished
        await pilot.press("ctrl+q")


async def test_the_time_box_turns_amber_then_red(vault_path: Path) -> None:
    from drieluik.widgets.chairing import ItemClock

    vault, meeting_id = _meeting(vault_path)
    item = meetings.get_meeting(vault, meeting_id).items[0]
    meetings.set_planned_minutes(vault, item.id, 10)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_chairing(pilot, meeting_id)
        clock = screen.query_one(ItemClock)
        line = screen.query_one("#chair-meeting-clock")
        screen._tick()
        assert not clock.has_class("-warn") and "/ 10:00" in str(line.render())
        screen._running_since -= timedelta(minutes=8)
        screen._tick()
        assert clock.has_class("-warn") and not clock.has_class("-over")
        screen._running_since -= timedelta(minutes=2, seconds=1)
        screen._tick()
        assert clock.has_class("-over")
        await pilot.press("ctrl+q")


def test_one_key_scheme_no_letter_acts_and_no_key_means_two_things() -> None:
    from textual.binding import Binding
    from textual.keys import key_to_character

    from drieluik.app import DrieluikApp
    from drieluik.i18n import catalog
    from drieluik.screens.chairing import ActionMenu, ChairingScreen, ReasonDialog, SafeConfirm
    from drieluik.settings import load_settings

    meaning: dict[str, str] = {}
    for cls in (DrieluikApp, ChairingScreen):
        for binding in cls.BINDINGS:
            assert isinstance(binding, Binding)
            if binding.system:
                continue
            assert binding.id and binding.description in catalog(), binding
            for key in (k.strip() for k in binding.key.split(",")):
                if binding.action != "nothing":  # switching a stray key off is no meaning
                    assert meaning.setdefault(key, binding.action) == binding.action, key
                if cls is ChairingScreen:
                    char = key_to_character(key)
                    printable = char is not None and char.isprintable()
                    # A printable key on the chairing screen may only do nothing.
                    assert not printable or binding.action == "nothing", key
                # Not only keys that terminals or tmux swallow or send as others.
                assert key not in ("ctrl+m", "ctrl+i", "ctrl+h", "ctrl+enter")
    for cls in (SafeConfirm, ActionMenu, ReasonDialog):
        for key in cls._merged_bindings.key_to_bindings:
            char = key_to_character(key)
            # Only "n" (No) is a letter there: no letter ever says yes.
            assert key == "n" or char is None or not char.isprintable(), (cls.__name__, key)
    assert load_settings().idle_lock_minutes_chairing >= 0


def test_the_chairing_idle_timeout_setting(monkeypatch, tmp_path: Path) -> None:
    from drieluik.settings import load_settings

    config = tmp_path / "config.toml"
    config.write_text("idle_lock_minutes_chairing = 45\n", encoding="utf-8")
    assert load_settings(config).idle_lock_minutes_chairing == 45
    monkeypatch.setenv("DRIELUIK_IDLE_LOCK_MINUTES_CHAIRING", "-1")
    settings = load_settings(config)
    assert settings.idle_lock_minutes_chairing == 30  # refused, the default, and said
    assert any("idle_lock_minutes_chairing" in problem for problem in settings.problems)
