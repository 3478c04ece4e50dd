"""The app shell: bindings, keymap, palette, theme, saving, errors and start-up."""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.command import CommandList, CommandPalette

from drieluik.app import DrieluikApp
from drieluik.domain.vocabulary import ExploitationForm
from drieluik.errors import InvalidInput
from drieluik.i18n import catalog, set_language
from drieluik.screens.case_detail import CaseDetailScreen, PostponeDialog
from drieluik.screens.case_form import CaseFormScreen
from drieluik.screens.cases import CasesScreen
from drieluik.screens.dashboard import DashboardScreen
from drieluik.screens.meeting_prep import MeetingPrepScreen
from drieluik.screens.meetings import MeetingsScreen
from drieluik.screens.search import SearchScreen
from drieluik.screens.statistics import StatisticsScreen
from drieluik.screens.unlock import UnlockScreen
from drieluik.services import cases
from drieluik.services.cases import CaseInput
from drieluik.settings import load_settings
from drieluik.store.vault import Vault, peek
from drieluik.widgets.literal import literal, visible
from tests.conftest import PASSPHRASE
from tests.tui.conftest import SIZE, app_for, unlock, wait_for
from tests.vault_testing import assert_clean_refusal, run_cli

MY_CLASSES = (
    DrieluikApp,
    UnlockScreen,
    DashboardScreen,
    CasesScreen,
    CaseDetailScreen,
    CaseFormScreen,
    PostponeDialog,
)


@pytest.mark.parametrize("cls", MY_CLASSES, ids=lambda c: c.__name__)
def test_every_binding_has_an_id_and_a_catalogued_description(cls) -> None:
    for binding in cls.BINDINGS:
        assert isinstance(binding, Binding)
        if binding.system:
            continue
        assert binding.id, f"{cls.__name__}: {binding.key} has no id"
        assert binding.description in catalog(), f"{binding.id}: {binding.description!r}"


def test_binding_ids_are_unique() -> None:
    ids = [b.id for cls in MY_CLASSES for b in cls.BINDINGS if isinstance(b, Binding) and b.id]
    assert len(ids) == len(set(ids))


def test_no_action_has_only_a_key_terminals_swallow() -> None:
    risky = {"ctrl+s", "ctrl+enter", "ctrl+j"}
    for cls in MY_CLASSES:
        for binding in cls.BINDINGS:
            keys = {k.strip() for k in binding.key.split(",")}
            assert not keys <= risky, f"{cls.__name__}.{binding.action} only on {keys}"


def test_literal_makes_control_characters_visible() -> None:
    assert visible("a\x1b[31mb\x07") == "a␛[31mb␇"
    assert visible("tab\tand\nnewline") == "tab\tand\nnewline"
    assert visible("one\ntwo   three", single_line=True) == "one two three"
    assert visible("x" * 10, max_length=5) == "xxxx…"
    assert visible("\u202eevil") == "\ufffdevil"  # a bidi override cannot reorder the line
    text = literal("[bold]x[/bold]")
    assert text.plain == "[bold]x[/bold]" and not text.spans


def test_keymap_table_in_the_settings(isolated_env) -> None:
    isolated_env.config_dir.mkdir(parents=True)
    (isolated_env.config_dir / "config.toml").write_text(
        'idle_lock_minutes = 2\n[keymap]\n"app.lock" = "ctrl+k"\ndashboard.cases = "f7"\nbad = 3\n',
        encoding="utf-8",
    )
    settings = load_settings()
    assert dict(settings.keymap) == {"app.lock": "ctrl+k", "dashboard.cases": "f7"}
    assert settings.idle_lock_minutes == 2
    assert settings.problems == ("keymap.bad=3",)


async def test_keymap_overrides_a_key_by_binding_id(closed_vault: Path) -> None:
    app = app_for(closed_vault, keymap=(("app.lock", "ctrl+k"), ("dashboard.cases", "f7")))
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("f7")
        await wait_for(pilot, lambda: isinstance(app.screen, CasesScreen))
        await pilot.press("ctrl+k")
        await wait_for(pilot, lambda: app.vault is None)


async def test_footer_in_english(closed_vault: Path, monkeypatch) -> None:
    app = app_for(closed_vault, lang="en")
    try:
        async with app.run_test(size=SIZE) as pilot:
            await unlock(pilot)
            keys = {b.id: b.description for _, b, _, _ in app.screen.active_bindings.values()}
            assert keys["dashboard.new_case"] == "New case"
            assert keys["app.lock"] == "Lock"
            assert app.sub_title == "saved"
    finally:
        set_language(None)
    app = app_for(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        keys = {b.id: b.description for _, b, _, _ in app.screen.active_bindings.values()}
        assert keys["dashboard.new_case"] == "Nieuwe casus"
        assert app.sub_title == "opgeslagen"


async def test_command_palette_offers_the_actions(closed_vault: Path) -> None:
    app = app_for(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        from drieluik.commands import PROVIDERS

        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        locked_titles = set()
        for provider_class in PROVIDERS:
            locked_titles |= {c.title for c in provider_class(app.screen).commands()}
        assert locked_titles == {"Thema…", "Stoppen"}  # nothing about the data while locked

        await unlock(pilot)
        titles = set()
        for provider_class in PROVIDERS:
            titles |= {c.title for c in provider_class(app.screen).commands()}
        assert {
            "Nieuwe casus",
            "Casussen",
            "Nieuw overleg",
            "Overleg voorbereiden",
            "Vergaderen",
            "Zoeken",
            "Jaarcijfers",
            "Vergrendelen",
            "Thema…",
        } <= titles

        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"nieuwe casus")
        # The palette searches in the background: wait until the match is listed.
        await wait_for(pilot, lambda: app.screen.query_one(CommandList).option_count > 0)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseFormScreen))


def test_screenshot_is_not_offered(closed_vault: Path) -> None:
    app = app_for(closed_vault)
    titles = [c.title for c in app.get_system_commands(UnlockScreen(closed_vault))]
    assert "Screenshot" not in titles and "Toetsen" in titles and "Keys" not in titles


async def test_theme_from_the_settings(closed_vault: Path) -> None:
    app = app_for(closed_vault, theme="nord")
    async with app.run_test(size=SIZE):
        assert app.theme == "nord"
    app = app_for(closed_vault, theme="no-such-theme")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert any("no-such-theme" in n.message for n in app._notifications)


def _signal(summary: str = "Signaal") -> CaseInput:
    return CaseInput(
        signal_date=date(2026, 1, 5),
        reporter="KMar",
        municipality="Emmen",
        form=ExploitationForm.ARBEID,
        summary=summary,
    )


async def test_changes_are_saved_in_the_background(closed_vault: Path) -> None:
    app = app_for(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        generation = peek(closed_vault).generation
        cases.create_case(app.vault, _signal())
        assert app.dirty and app.sub_title == "niet opgeslagen"
        await wait_for(pilot, lambda: not app.dirty)
        assert app.sub_title == "opgeslagen"
        assert peek(closed_vault).generation == generation + 1
        # Several quick changes become one save.
        for n in range(3):
            cases.create_case(app.vault, _signal(f"snel {n}"))
        await wait_for(pilot, lambda: not app.dirty)
        assert peek(closed_vault).generation == generation + 2
        # A commit from another thread (an import worker, say) is saved as well.
        worker = threading.Thread(target=cases.create_case, args=(app.vault, _signal("thread")))
        worker.start()
        await wait_for(pilot, lambda: not worker.is_alive())
        await wait_for(pilot, lambda: peek(closed_vault).generation == generation + 3)
        app.exit()
    with Vault.open(closed_vault, PASSPHRASE) as vault:
        assert cases.count_cases(vault) == 5


async def test_failed_save_stays_dirty_and_quit_needs_a_second_press(closed_vault: Path) -> None:
    app = app_for(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        # Someone replaces the file underneath: drieluik refuses to save over it.
        replaced = closed_vault.read_bytes()
        os.replace(closed_vault, closed_vault.with_suffix(".old"))
        closed_vault.write_bytes(replaced)
        cases.create_case(app.vault, _signal())
        await wait_for(pilot, lambda: app._save_failed)
        assert app.dirty
        assert app.sub_title.startswith("NIET OPGESLAGEN")
        assert any("Niet opgeslagen" in n.message for n in app._notifications)
        # Locking would lose the change: the app stays open and says why…
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.vault is not None and not isinstance(app.screen, UnlockScreen)
        # …and the idle lock retries once per idle period, not at every check.
        failures = sum("Niet opgeslagen" in n.message for n in app._notifications)
        app.settings = replace(app.settings, idle_lock_minutes=0.01)  # 0.6 s
        await pilot.pause(1.5)  # checks every 0.25 s: without the reset this would be 4+
        retries = sum("Niet opgeslagen" in n.message for n in app._notifications) - failures
        assert 1 <= retries <= 2
        app.settings = replace(app.settings, idle_lock_minutes=0)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running  # first ctrl+q only warns
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    assert closed_vault.read_bytes() == replaced  # the other file was not overwritten


async def test_unexpected_error_ends_with_one_line_and_saves(closed_vault: Path, capsys) -> None:
    app = app_for(closed_vault)
    with pytest.raises(ZeroDivisionError):
        async with app.run_test(size=SIZE) as pilot:
            await unlock(pilot)
            cases.create_case(app.vault, _signal("net ingevoerd"))
            app.call_later(lambda: 1 / 0)
            await pilot.pause(0.5)
    assert app.return_code == 1
    printed = " ".join(capsys.readouterr().err.split())
    assert printed == (
        "Fout: Onverwachte fout (ZeroDivisionError); drieluik is gestopt. Wat al was "
        "ingevoerd is opgeslagen. Start opnieuw met DRIELUIK_DEBUG=1 voor details."
    )  # no traceback, no local variables holding case text
    with Vault.open(closed_vault, PASSPHRASE) as vault:  # saved, and the lock released
        assert cases.count_cases(vault) == 1


async def test_report_error_shows_the_message_literally(closed_vault: Path) -> None:
    app = app_for(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.report_error(InvalidInput("case.not_found", code="[bold]X"))
        app.report_error(RuntimeError("boom"))
        await pilot.pause()
        messages = [(n.message, n.severity, n.markup) for n in app._notifications]
        assert ("Casus [bold]X bestaat niet.", "error", False) in messages
        assert any(m.startswith("Onverwachte fout (RuntimeError)") for m, _, _ in messages)


def test_start_without_a_vault_is_one_line_and_exit_1(vault_path: Path, tmp_path: Path) -> None:
    assert not vault_path.exists()
    result = run_cli()
    assert_clean_refusal(result, 1)
    assert "Geen kluis gevonden" in result.stderr
    other = tmp_path / "elders.vault"
    result = run_cli("--vault", str(other))
    assert_clean_refusal(result, 1)
    assert str(other) in result.stderr


def test_root_vault_option_is_refused_before_a_command(tmp_path: Path) -> None:
    # `drieluik --vault X check` must not silently check the default vault.
    result = run_cli("--vault", str(tmp_path / "x.vault"), "check")
    assert result.code == 2 and "Traceback" not in result.stderr


async def test_settings_problems_are_shown(closed_vault: Path) -> None:
    app = app_for(closed_vault, problems=("lang='fr'",))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any("lang='fr'" in n.message for n in app._notifications)


@pytest.mark.parametrize(
    ("action", "screen_class"),
    [
        ("search", SearchScreen),
        ("statistics", StatisticsScreen),
        ("meetings", MeetingsScreen),
        ("meeting_prep", MeetingPrepScreen),
    ],
)
async def test_app_actions_open_the_other_screens(closed_vault: Path, action, screen_class) -> None:
    app = app_for(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await app.run_action(action)
        await wait_for(pilot, lambda: isinstance(app.screen, screen_class))
