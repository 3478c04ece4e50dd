"""Snapshots of every screen and dialog outside chairing, at 80×24 and 120×40, in Dutch.

Deterministic: the seed data of `seed_data.seed_shell` (every stored moment
fixed with `clock_at`), a fixed `today`, times in UTC, HOME fixed (paths show
as ~/…), text cursors not blinking. Chairing has its own snapshots
(test_chairing.py). Update with `pytest --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest

from drieluik.app import make_app
from drieluik.settings import Settings
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.tui.conftest import TODAY, wait_for
from tests.tui.seed_data import ShellData, seed_shell

SIZES = [(80, 24), (120, 40)]
SAVED_AT = 1795510800  # 2026-11-24 09:00 UTC
SIZE_IDS = ["80x24", "120x40"]


@pytest.fixture
def fixed_world(vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """UTC, and HOME at the vault's folder: the vault reads ~/drieluik.vault."""
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("HOME", str(vault_path.parent))
    monkeypatch.setenv("DRIELUIK_LANG", "nl")
    time.tzset()
    yield vault_path
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def seeded(fixed_world: Path) -> Iterator[tuple[Vault, ShellData]]:
    vault = Vault.create(fixed_world, PASSPHRASE)
    data = seed_shell(vault, TODAY)
    yield vault, data
    if vault.is_open:
        vault.close()


def _app(vault: Vault):
    folder = vault.path.parent / "verslagen"
    return make_app(Settings(export_dir=str(folder)), vault.path, vault=vault, today=TODAY)


async def _settle(pilot) -> None:
    """Workers done, text cursors still, the footer drawn."""
    await pilot.pause(0.3)
    for field in pilot.app.screen.query("Input, TextArea"):
        field.cursor_blink = False
    await pilot.pause()


async def _dashboard(pilot) -> None:
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "DashboardScreen")


Step = Callable[[object, ShellData], Awaitable[None]]


async def _cases(pilot, data: ShellData) -> None:
    pilot.app.action_cases()
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "CasesScreen")


async def _case(pilot, data: ShellData) -> None:
    pilot.app.open_case(data.codes["markup"])
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "CaseDetailScreen")


async def _new_case(pilot, data: ShellData) -> None:
    pilot.app.action_new_case()
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "CaseFormScreen")


async def _prep(pilot, data: ShellData) -> None:
    pilot.app.open_meeting_prep(data.next_meeting_id)
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "MeetingPrepScreen")


async def _prep_new(pilot, data: ShellData) -> None:
    pilot.app.open_meeting_prep(None)
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "MeetingPrepScreen")


async def _meetings(pilot, data: ShellData) -> None:
    pilot.app.action_meetings()
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "MeetingsScreen")


async def _search(pilot, data: ShellData) -> None:
    pilot.app.action_search()
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "SearchScreen")
    await pilot.press(*"koerier")
    await wait_for(pilot, lambda: bool(getattr(pilot.app.screen, "hits", None)))


async def _statistics(pilot, data: ShellData) -> None:
    pilot.app.action_statistics()
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "StatisticsScreen")


IMPORT_SHEET = (
    "Wanneer binnen;Gemeente;Vorm van uitbuiting;Melder;Omschrijving\n"
    "14-03-2026;Assen;Loverboy;Politie;Signaal over een woning\n"
    "02-04-2026;Emmen;arbeidsuitbuiting;GGD Drenthe;Werkplaats met slaapplekken\n"
    "31-02-2026;Meppel;arbeid;Politie;Bel 06-12345678\n"
)


async def _import(pilot, data: ShellData) -> None:
    """The import screen with a column mapped, an unknown value and a bad row."""
    from textual.widgets import Input

    (pilot.app.vault_path.parent / "signalen.csv").write_text(IMPORT_SHEET, encoding="utf-8")
    pilot.app.action_import_cases()
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "ImportScreen")
    screen = pilot.app.screen
    field = screen.query_one("#import-path", Input)
    field.value = "~/signalen.csv"  # HOME is the vault's folder: the same on every machine
    await pilot.press("enter")
    await wait_for(pilot, lambda: screen.preview is not None and not screen.reading)
    screen.query_one("#import-col-0").value = "datum"
    await pilot.pause(0.1)
    await wait_for(pilot, lambda: screen.preview.result is not None and not screen.reading)
    field.focus()


SCREENS: dict[str, Step] = {
    "cases": _cases,
    "case_detail": _case,
    "case_form": _new_case,
    "prep": _prep,
    "prep_new": _prep_new,
    "meetings": _meetings,
    "search": _search,
    "statistics": _statistics,
    "import": _import,
}


async def _dialog(pilot, screen: Step, keys: tuple[str, ...], dialog: str, data) -> None:
    await screen(pilot, data)
    await pilot.pause(0.2)
    await pilot.press(*keys)
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == dialog)


# name → (screen it opens from, keys, the dialog class)
DIALOGS: dict[str, tuple[Step, tuple[str, ...], str]] = {
    "confirm_remove_item": (_prep, ("ctrl+x",), "ConfirmDialog"),
    "planned_minutes": (_prep, ("m",), "PlannedMinutesDialog"),
    "choice_action": (_case, ("enter",), "ChoiceDialog"),
    "postpone": (_case, ("ctrl+u",), "PostponeDialog"),
    "confirm_agenda": (_case, ("a",), "ConfirmDialog"),
    "export": (_meetings, ("down", "v"), "ExportDialog"),
    "confirm_discard": (_new_case, ("x", "escape"), "ConfirmDialog"),
    "filter_picker": (_cases, ("f", "enter"), "FilterPicker"),
}


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_unlock(snap_compare, seeded, size) -> None:
    vault, _ = seeded
    path = vault.path
    # The header's "last saved" is the wall clock of the last save: fix it.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(time, "time", lambda: SAVED_AT)
        vault.save()
        vault.close()
    app = make_app(Settings(), path, today=TODAY)

    async def ready(pilot) -> None:
        await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "UnlockScreen")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_dashboard(snap_compare, seeded, size) -> None:
    vault, _ = seeded

    async def ready(pilot) -> None:
        await _dashboard(pilot)
        await _settle(pilot)

    assert snap_compare(_app(vault), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen(snap_compare, seeded, name: str, size) -> None:
    vault, data = seeded

    async def ready(pilot) -> None:
        await _dashboard(pilot)
        await SCREENS[name](pilot, data)
        await _settle(pilot)

    assert snap_compare(_app(vault), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("name", list(DIALOGS))
def test_dialog(snap_compare, seeded, name: str, size) -> None:
    vault, data = seeded
    screen, keys, dialog = DIALOGS[name]

    async def ready(pilot) -> None:
        await _dashboard(pilot)
        await _dialog(pilot, screen, keys, dialog, data)
        await _settle(pilot)

    assert snap_compare(_app(vault), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("name", ["decision", "action"])
def test_entry_dialog(snap_compare, seeded, name: str, size) -> None:
    """The decision and action dialogs (opened from chairing; shown here over
    the case screen, with the referral and review rows of a doorverwijzing)."""
    from drieluik.domain.vocabulary import CaseStatus, DecisionKind
    from drieluik.screens.meeting_dialogs import ActionDialog, DecisionDialog

    vault, data = seeded
    orgs = ["Veilig Thuis Drenthe", "GGD Drenthe", "Politie (AVIM)"]

    async def ready(pilot) -> None:
        await _dashboard(pilot)
        await _case(pilot, data)
        code = data.codes["markup"]
        dialog = DecisionDialog(code, orgs) if name == "decision" else ActionDialog(code, orgs)
        pilot.app.push_screen(dialog)
        await wait_for(pilot, lambda: pilot.app.screen is dialog)
        if name == "decision":
            dialog.query_one("#decision-kind").value = DecisionKind.DOORVERWIJZING
            await pilot.pause()
            dialog.query_one("#decision-status").value = CaseStatus.MONITORING
        await _settle(pilot)

    assert snap_compare(_app(vault), terminal_size=size, run_before=ready)


def test_the_snapshots_show_no_absolute_path(seeded) -> None:
    """What a snapshot shows must be the same on every machine."""
    vault, _ = seeded
    del vault
    folder = Path(__file__).parent / "__snapshots__" / "test_screen_snapshots"
    if not folder.is_dir():
        pytest.skip("no snapshots written yet")
    for svg in folder.glob("*.svg"):
        text = svg.read_text(encoding="utf-8").replace("&#160;", " ")
        for marker in ("/tmp/", "/home/", "/root", "pytest-of"):
            assert marker not in text, (svg.name, marker)
