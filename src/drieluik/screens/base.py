"""What every drieluik screen shares.

- Binding descriptions are message keys (`"bind.lock"`), turned into the
  user's language when the screen is made: class attributes are evaluated at
  import, before the settings have chosen the language.
- A screen remembers the arguments it was made with, so that the app can
  rebuild the screen stack after a lock (`DrieluikApp.lock`) without keeping
  any screen — and its data — alive while locked.
- Errors of this screen's workers go to the app's one error display.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState

from drieluik.i18n import catalog, t

if TYPE_CHECKING:
    from drieluik.app import DrieluikApp
    from drieluik.store.vault import Vault


def localise_bindings(node: DOMNode) -> None:
    """Replace binding descriptions that are message keys by their text."""
    messages = catalog()
    for key, bindings in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [
            replace(
                b,
                description=t(b.description) if b.description in messages else b.description,
                tooltip=t(b.tooltip) if b.tooltip in messages else b.tooltip,
            )
            if isinstance(b, Binding)
            else b
            for b in bindings
        ]


class Rebuildable:
    """Remembers the constructor arguments (see `DrieluikApp.lock`).

    A screen that holds a draft the user is typing can override
    `rebuild_arguments()` to hand it to its successor after unlocking.
    """

    # False for dialogs and the unlock screen: they are not rebuilt after a lock.
    RESTORE_AFTER_LOCK = True

    def __new__(cls, *args: Any, **kwargs: Any):
        instance = super().__new__(cls)
        instance._init_arguments = (args, kwargs)
        return instance

    def rebuild_arguments(self) -> tuple[tuple[Any, ...], dict[str, Any]]:
        return self._init_arguments  # type: ignore[attr-defined]


class _Shared:
    @property
    def drieluik(self) -> DrieluikApp:
        return self.app  # type: ignore[attr-defined,return-value]

    @property
    def vault(self) -> Vault:
        """The open vault; screens are torn down before it closes (see lock)."""
        vault = self.app.vault  # type: ignore[attr-defined]
        if vault is None:
            raise RuntimeError("vault is locked")
        return vault

    def action_back(self) -> None:
        """Escape: back to the previous screen (never below the dashboard)."""
        if len(self.app.screen_stack) > 2:  # type: ignore[attr-defined]
            self.app.pop_screen()  # type: ignore[attr-defined]

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
