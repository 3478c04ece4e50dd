"""The figures page as PDF through fpdf2: tables with their charts drawn as vectors.

Charts are fpdf2 rectangles and lines, not images: they stay sharp when the
chair prints or zooms, they add a few kilobytes, and no plotting library is
needed (matplotlib would add ~140 MB with numpy and Pillow and ~0.7-1.4 s of
import on this machine; see docs/annual-report.md). Black-and-white safe:
this year is a dark bar, the year before a light bar with a dark outline,
and every bar has its number beside it.

Fonts and the glyph check are the minutes renderer's (DejaVu Sans from
drieluik/assets/fonts, a missing glyph printed as U+FFFD).
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import cast

from fpdf.enums import MethodReturnValue, XPos, YPos

from drieluik.i18n import t
from drieluik.services.minutes.render_pdf import FONT, _MinutesPdf, font_files, start_pdf
from drieluik.services.report_page.model import FiguresPage, PageTable

ROW = 4.8  # mm per table row
LABEL_W = 48.0
NUMBER_W = 13.0
CHANGE_W = 17.0
GAP = 5.0
DARK = 70  # grey level of this year's bars and the line
LIGHT = 200  # the previous year's bars
RULE = 150
TEXT_GREY = 90


def _cell(
    pdf: _MinutesPdf, w: float, text: str, *, align: str = "L", style: str = "", size: float = 9.0
) -> None:
    """One table cell of the page, a row high."""
    pdf.set_font(FONT, style, size)
    pdf.cell(w, ROW, pdf.printable(text), align=align)


def _need(pdf: _MinutesPdf, height: float) -> None:
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()


def _heading(pdf: _MinutesPdf, text: str, keep: float) -> None:
    _need(pdf, keep + 12)
    pdf.ln(4)
    pdf.start_section(pdf.printable(text), level=0)
    pdf.set_font(FONT, "B", 12)
    pdf.cell(0, 7, pdf.printable(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(RULE)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())
    pdf.ln(1.5)


def _swatch(pdf: _MinutesPdf, x: float, y: float, grey: int) -> None:
    pdf.set_fill_color(grey)
    pdf.set_draw_color(DARK)
    pdf.set_line_width(0.2)
    pdf.rect(x, y + 1.3, 4, 2.6, style="DF")


def _table(pdf: _MinutesPdf, page: FiguresPage, table: PageTable) -> None:
    compare = page.previous_year is not None
    _heading(pdf, table.title, keep=ROW * (len(table.rows) + 1))
    left = pdf.l_margin
    chart_x = left + LABEL_W + NUMBER_W + ((NUMBER_W + CHANGE_W) if compare else 0) + GAP
    chart_w = left + pdf.epw - chart_x - 8  # room for the number after the longest bar
    # Header row: the columns, and the chart's legend over the chart.
    y = pdf.get_y()
    _cell(pdf, LABEL_W, table.column, style="B")
    _cell(pdf, NUMBER_W, str(page.year), align="R", style="B")
    if compare:
        _cell(pdf, NUMBER_W, str(page.previous_year), align="R", style="B")
        _cell(pdf, CHANGE_W, t("report.column.change"), align="R", style="B")
    _swatch(pdf, chart_x, y, DARK)
    pdf.set_xy(chart_x + 5, y)
    _cell(pdf, 14, str(page.year), size=8)
    if compare:
        _swatch(pdf, chart_x + 20, y, LIGHT)
        pdf.set_xy(chart_x + 25, y)
        _cell(pdf, 14, str(page.previous_year), size=8)
    pdf.set_draw_color(RULE)
    pdf.line(left, y + ROW, chart_x - GAP, y + ROW)
    pdf.set_xy(left, y + ROW + 0.5)
    peak = table.peak
    for row in table.rows:
        y = pdf.get_y()
        _cell(pdf, LABEL_W, row.label)
        _cell(pdf, NUMBER_W, str(row.value), align="R", style="B")
        if compare:
            pdf.set_text_color(TEXT_GREY)
            _cell(pdf, NUMBER_W, str(row.previous or 0), align="R")
            _cell(pdf, CHANGE_W, row.change, align="R")
            pdf.set_text_color(0)
        _bars(pdf, chart_x, y, chart_w, peak, row.value, row.previous if compare else None)
        pdf.set_xy(left, y + ROW)
    if table.note:
        pdf.ln(1)
        pdf.set_text_color(TEXT_GREY)
        pdf.set_font(FONT, "", 8)
        pdf.multi_cell(
            0, 4, pdf.printable(table.note), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        pdf.set_text_color(0)


def _bars(
    pdf: _MinutesPdf, x: float, y: float, width: float, peak: int, value: int, previous: int | None
) -> None:
    """This year's bar over the previous year's, on one scale, with the value at its end."""
    pdf.set_draw_color(DARK)
    pdf.set_line_width(0.2)
    # The axis the bars grow from.
    pdf.line(x, y + 0.4, x, y + ROW - 0.4)
    if peak <= 0:
        return
    scale = width / peak
    top = y + 0.7
    if value:
        pdf.set_fill_color(DARK)
        pdf.rect(x, top, value * scale, 2.3, style="F")
    if previous:
        pdf.set_fill_color(LIGHT)
        pdf.rect(x, top + 2.5, previous * scale, 1.4, style="DF")
    pdf.set_xy(x + max(value, previous or 0) * scale + 1, y)
    pdf.set_text_color(TEXT_GREY)
    _cell(pdf, 8, str(value), size=7)
    pdf.set_text_color(0)


def _years(pdf: _MinutesPdf, page: FiguresPage) -> None:
    columns = page.year_columns
    height = ROW * (len(page.years) + 2) + 52
    _heading(pdf, page.years_title, keep=height)
    pdf.set_font(FONT, "", 9.5)
    pdf.multi_cell(0, 5, pdf.printable(page.trend), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)
    widths = [18.0, 32.0, 20.0] + [(pdf.epw - 70) / (len(columns) - 3)] * (len(columns) - 3)
    for width, name in zip(widths, columns, strict=True):
        _cell(pdf, width, name, align="L" if width == widths[0] else "R", style="B")
    y = pdf.get_y() + ROW
    pdf.set_draw_color(RULE)
    pdf.line(pdf.l_margin, y, pdf.l_margin + pdf.epw, y)
    pdf.set_xy(pdf.l_margin, y + 0.5)
    for point, change in zip(page.years, page.year_changes(), strict=True):
        cells = [str(point.year), str(point.total), change, *map(str, point.by_form)]
        for n, (width, cell) in enumerate(zip(widths, cells, strict=True)):
            _cell(pdf, width, cell, align="L" if n == 0 else "R", style="B" if n == 1 else "")
        pdf.ln(ROW)
    pdf.ln(3)
    _line_chart(pdf, page, pdf.l_margin, pdf.get_y(), pdf.epw, 42)


def _line_chart(
    pdf: _MinutesPdf, page: FiguresPage, x: float, y: float, w: float, h: float
) -> None:
    """New signals per year: a line with a marked, labelled point per year."""
    points = page.years
    plot_x, plot_w = x + 12, w - 24
    plot_y, plot_h = y + 6, h - 14
    peak = max(p.total for p in points) or 1
    step = _nice_step(peak)
    top = -(-peak // step) * step
    pdf.set_line_width(0.15)
    for level in range(0, top + 1, step):
        ly = plot_y + plot_h - level / top * plot_h
        pdf.set_draw_color(LIGHT if level else DARK)
        pdf.line(plot_x, ly, plot_x + plot_w, ly)
        pdf.set_xy(x, ly - ROW / 2)
        pdf.set_text_color(TEXT_GREY)
        _cell(pdf, 10, str(level), align="R", size=7)
    slots = len(points)
    gap = plot_w / slots

    def at(n: int, total: int) -> tuple[float, float]:
        return plot_x + gap * (n + 0.5), plot_y + plot_h - total / top * plot_h

    coords = [at(n, p.total) for n, p in enumerate(points)]
    pdf.set_draw_color(DARK)
    pdf.set_line_width(0.7)
    if len(coords) > 1:
        pdf.polyline(coords)
    pdf.set_fill_color(DARK)
    for (px, py), point in zip(coords, points, strict=True):
        pdf.rect(px - 1.1, py - 1.1, 2.2, 2.2, style="F")
        pdf.set_xy(px - 10, py - 6.5)
        pdf.set_text_color(0)
        _cell(pdf, 20, str(point.total), align="C", style="B", size=8)
        pdf.set_xy(px - 10, plot_y + plot_h + 1)
        pdf.set_text_color(TEXT_GREY)
        _cell(pdf, 20, str(point.year), align="C", size=8)
    pdf.set_text_color(0)
    pdf.set_line_width(0.2)
    pdf.set_xy(pdf.l_margin, y + h)


def _nice_step(peak: int) -> int:
    """Gridline spacing: 1, 2, 5, 10, 20, 50 ... giving three to six lines."""
    step = 1
    while peak / step > 5:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if peak / step <= 5:
                break
    return step


def _footnotes(pdf: _MinutesPdf, page: FiguresPage) -> None:
    """The counting rules, kept together on one page with their heading."""
    pdf.set_font(FONT, "", 8.5)
    height = sum(
        # fpdf2 types multi_cell's result as the union of all its `output` modes.
        cast(
            float,
            pdf.multi_cell(
                pdf.epw - 6, 4.2, pdf.printable(note), dry_run=True, output=MethodReturnValue.HEIGHT
            ),
        )
        + 0.8
        for note in page.footnotes
    )
    _heading(pdf, t("page.footnotes"), keep=height)
    pdf.set_font(FONT, "", 8.5)
    for n, note in enumerate(page.footnotes, start=1):
        pdf.cell(6, 4.2, f"{n}.")
        pdf.multi_cell(0, 4.2, pdf.printable(note), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(0.8)


def render_pdf(page: FiguresPage) -> bytes:
    with ExitStack() as stack:
        pdf = start_pdf(font_files(stack), page.title)
        pdf.set_margins(20, 16, 20)
        pdf.set_auto_page_break(True, margin=18)
        pdf.add_page()
        pdf.set_font(FONT, "B", 18)
        pdf.cell(0, 10, pdf.printable(page.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(FONT, "", 11)
        pdf.set_text_color(TEXT_GREY)
        pdf.cell(0, 6, pdf.printable(page.subtitle), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0)
        pdf.ln(2)
        for label, value in page.totals:
            pdf.set_font(FONT, "", 11)
            pdf.cell(70, 6.5, pdf.printable(label + ":"))
            pdf.set_font(FONT, "B", 11)
            pdf.cell(0, 6.5, pdf.printable(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        for table in page.tables:
            _table(pdf, page, table)
        _years(pdf, page)
        _footnotes(pdf, page)
        pdf.add_footers(f"{page.title} · {page.subtitle}")
        return bytes(pdf.output())
