"""Preparing a meeting: its date, the proposed agenda with the reason per item,
adding, removing and reordering cases, and the attending organisations.

Without a meeting id the screen first asks for the date (default: a week from
today) and shows the agenda the rules propose for it; Enter creates the
meeting with that agenda (or opens the meeting already planned on that date).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Input, Label, OptionList, SelectionList
from textual.widgets.option_list import Option

from drieluik.domain.dates import format_date, parse_date
from drieluik.domain.vocabulary import AgendaReason
from drieluik.errors import DrieluikError, InvalidInput
from drieluik.i18n import t
from drieluik.screens.base import DrieluikScreen
from drieluik.screens.meeting_dialogs import (
    ConfirmDialog,
    PlannedMinutesDialog,
    chair_after_asking,
)
from drieluik.services import allowlist, meetings, search, vault_settings
from drieluik.services import cases as case_service
from drieluik.services import region as region_service
from drieluik.services.types import CaseView, MeetingView, ProposedItem
from drieluik.widgets.footer import BindingsFooter
from drieluik.widgets.literal import literal

MAX_MATCHES = 8
NARROW_WIDTH = 100
# "Overig" is a reporter category, not an organisation that attends.
_NOT_AN_ORGANISATION = {"Overig"}


def reason_text(reason: AgendaReason) -> Text:
    return literal(reason.label, "bold yellow" if reason is AgendaReason.DOORGESCHOVEN else "")


class MeetingPrepScreen(DrieluikScreen):
    """One meeting's agenda and attendance, before it is chaired."""

    BINDINGS = [
        Binding("escape", "back", "bind.back", id="prep.back"),
        # The agenda panel's subtitle names the keys not in the footer (it must
        # keep ctrl+q and ctrl+l at 80 columns).
        Binding("a,plus", "add_case", "prep.bind.add", show=False, id="prep.add"),
        # Taking a case off the agenda needs ctrl and a yes (a stray letter must not).
        Binding("ctrl+x", "remove_item", "prep.bind.remove", id="prep.remove"),
        Binding(
            "ctrl+up,shift+up,left_square_bracket",
            "move(-1)",
            "prep.bind.up",
            show=False,
            id="prep.up",
        ),
        Binding(
            "ctrl+down,shift+down,right_square_bracket",
            "move(1)",
            "prep.bind.down",
            show=False,
            id="prep.down",
        ),
        Binding("m", "minutes", "prep.bind.minutes", show=False, id="prep.minutes"),
        Binding("o", "orgs", "prep.bind.orgs", show=False, id="prep.orgs"),
        Binding("ctrl+o", "start", "prep.bind.start", id="prep.start"),
    ]

    def __init__(self, meeting_id: int | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.meeting: MeetingView | None = None
        self.proposal: list[ProposedItem] = []
        self._org_warned: str | None = None
        self._loading_orgs = False
        # What the table shows: (row key, position, case, reason, planned minutes).
        self._rows: list[tuple[str, int, CaseView, AgendaReason, int]] = []

    def rebuild_arguments(self) -> tuple[tuple[Any, ...], dict[str, Any]]:
        return (self.meeting_id,), {}

    # --- layout --------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="prep"):
            with Horizontal(id="prep-date-row"):
                yield Label(t("prep.date_label"), id="prep-date-label")
                yield Input(id="prep-date", placeholder="DD-MM-JJJJ")
                yield Label(t("prep.date_hint"), id="prep-date-hint", classes="muted")
            with Horizontal(id="prep-body"):
                with Vertical(id="prep-agenda", classes="panel"):
                    yield DataTable(id="prep-table", cursor_type="row", zebra_stripes=True)
                    yield Label("", id="prep-empty", classes="muted")
                    yield Label(t("prep.add_label"), id="prep-add-label")
                    yield Input(id="prep-add", placeholder=t("prep.add_placeholder"))
                    yield OptionList(id="prep-matches")
                with Vertical(id="prep-orgs", classes="panel"):
                    yield SelectionList[str](id="prep-org-list")
                    yield Input(id="prep-org-other", placeholder=t("prep.org_placeholder"))
                    yield Label(t("prep.orgs_hint"), id="prep-org-hint", classes="muted")
        yield BindingsFooter()

    def on_mount(self) -> None:
        self.title = t("prep.title")
        self._add_columns()
        self.query_one("#prep-orgs").border_title = t("prep.orgs_label")
        self.query_one("#prep-matches").display = False
        if self.meeting_id is None:
            self._show_date_entry()
        else:
            self.load()
            self.query_one("#prep-table", DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW_WIDTH
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            self._add_columns()
            self._fill_table(self._rows)

    def _columns(self) -> tuple[str, ...]:
        # Below 100 columns the form and municipality go: the case screen has them.
        if self.has_class("-narrow"):
            return ("pos", "code", "reason", "minutes")
        return ("pos", "code", "reason", "minutes", "form", "municipality")

    def _add_columns(self) -> None:
        table = self.query_one("#prep-table", DataTable)
        table.clear(columns=True)
        for key in self._columns():
            table.add_column(t(f"prep.col.{key}"), key=key)

    def on_screen_resume(self) -> None:
        if self.meeting_id is not None and self.drieluik.vault is not None:
            self.load(keep_cursor=True)

    # --- before the meeting exists: the date and the proposal ------------------------

    def _show_date_entry(self) -> None:
        date_input = self.query_one("#prep-date", Input)
        date_input.value = format_date(self._default_date())
        self.query_one("#prep-date-row").display = True
        self._load_orgs((), disabled=True)
        self._show_proposal(date_input.value)
        date_input.focus()

    def _default_date(self) -> date:
        """A week from today (the chair's weekday), or the first such week that has
        no meeting yet: the date `drieluik agenda` proposes too."""
        return meetings.proposal_date(self.vault, self.drieluik.today())

    @on(Input.Changed, "#prep-date")
    def _date_changed(self, event: Input.Changed) -> None:
        self._show_proposal(event.value)

    def _show_proposal(self, text: str) -> None:
        day = parse_date(text)
        panel = self.query_one("#prep-agenda")
        if day is None:
            self.proposal = []
            panel.border_title = t("mtg.date_invalid", value=text)
            self._fill_table([])
            return
        self.proposal = meetings.propose_agenda(self.vault, day)
        panel.border_title = t("prep.proposal", date=format_date(day), count=len(self.proposal))
        defaults = {
            reason: vault_settings.get(self.vault, vault_settings.PLANNED_MINUTES[reason])
            for reason in AgendaReason
        }
        self._fill_table(
            [
                (f"p{i}", i, p.case, p.reason, defaults[p.reason])
                for i, p in enumerate(self.proposal, start=1)
            ]
        )

    @on(Input.Submitted, "#prep-date")
    def _create_or_open(self, event: Input.Submitted) -> None:
        event.stop()
        day = parse_date(event.value)
        if day is None:
            self.notify(t("mtg.date_invalid", value=event.value), severity="error", markup=False)
            return
        try:
            existing = meetings.get_meeting(self.vault, day)
        except InvalidInput:
            existing = None
        try:
            meeting = existing or meetings.create_meeting(self.vault, day)
        except DrieluikError as error:
            self.drieluik.report_error(error)
            return
        self.meeting_id = meeting.id
        self.load()
        self.query_one("#prep-table", DataTable).focus()

    # --- the meeting -----------------------------------------------------------------

    def load(self, *, keep_cursor: bool = False, focus_item: int | None = None) -> None:
        assert self.meeting_id is not None
        table = self.query_one("#prep-table", DataTable)
        previous_row = table.cursor_row
        self.meeting = meeting = meetings.get_meeting(self.vault, self.meeting_id)
        self.query_one("#prep-date-row").display = False
        self.query_one("#prep-agenda").border_subtitle = "" if meeting.finished else t("prep.keys")
        self.title = t(
            "prep.title_date",
            date=format_date(meeting.meeting_date),
            meeting=region_service.get(self.vault).meeting_title,
        )
        self.query_one("#prep-agenda").border_title = t(
            "prep.agenda_planned",
            count=len(meeting.items),
            minutes=meeting.planned_seconds // 60,
            state=meeting.state.label,
        )
        self._fill_table(
            [
                (str(item.id), item.position, item.case, item.reason, item.planned_seconds // 60)
                for item in meeting.items
            ]
        )
        if focus_item is not None:
            for row, item in enumerate(meeting.items):
                if item.id == focus_item:
                    table.move_cursor(row=row)
        elif keep_cursor and meeting.items:
            table.move_cursor(row=min(previous_row, len(meeting.items) - 1))
        self._load_orgs(meeting.attending, disabled=meeting.finished)
        self.refresh_bindings()

    def _fill_table(self, rows: list[tuple[str, int, CaseView, AgendaReason, int]]) -> None:
        self._rows = rows
        table = self.query_one("#prep-table", DataTable)
        table.clear()
        columns = self._columns()
        for key, position, case, reason, minutes in rows:
            cells = {
                "pos": literal(str(position)),
                "code": literal(case.code, "bold"),
                "reason": reason_text(reason),
                "minutes": Text(str(minutes), justify="right"),
                "form": literal(case.form.value),
                "municipality": literal(case.municipality),
            }
            table.add_row(*(cells[column] for column in columns), key=key)
        empty = self.query_one("#prep-empty", Label)
        empty.update(t("prep.no_items") if not rows else "")
        empty.display = not rows

    def _load_orgs(self, attending: tuple[str, ...], *, disabled: bool) -> None:
        # The vault's region: its usual reporters and partners at the table.
        names: list[str] = list(region_service.get(self.vault).organisations())
        for name in [*case_service.list_reporters(self.vault), *attending]:
            if name not in names and name not in _NOT_AN_ORGANISATION:
                names.append(name)
        selection = self.query_one("#prep-org-list", SelectionList)
        self._loading_orgs = True
        try:
            highlighted = selection.highlighted
            selection.clear_options()
            selection.add_options([(literal(name), name, name in attending) for name in names])
            if highlighted is not None:
                selection.highlighted = min(highlighted, len(names) - 1)
            selection.disabled = disabled
        finally:
            self._loading_orgs = False

    @on(SelectionList.SelectedChanged, "#prep-org-list")
    def _attending_changed(self, event: SelectionList.SelectedChanged) -> None:
        if self._loading_orgs or self.meeting is None:
            return
        self._save_attending(list(event.selection_list.selected))

    def _save_attending(self, names: list[str]) -> None:
        assert self.meeting_id is not None

        def saved(meeting: MeetingView) -> None:
            self.meeting = meeting

        self.run_service(
            meetings.set_attending, self.vault, self.meeting_id, names, on_success=saved
        )

    @on(Input.Submitted, "#prep-org-other")
    def _add_org(self, event: Input.Submitted) -> None:
        event.stop()
        name = " ".join(event.value.split())
        if not name or not self._editable():
            return
        assert self.meeting is not None
        attending = list(self.meeting.attending)
        if name not in attending:
            attending.append(name)
        assert self.meeting_id is not None  # as in _save_attending: a shown meeting has one
        try:
            if self._org_warned == name:
                # A second Enter: the user says it is an organisation, so the guard
                # (here and at the export) learns it through the allow-list.
                self._org_warned = None
                allowlist.add_allow_term(self.vault, name)
            self.meeting = meetings.set_attending(self.vault, self.meeting_id, attending)
        except InvalidInput as error:
            if error.key != "org.personal_data":
                self.drieluik.report_error(error)
                return
            self._org_warned = name
            self.notify(
                t("prep.org_person_warning", text=name),
                severity="warning",
                timeout=8,
                markup=False,
            )
            return
        except DrieluikError as error:
            self.drieluik.report_error(error)
            return
        event.input.value = ""
        if self.meeting is not None:
            self._load_orgs(self.meeting.attending, disabled=False)

    # --- adding a case --------------------------------------------------------------

    @on(Input.Changed, "#prep-add")
    def _lookup(self, event: Input.Changed) -> None:
        matches = self._matches(event.value) if event.value.strip() else []
        options = self.query_one("#prep-matches", OptionList)
        options.clear_options()
        for case, snippet in matches:
            label = Text(f"{case.code}  ", style="bold")
            label.append_text(literal(f"{case.form.value} · {case.municipality}  "))
            label.append_text(literal(snippet, "dim", single_line=True))
            options.add_option(Option(label, id=case.code))
        options.display = bool(matches)

    def _matches(self, text: str) -> list[tuple[CaseView, str]]:
        """Cases whose code or text matches what was typed (code first)."""
        found: list[tuple[CaseView, str]] = []
        seen: set[str] = set()
        try:
            exact = case_service.get_case(self.vault, text.strip())
        except InvalidInput:
            exact = None
        if exact is not None:
            found.append((exact, exact.summary))
            seen.add(exact.code)
        try:
            hits = search.search(self.vault, text, limit=MAX_MATCHES * 3)
        except DrieluikError:
            hits = []
        for hit in hits:
            if hit.code in seen or len(found) >= MAX_MATCHES:
                continue
            seen.add(hit.code)
            found.append((case_service.get_case(self.vault, hit.case_id), hit.snippet))
        return found

    @on(Input.Submitted, "#prep-add")
    def _add_typed(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        matches = self._matches(text)
        exact = [case for case, _ in matches if case.code == text.upper()]
        if exact or len(matches) == 1:
            self._add_case((exact or [matches[0][0]])[0].code)
        elif matches:
            options = self.query_one("#prep-matches", OptionList)
            options.highlighted = 0
            options.focus()
        else:
            self.notify(t("prep.add_no_match", text=text), severity="warning", markup=False)

    @on(OptionList.OptionSelected, "#prep-matches")
    def _add_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self._add_case(event.option.id)

    def _add_case(self, code: str) -> None:
        if not self._editable():
            return
        assert self.meeting_id is not None

        def added(meeting: MeetingView) -> None:
            item = next(item for item in meeting.items if item.case.code == code)
            self.query_one("#prep-add", Input).value = ""
            self.query_one("#prep-matches").display = False
            self.notify(t("prep.added", code=code), markup=False)
            self.load(focus_item=item.id)
            self.query_one("#prep-table", DataTable).focus()

        self.run_service(meetings.add_item, self.vault, self.meeting_id, code, on_success=added)

    # --- actions ---------------------------------------------------------------------

    def _editable(self) -> bool:
        if self.meeting is None:
            self.notify(t("prep.not_created"), severity="warning")
            return False
        if self.meeting.finished:
            self.notify(t("prep.finished"), severity="warning")
            return False
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add_case", "remove_item", "move", "minutes", "orgs", "start"):
            if self.meeting is None:
                return None  # shown greyed out until the meeting exists
            if action != "start" and self.meeting.finished:
                return None
        return True

    def _current_item(self):
        if self.meeting is None or not self.meeting.items:
            return None
        row = self.query_one("#prep-table", DataTable).cursor_row
        if 0 <= row < len(self.meeting.items):
            return self.meeting.items[row]
        return None

    def action_add_case(self) -> None:
        if self._editable():
            self.query_one("#prep-add", Input).focus()

    def action_orgs(self) -> None:
        if self._editable():
            orgs = self.query_one("#prep-org-list", SelectionList)
            if orgs.highlighted is None and orgs.option_count:
                orgs.highlighted = 0
            orgs.focus()

    def action_move(self, delta: int) -> None:
        item = self._current_item()
        if item is None or not self._editable():
            return
        self.run_service(
            meetings.move_item,
            self.vault,
            item.id,
            delta,
            on_success=lambda _: self.load(focus_item=item.id),
        )

    def action_minutes(self) -> None:
        """The highlighted item's planned time (the time-box shown while chairing)."""
        item = self._current_item()
        if item is None or not self._editable():
            return
        assert self.meeting_id is not None

        def store(minutes: int) -> None:
            meetings.set_planned_minutes(self.vault, item.id, minutes)

        def done(minutes: int | None) -> None:
            if minutes is None or self.drieluik.vault is None:
                return
            self.notify(t("prep.minutes_set", code=item.case.code, minutes=minutes), markup=False)
            self.load(focus_item=item.id)

        self.app.push_screen(
            PlannedMinutesDialog(item.case.code, item.planned_seconds // 60, submit=store), done
        )

    def action_remove_item(self) -> None:
        item = self._current_item()
        if item is None or not self._editable():
            return

        def removed(_: object) -> None:
            self.notify(t("prep.removed", code=item.case.code), markup=False)
            self.load(keep_cursor=True)

        def remove(confirmed: bool | None) -> None:
            if confirmed and self.drieluik.vault is not None:
                self.run_service(meetings.remove_item, self.vault, item.id, on_success=removed)

        self.app.push_screen(
            ConfirmDialog(
                t("prep.remove_confirm", code=item.case.code, reason=item.reason.label),
                yes=t("prep.bind.remove"),
            ),
            remove,
        )

    def action_start(self) -> None:
        if self.meeting_id is None:
            self.notify(t("prep.not_created"), severity="warning")
            return
        chair_after_asking(self, self.meeting_id)

    def action_back(self) -> None:
        focused = self.focused
        if isinstance(focused, Input | OptionList | SelectionList):
            self.query_one("#prep-matches").display = False
            self.query_one("#prep-table", DataTable).focus()
            return
        self.dismiss()

    @on(DataTable.RowSelected, "#prep-table")
    def _open_case(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value or ""
        if self.meeting is not None:
            item = next((i for i in self.meeting.items if str(i.id) == key), None)
            if item is not None:
                self.drieluik.open_case(item.case.id)
        elif key.startswith("p"):
            self.drieluik.open_case(self.proposal[int(key[1:]) - 1].case.id)
