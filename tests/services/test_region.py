"""Region profiles (issue 17, part 2): a vault for another region, and a merger
that keeps earlier years under the old names and this year under the new one.

Real vaults in tmp_path; cases go in through the same services the CLI and the
TUI use.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from drieluik.domain.region import RegionEditError
from drieluik.domain.regions import REGION_KEYS, all_shipped, shipped
from drieluik.domain.vocabulary import ExploitationForm
from drieluik.errors import InvalidInput
from drieluik.services import audit, cases, region, report
from drieluik.services.cases import CaseInput
from drieluik.services.importer import import_cases, read_import
from drieluik.services.report_page import load_page
from drieluik.store.vault import Vault

GRONINGEN = (
    "Eemsdelta",
    "Groningen",
    "Het Hogeland",
    "Midden-Groningen",
    "Oldambt",
    "Pekela",
    "Stadskanaal",
    "Veendam",
    "Westerkwartier",
    "Westerwolde",
)
IJSSELLAND = (
    "Dalfsen",
    "Deventer",
    "Hardenberg",
    "Kampen",
    "Olst-Wijhe",
    "Ommen",
    "Raalte",
    "Staphorst",
    "Steenwijkerland",
    "Zwartewaterland",
    "Zwolle",
)


def _case(day: date, place: str, reporter: str = "KMar") -> CaseInput:
    return CaseInput(
        signal_date=day,
        reporter=reporter,
        municipality=place,
        form=ExploitationForm.ARBEID,
        summary="Signaal over een uitzendbureau.",
    )


# --- the shipped profiles ----------------------------------------------------------------


def test_the_shipped_regions_have_their_municipalities() -> None:
    assert REGION_KEYS == ("drenthe", "groningen", "ijsselland")
    assert shipped("groningen").all_names() == GRONINGEN
    assert shipped("ijsselland").all_names() == IJSSELLAND
    assert len(shipped("drenthe").all_names()) == 12
    for profile in all_shipped():
        assert profile.reporters[-1] == "Overig"
        assert profile.outside == f"buiten {profile.name}"
        assert profile.parse_municipality(profile.outside) == profile.outside
        assert profile.parse_municipality("buiten de regio") == profile.outside
        assert profile.parse_municipality("onb.") == "onbekend"
    assert shipped("drenthe").meeting_name == "het Drieluik"
    assert {p.code_prefix for p in all_shipped()} == {"DL", "GR", "IJ"}


def test_a_profile_survives_its_stored_form() -> None:
    profile = shipped("groningen").with_rename(["Pekela", "Veendam"], "Nieuw", date(2027, 1, 1))
    again = type(profile).from_json(profile.to_json())
    assert again == profile
    assert dict(again.places) == dict(profile.places)


# --- a vault for another region ----------------------------------------------------------


def test_a_groningen_vault_accepts_groningen_and_refuses_drenthe(new_vault: Vault) -> None:
    region.choose(new_vault, "groningen")
    profile = region.get(new_vault)
    raw = {
        "datum": "2025-03-01",
        "gemeente": "midden groningen",
        "vorm": "arbeid",
        "melder": "veilig thuis groningen",
        "omschrijving": "Signaal.",
    }
    data, errors, warnings = cases.validate_case_fields(raw, profile=profile)
    assert data is not None and not errors and not warnings
    assert data.municipality == "Midden-Groningen"
    assert data.reporter == "Veilig Thuis Groningen"  # a usual reporter: no warning
    _, errors, _ = cases.validate_case_fields({**raw, "gemeente": "Assen"}, profile=profile)
    assert [p.field for p in errors] == ["gemeente"]
    assert "Groningen" in errors[0].message and "10" in errors[0].message
    created = cases.create_case(new_vault, data)
    assert created.code == "GR-2025-001"  # the region's prefix
    assert cases.list_reporters(new_vault)[0] == "Veilig Thuis Groningen"


def test_a_groningen_import_reads_groningen_municipalities(
    new_vault: Vault, tmp_path: Path
) -> None:
    region.choose(new_vault, "groningen")
    sheet = tmp_path / "signalen.csv"
    sheet.write_text(
        "Datum;Gemeente;Vorm;Melder;Omschrijving\n"
        "02-01-2025;Gemeente Westerwolde;arbeid;KMar;Signaal.\n"
        "03-01-2025;Het Hogeland;seksueel;Veilig Thuis Groningen;Signaal.\n"
        "04-01-2025;Emmen;seksueel;Politie;Signaal.\n",
        encoding="utf-8",
    )
    result = read_import(sheet, vault=new_vault, today=date(2025, 6, 1))
    assert [row.data.municipality for row in result.rows] == ["Westerwolde", "Het Hogeland"]
    assert [(p.line, p.column) for p in result.errors] == [(4, "gemeente")]
    assert import_cases(new_vault, result, skip_invalid=True) == ["GR-2025-001", "GR-2025-002"]


def test_a_groningen_report_lists_every_groningen_municipality(new_vault: Vault) -> None:
    region.choose(new_vault, "groningen")
    cases.create_cases(
        new_vault,
        [
            _case(date(2025, 2, 1), "Groningen"),
            _case(date(2025, 3, 1), "Groningen"),
            _case(date(2025, 4, 1), "buiten Groningen"),
            _case(date(2025, 5, 1), "onbekend"),
        ],
    )
    figures = report.annual_report(new_vault, 2025)
    assert list(figures.by_municipality) == [*GRONINGEN, "buiten Groningen", "onbekend"]
    assert figures.by_municipality["Groningen"] == 2
    assert figures.by_municipality["Pekela"] == 0  # zeros included
    assert figures.by_municipality["buiten Groningen"] == 1
    assert next(iter(figures.by_reporter)) == "Veilig Thuis Groningen"
    page = load_page(new_vault, 2025)
    assert "Groningen" in page.subtitle and "Drenthe" not in page.subtitle
    rows = [row.label for row in page.table("by_municipality").rows]
    assert rows == [*GRONINGEN, "buiten Groningen", "onbekend"]


def test_an_unknown_region_is_refused_with_the_choices(new_vault: Vault) -> None:
    with pytest.raises(InvalidInput) as caught:
        region.choose(new_vault, "utrecht")
    assert "drenthe, groningen, ijsselland" in caught.value.message
    assert region.get(new_vault).key == "drenthe"  # nothing changed


def test_a_vault_without_a_profile_reads_as_drenthe(new_vault: Vault) -> None:
    assert region.get(new_vault) == shipped("drenthe")
    with new_vault.transaction() as session:
        from drieluik.store.models import Setting

        session.merge(Setting(key=region.SETTING_KEY, value="{not json"))
    assert region.get(new_vault) == shipped("drenthe")  # a damaged value never blocks


# --- renaming and merging -----------------------------------------------------------------


def test_a_merger_keeps_earlier_years_under_the_old_names(new_vault: Vault) -> None:
    region.choose(new_vault, "groningen")
    cases.create_cases(
        new_vault,
        [
            _case(date(2025, 3, 1), "Pekela"),
            _case(date(2025, 4, 1), "Veendam"),
            _case(date(2025, 5, 1), "Veendam"),
            _case(date(2026, 2, 1), "Pekela"),  # entered before the merger was
            _case(date(2026, 3, 1), "Veendam"),
        ],
    )
    region.rename_municipality(new_vault, ["pekela", "Veendam"], "Veendam-Pekela", date(2026, 1, 1))
    earlier = report.annual_report(new_vault, 2025)
    assert earlier.by_municipality["Pekela"] == 1 and earlier.by_municipality["Veendam"] == 2
    assert "Veendam-Pekela" not in earlier.by_municipality
    this_year = report.annual_report(new_vault, 2026)
    assert this_year.by_municipality["Veendam-Pekela"] == 2
    assert "Pekela" not in this_year.by_municipality and "Veendam" not in this_year.by_municipality
    # The new name takes the first old one's place in the report's order.
    assert list(this_year.by_municipality)[5] == "Veendam-Pekela"
    # The cases keep the name they were stored with.
    assert sorted(c.municipality for c in cases.list_cases(new_vault)) == [
        "Pekela",
        "Pekela",
        "Veendam",
        "Veendam",
        "Veendam",
    ]
    # New cases get the new name in the form; old names still parse (old signals).
    profile = region.get(new_vault)
    assert "Veendam-Pekela" in profile.choices(date(2026, 6, 1))
    assert "Pekela" not in profile.choices(date(2026, 6, 1))
    assert "Pekela" in profile.choices(date(2026, 6, 1), keep="Pekela")
    assert profile.parse_municipality("Pekela") == "Pekela"
    entries = audit.list_entries(new_vault)
    assert entries[-1].action == "settings.region_profile"


def test_a_rename_dated_this_year_moves_this_year_only(new_vault: Vault) -> None:
    cases.create_cases(
        new_vault, [_case(date(2024, 6, 1), "De Wolden"), _case(date(2025, 6, 1), "De Wolden")]
    )
    region.rename_municipality(new_vault, ["De Wolden"], "Wolden", date(2025, 7, 1))
    assert report.annual_report(new_vault, 2024).by_municipality["De Wolden"] == 1
    assert report.annual_report(new_vault, 2025).by_municipality["Wolden"] == 1
    assert "De Wolden" not in report.annual_report(new_vault, 2025).by_municipality


def test_a_municipality_absorbing_a_neighbour_keeps_its_name_and_place(new_vault: Vault) -> None:
    cases.create_cases(
        new_vault, [_case(date(2025, 6, 1), "Meppel"), _case(date(2026, 6, 1), "De Wolden")]
    )
    region.rename_municipality(new_vault, ["De Wolden"], "Meppel", date(2026, 1, 1))
    later = report.annual_report(new_vault, 2026)
    assert later.by_municipality["Meppel"] == 1 and "De Wolden" not in later.by_municipality
    assert report.annual_report(new_vault, 2025).by_municipality["De Wolden"] == 0


def test_an_added_municipality_counts_from_its_date(new_vault: Vault) -> None:
    region.add_municipality(new_vault, "Nieuwland", date(2026, 1, 1))
    assert "Nieuwland" not in report.annual_report(new_vault, 2025).by_municipality
    assert "Nieuwland" in report.annual_report(new_vault, 2026).by_municipality
    region.add_municipality(new_vault, "Altijdland")
    assert "Altijdland" in report.annual_report(new_vault, 2020).by_municipality


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        (["Atlantis"], "Nieuw", "region.unknown_municipality"),
        (["Assen"], "Assen", "region.rename_same"),
        (["Assen"], "buiten Drenthe", "region.name_exists"),
        (["Assen"], " ", "region.name_empty"),
    ],
)
def test_a_rename_that_does_not_fit_is_refused_and_changes_nothing(
    new_vault: Vault, old: list[str], new: str, key: str
) -> None:
    before = region.get(new_vault)
    with pytest.raises(InvalidInput) as caught:
        region.rename_municipality(new_vault, old, new, date(2026, 1, 1))
    assert caught.value.key in (key, "vault.text_empty", "region.name_empty")
    assert region.get(new_vault) == before


def test_a_name_out_of_force_cannot_be_renamed_again() -> None:
    profile = shipped("drenthe").with_rename(["Assen"], "Groot-Assen", date(2026, 1, 1))
    with pytest.raises(RegionEditError) as caught:
        profile.with_rename(["Assen"], "Anders", date(2027, 1, 1))
    assert caught.value.key == "region.not_in_force"
    # a chain of renames is followed to the name of the year
    twice = profile.with_rename(["Groot-Assen"], "Assen-Noord", date(2028, 1, 1))
    assert twice.name_in_year("Assen", 2025) == "Assen"
    assert twice.name_in_year("Assen", 2026) == "Groot-Assen"
    assert twice.name_in_year("Assen", 2030) == "Assen-Noord"


def test_the_minutes_carry_the_regions_meeting_name(new_vault: Vault) -> None:
    from drieluik.services import meetings
    from drieluik.services.minutes import build, labels, model

    day = date(2026, 3, 12)
    meetings.create_meeting(new_vault, day, ["KMar"])
    drenthe = build.build_minutes(new_vault, day)
    assert labels.title(drenthe) == "CONCEPT – Verslag Drieluik 12 maart 2026"
    region.choose(new_vault, "groningen")
    groningen = build.build_minutes(new_vault, day)
    assert labels.title(groningen) == "CONCEPT – Verslag casusoverleg mensenhandel 12 maart 2026"
    assert model.from_json(model.to_json(groningen)).meeting_name == "casusoverleg mensenhandel"
    assert shipped("groningen").meeting_title == "Het casusoverleg mensenhandel"


def test_the_page_names_a_province_or_a_region(new_vault: Vault) -> None:
    assert load_page(new_vault, 2025).subtitle == "Cijfers provincie Drenthe"
    region.choose(new_vault, "ijsselland")
    assert load_page(new_vault, 2025).subtitle == "Cijfers regio IJsselland"
    assert type(shipped("ijsselland")).from_json(shipped("ijsselland").to_json()).area == "regio"


def test_a_municipality_added_to_the_profile_is_not_flagged_as_a_name(new_vault: Vault) -> None:
    from drieluik.services import guard

    note = "Het signaal kwam uit Van Dijkstad via de wijkagent."
    assert guard.Guard.load(new_vault).scan(note)  # a particle and a surname: flagged
    region.add_municipality(new_vault, "Van Dijkstad", date(2027, 1, 1))
    assert guard.Guard.load(new_vault).scan(note) == []
