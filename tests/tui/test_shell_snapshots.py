"""Snapshots of the dashboard, case detail and unlock screens at fixed sizes.

Deterministic: a fixed `today`, every stored moment fixed with `clock_at`,
times shown in UTC. Update with `pytest --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from drieluik.app import make_app
from drieluik.settings import Settings
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.tui.conftest import TODAY, wait_for
from tests.tui.seed_data import ShellData, seed_shell


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def seeded(vault_path: Path, utc) -> Iterator[tuple[Vault, ShellData]]:
    vault = Vault.create(vault_path, PASSPHRASE)
    data = seed_shell(vault, TODAY)
    yield vault, data
    if vault.is_open:
        vault.close()


def _app(vault: Vault):
    return make_app(Settings(), vault.path, vault=vault, today=TODAY)


@pytest.mark.parametrize("size", [(80, 24), (100, 32)], ids=["80x24", "100x32"])
def test_dashboard(snap_compare, seeded, size) -> None:
    vault, _ = seeded

    async def ready(pilot) -> None:
        await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "DashboardScreen")

    assert snap_compare(_app(vault), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", [(80, 24), (100, 32)], ids=["80x24", "100x32"])
def test_case_detail(snap_compare, seeded, size) -> None:
    vault, data = seeded

    async def open_case(pilot) -> None:
        await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "DashboardScreen")
        pilot.app.open_case(data.codes["markup"])
        await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "CaseDetailScreen")

    assert snap_compare(_app(vault), terminal_size=size, run_before=open_case)


def test_unlock(snap_compare, seeded) -> None:
    vault, _ = seeded
    vault.close()
    # Shown on the screen: a relative path reads the same on every platform
    # (an absolute one differs on Windows); the file is missing, so
    # the peek explains that.
    path = Path("drieluik.vault")
    app = make_app(Settings(), path, today=TODAY)

    async def ready(pilot) -> None:
        await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "UnlockScreen")
        pilot.app.screen.query_one("#passphrase").cursor_blink = False

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
