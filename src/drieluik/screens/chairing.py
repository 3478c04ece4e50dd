"""Chairing the meeting, item by item — often projected on a wall, keyboard first.

Left: the case (code, reason, summary), its history and open actions.
Right: the notes (guarded against personal data), decisions, new actions and
the case's status. A clock per item and one for the meeting.

Everything is saved as it is entered: notes a second after the last keystroke
and whenever the chair leaves the field or the item; decisions and actions at
once. Each service call commits and the app saves the vault in the background
(`vault.after_commit`), so a crash loses at most the field being typed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widgets import Button, Digits, Footer, Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from drieluik.domain.vocabulary import KNOWN_REPORTERS, CaseStatus, EventKind
from drieluik.errors import DrieluikError, InvalidInput
from drieluik.i18n import t
from drieluik.screens.base import DrieluikModal, DrieluikScreen
from drieluik.screens.meeting_dialogs import (
    ActionDialog,
    ActionInput,
    ConfirmDialog,
    DecisionDialog,
    DecisionInput,
    ExportDialog,
    PostponeDialog,
)
from drieluik.services import actions as action_service
from drieluik.services import allowlist, meetings
from drieluik.services import cases as case_service
from drieluik.services.history import case_history
from drieluik.services.types import ActionView, AgendaItemView, MeetingView
from drieluik.store.models import now
from drieluik.widgets.literal import literal
from drieluik.widgets.pii_guard import GuardedTextArea, GuardFindings

NOTES_SAVE_DELAY = 1.0  # seconds after the last keystroke
HISTORY_SHOWN = 12  # the newest entries; older ones are counted
NARROW_WIDTH = 100  # below this the case pane gets narrower
_SHOWN_ON_THE_RIGHT = {EventKind.BESLUIT, EventKind.ACTIE_AANGEMAAKT, EventKind.BESPROKEN}


def clock_text(seconds: int, *, hours: bool = False) -> str:
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    if hours or h:
        return f"{h}:{m:02d}:{s:02d}"
    return f"{m:02d}:{s:02d}"


class ChairingScreen(DrieluikScreen):
    """One meeting, one agenda item at a time."""

    BINDINGS = [
        # Ctrl and F keys work while typing in the notes; a letter with Alt is
        # typed into the text (and Alt+B / Alt+F arrive as word-left / -right).
        # The plain letters work when the notes are not focused (Esc).
        Binding("ctrl+n,k", "done_next", "chair.bind.done_next", id="chairing.done_next"),
        Binding("ctrl+t,b", "decision", "chair.bind.decision", id="chairing.decision"),
        Binding("ctrl+f,a", "action", "chair.bind.action", id="chairing.action"),
        Binding(
            "alt+left,left_square_bracket",
            "step(-1)",
            "chair.bind.previous",
            key_display="alt+←",
            id="chairing.previous",
        ),
        Binding(
            "alt+right,right_square_bracket",
            "step(1)",
            "chair.bind.next",
            key_display="alt+→",
            id="chairing.next",
        ),
        Binding("ctrl+g,e", "finish", "chair.bind.finish", id="chairing.finish"),
        Binding("escape", "back", "bind.back", id="chairing.back"),
        Binding("v", "export", "chair.bind.export", id="chairing.export"),
    ]

    def __init__(
        self,
        meeting_id: int,
        *,
        index: int | None = None,
        open_dialog: tuple[str, dict[str, Any]] | None = None,
    ) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.meeting: MeetingView | None = None
        self.index = 0
        # After a lock: the item the chair was on, and a decision or action
        # dialog that was open, with what was typed in it (memory only).
        self._resume_index = index
        self._open_dialog = open_dialog
        # Seconds per item id: stored time plus time spent on earlier visits.
        self.spent: dict[int, int] = {}
        # An owner or referral the services refused; saving it again allows it.
        self._refused_organisation: str | None = None
        self._entered_at: datetime | None = None
        self._notes_item_id: int | None = None
        self._saved_notes = ""
        self._notes_timer: Timer | None = None
        self._open_actions: list[ActionView] = []

    # --- layout ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="chair-top"):
            with Vertical(id="chair-head"):
                yield Static(id="chair-code")
                yield Static(id="chair-meta")
                yield Static(id="chair-meeting-clock")
            yield Digits("00:00", id="chair-item-clock")
        with Horizontal(id="chair-body"):
            with VerticalScroll(id="chair-left", classes="panel"):
                yield Static(id="chair-summary")
                yield Label(t("chair.history"), classes="chair-heading")
                yield Static(id="chair-history")
                yield Label(t("chair.open_actions"), classes="chair-heading")
                yield OptionList(id="chair-open-actions")
            with Vertical(id="chair-right"):
                with Vertical(id="chair-notes-panel", classes="panel"):
                    yield GuardedTextArea(
                        id="chair-notes", placeholder=t("chair.notes_placeholder")
                    )
                    yield GuardFindings(id="chair-findings")
                with Vertical(id="chair-decisions-panel", classes="panel"):
                    yield OptionList(id="chair-decisions")
                with Vertical(id="chair-actions-panel", classes="panel"):
                    yield Static(id="chair-actions")
                yield Static(id="chair-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#chair-notes-panel").border_title = t("chair.notes")
        self.query_one("#chair-decisions-panel").border_title = t("chair.decisions")
        self.query_one("#chair-actions-panel").border_title = t("chair.actions")
        meeting = meetings.get_meeting(self.vault, self.meeting_id)
        if not meeting.finished and meeting.items:
            # allow_future: the screen asks first (C1, issue 11); until then as before.
            meeting = meetings.start_meeting(self.vault, self.meeting_id, allow_future=True)
        self.meeting = meeting
        self.spent = {item.id: item.seconds_spent for item in meeting.items}
        # Resume where the chair was (after a lock), else at the first item not yet discussed.
        first_open = next((i for i, item in enumerate(meeting.items) if not item.discussed), 0)
        self.index = first_open if self._resume_index is None else self._resume_index
        self._apply_width(self.size.width)
        self.show_item()
        self.set_interval(1.0, self._tick, name="chairing-clock")
        self.query_one("#chair-notes", GuardedTextArea).focus()
        if self._open_dialog is not None:
            kind, draft = self._open_dialog
            self._open_dialog = None
            self.call_after_refresh(
                self.action_decision if kind == "decision" else self.action_action, draft
            )

    def rebuild_arguments(self) -> tuple[tuple[Any, ...], dict[str, Any]]:
        open_dialog = None
        for screen in self.app.screen_stack:
            if isinstance(screen, DecisionDialog | ActionDialog) and screen.is_mounted:
                kind = "decision" if isinstance(screen, DecisionDialog) else "action"
                open_dialog = (kind, screen.values())
        return (self.meeting_id,), {"index": self.index, "open_dialog": open_dialog}

    def on_resize(self, event: events.Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        self.set_class(width < NARROW_WIDTH, "-narrow")

    # --- the current item -------------------------------------------------------------

    @property
    def item(self) -> AgendaItemView | None:
        if self.meeting is None or not self.meeting.items:
            return None
        return self.meeting.items[min(self.index, len(self.meeting.items) - 1)]

    @property
    def finished(self) -> bool:
        return self.meeting is not None and self.meeting.finished

    def reload(self) -> None:
        self.meeting = meetings.get_meeting(self.vault, self.meeting_id)
        for item in self.meeting.items:
            self.spent[item.id] = max(self.spent.get(item.id, 0), item.seconds_spent)

    def show_item(self) -> None:
        """Show the current item in full (case pane, notes, decisions, actions)."""
        item = self.item
        notes = self.query_one("#chair-notes", GuardedTextArea)
        if item is None:
            self.title = t("chair.no_items")
            self.query_one("#chair-code", Static).update(t("chair.no_items"))
            notes.disabled = True
            self._entered_at = None
            return
        self._entered_at = None if self.finished else now()
        self._notes_item_id = item.id
        self._saved_notes = item.notes
        notes.load_text(item.notes)
        notes.rescan()
        self._show_case(item)
        self._show_outcomes(item)
        self._tick()
        self.refresh_bindings()

    def _show_case(self, item: AgendaItemView) -> None:
        assert self.meeting is not None
        case = item.case
        self.title = t(
            "chair.title",
            date=self.meeting.meeting_date.isoformat(),
            number=self.index + 1,
            total=len(self.meeting.items),
        )
        head = Text()
        head.append(f" {case.code} ", style="bold reverse")
        head.append("  ")
        head.append(t("chair.reason", reason=item.reason.label), style="bold")
        head.append("   ")
        if item.discussed:
            head.append(t("chair.discussed"), style="bold green")
        else:
            head.append(t("chair.not_discussed"), style="dim")
        self.query_one("#chair-code", Static).update(head)
        meta = t(
            "chair.case_line",
            form=case.form.label,
            municipality=case.municipality.label,
            reporter=case.reporter,
        )
        self.query_one("#chair-meta", Static).update(literal(meta, single_line=True))

        summary = Text()
        summary.append(t("chair.summary") + "\n", style="bold")
        summary.append_text(literal(case.summary))
        self.query_one("#chair-summary", Static).update(summary)

        assert self.meeting is not None
        this_meeting = self.meeting.meeting_date
        # What this meeting records is on the right; the left shows what came before.
        history = [
            entry
            for entry in case_history(self.vault, case.id)
            if not (entry.meeting_date == this_meeting and entry.kind in _SHOWN_ON_THE_RIGHT)
        ]
        lines = Text()
        if not history:
            lines.append(t("chair.history_empty"), style="dim")
        older = len(history) - HISTORY_SHOWN
        if older > 0:
            lines.append(f"… +{older}\n", style="dim")
        for entry in history[-HISTORY_SHOWN:]:
            day = (entry.meeting_date or entry.at.date()).isoformat()
            detail = entry.detail.removeprefix(f"{day} — ")
            lines.append(day, style="dim")
            lines.append(" ")
            lines.append(entry.kind.label, style="bold")
            if detail:
                lines.append(": ")
                lines.append_text(literal(detail, single_line=True))
            lines.append("\n")
        lines.rstrip()
        self.query_one("#chair-history", Static).update(lines)
        self._show_open_actions(item)

    def _show_open_actions(self, item: AgendaItemView) -> None:
        self._open_actions = [
            action
            for action in action_service.list_actions(self.vault, case_ref=item.case.id)
            if action.agenda_item_id != item.id
        ]
        options = self.query_one("#chair-open-actions", OptionList)
        options.clear_options()
        today = self.drieluik.today()
        for action in self._open_actions:
            options.add_option(Option(self._action_text(action, today), id=str(action.id)))
        if not self._open_actions:
            options.add_option(Option(Text(t("chair.open_actions_empty"), style="dim"), id=None))

    def _action_text(self, action: ActionView, today: date) -> Text:
        text = Text()
        if action.due_date:
            style = "bold red" if action.is_overdue(today) else "dim"
            text.append(t("chair.due", date=action.due_date.isoformat()), style=style)
            text.append(" · ")
        text.append_text(literal(action.owner, "bold", single_line=True))
        text.append(" — ")
        text.append_text(literal(action.description, single_line=True))
        if action.times_postponed:
            text.append(f" ({t('chair.postponed', count=action.times_postponed)})", style="dim")
        return text

    def _show_outcomes(self, item: AgendaItemView) -> None:
        decisions = self.query_one("#chair-decisions", OptionList)
        decisions.clear_options()
        for decision in item.decisions:
            line = Text()
            line.append(decision.kind.label, style="bold")
            if decision.referral_to:
                line.append(" → ")
                line.append_text(literal(decision.referral_to, single_line=True))
            if decision.review_date:
                line.append(" (" + t("chair.until", date=decision.review_date.isoformat()) + ")")
            if decision.text:
                line.append(": ")
                line.append_text(literal(decision.text, single_line=True))
            decisions.add_option(Option(line, id=str(decision.id)))
        if not item.decisions:
            decisions.add_option(Option(Text(t("chair.decisions_empty"), style="dim"), id=None))

        today = self.drieluik.today()
        actions = Text()
        for number, action in enumerate(item.actions):
            if number:
                actions.append("\n")
            actions.append("• ")
            actions.append_text(self._action_text(action, today))
        if not item.actions:
            actions.append(t("chair.actions_empty"), style="dim")
        self.query_one("#chair-actions", Static).update(actions)

        case = item.case
        status = case.status.label
        if case.status is CaseStatus.MONITORING and case.review_date:
            status += " " + t("chair.until", date=case.review_date.isoformat())
        key = "chair.next_status" if item.decisions else "chair.status"
        self.query_one("#chair-status", Static).update(Text(t(key, status=status), style="bold"))

    # --- clocks ------------------------------------------------------------------------

    def item_seconds(self) -> int:
        item = self.item
        if item is None:
            return 0
        seconds = self.spent.get(item.id, 0)
        if self._entered_at is not None:
            seconds += int((now() - self._entered_at).total_seconds())
        return seconds

    def meeting_seconds(self) -> int:
        meeting = self.meeting
        if meeting is None or meeting.started_at is None:
            return 0
        end = meeting.ended_at or now()
        return int((end - meeting.started_at).total_seconds())

    def _tick(self) -> None:
        self.query_one("#chair-item-clock", Digits).update(clock_text(self.item_seconds()))
        clock = Text(t("chair.meeting_clock", time=clock_text(self.meeting_seconds(), hours=True)))
        if self.finished:
            carried = sum(1 for item in self.meeting.items if item.carried_over)  # type: ignore[union-attr]
            clock.append("  " + t("chair.finished_banner", count=carried), style="bold yellow")
        self.query_one("#chair-meeting-clock", Static).update(clock)

    # --- notes: saved as typed ------------------------------------------------------------

    @on(GuardedTextArea.Changed, "#chair-notes")
    def _notes_changed(self) -> None:
        if self._notes_timer is not None:
            self._notes_timer.stop()
        self._notes_timer = self.set_timer(NOTES_SAVE_DELAY, self.save_notes)

    @on(GuardedTextArea.FindingsChanged, "#chair-notes")
    def _notes_findings(self, event: GuardedTextArea.FindingsChanged) -> None:
        self.query_one("#chair-findings", GuardFindings).show_findings(event.findings)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if getattr(event.widget, "id", None) == "chair-notes":
            self.save_notes()

    def commit_pending(self) -> None:
        """Called by the app before it saves to quit or lock (`DrieluikApp.flush_save`)."""
        self.save_notes()
        self._save_time()

    def _save_time(self) -> None:
        """Store the current item's clock so far (a lock or quit must not lose it)."""
        item = self.item
        if item is None or self.finished or self.app.vault is None:
            return
        try:
            meetings.record_time(self.vault, item.id, self.item_seconds())
        except DrieluikError as error:
            self.drieluik.report_error(error)

    def save_notes(self) -> None:
        """Store the notes if they changed since the last save."""
        if self._notes_timer is not None:
            self._notes_timer.stop()
            self._notes_timer = None
        if self._notes_item_id is None or self.app.vault is None:
            return
        try:
            text = self.query_one("#chair-notes", GuardedTextArea).text
        except NoMatches:  # the screen is being taken down
            return
        if text == self._saved_notes:
            return
        try:
            meetings.save_notes(self.vault, self._notes_item_id, text)
        except DrieluikError as error:
            self.drieluik.report_error(error)
            return
        self._saved_notes = text

    # --- moving between items ---------------------------------------------------------

    def _leave_item(self, *, mark: bool = False) -> None:
        """Save the notes and the time; mark the item discussed if asked or decided."""
        item = self.item
        if item is None:
            return
        self.save_notes()
        seconds = self.item_seconds()
        self.spent[item.id] = seconds
        self._entered_at = None
        if self.finished:
            return
        try:
            if mark or item.discussed or item.decisions:
                meetings.mark_discussed(self.vault, item.id, seconds)
            else:
                meetings.record_time(self.vault, item.id, seconds)
        except DrieluikError as error:
            self.drieluik.report_error(error)
        self.reload()

    def go_to(self, index: int) -> None:
        if self.meeting is None or not self.meeting.items:
            return
        self._leave_item()
        self.index = max(0, min(len(self.meeting.items) - 1, index))
        self.show_item()

    def action_step(self, delta: int) -> None:
        self.go_to(self.index + delta)

    def action_done_next(self) -> None:
        item = self.item
        if item is None or self.finished:
            return
        self._leave_item(mark=True)
        self.notify(
            t("chair.marked", code=item.case.code, time=clock_text(self.spent[item.id])),
            markup=False,
        )
        assert self.meeting is not None
        if self.index >= len(self.meeting.items) - 1:
            self.notify(t("chair.last_item"), markup=False)
            self.show_item()
            return
        self.index += 1
        self.show_item()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("done_next", "finish") and self.finished:
            return None
        if action in ("done_next", "decision", "action", "step") and self.item is None:
            return None
        return True

    # --- decisions and actions ---------------------------------------------------------------

    @contextmanager
    def _organisation_confirmed(self, name: str | None) -> Iterator[None]:
        """Store with `name` as an organisation; a refused name is allowed on the second save.

        The services refuse an owner or referral in which the guard finds
        personal data. Saving the same name again is the chair saying it is an
        organisation: it goes on the allow-list, as in meeting preparation.
        """
        if name and name == self._refused_organisation:
            allowlist.add_allow_term(self.vault, name)
        try:
            yield
        except InvalidInput as error:
            if error.key != "org.personal_data" or not name:
                raise
            self._refused_organisation = name
            raise InvalidInput(
                "org.confirm_in_dialog", text=error.params["text"], kind=error.params["kind"]
            ) from None
        self._refused_organisation = None

    def _organisations(self) -> list[str]:
        names = list(self.meeting.attending) if self.meeting else []
        for name in [*KNOWN_REPORTERS, *case_service.list_reporters(self.vault)]:
            if name not in names:
                names.append(name)
        return names

    def action_decision(self, draft: dict[str, Any] | None = None) -> None:
        item = self.item
        if item is None:
            return
        self.save_notes()

        def store(result: DecisionInput) -> None:
            with self._organisation_confirmed(result.referral_to):
                meetings.add_decision(
                    self.vault,
                    item.id,
                    result.kind,
                    result.text,
                    referral_to=result.referral_to,
                    review_date=result.review_date,
                    next_status=result.next_status,
                    today=self.drieluik.today(),
                )

        self.app.push_screen(
            DecisionDialog(item.case.code, self._organisations(), submit=store, draft=draft),
            self._decision_added,
        )

    def _decision_added(self, result: DecisionInput | None) -> None:
        if result is None:
            return
        self._refresh_current()
        self.notify(
            t("chair.decision_saved", kind=result.kind.label, status=result.next_status.label),
            markup=False,
        )

    def action_action(self, draft: dict[str, Any] | None = None) -> None:
        item = self.item
        if item is None:
            return
        self.save_notes()

        def store(result: ActionInput) -> None:
            with self._organisation_confirmed(result.owner):
                action_service.add_action(
                    self.vault,
                    item.case.id,
                    result.description,
                    result.owner,
                    result.due_date,
                    agenda_item_id=item.id,
                )

        self.app.push_screen(
            ActionDialog(item.case.code, self._organisations(), submit=store, draft=draft),
            self._action_added,
        )

    def _action_added(self, result: ActionInput | None) -> None:
        if result is None:
            return
        self._refresh_current()
        self.notify(t("chair.action_saved", owner=result.owner), markup=False)

    def _refresh_current(self) -> None:
        self.reload()
        item = self.item
        if item is not None:
            self._show_case(item)
            self._show_outcomes(item)

    @on(OptionList.OptionSelected, "#chair-open-actions")
    def _open_action_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is None:
            return
        action = next(a for a in self._open_actions if str(a.id) == event.option.id)
        self.app.push_screen(
            OpenActionMenu(action), lambda choice: self._handle_open_action(action, choice)
        )

    def _handle_open_action(self, action: ActionView, choice: str | None) -> None:
        if choice == "done":
            try:
                action_service.complete_action(self.vault, action.id)
            except DrieluikError as error:
                self.drieluik.report_error(error)
                return
            self.notify(t("chair.action_done"), markup=False)
            self._refresh_current()
        elif choice == "postpone":

            def postpone(day) -> None:
                if day is None:
                    return
                try:
                    action_service.postpone_action(self.vault, action.id, day)
                except DrieluikError as error:
                    self.drieluik.report_error(error)
                    return
                self.notify(t("chair.action_postponed", date=day.isoformat()), markup=False)
                self._refresh_current()

            self.app.push_screen(PostponeDialog(action.description, action.due_date), postpone)

    @on(OptionList.OptionSelected, "#chair-decisions")
    def _decision_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.item
        if event.option.id is None or item is None:
            return
        decision = next(d for d in item.decisions if str(d.id) == event.option.id)

        def delete(confirmed: bool | None) -> None:
            if not confirmed:
                return
            try:
                meetings.delete_decision(self.vault, decision.id)
            except DrieluikError as error:
                self.drieluik.report_error(error)
                return
            self.notify(t("chair.decision_deleted"), markup=False)
            self._refresh_current()

        self.app.push_screen(
            ConfirmDialog(t("dlg.decision.delete_confirm", kind=decision.kind.label)), delete
        )

    # --- closing the meeting -----------------------------------------------------------------

    def action_finish(self) -> None:
        if self.meeting is None or self.finished:
            return
        self._leave_item()
        assert self.meeting is not None
        total = len(self.meeting.items)
        still_open = sum(1 for item in self.meeting.items if not item.discussed)
        question = (
            t("chair.finish_confirm", open=still_open, total=total)
            if still_open
            else t("chair.finish_confirm_all", total=total)
        )
        self.app.push_screen(ConfirmDialog(question), self._finish)

    def _finish(self, confirmed: bool | None) -> None:
        if not confirmed:
            self._entered_at = now()  # back to the item: its clock runs on
            return
        try:
            carried = meetings.finish_meeting(self.vault, self.meeting_id, allow_future=True)
        except DrieluikError as error:
            self.drieluik.report_error(error)
            return
        self.reload()
        self.show_item()
        self.notify(t("chair.finished", count=carried), timeout=10, markup=False)
        self.app.push_screen(
            ConfirmDialog(t("dlg.export.offer")),
            lambda yes: self.action_export() if yes else None,
        )

    def action_export(self) -> None:
        if self.meeting is None:
            return
        self.save_notes()
        settings = getattr(self.app, "settings", None)
        folder = settings.export_folder if settings is not None else None
        self.app.push_screen(
            ExportDialog(self.meeting.id, self.meeting.meeting_date, folder or Path.cwd())
        )

    def action_back(self) -> None:
        focused = self.focused
        if focused is not None and focused.id != "chair-left":
            self.query_one("#chair-left").focus()
            return
        self.leave()

    def leave(self) -> None:
        if not self.finished:
            self._leave_item()
        else:
            self.save_notes()
        self.dismiss()


class OpenActionMenu(DrieluikModal):
    """What to do with an open action of the case: done, postpone, or nothing."""

    BINDINGS = [
        Binding("g", "choose('done')", "chair.bind.action_done", id="open_action.done"),
        Binding("u", "choose('postpone')", "chair.bind.action_postpone", id="open_action.postpone"),
        Binding("escape", "choose(None)", "bind.cancel", id="open_action.cancel"),
    ]

    def __init__(self, action: ActionView) -> None:
        super().__init__(classes="dialog")
        self.action_view = action

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Label(literal(self.action_view.description), id="confirm-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("chair.bind.action_done") + " (G)", id="choice-done", compact=True)
                yield Button(
                    t("chair.bind.action_postpone") + " (U)", id="choice-postpone", compact=True
                )
                yield Button(t("mtg.cancel"), id="choice-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#choice-done", Button).focus()

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        choice = (event.button.id or "").removeprefix("choice-")
        self.dismiss(None if choice == "cancel" else choice)
