"""Textual's Footer, rebuilt only when the keys it shows change.

Showing a screen changes its bindings several times in a row (the focus moves,
the screen stack changes, the screen resumes), and Textual's `Footer` rebuilds
all its keys after each change even when they are the same keys: on the cases
screen three times, 24 key widgets each styled three times, for one footer —
about a quarter of that screen's first render (docs/performance.md).
`BindingsFooter` looks the same and skips a rebuild that would show what is
already shown.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual import events
from textual.widgets import Footer

# Below this many columns the keys are drawn without padding, so that the
# keys that matter (and ctrl+q, ctrl+l) still fit at 80 columns.
COMPACT_BELOW = 100


class BindingsFooter(Footer):
    """A `Footer` that recomposes only when the keys to show differ, and packs
    its keys tighter on a narrow terminal."""

    _shown: Hashable = None

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW

    def _keys_to_show(self) -> Hashable:
        """Everything `Footer.compose` draws from (None while it draws nothing)."""
        if not self._bindings_ready:
            return None
        app = self.app
        active = self.screen.active_bindings
        keys = tuple(
            (
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                enabled,
                tooltip,
                binding.tooltip,
                binding.group,
            )
            for (_, binding, enabled, tooltip) in active.values()
            if binding.show
        )
        palette = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            found = active.get(app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _, binding, enabled, tooltip = found
                palette = (binding.key, app.get_key_display(binding), enabled, tooltip)
        return keys, palette

    def compose(self):
        self._shown = self._keys_to_show()
        return super().compose()

    async def recompose(self) -> None:
        if self.is_attached and self._keys_to_show() == self._shown:
            return
        await super().recompose()
