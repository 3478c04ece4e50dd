"""A light drop-down for list filters: one widget, its choices built only when opened.

Textual's `Select` composes five widgets and an option list with every choice
when the screen is made; four of them were a third of the cases screen's first
render (docs/performance.md). `FilterSelect` is a single widget that draws its
name (while unset) or its choice, with the same keys as `Select`: Enter, Space
or ↓ open the choices, typing a letter jumps to a choice, Escape closes them;
the first choice, the filter's name, unsets it. The choices open in
`FilterPicker`, a small dialog placed under the filter, made when it opens.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Generic, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drieluik.domain.synonyms import fold
from drieluik.textual_compat import localise_bindings

ValueType = TypeVar("ValueType", bound=Hashable)

ARROW = "▼"
MAX_VISIBLE_CHOICES = 16  # all 14 municipalities and "Gemeente" fit


class FilterPicker(ModalScreen[int | None]):
    """The choices of one filter, placed under it; dismissed with the chosen index or None.

    A plain `ModalScreen` (widgets never import screens): like every dialog it
    is not rebuilt after a lock (`DrieluikApp.lock` drops it).
    """

    BINDINGS = [Binding("escape", "cancel", "bind.cancel", show=False, id="filter.cancel")]

    DEFAULT_CSS = """
    FilterPicker {
        align: left top;
        background: $background 0%;
    }
    FilterPicker > OptionList {
        height: auto;
        border: tall $border;
        background: $surface;
        padding: 0;
        & > .option-list--option {
            padding: 0 1;
        }
    }
    """

    def __init__(self, labels: Sequence[str], highlighted: int, anchor: Region) -> None:
        super().__init__()
        localise_bindings(self)
        self.labels = list(labels)
        self.highlighted = highlighted
        self.below = anchor  # not `anchor`: that is `Widget.anchor()`

    def compose(self) -> ComposeResult:
        # Content is never markup: the labels show exactly as written. The first
        # choice (the filter's name: no filter) is dim, as in `Select`.
        first, *rest = self.labels
        yield OptionList(
            Option(Content.styled(first, "dim")), *(Option(Content(label)) for label in rest)
        )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        screen = self.app.size
        wanted = min(len(self.labels), MAX_VISIBLE_CHOICES) + 2  # + the border
        room_below = screen.height - self.below.bottom
        if wanted <= room_below or room_below >= self.below.y:
            height, y = min(wanted, room_below), self.below.bottom
        else:  # more room above the filter: open upwards
            height = min(wanted, self.below.y)
            y = self.below.y - height
        width = max(self.below.width, max(map(len, self.labels)) + 4)
        options.styles.width = width
        options.styles.max_height = height
        options.styles.offset = (max(0, min(self.below.x, screen.width - width)), y)
        options.highlighted = self.highlighted
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def on_key(self, event: events.Key) -> None:
        """A letter jumps to the next choice that starts with it (again: the one after)."""
        if not (event.character and event.is_printable and not event.character.isspace()):
            return
        event.stop()
        options = self.query_one(OptionList)
        letter = fold(event.character)
        if not letter:
            return
        start = (options.highlighted or 0) + 1
        count = len(self.labels)
        for step in range(count):
            index = (start + step) % count
            if fold(self.labels[index]).startswith(letter):
                options.highlighted = index
                return

    def on_click(self, event: events.Click) -> None:
        if event.widget is self:  # a click beside the list closes it
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class FilterSelect(Widget, Generic[ValueType], can_focus=True):
    """One filter: `value` is the chosen value, or None for "no filter"."""

    BINDINGS = [Binding("enter,space,down", "open", "bind.open", show=False, id="filter.open")]

    DEFAULT_CSS = """
    FilterSelect {
        width: 1fr;
        height: 1;
        padding: 0 1;
        background: $surface;
        color: $foreground 60%;
        pointer: pointer;
        &.-has-value {
            color: $foreground;
        }
        &:focus {
            background: $block-cursor-blurred-background;
            color: $foreground;
            text-style: bold;
        }
    }
    """

    value: reactive[ValueType | None] = reactive(None, init=False, layout=False)

    class Changed(Message):
        """The user (or code) chose another value."""

        def __init__(self, filter_select: FilterSelect, value: Hashable | None) -> None:
            super().__init__()
            self.filter_select = filter_select
            self.value = value

        @property
        def control(self) -> FilterSelect:
            return self.filter_select

    def __init__(
        self,
        options: Sequence[tuple[str, ValueType]],
        *,
        prompt: str,
        value: ValueType | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.options = list(options)
        self.prompt = prompt
        self.set_reactive(type(self).value, value)
        self.set_class(value is not None, "-has-value", update=False)
        localise_bindings(self)

    def label_of(self, value: ValueType | None) -> str:
        if value is None:
            return self.prompt
        for label, option in self.options:
            if option == value:
                return label
        return str(getattr(value, "label", value))  # e.g. a year no case has any more

    def render(self) -> Content:
        label = self.label_of(self.value)
        room = max(1, self.content_size.width - 2)
        if len(label) > room:
            label = label[: room - 1] + "…"
        return Content(label.ljust(room) + " " + ARROW)

    def set_value_quietly(self, value: ValueType | None) -> None:
        """Show `value` without posting `Changed` (the caller made the choice itself)."""
        self.set_reactive(type(self).value, value)
        self.set_class(value is not None, "-has-value")

    def watch_value(self, value: ValueType | None) -> None:
        self.set_class(value is not None, "-has-value")
        self.post_message(self.Changed(self, value))

    def clear(self) -> None:
        self.value = None

    def action_open(self) -> None:
        # The first choice means "no filter" and shows the filter's name, as in `Select`.
        labels = [self.prompt] + [label for label, _ in self.options]
        values = [None] + [value for _, value in self.options]
        current = values.index(self.value) if self.value in values else 0

        def chosen(index: int | None) -> None:
            if index is not None:
                self.value = values[index]
            self.focus()

        self.app.push_screen(FilterPicker(labels, current, self.region), chosen)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.action_open()
