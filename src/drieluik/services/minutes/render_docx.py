"""Word minutes through python-docx: real headings, real tables, A4.

Title (style "Title"), sections as "Heading 1", one "Heading 2" per agenda
item, "Heading 3" for its decisions and actions, so Word's navigation pane
and a generated table of contents work. The action list is a table whose
header row repeats on every page. The footer on every page reads
"Vertrouwelijk – geanonimiseerd verslag · pagina X van Y" (PAGE/NUMPAGES
fields, filled in by Word when the document is opened or printed).

Every text passes `display_safe` first: XML 1.0 cannot hold most control
characters and python-docx raises on them (see safe_text.py).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from drieluik.i18n import current_language, t
from drieluik.services.minutes import labels
from drieluik.services.minutes.model import Minutes, MinutesItem
from drieluik.services.minutes.safe_text import display_safe

# Column widths of the action list (case, action, owner, due, status), in cm;
# they add up to the 17 cm between the margins.
ACTION_COLUMN_CM = (2.6, 6.6, 3.6, 2.4, 1.8)
HEADER_FILL = "E8ECF2"  # the same light blue-grey as the PDF


class _LinearBody:
    """The document's `add_paragraph`, `add_heading` and `add_table`, in constant time each.

    python-docx inserts every paragraph before the section properties by
    searching the whole body for them, and resolves a style name by scanning
    every style: a 2,000-item meeting took over 200 s. Here the section
    properties are found once, each style once, and paragraphs go straight
    before them, so rendering is linear (benchmarks/run.py: minutes_2000_docx_s).
    """

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self.parent = document._body
        self.anchor = document.element.body.sectPr  # None: append at the end
        self.body = document.element.body
        self.style_ids: dict[str, str] = {}

    def add_paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        element = OxmlElement("w:p")
        if style is not None:
            if style not in self.style_ids:
                self.style_ids[style] = self.document.styles[style].style_id
            element.style = self.style_ids[style]
        if self.anchor is not None:
            self.anchor.addprevious(element)
        else:
            self.body.append(element)
        paragraph = Paragraph(element, self.parent)
        if text:
            paragraph.add_run(text)
        return paragraph

    def add_heading(self, text: str = "", level: int = 1) -> Paragraph:
        return self.add_paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def add_table(self, rows: int, cols: int) -> Table:
        table: Table = self.document.add_table(rows=rows, cols=cols)  # python-docx: unannotated
        return table


def _cells(row: _Row) -> list[_Cell]:
    # `row.cells` rebuilds the whole table's cell grid each time: quadratic.
    return [_Cell(tc, row.table) for tc in row._tr.tc_lst]


def _field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES) with a placeholder result until Word updates it."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run._r.append(begin)
    run = paragraph.add_run()
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run._r.append(code)
    run = paragraph.add_run()
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)
    paragraph.add_run(placeholder)
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _proofing_language(document: DocxDocument, tag: str) -> None:
    """The language Word checks spelling in: python-docx's template says en-US
    in the document defaults, which underlines every Dutch word."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_properties.append(lang)
    lang.set(qn("w:val"), tag)


def _footer(document: DocxDocument) -> None:
    section = document.sections[0]
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(f"{labels.footer()} · ")
    page, pages = "{page}", "{pages}"
    template = t("minutes.page", page=page, pages=pages)
    before, rest = template.split(page, 1)
    middle, after = rest.split(pages, 1)
    paragraph.add_run(before)
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(middle)
    _field(paragraph, "NUMPAGES", "1")
    paragraph.add_run(after)
    for run in paragraph.runs:
        run.font.size = Pt(8)


def _text(paragraph: Paragraph, text: str, *, bold: bool = False) -> None:
    # python-docx turns "\n" into a line break and "\t" into a tab.
    run = paragraph.add_run(display_safe(text))
    run.bold = bold


def _labelled(document: _LinearBody, label: str, value: str) -> None:
    paragraph = document.add_paragraph()
    _text(paragraph, f"{label}: ", bold=True)
    _text(paragraph, value)
    paragraph.paragraph_format.space_after = Pt(0)


def _body(
    document: _LinearBody, label: str, text: str, empty: str, note: str | None = None
) -> None:
    heading = document.add_paragraph()
    _text(heading, label, bold=True)
    heading.paragraph_format.space_before = Pt(8)
    heading.paragraph_format.space_after = Pt(2)
    heading.paragraph_format.keep_with_next = True
    if note:
        run = document.add_paragraph().add_run(note)
        run.italic = True
    _text(document.add_paragraph(), text or empty)


def _repeat_header(table: Table) -> None:
    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _item(document: _LinearBody, minutes: Minutes, item: MinutesItem, shown: int) -> None:
    document.add_heading(display_safe(labels.item_heading(item, shown)), level=2)
    for label, value in labels.item_facts(item, times=minutes.show_times):
        _labelled(document, label, value)
    _body(document, t("minutes.label.summary"), item.summary, t("minutes.none.summary"))
    _body(
        document,
        t("minutes.label.notes"),
        item.notes,
        t("minutes.none.notes"),
        labels.item_state_note(minutes, item),
    )
    document.add_heading(t("minutes.heading.decisions"), level=3)
    if not item.decisions:
        document.add_paragraph(t("minutes.none.decisions"))
    for decision in item.decisions:
        kind, details = labels.decision_head(decision)
        paragraph = document.add_paragraph(style="List Bullet")
        _text(paragraph, kind, bold=True)
        if details:
            _text(paragraph, f" ({details})")
        if decision.text:
            _text(paragraph, f"\n{decision.text}")
    document.add_heading(t("minutes.heading.actions"), level=3)
    if not item.actions:
        document.add_paragraph(labels.no_actions(minutes))
    for action in item.actions:
        paragraph = document.add_paragraph(style="List Bullet")
        _text(paragraph, action.description)
        _text(paragraph, f" ({labels.action_details(action)})")


def _action_table(document: _LinearBody, minutes: Minutes) -> None:
    columns = labels.action_columns()
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for cell, name in zip(table.rows[0].cells, columns, strict=True):
        _text(cell.paragraphs[0], name, bold=True)
    _repeat_header(table)
    for action in minutes.action_list:
        cells = _cells(table.add_row())  # type: ignore[no-untyped-call]  # python-docx leaves add_row unannotated
        for cell, value in zip(cells, labels.action_row(action), strict=True):
            _text(cell.paragraphs[0], value)
    for column, width in zip(table.columns, ACTION_COLUMN_CM, strict=True):
        column.width = Cm(width)  # the grid: LibreOffice reads only this
    for row in table.rows:
        for cell, width in zip(_cells(row), ACTION_COLUMN_CM, strict=True):
            cell.width = Cm(width)
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
    for cell in table.rows[0].cells:
        # After the width: OOXML wants <w:shd> after <w:tcW> in the cell properties.
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), HEADER_FILL)
        cell._tc.get_or_add_tcPr().append(shading)


def new_document(title: str) -> DocxDocument:
    """An A4 Word document with drieluik's styles, metadata and proofing language.

    The one way drieluik starts a Word file (minutes and the annual figures page).
    """
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    properties = document.core_properties
    properties.title = title
    properties.author = "drieluik"
    properties.last_modified_by = "drieluik"
    properties.comments = ""
    language = "nl-NL" if current_language() == "nl" else "en-GB"
    properties.language = language
    _proofing_language(document, language)
    # The template's own dates are from 2013: the export's moment instead.
    properties.created = properties.modified = datetime.now(UTC).replace(microsecond=0)
    properties.revision = 1
    return document


def render_docx(minutes: Minutes) -> bytes:
    title = labels.title(minutes)
    real = new_document(title)
    section = real.sections[0]
    document = _LinearBody(real)
    document.add_heading(display_safe(title), level=0)
    if concept := labels.concept_note(minutes):
        # The page header repeats it on every page, so no printed page passes for final.
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = header.add_run(concept)
        run.bold = True
        run.font.size = Pt(9)
    if note := labels.partner_note(minutes):
        run = document.add_paragraph().add_run(display_safe(note))
        run.italic = True
    document.add_heading(t("minutes.heading.attending"), level=1)
    if minutes.attending:
        for name in minutes.attending:
            _text(document.add_paragraph(style="List Bullet"), name)
    else:
        document.add_paragraph(t("minutes.none.attending"))
    document.add_heading(t("minutes.heading.agenda"), level=1)
    if minutes.items:
        for item in minutes.items:
            _text(document.add_paragraph(style="List Number"), labels.agenda_entry(item))
    else:
        document.add_paragraph(labels.no_items(minutes))
    if total := labels.total_time(minutes):
        document.add_paragraph(total)
    if minutes.items:
        document.add_heading(t("minutes.heading.items"), level=1)
        for shown, item in enumerate(minutes.items, start=1):
            _item(document, minutes, item, shown)
    document.add_heading(t("minutes.heading.action_list"), level=1)
    if minutes.action_list:
        _action_table(document, minutes)
    else:
        document.add_paragraph(labels.no_actions(minutes))
    _footer(real)
    buffer = io.BytesIO()
    real.save(buffer)
    return buffer.getvalue()
