"""Dialogs of the meeting screens: confirm, decision, action, postpone, minutes export.

Each returns plain values through `dismiss` (None when cancelled); the screen
that opened it calls the services. The export dialog is the exception: it runs
the export itself in a thread worker, because it can be blocked by the guard
and then offers to redact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalGroup, VerticalScroll
from textual.css.query import NoMatches
from textual.suggester import SuggestFromList
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from drieluik.domain.dates import format_date, parse_due_date
from drieluik.domain.vocabulary import DECISION_NEXT_STATUS, CaseStatus, DecisionKind
from drieluik.errors import DrieluikError
from drieluik.i18n import t
from drieluik.screens.base import DrieluikModal
from drieluik.services.minutes.export import ExportResult, MinutesBlocked, export_minutes
from drieluik.widgets.literal import literal, shown_path, visible
from drieluik.widgets.pii_guard import GuardedField, GuardedTextArea

SAVE_KEYS = "ctrl+s,f2"


class DialogBody(VerticalScroll, can_focus=False):
    """A dialog's fields: scrolls when the terminal is small (80×24), while the
    buttons below it stay in view. Not a focus stop of its own: Tab goes from
    field to field and the view follows the focus.

    The height is capped relative to the terminal (a fraction would not cap
    it inside a box that sizes to its content): 60% leaves room at 24 rows
    for the title, the error line, the keys line, the buttons and the border.
    """

    DEFAULT_CSS = """
    DialogBody {
        height: auto;
        max-height: 60vh;
    }
    """


class ConfirmDialog(DrieluikModal):
    """A yes/no question; dismisses with True or False.

    The safe answer is the default: "Nee" has the focus when the dialog opens,
    so Enter or a space typed by someone who did not see it appear says no.
    No plain letter says yes (a stray `j` in text meant for elsewhere must not
    confirm): yes is Tab or an arrow to "Ja", then Enter, or a click.
    """

    BINDINGS = [
        Binding("n,escape", "answer(False)", "mtg.no", id="confirm.no"),
        Binding("left,right", "app.focus_next", show=False, id="confirm.switch"),
    ]

    def __init__(self, question: str, *, yes: str | None = None, no: str | None = None) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.yes_label = yes or t("mtg.yes")
        self.no_label = no or t("mtg.no")

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            with DialogBody():
                yield Label(literal(self.question), id="confirm-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes_label, id="confirm-yes", variant="warning", compact=True)
                yield Button(
                    self.no_label + " (N)", id="confirm-no", variant="primary", compact=True
                )

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")


def chair_after_asking(screen: Any, meeting_id: int) -> None:
    """Open the chairing screen on `meeting_id`.

    Chairing a meeting that has not begun begins it (its start time is
    recorded, and cannot be taken back), so that asks first, with "no" as the
    default, and says so when the meeting is dated in the future; after a yes
    the meeting is begun here. A meeting under way, closed or without items
    just opens.
    """
    from drieluik.services import meetings

    meeting = meetings.get_meeting(screen.vault, meeting_id)
    if meeting.started_at is not None or meeting.finished or not meeting.items:
        screen.drieluik.open_chairing(meeting_id)
        return
    today = screen.drieluik.today()
    future = meeting.is_future(today)

    def answered(yes: bool | None) -> None:
        if not yes or screen.drieluik.vault is None:
            return
        try:
            meetings.start_meeting(screen.vault, meeting_id, allow_future=future, today=today)
        except DrieluikError as error:
            screen.drieluik.report_error(error)
            return
        screen.drieluik.open_chairing(meeting_id)

    day = format_date(meeting.meeting_date)
    question = (
        t("mtg.start_future_confirm", date=day) if future else t("mtg.start_confirm", date=day)
    )
    screen.app.push_screen(ConfirmDialog(question, yes=t("mtg.start_yes")), answered)


class FormDialog(DrieluikModal):
    """Shared keys and the error line of the entry dialogs.

    `submit`, when given, stores the entry: it runs before the dialog closes,
    and when the service refuses the entry (a person's name as an owner, say)
    the message shows in the dialog and everything typed stays there.
    """

    BINDINGS = [
        Binding(SAVE_KEYS, "save", "bind.save", id="dialog.save"),
        Binding("escape", "cancel", "bind.cancel", id="dialog.cancel"),
    ]

    def __init__(
        self,
        *,
        submit: Callable[[Any], object] | None = None,
        draft: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.submit = submit
        self.draft = draft

    def values(self) -> dict[str, Any]:
        """What is typed and chosen, by field id (kept in memory across a lock)."""
        found: dict[str, Any] = {}
        for field in self.query("Input, TextArea, Select"):
            if field.id is None:
                continue
            if isinstance(field, TextArea):
                found[field.id] = field.text
            elif isinstance(field, (Input, Select)):
                found[field.id] = field.value
        return found

    def _restore_draft(self) -> None:
        # Without Changed messages: the decision kind would otherwise reset the
        # next status the user had chosen after it.
        with self.prevent(Input.Changed, TextArea.Changed, Select.Changed):
            self._apply_draft()

    def _apply_draft(self) -> None:
        for field_id, value in (self.draft or {}).items():
            try:
                field = self.query_one(f"#{field_id}")
            except NoMatches:
                continue
            if isinstance(field, GuardedTextArea):
                field.load_text(value)
                field.rescan()  # the guard flags a restored text at once, as typed text
            elif isinstance(field, TextArea):
                field.load_text(value)
            elif isinstance(field, Select) and value is Select.BLANK:
                field.clear()
            elif isinstance(field, (Input, Select)):
                field.value = value

    def finish(self, result: Any) -> None:
        """Store `result` through `submit`, then close; on a refusal stay open."""
        if self.submit is not None:
            try:
                self.submit(result)
            except DrieluikError as error:
                self.error(error.message)
                return
        self.dismiss(result)

    def error(self, message: str) -> None:
        line = self.query_one(".dialog-error", Label)
        line.update(literal(message))
        line.display = bool(message)

    def buttons(self) -> ComposeResult:
        yield Label("", classes="dialog-error")
        yield Label(t("dlg.keys"), classes="muted dialog-keys")
        with Horizontal(classes="dialog-buttons"):
            yield Button(t("mtg.ok"), id="dialog-save", variant="primary", compact=True)
            yield Button(t("mtg.cancel"), id="dialog-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(".dialog-error", Label).display = False
        self._restore_draft()

    @on(Button.Pressed, "#dialog-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#dialog-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def date_value(self, selector: str, label: str, *, required: bool) -> tuple[bool, date | None]:
        """(ok, date) from a date input; shows the problem when not ok."""
        text = self.query_one(selector, Input).value.strip()
        if not text:
            if required:
                self.error(t("dlg.required", field=label))
                return False, None
            return True, None
        # Due and review dates lie ahead: "16-12" is the next 16 December.
        day = parse_due_date(text, self.drieluik.today())
        if day is None:
            self.error(t("mtg.date_invalid", value=text))
            return False, None
        return True, day


@dataclass(frozen=True)
class DecisionInput:
    kind: DecisionKind
    text: str
    referral_to: str | None
    review_date: date | None
    next_status: CaseStatus


class CaseEntryDialog(FormDialog):
    """An entry about one case (a decision, an action), suggesting the organisations."""

    def __init__(
        self,
        case_code: str,
        organisations: list[str],
        submit: Callable[[Any], object] | None = None,
        draft: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(classes="dialog", submit=submit, draft=draft)
        self.case_code = case_code
        self.organisations = organisations


class DecisionDialog(CaseEntryDialog):
    """A decision on an agenda item, with the case's next status (and review date)."""

    # The kind whose next status was last proposed (set at mount): a Changed
    # message for the same kind (the one Select sends at start) keeps the status.
    _proposed_for: DecisionKind | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="decision-box", classes="dialog-box"):
            yield Label(t("dlg.decision.title", code=self.case_code), classes="dialog-title")
            with DialogBody():
                yield from self._fields()
            yield from self.buttons()

    def _fields(self) -> ComposeResult:
        yield Label(t("dlg.decision.kind"), classes="field-label")
        yield Select(
            [(kind.label, kind) for kind in DecisionKind],
            allow_blank=False,
            value=DecisionKind.ADVIES_AAN_MELDER,
            id="decision-kind",
            compact=True,
        )
        with VerticalGroup(id="decision-referral-row"):
            yield Label(t("dlg.decision.referral"), classes="field-label")
            yield Input(
                compact=True,
                id="decision-referral",
                suggester=SuggestFromList(self.organisations, case_sensitive=False),
            )
        yield Label(t("dlg.decision.next_status"), classes="field-label")
        yield Select(
            [(status.label, status) for status in CaseStatus],
            allow_blank=False,
            value=DECISION_NEXT_STATUS[DecisionKind.ADVIES_AAN_MELDER],
            id="decision-status",
            compact=True,
        )
        with VerticalGroup(id="decision-review-row"):
            yield Label(t("dlg.decision.review"), classes="field-label")
            yield Input(compact=True, id="decision-review", placeholder=t("dlg.date_placeholder"))
        yield Label(t("dlg.decision.text"), classes="field-label")
        yield GuardedField(area_id="decision-text", classes="dialog-text")

    def on_mount(self) -> None:
        super().on_mount()
        kind = self.query_one("#decision-kind", Select).value
        self._proposed_for = kind if isinstance(kind, DecisionKind) else None
        self._show_rows()
        self.query_one("#decision-kind", Select).focus()

    @on(Select.Changed, "#decision-kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        # The Select's current value, not the message's: the message it sends at
        # start may arrive after a restored draft has set another kind.
        kind = event.select.value
        if isinstance(kind, DecisionKind) and kind is not self._proposed_for:
            self._proposed_for = kind
            self.query_one("#decision-status", Select).value = DECISION_NEXT_STATUS[kind]
        self._show_rows()

    @on(Select.Changed, "#decision-status")
    def _status_changed(self) -> None:
        self._show_rows()

    def _show_rows(self) -> None:
        kind = self.query_one("#decision-kind", Select).value
        status = self.query_one("#decision-status", Select).value
        self.query_one("#decision-referral-row").display = kind is DecisionKind.DOORVERWIJZING
        self.query_one("#decision-review-row").display = (
            kind is DecisionKind.MONITORING or status is CaseStatus.MONITORING
        )

    def action_save(self) -> None:
        kind = self.query_one("#decision-kind", Select).value
        status = self.query_one("#decision-status", Select).value
        assert isinstance(kind, DecisionKind) and isinstance(status, CaseStatus)
        referral = " ".join(self.query_one("#decision-referral", Input).value.split()) or None
        if kind is DecisionKind.DOORVERWIJZING and not referral:
            self.error(t("dlg.required", field=t("dlg.decision.referral")))
            return
        needs_review = kind is DecisionKind.MONITORING or status is CaseStatus.MONITORING
        ok, review = self.date_value(
            "#decision-review", t("dlg.decision.review"), required=needs_review
        )
        if not ok:
            return
        text = self.query_one("#decision-text", GuardedTextArea).text.strip()
        self.finish(
            DecisionInput(
                kind=kind,
                text=text,
                referral_to=referral if kind is DecisionKind.DOORVERWIJZING else None,
                review_date=review if needs_review else None,
                next_status=status,
            )
        )


@dataclass(frozen=True)
class ActionInput:
    description: str
    owner: str
    due_date: date | None


class ActionDialog(CaseEntryDialog):
    """A new follow-up action: what, which organisation, by when."""

    def compose(self) -> ComposeResult:
        with Vertical(id="action-box", classes="dialog-box"):
            yield Label(t("dlg.action.title", code=self.case_code), classes="dialog-title")
            with DialogBody():
                yield Label(t("dlg.action.what"), classes="field-label")
                yield GuardedField(area_id="action-what", classes="dialog-text")
                yield Label(t("dlg.action.owner"), classes="field-label")
                yield Input(
                    compact=True,
                    id="action-owner",
                    suggester=SuggestFromList(self.organisations, case_sensitive=False),
                )
                yield Label(t("dlg.action.due"), classes="field-label")
                yield Input(compact=True, id="action-due", placeholder=t("dlg.date_placeholder"))
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#action-what", GuardedTextArea).focus()

    def action_save(self) -> None:
        what = self.query_one("#action-what", GuardedTextArea).text.strip()
        owner = " ".join(self.query_one("#action-owner", Input).value.split())
        if not what:
            self.error(t("dlg.required", field=t("dlg.action.what")))
            return
        if not owner:
            self.error(t("dlg.required", field=t("dlg.action.owner")))
            return
        ok, due = self.date_value("#action-due", t("dlg.action.due"), required=False)
        if ok:
            self.finish(ActionInput(what, owner, due))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "action-due":
            self.action_save()
        else:
            self.focus_next()


class PostponeDialog(FormDialog):
    """A new due date for an open action (dismisses with the date, or None)."""

    def __init__(
        self,
        description: str,
        current: date | None,
        suggested: date | None = None,
        submit: Callable[[Any], object] | None = None,
    ) -> None:
        super().__init__(classes="dialog", submit=submit)
        self.description = description
        self.current = current
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(id="postpone-box", classes="dialog-box"):
            with DialogBody():
                yield Label(t("dlg.action.postpone_title"), classes="dialog-title")
                yield Label(literal(self.description, single_line=True), classes="muted")
                yield Label(t("dlg.action.new_due"), classes="field-label")
                yield Input(
                    format_date(self.suggested),
                    compact=True,
                    id="postpone-date",
                    placeholder=t("dlg.date_placeholder"),
                )
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#postpone-date", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        ok, day = self.date_value("#postpone-date", t("dlg.action.new_due"), required=True)
        if ok:
            self.finish(day)


class PlannedMinutesDialog(FormDialog):
    """An agenda item's time-box in whole minutes (dismisses with the number)."""

    def __init__(
        self, case_code: str, minutes: int, submit: Callable[[Any], object] | None = None
    ) -> None:
        super().__init__(classes="dialog", submit=submit)
        self.case_code = case_code
        self.minutes = minutes

    def compose(self) -> ComposeResult:
        with Vertical(id="minutes-box", classes="dialog-box"):
            yield Label(t("dlg.minutes.title", code=self.case_code), classes="dialog-title")
            with DialogBody():
                yield Label(t("dlg.minutes.label"), classes="field-label")
                yield Input(str(self.minutes), compact=True, id="minutes-value", type="integer")
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#minutes-value", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        text = self.query_one("#minutes-value", Input).value.strip()
        if not text.isdigit():
            self.error(t("dlg.required", field=t("dlg.minutes.label")))
            return
        self.finish(int(text))


class ChoiceDialog(DrieluikModal):
    """A short menu of choices; dismisses with the chosen id, or None on Escape."""

    BINDINGS = [Binding("escape", "choose(None)", "bind.cancel", id="choice.cancel")]

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__(classes="dialog")
        self.heading = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-box", classes="dialog-box"):
            yield Label(literal(self.heading, single_line=True), classes="dialog-title")
            yield OptionList(
                *[Option(label, id=choice) for choice, label in self.choices], id="choice-list"
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("mtg.cancel"), id="choice-cancel", compact=True)

    def on_mount(self) -> None:
        options = self.query_one("#choice-list", OptionList)
        options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected, "#choice-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    @on(Button.Pressed, "#choice-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)


# --- the minutes export ------------------------------------------------------------


FORMATS = ("docx", "pdf", "md")


class ExportDialog(FormDialog):
    """Format and file for the minutes; lists the guard's findings when blocked."""

    def __init__(self, meeting_id: int, meeting_date: date, folder: Path) -> None:
        super().__init__(classes="dialog")
        self.meeting_id = meeting_id
        self.meeting_date = meeting_date
        self.folder = folder

    def default_path(self, fmt: str) -> Path:
        return self.folder / f"verslag-drieluik-{self.meeting_date.isoformat()}.{fmt}"

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog-box"):
            yield Label(t("dlg.export.title"), classes="dialog-title")
            with DialogBody():
                yield Label(t("dlg.export.format"), classes="field-label")
                yield Select(
                    [(fmt, fmt) for fmt in FORMATS],
                    allow_blank=False,
                    value="docx",
                    id="export-format",
                    compact=True,
                )
                yield Label(t("dlg.export.path"), classes="field-label")
                yield Input(shown_path(self.default_path("docx")), id="export-path", compact=True)
                yield Label(t("dlg.export.partner"), classes="field-label")
                yield Input(compact=True, id="export-partner")
                yield Checkbox(Text(t("dlg.export.redact")), id="export-redact", compact=True)
                yield Checkbox(Text(t("dlg.export.force")), id="export-force", compact=True)
                yield Static("", id="export-findings")
            yield Label("", classes="dialog-error")
            yield Label(t("dlg.keys"), classes="muted dialog-keys")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("dlg.export.run"), id="dialog-save", variant="primary", compact=True)
                yield Button(
                    t("dlg.export.redact_run"),
                    id="export-redact-run",
                    variant="warning",
                    compact=True,
                )
                yield Button(t("mtg.cancel"), id="dialog-cancel", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#export-findings").display = False
        self.query_one("#export-redact-run").display = False
        self.query_one("#export-format", Select).focus()

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        path_input = self.query_one("#export-path", Input)
        path = Path(path_input.value.strip() or self.default_path(str(event.value)))
        if path.suffix.lstrip(".") in FORMATS:
            path_input.value = str(path.with_suffix(f".{event.value}"))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#export-redact-run")
    def _redact_pressed(self) -> None:
        self.query_one("#export-redact", Checkbox).value = True
        self.action_save()

    def action_save(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        fmt = str(self.query_one("#export-format", Select).value)
        out = Path(text).expanduser() if text else self.default_path(fmt)
        partner = " ".join(self.query_one("#export-partner", Input).value.split()) or None
        self.error(t("dlg.export.busy"))
        self.query_one("#dialog-save", Button).disabled = True
        self._export(
            fmt,
            out,
            redact=self.query_one("#export-redact", Checkbox).value,
            force=self.query_one("#export-force", Checkbox).value,
            partner=partner,
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def _export(
        self, fmt: str, out: Path, *, redact: bool, force: bool, partner: str | None
    ) -> None:
        vault = self.drieluik.vault
        if vault is None:
            return
        try:
            result = export_minutes(
                vault, self.meeting_id, fmt, out, redact=redact, per_partner=partner, force=force
            )
        except DrieluikError as error:
            self.app.call_from_thread(self._failed, error)
            return
        self.app.call_from_thread(self._done, result)

    def _failed(self, error: DrieluikError) -> None:
        self.query_one("#dialog-save", Button).disabled = False
        if getattr(error, "key", None) == "path.exists":
            # The CLI's message names --force; here the box below does it.
            self.error(t("dlg.export.exists", path=error.params.get("path", "")))
            return
        if not isinstance(error, MinutesBlocked):
            self.error(error.message)
            return
        findings = error.findings
        listing = Text()
        for finding in findings:
            listing.append("• " + visible(finding.describe(), single_line=True) + "\n")
        box = self.query_one("#export-findings", Static)
        box.update(listing)
        box.display = True
        self.query_one("#export-redact-run").display = True
        self.error(t("dlg.export.blocked", count=len(findings)))

    def _done(self, result: ExportResult) -> None:
        if result.redacted:
            message = t("dlg.export.done_redacted", path=result.path, count=result.redacted)
        else:
            message = t("dlg.export.done", path=result.path)
        self.app.notify(message, timeout=8, markup=False)
        self.dismiss(result.path)
