"""The panes of the import screen (`screens/import_file.py`).

Each pane shows what the screen gives it (the columns of the file, the
texts drieluik could not read, the dry run's rows and problems) and tells
the screen what the chair chose by posting a message; none calls a service.
Everything from the file is shown literally (`literal`, `Content`), never
as markup; a possible personal-data finding is shown by its category only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Label

from drieluik.i18n import t
from drieluik.services.importer import COLUMNS, IGNORE, ColumnPlan, ImportResult
from drieluik.widgets.filter_select import FilterSelect
from drieluik.widgets.literal import literal

MAX_PROBLEM_ROWS = 200  # rows of the problem table; the rest are counted in its title


class ColumnChosen(Message):
    """The chair read column `header` as `field` (IGNORE; None: as recognised)."""

    def __init__(self, header: str, field: str | None) -> None:
        super().__init__()
        self.header = header
        self.field = field


class ValueChosen(Message):
    """The chair read `text` in field `field` as `target` (None: as written)."""

    def __init__(self, field: str, text: str, target: str | None) -> None:
        super().__init__()
        self.field = field
        self.text = text
        self.target = target


class ColumnMapPane(Vertical):
    """One line per column of the header row: its letter and header, and a choice
    of field. Unset, a column is read as drieluik recognises it (or ignored)."""

    DEFAULT_CSS = """
    ColumnMapPane { height: auto; }
    ColumnMapPane .import-map-row { height: 1; }
    ColumnMapPane .import-map-label { width: 1fr; max-width: 40; padding: 0 1; }
    ColumnMapPane FilterSelect { width: 1fr; max-width: 34; }
    """

    def __init__(self, columns: Sequence[ColumnPlan] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = list(columns)

    def compose(self) -> ComposeResult:
        fields = [(name, name) for name in COLUMNS] + [(t("imp.ignore"), IGNORE)]
        for index, plan in enumerate(self.columns):
            if plan.mapped:
                prompt = t("imp.automatic")
            elif plan.field is None:
                prompt = t("imp.unrecognised")
            else:
                prompt = t("imp.recognised", field=plan.field)
            with Horizontal(classes="import-map-row"):
                yield Label(
                    literal(f"{plan.letter} · {plan.header}", single_line=True, max_length=38),
                    classes="import-map-label",
                )
                yield FilterSelect(
                    fields,
                    prompt=prompt,
                    value=plan.field if plan.mapped else None,
                    id=f"import-col-{index}",
                )

    def show(self, columns: Sequence[ColumnPlan]) -> None:
        self.columns = list(columns)
        self.refresh(recompose=True)

    def on_filter_select_changed(self, event: FilterSelect.Changed) -> None:
        event.stop()
        index = int((event.filter_select.id or "").rsplit("-", 1)[-1])
        self.post_message(ColumnChosen(self.columns[index].header, event.value))  # type: ignore[arg-type]


class ValueMapPane(Vertical):
    """One line per text of a closed list (municipality, form, status) that
    drieluik could not read, with how many rows hold it and a choice of what it is."""

    DEFAULT_CSS = """
    ValueMapPane { height: auto; }
    ValueMapPane .import-map-row { height: 1; }
    ValueMapPane .import-map-label { width: 1fr; max-width: 40; padding: 0 1; }
    ValueMapPane FilterSelect { width: 1fr; max-width: 34; }
    """

    def __init__(
        self, choices: Callable[[str], list[tuple[str, str]]], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.choices = choices  # (label, value) per field: the vault's region decides
        # (field, text as in the sheet, rows holding it (0: from the mapping), chosen value)
        self.items: list[tuple[str, str, int, str | None]] = []

    def compose(self) -> ComposeResult:
        if not self.items:
            yield Label(t("imp.values_none"), classes="import-none")
            return
        for index, (name, text, rows, chosen) in enumerate(self.items):
            with Horizontal(classes="import-map-row"):
                yield Label(self._line(name, text, rows), classes="import-map-label")
                yield FilterSelect(
                    self.choices(name),
                    prompt=t("imp.value_prompt"),
                    value=chosen,
                    id=f"import-val-{index}",
                )

    def show(self, items: Sequence[tuple[str, str, int, str | None]]) -> None:
        items = list(items)
        if items == self.items:
            return
        same_lines = [i[:2] for i in items] == [i[:2] for i in self.items] and items
        self.items = items
        if not same_lines:
            self.refresh(recompose=True)
            return
        # The same texts (a choice was made): update the lines in place, so the
        # focus stays on the choice the chair just made.
        labels = self.query(".import-map-label").results(Label)
        for index, (label, select) in enumerate(zip(labels, self.query(FilterSelect), strict=True)):
            label.update(self._line(*items[index][:3]))
            select.set_value_quietly(items[index][3])
            select.refresh()

    @staticmethod
    def _line(name: str, text: str, rows: int):
        where = t("imp.value_rows", count=rows) if rows else t("imp.value_mapped")
        return literal(f"{name}: '{text}' {where}", single_line=True, max_length=38)

    def on_filter_select_changed(self, event: FilterSelect.Changed) -> None:
        event.stop()
        index = int((event.filter_select.id or "").rsplit("-", 1)[-1])
        name, text, _, _ = self.items[index]
        self.post_message(ValueChosen(name, text, event.value))  # type: ignore[arg-type]


class PreviewTable(DataTable):
    """The first rows as drieluik reads them (`ImportResult.preview`), possible
    personal data replaced by placeholders."""

    def show(self, result: ImportResult | None) -> None:
        self.clear(columns=True)
        if result is None or not result.preview:
            return
        names = list(result.preview[0][1])
        self.add_column(t("imp.col_line"), key="line")
        for name in names:
            self.add_column(name, key=name)
        # A summary with possible personal data shows placeholders, never the finding.
        for line, shown in result.preview_without_personal_data():
            self.add_row(
                literal(str(line)),
                *(literal(shown[name], single_line=True, max_length=30) for name in names),
            )


class ProblemTable(DataTable):
    """Every problem of the dry run: row, column, kind and message. For possible
    personal data the message is the category (`ImportResult.personal`), never the text."""

    def on_mount(self) -> None:
        for key in ("line", "column", "kind", "message"):
            self.add_column(t(f"imp.col_{key}"), key=key)

    def show(self, result: ImportResult | None) -> int:
        """Fill the table; returns the number of problems (shown or not)."""
        self.clear()
        if result is None:
            return 0
        kinds = (
            (result.errors, t("imp.kind_error")),
            (result.personal, t("imp.kind_personal")),
            (result.warnings, t("imp.kind_warning")),
        )
        total = sum(len(problems) for problems, _ in kinds)
        shown = 0
        for problems, kind in kinds:
            for problem in problems:
                if shown >= MAX_PROBLEM_ROWS:
                    return total
                column = " ".join(p for p in (problem.letter, problem.column) if p)
                self.add_row(
                    literal(str(problem.line) if problem.line else "—"),
                    literal(column or "—", single_line=True, max_length=24),
                    literal(kind),
                    literal(problem.message, single_line=True),
                )
                shown += 1
        return total
