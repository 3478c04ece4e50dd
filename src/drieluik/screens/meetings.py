"""All meetings, newest first: date, number of items, state (gepland, bezig,
afgerond, heropend: the one vocabulary of MeetingState)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Label

from drieluik.domain.dates import format_date
from drieluik.domain.vocabulary import MeetingState
from drieluik.i18n import t
from drieluik.screens.base import DrieluikScreen
from drieluik.screens.meeting_dialogs import ExportDialog, chair_after_asking
from drieluik.services import meetings
from drieluik.services.types import MeetingSummary
from drieluik.widgets.footer import BindingsFooter
from drieluik.widgets.literal import literal


class MeetingsScreen(DrieluikScreen):
    BINDINGS = [
        Binding("escape", "back", "bind.back", id="meetings.back"),
        Binding("enter", "open", "meetings.bind.open", id="meetings.open"),
        Binding("n", "new", "meetings.bind.new", id="meetings.new"),
        Binding("ctrl+o", "chair", "meetings.bind.chair", id="meetings.chair"),
        Binding("v", "export", "meetings.bind.export", id="meetings.export"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[MeetingSummary] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="meetings", classes="panel"):
            yield DataTable(id="meetings-table", cursor_type="row", zebra_stripes=True)
            yield Label(t("meetings.empty"), id="meetings-empty", classes="muted")
        yield BindingsFooter()

    def on_mount(self) -> None:
        self.title = t("meetings.title")
        table = self.query_one("#meetings-table", DataTable)
        for key in ("date", "items", "state"):
            table.add_column(t(f"meetings.col.{key}"), key=key)
        self.load()
        table.focus()

    def on_screen_resume(self) -> None:
        if self.drieluik.vault is not None:
            self.load()

    def load(self) -> None:
        table = self.query_one("#meetings-table", DataTable)
        row = table.cursor_row
        table.clear()
        self.rows = meetings.meeting_summaries(self.vault)
        today = self.drieluik.today()
        for summary in self.rows:
            finished = summary.state is MeetingState.AFGEROND
            style = "dim" if finished else ("bold" if summary.meeting_date >= today else "")
            table.add_row(
                literal(format_date(summary.meeting_date), style),
                literal(str(summary.items), style),
                literal(summary.state.label, style),
                key=str(summary.id),
            )
        if self.rows:
            table.move_cursor(row=min(row, len(self.rows) - 1))
        self.query_one("#meetings-empty").display = not self.rows

    def _current(self) -> MeetingSummary | None:
        row = self.query_one("#meetings-table", DataTable).cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        current = self._current()
        if current is not None:
            self.drieluik.open_meeting_prep(current.id)

    def action_new(self) -> None:
        self.drieluik.open_meeting_prep(None)

    def action_chair(self) -> None:
        current = self._current()
        if current is not None:
            chair_after_asking(self, current.id)

    def action_export(self) -> None:
        current = self._current()
        if current is None:
            return
        settings = getattr(self.app, "settings", None)
        folder = settings.export_folder if settings is not None else Path.cwd()
        self.app.push_screen(ExportDialog(current.id, current.meeting_date, folder))

    def action_back(self) -> None:
        self.dismiss()
