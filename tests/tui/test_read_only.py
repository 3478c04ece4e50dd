"""A vault in a folder that cannot hold a lock file opens read-only in the terminal
app too: the header says "alleen lezen", reading works, and every change is refused
with one message — the app keeps running and the file stays byte-identical."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from drieluik.screens.case_detail import CaseDetailScreen
from drieluik.screens.case_form import CaseFormScreen
from drieluik.screens.cases import CasesScreen
from drieluik.screens.meeting_dialogs import ConfirmDialog
from drieluik.screens.meeting_prep import MeetingPrepScreen
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.tui.conftest import TODAY, app_for, unlock, wait_for
from tests.tui.seed_data import ShellData, seed_shell
from tests.vault_testing import mounted_tmpfs

READ_ONLY = "Deze kluis is alleen-lezen geopend"


@pytest.fixture
def read_only_vault(tmp_path: Path) -> Iterator[tuple[Path, ShellData]]:
    """A seeded vault whose folder is then made read-only: chmod for a user; as root
    (who ignores mode bits) a tmpfs remounted read-only, as the fault tests do."""
    if os.name == "nt":
        pytest.skip("a read-only folder attribute does not stop file creation on Windows")

    def seed(folder: Path) -> tuple[Path, ShellData]:
        path = folder / "drieluik.vault"
        vault = Vault.create(path, PASSPHRASE)
        data = seed_shell(vault, TODAY)
        vault.close()
        (folder / "drieluik.vault.lock").unlink(missing_ok=True)
        return path, data

    if os.geteuid() != 0:
        folder = tmp_path / "alleen-lezen"
        folder.mkdir()
        seeded = seed(folder)
        folder.chmod(0o555)
        try:
            yield seeded
        finally:
            folder.chmod(0o755)
        return
    with mounted_tmpfs(tmp_path / "stick", "8m") as folder:
        seeded = seed(folder)
        done = subprocess.run(
            ["mount", "-o", "remount,ro", str(folder)], capture_output=True, text=True
        )
        if done.returncode != 0:
            pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")
        yield seeded


def _messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def _refused(pilot, before: int) -> None:
    """Exactly one new message, and it is the read-only one."""
    app = pilot.app
    await wait_for(pilot, lambda: len(app._notifications) > before)
    await pilot.pause(0.1)
    new = _messages(app)[before:]
    assert len(new) == 1, new
    assert "alleen-lezen" in new[0], new


async def test_read_only_vault_is_named_in_the_header_and_refuses_every_change(
    read_only_vault: tuple[Path, ShellData],
) -> None:
    path, data = read_only_vault
    before_bytes = path.read_bytes()
    app = app_for(path)
    async with app.run_test(size=(100, 32)) as pilot:
        await unlock(pilot)  # the unlock screen opens it (no lock file can be made)
        assert app.vault is not None and app.vault.read_only
        await wait_for(pilot, lambda: type(app.screen).__name__ == "DashboardScreen")
        assert app.sub_title == "alleen lezen"

        # A new case and an import are refused before anything is typed.
        count = len(app._notifications)
        await pilot.press("f3")
        await _refused(pilot, count)
        assert _messages(app)[-1].startswith(READ_ONLY)
        assert type(app.screen).__name__ == "DashboardScreen"
        app.action_cases()
        await wait_for(pilot, lambda: isinstance(app.screen, CasesScreen))
        await pilot.pause(0.1)
        count = len(app._notifications)
        await pilot.press("i")
        await _refused(pilot, count)
        assert isinstance(app.screen, CasesScreen)

        # Reading works: a case opens with its history.
        app.open_case(data.codes["markup"])
        await wait_for(pilot, lambda: isinstance(app.screen, CaseDetailScreen))
        await pilot.pause(0.2)
        count = len(app._notifications)
        await pilot.press("e")
        await _refused(pilot, count)
        assert not isinstance(app.screen, CaseFormScreen)
        # Marking its open action done (asks first): the vault refuses, once, clearly.
        assert app.screen.query_one("#detail-actions-table").has_focus
        count = len(app._notifications)
        await pilot.press("ctrl+d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("right", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseDetailScreen))
        await _refused(pilot, count)

        # Preparing a meeting: adding an organisation is refused, the name kept.
        app.open_meeting_prep(data.next_meeting_id)
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingPrepScreen))
        await pilot.pause(0.2)
        field = app.screen.query_one("#prep-org-other", Input)
        field.value = "Leger des Heils"
        field.focus()
        count = len(app._notifications)
        await pilot.press("enter")
        await _refused(pilot, count)
        assert field.value == "Leger des Heils"

        # Chairing writes as it goes: refused before it begins.
        count = len(app._notifications)
        app.open_chairing(data.next_meeting_id)
        await _refused(pilot, count)
        assert isinstance(app.screen, MeetingPrepScreen)

        # Locking needs no save (nothing could be saved); unlocking opens it read-only again.
        assert not app.dirty
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: app.vault is None)
        await unlock(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingPrepScreen))
        assert app.vault.read_only and app.sub_title == "alleen lezen"
        assert app.return_code is None
    assert path.read_bytes() == before_bytes
    assert not (path.parent / "drieluik.vault.lock").exists()


async def test_the_english_header_says_read_only(
    read_only_vault: tuple[Path, ShellData], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = read_only_vault
    app = app_for(path, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await wait_for(pilot, lambda: type(app.screen).__name__ == "DashboardScreen")
        assert app.sub_title == "read only"
        count = len(app._notifications)
        await pilot.press("f3")
        await wait_for(pilot, lambda: len(app._notifications) > count)
        assert _messages(app)[-1].startswith("This vault was opened read-only")
