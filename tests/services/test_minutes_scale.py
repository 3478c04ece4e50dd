"""Minutes of a very long meeting: the linear Word and PDF paths keep the document
whole (timings are in benchmarks/run.py: minutes_2000_*_s, budget 10 s each)."""

from __future__ import annotations

import io
import re

from docx import Document
from pypdf import PdfReader

from drieluik.services.minutes.render_docx import render_docx
from drieluik.services.minutes.render_pdf import (
    BODY_SIZE,
    FONT,
    _layout,
    _wrapped,
    font_files,
    render_pdf,
)
from tests.services.test_minutes_render import _minutes

NOTE = " ".join(f"woord{n}" for n in range(400)) + " " + "x" * 300 + " einde."


def test_a_long_meeting_in_word_keeps_every_item_in_order_before_the_section() -> None:
    minutes = _minutes(items=300)
    document = Document(io.BytesIO(render_docx(minutes)))
    body = document.element.body
    assert body[-1].tag.endswith("sectPr")  # every paragraph went before it
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert len(headings) == 300 and "DL-2024-300" in headings[-1]
    assert sum(p.style.name == "List Bullet" for p in document.paragraphs) >= 600
    table = document.tables[-1]
    assert len(table.rows) == 301 and table.rows[-1].cells[0].text == "DL-2024-300"


def test_pdf_wrapping_keeps_every_word_and_stays_within_the_line() -> None:
    from contextlib import ExitStack

    with ExitStack() as stack:
        pdf = _layout(_minutes(), font_files(stack))
        lines = _wrapped(pdf, [("Vet: ", True), (NOTE, False)], pdf.epw)
        for line in lines:
            width = 0.0
            for text, bold in line:
                pdf.set_font(FONT, "B" if bold else "", BODY_SIZE)
                width += pdf.get_string_width(text)
            assert width <= pdf.epw + 1e-6
        joined = " ".join("".join(t for t, _ in line) for line in lines)
    assert joined.split()[:3] == ["Vet:", "woord0", "woord1"]
    assert re.sub(r"\s+", "", joined) == re.sub(r"\s+", "", "Vet: " + NOTE)
    assert len(lines) > 10


def test_a_long_meeting_in_pdf_has_the_last_item_and_its_note() -> None:
    pages = PdfReader(io.BytesIO(render_pdf(_minutes(items=150, notes=NOTE))))
    text = " ".join(page.extract_text() for page in pages.pages)
    assert "DL-2024-150" in text and "woord399" in text and "einde." in text
