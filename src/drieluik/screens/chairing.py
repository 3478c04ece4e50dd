"""Chairing the meeting, item by item — often projected on a wall, keyboard first.

Left: the case (summary, history, open actions). Right: the notes (guarded
against personal data), decisions, new actions and the case's status. A clock
per item and one for the meeting.

The screen owns the state (`meeting`, `index`, `clock_paused` are reactive
attributes whose watchers redraw the panes); the panes in `widgets/chairing`
only show and post messages (`NotesCommitted`, `DecisionChosen`,
`ActionChosen`); the text builders are pure functions in
`widgets/chairing/text.py`. Every service call goes through `run_service`.

No plain key changes anything here: letters go to the notes or do nothing.
What cannot be taken back (closing the meeting, an action done or cancelled,
a decision deleted, an undo) asks first, with the safe answer focused.

Everything is saved as it is entered: notes a second after the last keystroke
and whenever the chair leaves the field or the item; decisions and actions at
once. Each service call commits and the app saves the vault in the background
(`vault.after_commit`), so a crash loses at most the field being typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from drieluik.domain.dates import format_date
from drieluik.domain.vocabulary import ActionStatus, EventKind
from drieluik.errors import InvalidInput
from drieluik.i18n import t
from drieluik.screens.base import DrieluikModal, DrieluikScreen, SecondSaveConfirms
from drieluik.screens.meeting_dialogs import (
    SAVE_KEYS,
    ActionDialog,
    ActionInput,
    ConfirmDialog,
    DecisionDialog,
    DecisionInput,
    ExportDialog,
    FormDialog,
    PostponeDialog,
)
from drieluik.services import actions as action_service
from drieluik.services import allowlist, guard, meetings, region
from drieluik.services.guard import PersonalDataFound
from drieluik.services.history import case_history
from drieluik.services.types import ActionView, AgendaItemView, MeetingView
from drieluik.widgets.chairing import (
    ActionChosen,
    ActionList,
    CasePane,
    DecisionChosen,
    DecisionList,
    ItemClock,
    NotesCommitted,
    NotesPane,
)
from drieluik.widgets.chairing import text as texts
from drieluik.widgets.literal import literal

NARROW_WIDTH = 100  # below this the case pane gets narrower
# Keys the footer leaves out below NARROW_WIDTH (they still work).
NARROW_HIDDEN = frozenset({"chairing.previous", "chairing.next", "chairing.back", "app.quit"})
_SHOWN_ON_THE_RIGHT = {EventKind.BESLUIT, EventKind.ACTIE_AANGEMAAKT, EventKind.BESPROKEN}

clock_text = texts.clock_text  # kept importable from here (tests, other screens)


@dataclass(frozen=True)
class Change:
    """One change made while chairing that `ctrl+z` can take back."""

    label: str
    undo: Callable[[], object]
    index: int | None = None  # the agenda item it was made on: undoing goes back there


class SafeConfirm(ConfirmDialog, inherit_bindings=False):
    """A confirmation for what cannot be taken back: No is focused, no letter says yes.

    (`ConfirmDialog` answers yes to `j`: one stray letter after the question.)
    """

    BINDINGS = [
        Binding("tab", "app.focus_next", show=False),
        Binding("shift+tab", "app.focus_previous", show=False),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
        Binding("n,escape", "answer(False)", "mtg.no", id="confirm.no"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Label(literal(self.question), id="confirm-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("mtg.yes"), id="confirm-yes", variant="primary", compact=True)
                yield Button(t("mtg.no") + " (N)", id="confirm-no", compact=True)

    def on_mount(self) -> None:
        # After ConfirmDialog's own on_mount (Textual runs both), which focuses Yes.
        self.call_after_refresh(self.query_one("#confirm-no").focus)


class ActionMenu(DrieluikModal):
    """What to do with an action: edit, postpone, done, cancel — or nothing.

    An OptionList, so a letter does nothing; the cursor starts on the harmless
    first choice, and done and cancel ask once more (`SafeConfirm`).
    """

    BINDINGS = [Binding("escape", "choose_nothing", "bind.cancel", id="action_menu.cancel")]

    CHOICES = ("edit", "postpone", "done", "cancel", "back")

    def __init__(self, action: ActionView, choices: tuple[str, ...] = CHOICES) -> None:
        super().__init__(classes="dialog")
        self.action_view = action
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="action-menu-box", classes="dialog-box"):
            yield Static(literal(self.action_view.description), classes="dialog-title")
            yield OptionList(
                *[Option(t(f"chair.menu.{choice}"), id=choice) for choice in self.choices],
                id="action-menu",
            )

    def on_mount(self) -> None:
        self.query_one("#action-menu", OptionList).focus()

    @on(OptionList.OptionSelected, "#action-menu")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(None if event.option.id == "back" else event.option.id)

    def action_choose_nothing(self) -> None:
        self.dismiss(None)


class ReasonDialog(FormDialog):
    """One line of reason (doorschuiven, reopening a meeting); dismisses with the text."""

    def __init__(self, title: str, label: str, draft: dict[str, Any] | None = None) -> None:
        super().__init__(classes="dialog", draft=draft)
        self.title_text = title
        self.label_text = label

    def compose(self) -> ComposeResult:
        with Vertical(id="reason-box", classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label(self.label_text, classes="field-label")
            yield Input(compact=True, id="reason-text")
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#reason-text", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        reason = " ".join(self.query_one("#reason-text", Input).value.split())
        if not reason:
            self.error(t("dlg.required", field=self.label_text))
            return
        self.finish(reason)


class ChairingScreen(DrieluikScreen):
    """One meeting, one agenda item at a time."""

    # Only modifier and function keys: a letter typed outside the notes does
    # nothing. Priority keys, so that in the notes F6/F7 and ctrl+z are the
    # chair's, not the text area's (select line, select all, text undo).
    BINDINGS = [
        # In the footer's order: what the chair does most, then what asks first.
        Binding(
            "f5,ctrl+t", "decision", "chair.bind.decision", priority=True, id="chairing.decision"
        ),
        Binding("f6", "action", "chair.bind.action", priority=True, id="chairing.action"),
        Binding(
            "f7,ctrl+n", "done_next", "chair.bind.done_next", priority=True, id="chairing.done_next"
        ),
        Binding("ctrl+z", "undo", "chair.bind.undo", priority=True, id="chairing.undo"),
        Binding("ctrl+g", "finish", "chair.bind.finish", priority=True, id="chairing.finish"),
        Binding(
            "alt+left",
            "step(-1)",
            "chair.bind.previous",
            key_display="alt+←",
            priority=True,
            id="chairing.previous",
        ),
        Binding(
            "alt+right",
            "step(1)",
            "chair.bind.next",
            key_display="alt+→",
            priority=True,
            id="chairing.next",
        ),
        # The one save key confirms the notes as typed; F8/F9/F10 stay the
        # guard's (redact this, redact all, not personal) as in every form.
        Binding(
            SAVE_KEYS,
            "confirm_notes",
            "chair.bind.confirm_notes",
            show=False,
            priority=True,
            id="chairing.confirm_notes",
        ),
        Binding("escape", "back", "bind.back", id="chairing.back"),
        # The app's quick search on "/" is a stray key here: it would leave the meeting.
        Binding("slash", "nothing", "chair.bind.stray", show=False, id="chairing.no_slash"),
    ]

    # The command palette here: the chairing commands and the app's (lock, quit).
    PALETTE_AREAS = ("chairing", "app")

    meeting: var[MeetingView | None] = var(None, init=False, always_update=True)
    index: var[int] = var(0, init=False)
    clock_paused: var[bool] = var(False, init=False)

    def __init__(
        self,
        meeting_id: int,
        *,
        index: int | None = None,
        open_dialog: tuple[str, dict[str, Any]] | None = None,
        changes: tuple[Change, ...] = (),
        typed_notes: dict[int, tuple[str, str]] | None = None,
        notes_confirmed: dict[int, set[str]] | None = None,
    ) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        # After a lock: the item the chair was on, a decision or action dialog
        # that was open with what was typed in it, and what ctrl+z can undo
        # (memory only).
        self._resume_index = index
        self._open_dialog = open_dialog
        self.changes: list[Change] = list(changes)
        # Seconds per item id: stored time plus time spent on earlier visits.
        self.spent: dict[int, int] = {}
        # The moment the current item's clock last started (None: not running).
        self._running_since: datetime | None = None
        # An owner or referral refused once; saving it again allows it.
        self._refused_organisation: str | None = None
        # A decision or action text refused by the personal-data policy: the
        # same text saved again is the confirmation (screens.base).
        self._text_confirm = SecondSaveConfirms()
        # Notes: the found texts the chair confirmed with the save key, per item,
        # and, where the stored copy holds placeholders, (stored, as typed): the
        # chair sees what was typed after a lock or on coming back to the item
        # (memory only, like the dialog drafts).
        self._notes_confirmed: dict[int, set[str]] = dict(notes_confirmed or {})
        self._typed_notes: dict[int, tuple[str, str]] = dict(typed_notes or {})
        self._notes_warned: set[int] = set()
        self._open_actions: list[ActionView] = []

    # --- layout ----------------------------------------------------------------------

    @property
    def meeting_title(self) -> str:
        """ "Het Drieluik": the vault's region names its meeting."""
        if not hasattr(self, "_meeting_title"):
            self._meeting_title = region.get(self.vault).meeting_title
        return self._meeting_title

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="chair-top"):
            with Vertical(id="chair-head"):
                yield Static(id="chair-code")
                yield Static(id="chair-meta")
                yield Static(id="chair-meeting-clock")
            yield ItemClock("00:00", id="chair-item-clock")
        with Horizontal(id="chair-body"):
            yield CasePane(id="chair-left", classes="panel")
            with Vertical(id="chair-right"):
                yield NotesPane(id="chair-notes-panel", classes="panel")
                with Vertical(id="chair-decisions-panel", classes="panel"):
                    yield DecisionList(id="chair-decisions")
                with Vertical(id="chair-actions-panel", classes="panel"):
                    yield ActionList(id="chair-actions")
                yield Static(id="chair-status")
        yield Footer()

    @property
    def _panes_ready(self) -> bool:
        """Composed (so the clocks can be drawn) — already during on_mount, when
        `is_mounted` is still False: the first draw must not wait for the timer."""
        return bool(self.children) and not (self._closing or self._closed)

    def on_mount(self) -> None:
        self.query_one("#chair-notes-panel").border_title = t("chair.notes")
        self.query_one("#chair-decisions-panel").border_title = t("chair.decisions")
        self.query_one("#chair-actions-panel").border_title = t("chair.actions")
        meeting = meetings.get_meeting(self.vault, self.meeting_id)
        self.spent = {item.id: item.seconds_spent for item in meeting.items}
        # Resume where the chair was (after a lock), else at the first item not yet discussed.
        first_open = next((i for i, item in enumerate(meeting.items) if not item.discussed), 0)
        self.set_reactive(
            ChairingScreen.index, first_open if self._resume_index is None else self._resume_index
        )
        self.meeting = meeting
        self._apply_width(self.size.width)
        self.show_item()
        self.set_interval(1.0, self._tick, name="chairing-clock")
        self.query_one("#chair-notes").focus()
        if not meeting.finished and meeting.items and meeting.started_at is None:
            self._start_meeting()
        if self._open_dialog is not None:
            kind, draft = self._open_dialog
            self._open_dialog = None
            self.call_after_refresh(self._resume_dialog, kind, draft)

    def _push_dialog(self, dialog: FormDialog, kind: str, callback: Callable[[Any], None]) -> None:
        """Show an entry dialog that a lock gives back as it was (`rebuild_arguments`)."""
        dialog.resume_as = kind  # type: ignore[attr-defined]
        self.app.push_screen(dialog, callback)

    def _resume_dialog(self, kind: str, draft: dict[str, Any]) -> None:
        """After unlocking: the entry dialog that was open, with what was typed and chosen."""
        name, _, ref = kind.partition(":")
        if name == "decision":
            self.action_decision(draft)
        elif name == "action":
            self.action_action(draft)
        elif name == "carry_over":
            self.action_carry_over(draft)
        elif name == "reopen":
            self.action_reopen(draft)
        elif name in ("edit", "postpone") and (action := self._find_action(int(ref))):
            if name == "edit":
                self._edit_action(action, draft)
            else:
                self._postpone_action(action, draft)

    @property
    def active_bindings(self):
        """The screen's keys first, in BINDINGS order (the footer shows them so).

        Textual orders them by where a key was first seen, and the notes area
        binds F6, F7 and ctrl+z itself: the footer would start with those.
        """
        bindings = super().active_bindings
        order: dict[str, int] = {}
        for binding in self.BINDINGS:
            assert isinstance(binding, Binding)
            for key in binding.key.split(","):
                order.setdefault(key.strip(), len(order))
        if self.has_class("-narrow"):
            # Too many keys for 80 columns: the footer would overflow under
            # "^p menu". Moving between items, Esc and quitting stay in the palette.
            bindings = {
                key: active._replace(binding=replace(active.binding, show=False))
                if active.binding.id in NARROW_HIDDEN
                else active
                for key, active in bindings.items()
            }
        return dict(sorted(bindings.items(), key=lambda pair: order.get(pair[0], len(order))))

    def _start_meeting(self) -> None:
        """Start the clock of the meeting; one dated in the future asks first."""
        assert self.meeting is not None
        today = self.drieluik.today()

        def start(allow_future: bool) -> None:
            self.run_service(
                meetings.start_meeting,
                self.vault,
                self.meeting_id,
                allow_future=allow_future,
                today=today,
                on_success=self._started,
            )

        if not self.meeting.is_future(today):
            start(False)
            return
        self._stop_clock()
        question = t("chair.future_confirm", date=format_date(self.meeting.meeting_date))

        def answered(yes: bool | None) -> None:
            if yes:
                start(True)
            else:
                self.dismiss()

        self.app.push_screen(SafeConfirm(question), answered)

    def _started(self, meeting: MeetingView) -> None:
        self.meeting = meeting
        self._start_clock()
        self._tick()

    def rebuild_arguments(self) -> tuple[tuple[Any, ...], dict[str, Any]]:
        open_dialog = None
        for screen in self.app.screen_stack:
            kind = getattr(screen, "resume_as", None)
            if kind and isinstance(screen, FormDialog) and screen.is_mounted:
                open_dialog = (kind, screen.values())
        kwargs = {
            "index": self.index,
            "open_dialog": open_dialog,
            "changes": tuple(self.changes),
            "typed_notes": dict(self._typed_notes),
            "notes_confirmed": {item: set(texts) for item, texts in self._notes_confirmed.items()},
        }
        return (self.meeting_id,), kwargs

    def on_resize(self, event: events.Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        narrow = width < NARROW_WIDTH
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            self.refresh_bindings()  # the footer's keys depend on the width
        self.query_one(Footer).compact = narrow  # room for the keys that matter

    # --- state -----------------------------------------------------------------------

    @property
    def item(self) -> AgendaItemView | None:
        if self.meeting is None or not self.meeting.items:
            return None
        return self.meeting.items[min(self.index, len(self.meeting.items) - 1)]

    @property
    def finished(self) -> bool:
        return self.meeting is not None and self.meeting.finished

    @property
    def chairing_live(self) -> bool:
        """A meeting being chaired (the app's idle lock then waits longer)."""
        meeting = self.meeting
        return meeting is not None and not meeting.finished and meeting.started_at is not None

    def reload(self) -> None:
        meeting = meetings.get_meeting(self.vault, self.meeting_id)
        for item in meeting.items:
            self.spent[item.id] = max(self.spent.get(item.id, 0), item.seconds_spent)
        self.meeting = meeting

    def watch_meeting(self) -> None:
        item = self.item
        if item is not None and self._panes_ready:
            self._show_outcomes(item)
            self.query_one("#chair-code", Static).update(texts.head_text(item))
            self._tick()
            self.refresh_bindings()

    def watch_index(self) -> None:
        self.show_item()

    def watch_clock_paused(self) -> None:
        self._tick()

    def show_item(self) -> None:
        """Show the current item in full (case pane, notes, decisions, actions)."""
        item = self.item
        notes = self.query_one(NotesPane)
        if item is None:
            self.title = t("chair.no_items")
            self.query_one("#chair-code", Static).update(t("chair.no_items"))
            notes.load(None, "")
            self._running_since = None
            return
        self._running_since = None
        self._start_clock()
        stored, typed = self._typed_notes.get(item.id, (None, None))
        notes.load(item.id, typed if typed is not None and stored == item.notes else item.notes)
        self._show_case(item)
        self._show_outcomes(item)
        self._tick()
        self.refresh_bindings()

    def _show_case(self, item: AgendaItemView) -> None:
        assert self.meeting is not None
        self.title = t(
            "chair.title",
            meeting=self.meeting_title,
            date=texts.day_text(self.meeting.meeting_date),
            number=self.index + 1,
            total=len(self.meeting.items),
        )
        self.query_one("#chair-code", Static).update(texts.head_text(item))
        self.query_one("#chair-meta", Static).update(texts.case_line(item))
        this_meeting = self.meeting.meeting_date
        # What this meeting records is on the right; the left shows what came before.
        history = [
            entry
            for entry in case_history(self.vault, item.case.id)
            if not (entry.meeting_date == this_meeting and entry.kind in _SHOWN_ON_THE_RIGHT)
        ]
        self._open_actions = [
            action
            for action in action_service.list_actions(self.vault, case_ref=item.case.id)
            if action.agenda_item_id != item.id
        ]
        self.query_one(CasePane).show(item, history, self._open_actions, self.drieluik.today())

    def _show_outcomes(self, item: AgendaItemView) -> None:
        self.query_one(DecisionList).show(item.decisions)
        self.query_one("#chair-actions", ActionList).show(
            item.actions, self.drieluik.today(), t("chair.actions_empty")
        )
        self.query_one("#chair-status", Static).update(texts.status_text(item))

    # --- clocks ------------------------------------------------------------------------

    def item_seconds(self) -> int:
        item = self.item
        if item is None:
            return 0
        seconds = self.spent.get(item.id, 0)
        if self._running_since is not None:
            seconds += int((self.drieluik.now() - self._running_since).total_seconds())
        return seconds

    def _stop_clock(self) -> None:
        """Fold the running time into the item's total; the clock stands still."""
        item = self.item
        if item is not None and self._running_since is not None:
            self.spent[item.id] = self.item_seconds()
        self._running_since = None

    def _start_clock(self) -> None:
        meeting = self.meeting
        if meeting is None or meeting.started_at is None or meeting.finished:
            return
        if not self.clock_paused and self.item is not None and self._running_since is None:
            self._running_since = self.drieluik.now()

    def meeting_seconds(self) -> int:
        meeting = self.meeting
        if meeting is None or meeting.started_at is None:
            return 0
        end = meeting.ended_at or self.drieluik.now()
        return int((end - meeting.started_at).total_seconds())

    def _tick(self) -> None:
        if not self._panes_ready or self.meeting is None:
            return
        item = self.item
        planned = item.planned_seconds if item else None
        spent = self.item_seconds()
        self.query_one(ItemClock).show(spent, planned)
        carried = sum(1 for i in self.meeting.items if i.carried_over)
        self.query_one("#chair-meeting-clock", Static).update(
            texts.meeting_clock_text(
                self.meeting_seconds(),
                planned=self.meeting.planned_seconds,
                item_spent=spent if item else None,
                item_planned=planned,
                state=self.meeting.state,
                finished=self.finished,
                carried=carried,
                paused=self.clock_paused,
            )
        )

    def action_toggle_clock(self) -> None:
        if self.clock_paused:
            self.clock_paused = False
            self._start_clock()
        else:
            self._stop_clock()
            self.clock_paused = True

    # --- notes: saved as typed ------------------------------------------------------------

    @on(NotesCommitted)
    def _notes_committed(self, event: NotesCommitted) -> None:
        # The text now, not the message's: typing may have gone on since. A
        # message about an item the chair has left is stale (leaving saved it).
        if event.item_id == self.query_one(NotesPane).item_id:
            self.save_notes()

    def commit_pending(self) -> None:
        """Called by the app before it saves to quit or lock (`DrieluikApp.flush_save`)."""
        self.save_notes()
        self._save_time()

    def _save_time(self) -> None:
        """Store the current item's clock so far (a lock or quit must not lose it)."""
        item = self.item
        if item is None or self.finished or self.drieluik.vault is None:
            return
        self.run_service(meetings.record_time, self.vault, item.id, self.item_seconds())

    def save_notes(self) -> None:
        """Store the notes if they changed since the last save."""
        if self.drieluik.vault is None or not self.is_attached:
            return
        pane = self.query_one(NotesPane)
        text = pane.pending()
        if text is None or pane.item_id is None:
            return

        item_id = pane.item_id

        def saved(result: Any) -> None:
            pane.saved_text = text
            self._remember_typed(item_id, result, text)
            if getattr(result, "redacted", 0) and item_id not in self._notes_warned:
                # Stored with placeholders until confirmed (docs/anonymisation.md).
                self._notes_warned.add(item_id)
                self.notify(t("chair.notes_placeholders"), severity="warning", markup=False)

        confirmed = tuple(self._notes_confirmed.get(pane.item_id, ()))
        self.run_service(
            meetings.save_notes,
            self.vault,
            pane.item_id,
            text,
            confirmed=confirmed,
            on_success=saved,
        )

    def _remember_typed(self, item_id: int, stored: Any, typed: str) -> None:
        if getattr(stored, "redacted", 0):
            self._typed_notes[item_id] = (stored.text, typed)
        else:
            self._typed_notes.pop(item_id, None)
        if self.meeting is not None:
            # The item as stored now, so coming back to it shows the latest notes
            # (without the watcher: nothing else on screen changed).
            self.set_reactive(
                ChairingScreen.meeting,
                replace(
                    self.meeting,
                    items=tuple(
                        replace(item, notes=stored.text) if item.id == item_id else item
                        for item in self.meeting.items
                    ),
                ),
            )

    def action_confirm_notes(self) -> None:
        """Ctrl+S/F2: the chair confirms what the guard found in these notes (policy
        `bevestigen`): they are stored as typed and marked."""
        if self.drieluik.vault is None or not self.is_attached:
            return
        pane = self.query_one(NotesPane)
        if pane.item_id is None:
            return
        text = pane.area.text
        found = guard.Guard.load(self.vault).scan(text)
        self._notes_confirmed.setdefault(pane.item_id, set()).update(f.text for f in found)
        confirmed = tuple(self._notes_confirmed[pane.item_id])

        item_id = pane.item_id

        def saved(result: Any) -> None:
            pane.saved_text = text
            self._remember_typed(item_id, result, text)
            self.notify(t("chair.notes_confirmed", count=len(found)), markup=False)

        self.run_service(
            meetings.save_notes,
            self.vault,
            pane.item_id,
            text,
            confirmed=confirmed,
            on_success=saved,
        )

    # --- moving between items ---------------------------------------------------------

    def _leave_item(self, *, mark: bool = False) -> bool:
        """Save the notes and the time; mark the item discussed if asked or decided.

        True when the item was marked discussed just now.
        """
        item = self.item
        if item is None:
            return False
        self.save_notes()
        self._stop_clock()
        if self.finished:
            return False
        seconds = self.spent.get(item.id, 0)
        marking = mark or item.discussed or bool(item.decisions)
        if marking:
            ok = self.run_service(meetings.mark_discussed, self.vault, item.id, seconds)
        else:
            ok = self.run_service(meetings.record_time, self.vault, item.id, seconds)
        self.reload()
        return ok and marking and not item.discussed

    def go_to(self, index: int) -> None:
        if self.meeting is None or not self.meeting.items:
            return
        self._leave_item()
        target = max(0, min(len(self.meeting.items) - 1, index))
        if target == self.index:
            self._start_clock()
        self.index = target

    def action_step(self, delta: int) -> None:
        self.go_to(self.index + delta)

    def action_notes(self) -> None:
        self.query_one("#chair-notes").focus()

    def action_nothing(self) -> None:
        """A stray key: nothing happens."""

    def action_done_next(self) -> None:
        item = self.item
        if item is None or self.finished:
            return
        if self._leave_item(mark=True):
            self.remember(
                t("chair.change.discussed", code=item.case.code),
                lambda: meetings.unmark_discussed(self.vault, item.id),
            )
        self.notify(
            t("chair.marked", code=item.case.code, time=clock_text(self.spent[item.id])),
            markup=False,
        )
        assert self.meeting is not None
        if self.index >= len(self.meeting.items) - 1:
            self.notify(t("chair.last_item"), markup=False)
            self._start_clock()
            self.show_item()
            return
        self.index += 1

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("done_next", "finish", "decision", "action", "carry_over") and self.finished:
            return None
        if action == "reopen" and not self.finished:
            return None
        if action in ("done_next", "decision", "action", "step", "carry_over") and (
            self.item is None
        ):
            return None
        return True

    # --- doorschuiven, reopening --------------------------------------------------------

    def action_carry_over(self, draft: dict[str, Any] | None = None) -> None:
        """Doorschuiven: this item goes to the next meeting, with a reason."""
        item = self.item
        if item is None or self.finished or item.carried_over:
            return
        self.save_notes()

        def store(reason: str) -> None:
            meetings.carry_over_item(self.vault, item.id, reason)
            self.remember(
                t("chair.change.carried_over", code=item.case.code),
                lambda: meetings.undo_carry_over(self.vault, item.id),
            )

        def done(reason: str | None) -> None:
            if reason is None:
                return
            self.notify(t("chair.carried", code=item.case.code), markup=False)
            self._stop_clock()
            self.reload()
            assert self.meeting is not None
            if self.index < len(self.meeting.items) - 1:
                self.index += 1
            else:
                self.show_item()

        dialog = ReasonDialog(
            t("chair.carry_over_title", code=item.case.code), t("chair.reason_label"), draft
        )
        dialog.submit = store
        self._push_dialog(dialog, "carry_over", done)

    def action_reopen(self, draft: dict[str, Any] | None = None) -> None:
        """A closed meeting opened again, with a reason (audit trail, case histories)."""
        if self.meeting is None or not self.finished:
            return

        def store(reason: str) -> None:
            meetings.reopen_meeting(self.vault, self.meeting_id, reason)

        def done(reason: str | None) -> None:
            if reason is None:
                return
            self.reload()
            self.show_item()
            self.notify(t("chair.reopened"), markup=False)

        dialog = ReasonDialog(
            t("chair.reopen_title", date=format_date(self.meeting.meeting_date)),
            t("chair.reason_label"),
            draft,
        )
        dialog.submit = store
        self._push_dialog(dialog, "reopen", done)

    # --- undo ------------------------------------------------------------------------------

    def remember(self, label: str, undo: Callable[[], object], index: int | None = None) -> None:
        self.changes.append(Change(label, undo, self.index if index is None else index))

    def action_undo(self) -> None:
        if not self.changes:
            self.notify(t("chair.undo_nothing"), markup=False)
            return
        change = self.changes[-1]

        def answered(yes: bool | None) -> None:
            if not yes:
                return

            def undone(_: object) -> None:
                self.changes.remove(change)
                self.notify(t("chair.undone", what=change.label), markup=False)

            self.run_service(change.undo, on_success=undone)
            self._refresh_current()
            if change.index is not None and change.index != self.index:
                self.go_to(change.index)  # show the item the change was undone on

        self.app.push_screen(SafeConfirm(t("chair.undo_confirm", what=change.label)), answered)

    # --- decisions and actions ---------------------------------------------------------------

    @contextmanager
    def _organisation_confirmed(self, name: str | None, *, owner: bool = False) -> Iterator[None]:
        """Store with `name` as an organisation; a refused name is allowed on the second save.

        The services refuse an owner or referral in which the guard finds
        personal data; an owner that is not an organisation the vault knows is
        refused here. Saving the same name again is the chair saying it is an
        organisation: it goes on the allow-list, as in meeting preparation.
        """
        confirmed = bool(name) and name == self._refused_organisation
        if confirmed:
            allowlist.add_allow_term(self.vault, name)  # type: ignore[arg-type]
        elif owner and name and name.casefold() not in self._known_casefolded():
            self._refused_organisation = name
            raise InvalidInput("chair.owner_unknown", name=name)
        try:
            yield
        except InvalidInput as error:
            if error.key != "org.personal_data" or not name:
                raise
            self._refused_organisation = name
            raise InvalidInput(
                "org.confirm_in_dialog", text=error.params["text"], kind=error.params["kind"]
            ) from None
        self._refused_organisation = None

    @contextmanager
    def _text_refused(self, text: str) -> Iterator[None]:
        """Remember a free text the policy refused, so saving it again confirms it."""
        try:
            yield
        except PersonalDataFound as error:
            if error.key != "org.personal_data":
                self._text_confirm.refused(text, error)
            raise
        self._text_confirm.clear()

    def _organisations(self) -> list[str]:
        """Attending organisations first, then the ones the vault knows."""
        attending = self.meeting.attending if self.meeting else ()
        return action_service.known_organisations(self.vault, first=attending)

    def _known_casefolded(self) -> set[str]:
        return {name.casefold() for name in self._organisations()}

    def action_decision(self, draft: dict[str, Any] | None = None) -> None:
        item = self.item
        if item is None:
            return
        self.save_notes()

        def store(result: DecisionInput) -> None:
            confirmed = self._text_confirm.confirms(result.text)
            with self._text_refused(result.text), self._organisation_confirmed(result.referral_to):
                decision = meetings.add_decision(
                    self.vault,
                    item.id,
                    result.kind,
                    result.text,
                    referral_to=result.referral_to,
                    review_date=result.review_date,
                    next_status=result.next_status,
                    today=self.drieluik.today(),
                    accept_personal_data=confirmed,
                )
            label = t("chair.change.decision", kind=result.kind.label, code=item.case.code)
            self.remember(label, lambda: meetings.undo_decision(self.vault, decision.id))

        self._push_dialog(
            DecisionDialog(item.case.code, self._organisations(), submit=store, draft=draft),
            "decision",
            self._decision_added,
        )

    def _decision_added(self, result: DecisionInput | None) -> None:
        if result is None:
            return
        self._refresh_current()
        self.notify(
            t("chair.decision_saved", kind=result.kind.label, status=result.next_status.label),
            markup=False,
        )

    def action_action(self, draft: dict[str, Any] | None = None) -> None:
        item = self.item
        if item is None:
            return
        self.save_notes()

        def store(result: ActionInput) -> None:
            confirmed = self._text_confirm.confirms(result.description)
            with (
                self._text_refused(result.description),
                self._organisation_confirmed(result.owner, owner=True),
            ):
                action = action_service.add_action(
                    self.vault,
                    item.case.id,
                    result.description,
                    result.owner,
                    result.due_date,
                    agenda_item_id=item.id,
                    accept_personal_data=confirmed,
                )
            label = t("chair.change.action", owner=result.owner, code=item.case.code)
            self.remember(label, lambda: action_service.withdraw_action(self.vault, action.id))

        self._push_dialog(
            ActionDialog(item.case.code, self._organisations(), submit=store, draft=draft),
            "action",
            self._action_added,
        )

    def _action_added(self, result: ActionInput | None) -> None:
        if result is None:
            return
        self._refresh_current()
        self.notify(t("chair.action_saved", owner=result.owner), markup=False)

    def _refresh_current(self) -> None:
        self.reload()
        item = self.item
        if item is not None:
            self._show_case(item)

    def _find_action(self, action_id: int) -> ActionView | None:
        item = self.item
        pool = [*self._open_actions, *(item.actions if item else ())]
        return next((a for a in pool if a.id == action_id), None)

    @on(ActionChosen)
    def _action_chosen(self, event: ActionChosen) -> None:
        action = self._find_action(event.action_id)
        if action is None or action.status is not ActionStatus.OPEN or self.finished:
            return
        self.app.push_screen(
            ActionMenu(action),
            lambda choice: self._handle_action(action, choice),
        )

    def _handle_action(self, action: ActionView, choice: str | None) -> None:
        if choice == "edit":
            self._edit_action(action)
        elif choice == "postpone":
            self._postpone_action(action)
        elif choice in ("done", "cancel"):
            service = (
                action_service.complete_action if choice == "done" else action_service.cancel_action
            )

            def closed(_: object) -> None:
                self.remember(
                    t(f"chair.change.action_{choice}", description=action.description),
                    lambda: action_service.reopen_action(self.vault, action.id),
                )
                self._action_changed(t(f"chair.action_{choice}"))

            def answered(yes: bool | None) -> None:
                if yes:
                    self.run_service(service, self.vault, action.id, on_success=closed)

            question = t(f"chair.action_{choice}_confirm", description=action.description)
            self.app.push_screen(SafeConfirm(question), answered)

    def _postpone_action(self, action: ActionView, draft: dict[str, Any] | None = None) -> None:
        def postpone(day) -> None:
            if day is None:
                return
            self.run_service(
                action_service.postpone_action,
                self.vault,
                action.id,
                day,
                on_success=lambda _: self._action_changed(
                    t("chair.action_postponed", date=texts.day_text(day))
                ),
            )

        dialog = PostponeDialog(action.description, action.due_date)
        dialog.draft = draft
        self._push_dialog(dialog, f"postpone:{action.id}", postpone)

    def _edit_action(self, action: ActionView, draft: dict[str, Any] | None = None) -> None:
        draft = draft or {
            "action-what": action.description,
            "action-owner": action.owner,
            "action-due": format_date(action.due_date),
        }

        def store(result: ActionInput) -> None:
            with self._organisation_confirmed(result.owner, owner=result.owner != action.owner):
                action_service.edit_action(
                    self.vault,
                    action.id,
                    description=result.description,
                    owner=result.owner,
                    due_date=result.due_date,
                )

        def done(result: ActionInput | None) -> None:
            if result is not None:
                self._action_changed(t("chair.action_edited"))

        self._push_dialog(
            ActionDialog(action.case_code, self._organisations(), submit=store, draft=draft),
            f"edit:{action.id}",
            done,
        )

    def _action_changed(self, message: str) -> None:
        self.notify(message, markup=False)
        self._refresh_current()

    @on(DecisionChosen)
    def _decision_chosen(self, event: DecisionChosen) -> None:
        item = self.item
        if item is None:
            return
        decision = next((d for d in item.decisions if d.id == event.decision_id), None)
        if decision is None or self.finished:
            return

        def delete(confirmed: bool | None) -> None:
            if confirmed:
                self.run_service(
                    meetings.delete_decision,
                    self.vault,
                    decision.id,
                    on_success=lambda _: self._action_changed(t("chair.decision_deleted")),
                )

        self.app.push_screen(
            SafeConfirm(t("dlg.decision.delete_confirm", kind=decision.kind.label)), delete
        )

    # --- closing the meeting -----------------------------------------------------------------

    def action_finish(self) -> None:
        if self.meeting is None or self.finished:
            return
        self.save_notes()
        total = len(self.meeting.items)
        still_open = sum(1 for item in self.meeting.items if not item.discussed)
        question = (
            t("chair.finish_confirm", open=still_open, total=total)
            if still_open
            else t("chair.finish_confirm_all", total=total)
        )
        if self.meeting.is_future(self.drieluik.today()):
            date = format_date(self.meeting.meeting_date)
            question = t("chair.finish_future", date=date) + " " + question
        self.app.push_screen(SafeConfirm(question), self._finish)

    def _finish(self, confirmed: bool | None) -> None:
        if not confirmed:
            return
        self._leave_item()

        def finished(carried: int) -> None:
            self.changes.clear()  # a closed meeting is reopened, not undone
            self.reload()
            self.show_item()
            self.notify(t("chair.finished", count=carried), timeout=10, markup=False)
            self.app.push_screen(
                SafeConfirm(t("dlg.export.offer")),
                lambda yes: self.action_export() if yes else None,
            )

        if not self.run_service(
            meetings.finish_meeting,
            self.vault,
            self.meeting_id,
            allow_future=True,  # the question said so when the date is in the future
            today=self.drieluik.today(),
            on_success=finished,
        ):
            self._start_clock()

    def action_export(self) -> None:
        if self.meeting is None:
            return
        self.save_notes()
        settings = getattr(self.app, "settings", None)
        folder = settings.export_folder if settings is not None else None
        self.app.push_screen(
            ExportDialog(self.meeting.id, self.meeting.meeting_date, folder or Path.cwd())
        )

    def action_back(self) -> None:
        focused = self.focused
        if focused is not None and focused.id != "chair-left":
            self.query_one("#chair-left").focus()
            return
        self.leave()

    def leave(self) -> None:
        if not self.finished:
            self._leave_item()
        else:
            self.save_notes()
        self.dismiss()
