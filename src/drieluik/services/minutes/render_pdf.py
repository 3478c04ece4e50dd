"""PDF minutes through fpdf2, with DejaVu Sans embedded (subset).

fpdf2's core fonts are Latin-1 only; DejaVu Sans (shipped in
drieluik/assets/fonts with its licence) has ë, ï, é, ĳ, – and “ ”. A
character the font has no glyph for (emoji, CJK) is printed as U+FFFD "�"
rather than silently left out. Very long words are broken over lines by
fpdf2. Right-to-left scripts are printed in stored (logical) order, without
shaping: readable for short fragments only.

Layout: A4, 20 mm margins; title, sections with a rule, one shaded band per
agenda item, PDF bookmarks per section and item; the action list as a
table whose header repeats on each page; footer "Vertrouwelijk –
geanonimiseerd verslag" left and "pagina X van Y" right on every page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import ExitStack
from functools import cache
from importlib import resources
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from drieluik.i18n import current_language, t
from drieluik.services.minutes import labels
from drieluik.services.minutes.model import Minutes, MinutesItem
from drieluik.services.minutes.safe_text import REPLACEMENT, display_safe

FONT = "DejaVuSans"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
BODY_SIZE = 10
LINE = 5.0  # mm per line of body text
INDENT = 5.0
GREY = (90, 90, 90)
BAND = (232, 236, 242)
# Widths (mm, 170 in all) of the action list columns: case, action, owner, due, status.
# A date at 9 pt needs ~20 mm; narrower and it breaks inside the date.
ACTION_COLUMNS = (25, 65, 36, 24, 20)


@cache
def _covered(path: str) -> frozenset[int]:
    """Code points the font has a glyph for."""
    font = TTFont(path, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


class _MinutesPdf(FPDF):
    def __init__(self, covered: frozenset[int], concept: str | None = None) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.covered = covered
        self.concept = concept  # drawn at the top of every page

    def printable(self, text: str) -> str:
        text = display_safe(text).replace("\t", "    ")
        return "".join(c if c == "\n" or ord(c) in self.covered else REPLACEMENT for c in text)

    def add_footers(self, left: str | None = None) -> None:
        """Footer on every page, drawn once the page count is known: `left`
        (default: the minutes' confidentiality line) and "pagina X van Y".

        (fpdf2's page-count alias is substituted after layout, which shifts
        right-aligned text, and would also replace "{nb}" typed in a note.)
        """
        total = self.pages_count
        self.set_auto_page_break(False)
        for number in range(1, total + 1):
            self.page = number
            self.set_xy(self.l_margin, -13)
            self.set_font(FONT, "", 8)
            self.set_text_color(*GREY)
            half = self.epw / 2
            self.cell(half, 5, self.printable(labels.footer() if left is None else left), align="L")
            self.cell(half, 5, t("minutes.page", page=number, pages=total), align="R")
            if self.concept:
                self.set_xy(self.l_margin, 8)
                self.set_font(FONT, "B", 9)
                self.cell(self.epw, 5, self.printable(self.concept), align="C")
        self.set_text_color(0)
        self.page = total


def _need(pdf: _MinutesPdf, height: float) -> None:
    """Start a new page unless `height` mm still fit (keeps headings with their text)."""
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()


def _heading1(pdf: _MinutesPdf, text: str, keep: float = 30) -> None:
    _need(pdf, keep)
    pdf.ln(3)
    pdf.start_section(pdf.printable(text), level=0)
    pdf.set_font(FONT, "B", 14)
    pdf.multi_cell(0, 8, pdf.printable(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(160)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())
    pdf.ln(2)


def _heading2(pdf: _MinutesPdf, text: str) -> None:
    _need(pdf, 40)
    pdf.ln(3)
    pdf.start_section(pdf.printable(text), level=1)
    pdf.set_font(FONT, "B", 12)
    pdf.set_fill_color(*BAND)
    pdf.multi_cell(
        0,
        8,
        pdf.printable(text),
        fill=True,
        padding=(0, 2),
        align="L",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(1.5)


def _heading3(pdf: _MinutesPdf, text: str) -> None:
    _need(pdf, 24)  # the heading and the first entry under it (two lines)
    pdf.ln(1.5)
    pdf.set_font(FONT, "B", 10.5)
    pdf.multi_cell(0, 6, pdf.printable(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _rich(pdf: _MinutesPdf, parts: Sequence[tuple[str, bool]], indent: float = 0) -> None:
    """Flowing text with bold and regular parts, wrapped at `indent` from the margin."""
    _flow(pdf, parts, indent)


def _paragraph(pdf: _MinutesPdf, text: str, *, indent: float = 0, grey: bool = False) -> None:
    if grey:
        pdf.set_text_color(*GREY)
    try:
        _flow(pdf, [(text, False)], indent)
    finally:
        pdf.set_text_color(0)


_SPACES = re.compile(r"( +)")


def _flow(pdf: _MinutesPdf, parts: Sequence[tuple[str, bool]], indent: float) -> None:
    """Word-wrap `parts` at the text width and print each line with plain cells.

    fpdf2's own line breaking (multi_cell, write) re-measures the whole line
    for every character it adds; a 2,000-item meeting spent most of a minute
    there. Here each word is measured once, so the cost is linear in the text
    (benchmarks/run.py: minutes_2000_pdf_s). A word wider than the line is
    broken between characters, as fpdf2 does.
    """
    base = pdf.l_margin
    pdf.set_left_margin(base + indent)
    pdf.set_x(base + indent)
    try:
        for line in _wrapped(pdf, parts, pdf.epw):
            for text, bold in line:
                pdf.set_font(FONT, "B" if bold else "", BODY_SIZE)
                pdf.cell(pdf.get_string_width(text), LINE, text)
            pdf.ln(LINE)
    finally:
        pdf.set_left_margin(base)
        pdf.set_x(base)


def _wrapped(
    pdf: _MinutesPdf, parts: Sequence[tuple[str, bool]], width: float
) -> list[list[tuple[str, bool]]]:
    """Lines of (text, bold) runs, each at most `width` mm wide (measured per word)."""
    lines: list[list[tuple[str, bool]]] = [[]]
    used = 0.0
    pending = ""  # spaces before the next word; dropped where the line breaks

    def put(text: str, bold: bool) -> None:
        line = lines[-1]
        if line and line[-1][1] == bold:
            line[-1] = (line[-1][0] + text, bold)
        else:
            line.append((text, bold))

    for raw, bold in parts:
        if not raw:
            continue
        pdf.set_font(FONT, "B" if bold else "", BODY_SIZE)
        measure = pdf.get_string_width
        for number, hard_line in enumerate(pdf.printable(raw).split("\n")):
            if number:
                lines.append([])
                used, pending = 0.0, ""
            for token in _SPACES.split(hard_line):
                if not token:
                    continue
                if token[0] == " ":
                    pending += token
                    continue
                gap = measure(pending) if pending else 0.0
                size = measure(token)
                if used + gap + size <= width:
                    if pending:
                        put(pending, bold)
                    put(token, bold)
                    used += gap + size
                elif size <= width:
                    lines.append([])
                    put(token, bold)
                    used = size
                else:  # longer than a line: broken between characters
                    if used:
                        lines.append([])
                        used = 0.0
                    for char in token:
                        step = measure(char)
                        if used + step > width and used:
                            lines.append([])
                            used = 0.0
                        put(char, bold)
                        used += step
                pending = ""
    return lines


def _bullet(
    pdf: _MinutesPdf, parts: Sequence[tuple[str, bool]], mark: str = "•", indent: float = INDENT
) -> None:
    pdf.set_font(FONT, "", BODY_SIZE)
    pdf.set_x(pdf.l_margin + 1.5)
    pdf.cell(indent - 1.5, LINE, mark)
    _rich(pdf, parts, indent=indent)


def _label(pdf: _MinutesPdf, text: str) -> None:
    _need(pdf, 14)
    pdf.ln(1.5)
    pdf.set_font(FONT, "B", BODY_SIZE)
    pdf.multi_cell(
        0, LINE + 0.5, pdf.printable(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )


def _item(pdf: _MinutesPdf, minutes: Minutes, item: MinutesItem, shown: int) -> None:
    _heading2(pdf, labels.item_heading(item, shown))
    for label, value in labels.item_facts(item, times=minutes.show_times):
        _rich(pdf, [(f"{label}: ", True), (value, False)])
    _label(pdf, t("minutes.label.summary"))
    _paragraph(pdf, item.summary or t("minutes.none.summary"))
    _label(pdf, t("minutes.label.notes"))
    if note := labels.item_state_note(minutes, item):
        _paragraph(pdf, note, grey=True)
    _paragraph(pdf, item.notes or t("minutes.none.notes"))
    _heading3(pdf, t("minutes.heading.decisions"))
    if not item.decisions:
        _paragraph(pdf, t("minutes.none.decisions"))
    for decision in item.decisions:
        kind, details = labels.decision_head(decision)
        _need(pdf, 2 * LINE + 2)  # the decision's head line with its first text line
        _bullet(pdf, [(kind, True), (f" ({details})" if details else "", False)])
        if decision.text:
            _paragraph(pdf, decision.text, indent=INDENT)
    _heading3(pdf, t("minutes.heading.actions"))
    if not item.actions:
        _paragraph(pdf, labels.no_actions(minutes))
    for action in item.actions:
        _bullet(
            pdf,
            [(action.description, False), (f" ({labels.action_details(action)})", False)],
        )


def _action_table(pdf: _MinutesPdf, minutes: Minutes) -> None:
    pdf.set_font(FONT, "", 9)
    pdf.set_draw_color(170)
    pdf.set_fill_color(255)  # rows stay white; only the header row is shaded
    with pdf.table(
        col_widths=ACTION_COLUMNS,
        text_align="LEFT",
        v_align="TOP",
        line_height=4.6,
        padding=(1.2, 1.5),
        headings_style=FontFace(emphasis="BOLD", fill_color=BAND),
        repeat_headings=1,
    ) as table:
        header = table.row()
        for name in labels.action_columns():
            header.cell(pdf.printable(name))
        for action in minutes.action_list:
            row = table.row()
            for value in labels.action_row(action):
                row.cell(pdf.printable(value))


def font_files(stack: ExitStack) -> dict[str, Path]:
    """The font files as paths, valid while `stack` is open."""
    folder = resources.files("drieluik") / "assets" / "fonts"
    return {
        style: Path(stack.enter_context(resources.as_file(folder / name)))
        for style, name in FONT_FILES.items()
    }


def start_pdf(fonts: dict[str, Path], title: str, concept: str | None = None) -> _MinutesPdf:
    """An A4 document with DejaVu Sans, its metadata and language; no page yet.
    `concept`, when given, is printed at the top of every page.

    The one way drieluik starts a PDF (minutes and the annual figures page).
    """
    pdf = _MinutesPdf(_covered(str(fonts[""])), concept)
    for style, path in fonts.items():
        pdf.add_font(FONT, style, str(path))
    # "{nb}" typed in a note stays "{nb}"; see add_footers. fpdf2 accepts None
    # (no alias) but types the argument as str.
    pdf.alias_nb_pages(None)  # type: ignore[arg-type]
    pdf.set_title(title)
    pdf.set_author("drieluik")
    pdf.set_creator("drieluik")
    pdf.set_lang("nl-NL" if current_language() == "nl" else "en-GB")
    return pdf


def _layout(minutes: Minutes, fonts: dict[str, Path]) -> _MinutesPdf:
    title = labels.title(minutes)
    pdf = start_pdf(fonts, title, labels.concept_note(minutes))
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font(FONT, "B", 18)
    pdf.multi_cell(0, 10, pdf.printable(title), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if note := labels.partner_note(minutes):
        _paragraph(pdf, note, grey=True)
    _heading1(pdf, t("minutes.heading.attending"))
    if minutes.attending:
        for name in minutes.attending:
            _bullet(pdf, [(name, False)])
    else:
        _paragraph(pdf, t("minutes.none.attending"))
    _heading1(pdf, t("minutes.heading.agenda"))
    if minutes.items:
        for shown, item in enumerate(minutes.items, start=1):
            _bullet(pdf, [(labels.agenda_entry(item), False)], mark=f"{shown}.", indent=8)
    else:
        _paragraph(pdf, labels.no_items(minutes))
    if total := labels.total_time(minutes):
        _paragraph(pdf, total)
    if minutes.items:
        _heading1(pdf, t("minutes.heading.items"), keep=60)
        for shown, item in enumerate(minutes.items, start=1):
            _item(pdf, minutes, item, shown)
    _heading1(pdf, t("minutes.heading.action_list"))
    if minutes.action_list:
        _action_table(pdf, minutes)
    else:
        _paragraph(pdf, labels.no_actions(minutes))
    return pdf


def render_pdf(minutes: Minutes) -> bytes:
    with ExitStack() as stack:
        pdf = _layout(minutes, font_files(stack))
        pdf.add_footers()
        return bytes(pdf.output())
