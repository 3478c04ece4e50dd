"""The unlock screen: the only thing a locked app shows.

It shows which file will be opened and when it was last saved (the header's
generation and time, readable without the key), so a user notices an older
copy. The key derivation runs in a thread worker behind a loading indicator;
a wrong passphrase costs one message and another try, nothing else.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, LoadingIndicator, Static
from textual.worker import Worker, WorkerState

from drieluik.domain.dates import format_date_time
from drieluik.errors import DrieluikError, WrongPassphrase
from drieluik.i18n import t
from drieluik.screens.base import DrieluikScreen
from drieluik.services.rollback import check_rollback
from drieluik.services.unlock import unlock
from drieluik.store.vault import Vault, VaultInfo, peek
from drieluik.widgets.literal import literal, shown_path


def _rollback_warning(path: Path) -> str | None:
    try:
        return check_rollback(path)
    except Exception:  # advice only; never stop an unlock
        return None


class UnlockScreen(DrieluikScreen):
    RESTORE_AFTER_LOCK = False
    AUTO_FOCUS = "#passphrase"

    BINDINGS = [
        Binding("ctrl+r", "toggle_recovery", "bind.recovery", id="unlock.recovery"),
    ]

    def __init__(self, vault_path: Path) -> None:
        super().__init__()
        self.vault_path = Path(vault_path)
        self.failed_attempts = 0
        self.use_recovery = False
        self.info: VaultInfo | None = None
        self.problem: DrieluikError | None = None
        try:
            self.info = peek(self.vault_path)
        except DrieluikError as error:
            self.problem = error

    @property
    def has_recovery_key(self) -> bool:
        return self.info is not None and "recovery" in self.info.slots

    def compose(self) -> ComposeResult:
        with Vertical(id="unlock-box"):
            yield Label(t("unlock.title"), id="unlock-title")
            yield Static(
                literal(t("unlock.vault", path=shown_path(self.vault_path))), id="unlock-path"
            )
            if self.info is not None:
                when = format_date_time(self.info.saved_at)
                yield Static(
                    literal(t("unlock.last_saved", when=when, generation=self.info.generation)),
                    id="unlock-saved",
                )
            warning = _rollback_warning(self.vault_path)
            if warning:
                yield Static(literal(warning), id="unlock-rollback", classes="warning")
            yield Label(t("unlock.passphrase"), id="unlock-label")
            yield Input(password=True, id="passphrase", placeholder=t("unlock.passphrase"))
            yield LoadingIndicator(id="unlock-busy")
            yield Static("", id="unlock-message", markup=False)
            hint = t("unlock.hint")
            if self.has_recovery_key:
                hint += " · " + t("unlock.hint_recovery")
            yield Static(hint, id="unlock-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#unlock-busy").display = False
        if self.problem is not None:
            self._show_problem(self.problem.message)
        passphrase, self.drieluik.initial_passphrase = self.drieluik.initial_passphrase, None
        if passphrase and self.problem is None:
            self._start(passphrase)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_recovery":
            return self.has_recovery_key
        return True

    def action_toggle_recovery(self) -> None:
        self.use_recovery = not self.use_recovery
        field = self.query_one("#passphrase", Input)
        field.value = ""
        # A recovery key is read off paper and retyped: show it while typing.
        field.password = not self.use_recovery
        label = "unlock.recovery_key" if self.use_recovery else "unlock.passphrase"
        self.query_one("#unlock-label", Label).update(t(label))
        field.placeholder = t(label)
        self._show_message(t("unlock.using_recovery") if self.use_recovery else "")
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        secret = event.value
        if not secret:
            self._show_problem(t("unlock.empty"))
            return
        self._start(secret)

    def _start(self, secret: str) -> None:
        field = self.query_one("#passphrase", Input)
        field.disabled = True
        self.query_one("#unlock-busy").display = True
        self._show_message(t("unlock.busy"))
        if self.use_recovery:
            self._unlock(None, secret)
        else:
            self._unlock(secret, None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="unlock")
    def _unlock(self, passphrase: str | None, recovery_key: str | None) -> Vault:
        # Through the unlock service: it writes the audit log and the rollback memory.
        return unlock(self.vault_path, passphrase, recovery_key=recovery_key, persist=True)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "unlock":
            super().on_worker_state_changed(event)
            return
        if event.state is WorkerState.SUCCESS:
            vault = event.worker.result
            if not isinstance(vault, Vault):  # unlock() returns one or raises
                return
            if not self.is_attached or self.drieluik.vault is not None:
                vault.close()  # the screen went away meanwhile
                return
            self.drieluik.unlocked(vault)
        elif event.state is WorkerState.ERROR:
            self._failed(event.worker.error)

    def _failed(self, error: BaseException | None) -> None:
        self.query_one("#unlock-busy").display = False
        field = self.query_one("#passphrase", Input)
        field.disabled = False
        field.value = ""
        field.focus()
        if isinstance(error, WrongPassphrase):
            self.failed_attempts += 1
            key = "unlock.wrong_recovery" if self.use_recovery else "unlock.wrong"
            self._show_problem(t(key, count=self.failed_attempts))
        elif isinstance(error, DrieluikError):
            # In use, damaged, unreadable: the message says what to do; ctrl+q quits.
            self._show_problem(error.message)
        else:
            self._show_problem(t("tui.unexpected", kind=type(error).__name__))

    def _show_message(self, text: str) -> None:
        message = self.query_one("#unlock-message", Static)
        message.remove_class("error")
        message.update(literal(text))

    def _show_problem(self, text: str) -> None:
        message = self.query_one("#unlock-message", Static)
        message.add_class("error")
        message.update(literal(text))
