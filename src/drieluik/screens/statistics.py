"""The annual figures as bar charts, a year at a time, with the change against the year before.

Bars are drawn with Unicode block characters rather than a plotting widget:
at 80×24 a plot's axes and margins leave room for five or six bars, while a
labelled bar per line shows all fourteen municipalities and reads like the
table in the annual report. The tabs are the sections of the annual report's
figures page (`services.report_page`, what `drieluik report --format
docx/pdf/md` writes) in its order, under the same counting rules, with the
rules as the page's footnotes under the years; the decisions, which the page
leaves out, are the last tab.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Header, Static, TabbedContent, TabPane

from drieluik.domain.dates import MIN_YEAR
from drieluik.i18n import t
from drieluik.screens.base import DrieluikScreen
from drieluik.services import report, report_page
from drieluik.widgets.footer import BindingsFooter
from drieluik.widgets.literal import visible

EIGHTHS = " ▏▎▍▌▋▊▉"
LABEL_MAX = 28
TABS = ("by_form", "by_municipality", "by_reporter", "by_month", "years", "decisions")


def bar(value: int, peak: int, width: int) -> str:
    """A horizontal bar of `value / peak` × `width` cells, in eighths of a cell."""
    if peak <= 0 or width <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / peak * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[part] if part else "")


class BarChart(Widget):
    """Labelled horizontal bars under a header line: label, bar, this year, last year, change.

    Bars share one scale across both years, so a bar can be compared with the
    previous year's number next to it.
    """

    DEFAULT_CSS = """
    BarChart { height: auto; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[tuple[str, int, int | None]] = []
        self.year = 0

    def set_rows(self, rows: Sequence[tuple[str, int, int | None]], year: int) -> None:
        self.rows = list(rows)
        self.year = year
        self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.rows) + 1 if self.rows else 1

    def render(self) -> Text:
        out = Text(no_wrap=True, overflow="ellipsis")
        if not self.rows:
            return out
        width = self.content_size.width or 76
        labels = [
            visible(label, single_line=True, max_length=LABEL_MAX) for label, _, _ in self.rows
        ]
        label_width = max(len(label) for label in labels)
        with_previous = any(previous is not None for _, _, previous in self.rows)
        numbers = [str(v) for _, v, _ in self.rows] + [str(self.year)]
        if with_previous:
            numbers += [str(p or 0) for _, _, p in self.rows]
        number_width = max(len(n) for n in numbers)
        changes = [report.change_text(v, p or 0) for _, v, p in self.rows]
        change_width = max(len(c) for c in changes) if with_previous else 0
        columns = (2 * (number_width + 1) + change_width + 1) if with_previous else number_width + 1
        room = max(1, width - label_width - 1 - columns)
        peak = max(max(v, p or 0) for _, v, p in self.rows)

        out.append(" " * (label_width + 1 + room))
        out.append(" " + str(self.year).rjust(number_width), style="bold")
        if with_previous:
            out.append(" " + str(self.year - 1).rjust(number_width), style="dim bold")
            out.append(" " + "±".rjust(change_width), style="dim bold")
        for (_, value, previous), label, change in zip(self.rows, labels, changes, strict=True):
            out.append("\n" + label.ljust(label_width) + " ")
            out.append(bar(value, peak, room).ljust(room), style="bold")
            out.append(" " + str(value).rjust(number_width))
            if with_previous:
                out.append(" " + str(previous or 0).rjust(number_width), style="dim")
                style = "green" if change[0] == "+" else "red" if change[0] == "-" else "dim"
                out.append(" " + change.rjust(change_width), style=style)
        return out


class StatisticsScreen(DrieluikScreen):
    """Jaarcijfers: per form, municipality, month, reporter and decision kind."""

    # Screen CSS, not DEFAULT_CSS: it must win over the app-wide `DataTable` rule.
    CSS = """
    StatisticsScreen #stats-heading { padding: 0 1; height: auto; }
    StatisticsScreen TabbedContent { height: 1fr; }
    StatisticsScreen TabPane { padding: 0; }
    """

    BINDINGS = [
        Binding("escape", "close", "stats.binding.close", id="stats.close"),
        Binding(
            "left,minus",
            "year(-1)",
            "stats.binding.previous_year",
            priority=True,
            id="stats.previous_year",
        ),
        Binding(
            "right,plus", "year(1)", "stats.binding.next_year", priority=True, id="stats.next_year"
        ),
        *(
            Binding(str(n), f"tab('{key}')", "stats.binding.tab", show=False, id=f"stats.tab_{key}")
            for n, key in enumerate(TABS, start=1)
        ),
    ]

    def __init__(self, year: int | None = None) -> None:
        super().__init__()
        self.year = year
        self.current: report.AnnualReport | None = None
        self.previous: report.AnnualReport | None = None
        self.page: report_page.FiguresPage | None = None

    def rebuild_arguments(self):
        return (), {"year": self.year}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="stats-heading", markup=False)
        titles = {
            "by_form": t("report.column.form"),
            "by_municipality": t("report.column.municipality"),
            "by_month": t("report.column.month"),
            "by_reporter": t("report.column.reporter"),
            "years": t("stats.tab.years"),
            "decisions": t("report.section.decisions"),
        }
        with TabbedContent(id="stats-tabs"):
            for n, key in enumerate(TABS, start=1):
                with TabPane(f"{n} {titles[key]}", id=f"tab-{key}"), VerticalScroll():
                    yield Static(id=f"title-{key}", markup=False)
                    yield BarChart(id=f"chart-{key}")
                    if key == "years":
                        yield Static(id="stats-rules", markup=False)
        yield BindingsFooter()

    def on_mount(self) -> None:
        self.title = t("stats.title")
        if self.year is None:
            self.year = self._default_year()
        self.load()

    def _default_year(self) -> int:
        """The latest year with signals, up to this year (January: last year's report)."""
        this_year = self._today().year
        for year in (this_year, this_year - 1):
            if report.annual_report(self.vault, year).total:
                return year
        return this_year

    def load(self) -> None:
        if self.drieluik.vault is None or self.year is None:
            return
        self.page = report_page.load_page(self.vault, self.year)
        self.current = report.annual_report(self.vault, self.year)
        self.previous = (
            report.annual_report(self.vault, self.year - 1) if self.year - 1 >= MIN_YEAR else None
        )
        prev = report.comparable(self.previous)
        self.query_one("#stats-heading", Static).update(self._heading(prev))
        for table in self.page.tables:
            rows = [(row.label, row.value, row.previous) for row in table.rows]
            self._show(table.key, table.title, rows)
        # The page's comparison with earlier years, then its footnotes.
        years = [(str(point.year), point.total, None) for point in self.page.years]
        self._show("years", f"{self.page.years_title}\n{self.page.trend}", years)
        notes = Text(t("page.footnotes"), style="bold")
        for n, note in enumerate(self.page.footnotes, start=1):
            notes.append(f"\n{n}. {note}", style="dim")
        self.query_one("#stats-rules", Static).update(notes)
        decisions = next(s for s in report.sections(self.current, prev) if s.key == "decisions")
        self._show("decisions", decisions.title, [(lb, v, p) for _, lb, v, p in decisions.rows])

    def _show(self, key: str, title: str, rows: Sequence[tuple[str, int, int | None]]) -> None:
        if self.year is None:  # nothing counted yet: no year chosen
            return
        self.query_one(f"#title-{key}", Static).update(Text(title, style="bold"))
        self.query_one(f"#chart-{key}", BarChart).set_rows(rows, self.year)

    def _heading(self, prev: report.AnnualReport | None) -> Text:
        assert self.current is not None
        year = self.current.year
        heading = Text()
        heading.append("◀ ", style="dim")
        heading.append(t("stats.year", year=year), style="bold")
        heading.append(" ▶", style="dim")
        if prev is None:
            heading.append("   " + t("stats.no_previous", year=year - 1), style="dim")
        assert self.page is not None
        for label, value in self.page.totals:  # as the page prints them
            heading.append(f"\n{label}: {value}")
        return heading

    def _today(self) -> date:
        # The real app can fix "today" (tests, demos); any other app: the clock.
        today = getattr(self.app, "today", None)
        return today() if callable(today) else date.today()

    # --- actions ---------------------------------------------------------------------

    def action_year(self, delta: int) -> None:
        assert self.year is not None
        target = self.year + delta
        if not MIN_YEAR <= target <= self._today().year:
            self.app.bell()
            return
        self.year = target
        self.load()

    def action_tab(self, key: str) -> None:
        self.query_one(TabbedContent).active = f"tab-{key}"

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
