"""Fixtures for the terminal-app tests: a real vault in tmp_path, a fixed day,
and helpers to drive the app with Textual's Pilot and wait for workers.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from drieluik.settings import Settings
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE

TODAY = date(2026, 11, 25)
SIZE = (100, 32)


@pytest.fixture
def closed_vault(vault_path: Path) -> Path:
    """A freshly created vault file, closed (the app unlocks it itself)."""
    Vault.create(vault_path, PASSPHRASE).close()
    return vault_path


def app_for(
    vault_path: Path, *, vault: Vault | None = None, today: date = TODAY, **settings: object
):
    from drieluik.app import make_app

    return make_app(Settings(**settings), vault_path, vault=vault, today=today)  # type: ignore[arg-type]


async def wait_for(pilot, condition: Callable[[], object], timeout: float = 10.0) -> None:
    """Let the app run until `condition()` holds (workers run in threads)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await pilot.pause(0.02)
    await pilot.pause()


async def unlock(pilot, passphrase: str = PASSPHRASE) -> None:
    """Type the passphrase on the unlock screen and wait until the vault is open."""
    from drieluik.screens.unlock import UnlockScreen

    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
    await pilot.press(*passphrase, "enter")
    await wait_for(
        pilot, lambda: app.vault is not None and not isinstance(app.screen, UnlockScreen)
    )


def screen_text(app) -> str:
    """Everything the current screen shows, as plain text (for assertions)."""
    from textual.widgets import DataTable, Static

    parts: list[str] = []
    for widget in app.screen.query(Static):
        parts.append(str(widget.render()))
    for table in app.screen.query(DataTable):
        for row in range(table.row_count):
            parts.append(" ".join(str(c) for c in table.get_row_at(row)))
    return "\n".join(parts)


def painted(app) -> str:
    """The text of what is on the terminal now (an SVG screenshot, spaces restored)."""
    return app.export_screenshot().replace("&#160;", " ")
