"""Textual's own English texts are shown in Dutch (issue 11), and the Textual
details `drieluik.textual_compat` relies on are still there.

When a Textual upgrade fails a test here, look at what changed in Textual and
adapt textual_compat.py — never delete the check.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from textual.app import App
from textual.command import CommandInput, CommandList, CommandPalette
from textual.widgets import DataTable, Select

from drieluik import textual_compat
from drieluik.screens.dashboard import DashboardScreen
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.tui.conftest import TODAY, app_for, painted, wait_for
from tests.tui.seed_data import seed_shell

ENGLISH = (
    "Search for commands",
    "Exit the command palette",
    "Dismiss menu",
    "palette",
    "Maximize",
    "Keys",
    "to quit",
)


def test_the_textual_details_we_rely_on_are_unchanged() -> None:
    """Fails loudly when Textual renames what textual_compat replaces."""
    from textual.widgets._select import SelectOverlay  # PRIVATE, used by textual_compat

    # CommandPalette takes a placeholder, and its own default is the English one.
    default = inspect.signature(CommandPalette).parameters["placeholder"].default
    assert default == "Search for commands…"
    assert callable(CommandPalette.is_open)
    # The Select menu's Escape binding (action "dismiss") in the merged class bindings.
    overlay = SelectOverlay._merged_bindings
    assert overlay is not None
    assert "dismiss" in [b.action for b in overlay.key_to_bindings["escape"]]
    assert "Dismiss menu" in SelectOverlay.BINDINGS[0]
    # The command palette's Escape binding and the app's palette binding.
    palette = CommandPalette()
    actions = {
        b.action: b.description for bs in palette._bindings.key_to_bindings.values() for b in bs
    }
    assert actions["escape"] == "Exit the command palette"
    # The system commands: every title Textual yields is translated or dropped.
    source = inspect.getsource(App.get_system_commands)
    for title in ("Keys", "Maximize", "Minimize", "Theme", "Quit", "Screenshot"):
        assert f'"{title}"' in source, title
    titles = set(textual_compat.SYSTEM_COMMANDS) | textual_compat.DROPPED_SYSTEM_COMMANDS
    yielded = {line.strip().strip('",') for line in source.splitlines()}
    for quoted in [line for line in yielded if line in {"Keys", "Maximize", "Minimize"}]:
        assert quoted in titles
    # The ctrl+c hint is Textual's `action_help_quit` (we replace it whole).
    assert "help_quit" in {b.action for b in App.BINDINGS if not isinstance(b, tuple)}


async def test_textual_texts_are_dutch(vault_path: Path) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    seed_shell(vault, TODAY)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.pause(0.3)
        from textual.widgets._footer import FooterKey

        palette_key = app.screen.query_one("FooterKey.-command-palette", FooterKey)
        assert palette_key.description == "menu"  # the footer's ^p key, was "palette"

        # System commands, every one Textual offers on this screen.
        app.screen.query_one(DataTable).focus()
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Toetsen" in titles and "Vergroten" in titles, titles
        assert not set(titles) & {"Keys", "Maximize", "Minimize", "Screenshot"}
        app.screen.maximize(app.screen.query_one(DataTable))
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Normale grootte" in titles, titles
        app.screen.minimize()

        # The command palette: placeholder, Escape text, and no English commands.
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: CommandPalette.is_open(app))
        await pilot.pause(0.3)
        assert app.screen.query_one(CommandInput).placeholder == "Zoek een opdracht…"
        shown = painted(app)
        for english in ENGLISH:
            assert english not in shown, english
        await pilot.press(*"toets")
        await pilot.pause(0.5)
        found = app.screen.query_one(CommandList)
        prompts = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
        assert any("Toetsen" in prompt for prompt in prompts), prompts
        await pilot.press("escape")
        await wait_for(pilot, lambda: not CommandPalette.is_open(app))

        # ctrl+c (copy in text fields) says in Dutch how to stop.
        await pilot.press("ctrl+c")
        await pilot.pause()
        messages = [(n.title, n.message) for n in app._notifications]
        assert ("Wilt u stoppen?", "Stoppen doet u met ^q.") in messages, messages

        # A Select's open menu: its Escape key in the footer is Dutch.
        app.action_new_case()
        await wait_for(pilot, lambda: bool(app.screen.query(Select)))
        select = app.screen.query(Select).first()
        select.focus()
        await pilot.pause()
        select.expanded = True
        await pilot.pause(0.3)
        shown = painted(app)
        assert "Menu sluiten" in shown
        assert "Dismiss menu" not in shown
        await pilot.press("escape")
