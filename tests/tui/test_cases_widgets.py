"""The cases screen's light widgets on their own: the footer that rebuilds only on change,
the filter's label."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets._footer import FooterKey

from drieluik.widgets.filter_select import FilterSelect
from drieluik.widgets.footer import BindingsFooter


class _Alpha(Widget, can_focus=True):
    BINDINGS = [Binding("a", "alpha", "Alpha")]


class _Beta(Widget, can_focus=True):
    BINDINGS = [Binding("b", "beta", "Beta")]


class _Screen(Screen):
    BINDINGS = [Binding("z", "zulu", "Zulu")]

    def compose(self) -> ComposeResult:
        yield _Alpha(id="alpha")
        yield _Beta(id="beta")
        yield BindingsFooter()


class _App(App):
    def on_mount(self) -> None:
        self.push_screen(_Screen())


def _shown(footer: BindingsFooter) -> list[str]:
    return [key.description for key in footer.query(FooterKey)]


async def test_footer_rebuilds_only_when_its_keys_change() -> None:
    app = _App()
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        footer = screen.query_one(BindingsFooter)
        screen.query_one("#alpha").focus()
        await pilot.pause()
        assert {"Alpha", "Zulu"} <= set(_shown(footer))
        keys = list(footer.query(FooterKey))

        # Same keys: Textual's Footer would build new key widgets here.
        screen.refresh_bindings()
        await pilot.pause()
        assert list(footer.query(FooterKey)) == keys

        # Other keys: rebuilt.
        screen.query_one("#beta").focus()
        await pilot.pause()
        shown = _shown(footer)
        assert "Beta" in shown and "Alpha" not in shown and "Zulu" in shown


def test_filter_select_names_its_value_even_when_it_is_no_longer_a_choice() -> None:
    years = FilterSelect([("2025", 2025)], prompt="Jaar", value=2019)
    assert years.label_of(None) == "Jaar"
    assert years.label_of(2025) == "2025"
    assert years.label_of(2019) == "2019"  # restored after a lock, say
    places = FilterSelect([], prompt="Gemeente")
    assert places.label_of("Midden-Drenthe") == "Midden-Drenthe"
