"""The shared dialogs: the safe answer by default, and usable at 80×24
(the body scrolls, the buttons stay in view) — issue 11."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Button, Select

from drieluik.domain.vocabulary import CaseStatus, DecisionKind
from drieluik.screens.meeting_dialogs import (
    ActionDialog,
    ChoiceDialog,
    ConfirmDialog,
    DecisionDialog,
    DialogBody,
    ExportDialog,
    PostponeDialog,
)
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.tui.conftest import TODAY, app_for, wait_for

LONG_QUESTION = (
    "Het overleg afronden? " + "Alle punten die niet besproken zijn schuiven door. " * 30
)


def _dialogs(tmp_path: Path) -> dict[str, object]:
    orgs = ["Veilig Thuis Drenthe", "GGD Drenthe"]
    return {
        "confirm": ConfirmDialog(LONG_QUESTION),
        "decision": DecisionDialog("DL-2026-001", orgs),
        "action": ActionDialog("DL-2026-001", orgs),
        "postpone": PostponeDialog("Navragen bij school", date(2026, 12, 1), date(2026, 12, 15)),
        "choice": ChoiceDialog("Navragen bij school", [("a", "Uitstellen…"), ("b", "Gedaan…")]),
        "export": ExportDialog(1, TODAY, tmp_path),
    }


PRIMARY = {
    "confirm": "#confirm-no",
    "decision": "#dialog-save",
    "action": "#dialog-save",
    "postpone": "#dialog-save",
    "choice": "#choice-cancel",
    "export": "#dialog-save",
}


@pytest.mark.parametrize("name", sorted(PRIMARY))
async def test_every_dialog_keeps_its_buttons_in_view_at_80x24(
    vault_path: Path, tmp_path: Path, name: str
) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    app = app_for(vault_path, vault=vault)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dialog = _dialogs(tmp_path)[name]
        app.push_screen(dialog)
        await wait_for(pilot, lambda: app.screen is dialog)
        if name == "decision":  # the tallest form: referral and review rows shown
            dialog.query_one("#decision-kind", Select).value = DecisionKind.DOORVERWIJZING
            await pilot.pause()
            dialog.query_one("#decision-status", Select).value = CaseStatus.MONITORING
            await pilot.pause()
            assert dialog.query_one("#decision-review-row").display
        await pilot.pause()
        screen_region = dialog.region
        for button in dialog.query(Button):
            if button.display:
                region = button.region
                assert region.area > 0 and screen_region.contains_region(region), button.id
        primary = dialog.query_one(PRIMARY[name], Button).region
        assert primary.area > 0
        for body in dialog.query(DialogBody):
            assert screen_region.contains_region(body.region)
        if name in ("confirm", "decision"):  # these do not fit: their body scrolls
            body = dialog.query_one(DialogBody)
            assert body.max_scroll_y > 0
        if name == "decision":  # Tab to the last field scrolls it into view
            dialog.query_one("#decision-text").focus()
            await pilot.pause()
            field = dialog.focused
            assert field is not None and screen_region.contains_region(field.region)
        await pilot.press("escape")


async def test_a_confirmation_says_no_to_enter_and_stray_letters(vault_path: Path) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    app = app_for(vault_path, vault=vault)
    answers: list[bool | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for keys in (["enter"], ["j", "y", "space", "enter"], ["n"], ["escape"]):
            app.push_screen(ConfirmDialog("Actiepunt laten vervallen?"), answers.append)
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            assert app.screen.focused is app.screen.query_one("#confirm-no")
            await pilot.press(*keys)
            await wait_for(pilot, lambda: not isinstance(app.screen, ConfirmDialog))
        # Yes takes a deliberate move to "Ja": an arrow or Tab, then Enter.
        app.push_screen(ConfirmDialog("Actiepunt laten vervallen?", yes="Vervalt"), answers.append)
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "Vervalt" in str(app.screen.query_one("#confirm-yes", Button).label)
        await pilot.press("left", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, ConfirmDialog))
    assert answers == [False, False, False, False, True]


def test_no_plain_letter_changes_anything_on_my_screens() -> None:
    """Issue 11: what cannot be taken back needs ctrl (and a yes), on every screen
    outside chairing; in the yes/no dialogs no letter says yes."""
    from textual.keys import key_to_character

    from drieluik.screens.case_detail import CaseDetailScreen
    from drieluik.screens.case_form import CaseFormScreen
    from drieluik.screens.cases import CasesScreen
    from drieluik.screens.dashboard import DashboardScreen
    from drieluik.screens.meeting_prep import MeetingPrepScreen
    from drieluik.screens.meetings import MeetingsScreen
    from drieluik.screens.search import SearchScreen
    from drieluik.screens.statistics import StatisticsScreen

    irreversible = {"action_done", "action_cancel", "remove_item", "start", "chair", "save"}
    screens = (
        CaseDetailScreen,
        CaseFormScreen,
        CasesScreen,
        DashboardScreen,
        MeetingPrepScreen,
        MeetingsScreen,
        SearchScreen,
        StatisticsScreen,
    )
    for cls in screens:
        for key, bindings in cls._merged_bindings.key_to_bindings.items():
            char = key_to_character(key)
            if char is None or not char.isprintable():
                continue
            for binding in bindings:
                assert binding.action not in irreversible, (cls.__name__, key, binding.action)
    for cls in (ConfirmDialog, ChoiceDialog):
        for key, bindings in cls._merged_bindings.key_to_bindings.items():
            char = key_to_character(key)
            if char is not None and char.isprintable():
                assert all(b.action == "answer(False)" for b in bindings), (cls.__name__, key)
