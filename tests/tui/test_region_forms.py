"""The intake form, the cases filter and the meeting's organisations of a vault
for another region (issue 17, part 2): Groningen's municipalities and partners,
never Drenthe's; checked against the vault reopened from disk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Select, TextArea
from textual.widgets.select import InvalidSelectValueError

from drieluik.domain.vocabulary import ExploitationForm
from drieluik.screens.case_detail import CaseDetailScreen
from drieluik.screens.case_form import CaseFormScreen
from drieluik.screens.cases import CasesScreen
from drieluik.services import cases, region
from drieluik.services.cases import CaseInput
from drieluik.store.vault import Vault
from drieluik.widgets.filter_select import FilterSelect
from tests.conftest import PASSPHRASE
from tests.tui.conftest import SIZE, app_for, screen_text, unlock, wait_for

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


@pytest.fixture
def groningen_vault(vault_path: Path) -> Path:
    with Vault.create(vault_path, PASSPHRASE) as vault:
        region.choose(vault, "groningen")
    return vault_path


async def test_the_case_form_offers_groningen_and_saves_it(groningen_vault: Path) -> None:
    app = app_for(groningen_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseFormScreen))
        form = app.screen
        place = form.query_one("#form-gemeente", Select)
        for name in (*GRONINGEN, "buiten Groningen", "onbekend"):
            place.value = name  # each is a choice
        for name in ("Assen", "buiten Drenthe"):
            with pytest.raises(InvalidSelectValueError):
                place.value = name
        reporter = form.query_one("#form-melder", Select)
        reporter.value = "Veilig Thuis Groningen"
        with pytest.raises(InvalidSelectValueError):
            reporter.value = "Veilig Thuis Drenthe"
        place.value = "Westerwolde"
        form.query_one("#form-vorm", Select).value = ExploitationForm.ARBEID
        form.query_one("#form-summary", TextArea).focus()
        await pilot.press(*"Signaal over een uitzendbureau")
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseDetailScreen))
        assert "GR-2026-001" in screen_text(app)
        await pilot.press("ctrl+q")

    with Vault.open(groningen_vault, PASSPHRASE) as vault:
        (case,) = cases.list_cases(vault)
    assert (case.code, case.municipality, case.reporter) == (
        "GR-2026-001",
        "Westerwolde",
        "Veilig Thuis Groningen",
    )


async def test_editing_a_case_keeps_a_name_from_before_a_merger(groningen_vault: Path) -> None:
    with Vault.open(groningen_vault, PASSPHRASE) as vault:
        (code,) = cases.create_cases(
            vault,
            [
                CaseInput(
                    signal_date=date(2025, 5, 1),
                    reporter="KMar",
                    municipality="Pekela",
                    form=ExploitationForm.ARBEID,
                    summary="Signaal.",
                )
            ],
        )
        region.rename_municipality(vault, ["Pekela", "Veendam"], "Veendam-Pekela", date(2026, 1, 1))
    app = app_for(groningen_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CasesScreen))
        municipality_filter = app.screen.query_one("#filter-municipality", FilterSelect)
        names = [value for _, value in municipality_filter.options]
        # the filter finds old cases by their old name, and new ones by the new
        assert names[:5] == list(GRONINGEN[:5])
        assert {"Pekela", "Veendam", "Veendam-Pekela", "buiten Groningen"} <= set(names)
        assert "Assen" not in names
        app.push_screen(CaseFormScreen(ref=code))
        await wait_for(pilot, lambda: isinstance(app.screen, CaseFormScreen))
        place = app.screen.query_one("#form-gemeente", Select)
        assert place.value == "Pekela"  # kept, though no longer in force
        place.value = "Veendam-Pekela"
        with pytest.raises(InvalidSelectValueError):
            place.value = "Veendam"  # out of force and not this case's
        await pilot.press("ctrl+q")


async def test_the_statistics_show_groningens_municipalities(groningen_vault: Path) -> None:
    from drieluik.screens.statistics import BarChart, StatisticsScreen

    with Vault.open(groningen_vault, PASSPHRASE) as vault:
        cases.create_cases(
            vault,
            [
                CaseInput(
                    signal_date=date(2026, 5, 1),
                    reporter="KMar",
                    municipality="Oldambt",
                    form=ExploitationForm.ARBEID,
                    summary="Signaal.",
                )
            ],
        )
    app = app_for(groningen_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        app.action_statistics()
        await wait_for(pilot, lambda: isinstance(app.screen, StatisticsScreen))
        await pilot.pause()
        chart = app.screen.query_one("#chart-by_municipality", BarChart).render().plain
        lines = [line.split()[0] for line in chart.splitlines()[1:] if line.strip()]
        assert lines[:3] == ["Eemsdelta", "Groningen", "Het"]  # "Het Hogeland"
        assert "Oldambt" in chart and "Westerwolde" in chart and "Assen" not in chart
        await pilot.press("ctrl+q")
