"""80×24 is a first-class size (issue 11): on every screen the footer keeps the
keys that matter — ctrl+q and ctrl+l always, and the screen's own main key —
all of them fully in view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.tui.conftest import TODAY, app_for, wait_for
from tests.tui.seed_data import seed_shell


def _open(name: str, data) -> Callable:
    def run(app) -> None:
        if name == "dashboard":
            return
        if name == "case":
            app.open_case(data.codes["markup"])
        elif name == "prep":
            app.open_meeting_prep(data.next_meeting_id)
        else:
            getattr(app, f"action_{name}")()

    return run


# screen → the screen's own key that must stay in the footer
SCREENS = {
    "dashboard": "ctrl+o",
    "cases": "f",
    "case": "e",
    "new_case": "ctrl+s",
    "prep": "ctrl+o",
    "meetings": "ctrl+o",
    "search": "escape",
    "statistics": "escape",
    "import_cases": "ctrl+s",
}


@pytest.mark.parametrize("name", list(SCREENS))
async def test_the_footer_keeps_the_keys_that_matter_at_80x24(vault_path: Path, name: str) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    data = seed_shell(vault, TODAY)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: type(app.screen).__name__ == "DashboardScreen")
        start = app.screen
        _open(name, data)(app)
        if name != "dashboard":
            await wait_for(pilot, lambda: app.screen is not start)
        await pilot.pause(0.3)
        keys = {key.key: key for key in app.screen.query(FooterKey)}
        for key in ("ctrl+q", "ctrl+l", SCREENS[name]):
            assert key in keys, (key, sorted(keys))
        for key in keys.values():
            region = key.region
            assert region.area and region.right <= 80, (key.key, region)
