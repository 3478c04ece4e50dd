"""Textual's own English texts, in the user's language, in one place.

Textual has no translation hooks. What it shows in its own words — the command
palette's placeholder and key, its system commands ("Keys", "Maximize"), the
ctrl+c hint, the theme picker, the Select menu's "Dismiss menu" — is replaced
here, through public API where there is one and through a few private details
where there is not (marked PRIVATE). `tests/tui/test_textual_compat.py` checks
every one of them against the installed Textual, so an upgrade that renames or
moves one fails there, loudly, instead of showing English in a Dutch UI.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.dom import DOMNode

from drieluik.i18n import catalog, t

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

# Textual's system command titles → our message key (title and help: key, key + "_help").
SYSTEM_COMMANDS = {
    "Keys": "textual.keys",
    "Maximize": "textual.maximize",
    "Minimize": "textual.minimize",
}
# Offered elsewhere in Dutch (commands.py) or not at all: an SVG screenshot of a
# screen with case data would be plaintext on disk.
DROPPED_SYSTEM_COMMANDS = frozenset({"Theme", "Quit", "Screenshot"})

# Actions of Textual's own bindings whose description shows (footer, key panel).
BINDING_TEXTS = {
    "command_palette": "textual.palette",  # the footer's "^p palette"
    "dismiss": "textual.dismiss_menu",  # a Select's open menu
    "escape": "textual.palette_close",  # in the command palette
}


def system_commands(app: App, screen: Screen) -> Iterable[SystemCommand]:
    """Textual's system commands for `screen`, translated; the dropped ones left out.

    A title Textual adds in a later version is passed through untranslated
    (the test lists it, so it gets a translation or joins the dropped ones).
    """
    from textual.app import App as TextualApp

    for command in TextualApp.get_system_commands(app, screen):
        if command.title in DROPPED_SYSTEM_COMMANDS:
            continue
        key = SYSTEM_COMMANDS.get(command.title)
        if key is None:
            yield command
            continue
        # The help differs when the panel is shown ("Hide the keys…"): keep that sense.
        hiding = command.title == "Keys" and command.help.startswith("Hide")
        help_key = f"{key}_hide_help" if hiding else f"{key}_help"
        yield SystemCommand(t(key), t(help_key), command.callback, command.discover)


def localise_bindings(node: DOMNode) -> None:
    """Replace binding descriptions that are message keys by their text.

    Screens and widgets call this when they are made. PRIVATE:
    `DOMNode._bindings.key_to_bindings`."""
    messages = catalog()
    for key, bindings in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [
            replace(
                b,
                description=t(b.description) if b.description in messages else b.description,
                tooltip=t(b.tooltip) if b.tooltip in messages else b.tooltip,
            )
            if isinstance(b, Binding)
            else b
            for b in bindings
        ]


def localise_textual_bindings(node: DOMNode) -> None:
    """Replace the descriptions of Textual's own bindings on `node` (an app, a
    command palette) by ours. PRIVATE: `DOMNode._bindings.key_to_bindings`."""
    for key, bindings in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [
            replace(b, description=t(BINDING_TEXTS[b.action]), tooltip="")
            if isinstance(b, Binding) and b.action in BINDING_TEXTS and b.description
            else b
            for b in bindings
        ]


def localise_select_menu() -> None:
    """The "Dismiss menu" key of every Select's open menu.

    PRIVATE: `textual.widgets._select.SelectOverlay` and the class's merged
    bindings (instances copy them when made, so this holds for all later ones).
    """
    from textual.widgets._select import SelectOverlay

    merged = SelectOverlay._merged_bindings
    if merged is None:  # pragma: no cover - Textual merges at class creation
        SelectOverlay._merged_bindings = merged = SelectOverlay._merge_bindings()
    for key, bindings in merged.key_to_bindings.items():
        merged.key_to_bindings[key] = [
            replace(b, description=t("textual.dismiss_menu"))
            if isinstance(b, Binding) and b.action == "dismiss"
            else b
            for b in bindings
        ]


def command_palette() -> CommandPalette:
    """The command palette, with our placeholder and Escape text."""
    palette = CommandPalette(id="--command-palette", placeholder=t("textual.palette_search"))
    localise_textual_bindings(palette)
    return palette


def theme_palette() -> CommandPalette:
    """The theme picker (`App.search_themes`), with our placeholder."""
    from textual.theme import ThemeProvider

    palette = CommandPalette(providers=[ThemeProvider], placeholder=t("textual.theme_search"))
    localise_textual_bindings(palette)
    return palette


def quit_hint(app: App) -> None:
    """What ctrl+c says (it copies in text fields, it does not quit): the key that quits."""
    for key, active in app.active_bindings.items():
        if active.binding.action in ("quit", "app.quit"):
            app.notify(
                t("textual.quit_hint", key=app.get_key_display(active.binding) or key),
                title=t("textual.quit_title"),
                markup=False,
            )
            return
