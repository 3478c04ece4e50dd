"""What every drieluik screen shares.

- Binding descriptions are message keys (`"bind.lock"`), turned into the
  user's language when the screen is made: class attributes are evaluated at
  import, before the settings have chosen the language.
- A screen remembers the arguments it was made with, so that the app can
  rebuild the screen stack after a lock (`DrieluikApp.lock`) without keeping
  any screen — and its data — alive while locked.
- Errors of this screen's workers go to the app's one error display.
- `run_service` is the one way a screen calls a service: a `DrieluikError`
  is reported the same way everywhere, a form is disabled while a slow call
  runs in a thread worker and enabled again afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from drieluik.errors import DrieluikError
from drieluik.textual_compat import localise_bindings

if TYPE_CHECKING:
    from drieluik.app import DrieluikApp
    from drieluik.store.vault import Vault


class Rebuildable:
    """Remembers the constructor arguments (see `DrieluikApp.lock`).

    A screen that holds a draft the user is typing can override
    `rebuild_arguments()` to hand it to its successor after unlocking.
    """

    # False for dialogs and the unlock screen: they are not rebuilt after a lock.
    RESTORE_AFTER_LOCK = True

    _init_arguments: tuple[tuple[Any, ...], dict[str, Any]]

    def __new__(cls, *args: Any, **kwargs: Any):
        instance = super().__new__(cls)
        instance._init_arguments = (args, kwargs)
        return instance

    def rebuild_arguments(self) -> tuple[tuple[Any, ...], dict[str, Any]]:
        return self._init_arguments


class _Shared:
    @property
    def drieluik(self) -> DrieluikApp:
        return self.app  # type: ignore[attr-defined]  # a mixin: the Screen has `app`

    @property
    def vault(self) -> Vault:
        """The open vault; screens are torn down before it closes (see lock)."""
        vault = self.drieluik.vault
        if vault is None:
            raise RuntimeError("vault is locked")
        return vault

    def action_back(self) -> None:
        """Escape: back to the previous screen (never below the dashboard)."""
        if len(self.app.screen_stack) > 2:  # type: ignore[attr-defined]
            self.app.pop_screen()  # type: ignore[attr-defined]

    def run_service(
        self,
        call: Callable[..., Any],
        *args: Any,
        on_success: Callable[[Any], object] | None = None,
        on_error: Callable[[DrieluikError], object] | None = None,
        thread: bool = False,
        form: Widget | None = None,
        **kwargs: Any,
    ) -> bool:
        """Run `call(*args, **kwargs)`; `on_success(result)` when it worked.

        A `DrieluikError` goes to `on_error` when given (a dialog shows it in
        its own error line), else to the app's error display; either way the
        caller's state is left as it was. With `thread=True` the call runs in a
        thread worker (slow calls: a long case history, an agenda proposal)
        and the callbacks run on the app's thread afterwards; `form` is
        disabled meanwhile. Returns False when the call failed (always True
        for a thread: the outcome comes later).
        """
        if not thread:
            try:
                result = call(*args, **kwargs)
            except DrieluikError as error:
                self._service_failed(error, on_error)
                return False
            if on_success is not None:
                on_success(result)
            return True
        if form is not None:
            form.disabled = True

        def done(result: Any, error: Exception | None) -> None:
            if form is not None:
                form.disabled = False
            if isinstance(error, DrieluikError):
                self._service_failed(error, on_error)
            elif error is not None:  # a bug: shown without a traceback, the form usable
                self.app.report_error(error)  # type: ignore[attr-defined]
            elif on_success is not None:
                on_success(result)

        def in_thread() -> None:
            try:
                result = call(*args, **kwargs)
            except Exception as error:
                self.app.call_from_thread(done, None, error)  # type: ignore[attr-defined]
                return
            self.app.call_from_thread(done, result, None)  # type: ignore[attr-defined]

        self.run_worker(in_thread, thread=True, exit_on_error=False, group="service")  # type: ignore[attr-defined]
        return True

    def _service_failed(
        self, error: DrieluikError, on_error: Callable[[DrieluikError], object] | None
    ) -> None:
        if on_error is not None:
            on_error(error)
        else:
            self.app.report_error(error)  # type: ignore[attr-defined]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self.app.report_error(event.worker.error)  # type: ignore[attr-defined]


class DrieluikScreen(Rebuildable, _Shared, Screen):
    """Base for full screens."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        localise_bindings(self)


ResultType = TypeVar("ResultType")


class DrieluikModal(Rebuildable, _Shared, ModalScreen[ResultType]):
    """Base for dialogs; they are not rebuilt after a lock."""

    RESTORE_AFTER_LOCK = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        localise_bindings(self)


class SecondSaveConfirms:
    """The one "a second save confirms" rule for every form and dialog (issue 12).

    A save refused by the personal-data policy remembers what was refused;
    saving the same text again is the explicit confirmation the policy
    `bevestigen` asks for (the services get `accept_personal_data=True`).
    Under `weigeren` a second save confirms nothing: anonymise first (F9).
    For an organisation field the confirmation puts the name on the allow-list
    (the services do that: `guard.check_organisation`).
    """

    def __init__(self) -> None:
        self._refused: str | None = None

    def confirms(self, text: str) -> bool:
        return self._refused is not None and self._refused == text

    def refused(self, text: str | None, error: object = None) -> None:
        """Remember `text` as refused (None: nothing is); an error that cannot be
        confirmed (`PersonalDataFound.confirmable` false) is not remembered."""
        self._refused = text if getattr(error, "confirmable", True) else None

    def clear(self) -> None:
        self._refused = None
