"""The command palette (ctrl+p): one provider per area, each offering only what
makes sense on the screen the palette was opened from.

While the app is locked only the app commands (quit, theme) are offered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from drieluik.i18n import t

# The start of a case code: a region's prefix (DL, GR, IJ) and a hyphen.
_CODE_START = re.compile(r"^[A-Z]{2,4}-")

if TYPE_CHECKING:
    from drieluik.app import DrieluikApp


@dataclass(frozen=True)
class Command:
    title: str
    help: str
    run: Callable[[], object]


class AreaProvider(Provider):
    """Discovery lists every command of the area; search fuzzy-matches the titles.

    A screen with `PALETTE_AREAS` (the chairing screen) gets only those areas:
    in front of the partners the palette lists what the chair can do there.
    """

    AREA = ""

    @property
    def offered_here(self) -> bool:
        areas = getattr(self.screen, "PALETTE_AREAS", None)
        return areas is None or self.AREA in areas

    @property
    def drieluik(self) -> DrieluikApp:
        return self.app  # type: ignore[return-value]

    @property
    def unlocked(self) -> bool:
        return getattr(self.app, "vault", None) is not None

    def commands(self) -> Iterator[Command]:
        raise NotImplementedError

    def extra_hits(self, query: str) -> Iterator[Hit]:
        return iter(())

    async def discover(self) -> Hits:
        if not self.offered_here:
            return
        for command in self.commands():
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        if not self.offered_here:
            return
        matcher = self.matcher(query)
        for command in self.commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)
        for hit in self.extra_hits(query):
            yield hit


class AppCommands(AreaProvider):
    AREA = "app"

    def commands(self) -> Iterator[Command]:
        app = self.drieluik
        if self.unlocked:
            yield Command(t("cmd.home"), t("cmd.home_help"), app.action_home)
            yield Command(t("cmd.lock"), t("cmd.lock_help"), app.action_lock)
        yield Command(t("cmd.theme"), t("cmd.theme_help"), app.action_change_theme)
        yield Command(t("cmd.quit"), t("cmd.quit_help"), app.action_quit)


class CaseCommands(AreaProvider):
    AREA = "cases"

    def commands(self) -> Iterator[Command]:
        if not self.unlocked:
            return
        app = self.drieluik
        yield Command(t("cmd.new_case"), t("cmd.new_case_help"), app.action_new_case)
        yield Command(t("cmd.cases"), t("cmd.cases_help"), app.action_cases)
        yield Command(t("cmd.import"), t("cmd.import_help"), app.action_import_cases)
        from drieluik.screens.case_detail import CaseDetailScreen

        screen = self.screen
        if isinstance(screen, CaseDetailScreen):
            yield Command(t("cmd.edit_case"), screen.case_code, screen.action_edit)
            yield Command(t("cmd.agenda_case"), screen.case_code, screen.action_agenda)

    def extra_hits(self, query: str) -> Iterator[Hit]:
        """Typing a case code ("DL-2024-01"; "GR-2024-01" in Groningen: the region's
        prefix) offers to open the matching cases."""
        if not self.unlocked or not _CODE_START.match(query.strip().upper()):
            return
        from drieluik.services.dashboard import codes_starting_with

        for code in codes_starting_with(self.drieluik.vault, query):  # type: ignore[arg-type]
            title = t("cmd.open_case", code=code)
            yield Hit(1.0, title, partial(self.drieluik.open_case, code), text=title)


class MeetingCommands(AreaProvider):
    AREA = "meetings"

    def commands(self) -> Iterator[Command]:
        if not self.unlocked:
            return
        app = self.drieluik
        yield Command(t("cmd.new_meeting"), t("cmd.new_meeting_help"), self._new_meeting)
        yield Command(t("cmd.prepare"), t("cmd.prepare_help"), self._prepare)
        yield Command(t("cmd.chair"), t("cmd.chair_help"), self._chair)
        yield Command(t("cmd.meetings"), t("cmd.meetings_help"), app.action_meetings)

    def _next_meeting_id(self) -> int | None:
        from drieluik.services.meetings import next_meeting

        app = self.drieluik
        if app.vault is None:
            return None
        meeting = next_meeting(app.vault, app.today())
        return meeting.id if meeting else None

    def _new_meeting(self) -> None:
        self.drieluik.open_meeting_prep(None)

    def _prepare(self) -> None:
        self.drieluik.open_meeting_prep(self._next_meeting_id())

    def _chair(self) -> None:
        meeting_id = self._next_meeting_id()
        if meeting_id is None:
            self.app.notify(t("cmd.no_next_meeting"), severity="warning")
            return
        self.drieluik.open_chairing(meeting_id)


class ChairingCommands(AreaProvider):
    """Every chairing action, offered only on the chairing screen.

    Each runs the screen's own action, so it asks the same questions as its
    key does (closing the meeting, undo)."""

    AREA = "chairing"

    def commands(self) -> Iterator[Command]:
        if not self.unlocked:
            return
        from drieluik.screens.chairing import ChairingScreen

        screen = self.screen
        if not isinstance(screen, ChairingScreen):
            return
        live = not screen.finished and screen.item is not None
        if screen.item is not None:
            yield Command(t("cmd.chair.notes"), t("cmd.chair.notes_help"), screen.action_notes)
        if live:
            yield Command(t("cmd.chair.decision"), "F5", screen.action_decision)
            yield Command(t("cmd.chair.action"), "F6", screen.action_action)
            yield Command(t("cmd.chair.done_next"), "F7", screen.action_done_next)
        if screen.item is not None:
            yield Command(t("cmd.chair.previous"), "alt+←", partial(screen.action_step, -1))
            yield Command(t("cmd.chair.next"), "alt+→", partial(screen.action_step, 1))
        if live:
            key = "cmd.chair.clock_run" if screen.clock_paused else "cmd.chair.clock_pause"
            yield Command(t(key), t("cmd.chair.clock_help"), screen.action_toggle_clock)
            yield Command(t("cmd.chair.undo"), "ctrl+z", screen.action_undo)
        yield Command(
            t("cmd.chair.export" if screen.finished else "cmd.chair.export_concept"),
            t("cmd.chair.export_help"),
            screen.action_export,
        )
        if live and screen.item is not None and not screen.item.carried_over:
            yield Command(
                t("cmd.chair.carry_over"), t("cmd.chair.carry_over_help"), screen.action_carry_over
            )
        if not screen.finished:
            yield Command(t("cmd.chair.finish"), "ctrl+g", screen.action_finish)
        else:
            yield Command(t("cmd.chair.reopen"), t("cmd.chair.reopen_help"), screen.action_reopen)


class SearchCommands(AreaProvider):
    AREA = "search"

    def commands(self) -> Iterator[Command]:
        if not self.unlocked:
            return
        app = self.drieluik
        yield Command(t("cmd.search"), t("cmd.search_help"), app.action_search)
        yield Command(t("cmd.statistics"), t("cmd.statistics_help"), app.action_statistics)


PROVIDERS = (AppCommands, ChairingCommands, CaseCommands, MeetingCommands, SearchCommands)
