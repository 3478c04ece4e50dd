"""The annual report's figures page from a real-looking spreadsheet (seeds/002, page 11).

tests/data/import/signalen_jaarverslag_2023.csv has 81 rows: the 67 signals of
2023 the report counts, four 2023 cases registered at the RIEC (status
"ingebracht RIEC") that it leaves out, and ten signals of 2021, 2022 and 2024,
one of 2022 still in monitoring. Imported with the real importer, `report
--year 2023` in md, docx and pdf must show exactly the report's figures; the
Word and PDF files are read back with python-docx and pypdf.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from drieluik.cli import run
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import CliResult, run_cli

SHEET = Path(__file__).parents[1] / "data" / "import" / "signalen_jaarverslag_2023.csv"

FORMS = {
    "Seksuele uitbuiting": 28,
    "Arbeidsuitbuiting": 11,
    "Criminele uitbuiting": 7,
    "Gedwongen orgaanverwijdering": 0,
    "Onbekend": 21,
}
# Every municipality of Drenthe with its zero, alphabetical, then onbekend
# (nothing came from outside Drenthe, so that row is not shown).
PLACES = {
    "Aa en Hunze": 0,
    "Assen": 11,
    "Borger-Odoorn": 3,
    "Coevorden": 4,
    "De Wolden": 2,
    "Emmen": 15,
    "Hoogeveen": 4,
    "Meppel": 7,
    "Midden-Drenthe": 2,
    "Noordenveld": 1,
    "Tynaarlo": 1,
    "Westerveld": 5,
    "onbekend": 12,
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sheet") / "template.vault"
    Vault.create(path, PASSPHRASE).close()
    result = run_cli(
        "import", str(SHEET), env={"DRIELUIK_VAULT": str(path), "DRIELUIK_PASSPHRASE": PASSPHRASE}
    )
    assert result.code == 0, result.stderr
    assert "81" in result.stdout + result.stderr
    return path


@pytest.fixture
def cli(template: Path, vault_path: Path, monkeypatch, capsys):
    shutil.copyfile(template, vault_path)
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)

    def call(*args: str) -> CliResult:
        code = run(list(args))
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return call


def _docx_tables(path: Path) -> dict[str, dict[str, list[str]]]:
    """Each table under its heading: first cell -> the other cells' text."""
    document = Document(str(path))
    body = document.element.body
    tables, heading = {}, ""
    paragraphs = {p._p: p for p in document.paragraphs}
    by_element = {t._tbl: t for t in document.tables}
    for child in body.iterchildren():
        if child in paragraphs and paragraphs[child].style.name.startswith("Heading"):
            heading = paragraphs[child].text
        elif child in by_element:
            rows = by_element[child].rows
            tables[heading] = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in rows[1:]}
    return tables


def test_markdown_shows_the_reports_figures(cli) -> None:
    result = cli("report", "--year", "2023", "--format", "md")
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "- Nieuwe signalen: 67 (+61 t.o.v. 2022)" in lines
    for label, n in FORMS.items():
        assert any(line.startswith(f"| {label} | {n} |") for line in lines), label
    shown = [line.split(" | ")[0][2:] for line in lines if line.startswith("| ")]
    start = shown.index("Aa en Hunze")
    assert shown[start : start + len(PLACES)] == list(PLACES)
    for place, n in PLACES.items():
        assert any(line.startswith(f"| {place} | {n} |") for line in lines), place
    assert "| 2023 | 67 | +61 | 28 | 11 | 7 | 0 | 21 |" in lines
    assert any(line.startswith("Opnieuw een stijging") for line in lines)
    notes = "\n".join(lines[lines.index("## Toelichting") :])
    assert "De bij het RIEC aangemelde casussen zijn hierin niet meegenomen (4)" in notes
    assert "langere tijd gemonitord wordt, is niet meegenomen (1)" in notes


def test_word_page_has_each_table_with_its_bars(cli, tmp_path: Path) -> None:
    target = tmp_path / "cijfers 2023.docx"
    result = cli("report", "--year", "2023", "--format", "docx", "--out", str(target))
    assert result.code == 0, result.stderr
    tables = _docx_tables(target)
    forms = tables["Signalen per vorm van uitbuiting"]
    assert {k: int(v[0]) for k, v in forms.items()} == FORMS
    places = tables["Herkomst signalen per gemeente"]
    assert list(places) == list(PLACES)
    assert {k: int(v[0]) for k, v in places.items()} == PLACES
    assert sum(int(v[0]) for v in tables["Signalen per maand"].values()) == 67
    assert sum(int(v[0]) for v in tables["Signalen per melder"].values()) == 67
    years = tables["Vergelijking met eerdere jaren"]
    assert years["2023"][:2] == ["67", "+61"]
    # The chart column: a shaded bar per year, as long as its share of the longest.
    document = Document(str(target))
    chart = document.tables[1].rows[6].cells[-1]  # Emmen, the longest bar
    bar = chart.paragraphs[0].runs[0]
    assert (
        bar.text == "\u00a0" * 36
        and bar._r.rPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}shd")
        is not None
    )
    assert chart.paragraphs[0].runs[1].text == " 15"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "De bij het RIEC aangemelde casussen zijn hierin niet meegenomen (4)" in text


def test_pdf_page_has_the_figures_and_vector_charts(cli, tmp_path: Path) -> None:
    target = tmp_path / "cijfers 2023.pdf"
    result = cli("report", "--year", "2023", "-f", "pdf", "-o", str(target))
    assert result.code == 0, result.stderr
    reader = PdfReader(str(target))
    text = "\n".join(page.extract_text() for page in reader.pages)
    lines = text.splitlines()
    assert "Nieuwe signalen: 67 (+61 t.o.v. 2022)" in lines
    for label, n in {**FORMS, **PLACES}.items():
        # label, this year, last year, change, then the number at the bar's end
        assert any(line.startswith(f"{label} {n} ") and line.endswith(f" {n}") for line in lines)
    assert any(line.startswith("2023 67 +61 28 11 7 0 21") for line in lines)
    assert "(4)" in text and "niet meegenomen" in text
    # Charts are drawn, not pasted: no image on any page, filled rectangles and a line.
    assert all(not page.images for page in reader.pages)
    drawing = b"".join(page.get_contents().get_data() for page in reader.pages)
    assert drawing.count(b" re f") > 40


def test_the_counting_rules_are_options(cli) -> None:
    def total(*options: str) -> int:
        result = cli("report", "--year", "2023", "-f", "json", *options)
        assert result.code == 0, result.stderr
        return json.loads(result.stdout)["total"]

    assert total() == 67
    assert total("--include-riec") == 71
    assert total("--include-monitoring") == 68
    assert total("--include-riec", "--include-monitoring") == 72
    md = cli("report", "--year", "2023", "-f", "md", "--include-riec").stdout
    assert "De bij het RIEC aangemelde casussen zijn meegeteld." in md
    assert "- Nieuwe signalen: 71" in md.splitlines()[4]


def test_word_and_pdf_need_an_out_file(cli) -> None:
    for fmt in ("docx", "pdf"):
        result = cli("report", "--year", "2023", "-f", fmt)
        assert result.code == 2
        assert "--out" in result.stderr


def test_the_page_in_english(template: Path, tmp_path: Path) -> None:
    env = {
        "DRIELUIK_VAULT": str(template),
        "DRIELUIK_PASSPHRASE": PASSPHRASE,
        "DRIELUIK_LANG": "en",
    }
    result = run_cli("report", "--year", "2023", "-f", "md", env=env)
    assert result.code == 0, result.stderr
    assert "- New signals: 67 (+61 vs 2022)" in result.stdout
    assert "Cases registered at the RIEC are not included (4)" in result.stdout
    target = tmp_path / "figures.pdf"
    assert run_cli("report", "--year", "2023", "-f", "pdf", "-o", str(target), env=env).code == 0
    text = PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text()
    assert "Signals per municipality of origin" in text
