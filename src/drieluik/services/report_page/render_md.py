"""The figures page as Markdown: the same sections as the Word and PDF page, no charts.

Stable bytes for the same figures (an appendix that diffs well); every
table row has as many cells as its header.
"""

from __future__ import annotations

from drieluik.i18n import t
from drieluik.services.report_page.model import FiguresPage


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def render_md(page: FiguresPage) -> str:
    lines = [f"# {page.title}", "", page.subtitle, ""]
    lines += [f"- {label}: {value}" for label, value in page.totals]
    compare = page.previous_year is not None
    for table in page.tables:
        lines += ["", f"## {table.title}", ""]
        if compare:
            header = [
                table.column,
                str(page.year),
                str(page.previous_year),
                t("report.column.change"),
            ]
        else:
            header = [table.column, str(page.year)]
        lines += [_row(header), "|---" + "|---:" * (len(header) - 1) + "|"]
        for row in table.rows:
            cells = [row.label, str(row.value)]
            if compare:
                cells += [str(row.previous or 0), row.change]
            lines.append(_row(cells))
        if table.note:
            lines += ["", table.note]
    lines += ["", f"## {page.years_title}", "", page.trend, ""]
    lines += [_row(list(page.year_columns)), "|---" + "|---:" * (len(page.year_columns) - 1) + "|"]
    for point, change in zip(page.years, page.year_changes(), strict=True):
        lines.append(_row([str(point.year), str(point.total), change, *map(str, point.by_form)]))
    lines += ["", f"## {t('page.footnotes')}", ""]
    lines += [f"{n}. {note}" for n, note in enumerate(page.footnotes, start=1)]
    return "\n".join(lines) + "\n"
