"""One case: its fields, open actions and the whole history, in one scrollable view."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Header, Static

from drieluik.domain.dates import format_date, format_date_time
from drieluik.errors import DrieluikError
from drieluik.i18n import t
from drieluik.screens.base import DrieluikScreen
from drieluik.screens.meeting_dialogs import ChoiceDialog, ConfirmDialog, PostponeDialog
from drieluik.services import actions, cases, guard, history, meetings
from drieluik.services.types import ActionView, CaseView, HistoryEntry
from drieluik.widgets.footer import BindingsFooter
from drieluik.widgets.literal import literal

POSTPONE_DAYS = 14


class CaseDetailScreen(DrieluikScreen):
    BINDINGS = [
        Binding("escape", "back", "bind.back", id="case.back"),
        Binding("e", "edit", "bind.edit", id="case.edit"),
        Binding("a", "agenda", "bind.agenda", id="case.agenda"),
        # What changes an action needs ctrl and a confirmation (a stray letter
        # must not close one); Enter on the highlighted action offers the same.
        # In the actions panel's subtitle rather than the footer (ctrl+q and
        # ctrl+l must stay in view at 80 columns).
        Binding("ctrl+d", "action_done", "bind.action_done", show=False, id="case.action_done"),
        Binding(
            "ctrl+u",
            "action_postpone",
            "bind.action_postpone",
            show=False,
            id="case.action_postpone",
        ),
        Binding(
            "ctrl+x", "action_cancel", "bind.action_cancel", show=False, id="case.action_cancel"
        ),
    ]

    def __init__(self, ref: str | int) -> None:
        super().__init__()
        self.ref = ref
        self.case: CaseView | None = None
        self.open_actions: list[ActionView] = []

    @property
    def case_code(self) -> str:
        return self.case.code if self.case else str(self.ref)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail"):
            yield Vertical(id="detail-fields", classes="panel")
            with Vertical(id="detail-summary", classes="panel"):
                yield Static(id="detail-summary-text")
            with Vertical(id="detail-actions", classes="panel"):
                yield DataTable(id="detail-actions-table", cursor_type="row")
                yield Static(id="detail-no-actions", classes="muted")
            with Vertical(id="detail-history", classes="panel"):
                yield Static(id="detail-history-text")
        yield BindingsFooter()

    def on_mount(self) -> None:
        table = self.query_one("#detail-actions-table", DataTable)
        table.add_column(t("dash.col_due"), key="due")
        table.add_column(t("dash.col_owner"), key="owner")
        table.add_column(t("dash.col_action"), key="action")
        self.query_one("#detail-fields").border_title = t("detail.fields")
        self.query_one("#detail-summary").border_title = t("detail.summary")
        self.query_one("#detail-actions").border_title = t("detail.open_actions")
        self.query_one("#detail-history").border_title = t("detail.history")
        try:
            self.load()
        except DrieluikError as error:  # gone meanwhile (deleted, purged)
            self.drieluik.report_error(error)
            self.app.pop_screen()
            return
        if self.open_actions:
            table.focus()  # the highlighted row is the one the keys act on

    def on_screen_resume(self) -> None:
        if self.case is not None:
            self.load()

    def load(self) -> None:
        if self.drieluik.vault is None:
            return
        self.case = case = cases.get_case(self.vault, self.ref)
        self.ref = case.id
        self.title = f"{case.code} · {case.status.label}"
        self._show_fields(case)
        self.query_one("#detail-summary-text", Static).update(literal(case.summary))
        self._show_actions()
        self._show_history(history.case_history(self.vault, case.id))

    def _show_fields(self, case: CaseView) -> None:
        groups = ", ".join(g.label for g in case.vulnerable_groups) or t("tui.none")
        # Filled row by row in two columns: left the when/where/what, right the who.
        rows = [
            (t("form.datum"), format_date(case.signal_date)),
            (t("form.melder"), case.reporter),
            (t("form.gemeente"), case.municipality),
            (t("form.kwetsbaar"), groups),
            (t("form.vorm"), case.form.label),
            (t("form.ondermijning"), t("tui.yes") if case.organised_crime else t("tui.no")),
            (t("cases.col_status"), case.status.label),
        ]
        if case.review_date:
            rows.append((t("detail.review_date"), format_date(case.review_date)))
        if case.closed_date:
            rows.append((t("detail.closed_date"), format_date(case.closed_date)))
        marks = guard.marks_for_case(self.vault, case.id)
        if marks:
            # Texts stored with confirmed personal data (issue 12): where and what kind.
            rows.append((t("detail.personal_data"), guard.describe_marks(marks)))
        panel = self.query_one("#detail-fields")
        panel.remove_children()
        cells: list[Static] = []
        for label, value in rows:
            cells.append(Static(label, classes="field-name", markup=False))
            cells.append(Static(literal(value, single_line=True), classes="field-value"))
        panel.mount_all(cells)

    def _show_actions(self) -> None:
        assert self.case is not None
        self.open_actions = actions.list_actions(self.vault, case_ref=self.case.id)
        table = self.query_one("#detail-actions-table", DataTable)
        # Reloading (after a dialog, say) keeps the cursor on the same row.
        previous_row = table.cursor_row
        table.clear()
        today = self.drieluik.today()
        for action in self.open_actions:
            due = format_date(action.due_date) or "—"
            if action.times_postponed:
                due += f" (+{action.times_postponed})"
            table.add_row(
                literal(due, "bold red" if action.is_overdue(today) else ""),
                literal(action.owner, single_line=True),
                literal(action.description, single_line=True, max_length=120),
                key=str(action.id),
            )
        table.display = bool(self.open_actions)
        if self.open_actions:
            table.move_cursor(row=min(max(previous_row, 0), len(self.open_actions) - 1))
        panel = self.query_one("#detail-actions")
        panel.border_subtitle = t("detail.actions_keys") if self.open_actions else ""
        empty = self.query_one("#detail-no-actions", Static)
        empty.display = not self.open_actions
        empty.update(t("detail.no_open_actions"))

    def _show_history(self, entries: list[HistoryEntry]) -> None:
        text = Text()
        if not entries:
            text.append(t("detail.no_history"), style="dim")
        for index, entry in enumerate(entries):
            if index:
                text.append("\n")
            text.append(format_date_time(entry.at), style="dim")
            text.append("  ")
            text.append(entry.kind.label, style="bold")
            if entry.meeting_date:
                text.append(f"  ({t('detail.meeting', date=format_date(entry.meeting_date))})")
            if entry.detail:
                text.append("\n    ")
                text.append_text(literal(entry.detail.replace("\n", "\n    ")))
        self.query_one("#detail-history-text", Static).update(text)

    # --- actions -------------------------------------------------------------------

    def action_edit(self) -> None:
        from drieluik.screens.case_form import CaseFormScreen

        if self.case is not None and not self.drieluik.refused_read_only():
            self.app.push_screen(CaseFormScreen(self.case.id))

    def action_agenda(self) -> None:
        """Put the case on the next meeting's agenda, after a yes: it is a lasting
        entry in the case's history, so a stray `a` must not do it."""
        if self.case is None:
            return
        case = self.case
        meeting = meetings.next_meeting(self.vault, self.drieluik.today())
        if meeting is None:
            self.notify(t("detail.no_next_meeting"), severity="warning", timeout=8)
            return
        day = format_date(meeting.meeting_date)

        def added(_: object) -> None:
            self.notify(t("detail.added_to_agenda", code=case.code, date=day))
            self.load()

        def answered(yes: bool | None) -> None:
            if yes and self.drieluik.vault is not None:
                self.run_service(
                    meetings.add_item, self.vault, meeting.id, case.id, on_success=added
                )

        self.app.push_screen(
            ConfirmDialog(
                t("detail.agenda_confirm", code=case.code, date=day), yes=t("bind.agenda")
            ),
            answered,
        )

    def _selected_action(self) -> ActionView | None:
        """The highlighted action, only when the actions table has the focus:
        a key must act on the row the user sees highlighted, never on a row
        the cursor happens to rest on out of sight."""
        table = self.query_one("#detail-actions-table", DataTable)
        if not self.open_actions or not table.display:
            self.notify(t("detail.no_action_selected"), severity="warning")
            return None
        if not table.has_focus:
            table.focus()
            table.scroll_visible()
            self.notify(t("detail.no_action_selected"), severity="warning")
            return None
        row = table.cursor_row
        return self.open_actions[row] if 0 <= row < len(self.open_actions) else None

    @on(DataTable.RowSelected, "#detail-actions-table")
    def _action_menu(self, event: DataTable.RowSelected) -> None:
        event.stop()
        action = self._selected_action()
        if action is None:
            return
        choices = {
            "postpone": self.action_action_postpone,
            "done": self.action_action_done,
            "cancel": self.action_action_cancel,
        }

        def chosen(choice: str | None) -> None:
            if choice in choices:
                choices[choice]()

        self.app.push_screen(
            ChoiceDialog(
                literal(action.description, single_line=True, max_length=70).plain,
                [
                    ("postpone", t("bind.action_postpone") + "…"),
                    ("done", t("bind.action_done") + "…"),
                    ("cancel", t("bind.action_cancel") + "…"),
                ],
            ),
            chosen,
        )

    def _confirm_then(self, action: ActionView, question_key: str, yes_key: str, change) -> None:
        """Ask (the safe answer focused), then `change(action.id)` and reload."""

        def changed(_: object) -> None:
            self.notify(t(question_key + "_ok"))
            self.load()

        def answered(confirmed: bool | None) -> None:
            if confirmed and self.drieluik.vault is not None:
                self.run_service(change, self.vault, action.id, on_success=changed)

        question = t(
            question_key,
            what=literal(action.description, single_line=True, max_length=80).plain,
            owner=action.owner,
        )
        self.app.push_screen(ConfirmDialog(question, yes=t(yes_key)), answered)

    def action_action_done(self) -> None:
        action = self._selected_action()
        if action is not None:
            self._confirm_then(
                action, "detail.confirm_done", "bind.action_done", actions.complete_action
            )

    def action_action_cancel(self) -> None:
        action = self._selected_action()
        if action is not None:
            self._confirm_then(
                action, "detail.confirm_cancel", "bind.action_cancel", actions.cancel_action
            )

    def action_action_postpone(self) -> None:
        action = self._selected_action()
        if action is None:
            return
        base = max(action.due_date or self.drieluik.today(), self.drieluik.today())
        suggested = base + timedelta(days=POSTPONE_DAYS)

        def store(new_date: date) -> None:
            # In the dialog: a refused date (in the past, not later) shows there.
            actions.postpone_action(self.vault, action.id, new_date)

        def postponed(new_date: date | None) -> None:
            if new_date is not None and self.drieluik.vault is not None:
                self.notify(t("detail.action_postponed", date=format_date(new_date)))
                self.load()

        self.app.push_screen(
            PostponeDialog(action.description, action.due_date, suggested, submit=store),
            postponed,
        )
