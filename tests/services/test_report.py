"""Annual figures on a hand-made register: year boundaries, empty and unknown categories."""

from __future__ import annotations

import csv
import io
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from drieluik.domain.regions import shipped
from drieluik.domain.vocabulary import (
    DecisionKind,
    ExploitationForm,
)
from drieluik.errors import InvalidInput
from drieluik.services import cases, meetings, report
from drieluik.services.report import AnnualReport, annual_report
from drieluik.services.report_page import build_page
from drieluik.services.report_page.render_md import render_md
from drieluik.store.models import clock_at
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE

DRENTHE = shipped("drenthe")


def _input(datum: str, **fields: str) -> cases.CaseInput:
    raw: dict[str, str | None] = {
        "datum": datum,
        "gemeente": "Assen",
        "vorm": "seksueel",
        "melder": "Politie",
        "omschrijving": "Signaal.",
    }
    raw.update(fields)
    return cases.require_valid(raw)


def _decide(
    vault: Vault,
    code: str,
    kind: DecisionKind,
    at: datetime,
    *,
    review: date | None = None,
) -> None:
    """Record a decision at local moment `at` (meeting that day, created if needed)."""
    with clock_at(at):
        try:
            meeting = meetings.get_meeting(vault, at.date())
        except InvalidInput:
            meeting = meetings.create_meeting(vault, at.date(), propose=False)
        item = next((i for i in meeting.items if i.case.code == code), None)
        if item is None:
            meeting = meetings.add_item(vault, meeting.id, code)
            item = next(i for i in meeting.items if i.case.code == code)
        meetings.add_decision(
            vault,
            item.id,
            kind,
            "besluit",
            referral_to="CoMensha" if kind is DecisionKind.DOORVERWIJZING else None,
            review_date=review or date(at.year + 1, 6, 1),
            today=at.date(),
        )


@pytest.fixture
def amsterdam(monkeypatch: pytest.MonkeyPatch):
    """The laptop's time zone is Dutch: local midnight is 23:00 or 22:00 UTC."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is not available on this platform")
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def register(new_vault: Vault, amsterdam) -> dict[str, str]:
    """Signals either side of the year boundaries and decisions around midnight."""
    vault = new_vault
    codes = cases.create_cases(
        vault,
        [
            _input("2022-12-31", gemeente="Emmen"),  # 0: last day of 2022
            _input("2023-01-01", gemeente="Emmen", vorm="arbeid", melder="Veilig Thuis Drenthe"),
            _input("2023-03-10"),  # 2
            _input("2023-03-11", vorm="crimineel"),  # 3
            _input("2023-12-31", gemeente="onbekend", vorm="onbekend", melder="Buurtwerk Noord"),
            _input("2024-01-01", gemeente="Meppel"),  # 5: first day of 2024
            _input("2023-06-01", gemeente="buiten Drenthe", status="monitoring"),  # 6: imported
            _input("2023-07-01", gemeente="Tynaarlo"),  # 7: form fixed below
        ],
    )
    # A form outside the vocabulary (as an old import could have stored it).
    with vault.transaction() as session:
        session.execute(
            text("UPDATE cases SET form = 'mensensmokkel' WHERE code = :c"), {"c": codes[7]}
        )

    local = datetime
    # Monitoring from June 2023, never ended: in monitoring at the end of 2023 and 2024.
    _decide(vault, codes[2], DecisionKind.MONITORING, local(2023, 6, 5, 14))
    # Monitoring in May 2023, closed in February 2024: counts at the end of 2023 only.
    _decide(vault, codes[3], DecisionKind.MONITORING, local(2023, 5, 8, 14))
    _decide(vault, codes[3], DecisionKind.AFSLUITEN, local(2024, 2, 12, 14))
    # Monitoring, then referred before the year ended: not in monitoring.
    _decide(vault, codes[1], DecisionKind.MONITORING, local(2023, 3, 6, 14))
    _decide(vault, codes[1], DecisionKind.DOORVERWIJZING, local(2023, 10, 2, 14))
    # Around midnight on New Year's Eve, Dutch time (UTC is an hour behind).
    _decide(vault, codes[4], DecisionKind.ADVIES_AAN_MELDER, local(2023, 12, 31, 23, 30))
    _decide(vault, codes[0], DecisionKind.MONITORING, local(2024, 1, 1, 0, 30))
    return dict(enumerate(codes))


def test_signals_count_by_signal_date_within_the_calendar_year(new_vault, register) -> None:
    figures = annual_report(new_vault, 2023)
    assert figures.total == 6
    assert figures.by_month == {
        "2023-01": 1,
        "2023-02": 0,
        "2023-03": 2,
        "2023-04": 0,
        "2023-05": 0,
        "2023-06": 1,
        "2023-07": 1,
        "2023-08": 0,
        "2023-09": 0,
        "2023-10": 0,
        "2023-11": 0,
        "2023-12": 1,
    }
    assert annual_report(new_vault, 2022).total == 1
    assert annual_report(new_vault, 2024).total == 1
    assert annual_report(new_vault, 2021).total == 0


def test_forms_and_municipalities_with_empty_and_unknown_categories(new_vault, register) -> None:
    figures = annual_report(new_vault, 2023)
    assert figures.by_form == {
        "seksueel": 2,
        "arbeid": 1,
        "crimineel": 1,
        "orgaan": 0,
        "onbekend": 2,  # one typed as onbekend, one stored outside the vocabulary
    }
    assert figures.by_municipality["Emmen"] == 1
    assert figures.by_municipality["Assen"] == 2
    assert figures.by_municipality["onbekend"] == 1
    assert figures.by_municipality["buiten Drenthe"] == 1
    assert figures.by_municipality["Tynaarlo"] == 1
    assert figures.by_municipality["Aa en Hunze"] == 0
    assert sum(figures.by_municipality.values()) == figures.total
    assert figures.unknown_values == 1


def test_reporters_known_ones_always_listed_others_when_they_reported(new_vault, register) -> None:
    figures = annual_report(new_vault, 2023)
    assert list(figures.by_reporter)[: len(DRENTHE.reporters)] == list(DRENTHE.reporters)
    assert figures.by_reporter["Politie"] == 4
    assert figures.by_reporter["Veilig Thuis Drenthe"] == 1
    assert figures.by_reporter["Buurtwerk Noord"] == 1
    assert figures.by_reporter["KMar"] == 0
    assert "Buurtwerk Noord" not in annual_report(new_vault, 2024).by_reporter
    assert sum(figures.by_reporter.values()) == figures.total


def test_decisions_count_by_their_local_date(new_vault, register) -> None:
    in_2023 = annual_report(new_vault, 2023).decisions
    in_2024 = annual_report(new_vault, 2024).decisions
    # 31 Dec 23:30 in Amsterdam is 2023; 1 Jan 00:30 is 2024 (though 23:30 UTC on 31 Dec).
    assert in_2023 == {
        "advies aan melder": 1,
        "doorverwijzing": 1,
        "monitoring": 3,
        "inbreng RIEC": 0,
        "strafrechtelijk traject": 0,
        "geen verdere actie": 0,
        "afsluiten": 0,
    }
    assert in_2024["monitoring"] == 1
    assert in_2024["afsluiten"] == 1
    assert in_2024["advies aan melder"] == 0


def test_in_monitoring_at_year_end(new_vault, register) -> None:
    # 2023: the June monitoring case, the one closed only in 2024, and the
    # imported case in monitoring without decisions.
    assert annual_report(new_vault, 2023).in_monitoring_at_year_end == 3
    # 2024: the June case, the 2022 case (monitoring from 1 January), the imported one.
    assert annual_report(new_vault, 2024).in_monitoring_at_year_end == 3
    # 2022: the 2022 case's decision came after the year ended.
    assert annual_report(new_vault, 2022).in_monitoring_at_year_end == 0


def test_every_json_key_is_present_with_zeros(new_vault) -> None:
    figures = annual_report(new_vault, 2023).as_json()
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
    assert figures["rules"] == {
        "date_basis": "signal",
        "exclude_riec": True,
        "exclude_monitoring": True,
    }
    assert figures["year"] == 2023
    assert figures["total"] == 0
    assert list(figures["by_form"]) == [f.value for f in ExploitationForm]
    assert list(figures["by_municipality"]) == [*DRENTHE.all_names(), DRENTHE.outside, "onbekend"]
    assert len(figures["by_municipality"]) == 14
    assert "Midden-Drenthe" in figures["by_municipality"]
    assert list(figures["by_reporter"]) == list(DRENTHE.reporters)
    assert list(figures["by_month"]) == [f"2023-{m:02d}" for m in range(1, 13)]
    assert list(figures["decisions"]) == [k.value for k in DecisionKind]
    assert all(
        v == 0 for key in ("by_form", "by_month", "decisions") for v in figures[key].values()
    )
    assert figures["in_monitoring_at_year_end"] == 0


@pytest.mark.parametrize("year", [0, 1899, 9999, -1])
def test_an_impossible_year_is_refused(new_vault, year: int) -> None:
    with pytest.raises(InvalidInput):
        annual_report(new_vault, year)


# --- presenting ---------------------------------------------------------------------


def _small(year: int, total: int, seksueel: int = 0) -> AnnualReport:
    base = AnnualReport(
        year=year,
        total=total,
        by_form={f.value: 0 for f in ExploitationForm},
        by_municipality=dict.fromkeys([*DRENTHE.all_names(), DRENTHE.outside, "onbekend"], 0),
        by_reporter=dict.fromkeys(DRENTHE.reporters, 0),
        by_month={f"{year}-{m:02d}": 0 for m in range(1, 13)},
        decisions={k.value: 0 for k in DecisionKind},
        in_monitoring_at_year_end=0,
    )
    base.by_form["seksueel"] = seksueel
    base.by_form["onbekend"] = total - seksueel
    base.by_month[f"{year}-03"] = total
    return base


def _md(current: AnnualReport, previous: AnnualReport | None = None) -> str:
    return render_md(build_page(current, previous, [previous] if previous else []))


def test_the_change_against_the_previous_year_reads_like_the_annual_report() -> None:
    assert report.with_change(67, 55, 2022) == "67 (+12 t.o.v. 2022)"
    assert report.with_change(50, 55, 2022) == "50 (-5 t.o.v. 2022)"
    assert report.with_change(55, 55, 2022) == "55 (0 t.o.v. 2022)"
    assert report.with_change(67, None, 2022) == "67"


def test_markdown_has_one_table_per_section_with_the_change() -> None:
    md = _md(_small(2023, 67, 28), _small(2022, 55, 20))
    lines = md.splitlines()
    assert lines[0] == "# Jaarcijfers 2023"
    assert "- Nieuwe signalen: 67 (+12 t.o.v. 2022)" in lines
    assert "| Vorm | 2023 | 2022 | Verschil |" in lines
    assert "| Seksuele uitbuiting | 28 | 20 | +8 |" in lines
    assert "| Gedwongen orgaanverwijdering | 0 | 0 | 0 |" in lines
    assert "| Aa en Hunze | 0 | 0 | 0 |" in lines
    assert "| maart | 67 | 55 | +12 |" in lines
    # Four tables of the year, the comparison over the years, the counting rules.
    assert md.count("\n## ") == 6
    assert "| 2023 | 67 | +12 | 28 | 0 | 0 | 0 | 39 |" in lines
    assert "1. Geteld zijn de nieuwe signalen met een signaaldatum in 2023." in lines
    # Every table row has the same number of cells as its header.
    header = ""
    for line in lines:
        if not line.startswith("|"):
            header = ""
        elif not header:
            header = line
        else:
            assert line.count("|") == header.count("|"), line
    # Stable: the same figures give the same bytes (diffable appendix).
    assert md == _md(_small(2023, 67, 28), _small(2022, 55, 20))


def test_markdown_without_a_previous_year_has_no_change_column() -> None:
    md = _md(_small(2023, 67, 28), _small(2022, 0))
    assert "t.o.v." not in md
    assert "| Vorm | 2023 |" in md.splitlines()
    assert "| Seksuele uitbuiting | 28 |" in md.splitlines()


def test_markdown_escapes_pipes_in_reporter_names() -> None:
    figures = _small(2023, 1)
    figures.by_reporter["Team | Noord"] = 1
    assert "| Team \\| Noord | 1 |" in _md(figures)


def test_csv_is_long_format_with_both_years() -> None:
    rows = list(csv.reader(io.StringIO(report.to_csv(_small(2023, 67, 28), _small(2022, 55)))))
    assert rows[0] == ["onderdeel", "categorie", "2023", "2022"]
    assert rows[1] == ["Nieuwe signalen", "", "67", "55"]
    assert ["Signalen per vorm van uitbuiting", "seksueel", "28", "0"] in rows
    # Months as text Excel keeps ("03" became the number 3); the previous
    # year's column is March 2022.
    assert ["Signalen per maand", "2023-03", "67", "55"] in rows
    assert ["Herkomst signalen per gemeente", "buiten Drenthe", "0", "0"] in rows
    assert rows[-1] == ["In monitoring op 31 december", "", "0", "0"]
    sections = [r[0] for r in rows[1:]]
    assert sections.count("Signalen per vorm van uitbuiting") == 5
    assert sections.count("Herkomst signalen per gemeente") == 14
    assert sections.count("Signalen per maand") == 12
    assert sections.count("Besluiten") == 7
    assert sections.count("Signalen per melder") == len(DRENTHE.reporters)
    assert all(len(r) == 4 for r in rows)


def test_csv_sections_follow_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRIELUIK_LANG", "en")
    rows = list(csv.reader(io.StringIO(report.to_csv(_small(2023, 67, 28), _small(2022, 55)))))
    assert rows[0] == ["section", "category", "2023", "2022"]
    assert ["Signals per month", "2023-03", "67", "55"] in rows
    assert ["Signals per form of exploitation", "seksueel", "28", "0"] in rows  # codes stay


def test_csv_never_turns_a_reporters_name_into_a_formula() -> None:
    figures = _small(2023, 1)
    for name in ('=HYPERLINK("http://x")', "+31 team", "-dienst", "@stichting", "Gewoon"):
        figures.by_reporter[name] = 1
    rows = list(csv.reader(io.StringIO(report.to_csv(figures))))
    shown = {r[1] for r in rows if r[0] == "Signalen per melder"}
    assert {'\'=HYPERLINK("http://x")', "'+31 team", "'-dienst", "'@stichting", "Gewoon"} <= shown


def test_english_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRIELUIK_LANG", "en")
    md = _md(_small(2023, 67, 28), _small(2022, 55, 20))
    assert "# Annual figures 2023" in md
    assert "- New signals: 67 (+12 vs 2022)" in md


def test_report_on_a_reopened_vault(vault_path: Path) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    cases.create_cases(vault, [_input("2023-05-05"), _input("2023-05-06", vorm="orgaan")])
    vault.close()
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        figures = annual_report(reopened, 2023)
    assert figures.by_form["orgaan"] == 1
    assert figures.by_month["2023-05"] == 2


def test_riec_registered_cases_are_left_out_unless_the_rules_include_them(new_vault) -> None:
    """By decision or by status (an import), never by the organised-crime flag alone."""
    codes = cases.create_cases(
        new_vault,
        [
            _input("2023-02-01"),
            _input("2023-03-01", status="ingebracht RIEC"),  # imported so
            _input("2023-04-01", ondermijning="ja"),  # flag only: counted
            _input("2023-05-01"),  # gets the decision below
        ],
    )
    _decide(new_vault, codes[3], DecisionKind.INBRENG_RIEC, datetime(2023, 5, 8, 14))
    default = annual_report(new_vault, 2023)
    assert (default.total, default.riec_left_out) == (2, 2)
    assert default.by_month["2023-03"] == default.by_month["2023-05"] == 0
    with_riec = annual_report(new_vault, 2023, report.CountingRules(exclude_riec=False))
    assert (with_riec.total, with_riec.riec_left_out) == (4, 0)


def test_monitoring_from_earlier_years_counts_only_when_the_rules_say_so(new_vault) -> None:
    codes = cases.create_cases(
        new_vault,
        [
            _input("2022-05-01", gemeente="Emmen"),  # monitoring since 2022, still in 2023
            _input("2022-06-01", gemeente="Meppel"),  # monitoring, closed in 2022
            _input("2023-01-10"),
        ],
    )
    _decide(new_vault, codes[0], DecisionKind.MONITORING, datetime(2022, 6, 1, 14))
    _decide(new_vault, codes[1], DecisionKind.MONITORING, datetime(2022, 7, 1, 14))
    _decide(new_vault, codes[1], DecisionKind.AFSLUITEN, datetime(2022, 11, 1, 14))
    default = annual_report(new_vault, 2023)
    assert (default.total, default.monitoring_from_earlier) == (1, 1)
    assert default.by_municipality["Emmen"] == 0
    rules = report.CountingRules(exclude_monitoring=False)
    included = annual_report(new_vault, 2023, rules)
    assert (included.total, included.monitoring_from_earlier) == (2, 1)
    assert included.by_municipality["Emmen"] == 1
    assert sum(included.by_month.values()) == 1  # months: the year's own signals
