"""Unlocking: right and wrong passphrase, what the screen shows, errors that end cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from drieluik.screens.dashboard import DashboardScreen
from drieluik.screens.unlock import UnlockScreen
from drieluik.services import cases
from drieluik.store.vault import Vault, peek
from tests.conftest import PASSPHRASE
from tests.tui.conftest import SIZE, app_for, screen_text, wait_for


async def test_wrong_passphrase_then_right(closed_vault: Path) -> None:
    before = closed_vault.read_bytes()
    app = app_for(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        screen = app.screen
        text = screen_text(app)
        assert str(closed_vault) in text
        assert f"(versie {peek(closed_vault).generation})" in text

        await pilot.press(*"not it", "enter")
        await wait_for(pilot, lambda: screen.failed_attempts == 1)
        message = str(screen.query_one("#unlock-message", Static).render())
        assert "Onjuist wachtwoord (poging 1)" in message
        assert app.vault is None
        field = screen.query_one("#passphrase", Input)
        assert field.value == "" and not field.disabled and field.has_focus
        assert closed_vault.read_bytes() == before  # nothing written

        await pilot.press(*PASSPHRASE, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DashboardScreen))
        assert app.vault is not None and app.vault.is_open
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    # The app closed the vault and released the lock: it opens again.
    Vault.open(closed_vault, PASSPHRASE).close()


async def test_empty_passphrase_is_refused_without_trying(closed_vault: Path) -> None:
    app = app_for(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        await pilot.press("enter")
        await pilot.pause()
        message = str(app.screen.query_one("#unlock-message", Static).render())
        assert "Typ eerst het wachtwoord" in message
        assert app.screen.failed_attempts == 0


async def test_vault_in_use_is_explained_and_the_app_quits_cleanly(closed_vault: Path) -> None:
    holder = Vault.open(closed_vault, PASSPHRASE)  # another "process" holds the lock
    try:
        app = app_for(closed_vault)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
            await pilot.press(*PASSPHRASE, "enter")
            message = app.screen.query_one("#unlock-message", Static)
            await wait_for(pilot, lambda: "al geopend" in str(message.render()))
            assert app.vault is None
            await pilot.press("ctrl+q")
        assert app.return_code == 0
    finally:
        holder.close()


async def test_missing_vault_shows_the_problem(tmp_path: Path) -> None:
    app = app_for(tmp_path / "nowhere.vault")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        assert "Geen kluis gevonden" in screen_text(app)
        await pilot.press("ctrl+q")


async def test_initial_passphrase_unlocks_at_start(closed_vault: Path) -> None:
    from drieluik.app import make_app
    from drieluik.settings import Settings

    app = make_app(Settings(), closed_vault, passphrase=PASSPHRASE)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DashboardScreen))
        assert app.initial_passphrase is None  # used once, then dropped


async def test_recovery_key_unlocks(closed_vault: Path) -> None:
    vault = Vault.open(closed_vault, PASSPHRASE)
    vault.set_recovery_key("ABCD-EFGH-IJKL-MNOP")
    cases.count_cases(vault)
    vault.close()
    app = app_for(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        assert "ctrl+r" in screen_text(app)
        await pilot.press("ctrl+r")
        await pilot.press(*"abcd efgh ijkl mnop", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DashboardScreen))


async def test_the_vault_path_is_shown_relative_to_home(
    closed_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An absolute /home/… path made the screen differ per machine and filled
    the line at 80 columns; under the home folder it reads ~/…"""
    from drieluik.widgets.literal import shown_path

    monkeypatch.setenv("HOME", str(closed_vault.parent.parent))
    expected = f"~/{closed_vault.parent.name}/{closed_vault.name}"
    assert shown_path(closed_vault) == expected
    assert shown_path(Path("/elders/kluis.vault")) == "/elders/kluis.vault"
    app = app_for(closed_vault)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        shown = str(app.screen.query_one("#unlock-path").render())
        assert expected in shown and str(closed_vault) not in shown


@pytest.mark.parametrize(
    ("passphrase", "slot"),
    [("zorg wachtwoord twee", "zorgcoördinator"), (PASSPHRASE, "standaard")],
)
async def test_either_key_holder_unlocks_with_the_passphrase_alone(
    closed_vault: Path, passphrase: str, slot: str
) -> None:
    """Two named slots: the screen asks for the passphrase only and tries both;
    the audit trail names the slot that opened the vault."""
    from drieluik.services import audit, keys

    with Vault.open(closed_vault, PASSPHRASE) as vault:
        keys.add_key(vault, "zorgcoördinator", "zorg wachtwoord twee")
    app = app_for(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        screen = app.screen
        assert len(screen.query(Input)) == 1  # no slot to choose
        await pilot.press(*"geen van beide", "enter")
        await wait_for(pilot, lambda: screen.failed_attempts == 1)
        await pilot.press(*passphrase, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DashboardScreen))
        assert app.vault.slot_name == slot
        last = audit.list_entries(app.vault)[-1]
        assert (last.action, last.key_slot) == ("unlock", slot)
        await pilot.press("ctrl+q")
