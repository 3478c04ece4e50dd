"""The overview after unlocking: next meeting, what is overdue, this year's counts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Header, Static

from drieluik.domain.dates import format_date
from drieluik.i18n import t
from drieluik.screens.base import DrieluikScreen
from drieluik.screens.meeting_dialogs import chair_after_asking
from drieluik.services import dashboard
from drieluik.services.dashboard import DashboardSummary
from drieluik.widgets.footer import BindingsFooter
from drieluik.widgets.literal import literal


class DashboardScreen(DrieluikScreen):
    BINDINGS = [
        Binding("v", "prepare", "bind.prepare", id="dashboard.prepare"),
        Binding("ctrl+o", "chair", "bind.chair", id="dashboard.chair"),
        Binding("c", "app.cases", "bind.cases", id="dashboard.cases"),
        # Not in the footer (it must keep ctrl+q and ctrl+l at 80 columns): the
        # panel's subtitle lists these keys.
        Binding("n", "app.new_case", "bind.new_case", show=False, id="dashboard.new_case"),
        Binding("z", "app.search", "bind.search", show=False, id="dashboard.search"),
        Binding("j", "app.statistics", "bind.statistics", show=False, id="dashboard.statistics"),
        Binding("o", "app.meetings", "bind.meetings", show=False, id="dashboard.meetings"),
        Binding("r", "refresh", "bind.refresh", show=False, id="dashboard.refresh"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.summary: DashboardSummary | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="dashboard"):
            with Horizontal(id="dashboard-top"):
                with Vertical(id="dash-meeting", classes="panel"):
                    yield Static(id="dash-meeting-text")
                with Vertical(id="dash-year", classes="panel"):
                    yield Static(id="dash-year-text")
            with Vertical(id="dash-overdue", classes="panel"):
                yield DataTable(id="dash-overdue-table", cursor_type="row", zebra_stripes=True)
            with Vertical(id="dash-reviews", classes="panel"):
                yield DataTable(id="dash-reviews-table", cursor_type="row", zebra_stripes=True)
        yield BindingsFooter()  # Textual's Footer rebuilds its keys 3× on show

    def on_mount(self) -> None:
        self.title = t("dash.title")
        self.query_one("#dash-meeting").border_title = t("dash.next_meeting")
        self.query_one("#dash-meeting").border_subtitle = t("dash.more_keys")
        overdue = self.query_one("#dash-overdue-table", DataTable)
        overdue.add_column(t("dash.col_code"), key="code")
        overdue.add_column(t("dash.col_due"), key="due")
        overdue.add_column(t("dash.col_owner"), key="owner")
        overdue.add_column(t("dash.col_action"), key="action")
        reviews = self.query_one("#dash-reviews-table", DataTable)
        reviews.add_column(t("dash.col_code"), key="code")
        reviews.add_column(t("dash.col_review"), key="review")
        reviews.add_column(t("dash.col_form"), key="form")
        reviews.add_column(t("dash.col_municipality"), key="municipality")
        self.load()

    def on_screen_resume(self) -> None:
        if self.summary is not None:
            self.load()

    def action_refresh(self) -> None:
        self.load()

    def load(self) -> None:
        if self.drieluik.vault is None:
            return
        self.summary = summary = dashboard.summary(self.vault, self.drieluik.today())
        self._show_meeting(summary)
        self._show_year(summary)
        self._show_overdue(summary)
        self._show_reviews(summary)

    def _show_meeting(self, summary: DashboardSummary) -> None:
        lines: list[str] = []
        meeting = summary.next_meeting
        if meeting is None:
            lines.append(t("dash.no_meeting"))
        else:
            line = t(
                "dash.next_meeting_line",
                date=format_date(meeting.meeting_date),
                items=meeting.item_count,
            )
            lines.append(f"{line} · {meeting.state.label}")
        lines.append("")
        if summary.previous_meeting_date is not None:
            signals = t(
                "dash.new_signals_since",
                count=summary.new_signals,
                date=format_date(summary.previous_meeting_date),
            )
        else:
            signals = t("dash.new_signals_all", count=summary.new_signals)
        lines.append(f"{t('dash.new_signals')}: {signals}")
        lines.append(f"{t('dash.overdue_actions')}: {summary.overdue_count}")
        lines.append(f"{t('dash.reviews_due')}: {summary.reviews_due_count}")
        if summary.destruction_due:
            lines.append(t("dash.destruction_due", count=summary.destruction_due))
        if summary.personal_data_texts:
            lines.append(t("dash.personal_data_texts", count=summary.personal_data_texts))
        self.query_one("#dash-meeting-text", Static).update(literal("\n".join(lines)))

    def _show_year(self, summary: DashboardSummary) -> None:
        panel = self.query_one("#dash-year")
        panel.border_title = t("dash.year_counts", year=summary.year)
        # The short form names keep the panel narrow enough for 80 columns.
        width = max(len(form.value) for form in summary.year_counts)
        lines = [f"{form.value:<{width}} {count:>6}" for form, count in summary.year_counts.items()]
        lines.append(f"{t('dash.total'):<{width}} {summary.year_total:>6}")
        self.query_one("#dash-year-text", Static).update(literal("\n".join(lines)))

    def _show_overdue(self, summary: DashboardSummary) -> None:
        panel = self.query_one("#dash-overdue")
        panel.border_title = f"{t('dash.overdue_actions')} ({summary.overdue_count})"
        table = self.query_one("#dash-overdue-table", DataTable)
        table.clear()
        # Fit the row in the window: code, date and owner fixed, the action the rest.
        room = max(16, self.app.size.width - 58)
        for action in summary.overdue:
            table.add_row(
                literal(action.case_code),
                literal(format_date(action.due_date)),
                literal(action.owner, single_line=True, max_length=24),
                literal(action.description, single_line=True, max_length=room),
                key=str(action.case_id),
            )
        self._more(panel, summary.overdue_count, len(summary.overdue))

    def _show_reviews(self, summary: DashboardSummary) -> None:
        panel = self.query_one("#dash-reviews")
        panel.border_title = f"{t('dash.reviews_due')} ({summary.reviews_due_count})"
        table = self.query_one("#dash-reviews-table", DataTable)
        table.clear()
        for case in summary.reviews_due:
            table.add_row(
                literal(case.code),
                literal(format_date(case.review_date)),
                literal(case.form.value),
                literal(case.municipality),
                key=str(case.id),
            )
        self._more(panel, summary.reviews_due_count, len(summary.reviews_due))

    def _more(self, panel, total: int, shown: int) -> None:
        panel.border_subtitle = t("dash.and_more", count=total - shown) if total > shown else ""

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.drieluik.open_case(int(event.row_key.value))

    def action_prepare(self) -> None:
        meeting = self.summary.next_meeting if self.summary else None
        self.drieluik.open_meeting_prep(meeting.id if meeting else None)

    def action_chair(self) -> None:
        meeting = self.summary.next_meeting if self.summary else None
        if meeting is None:
            self.notify(t("cmd.no_next_meeting"), severity="warning")
            return
        chair_after_asking(self, meeting.id)
