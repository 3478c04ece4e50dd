"""The chairing screen's panes and the messages they post."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Digits, Label, OptionList, Static
from textual.widgets.option_list import Option

from drieluik.i18n import t
from drieluik.services.types import ActionView, AgendaItemView, DecisionView, HistoryEntry
from drieluik.widgets.chairing import text as texts
from drieluik.widgets.pii_guard import GuardedTextArea, GuardFindings

NOTES_SAVE_DELAY = 1.0  # seconds after the last keystroke
HISTORY_SHOWN = 12  # the newest entries; older ones are counted


class NotesCommitted(Message):
    """The notes of an item are due to be stored (a pause in typing, or leaving the field)."""

    def __init__(self, item_id: int, text: str) -> None:
        super().__init__()
        self.item_id = item_id
        self.text = text


class DecisionChosen(Message):
    """Enter on a decision of the current item."""

    def __init__(self, decision_id: int) -> None:
        super().__init__()
        self.decision_id = decision_id


class ActionChosen(Message):
    """Enter on an action: a new one of this item, or an open one of the case."""

    def __init__(self, action_id: int) -> None:
        super().__init__()
        self.action_id = action_id


class ItemClock(Digits):
    """The big item clock; amber at 80 % of the planned time, red past it."""

    def show(self, spent: int, planned: int | None) -> None:
        self.update(texts.clock_text(spent))
        level = texts.time_level(spent, planned)
        self.set_class(level == "warn", "-warn")
        self.set_class(level == "over", "-over")


class _ChoiceList(OptionList):
    """An OptionList whose rows carry ids; a placeholder row (id None) is not chosen."""

    def show_rows(self, rows: Sequence[tuple[str, Text]], empty: str) -> None:
        highlighted = self.highlighted
        self.clear_options()
        for row_id, line in rows:
            self.add_option(Option(line, id=row_id))
        if not rows:
            self.add_option(Option(Text(empty, style="dim"), id=None, disabled=True))
        else:  # a visible cursor from the start; it stays near where it was
            self.highlighted = min(highlighted or 0, len(rows) - 1)

    def chosen_id(self, event: OptionList.OptionSelected) -> int | None:
        event.stop()
        return int(event.option.id) if event.option.id is not None else None


class DecisionList(_ChoiceList):
    def show(self, decisions: Sequence[DecisionView]) -> None:
        rows = [(str(d.id), texts.decision_text(d)) for d in decisions]
        self.show_rows(rows, t("chair.decisions_empty"))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        chosen = self.chosen_id(event)
        if chosen is not None:
            self.post_message(DecisionChosen(chosen))


class ActionList(_ChoiceList):
    def show(self, actions: Sequence[ActionView], today: date, empty: str) -> None:
        rows = [(str(a.id), texts.action_text(a, today)) for a in actions]
        self.show_rows(rows, empty)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        chosen = self.chosen_id(event)
        if chosen is not None:
            self.post_message(ActionChosen(chosen))


class CasePane(VerticalScroll):
    """Left: the case's summary, what came before (history) and its open actions."""

    def compose(self) -> ComposeResult:
        yield Static(id="chair-summary")
        yield Label(t("chair.history"), classes="chair-heading")
        yield Static(id="chair-history")
        yield Label(t("chair.open_actions"), classes="chair-heading")
        yield ActionList(id="chair-open-actions")

    def show(
        self,
        item: AgendaItemView,
        history: Sequence[HistoryEntry],
        open_actions: Sequence[ActionView],
        today: date,
    ) -> None:
        self.query_one("#chair-summary", Static).update(texts.summary_text(item))
        self.query_one("#chair-history", Static).update(texts.history_text(history, HISTORY_SHOWN))
        self.query_one("#chair-open-actions", ActionList).show(
            open_actions, today, t("chair.open_actions_empty")
        )


class NotesPane(Vertical):
    """The notes of the current item, guarded against personal data.

    Posts `NotesCommitted` a second after the last keystroke and when the
    field loses focus; `pending()` gives the unsaved text at once (before a
    lock or quit, which cannot wait for a message).
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.item_id: int | None = None
        self.saved_text = ""
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield GuardedTextArea(id="chair-notes", placeholder=t("chair.notes_placeholder"))
        yield GuardFindings(id="chair-findings")

    @property
    def area(self) -> GuardedTextArea:
        return self.query_one("#chair-notes", GuardedTextArea)

    def load(self, item_id: int | None, text: str) -> None:
        self._stop_timer()
        self.item_id = item_id
        self.saved_text = text
        area = self.area
        area.load_text(text)
        area.rescan()
        area.disabled = item_id is None

    def pending(self) -> str | None:
        """The text not yet stored, or None when there is nothing to store."""
        self._stop_timer()
        if self.item_id is None or not self.is_attached:
            return None
        text = self.area.text
        return None if text == self.saved_text else text

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _commit(self) -> None:
        text = self.pending()
        if text is not None and self.item_id is not None:
            self.post_message(NotesCommitted(self.item_id, text))

    @on(GuardedTextArea.Changed, "#chair-notes")
    def _changed(self) -> None:
        self._stop_timer()
        self._timer = self.set_timer(NOTES_SAVE_DELAY, self._commit)

    @on(GuardedTextArea.FindingsChanged, "#chair-notes")
    def _findings(self, event: GuardedTextArea.FindingsChanged) -> None:
        self.query_one("#chair-findings", GuardFindings).show_findings(event.findings)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget is self.area:
            self._commit()
