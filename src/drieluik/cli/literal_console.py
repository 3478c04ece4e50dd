"""The Rich console every CLI command prints through (via `cli.common.console`)."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from typing import Any

from rich.console import Console
from rich.segment import Segment

from drieluik.domain.text import visible


class LiteralConsole(Console):
    """A Rich console that never lets user text act on the terminal.

    Markup and emoji are off, so `[bold]` is printed as typed; and every text
    segment passes through `visible()`, so an ESC, another control character or
    a right-to-left override in a summary, a reporter's name or an error
    message's parameter is shown as a visible symbol instead of reaching the
    terminal raw. Rich's own control segments (cursor moves of a status line)
    and styles are not text and pass unchanged. Applying it to nested renders
    (table cells) again is harmless: the mapping is idempotent.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, emoji=False, highlight=False, soft_wrap=True, **kwargs)

    def render_str(self, text: str, **kwargs: Any) -> Any:
        # Before Rich's Text drops BEL, BS, VT, FF and CR: shown like any other control.
        return super().render_str(visible(text), **kwargs)

    def render(self, renderable: Any, options: Any = None) -> Iterator[Segment]:
        for segment in super().render(renderable, options):
            if segment.control is None and segment.text:
                shown = visible(segment.text)
                if shown != segment.text:
                    segment = Segment(shown, segment.style)
            yield segment

    def on_broken_pipe(self) -> None:
        # Rich exits 1 here; a reader that stops reading (`| head -2`) is a
        # normal end of the command: exit 0 (README, "Exit codes").
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))
