"""Find an earlier case: results as you type, Enter opens the case.

The search runs on the UI thread, 150 ms after the last keystroke: at 100,000
cases a query takes at most ~30 ms (docs/performance.md), less than a worker's
hand-over would save. Snippets are user text: shown literally, with the
matched words highlighted by their offsets (`SearchHit.marks`), never parsed.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Static

from drieluik.i18n import t
from drieluik.screens.base import DrieluikScreen
from drieluik.services.search import SearchHit, search
from drieluik.widgets.footer import BindingsFooter
from drieluik.widgets.literal import literal, visible

DEBOUNCE_SECONDS = 0.15
MAX_HITS = 50
HIGHLIGHT = "bold reverse"


def snippet_text(hit: SearchHit) -> Text:
    """The snippet as Text: control characters made visible, matches highlighted."""
    # `visible` maps each character to one character, so the offsets still hold.
    text = Text(visible(hit.snippet))
    for start, end in hit.marks:
        text.stylize(HIGHLIGHT, start, end)
    return text


class SearchScreen(DrieluikScreen):
    """A search field over a table of hits (code, field, snippet)."""

    AUTO_FOCUS = "#search-input"
    # Screen CSS, not DEFAULT_CSS: it must win over the app-wide `DataTable` rule.
    CSS = """
    SearchScreen #search-input { margin: 0 1; }
    SearchScreen #search-status { height: 1; padding: 0 2; color: $text-muted; }
    SearchScreen #search-results { height: 1fr; }
    """

    BINDINGS = [
        Binding("escape", "close", "search.binding.close", id="search.close"),
        Binding("enter", "open", "search.binding.open", id="search.open"),
        Binding("ctrl+f,slash", "focus_input", "search.binding.focus", id="search.focus"),
        Binding("down", "focus_results", "search.binding.results", show=False, id="search.results"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.query_text = query
        self.hits: list[SearchHit] = []
        self._timer: Timer | None = None

    def rebuild_arguments(self):
        # After a lock the same search comes back (the text, not the results).
        return (), {"query": self.query_text}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            value=self.query_text,
            placeholder=t("search.screen.placeholder"),
            id="search-input",
        )
        yield Static(t("search.screen.hint"), id="search-status", markup=False)
        yield DataTable(id="search-results", cursor_type="row", zebra_stripes=True)
        yield BindingsFooter()

    def on_mount(self) -> None:
        self.title = t("search.screen.title")
        table = self.query_one(DataTable)
        table.add_column(t("search.col.code"), key="code")
        table.add_column(t("search.col.field"), key="field")
        table.add_column(t("search.col.snippet"), key="snippet")
        if self.query_text:
            self.run_search()

    # --- searching -------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_text = event.value
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self.run_search)

    def run_search(self) -> None:
        """Search now for what is in the field and show the hits, best first."""
        self._timer = None
        if self.drieluik.vault is None:
            return
        try:
            self.hits = search(self.vault, self.query_text, limit=MAX_HITS)
        except Exception as error:  # never lose the screen over one query
            self.hits = []
            self.app.report_error(error)  # type: ignore[attr-defined]
        self._show()

    def _show(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for index, hit in enumerate(self.hits):
            table.add_row(
                literal(hit.code),
                literal(t(f"search.field.{hit.field}")),
                snippet_text(hit),
                key=str(index),
            )
        if self.hits:
            table.move_cursor(row=0)
        status = self.query_one("#search-status", Static)
        if not self.query_text.strip():
            status.update(t("search.screen.hint"))
        elif not self.hits:
            status.update(t("search.no_hits"))
        else:
            status.update(t("search.count", n=len(self.hits)))

    # --- opening ---------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:  # Enter before the pause: search first
            self._timer.stop()
            self.run_search()
        self.action_open()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        """Open the case of the highlighted hit (the best one from the search field)."""
        if not self.hits:
            self.app.bell()
            return
        table = self.query_one(DataTable)
        row = table.cursor_row if 0 <= table.cursor_row < len(self.hits) else 0
        self.app.open_case(self.hits[row].code)  # type: ignore[attr-defined]

    # --- moving around ---------------------------------------------------------------

    def action_focus_input(self) -> None:
        self.query_one(Input).focus()

    def action_focus_results(self) -> None:
        if self.hits:
            self.query_one(DataTable).focus()

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
