"""All cases, filtered and paged: only one page of rows is ever loaded.

With 100,000 cases a DataTable holding every row is unusable, so the screen
asks the service for one page (`list_cases(offset, limit)`) and the total
(`count_cases`) and pages with PageUp/PageDown at the table's edges or [ and ].
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Header, Static

from drieluik.domain.dates import format_date
from drieluik.domain.region import UNKNOWN
from drieluik.domain.vocabulary import CaseStatus, ExploitationForm
from drieluik.i18n import t
from drieluik.screens.base import DrieluikScreen
from drieluik.services import cases, region
from drieluik.services.dashboard import signal_years
from drieluik.services.types import CaseFilter
from drieluik.widgets.filter_select import FilterSelect
from drieluik.widgets.footer import BindingsFooter
from drieluik.widgets.literal import literal

PAGE_SIZE = 50
SUMMARY_MIN_WIDTH = 20
REPORTER_WIDTH = 20


class PagedTable(DataTable):
    """PageDown on the last row asks for the next page; PageUp on the first, the previous."""

    class TurnPage(Message):
        def __init__(self, delta: int) -> None:
            super().__init__()
            self.delta = delta

    def action_page_down(self) -> None:
        if self.row_count == 0 or self.cursor_row >= self.row_count - 1:
            self.post_message(self.TurnPage(+1))
        else:
            super().action_page_down()

    def action_page_up(self) -> None:
        if self.cursor_row <= 0:
            self.post_message(self.TurnPage(-1))
        else:
            super().action_page_up()


class CasesScreen(DrieluikScreen):
    AUTO_FOCUS = "#cases-table"

    BINDINGS = [
        Binding("escape", "back", "bind.back", id="cases.back"),
        # The page line under the table names these two keys (the footer must
        # keep ctrl+q and ctrl+l at 80 columns).
        Binding(
            "right_square_bracket",
            "turn_page(1)",
            "bind.next_page",
            show=False,
            id="cases.next_page",
        ),
        Binding(
            "left_square_bracket",
            "turn_page(-1)",
            "bind.prev_page",
            show=False,
            id="cases.prev_page",
        ),
        Binding("n", "app.new_case", "bind.new_case", id="cases.new_case"),
        Binding("i", "app.import_cases", "bind.import", id="cases.import"),
        Binding("f", "focus_filters", "bind.filters", id="cases.filters"),
        Binding("x", "clear_filters", "bind.clear_filters", show=False, id="cases.clear_filters"),
    ]

    def __init__(self, filters: CaseFilter | None = None, page: int = 0) -> None:
        super().__init__()
        self.filters = filters or CaseFilter()
        self.page = page
        self.total = 0
        self._just_mounted = False

    def rebuild_arguments(self):
        return (), {"filters": self.filters, "page": self.page}

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))

    def _municipalities(self) -> tuple[str, ...]:
        profile = region.get(self.vault)
        return (*profile.all_names(), profile.outside, UNKNOWN)

    def compose(self) -> ComposeResult:
        yield Header()
        f = self.filters
        # FilterSelect, not Select: four Selects were a third of the first render.
        with Horizontal(id="cases-filters"):
            yield FilterSelect(
                [(str(y), y) for y in signal_years(self.vault, self.drieluik.today())],
                prompt=t("cases.filter_year"),
                value=f.year,
                id="filter-year",
            )
            yield FilterSelect(
                [(s.label, s) for s in CaseStatus],
                prompt=t("cases.filter_status"),
                value=f.status,
                id="filter-status",
            )
            yield FilterSelect(
                [(v.label, v) for v in ExploitationForm],
                prompt=t("cases.filter_form"),
                value=f.form,
                id="filter-form",
            )
            yield FilterSelect(
                # Every name of the vault's region, former ones too (old cases).
                [(name, name) for name in self._municipalities()],
                prompt=t("cases.filter_municipality"),
                value=f.municipality,
                id="filter-municipality",
            )
        yield PagedTable(id="cases-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="cases-page", markup=False)
        yield BindingsFooter()

    def on_mount(self) -> None:
        self.title = t("cases.title")
        table = self.query_one(PagedTable)
        for key in ("code", "date", "municipality", "form", "status", "summary", "reporter"):
            table.add_column(t(f"cases.col_{key}"), key=key)
        self.load()
        self._just_mounted = True

    def on_screen_resume(self) -> None:
        # Back from a case (which may have changed it): reload. The first resume
        # comes right after on_mount, which has just loaded this page.
        if self._just_mounted:
            self._just_mounted = False
        elif self.is_mounted:
            self.load(keep_cursor=True)

    def load(self, *, keep_cursor: bool = False) -> None:
        if self.drieluik.vault is None:
            return
        self.total = cases.count_cases(self.vault, self.filters)
        self.page = min(self.page, self.pages - 1)
        rows = cases.list_cases(
            self.vault, self.filters, offset=self.page * PAGE_SIZE, limit=PAGE_SIZE
        )
        table = self.query_one(PagedTable)
        cursor = table.cursor_row if keep_cursor else 0
        table.clear()
        # The summary gets what the other columns leave of the window: their widest
        # values (code 11, date 10, municipality 14, form 9, status 15, reporter 20),
        # a cell padding of 2 per column and the scrollbar. Below ~115 columns the
        # table scrolls sideways rather than cut the summary to nothing.
        room = max(SUMMARY_MIN_WIDTH, self.app.size.width - 95)
        for case in rows:
            table.add_row(
                literal(case.code),
                literal(format_date(case.signal_date)),
                literal(case.municipality),
                literal(case.form.value),
                literal(case.status.label),
                literal(case.summary, single_line=True, max_length=room),
                literal(case.reporter, single_line=True, max_length=REPORTER_WIDTH),
                key=str(case.id),
            )
        if rows:
            table.move_cursor(row=min(cursor, len(rows) - 1))
        label = t("cases.page", page=self.page + 1, pages=self.pages, count=self.total)
        if self.pages > 1:
            label += " · " + t("cases.page_keys")
        if not rows:
            label += " · " + t("cases.empty")
        self.query_one("#cases-page", Static).update(label)

    def on_filter_select_changed(self, event: FilterSelect.Changed) -> None:
        event.stop()
        value = event.value
        name = (event.filter_select.id or "").removeprefix("filter-")
        current: dict[str, Any] = {
            "year": self.filters.year,
            "status": self.filters.status,
            "form": self.filters.form,
            "municipality": self.filters.municipality,
        }
        if name not in current or current[name] == value:
            return
        current[name] = value
        self.filters = CaseFilter(**current)
        self.page = 0
        self.load()

    def on_paged_table_turn_page(self, event: PagedTable.TurnPage) -> None:
        event.stop()
        self.action_turn_page(event.delta)

    def action_turn_page(self, delta: int) -> None:
        page = min(max(0, self.page + delta), self.pages - 1)
        if page == self.page:
            self.app.bell()
            return
        self.page = page
        self.load()
        table = self.query_one(PagedTable)
        if delta < 0 and table.row_count:
            table.move_cursor(row=table.row_count - 1)

    def action_focus_filters(self) -> None:
        self.query_one("#filter-year", FilterSelect).focus()

    def action_clear_filters(self) -> None:
        for select in self.query(FilterSelect):
            select.clear()
        self.filters = CaseFilter()
        self.page = 0
        self.load()
        self.query_one(PagedTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.drieluik.open_case(int(event.row_key.value))
