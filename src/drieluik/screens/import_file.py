"""Import signals from the chair's spreadsheet, with a mapping the chair makes here.

The screen is the CLI's `drieluik import --dry-run --map … --value … --profile`
with the choices on screen: it holds the file's path and an `ImportMapping`;
every change of either runs the dry run again (`importer.preview_import`, in
a thread worker: a large file takes seconds) and shows the columns, the first
rows as drieluik reads them, the texts it cannot read and every problem.
ctrl+s imports all rows or none (`importer.import_cases`), after asking;
ctrl+b keeps the mapping as a named profile in the vault, which the profile
choice offers next time, for a new file.
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Input, Label, Static

from drieluik.errors import DrieluikError
from drieluik.i18n import count, t
from drieluik.screens.base import DrieluikScreen
from drieluik.services import guard, importer, region
from drieluik.services.importer import VALUE_FIELDS, ImportMapping, ImportPreview
from drieluik.widgets.filter_select import FilterSelect
from drieluik.widgets.footer import BindingsFooter
from drieluik.widgets.import_file import (
    ColumnChosen,
    ColumnMapPane,
    PreviewTable,
    ProblemTable,
    ValueChosen,
    ValueMapPane,
)
from drieluik.widgets.literal import literal

ACCEPT = "accept"  # rows with possible personal data: stored and marked
REDACT = "redact"  # … stored with placeholders


class ImportScreen(DrieluikScreen):
    AUTO_FOCUS = "#import-path"
    CSS = """
    ImportScreen #import-file { height: 1; margin: 1 1 0 1; }
    ImportScreen #import-path { width: 1fr; }
    ImportScreen #import-profile { width: 30; margin-left: 1; }
    ImportScreen #import-body { height: 1fr; padding: 0 1; }
    ImportScreen .import-heading { margin-top: 1; text-style: bold; }
    ImportScreen .import-none { color: $text-muted; padding: 0 1; }
    ImportScreen #import-file-info { color: $text-muted; }
    ImportScreen #import-preview { height: auto; max-height: 8; }
    ImportScreen #import-problems { height: auto; max-height: 12; }
    ImportScreen #import-personal-row { height: auto; }
    ImportScreen #import-personal { width: 1fr; max-width: 50; }
    ImportScreen #import-profile-row { height: 1; margin-top: 1; }
    ImportScreen #import-profile-label { width: auto; padding-right: 1; }
    ImportScreen #import-profile-name { width: 1fr; max-width: 44; }
    ImportScreen #import-status { height: auto; max-height: 3; padding: 0 1; }
    ImportScreen #import-status.-error { color: $error; }
    """

    BINDINGS = [
        Binding("escape", "leave", "bind.back", id="import.back"),
        Binding("ctrl+s,f2", "import", "bind.import_run", id="import.run"),
        Binding("ctrl+b", "save_profile", "bind.import_profile", id="import.profile"),
        Binding("ctrl+r", "read", "bind.import_read", show=False, id="import.read"),
    ]

    def __init__(
        self, path: str = "", mapping: str | None = None, profile: str | None = None
    ) -> None:
        super().__init__()
        self.path_text = path
        self.mapping = ImportMapping.from_json(mapping) if mapping else ImportMapping()
        self.profile = profile
        self.preview: ImportPreview | None = None
        self.imported: list[str] = []
        self._generation = 0  # the read whose outcome is still wanted
        # The mapping as last kept in (or taken from) a profile: leaving with
        # another one, before importing, asks first.
        self._kept = self.mapping.as_json() if profile else ImportMapping().as_json()
        self.reading = False
        self._shown_at = 0.0  # when the reading progress was last shown

    def rebuild_arguments(self):
        # After a lock: the same file and mapping (memory only), read again.
        return (), {
            "path": self.path_text,
            "mapping": None if self.mapping.empty else self.mapping.as_json(),
            "profile": self.profile,
        }

    # --- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="import-file"):
            yield Input(
                value=self.path_text,
                placeholder=t("imp.path_placeholder"),
                id="import-path",
                compact=True,
            )
            yield FilterSelect(
                [(name, name) for name in importer.profile_names(self.vault)],
                prompt=t("imp.profile_prompt"),
                value=self.profile,
                id="import-profile",
            )
        with VerticalScroll(id="import-body"):
            yield Static(t("imp.hint"), id="import-file-info", markup=False)
            yield Label(t("imp.heading_columns"), classes="import-heading")
            yield ColumnMapPane(id="import-columns")
            yield Label(t("imp.heading_values"), classes="import-heading")
            profile = region.get(self.vault)
            yield ValueMapPane(partial(importer.value_choices, profile=profile), id="import-values")
            yield Label(t("imp.heading_preview"), classes="import-heading")
            yield PreviewTable(id="import-preview", cursor_type="row", show_cursor=False)
            yield Label(
                t("imp.heading_problems"), classes="import-heading", id="import-problems-title"
            )
            yield ProblemTable(id="import-problems", cursor_type="row", zebra_stripes=True)
            with Horizontal(id="import-personal-row"):
                yield FilterSelect([], prompt=t("imp.personal_refuse"), id="import-personal")
            with Horizontal(id="import-profile-row"):
                yield Label(t("imp.profile_name"), id="import-profile-label")
                yield Input(
                    value=self.profile or "",
                    placeholder=t("imp.profile_placeholder"),
                    id="import-profile-name",
                    compact=True,
                )
        yield Static("", id="import-status", markup=False)
        yield BindingsFooter()

    def on_mount(self) -> None:
        self.title = t("imp.title")
        self.query_one("#import-personal-row").display = False
        if self.path_text:
            self.action_read()

    # --- reading (the dry run) ------------------------------------------------------

    def action_read(self) -> None:
        """Read the file with the current mapping, in a thread worker."""
        text = self.query_one("#import-path", Input).value.strip()
        self.path_text = text
        if not text:
            self._status(t("imp.path_needed"), error=True)
            return
        self._generation += 1
        generation = self._generation
        self.reading = True
        self._status(t("imp.reading"))
        self.run_service(
            importer.preview_import,
            Path(text).expanduser(),
            self.vault,
            self.mapping,
            today=self.drieluik.today(),
            progress=lambda done, total: self._progress(generation, done, total),
            thread=True,
            on_success=lambda preview: self._previewed(generation, preview),
            on_error=lambda error: self._read_failed(generation, error),
        )

    def _progress(self, generation: int, done: int, total: int) -> None:
        """From the reading thread, every few hundred rows: how far it is."""
        now = time.monotonic()
        if generation != self._generation:
            return
        if done >= total:  # every row read; the personal-data check follows
            self.app.call_from_thread(self._status, t("imp.checking", total=count(total)))
        elif now - self._shown_at >= 0.2:
            self._shown_at = now  # at most five redraws a second: the UI thread stays free
            text = t("imp.reading_rows", done=count(done), total=count(total))
            self.app.call_from_thread(self._status, text)

    def _previewed(self, generation: int, preview: ImportPreview) -> None:
        if generation != self._generation or not self.is_mounted:
            return  # a newer read is under way (the mapping changed meanwhile)
        self.reading = False
        old = self.preview
        self.preview = preview
        self.imported = []
        if old is None or [c.header for c in old.columns] != [c.header for c in preview.columns]:
            self.query_one(ColumnMapPane).show(preview.columns)
        self.query_one(ValueMapPane).show(self._value_items(preview))
        result = preview.result
        self.query_one(PreviewTable).show(result)
        problems = self.query_one(ProblemTable).show(result)
        self.query_one("#import-problems-title", Label).update(
            t("imp.heading_problems_count", count=problems)
        )
        self._show_personal_choice()
        self.query_one("#import-file-info", Static).update(self._file_info(preview))
        if result is None:
            self._status(preview.problem or "", error=True)
        elif not result.complete:
            self._status(
                t("import.stopped", limit=importer.MAX_PROBLEMS, line=result.stopped_at), error=True
            )
        elif result.errors:
            self._status(
                t("imp.has_errors", invalid=len(result.invalid_lines), total=result.total),
                error=True,
            )
        else:
            self._status(t("imp.ready", valid=len(result.rows), total=result.total))

    def _read_failed(self, generation: int, error: DrieluikError) -> None:
        if generation != self._generation or not self.is_mounted:
            return
        self.reading = False
        self.preview = None
        self.query_one(PreviewTable).show(None)
        self.query_one(ProblemTable).show(None)
        self._status(error.message, error=True)

    def _value_items(self, preview: ImportPreview) -> list[tuple[str, str, int, str | None]]:
        """Every text the file holds that drieluik cannot read, and every one the
        mapping already reads otherwise (so a choice stays where it was made)."""
        items: dict[tuple[str, str], tuple[int, str | None]] = {}
        for name, table in self.mapping.values.items():
            for text, target in table.items():
                items[(name, text)] = (0, target)
        if preview.result is not None:
            for name, counts in preview.result.unknown_values.items():
                for text, count in counts.items():
                    items[(name, text)] = (count, self.mapping.value_for(name, text))
        order = {name: i for i, name in enumerate(VALUE_FIELDS)}
        return [
            (name, text, rows, target)
            for (name, text), (rows, target) in sorted(
                items.items(), key=lambda kv: (order.get(kv[0][0], 99), kv[0][1].casefold())
            )
            if name in order
        ]

    def _file_info(self, preview: ImportPreview) -> str:
        result = preview.result
        name = Path(self.path_text).name
        if result is None:
            return t("imp.file_columns", path=name, columns=len(preview.columns))
        return t(
            "imp.file_rows",
            path=name,
            rows=result.total,
            valid=len(result.rows),
            invalid=len(result.invalid_lines),
            personal=len({p.line for p in result.personal}),
        )

    def _show_personal_choice(self) -> None:
        """Rows with possible personal data: the choice the CLI's --accept-personal-data
        and --redact make; unset (the safe choice) imports nothing under `bevestigen`."""
        row = self.query_one("#import-personal-row")
        result = self.preview.result if self.preview else None
        flagged = (
            result is not None
            and bool(result.personal)
            and result.policy is not guard.Policy.WAARSCHUWEN
        )
        row.display = flagged
        if not flagged or result is None:
            return
        choice = self.query_one("#import-personal", FilterSelect)
        options = [(t("imp.personal_redact"), REDACT)]
        if result.policy is guard.Policy.BEVESTIGEN:
            options.insert(0, (t("imp.personal_accept"), ACCEPT))
        if choice.value not in [value for _, value in options]:
            choice.clear()
        choice.options = options

    def _status(self, text: str, *, error: bool = False) -> None:
        if not self.is_mounted:  # left while a read was under way
            return
        status = self.query_one("#import-status", Static)
        status.update(literal(text))
        status.set_class(error, "-error")

    # --- the chair's choices ----------------------------------------------------------

    @on(Input.Submitted, "#import-path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.preview = None  # another file: its columns are drawn anew
        self.action_read()

    @on(Input.Submitted, "#import-profile-name")
    def _profile_name_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save_profile()

    @on(ColumnChosen)
    def _column_chosen(self, event: ColumnChosen) -> None:
        event.stop()
        self.mapping = self.mapping.with_column(event.header, event.field)
        self.action_read()

    @on(ValueChosen)
    def _value_chosen(self, event: ValueChosen) -> None:
        event.stop()
        self.mapping = self.mapping.with_value(event.field, event.text, event.target)
        self.action_read()

    @on(FilterSelect.Changed, "#import-profile")
    def _profile_chosen(self, event: FilterSelect.Changed) -> None:
        event.stop()
        if event.value is None or event.value == self.profile:
            return
        name = str(event.value)  # the choices are the profiles' names
        self.run_service(
            importer.load_profile, self.vault, name, on_success=lambda m: self._use(name, m)
        )

    def _use(self, name: str, mapping: ImportMapping | None) -> None:
        self.profile = name
        self.mapping = mapping or ImportMapping()
        self._kept = self.mapping.as_json()
        self.query_one("#import-profile-name", Input).value = name
        self._status(t("imp.profile_loaded", name=name))
        if self.query_one("#import-path", Input).value.strip():
            self.preview = None  # the columns' choices come from the profile: draw them anew
            self.action_read()

    @on(FilterSelect.Changed, "#import-personal")
    def _personal_chosen(self, event: FilterSelect.Changed) -> None:
        event.stop()

    def action_leave(self) -> None:
        """Escape: back; a mapping made here and neither kept nor used asks first."""
        if self.imported or self.mapping.as_json() == self._kept:
            self.action_back()
            return
        from drieluik.screens.meeting_dialogs import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self.action_back()

        self.app.push_screen(ConfirmDialog(t("imp.leave_unkept"), yes=t("imp.leave_yes")), answered)

    # --- importing, keeping the profile ------------------------------------------------

    def action_import(self) -> None:
        result = self.preview.result if self.preview else None
        if self.reading:
            self._status(t("imp.still_reading"), error=True)
            return
        if self.imported:
            self._status(t("imp.already_imported", count=len(self.imported)), error=True)
            return
        if result is None:
            self._status(
                (self.preview.problem if self.preview else None) or t("imp.nothing_read"),
                error=True,
            )
            return
        if not result.complete:
            self._status(
                t("import.stopped", limit=importer.MAX_PROBLEMS, line=result.stopped_at), error=True
            )
            return
        if result.errors:
            self._status(
                t("imp.refused", invalid=len(result.invalid_lines), total=result.total), error=True
            )
            return
        if not result.rows:
            self._status(t("cli.import.nothing_valid", total=result.total), error=True)
            return
        from drieluik.screens.meeting_dialogs import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self._import(result)

        self.app.push_screen(
            ConfirmDialog(t("imp.confirm", count=len(result.rows)), yes=t("imp.confirm_yes")),
            answered,
        )

    def _import(self, result: importer.ImportResult) -> None:
        choice = self.query_one("#import-personal", FilterSelect).value
        self._status(t("imp.importing"))
        self.run_service(
            importer.import_cases,
            self.vault,
            result,
            accept_personal_data=choice == ACCEPT,
            redact=choice == REDACT,
            thread=True,
            form=self.query_one("#import-body"),
            on_success=self._imported,
            on_error=self._import_failed,
        )

    def _import_failed(self, error: DrieluikError) -> None:
        if isinstance(error, guard.PersonalDataFound):
            # Nothing was imported: the choice for those rows is the next step.
            self._status(f"{error.message} {t('imp.personal_choose')}", error=True)
            self.query_one("#import-personal", FilterSelect).focus()
        else:
            self._status(error.message, error=True)

    def _imported(self, codes: list[str]) -> None:
        self.imported = list(codes)
        if codes:
            text = t("imp.done", count=len(codes), first=codes[0], last=codes[-1])
        else:
            text = t("imp.done_none")
        self._status(text)
        self.notify(text, markup=False)

    def action_save_profile(self) -> None:
        name = self.query_one("#import-profile-name", Input).value
        if self.mapping.empty:
            self._status(t("imp.profile_empty"), error=True)
            return

        def saved(_: Any) -> None:
            clean = importer.check_profile_name(name)
            self.profile = clean
            self._kept = self.mapping.as_json()
            choice = self.query_one("#import-profile", FilterSelect)
            choice.options = [(n, n) for n in importer.profile_names(self.vault)]
            choice.set_value_quietly(clean)
            choice.refresh()
            self._status(t("imp.profile_saved", name=clean))

        self.run_service(
            importer.save_profile,
            self.vault,
            name,
            self.mapping,
            on_success=saved,
            on_error=lambda error: self._status(error.message, error=True),
        )
