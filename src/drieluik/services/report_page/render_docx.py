"""The figures page as Word through python-docx: real tables whose last column is the chart.

A chart in Word is drawn with the text itself: each bar is a run of
non-breaking spaces in a monospaced font with run shading, so its length is
exact (one character = one step), it prints in black and white (this year
dark grey, the year before light grey, each number beside its bar), it
stays sharp at any zoom, and it survives copy and paste into the annual
report's own document as part of the table. python-docx cannot write
Word's native charts (a chart part with an embedded workbook) and an image
would need a raster library; see docs/annual-report.md. The years table
gets bars per year in Word; the PDF draws them as a line.

Styles, page setup, proofing language and the repeating header row are the
minutes renderer's.
"""

from __future__ import annotations

import io

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from drieluik.i18n import t
from drieluik.services.minutes.render_docx import HEADER_FILL, _repeat_header, _text, new_document
from drieluik.services.minutes.safe_text import display_safe
from drieluik.services.report_page.model import FiguresPage, PageTable

DARK = "595959"
LIGHT = "C8C8C8"
BAR_STEPS = 36  # characters of the longest bar (Courier New 6 pt: ~4.6 cm)
BAR_FONT = "Courier New"
GREY = RGBColor(0x59, 0x59, 0x59)
# Label, this year, the year before, change, chart: 17 cm between the margins.
COLUMNS_CM = (5.0, 1.6, 1.6, 1.8, 7.0)
COLUMNS_ALONE_CM = (5.0, 1.6, 10.4)


def _shade(element: BaseOxmlElement, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    element.append(shading)


def _bar(paragraph: Paragraph, value: int, peak: int, fill: str) -> None:
    """A shaded run `value / peak` of the chart wide, then the number."""
    steps = round(value / peak * BAR_STEPS) if peak else 0
    if value and not steps:
        steps = 1  # a small number still shows
    if steps:
        run = paragraph.add_run("\u00a0" * steps)
        run.font.name = BAR_FONT
        run.font.size = Pt(6)
        _shade(run._r.get_or_add_rPr(), fill)
    number = paragraph.add_run(f" {value}")
    number.font.size = Pt(7)
    number.font.color.rgb = GREY


def _widths(table: Table, widths: tuple[float, ...]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid: LibreOffice reads only this
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)


def _table_shell(document: DocxDocument, header: list[str], widths: tuple[float, ...]) -> Table:
    table: Table = document.add_table(rows=1, cols=len(header))  # python-docx: unannotated
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for n, (cell, name) in enumerate(zip(table.rows[0].cells, header, strict=True)):
        _text(cell.paragraphs[0], name, bold=True)
        if 0 < n < len(header) - 1:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _repeat_header(table)
    return table


def _finish(table: Table, widths: tuple[float, ...], numeric: range) -> None:
    _widths(table, widths)
    for row in table.rows:
        for n, cell in enumerate(row.cells):
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.paragraph_format.keep_with_next = True
                if n in numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                for run in paragraph.runs:
                    if run.font.size is None:
                        run.font.size = Pt(9)
    for cell in table.rows[0].cells:
        # After the width: OOXML wants <w:shd> after <w:tcW> in the cell properties.
        _shade(cell._tc.get_or_add_tcPr(), HEADER_FILL)


def _legend(page: FiguresPage) -> str:
    if page.previous_year is None:
        return t("page.chart.legend_one", year=page.year)
    return t("page.chart.legend", year=page.year, previous_year=page.previous_year)


def _figures_table(document: DocxDocument, page: FiguresPage, table: PageTable) -> None:
    document.add_heading(display_safe(table.title), level=1)
    compare = page.previous_year is not None
    header = [table.column, str(page.year)]
    if compare:
        header += [str(page.previous_year), t("report.column.change")]
    header.append(_legend(page))
    widths = COLUMNS_CM if compare else COLUMNS_ALONE_CM
    shell = _table_shell(document, header, widths)
    peak = table.peak
    for row in table.rows:
        cells = shell.add_row().cells  # type: ignore[no-untyped-call]  # python-docx leaves add_row unannotated
        _text(cells[0].paragraphs[0], row.label)
        _text(cells[1].paragraphs[0], str(row.value), bold=True)
        if compare:
            _text(cells[2].paragraphs[0], str(row.previous or 0))
            _text(cells[3].paragraphs[0], row.change)
        chart = cells[-1].paragraphs[0]
        _bar(chart, row.value, peak, DARK)
        if compare:
            _bar(cells[-1].add_paragraph(), row.previous or 0, peak, LIGHT)
    _finish(shell, widths, range(1, len(header) - 1))
    if table.note:
        _note(document, table.note)


def _note(document: DocxDocument, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(3)
    run = paragraph.add_run(display_safe(text))
    run.font.size = Pt(8.5)
    run.font.color.rgb = GREY


def _years_table(document: DocxDocument, page: FiguresPage) -> None:
    document.add_heading(display_safe(page.years_title), level=1)
    _text(document.add_paragraph(), page.trend)
    header = [*page.year_columns, t("page.chart.per_year")]
    forms = len(page.year_columns) - 3
    widths = (1.5, 2.4, 1.6) + (1.5,) * forms + (17 - 5.5 - 1.5 * forms,)
    shell = _table_shell(document, header, widths)
    peak = max([p.total for p in page.years] + [0])
    for point, change in zip(page.years, page.year_changes(), strict=True):
        cells = shell.add_row().cells  # type: ignore[no-untyped-call]  # python-docx leaves add_row unannotated
        values = [str(point.year), str(point.total), change, *map(str, point.by_form)]
        for n, (cell, value) in enumerate(zip(cells, values, strict=False)):
            _text(cell.paragraphs[0], value, bold=n == 1)
        _bar(cells[-1].paragraphs[0], point.total, peak, DARK)
    _finish(shell, widths, range(1, len(header) - 1))


def _footer(document: DocxDocument, page: FiguresPage) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(display_safe(f"{page.title} · {page.subtitle}"))
    run.font.size = Pt(8)


def render_docx(page: FiguresPage) -> bytes:
    document = new_document(page.title)
    document.add_heading(display_safe(page.title), level=0)
    subtitle = document.add_paragraph().add_run(display_safe(page.subtitle))
    subtitle.font.color.rgb = GREY
    for label, value in page.totals:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        _text(paragraph, f"{label}: ")
        _text(paragraph, value, bold=True)
    for table in page.tables:
        _figures_table(document, page, table)
    _years_table(document, page)
    document.add_heading(t("page.footnotes"), level=1)
    for note in page.footnotes:
        paragraph = document.add_paragraph(style="List Number")
        run = paragraph.add_run(display_safe(note))
        run.font.size = Pt(9)
    _footer(document, page)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
