"""Chairing a meeting with the keyboard: notes saved as typed, decisions (one a
monitoring with a review date), an action, closing with items carried over;
the guard in the notes; user text shown literally; 80×24; a snapshot."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import OptionList, Static

from drieluik.domain.vocabulary import AgendaReason, CaseStatus, DecisionKind
from drieluik.screens.chairing import ChairingScreen
from drieluik.screens.meeting_dialogs import ActionDialog, ConfirmDialog, DecisionDialog
from drieluik.services import actions, allowlist, cases, meetings
from drieluik.store.models import clock_at
from drieluik.store.vault import Vault
from drieluik.widgets.pii_guard import GuardedTextArea, GuardFindings
from tests.conftest import PASSPHRASE
from tests.tui.conftest import SIZE, TODAY, app_for, painted, unlock, wait_for
from tests.tui.seed_data import at, seed_meetings


def notes(app) -> GuardedTextArea:
    return app.screen.query_one("#chair-notes", GuardedTextArea)


def shown(app, selector: str) -> str:
    widget = app.screen.query_one(selector)
    if isinstance(widget, OptionList):
        return "\n".join(str(option.prompt) for option in widget.options)
    assert isinstance(widget, Static)
    return str(widget.render())


async def open_chairing(pilot, meeting_id: int) -> ChairingScreen:
    """Open the chairing screen; a meeting dated after today asks first: yes."""
    from drieluik.screens.chairing import SafeConfirm

    app = pilot.app
    await pilot.pause()
    app.open_chairing(meeting_id)
    await wait_for(pilot, lambda: isinstance(app.screen, ChairingScreen | SafeConfirm))
    if isinstance(app.screen, SafeConfirm):
        assert "toekomst" in app.screen.question
        await pilot.press("left", "enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ChairingScreen))
    await pilot.pause()
    return app.screen


async def test_chair_two_items_then_close_and_carry_over(vault_path: Path) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    meeting = meetings.create_meeting(vault, seeded.next_date, ["Veilig Thuis Drenthe"])
    first, second = meeting.items[0], meeting.items[1]
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_chairing(pilot, meeting.id)
        assert first.case.code in shown(app, "#chair-code")
        assert "doorgeschoven" in shown(app, "#chair-code")
        assert notes(app).has_focus

        # Notes are saved about a second after the last keystroke.
        await pilot.press(*"Werkgever is bekend bij de inspectie.")
        await wait_for(
            pilot,
            lambda: (
                meetings.get_meeting(vault, meeting.id).items[0].notes
                == "Werkgever is bekend bij de inspectie."
            ),
        )

        # A monitoring decision with a review date typed as DD-MM-YYYY.
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, DecisionDialog))
        await pilot.press("enter", "down", "down", "enter")  # the kind: monitoring
        await pilot.pause()
        await pilot.press("tab")  # the next status follows: monitoring
        await pilot.press("tab", *"01-03-2027", "tab", *"Inspectie volgt het bedrijf.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is screen)
        assert "monitoring" in str(screen.query_one("#chair-decisions").render_line(0).text)

        # An action: what, owner organisation, due date.
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionDialog))
        await pilot.press(*"Controle op de huisvesting", "tab", *"GGD Drenthe", "tab")
        await pilot.press(*"2026-12-16", "enter")
        await wait_for(pilot, lambda: app.screen is screen)
        assert "GGD Drenthe" in shown(app, "#chair-actions")

        # Discussed; on to the second item. The item clock goes into the vault.
        screen._running_since -= timedelta(minutes=7, seconds=30)  # as if 7½ minutes passed
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert second.case.code in shown(app, "#chair-code")
        notes(app).focus()
        await pilot.press(*"Melder doet navraag.")
        await pilot.press("escape", "f5")  # out of the notes: F5 is the decision too
        await wait_for(pilot, lambda: isinstance(app.screen, DecisionDialog))
        await pilot.press("f2")  # the default: advies aan melder; F2 saves as Ctrl+S does
        await wait_for(pilot, lambda: app.screen is screen)
        await pilot.press("ctrl+n")
        await pilot.pause()

        # Close the meeting: three items were not reached.
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "3" in str(app.screen.question)
        await pilot.press("j")  # a letter is no answer here
        assert isinstance(app.screen, ConfirmDialog) and not screen.finished
        await pilot.press("left", "enter")  # No is focused; Yes is to its left
        await wait_for(
            pilot,
            lambda: not isinstance(app.screen, ConfirmDialog) or ("3" not in app.screen.question),
        )
        if isinstance(app.screen, ConfirmDialog):  # the offer to export the minutes
            await pilot.press("n")
        await wait_for(pilot, lambda: app.screen is screen)
        assert screen.finished
        await pilot.press("ctrl+q")

    reopened = Vault.open(vault_path, PASSPHRASE)
    try:
        held = meetings.get_meeting(reopened, meeting.id)
        assert held.finished
        one, two, *rest = held.items
        assert one.discussed and two.discussed
        assert one.seconds_spent >= 450
        assert one.notes == "Werkgever is bekend bij de inspectie."
        assert two.notes == "Melder doet navraag."
        [monitoring] = one.decisions
        assert monitoring.kind is DecisionKind.MONITORING
        assert monitoring.review_date == date(2027, 3, 1)
        assert monitoring.text == "Inspectie volgt het bedrijf."
        case = cases.get_case(reopened, one.case.code)
        assert case.status is CaseStatus.MONITORING and case.review_date == date(2027, 3, 1)
        [action] = one.actions
        assert (action.description, action.owner, action.due_date) == (
            "Controle op de huisvesting",
            "GGD Drenthe",
            date(2026, 12, 16),
        )
        assert [d.kind for d in two.decisions] == [DecisionKind.ADVIES_AAN_MELDER]
        assert len(rest) == 3 and all(item.carried_over and not item.discussed for item in rest)
        # The next meeting's proposal has them as `doorgeschoven`.
        proposal = meetings.propose_agenda(reopened, seeded.next_date + timedelta(days=14))
        reasons = {p.case.code: p.reason for p in proposal}
        for item in rest:
            assert reasons[item.case.code] is AgendaReason.DOORGESCHOVEN
    finally:
        reopened.close()


async def test_personal_data_in_notes_is_flagged_at_once_and_redacted(vault_path: Path) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    meeting = meetings.create_meeting(vault, seeded.next_date)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_chairing(pilot, meeting.id)
        await pilot.press(*"Elena P. belt 06-12345678")
        await wait_for(pilot, lambda: len(notes(app).findings) == 2)
        listing = str(app.screen.query_one("#chair-findings", GuardFindings).render())
        assert "naam" in listing and "telefoonnummer" in listing
        assert "Elena" not in listing
        await pilot.press("f9")
        assert notes(app).text == "[NAAM] belt [TELEFOON]"
        await pilot.press("ctrl+q")  # quitting saves the notes being typed
    reopened = Vault.open(vault_path, PASSPHRASE)
    try:
        assert meetings.get_meeting(reopened, meeting.id).items[0].notes == (
            "[NAAM] belt [TELEFOON]"
        )
    finally:
        reopened.close()


async def test_notes_keep_a_finding_out_of_the_vault_until_a_save_confirms_it(
    vault_path: Path,
) -> None:
    # Issue 12, policy `bevestigen`: saved as typed, but the name only after an
    # explicit save (ctrl+s); F8 is the guard's "redact this" here as in every form.
    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    meeting = meetings.create_meeting(vault, seeded.next_date)
    item_id = meeting.items[0].id
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_chairing(pilot, meeting.id)
        await pilot.press(*"Elena P. belt")
        await wait_for(pilot, lambda: len(notes(app).findings) == 1)
        app.screen.save_notes()
        await pilot.pause()
        stored = meetings.get_meeting(app.vault, meeting.id).items[0].notes
        assert stored == "[NAAM] belt" and notes(app).text == "Elena P. belt"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert meetings.get_meeting(app.vault, meeting.id).items[0].notes == "Elena P. belt"
        await pilot.press("ctrl+q")
    reopened = Vault.open(vault_path, PASSPHRASE)
    try:
        from drieluik.services import guard

        assert meetings.get_meeting(reopened, meeting.id).items[0].notes == "Elena P. belt"
        assert guard.count_marked(reopened) == 1
        assert item_id
    finally:
        reopened.close()


async def test_f8_in_the_notes_redacts_the_finding_and_never_confirms_it(
    vault_path: Path,
) -> None:
    # F8 meant two things here (the guard's "redact this", the screen's
    # "store as typed"): the screen's priority won, so the key the findings
    # listing names for redacting stored the name instead.
    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    meeting = meetings.create_meeting(vault, seeded.next_date)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_chairing(pilot, meeting.id)
        await pilot.press(*"belt Elena P.")
        await wait_for(pilot, lambda: len(notes(app).findings) == 1)
        await pilot.press("f8")
        await wait_for(pilot, lambda: notes(app).text == "belt [NAAM]")
        app.screen.save_notes()
        await pilot.pause()
        assert meetings.get_meeting(app.vault, meeting.id).items[0].notes == "belt [NAAM]"
        from drieluik.services import guard

        assert guard.count_marked(app.vault) == 0


async def test_user_text_is_shown_literally(vault_path: Path) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    raw = {
        "datum": "2026-11-02",
        "gemeente": "Emmen",
        "vorm": "arbeid",
        "melder": "Gemeente",
        "omschrijving": "Zie [bold]bijlage[/bold] en [red]x[/red]",
    }
    code = cases.create_case(vault, cases.require_valid(raw)).code
    meeting = meetings.create_meeting(vault, TODAY + timedelta(days=7))
    meetings.save_notes(vault, meeting.items[0].id, "Notitie met [bold]haken[/bold]")
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_chairing(pilot, meeting.id)
        assert code in shown(app, "#chair-code")
        assert "[bold]bijlage[/bold] en [red]x[/red]" in shown(app, "#chair-summary")
        assert notes(app).text == "Notitie met [bold]haken[/bold]"
        await pilot.press("ctrl+q")


async def test_usable_at_80_by_24(vault_path: Path) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    meeting = meetings.create_meeting(vault, seeded.next_date)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_chairing(pilot, meeting.id)
        assert screen.has_class("-narrow")
        visible = screen.region
        for selector in ("#chair-code", "#chair-item-clock", "#chair-notes", "#chair-status"):
            region = screen.query_one(selector).region
            assert region.area > 0 and visible.contains_region(region), selector
        assert screen.query_one("#chair-notes").region.height >= 3
        # The footer keeps the keys that matter while chairing, in that order.
        footer = painted(app).splitlines()
        bottom = next(line for line in reversed(footer) if "Besluit" in line)
        positions = [bottom.index(word) for word in ("Besluit", "Actie", "Besproken", "Afronden")]
        assert positions == sorted(positions)
        # Keys still work at this size: the decision dialog fits and saves.
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, DecisionDialog))
        dialog_box = app.screen.query_one("#decision-box")
        assert app.screen.region.contains_region(app.screen.query_one("#dialog-save").region)
        assert dialog_box.region.width <= 80
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is screen)
        assert meetings.get_meeting(vault, meeting.id).items[0].decisions
        await pilot.press("ctrl+q")


def build_snapshot_vault(vault_path: Path) -> int:
    """Fixed data and fixed moments, so the chairing screen renders the same every time."""
    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    with clock_at(at(seeded.next_date, 9, 30)):
        meeting = meetings.create_meeting(
            vault, seeded.next_date, ["Veilig Thuis Drenthe", "Politie (AVIM)", "GGD Drenthe"]
        )
        item = meeting.items[0]
        meetings.save_notes(
            vault,
            item.id,
            "Inspectie heeft het bedrijf bezocht; twaalf werknemers in één chalet.\n"
            "Werkgever houdt paspoorten in 'voor de administratie'.",
        )
        actions.add_action(
            vault,
            item.case.id,
            "Huisvesting controleren met de gemeente",
            "Nederlandse Arbeidsinspectie",
            seeded.next_date + timedelta(days=14),
            agenda_item_id=item.id,
        )
    vault.close()
    return meeting.id


def test_chairing_snapshot(snap_compare, vault_path: Path) -> None:
    meeting_id = build_snapshot_vault(vault_path)
    vault = Vault.open(vault_path, PASSPHRASE)
    moment = at(TODAY + timedelta(days=7), 9, 41)
    app = app_for(vault_path, vault=vault, today=TODAY + timedelta(days=7))  # the meeting's day

    async def run_before(pilot) -> None:
        with clock_at(moment):
            await pilot.pause()
            app.open_chairing(meeting_id)
            await wait_for(pilot, lambda: isinstance(app.screen, ChairingScreen))
            app.screen.query_one("#chair-notes", GuardedTextArea).cursor_blink = False
            await pilot.pause()

    with clock_at(moment):
        assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
    vault.close()


async def test_minutes_export_is_blocked_by_personal_data_then_redacted(
    vault_path: Path, tmp_path: Path
) -> None:
    from textual.widgets import Input

    from drieluik.screens.meeting_dialogs import ExportDialog

    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    meeting = meetings.create_meeting(vault, seeded.next_date, ["GGD Drenthe"])
    # Confirmed by the chair (policy `bevestigen`), so the export guard has work.
    meetings.save_notes(
        vault, meeting.items[0].id, "Elena P. belt 06-12345678", accept_personal_data=True
    )
    meetings.mark_discussed(vault, meeting.items[0].id, 60)
    meetings.finish_meeting(vault, meeting.id)
    out = tmp_path / "verslag.md"
    app = app_for(vault_path, vault=vault, export_dir=str(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_chairing(pilot, meeting.id)
        screen.action_export()
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog))
        dialog = app.screen
        path_input = dialog.query_one("#export-path", Input)
        assert path_input.value.startswith(str(tmp_path))
        await pilot.press("enter", "down", "down", "enter")  # the format: md
        await pilot.pause()
        assert path_input.value.endswith(".md")
        path_input.value = str(out)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: dialog.query_one("#export-findings").display)
        findings = str(dialog.query_one("#export-findings").render())
        assert "NAAM" in findings and "TELEFOON" in findings and "Elena" not in findings
        assert not out.exists()
        dialog.query_one("#export-redact-run").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen)
        await pilot.press("ctrl+q")
    written = out.read_text(encoding="utf-8")
    assert "[NAAM] belt [TELEFOON]" in written
    assert "Elena" not in written and "12345678" not in written


async def test_an_existing_file_is_named_with_the_dialogs_own_checkbox(
    vault_path: Path, tmp_path: Path
) -> None:
    # Seen in tmux: the dialog said "overwrite with --force", the CLI's words.
    from textual.widgets import Checkbox, Input, Label

    from drieluik.screens.meeting_dialogs import ExportDialog

    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    meeting = meetings.create_meeting(vault, seeded.next_date, ["GGD Drenthe"])
    out = tmp_path / "verslag.md"
    out.write_text("eerder verslag", encoding="utf-8")
    app = app_for(vault_path, vault=vault, export_dir=str(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_chairing(pilot, meeting.id)
        screen.action_export()
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog))
        dialog = app.screen
        await pilot.press("enter", "down", "down", "enter")  # the format: md
        await pilot.pause()
        dialog.query_one("#export-path", Input).value = str(out)
        await pilot.press("ctrl+s")
        error = dialog.query_one(".dialog-error", Label)
        await wait_for(pilot, lambda: "bestaat al" in str(error.render()))
        assert "--force" not in str(error.render())
        assert "Bestaand bestand overschrijven" in str(error.render())
        assert out.read_text(encoding="utf-8") == "eerder verslag"
        dialog.query_one("#export-force", Checkbox).value = True
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is screen)
        await pilot.press("ctrl+q")
    assert "CONCEPT" in out.read_text(encoding="utf-8")


async def test_locking_mid_note_keeps_the_note(vault_path: Path) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    meeting = meetings.create_meeting(vault, seeded.next_date)
    vault.close()
    app = app_for(vault_path, idle_lock_minutes=0)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_chairing(pilot, meeting.id)
        await pilot.press(*"Half getypt")
        screen = app.screen
        screen._running_since -= timedelta(minutes=4)  # as if 4 minutes passed on this item
        await pilot.press("ctrl+l")  # before the notes' own save, a second later
        await wait_for(pilot, lambda: app.vault is None)
        reopened = Vault.open(vault_path, PASSPHRASE)
        try:
            item = meetings.get_meeting(reopened, meeting.id).items[0]
            assert item.notes == "Half getypt"
            # Not yet marked discussed, but its clock is kept too.
            assert not item.discussed and item.seconds_spent >= 240
        finally:
            reopened.close()
        await unlock(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, ChairingScreen))
        assert notes(app).text == "Half getypt"
        await pilot.press("ctrl+q")


async def test_a_refused_action_keeps_the_dialog_open_with_what_was_typed(
    vault_path: Path,
) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    meeting = meetings.create_meeting(vault, seeded.next_date)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_chairing(pilot, meeting.id)
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionDialog))
        dialog = app.screen
        await pilot.press(*"Melder terugbellen", "tab", *"Jan Jansen", "ctrl+s")
        await pilot.pause()
        # A person's name is refused by the service; nothing typed is lost.
        assert app.screen is dialog
        error = str(dialog.query_one(".dialog-error").render())
        assert "Jan Jansen" in error
        assert dialog.query_one("#action-what", GuardedTextArea).text == "Melder terugbellen"
        assert not [a for a in actions.list_actions(vault) if a.description == "Melder terugbellen"]
        assert "nogmaals op" in error  # the TUI's way to say it is an organisation
        owner = dialog.query_one("#action-owner")
        owner.value = "GGD Drenthe"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is screen)
        saved = [a for a in actions.list_actions(vault) if a.description == "Melder terugbellen"]
        assert [a.owner for a in saved] == ["GGD Drenthe"]
        # Saving a refused name a second time: the chair says it is an organisation.
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionDialog))
        await pilot.press(*"Dossier opvragen", "tab", *"Dr. Aletta Jacobs", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ActionDialog)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is screen)
        saved = [a for a in actions.list_actions(vault) if a.description == "Dossier opvragen"]
        assert [a.owner for a in saved] == ["Dr. Aletta Jacobs"]
        assert "Dr. Aletta Jacobs" in allowlist.allow_terms(vault)
        await pilot.press("ctrl+q")


async def test_a_lock_keeps_an_open_dialog_and_what_was_typed_in_it(vault_path: Path) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    seeded = seed_meetings(vault, TODAY)
    meeting = meetings.create_meeting(vault, seeded.next_date)
    vault.close()
    app = app_for(vault_path, idle_lock_minutes=0)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        screen = await open_chairing(pilot, meeting.id)
        screen.go_to(1)  # the chair is on the second item, not the first open one
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, DecisionDialog))
        dialog = app.screen
        dialog.query_one("#decision-kind").value = DecisionKind.DOORVERWIJZING
        await pilot.pause()
        dialog.query_one("#decision-referral").value = "GGD Drenthe"
        # A next status other than the one the kind proposes: must survive too.
        dialog.query_one("#decision-status").value = CaseStatus.MONITORING
        dialog.query_one("#decision-review").value = "01-03-2027"
        dialog.query_one("#decision-text", GuardedTextArea).load_text("Bel 06-12345678")
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: app.vault is None)

        await unlock(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, DecisionDialog))
        restored = app.screen
        await pilot.pause()
        assert restored.query_one("#decision-kind").value is DecisionKind.DOORVERWIJZING
        assert restored.query_one("#decision-referral").value == "GGD Drenthe"
        assert restored.query_one("#decision-status").value is CaseStatus.MONITORING
        assert restored.query_one("#decision-review").value == "01-03-2027"
        assert restored.query_one("#decision-review-row").display
        text = restored.query_one("#decision-text", GuardedTextArea)
        assert text.text == "Bel 06-12345678"
        assert [f.category.value for f in text.findings] == ["PHONE"]  # still guarded
        text.load_text("Doorverwezen naar de GGD.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ChairingScreen))
        chairing = app.screen
        assert chairing.index == 1
        item = meetings.get_meeting(app.vault, meeting.id).items[1]
        assert [d.kind for d in item.decisions] == [DecisionKind.DOORVERWIJZING]
        assert cases.get_case(app.vault, item.case.id).status is CaseStatus.MONITORING
        await pilot.press("ctrl+q")


def test_chairing_snapshot_english_at_80_by_24(snap_compare, vault_path: Path) -> None:
    from drieluik.i18n import set_language

    meeting_id = build_snapshot_vault(vault_path)
    vault = Vault.open(vault_path, PASSPHRASE)
    moment = at(TODAY + timedelta(days=7), 9, 41)
    app = app_for(vault_path, vault=vault, today=TODAY + timedelta(days=7), lang="en")

    async def run_before(pilot) -> None:
        with clock_at(moment):
            await pilot.pause()
            app.open_chairing(meeting_id)
            await wait_for(pilot, lambda: isinstance(app.screen, ChairingScreen))
            app.screen.query_one("#chair-notes", GuardedTextArea).cursor_blink = False
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            await pilot.pause(0.2)

    try:
        with clock_at(moment):
            assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
    finally:
        vault.close()
        set_language("nl")
