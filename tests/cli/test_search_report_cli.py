"""`drieluik search` and `drieluik report`: output shapes, safe input, --out without overwrite."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from drieluik.cli import run
from drieluik.domain.regions import shipped
from drieluik.domain.vocabulary import DecisionKind, ExploitationForm
from drieluik.services import cases, meetings
from drieluik.store.models import clock_at
from drieluik.store.safe_file import temp_glob
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import CliResult, assert_clean_refusal, run_cli

DRENTHE = shipped("drenthe")

SUMMARIES = [
    ("2022-04-02", "Emmen", "seksueel", "Jonge vrouw woont bij de exploitant van een salon."),
    ("2022-11-20", "Assen", "arbeid", "Man werkt zonder loon in een autowasstraat."),
    ("2023-01-01", "Assen", "arbeid", "Cliënt werkt 70 uur op een [bold]boerderij[/bold]."),
    ("2023-06-15", "Borger-Odoorn", "crimineel", "Jongen vervoert pakketjes, schuld bij dader."),
    ("2023-12-31", "onbekend", "onbekend", "Melding via huisarts, weinig bekend."),
    ("2024-01-01", "Meppel", "seksueel", "Sekswerker zonder eigen telefoon."),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A vault with a few signals, notes and a decision, built once for this module."""
    path = tmp_path_factory.mktemp("template") / "template.vault"
    opened = Vault.create(path, PASSPHRASE)
    codes = cases.create_cases(
        opened,
        [
            cases.require_valid(
                {"datum": d, "gemeente": g, "vorm": v, "melder": "Politie", "omschrijving": s}
            )
            for d, g, v, s in SUMMARIES
        ],
    )
    meeting = meetings.create_meeting(opened, date(2023, 7, 3), propose=False)
    item = meetings.add_item(opened, meeting.id, codes[3]).items[0]
    meetings.save_notes(opened, item.id, "De boerderij van de oom is ook genoemd.")
    with clock_at(datetime(2023, 7, 3, 14)):  # decided at the meeting, not today
        meetings.add_decision(
            opened, item.id, DecisionKind.MONITORING, "Volgen", review_date=date(2023, 10, 1)
        )
    opened.close()
    return path


@pytest.fixture
def vault(template: Path, vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own copy of the template at DRIELUIK_VAULT, passphrase in the environment."""
    shutil.copyfile(template, vault_path)
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)
    return vault_path


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def call(*args: str) -> CliResult:
        code = run(list(args))
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return call


# --- search -----------------------------------------------------------------------


def test_search_json_rows_best_first(vault: Path, cli) -> None:
    result = cli("search", "boerderij", "--json")
    assert result.code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [list(r) for r in rows] == [["code", "score", "field", "snippet"]] * len(rows)
    assert [(r["code"], r["field"]) for r in rows] == [
        ("DL-2023-001", "summary"),
        ("DL-2023-002", "notes"),
    ]
    assert rows[0]["score"] >= rows[1]["score"]
    assert "«boerderij»" in rows[0]["snippet"]


def test_search_table_shows_user_text_literally_within_80_columns(vault: Path, cli) -> None:
    result = cli("search", "client")
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Code", "Veld", "Fragment"]
    assert "DL-2023-001" in result.stdout and "omschrijving" in result.stdout
    assert "[bold]" in result.stdout  # markup in a summary is not interpreted
    assert max(len(line) for line in lines) <= 80


def test_search_finds_a_case_by_its_code(vault: Path, cli) -> None:
    rows = json.loads(cli("search", "dl-2023-002", "--json").stdout)
    assert {r["code"] for r in rows} == {"DL-2023-002"}
    assert rows[0]["field"] == "summary"


@pytest.mark.parametrize(
    "query", ['"', "NEAR(", "(", ")", "*", "a AND", "OR", "NOT x", "code:", "^", "😀", ""]
)
def test_search_accepts_any_text(vault: Path, cli, query: str) -> None:
    result = cli("search", query, "--json")
    assert result.code == 0, result.stderr
    assert isinstance(json.loads(result.stdout), list)


def test_a_query_starting_with_a_dash_after_double_dash(vault: Path, cli) -> None:
    result = cli("search", "--json", "--", "-boerderij")
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)[0]["code"] == "DL-2023-001"


def test_search_filters(vault: Path, cli) -> None:
    def codes(*options: str) -> list[str]:
        result = cli("search", "boerderij", "--json", *options)
        assert result.code == 0, result.stderr
        return [r["code"] for r in json.loads(result.stdout)]

    assert codes("--year", "2023") == ["DL-2023-001", "DL-2023-002"]
    assert codes("--vorm", "crimineel") == ["DL-2023-002"]
    assert codes("--gemeente", "borger odoorn") == ["DL-2023-002"]
    assert codes("--status", "monitoring") == ["DL-2023-002"]
    assert codes("--status", "nieuw") == ["DL-2023-001"]
    assert codes("--year", "2022") == []
    assert codes("--limit", "1") == ["DL-2023-001"]


def test_search_no_hits_says_so(vault: Path, cli) -> None:
    result = cli("search", "zeppelin")
    assert result.code == 0
    assert result.stdout.strip() == "Niets gevonden."


def test_search_refuses_an_unknown_filter_value(vault: Path, cli) -> None:
    result = cli("search", "x", "--vorm", "fiets")
    assert result.code == 1
    assert "fiets" in result.stderr
    assert cli("search", "x", "--limit", "0").code == 2


# --- report -----------------------------------------------------------------------


def test_report_json_has_every_key(vault: Path, cli) -> None:
    result = cli("report", "--year", "2023", "--format", "json")
    assert result.code == 0, result.stderr
    figures = json.loads(result.stdout)
    assert list(figures) == [
        "year",
        "total",
        "by_form",
        "by_municipality",
        "by_reporter",
        "by_month",
        "decisions",
        "in_monitoring_at_year_end",
        "rules",
        "riec_left_out",
        "monitoring_from_earlier",
    ]
    assert figures["year"] == 2023
    assert figures["total"] == 3
    assert list(figures["by_form"]) == [f.value for f in ExploitationForm]
    assert figures["by_form"] == {
        "seksueel": 0,
        "arbeid": 1,
        "crimineel": 1,
        "orgaan": 0,
        "onbekend": 1,
    }
    assert list(figures["by_municipality"]) == [*DRENTHE.all_names(), DRENTHE.outside, "onbekend"]
    assert figures["by_month"]["2023-01"] == 1 and figures["by_month"]["2023-12"] == 1
    assert figures["in_monitoring_at_year_end"] == 1


def test_report_table_shows_the_change_against_last_year(vault: Path, cli) -> None:
    result = cli("report", "--year", "2023")
    assert result.code == 0, result.stderr
    assert "Jaarcijfers 2023" in result.stdout
    assert "Nieuwe signalen: 3 (+1 t.o.v. 2022)" in result.stdout
    assert "Herkomst signalen per gemeente" in result.stdout
    assert "Verschil" in result.stdout


def test_report_markdown_and_csv_shapes(vault: Path, cli) -> None:
    md = cli("report", "--year", "2023", "--format", "md")
    assert md.code == 0, md.stderr
    assert md.stdout.startswith("# Jaarcijfers 2023\n")
    assert "| Arbeidsuitbuiting | 1 | 1 | 0 |" in md.stdout.splitlines()
    out = cli("report", "--year", "2023", "-f", "csv").stdout
    rows = list(csv.reader(io.StringIO(out), delimiter=";"))
    assert rows[0] == ["onderdeel", "categorie", "2023", "2022"]
    assert rows[1] == ["Nieuwe signalen", "", "3", "2"]
    assert all(len(r) == 4 for r in rows)


def test_report_csv_opens_in_dutch_excel(vault: Path, cli, tmp_path: Path) -> None:
    """Dutch Excel splits a double-clicked .csv on ';' and reads it as UTF-8 only with a
    BOM: the file has both. --delimiter gives ',' or a tab for other spreadsheets and
    scripts. Header and sections follow the language; the codes do not."""
    target = tmp_path / "jaarcijfers.csv"
    assert cli("report", "--year", "2023", "-f", "csv", "-o", str(target)).code == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfonderdeel;categorie;2023;2022\n")
    assert b"Signalen per vorm van uitbuiting;seksueel;" in data
    stdout = cli("report", "--year", "2023", "-f", "csv").stdout
    assert stdout.startswith("onderdeel;categorie;2023;2022\n")  # no BOM in a pipe
    assert data.decode("utf-8-sig") == stdout
    english = run_cli("report", "--year", "2023", "-f", "csv", env={"DRIELUIK_LANG": "en"})
    assert english.stdout.startswith("section;category;2023;2022\n")
    assert "Signals per form of exploitation;seksueel;" in english.stdout
    assert len(english.stdout.splitlines()) == len(stdout.splitlines())
    comma = cli("report", "--year", "2023", "-f", "csv", "--delimiter", ",").stdout
    assert comma.startswith("onderdeel,categorie,2023,2022\n")
    assert list(csv.reader(io.StringIO(comma))) == list(
        csv.reader(io.StringIO(stdout), delimiter=";")
    )
    tab = cli("report", "--year", "2023", "-f", "csv", "--delimiter", "tab").stdout
    assert tab.startswith("onderdeel\tcategorie\t2023\t2022\n")
    assert cli("report", "--year", "2023", "-f", "csv", "--delimiter", "|").code == 2
    refused = cli("report", "--year", "2023", "-f", "md", "--delimiter", ",")
    assert refused.code == 2 and "--format csv" in refused.stderr


def test_report_out_writes_atomically_and_never_overwrites(
    vault: Path, cli, tmp_path: Path
) -> None:
    target = tmp_path / "jaarcijfers.md"
    first = cli("report", "--year", "2023", "-f", "md", "--out", str(target))
    assert first.code == 0, first.stderr
    assert first.stdout == ""
    written = target.read_bytes()
    assert written.startswith(b"# Jaarcijfers 2023")
    assert not list(tmp_path.glob(temp_glob(target)))

    again = cli("report", "--year", "2022", "-f", "md", "--out", str(target))
    assert again.code == 1
    assert "--force" in again.stderr
    assert target.read_bytes() == written

    forced = cli("report", "--year", "2022", "-f", "md", "--out", str(target), "--force")
    assert forced.code == 0, forced.stderr
    assert target.read_bytes().startswith(b"# Jaarcijfers 2022")


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "md"])
def test_report_out_in_every_format(vault: Path, cli, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"rapport.{fmt}"
    assert cli("report", "--year", "2023", "-f", fmt, "-o", str(target)).code == 0
    content = target.read_text(encoding="utf-8")
    assert "2023" in content
    if fmt == "json":
        assert json.loads(content)["total"] == 3
    if fmt == "table":
        assert "\x1b[" not in content  # plain text, no colour codes in a file


def test_report_out_is_recorded_in_the_audit_trail(vault: Path, cli, tmp_path: Path) -> None:
    assert cli("report", "--year", "2023", "-f", "md", "-o", str(tmp_path / "r.md")).code == 0
    with Vault.open(vault, PASSPHRASE) as opened, opened.session() as session:
        actions = session.execute(text("SELECT action FROM audit_log")).scalars().all()
    assert actions[-1] == "report.export"


def test_report_out_refuses_a_folder_or_a_missing_folder(vault: Path, cli, tmp_path: Path) -> None:
    assert cli("report", "--year", "2023", "-o", str(tmp_path)).code == 1
    missing = tmp_path / "nope" / "r.md"
    result = cli("report", "--year", "2023", "-o", str(missing))
    assert result.code == 1
    assert not missing.parent.exists()


def test_report_refuses_bad_years_and_formats(vault: Path, cli) -> None:
    assert cli("report").code == 2
    assert cli("report", "--year", "2023", "--format", "xml").code == 2
    assert cli("report", "--year", "0").code == 1
    assert cli("report", "--year", "tweeduizend").code == 2


def test_refusals_are_one_clean_line_in_a_real_process(vault: Path, tmp_path: Path) -> None:
    target = tmp_path / "bestaat.md"
    target.write_text("niet overschrijven", encoding="utf-8")
    assert_clean_refusal(run_cli("report", "--year", "2023", "-o", str(target)), 1)
    assert target.read_text(encoding="utf-8") == "niet overschrijven"
    assert_clean_refusal(run_cli("search", "x", "--gemeente", "Groningen"), 1)


# --- the annual report 2023 of Drenthe (seeds/002, page "Cijfers") --------------------

# New signals per form and per municipality of origin, as printed in the report.
REPORT_2023_FORMS = {
    "seksuele uitbuiting": 28,
    "arbeidsuitbuiting": 11,
    "criminele uitbuiting": 7,
    "onbekend": 21,
}
REPORT_2023_PLACES = {
    "aa en hunze": 0,
    "assen": 11,
    "emmen": 15,
    "hoogeveen": 4,
    "westerveld": 5,
    "tynaarlo": 1,
    "borger-odoorn": 3,
    "midden drenthe": 2,
    "coevorden": 4,
    "meppel": 7,
    "noordenveld": 1,
    "de wolden": 2,
    "onbekend": 12,
}


def test_a_year_imported_from_a_spreadsheet_gives_the_annual_reports_table(
    vault_path: Path, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chair's spreadsheet for 2023, spelled as in the report, gives its figures."""
    Vault.create(vault_path, PASSPHRASE).close()
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)
    forms = [f for f, n in REPORT_2023_FORMS.items() for _ in range(n)]
    places = [p for p, n in REPORT_2023_PLACES.items() for _ in range(n)]
    assert len(forms) == len(places) == 67
    sheet = tmp_path / "signalen 2023.csv"
    with sheet.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(["datum", "gemeente", "vorm", "melder", "omschrijving"])
        for i, (form, place) in enumerate(zip(forms, places, strict=True)):
            day = f"{i % 28 + 1:02d}-{i % 12 + 1:02d}-2023"
            writer.writerow([day, place, form, "Veilig Thuis Drenthe", f"Signaal {i + 1}."])
    imported = cli("import", str(sheet))
    assert imported.code == 0, imported.stderr

    figures = json.loads(cli("report", "--year", "2023", "-f", "json").stdout)
    assert figures["total"] == 67
    assert figures["by_form"] == {
        "seksueel": 28,
        "arbeid": 11,
        "crimineel": 7,
        "orgaan": 0,
        "onbekend": 21,
    }
    assert figures["by_municipality"] == {
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
        "buiten Drenthe": 0,
        "onbekend": 12,
    }
    md = cli("report", "--year", "2023", "-f", "md").stdout.splitlines()
    assert "- Nieuwe signalen: 67" in md  # nothing in 2022 to compare with
    assert "| Emmen | 15 |" in md
    assert "| Seksuele uitbuiting | 28 |" in md
