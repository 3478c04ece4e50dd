"""The terminal app: one factory (`make_app`) for the CLI and the tests.

The app owns the open vault and everything that touches it as a whole:
saving (from a thread worker, debounced), locking (idle timer and a key),
and showing errors. Screens get their data only through `drieluik.services`
with `self.drieluik.vault`; see `screens/base.py` for what they share.

Screens are imported where the app opens them, not at the top: with the
services they use they take ~0.3 s to import, and the unlock screen should
not wait for that at start-up.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path

from rich.text import Text
from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.timer import Timer

from drieluik import textual_compat
from drieluik.commands import PROVIDERS
from drieluik.errors import DrieluikError, ExitCode, damaged_database
from drieluik.i18n import set_language, t
from drieluik.screens.base import Rebuildable
from drieluik.services import rollback
from drieluik.settings import Settings
from drieluik.store.models import now as models_now
from drieluik.store.vault import Vault
from drieluik.textual_compat import localise_bindings

SAVE_DELAY_SECONDS = 0.3
IDLE_CHECK_SECONDS = 0.25
LOCK_WARNING_SECONDS = 60  # the header counts down this long before the idle lock
# What counts as the user being there (resets the idle lock).
_ACTIVITY = (
    events.Key,
    events.Paste,
    events.MouseDown,
    events.MouseScrollDown,
    events.MouseScrollUp,
)


class DrieluikApp(App):
    CSS_PATH = ["styles/app.tcss", "styles/meetings.tcss"]
    TITLE = "drieluik"
    ENABLE_COMMAND_PALETTE = True
    COMMAND_PALETTE_BINDING = "ctrl+p"
    COMMANDS = App.COMMANDS | set(PROVIDERS)

    BINDINGS = [
        Binding("ctrl+q", "quit", "bind.quit", priority=True, id="app.quit"),
        Binding("ctrl+l", "lock", "bind.lock", priority=True, id="app.lock"),
        Binding("f1", "home", "bind.home", show=False, id="app.home"),
        Binding("f3", "new_case", "bind.new_case", show=False, id="app.new_case"),
        # "/" reaches the app only when no text field has focus (fields type it).
        Binding("slash,ctrl+f,f4", "search", "bind.search", show=False, id="app.search"),
        Binding("ctrl+c", "help_quit", show=False, system=True),
        # Focus moves the moment Tab arrives, not after the field had its turn:
        # keys typed fast arrive together and each goes to the widget focused
        # then, so a bubbling Tab let "Pol⇥31-12" all land in the owner field.
        Binding(
            "tab", "focus_next", "bind.next_field", show=False, priority=True, id="app.focus_next"
        ),
        Binding(
            "shift+tab",
            "focus_previous",
            "bind.previous_field",
            show=False,
            priority=True,
            id="app.focus_previous",
        ),
    ]

    def __init__(
        self,
        settings: Settings,
        vault_path: Path,
        *,
        vault: Vault | None = None,
        today: date | None = None,
        passphrase: str | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        clock: Callable[[], datetime] = models_now,
    ) -> None:
        set_language(settings.lang)
        self._monotonic = monotonic  # the idle clock (tests inject one)
        self._clock = clock
        self.settings = settings
        self.vault_path = Path(vault_path)
        self.vault: Vault | None = None
        self._fixed_today = today
        # Used once, for the first unlock (DRIELUIK_PASSPHRASE / --passphrase-file).
        self.initial_passphrase = passphrase
        self._changes = 0  # commits since start; a save covers the count it saw
        self._saved_changes = 0
        self._save_timer: Timer | None = None
        self._save_failed = False
        self._quit_despite_unsaved = False
        self._last_activity = monotonic()
        self._lock_warning = False
        self._restore: list[tuple[type[Screen], tuple, dict]] = []
        super().__init__()
        localise_bindings(self)
        textual_compat.localise_textual_bindings(self)
        textual_compat.localise_select_menu()
        self._set_theme(settings.theme)
        if settings.keymap:
            self.set_keymap(dict(settings.keymap))
        if vault is not None:
            self._adopt(vault, check=False)

    # --- the contract screens use -------------------------------------------------

    def today(self) -> date:
        return self._fixed_today or date.today()

    def now(self) -> datetime:
        """The moment the screens' clocks read (the chairing item clock); injectable."""
        return self._clock()

    def open_case(self, ref: str | int) -> None:
        from drieluik.screens.case_detail import CaseDetailScreen

        self.push_screen(CaseDetailScreen(ref))

    def open_meeting_prep(self, meeting_id: int | None = None) -> None:
        from drieluik.screens.meeting_prep import MeetingPrepScreen

        self.push_screen(MeetingPrepScreen(meeting_id))

    def open_chairing(self, meeting_id: int) -> None:
        # Chairing writes as it goes (notes, times, decisions): not on a read-only vault.
        if self.refused_read_only():
            return
        from drieluik.screens.chairing import ChairingScreen

        self.push_screen(ChairingScreen(meeting_id))

    def report_error(self, error: BaseException) -> None:
        """The one place errors are shown (screens, workers, saves)."""
        damage = damaged_database(error)
        if isinstance(error, DrieluikError):
            message = error.message
        elif damage is not None:  # found by a query: open does not check (services/integrity)
            message = damage.message
        else:
            self.log.error(repr(error))
            if os.environ.get("DRIELUIK_DEBUG"):
                self.log.error(error)
            message = t("tui.unexpected", kind=type(error).__name__)
        self.notify(message, title=t("error.prefix"), severity="error", timeout=10, markup=False)

    # --- saving -------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._saved_changes < self._changes

    def save_soon(self) -> None:
        """Called after each commit (vault.after_commit): save ~0.3 s after the last one."""
        if threading.get_ident() != self._thread_id:  # Textual's: the app's own thread
            self.call_from_thread(self.save_soon)
            return
        self._changes += 1
        self._update_save_state()
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY_SECONDS, self._start_save)

    def _start_save(self) -> None:
        self._save_timer = None
        if self.vault is not None and self.dirty:
            self._save_in_background(self.vault, self._changes)

    @work(thread=True, exclusive=True, exit_on_error=False, group="save")
    def _save_in_background(self, vault: Vault, changes: int) -> None:
        try:
            vault.save()
        except Exception as error:  # shown, and the app stays "not saved"
            self.call_from_thread(self._save_done, changes, error)
            return
        self.call_from_thread(self._save_done, changes, None)

    def _save_done(self, changes: int, error: BaseException | None) -> None:
        if error is None:
            self._saved_changes = max(self._saved_changes, changes)
            self._save_failed = False
            self._remember_generation()
        else:
            self._save_failed = True
            self.report_error(error)
        self._update_save_state()

    def flush_save(self) -> bool:
        """Save now if anything is unsaved; True when everything is in the file."""
        if self.vault is not None:
            # Text being typed that a screen stores after a pause (chairing notes).
            for screen in self.screen_stack:
                commit_pending = getattr(screen, "commit_pending", None)
                if callable(commit_pending):
                    commit_pending()
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.vault is None or not self.dirty:
            return not self.dirty
        changes = self._changes
        try:
            self.vault.save()  # waits for a save in progress (the vault's save lock)
        except Exception as error:
            self._save_failed = True
            self.report_error(error)
            self._update_save_state()
            return False
        self._saved_changes = changes
        self._save_failed = False
        self._remember_generation()
        self._update_save_state()
        return True

    def _remember_generation(self) -> None:
        if self.vault is not None and self.vault.is_open:
            with contextlib.suppress(Exception):
                rollback.remember(self.vault)

    def _update_save_state(self) -> None:
        self._lock_warning = False
        if self.vault is None:
            self.sub_title = t("tui.locked")
        elif self.vault.read_only:
            self.sub_title = t("tui.read_only_state")
        elif self._save_failed:
            self.sub_title = t("tui.save_failed_state")
        elif self.dirty:
            self.sub_title = t("tui.unsaved")
        else:
            self.sub_title = t("tui.saved")

    # --- opening, locking, quitting ----------------------------------------------

    def _adopt(self, vault: Vault, *, check: bool = True) -> None:
        """Take an opened vault: from now on every commit schedules a save.

        `check`: start the daily integrity check now (False before the app runs:
        a worker needs the event loop, so `on_mount` starts it then)."""
        self.vault = vault
        vault.after_commit = self.save_soon
        self._changes = self._saved_changes = 0
        self._save_failed = False
        self._last_activity = self._monotonic()
        self._update_save_state()
        if check:
            self._check_integrity(vault)

    @work(thread=True, exit_on_error=False, group="integrity")
    def _check_integrity(self, vault: Vault) -> None:
        """SQLite's integrity check, at most once a day (services/integrity.py)."""
        from drieluik.services import integrity

        try:
            found = integrity.run_if_due(vault)
        except Exception as error:  # locked meanwhile: that vault is gone, nothing to say
            if self.vault is vault and vault.is_open:
                self.call_from_thread(self.report_error, error)
            return
        if found:
            self.call_from_thread(self._integrity_failed, vault, found)

    def _integrity_failed(self, vault: Vault, found: list[str]) -> None:
        if self.vault is not vault:
            return
        self.notify(
            t("tui.integrity_failed", path=vault.path, problems="; ".join(found[:3])),
            title=t("error.prefix"),
            severity="error",
            timeout=30,
            markup=False,
        )

    def unlocked(self, vault: Vault) -> None:
        """Called by the unlock screen: show where the user was, or the dashboard."""
        self._adopt(vault)
        restore, self._restore = self._restore, []
        self.pop_screen()  # the unlock screen
        if not restore:
            from drieluik.screens.dashboard import DashboardScreen

            restore = [(DashboardScreen, (), {})]
        for screen_class, args, kwargs in restore:
            try:
                self.push_screen(screen_class(*args, **kwargs))
            except Exception as error:  # a case deleted meanwhile, say
                self.report_error(error)

    def lock(self) -> None:
        """Save, drop the data key and the database, and show only the unlock screen."""
        if self.vault is None:
            return
        if not self.flush_save():
            # Locking would lose the unsaved change: stay open (the error is shown)
            # and try again after the next idle period, not at every check.
            self._last_activity = self._monotonic()
            return
        restore: list[tuple[type[Screen], tuple, dict]] = []
        for screen in self.screen_stack[1:]:
            if isinstance(screen, Rebuildable):
                if not screen.RESTORE_AFTER_LOCK:
                    continue
                args, kwargs = screen.rebuild_arguments()
                restore.append((type(screen), args, kwargs))
            elif hasattr(screen, "rebuild_arguments"):
                args, kwargs = screen.rebuild_arguments()
                restore.append((type(screen), args, kwargs))
        self._restore = restore
        # Take every screen (and the data its widgets show) down before the key goes.
        while len(self.screen_stack) > 1:
            self.pop_screen()
        vault, self.vault = self.vault, None
        vault.after_commit = vault.save
        vault.close()
        self._update_save_state()
        self._show_unlock()

    def _show_unlock(self) -> None:
        from drieluik.screens.unlock import UnlockScreen

        self.push_screen(UnlockScreen(self.vault_path))

    def on_mount(self) -> None:
        self._update_save_state()
        if self.settings.problems:
            problems = "; ".join(self.settings.problems)
            self.notify(
                t("tui.settings_problems", problems=problems), severity="warning", markup=False
            )
        if self.vault is None:
            self._show_unlock()
        else:
            from drieluik.screens.dashboard import DashboardScreen

            self.push_screen(DashboardScreen())
            self._check_integrity(self.vault)  # opened before the app ran (see _adopt)
        self.set_interval(IDLE_CHECK_SECONDS, self._check_idle, name="idle-lock")

    def _idle_seconds(self) -> float:
        """The idle time before the lock; longer while a meeting is being chaired."""
        minutes = self.settings.idle_lock_minutes
        if any(getattr(screen, "chairing_live", False) for screen in self.screen_stack):
            minutes = self.settings.idle_lock_minutes_chairing
        return max(0.0, float(minutes)) * 60

    def _check_idle(self) -> None:
        seconds = self._idle_seconds()
        if not seconds or self.vault is None:
            return
        left = seconds - (self._monotonic() - self._last_activity)
        if left <= 0:
            self.lock()
        elif left <= LOCK_WARNING_SECONDS:
            self.sub_title = t("tui.lock_countdown", seconds=int(left + 0.999))
            self._lock_warning = True
        elif self._lock_warning:
            self._update_save_state()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, _ACTIVITY):
            self._last_activity = self._monotonic()
            if self._lock_warning:
                self._update_save_state()
        await super().on_event(event)

    async def action_quit(self) -> None:
        if not self.flush_save() and not self._quit_despite_unsaved:
            # Second ctrl+q quits anyway; the last saved version stays on disk.
            self._quit_despite_unsaved = True
            self.notify(t("tui.quit_unsaved"), severity="warning", timeout=10)
            return
        self._close_vault()
        self.exit()

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error ends the app with one line, never a traceback.

        Textual's own report shows a traceback with local variables — which
        would print case text to the terminal. Committed work is saved first.
        """
        if os.environ.get("DRIELUIK_DEBUG"):
            super()._handle_exception(error)
            return
        self._return_code = int(ExitCode.INVALID)
        if self._exception is None:  # run_test re-raises it for the tests
            self._exception = error
            self._exception_event.set()
        with contextlib.suppress(Exception):
            self.flush_save()
        with contextlib.suppress(Exception):
            self._close_vault()
        self._exit_renderables.append(
            Text(f"{t('error.prefix')}: {t('tui.crashed', kind=type(error).__name__)}")
        )
        self._close_messages_no_wait()

    def on_unmount(self) -> None:
        """However the app ends (quit, a signal, a test): save what is committed and
        release the vault, so no lock or key outlives the app."""
        with contextlib.suppress(Exception):
            self.flush_save()
        self._close_vault()

    def _close_vault(self) -> None:
        if self.vault is not None:
            self._remember_generation()
            vault, self.vault = self.vault, None
            vault.after_commit = vault.save
            vault.close()

    # --- navigation actions (keys and the command palette) -----------------------

    @property
    def read_only(self) -> bool:
        """The vault was opened read-only (its folder cannot hold the lock file)."""
        return self.vault is not None and self.vault.read_only

    def refused_read_only(self) -> bool:
        """Say once that a read-only vault cannot be changed; True when refused.

        Screens that only lead to a change (a new case, an import) ask first;
        every other change is refused by the vault itself (`VaultReadOnly`,
        shown by `run_service`), with what was typed left in place."""
        if not self.read_only:
            return False
        self.notify(t("tui.read_only_refused"), severity="warning", timeout=10, markup=False)
        return True

    def _needs_vault(self) -> bool:
        if self.vault is None:
            self.bell()
            return False
        return True

    def action_lock(self) -> None:
        self.lock()

    def action_home(self) -> None:
        if not self._needs_vault():
            return
        from drieluik.screens.dashboard import DashboardScreen

        while len(self.screen_stack) > 2:
            self.pop_screen()
        if not isinstance(self.screen, DashboardScreen):
            self.push_screen(DashboardScreen())

    def action_cases(self) -> None:
        if not self._needs_vault():
            return
        from drieluik.screens.cases import CasesScreen

        self.push_screen(CasesScreen())

    def action_new_case(self) -> None:
        if not self._needs_vault() or self.refused_read_only():
            return
        from drieluik.screens.case_form import CaseFormScreen

        self.push_screen(CaseFormScreen())

    def action_import_cases(self) -> None:
        if not self._needs_vault() or self.refused_read_only():
            return
        from drieluik.screens.import_file import ImportScreen

        self.push_screen(ImportScreen())

    def action_search(self) -> None:
        if not self._needs_vault():
            return
        from drieluik.screens.search import SearchScreen

        self.push_screen(SearchScreen())

    def action_statistics(self) -> None:
        if not self._needs_vault():
            return
        from drieluik.screens.statistics import StatisticsScreen

        self.push_screen(StatisticsScreen())

    def action_meetings(self) -> None:
        if not self._needs_vault():
            return
        from drieluik.screens.meetings import MeetingsScreen

        self.push_screen(MeetingsScreen())

    def action_meeting_prep(self) -> None:
        if self._needs_vault():
            self.open_meeting_prep(None)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own commands in the user's language, minus those drieluik
        offers itself and the screenshot (see textual_compat)."""
        yield from textual_compat.system_commands(self, screen)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(textual_compat.command_palette())

    def search_themes(self) -> None:
        self.push_screen(textual_compat.theme_palette())

    def action_help_quit(self) -> None:
        textual_compat.quit_hint(self)

    def _set_theme(self, name: str) -> None:
        if name in self.available_themes:
            self.theme = name
        else:
            self.notify(t("tui.theme_unknown", name=name), severity="warning", markup=False)


def make_app(
    settings: Settings,
    vault_path: Path,
    *,
    vault: Vault | None = None,
    today: date | None = None,
    passphrase: str | None = None,
    monotonic: Callable[[], float] = time.monotonic,
    clock: Callable[[], datetime] = models_now,
) -> DrieluikApp:
    """The one way to build the app (CLI and tests; they inject the clocks)."""
    return DrieluikApp(
        settings,
        vault_path,
        vault=vault,
        today=today,
        passphrase=passphrase,
        monotonic=monotonic,
        clock=clock,
    )
