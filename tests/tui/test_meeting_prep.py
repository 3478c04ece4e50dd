"""Preparing a meeting with the keyboard: date, proposed agenda with reasons,
reorder, remove, add a case, attending organisations — then what the vault
holds after the app quit, reopened from disk."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, SelectionList

from drieluik.domain.dates import format_date
from drieluik.domain.vocabulary import AgendaReason
from drieluik.screens.meeting_dialogs import ConfirmDialog
from drieluik.screens.meeting_prep import MeetingPrepScreen
from drieluik.services import allowlist, cases, meetings
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.tui.conftest import SIZE, TODAY, app_for, wait_for
from tests.tui.seed_data import seed_meetings


def table_rows(app) -> list[list[str]]:
    table = app.screen.query_one("#prep-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


def extra_case(vault: Vault) -> str:
    """A case that no agenda rule proposes (already discussed), to add by search."""
    raw = {
        "datum": "2026-08-03",
        "gemeente": "Tynaarlo",
        "vorm": "arbeid",
        "melder": "Gemeente",
        "omschrijving": "Medewerkster van een nagelsalon slaapt in de winkel.",
        "status": "besproken",
    }
    return cases.create_case(vault, cases.require_valid(raw)).code


async def test_prepare_a_meeting_with_the_keyboard(vault_path: Path) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    codes = seeded.codes
    salon = extra_case(vault)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_meeting_prep(None)
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingPrepScreen))
        screen = app.screen
        # The date defaults to a week from today; the proposal shows each reason.
        assert screen.query_one("#prep-date", Input).value == format_date(seeded.next_date)
        proposal = {row[1]: row[2] for row in table_rows(app)}
        assert proposal == {
            codes["carried"]: "doorgeschoven",
            codes["new_a"]: "nieuw signaal",
            codes["new_b"]: "nieuw signaal",
            codes["overdue"]: "actie verlopen",
            codes["monitoring"]: "monitoring herbeoordeling",
        }
        await pilot.press("enter")  # create the meeting with this agenda
        await wait_for(pilot, lambda: screen.meeting is not None)
        assert screen.query_one("#prep-table", DataTable).has_focus
        order = [row[1] for row in table_rows(app)]
        assert order[0] == codes["carried"]

        # Reorder: the last item up twice (ctrl+up, then the `[` alternative).
        await pilot.press("down", "down", "down", "down", "ctrl+up", "left_square_bracket")
        order = [row[1] for row in table_rows(app)]
        assert order[2] == codes["monitoring"]
        assert screen.query_one("#prep-table", DataTable).cursor_row == 2
        await pilot.press("shift+down")
        assert [row[1] for row in table_rows(app)][3] == codes["monitoring"]

        # Remove the second new signal (after confirming).
        row = [r[1] for r in table_rows(app)].index(codes["new_b"])
        screen.query_one("#prep-table", DataTable).move_cursor(row=row)
        # Stray keys remove nothing (issue 11): not `x`, not Delete, and
        # Enter on the confirmation says no.
        await pilot.press("x", "delete", "d")
        await pilot.pause()
        assert isinstance(app.screen, MeetingPrepScreen)
        await pilot.press("ctrl+x")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("j", "enter")
        await wait_for(pilot, lambda: app.screen is screen)
        assert codes["new_b"] in [r[1] for r in table_rows(app)]
        await pilot.press("ctrl+x")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("tab", "enter")
        await wait_for(pilot, lambda: app.screen is screen)
        await pilot.pause()
        assert codes["new_b"] not in [r[1] for r in table_rows(app)]

        # Add a case by searching a word of its summary.
        await pilot.press("a")
        assert screen.query_one("#prep-add", Input).has_focus
        await pilot.press(*"nagelsalon", "enter")
        await pilot.pause()
        rows = table_rows(app)
        assert rows[-1][1] == salon and rows[-1][2] == "ingebracht door deelnemer"

        # Attending organisations: toggle two from the list, type one more.
        await pilot.press("o")
        orgs = screen.query_one("#prep-org-list", SelectionList)
        assert orgs.has_focus
        await pilot.press("space", "down", "space")
        await pilot.press("tab")
        assert screen.query_one("#prep-org-other", Input).has_focus
        await pilot.press(*"Jade Zorggroep", "enter")
        await pilot.pause()
        meeting_id = screen.meeting_id
        await pilot.press("ctrl+q")

    reopened = Vault.open(vault_path, PASSPHRASE)
    try:
        meeting = meetings.get_meeting(reopened, meeting_id)
        assert meeting.meeting_date == TODAY + timedelta(days=7)
        assert [item.case.code for item in meeting.items] == [
            codes["carried"],
            codes["new_a"],
            codes["monitoring"],
            codes["overdue"],
            salon,
        ]
        reasons = {item.case.code: item.reason for item in meeting.items}
        assert reasons[codes["carried"]] is AgendaReason.DOORGESCHOVEN
        assert reasons[salon] is AgendaReason.INGEBRACHT_DOOR_DEELNEMER
        assert meeting.attending == ("Veilig Thuis Drenthe", "Politie (AVIM)", "Jade Zorggroep")
        # Taken off the agenda: the new signal is `nieuw` again, not `geagendeerd`.
        assert cases.get_case(reopened, codes["new_b"]).status.value == "nieuw"
    finally:
        reopened.close()


async def test_a_person_name_as_organisation_is_warned_about(vault_path: Path) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    meeting = meetings.create_meeting(vault, TODAY + timedelta(days=7))
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_meeting_prep(meeting.id)
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingPrepScreen))
        app.screen.query_one("#prep-org-other", Input).focus()
        await pilot.press(*"Jan de Vries", "enter")
        await pilot.pause()
        assert meetings.get_meeting(vault, meeting.id).attending == ()
        assert app.screen.query_one("#prep-org-other", Input).value == "Jan de Vries"
        # A second Enter means: it really is an organisation.
        await pilot.press("enter")
        await pilot.pause()
        assert meetings.get_meeting(vault, meeting.id).attending == ("Jan de Vries",)
        assert allowlist.allow_terms(vault) == ["Jan de Vries"]
        await pilot.press("ctrl+q")


async def test_an_existing_date_opens_that_meeting(vault_path: Path) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    day = TODAY + timedelta(days=14)
    existing = meetings.create_meeting(vault, day, ["GGD Drenthe"])
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_meeting_prep(None)
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingPrepScreen))
        date_input = app.screen.query_one("#prep-date", Input)
        date_input.value = day.strftime("%d-%m-%Y")  # DD-MM-YYYY is accepted too
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.meeting_id == existing.id
        assert len(meetings.list_meetings(vault)) == 1
        await pilot.press("ctrl+q")


async def test_default_date_skips_a_finished_meeting_and_fits_80_by_24(vault_path: Path) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    held = meetings.create_meeting(vault, TODAY + timedelta(days=7))
    meetings.finish_meeting(vault, held.id)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_meeting_prep(None)
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingPrepScreen))
        screen = app.screen
        assert screen.query_one("#prep-date", Input).value == format_date(
            TODAY + timedelta(days=14)
        )
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.meeting is not None)
        for selector in ("#prep-table", "#prep-add", "#prep-org-list", "#prep-org-other"):
            region = screen.query_one(selector).region
            assert region.area > 0 and screen.region.contains_region(region), selector
        await pilot.press("ctrl+q")


async def test_meetings_list_opens_preparation_and_chairing(vault_path: Path) -> None:
    from drieluik.screens.chairing import ChairingScreen
    from drieluik.screens.meetings import MeetingsScreen

    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    upcoming = meetings.create_meeting(vault, seeded.next_date)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(MeetingsScreen())
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        table = app.screen.query_one("#meetings-table", DataTable)
        assert [str(table.get_row_at(r)[0]) for r in range(table.row_count)] == [
            format_date(seeded.next_date),
            format_date(TODAY - timedelta(days=21)),
        ]
        assert str(table.get_row_at(1)[2]) == "afgerond"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingPrepScreen))
        assert app.screen.meeting_id == upcoming.id
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await pilot.press("g", "s")  # no plain letter begins a meeting
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("ctrl+o")  # not begun yet: asks, "no" by default
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "in de toekomst" in app.screen.question  # a week ahead: says so
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        assert meetings.get_meeting(app.vault, upcoming.id).started_at is None
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("tab", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ChairingScreen))
        await pilot.press("escape", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        assert meetings.get_meeting(vault, upcoming.id).started_at is not None
        await pilot.press("ctrl+q")


async def test_a_meeting_has_one_state_on_every_screen(vault_path: Path) -> None:
    """Observation 8 of issue 11: one meeting was "gepland" in the list, "bezig"
    in preparation and "begonnen" on the dashboard. Now MeetingState.label
    everywhere."""
    from drieluik.domain.vocabulary import MeetingState
    from drieluik.screens.dashboard import DashboardScreen
    from drieluik.screens.meetings import MeetingsScreen
    from tests.tui.conftest import screen_text

    vault = Vault.create(vault_path, PASSPHRASE)
    seed_meetings(vault, TODAY)
    today = meetings.create_meeting(vault, TODAY)  # proposed agenda, not empty
    meetings.start_meeting(vault, today.id, today=TODAY)
    bezig = MeetingState.BEZIG.label
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DashboardScreen))
        assert bezig in screen_text(app)
        app.push_screen(MeetingsScreen())
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        table = app.screen.query_one("#meetings-table", DataTable)
        states = [str(table.get_row_at(r)[2]) for r in range(table.row_count)]
        assert states == [bezig, MeetingState.AFGEROND.label]
        app.open_meeting_prep(today.id)
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingPrepScreen))
        await pilot.pause()
        assert bezig in str(app.screen.query_one("#prep-agenda").border_title)


async def test_planned_time_per_item_is_shown_and_set(vault_path: Path) -> None:
    """Issue 11, time-boxing: each item shows its planned minutes (the default by
    reason) and `m` sets them; out of range stays in the dialog with the reason."""
    from drieluik.screens.meeting_dialogs import PlannedMinutesDialog

    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    meeting = meetings.create_meeting(vault, seeded.next_date)
    first = meeting.items[0]
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_meeting_prep(meeting.id)
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingPrepScreen))
        screen = app.screen
        table = screen.query_one("#prep-table", DataTable)
        labels = [str(column.label) for column in table.columns.values()]
        assert labels[3] == "Min"
        assert table_rows(app)[0][3] == str(first.planned_seconds // 60)
        total = meeting.planned_seconds // 60
        assert f"{total} min" in str(screen.query_one("#prep-agenda").border_title)
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, PlannedMinutesDialog))
        field = app.screen.query_one("#minutes-value", Input)
        assert field.value == str(first.planned_seconds // 60)
        field.value = "0"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlannedMinutesDialog)  # refused, kept open
        assert "1 tot 240 minuten" in str(app.screen.query_one(".dialog-error").render())
        field.value = "25"
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen)
        assert table_rows(app)[0][3] == "25"
    reopened = Vault.open(vault_path, PASSPHRASE)
    try:
        assert meetings.get_meeting(reopened, meeting.id).items[0].planned_seconds == 25 * 60
    finally:
        reopened.close()


async def test_preparation_at_80_columns_drops_form_and_municipality(vault_path: Path) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    meeting = meetings.create_meeting(vault, seeded.next_date)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_meeting_prep(meeting.id)
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingPrepScreen))
        await pilot.pause()
        table = app.screen.query_one("#prep-table", DataTable)
        assert [str(c.label) for c in table.columns.values()] == ["#", "Casus", "Reden", "Min"]
        assert table.virtual_size.width <= table.size.width  # nothing cut off to the right
