"""Signal intake: a new case or an edit, validated by the same rules as import
and `case add` (`cases.validate_case_fields`), with each problem shown under
its field.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import (
    Button,
    Checkbox,
    Header,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    TextArea,
)

from drieluik.domain.dates import format_date
from drieluik.domain.vocabulary import ExploitationForm, VulnerableGroup
from drieluik.errors import DrieluikError
from drieluik.i18n import t
from drieluik.screens.base import DrieluikScreen, SecondSaveConfirms
from drieluik.screens.meeting_dialogs import SAVE_KEYS, ConfirmDialog
from drieluik.services import allowlist, cases, region
from drieluik.services.guard import PersonalDataFound
from drieluik.services.search import similar_cases
from drieluik.services.types import CaseView
from drieluik.widgets.footer import BindingsFooter
from drieluik.widgets.literal import literal, visible
from drieluik.widgets.pii_guard import GuardedField

OTHER_REPORTER = "\0other"  # the Select value for "type another organisation"
SIMILAR_DELAY = 0.5
FIELDS = ("datum", "gemeente", "vorm", "melder", "kwetsbaar", "ondermijning", "omschrijving")


class CaseFormScreen(DrieluikScreen):
    AUTO_FOCUS = "#form-datum"

    BINDINGS = [
        Binding(SAVE_KEYS, "save", "bind.save", id="case_form.save"),
        Binding("escape", "cancel", "bind.cancel", id="case_form.cancel"),
    ]

    def __init__(self, ref: int | str | None = None, draft: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.ref = ref
        self.draft = draft
        self.case: CaseView | None = None
        self._similar_timer: Timer | None = None
        # A reporter or summary refused as personal data: saving it again confirms.
        self._reporter_confirm = SecondSaveConfirms()
        self._personal_data = SecondSaveConfirms()
        # The fields as shown at first: leaving with other values asks first.
        self._pristine: dict[str, Any] | None = None

    def rebuild_arguments(self):
        # After a lock the user finds what they were typing (kept in memory only).
        draft = self.values() if self.is_mounted else self.draft
        return (), {"ref": self.ref, "draft": draft}

    # --- building --------------------------------------------------------------

    def _initial(self) -> dict[str, Any]:
        if self.draft is not None:
            return self.draft
        case = self.case
        if case is None:
            return {"datum": format_date(self.drieluik.today())}
        return {
            "datum": format_date(case.signal_date),
            "gemeente": case.municipality,
            "vorm": case.form,
            "melder": case.reporter,
            "kwetsbaar": list(case.vulnerable_groups),
            "ondermijning": case.organised_crime,
            "omschrijving": case.summary,
        }

    def compose(self) -> ComposeResult:
        if self.ref is not None:
            self.case = cases.get_case(self.vault, self.ref)
        initial = self._initial()
        self.profile = region.get(self.vault)
        # The vault's region: the municipalities in force today, and the one an
        # edited case has (a name from before a merger stays choosable).
        places = self.profile.choices(self.drieluik.today(), keep=initial.get("gemeente"))
        reporters = cases.list_reporters(self.vault)
        reporter = initial.get("melder") or ""
        other = reporter if reporter and reporter not in reporters else ""
        yield Header()
        with VerticalScroll(id="form"):
            with self._row("datum"):
                yield Input(
                    initial.get("datum", ""),
                    id="form-datum",
                    placeholder="DD-MM-JJJJ",
                    compact=True,
                )
            yield self._error("datum")
            with self._row("gemeente"):
                yield Select(
                    [(name, name) for name in places],
                    prompt=t("form.choose"),
                    value=initial.get("gemeente") or Select.NULL,
                    id="form-gemeente",
                    compact=True,
                )
            yield self._error("gemeente")
            with self._row("vorm"):
                yield Select(
                    [(f.label, f) for f in ExploitationForm],
                    prompt=t("form.choose"),
                    value=initial.get("vorm") or Select.NULL,
                    id="form-vorm",
                    compact=True,
                )
            yield self._error("vorm")
            with self._row("melder"):
                yield Select(
                    [(literal(name, single_line=True), name) for name in reporters]
                    + [(t("form.melder_other_option"), OTHER_REPORTER)],
                    prompt=t("form.choose"),
                    value=OTHER_REPORTER if other else (reporter or Select.NULL),
                    id="form-melder",
                    compact=True,
                )
            with Horizontal(classes="field-row", id="row-melder-other"):
                yield Label("", classes="field-label")
                yield Input(
                    other,
                    id="form-melder-other",
                    placeholder=t("form.melder_other"),
                    compact=True,
                )
            yield self._error("melder")
            with self._row("kwetsbaar"):
                chosen = set(initial.get("kwetsbaar") or ())
                yield SelectionList[VulnerableGroup](
                    *[(g.label, g, g in chosen) for g in VulnerableGroup], id="form-kwetsbaar"
                )
            yield self._error("kwetsbaar")
            with self._row("ondermijning"):
                yield Checkbox(
                    t("form.ondermijning_short"),
                    bool(initial.get("ondermijning")),
                    id="form-ondermijning",
                    compact=True,
                )
            yield self._error("ondermijning")
            yield Label(t("form.omschrijving"), classes="field-label summary-label")
            yield GuardedField(initial.get("omschrijving") or "", area_id="form-summary")
            yield self._error("omschrijving")
            yield Static(id="form-similar")
            with Horizontal(id="form-buttons"):
                yield Button(t("form.save_button"), id="form-save", variant="primary", compact=True)
                yield Button(t("form.cancel_button"), id="form-cancel", compact=True)
        yield BindingsFooter()

    def _row(self, name: str) -> Horizontal:
        row = Horizontal(classes="field-row", id=f"row-{name}")
        row.compose_add_child(Label(t(f"form.{name}"), classes="field-label"))
        return row

    def _error(self, name: str) -> Static:
        return Static("", id=f"error-{name}", classes="field-error", markup=False)

    def on_mount(self) -> None:
        self.title = t("form.edit_title", code=self.case.code) if self.case else t("form.new_title")
        # A draft given back after a lock is unsaved work: always ask before leaving it.
        if self.draft is None:
            self.call_after_refresh(self._remember_pristine)

    def _remember_pristine(self) -> None:
        self._pristine = self.values()

    # --- reading the fields -------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The fields as they stand (also the draft kept over a lock)."""
        gemeente = self.query_one("#form-gemeente", Select).value
        vorm = self.query_one("#form-vorm", Select).value
        return {
            "datum": self.query_one("#form-datum", Input).value,
            "gemeente": None if gemeente is Select.NULL else gemeente,
            "vorm": None if vorm is Select.NULL else vorm,
            "melder": self._reporter(),
            "kwetsbaar": list(self.query_one("#form-kwetsbaar", SelectionList).selected),
            "ondermijning": self.query_one("#form-ondermijning", Checkbox).value,
            "omschrijving": self.query_one("#form-summary", TextArea).text,
        }

    def _reporter(self) -> str:
        choice = self.query_one("#form-melder", Select).value
        if choice == OTHER_REPORTER:
            return self.query_one("#form-melder-other", Input).value
        return "" if choice is Select.NULL else str(choice)

    def raw(self) -> dict[str, str | None]:
        """The fields as texts named like the import columns, for validation."""
        values = self.values()
        return {
            "datum": values["datum"],
            "gemeente": values["gemeente"] or "",
            "vorm": values["vorm"].value if values["vorm"] else "",
            "melder": values["melder"],
            "kwetsbaar": ",".join(g.value for g in values["kwetsbaar"]),
            "ondermijning": "ja" if values["ondermijning"] else "nee",
            "omschrijving": values["omschrijving"],
        }

    # --- reacting ----------------------------------------------------------------

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "form-melder":
            self.query_one("#row-melder-other").set_class(event.value == OTHER_REPORTER, "visible")
            if event.value == OTHER_REPORTER:
                self.query_one("#form-melder-other", Input).focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id != "form-summary":
            return
        if self._similar_timer is not None:
            self._similar_timer.stop()
        self._similar_timer = self.set_timer(SIMILAR_DELAY, self.show_similar)

    def show_similar(self) -> None:
        """Earlier cases like the one being typed: a repeat signal shows up."""
        self._similar_timer = None
        if self.drieluik.vault is None:
            return
        text = self.query_one("#form-summary", TextArea).text
        exclude = self.case.id if self.case else None
        hits = similar_cases(self.vault, text, limit=5, exclude_case_id=exclude)
        out = Text()
        if hits:
            out.append(t("form.similar"), style="bold")
            for hit in hits:
                out.append("\n")
                out.append(visible(hit.code), style="bold")
                out.append("  ")
                out.append(visible(hit.snippet, single_line=True, max_length=100))
        self.query_one("#form-similar", Static).update(out)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "form-save":
            self.action_save()
        elif event.button.id == "form-cancel":
            self.action_cancel()

    def action_cancel(self) -> None:
        """Leave the form; what was typed is thrown away only after a yes."""
        if self._pristine is not None and self.values() == self._pristine:
            self.app.pop_screen()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.app.pop_screen()

        self.app.push_screen(
            ConfirmDialog(t("form.discard_confirm"), yes=t("form.discard_yes")), answered
        )

    def action_save(self) -> None:
        raw = self.raw()
        reporter = " ".join((raw.get("melder") or "").split())
        allow = allowlist.allow_terms(self.vault)
        if self.case is not None:
            allow.append(self.case.reporter)  # editing a case keeps the reporter it had
        if reporter and self._reporter_confirm.confirms(reporter):
            # Saved again after the warning: the chair says it is an organisation.
            allowlist.add_allow_term(self.vault, reporter)
            allow.append(reporter)
        data, errors, warnings = cases.validate_case_fields(
            raw, today=self.drieluik.today(), allow=allow, profile=self.profile
        )
        personal = any(p.kind == "personal_data" for p in errors)
        self._reporter_confirm.refused(reporter if personal else None)
        self._show_problems({p.field: p.message for p in errors})
        if data is None:
            self.notify(t("form.has_errors"), severity="error")
            first = next((p.field for p in errors if p.field in FIELDS), None)
            if first:
                self._focus_field(first)
            return
        confirmed = self._personal_data.confirms(data.summary)
        try:
            if self.case is None:
                saved = cases.create_case(self.vault, data, accept_personal_data=confirmed)
                message = t("form.created", code=saved.code)
            else:
                saved = cases.update_case(
                    self.vault, self.case.id, data, accept_personal_data=confirmed
                )
                message = t("form.updated", code=saved.code)
        except PersonalDataFound as error:
            self._personal_data.refused(data.summary, error)
            self._show_problems({"omschrijving": error.message})
            self._focus_field("omschrijving")
            if error.confirmable:
                self.notify(t("form.confirm_personal_data"), severity="warning", markup=False)
            return
        except DrieluikError as error:
            self.drieluik.report_error(error)
            return
        for warning in warnings:
            self.notify(f"{t('form.' + warning.field)}: {warning.message}", markup=False)
        self.notify(message, markup=False)
        self.app.pop_screen()
        if self.case is None:
            self.drieluik.open_case(saved.id)

    def _show_problems(self, problems: dict[str, str]) -> None:
        for name in FIELDS:
            label = self.query_one(f"#error-{name}", Static)
            message = problems.get(name, "")
            label.update(message)
            label.set_class(bool(message), "visible")

    def _focus_field(self, name: str) -> None:
        target = {"omschrijving": "#form-summary"}.get(name, f"#form-{name}")
        self.query_one(target).focus()
