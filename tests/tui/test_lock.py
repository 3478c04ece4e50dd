"""Locking: after idle minutes or on ctrl+l the data key and database are dropped,
nothing of the data stays on screen, and unlocking returns to where the user was."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Input, Select, TextArea

from drieluik.domain.vocabulary import ExploitationForm
from drieluik.screens.case_detail import CaseDetailScreen
from drieluik.screens.case_form import CaseFormScreen
from drieluik.screens.cases import CasesScreen
from drieluik.screens.dashboard import DashboardScreen
from drieluik.screens.unlock import UnlockScreen
from drieluik.services import cases
from drieluik.services.cases import CaseInput
from drieluik.services.types import CaseFilter
from drieluik.store.vault import Vault
from drieluik.widgets.filter_select import FilterSelect
from tests.conftest import PASSPHRASE
from tests.tui.conftest import SIZE, app_for, painted, unlock, wait_for

SECRET = "Geheim signaal"


def _one_case(vault_path: Path) -> str:
    vault = Vault.open(vault_path, PASSPHRASE)
    try:
        (code,) = cases.create_cases(
            vault,
            [
                CaseInput(
                    signal_date=date(2026, 9, 1),
                    reporter="Politie",
                    municipality="Meppel",
                    form=ExploitationForm.CRIMINEEL,
                    summary=SECRET,
                )
            ],
        )
    finally:
        vault.close()
    return code


def _assert_locked(app) -> None:
    assert app.vault is None
    assert [type(s) for s in app.screen_stack[1:]] == [UnlockScreen]
    # No screen with data widgets is alive, and nothing shows the summary.
    for screen in app.screen_stack:
        assert not screen.query(DataTable)
    assert SECRET not in painted(app)


async def test_idle_lock_and_unlock_returns_to_the_same_screen(closed_vault: Path) -> None:
    _one_case(closed_vault)
    app = app_for(closed_vault, idle_lock_minutes=0)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CasesScreen))
        app.screen.query_one("#filter-form", FilterSelect).value = ExploitationForm.CRIMINEEL
        await pilot.pause()
        assert SECRET in painted(app)
        # From now on 0.6 s without a key or the mouse locks the app.
        app.settings = replace(app.settings, idle_lock_minutes=0.01)

        await wait_for(pilot, lambda: app.vault is None, timeout=5)
        await pilot.pause(0.1)
        _assert_locked(app)
        # The file lock is released too: the data key is no longer held here.
        Vault.open(closed_vault, PASSPHRASE).close()

        app.settings = replace(app.settings, idle_lock_minutes=0)
        await unlock(pilot)
        assert [type(s) for s in app.screen_stack[1:]] == [DashboardScreen, CasesScreen]
        assert app.screen.filters == CaseFilter(form=ExploitationForm.CRIMINEEL)
        assert app.screen.query_one(DataTable).row_count == 1


async def test_ctrl_l_locks_from_case_detail_and_keeps_unsaved_work(closed_vault: Path) -> None:
    code = _one_case(closed_vault)
    app = app_for(closed_vault, idle_lock_minutes=0)  # 0: never by itself
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        app.open_case(code)
        await wait_for(pilot, lambda: isinstance(app.screen, CaseDetailScreen))
        # A change whose debounced save has not run yet…
        cases.set_status(app.vault, code, cases.CaseStatus.AFGESLOTEN)
        assert app.dirty
        await pilot.press("ctrl+l")
        await pilot.pause()
        _assert_locked(app)
        # …was saved by the lock.
        reopened = Vault.open(closed_vault, PASSPHRASE)
        try:
            assert cases.get_case(reopened, code).status is cases.CaseStatus.AFGESLOTEN
        finally:
            reopened.close()

        await unlock(pilot)
        assert isinstance(app.screen, CaseDetailScreen)
        assert app.screen.case.code == code


async def test_lock_keeps_the_draft_of_the_intake_form(closed_vault: Path) -> None:
    app = app_for(closed_vault, idle_lock_minutes=0)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseFormScreen))
        app.screen.query_one("#form-datum", Input).value = "01-11-2026"
        app.screen.query_one("#form-gemeente", Select).value = "Assen"
        app.screen.query_one("#form-summary", TextArea).load_text("Half getypt")
        await pilot.press("ctrl+l")
        await pilot.pause()
        _assert_locked(app)
        await unlock(pilot)
        form = app.screen
        assert isinstance(form, CaseFormScreen)
        assert form.query_one("#form-datum", Input).value == "01-11-2026"
        assert form.query_one("#form-gemeente", Select).value == "Assen"
        assert form.query_one("#form-summary", TextArea).text == "Half getypt"


async def test_activity_postpones_the_idle_lock(closed_vault: Path) -> None:
    from drieluik.app import make_app
    from drieluik.settings import Settings

    idle = [1000.0]  # the app's idle clock, moved by the test: no timing on a busy machine
    app = make_app(Settings(idle_lock_minutes=1), closed_vault, monotonic=lambda: idle[0])
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        for _ in range(8):  # 6 minutes of typing, never a minute idle
            idle[0] += 45
            await pilot.press("r")
            await pilot.pause(0.3)
            assert app.vault is not None
        idle[0] += 61
        await wait_for(pilot, lambda: app.vault is None, timeout=5)
