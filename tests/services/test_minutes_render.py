"""Markdown, Word and PDF render the same minutes, read back and checked on content."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from drieluik.domain.vocabulary import (
    ActionStatus,
    AgendaReason,
    DecisionKind,
    ExploitationForm,
)
from drieluik.i18n import set_language
from drieluik.services.minutes.build import build_minutes
from drieluik.services.minutes.model import (
    Minutes,
    MinutesAction,
    MinutesDecision,
    MinutesItem,
)
from drieluik.services.minutes.render_docx import render_docx
from drieluik.services.minutes.render_md import render_markdown
from drieluik.services.minutes.render_pdf import render_pdf
from drieluik.services.minutes.safe_text import display_safe
from drieluik.store.vault import Vault
from tests.services.minutes_helpers import sample_meeting

FOOTER = "Vertrouwelijk – geanonimiseerd verslag"


def _minutes(
    *, summary: str = "Korte samenvatting.", notes: str = "Besproken.", items: int = 1
) -> Minutes:
    """Minutes made directly, to put awkward text in any field."""
    action = MinutesAction(
        "DL-2024-001", "Contact opnemen", "GGD Drenthe", date(2024, 4, 1), ActionStatus.OPEN
    )
    made = [
        MinutesItem(
            number=n,
            case_code=f"DL-2024-{n:03d}",
            reason=AgendaReason.NIEUW_SIGNAAL,
            reporter="Veilig Thuis Drenthe",
            form=ExploitationForm.ARBEID,
            municipality="Meppel",
            summary=summary,
            notes=notes,
            discussed=True,
            decisions=(
                MinutesDecision(DecisionKind.MONITORING, "Volgen.", None, date(2024, 6, 1)),
            ),
            actions=(replace(action, case_code=f"DL-2024-{n:03d}"),),
        )
        for n in range(1, items + 1)
    ]
    return Minutes(
        meeting_date=date(2024, 3, 14),
        attending=("Veilig Thuis Drenthe", "GGD Drenthe"),
        items=tuple(made),
        action_list=tuple(a for item in made for a in item.actions),
    )


def _pdf_text(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture
def sample(new_vault: Vault) -> Minutes:
    sample_meeting(new_vault)
    return build_minutes(new_vault, "2024-03-14")


# --- Markdown ------------------------------------------------------------------------


def test_markdown_reads_as_minutes(sample: Minutes) -> None:
    text = render_markdown(sample).decode("utf-8")
    assert text.startswith("# Verslag Drieluik 14 maart 2024\n")
    for heading in (
        "## Aanwezige organisaties",
        "## Agenda",
        "## Bespreking per casus",
        "### 1. Casus DL-2024-002",
        "#### Besluiten",
        "#### Acties",
        "## Actielijst",
    ):
        assert f"\n{heading}\n" in text
    assert "- **Vorm van uitbuiting:** Seksuele uitbuiting" in text
    assert "- **Doorverwijzing** (doorverwezen naar Fier)" in text
    assert "| Casus | Actie | Eigenaar | Uiterlijk | Status |" in text
    assert "| DL-2024-002 | Medisch onderzoek aanbieden | GGD Drenthe | 28-03-2024 | open |" in text
    assert "ĳverige" in text and "“hij regelt alles”" in text
    assert text.rstrip().endswith(f"_{FOOTER}_")


def test_markdown_is_stable_and_clean(sample: Minutes) -> None:
    data = render_markdown(sample)
    assert data == render_markdown(sample)
    text = data.decode("utf-8")
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\r" not in text
    assert not [line for line in text.split("\n") if line != line.rstrip()]


def test_markdown_user_text_cannot_change_the_structure() -> None:
    notes = (
        "# geen kop\n=====\n---\n```\n[x]: http://voorbeeld.nl\n> citaat\n"
        "<script>alert(1)</script>\n  ### ingesprongen\ngewone *tekst* blijft"
    )
    text = render_markdown(_minutes(notes=notes)).decode("utf-8")
    assert "\\# geen kop" in text
    assert "\n\\=====\n" in text and "\n\\---\n" in text
    assert "\n\\```\n" in text
    assert "\\[x]: http://voorbeeld.nl" in text
    assert "\\> citaat" in text
    assert "\\<script>alert(1)\\</script>" in text
    assert "  \\### ingesprongen" in text
    assert "gewone *tekst* blijft" in text  # otherwise verbatim
    headings = [line for line in text.split("\n") if line.startswith("#")]
    assert all(not h.startswith("# ") or h.startswith("# Verslag") for h in headings)


def test_markdown_table_cells_escape_pipes_and_newlines() -> None:
    minutes = _minutes()
    odd = replace(minutes.action_list[0], description="A | B\nC", owner="X|Y")
    minutes = replace(minutes, action_list=(odd,))
    text = render_markdown(minutes).decode("utf-8")
    assert "| DL-2024-001 | A \\| B C | X\\|Y | 01-04-2024 | open |" in text


def test_markdown_trailing_spaces_in_user_text_are_dropped() -> None:
    text = render_markdown(_minutes(notes="regel met spaties   \nvolgende  ")).decode("utf-8")
    assert "regel met spaties\nvolgende\n" in text


# --- Word ----------------------------------------------------------------------------


def test_docx_has_real_headings_tables_and_footer(sample: Minutes) -> None:
    document = Document(io.BytesIO(render_docx(sample)))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Title"] == ["Verslag Drieluik 14 maart 2024"]
    assert by_style["Heading 1"] == [
        "Aanwezige organisaties",
        "Agenda",
        "Bespreking per casus",
        "Actielijst",
    ]
    assert by_style["Heading 2"] == [
        "1. Casus DL-2024-002",
        "2. Casus DL-2024-003",
        "3. Casus DL-2024-001",
    ]
    assert by_style["Heading 3"].count("Besluiten") == 3
    body = "\n".join(p.text for p in document.paragraphs)
    assert "ĳverige buurtbewoner" in body and "Naïeve" in body
    assert "Doorverwijzing (doorverwezen naar Fier)\nDoorverwijzen naar" in body
    (table,) = document.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Casus", "Actie", "Eigenaar", "Uiterlijk", "Status"]
    assert rows[1] == [
        "DL-2024-002",
        "Medisch onderzoek aanbieden",
        "GGD Drenthe",
        "28-03-2024",
        "open",
    ]
    assert len(rows) == 4
    footer = document.sections[0].footer.paragraphs[0].text
    assert footer.startswith(f"{FOOTER} · pagina ")
    footer_xml = document.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert document.core_properties.title == "Verslag Drieluik 14 maart 2024"
    assert document.core_properties.author == "drieluik"
    width_mm = document.sections[0].page_width.mm
    assert round(width_mm) == 210  # A4, not python-docx's default Letter


def test_docx_survives_control_characters_and_rtl_overrides() -> None:
    notes = "bel\x07 \x0bterug \u202eevil\u202c\x1b[0m einde"
    document = Document(io.BytesIO(render_docx(_minutes(notes=notes))))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "bel\ufffd \ufffdterug \ufffdevil\ufffd\ufffd[0m einde" in body


# --- PDF -----------------------------------------------------------------------------


def test_pdf_text_round_trips_with_dutch_characters(sample: Minutes) -> None:
    pages = _pdf_text(render_pdf(sample))
    text = " ".join(pages)
    assert "Verslag Drieluik 14 maart 2024" in text
    for word in ("Naïeve", "geïsoleerd", "Café-eigenaar", "ĳverige", "“hij regelt alles”", "–"):
        assert word in text, word
    for heading in ("Aanwezige organisaties", "Agenda", "Actielijst", "1. Casus DL-2024-002"):
        assert heading in text
    assert "DL-2024-002 Medisch onderzoek aanbieden GGD Drenthe 28-03-2024 open" in text
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert FOOTER in page
        assert f"pagina {number} van {total}" in page
    reader = PdfReader(io.BytesIO(render_pdf(sample)))
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert all("DejaVuSans" in f for f in fonts)  # embedded, no core (Latin-1) font
    assert reader.metadata.title == "Verslag Drieluik 14 maart 2024"


def test_pdf_breaks_very_long_words_and_survives_odd_text() -> None:
    word = "x" * 300
    notes = f"begin {word} einde\n\ttab\x01 \u202eomgekeerd 🙂 中文 {{nb}}"
    pages = _pdf_text(render_pdf(_minutes(notes=notes)))
    text = "".join(pages).replace(" ", "")
    assert word in text  # broken over lines, nothing lost
    assert "einde" in text
    assert "{nb}" in text  # not taken for fpdf2's page-count alias
    assert "🙂" not in text and "\ufffd" in text  # no glyph: a visible replacement


def test_pdf_long_document_numbers_its_pages() -> None:
    minutes = _minutes(summary="Lange samenvatting. " * 80, items=8)
    pages = _pdf_text(render_pdf(minutes))
    assert len(pages) > 3
    assert f"pagina {len(pages)} van {len(pages)}" in pages[-1]
    # The action list header repeats on a page the table continues on.
    assert "8. Casus DL-2024-008" in " ".join(pages)


def test_empty_minutes_render_in_every_format() -> None:
    empty = Minutes(date(2024, 5, 2), (), (), ())
    assert "Geen agendapunten." in render_markdown(empty).decode("utf-8")
    assert "Geen organisaties vastgelegd." in " ".join(_pdf_text(render_pdf(empty)))
    document = Document(io.BytesIO(render_docx(empty)))
    assert not document.tables
    assert "Geen acties." in [p.text for p in document.paragraphs]


def test_per_partner_extract_says_so_and_numbers_its_own_items(new_vault: Vault) -> None:
    sample = sample_meeting(new_vault)
    extract = build_minutes(new_vault, "2024-03-14", per_partner="politie")
    (item,) = extract.items
    assert item.number == 3  # its place on the meeting's agenda
    text = render_markdown(extract).decode("utf-8")
    assert "_Uittreksel voor politie: alleen de agendapunten en acties" in text
    # The document agrees with itself: agenda entry 1 is heading 1.
    assert re.search(rf"^1\. {sample.codes['politie']} — actie verlopen$", text, re.M)
    assert f"### 1. Casus {sample.codes['politie']}" in text
    assert sample.codes["ggd"] not in text
    ggd = render_markdown(build_minutes(new_vault, "2024-03-14", per_partner="GGD Drenthe"))
    assert "Geen acties voor deze organisatie." in ggd.decode("utf-8")  # item 2's is not theirs
    document = Document(io.BytesIO(render_docx(extract)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == [f"1. Casus {sample.codes['politie']}"]
    pdf = " ".join(_pdf_text(render_pdf(extract)))
    assert f"1. Casus {sample.codes['politie']}" in pdf
    assert "Uittreksel voor politie" in pdf


@pytest.mark.parametrize("language, tag", [("nl", "nl-NL"), ("en", "en-GB")])
def test_word_and_pdf_say_their_language_title_and_dates(
    sample: Minutes, language: str, tag: str
) -> None:
    """Word checks spelling in the document's default language (python-docx's
    template says en-US); PDF readers and screen readers read /Lang."""
    from datetime import UTC, datetime

    before = datetime.now(UTC).replace(microsecond=0)
    set_language(language)
    try:
        docx_bytes, pdf_bytes = render_docx(sample), render_pdf(sample)
    finally:
        set_language(None)
    document = Document(io.BytesIO(docx_bytes))
    styles = document.styles.element
    lang = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert lang.find(qn("w:lang")).get(qn("w:val")) == tag
    assert "en-US" not in styles.xml.replace('w:eastAsia="en-US"', "")
    properties = document.core_properties
    assert properties.language == tag
    for moment in (properties.created, properties.modified):
        assert (moment if moment.tzinfo else moment.replace(tzinfo=UTC)) >= before
    assert properties.title.startswith(("Verslag", "Minutes"))
    reader = PdfReader(io.BytesIO(pdf_bytes))
    assert reader.trailer["/Root"]["/Lang"] == tag
    assert reader.metadata.title == properties.title and reader.metadata.author == "drieluik"


def test_documents_follow_the_language(sample: Minutes) -> None:
    set_language("en")
    try:
        text = render_markdown(sample).decode("utf-8")
    finally:
        set_language(None)
    assert text.startswith("# Minutes Drieluik 14 March 2024")
    assert "## Action list" in text


def test_the_package_carries_the_fonts_and_their_licence() -> None:
    from importlib import resources

    folder = resources.files("drieluik") / "assets" / "fonts"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        assert (folder / name).read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType
    assert "Bitstream Vera" in (folder / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=400
    )
)
def test_any_text_renders_in_every_format(text: str) -> None:
    """Whatever a user typed (NUL and lone surrogates never get into the vault), no
    format raises, and Word keeps the text as displayed."""
    minutes = _minutes(summary=text, notes=text)
    render_markdown(minutes)
    render_pdf(minutes)
    document = Document(io.BytesIO(render_docx(minutes)))
    shown = display_safe(text)
    if shown.strip() and "\t" not in shown:
        assert shown in "\n".join(p.text for p in document.paragraphs)
