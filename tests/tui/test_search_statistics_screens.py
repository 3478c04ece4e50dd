"""The search screen and the statistics screen, driven with Pilot on a real vault."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static, TabbedContent

from drieluik.domain.vocabulary import DecisionKind
from drieluik.i18n import catalog
from drieluik.screens.case_detail import CaseDetailScreen
from drieluik.screens.search import DEBOUNCE_SECONDS, SearchScreen
from drieluik.screens.statistics import TABS, BarChart, StatisticsScreen, bar
from drieluik.services import cases, meetings, report_page
from drieluik.store.models import clock_at
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.tui.conftest import app_for, painted, wait_for

SIZE = (100, 30)
SMALL = (80, 24)
TODAY = date(2024, 1, 20)


def _signal(datum: str, summary: str, gemeente: str = "Assen", vorm: str = "arbeid"):
    return cases.require_valid(
        {
            "datum": datum,
            "gemeente": gemeente,
            "vorm": vorm,
            "melder": "Politie",
            "omschrijving": summary,
        }
    )


@pytest.fixture
def vault(vault_path: Path):
    """An open vault with signals in 2022 and 2023, notes and a monitoring decision."""
    opened = Vault.create(vault_path, PASSPHRASE)
    codes = cases.create_cases(
        opened,
        [
            _signal("2022-05-01", "Man werkt zonder loon in een autowasstraat."),
            _signal("2022-09-01", "Vrouw in een salon zonder paspoort.", "Emmen", "seksueel"),
            _signal("2023-01-01", "Cliënt werkt 70 uur op een [bold]boerderij[/bold]."),
            _signal("2023-06-15", "Jongen vervoert pakketjes.", "Borger-Odoorn", "crimineel"),
            _signal("2023-12-31", "Melding via huisarts.", "onbekend", "onbekend"),
        ],
    )
    meeting = meetings.create_meeting(opened, date(2023, 7, 3), propose=False)
    item = meetings.add_item(opened, meeting.id, codes[3]).items[0]
    meetings.save_notes(opened, item.id, "De boerderij van een oom werd genoemd.")
    with clock_at(datetime(2023, 7, 3, 14)):
        meetings.add_decision(
            opened, item.id, DecisionKind.MONITORING, "Volgen", review_date=date(2023, 10, 1)
        )
    yield opened
    if opened.is_open:
        opened.close()


def _rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(r)] for r in range(table.row_count)]


async def _open_search(pilot) -> SearchScreen:
    pilot.app.action_search()
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, SearchScreen))
    return pilot.app.screen


async def _type(pilot, text: str) -> None:
    await pilot.press(*text)
    await pilot.pause(DEBOUNCE_SECONDS + 0.1)
    await pilot.pause()


# --- search -----------------------------------------------------------------------


async def test_results_appear_while_typing_and_enter_opens_the_case(vault_path, vault) -> None:
    app = app_for(vault_path, vault=vault, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_search(pilot)
        await _type(pilot, "boerd")
        table = screen.query_one(DataTable)
        assert _rows(table) == [
            ["DL-2023-001", "omschrijving", "Cliënt werkt 70 uur op een [bold]«boerderij»[/bold]."],
            ["DL-2023-002", "notities", "De «boerderij» van een oom werd genoemd."],
        ]
        assert str(screen.query_one("#search-status", Static).render()) == "2 treffer(s)."
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseDetailScreen))
        assert app.screen.case_code == "DL-2023-001"
        # Back from the case: the search and its results are still there.
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
        assert screen.query_one(Input).value == "boerd"
        assert screen.query_one(DataTable).row_count == 2


async def test_arrow_down_then_enter_opens_the_chosen_hit(vault_path, vault) -> None:
    app = app_for(vault_path, vault=vault, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_search(pilot)
        await _type(pilot, "boerderij")
        await pilot.press("down")
        assert screen.query_one(DataTable).has_focus
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseDetailScreen))
        assert app.screen.case_code == "DL-2023-002"


async def test_snippets_are_literal_with_highlighted_matches(vault_path, vault) -> None:
    app = app_for(vault_path, vault=vault, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_search(pilot)
        await _type(pilot, "boerderij")
        snippet = screen.query_one(DataTable).get_row_at(0)[2]
        assert isinstance(snippet, Text)
        assert "[bold]" in snippet.plain  # markup in a summary is text, not style
        highlighted = [snippet.plain[s.start : s.end] for s in snippet.spans]
        assert highlighted == ["«boerderij»"]
        shown = painted(app)  # the terminal shows the brackets, in plain text
        assert "[bold]" in shown and "[/bold]" in shown and "«boerderij»" in shown


@pytest.mark.parametrize("query", ['"NEAR(', "AND OR", "*", "code:^", "😀"])
async def test_hostile_input_never_breaks_the_screen(vault_path, vault, query: str) -> None:
    app = app_for(vault_path, vault=vault, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_search(pilot)
        await _type(pilot, query)
        assert isinstance(app.screen, SearchScreen)
        assert screen.query_one(DataTable).row_count == 0
        status = str(screen.query_one("#search-status", Static).render())
        assert status in ("Niets gevonden.", "Typ om te zoeken; Enter opent de casus.")
        await pilot.press("enter")  # nothing to open: a bell, no error
        assert isinstance(app.screen, SearchScreen)


async def test_escape_closes_the_search(vault_path, vault) -> None:
    app = app_for(vault_path, vault=vault, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        before = type(app.screen)
        await _open_search(pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, SearchScreen))
        assert type(app.screen) is before


async def test_a_code_finds_the_case(vault_path, vault) -> None:
    app = app_for(vault_path, vault=vault, today=TODAY)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _open_search(pilot)
        await _type(pilot, "DL-2022-002")
        rows = _rows(screen.query_one(DataTable))
        assert [r[0] for r in rows] == ["DL-2022-002"]


class ContractApp(App):
    """Only what the screens may rely on: `vault` and `open_case`."""

    def __init__(self, vault: Vault) -> None:
        super().__init__()
        self.vault = vault
        self.opened: list[str | int] = []

    def open_case(self, ref: str | int) -> None:
        self.opened.append(ref)

    def on_mount(self) -> None:
        self.push_screen(SearchScreen("salon"))


async def test_the_search_screen_needs_only_the_documented_contract(vault) -> None:
    app = ContractApp(vault)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
        await wait_for(pilot, lambda: app.screen.query_one(DataTable).row_count == 1)
        app.screen.query_one(Input).focus()
        await pilot.press("enter")
        assert app.opened == ["DL-2022-002"]


# --- statistics -------------------------------------------------------------------


async def _open_statistics(pilot) -> StatisticsScreen:
    pilot.app.action_statistics()
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, StatisticsScreen))
    await pilot.pause()
    return pilot.app.screen


def _chart(screen: StatisticsScreen, key: str) -> list[str]:
    return screen.query_one(f"#chart-{key}", BarChart).render().plain.splitlines()


def _heading(screen: StatisticsScreen) -> str:
    return str(screen.query_one("#stats-heading", Static).render())


async def test_statistics_open_on_the_latest_year_with_the_change(vault_path, vault) -> None:
    app = app_for(vault_path, vault=vault, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_statistics(pilot)
        assert screen.year == 2023  # 2024 has no signals yet in January
        heading = _heading(screen)
        assert "Jaar 2023" in heading
        assert "Nieuwe signalen: 3 (+1 t.o.v. 2022)" in heading
        assert "In monitoring op 31 december: 1 (+1 t.o.v. 2022)" in heading
        form = _chart(screen, "by_form")
        assert form[0].split() == ["2023", "2022", "±"]
        assert form[1].startswith("Seksuele uitbuiting")
        assert form[1].split()[-3:] == ["0", "1", "-1"]
        assert form[2].startswith("Arbeidsuitbuiting") and "█" in form[2]
        assert form[2].split()[-3:] == ["1", "1", "0"]
        months = _chart(screen, "by_month")
        assert months[1].split()[0] == "januari" and months[1].split()[-3:] == ["1", "0", "+1"]


async def test_left_and_right_change_the_year(vault_path, vault) -> None:
    app = app_for(vault_path, vault=vault, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_statistics(pilot)
        await pilot.press("left")
        assert screen.year == 2022
        assert "Nieuwe signalen: 2" in _heading(screen)
        assert "geen gegevens over 2021 om mee te vergelijken" in _heading(screen)
        assert _chart(screen, "by_form")[0].split() == ["2022"]
        await pilot.press("right", "right")
        assert screen.year == 2024
        await pilot.press("right")  # not into the future
        assert screen.year == 2024
        assert "Nieuwe signalen: 0 (-3 t.o.v. 2023)" in _heading(screen)


async def test_statistics_fit_80_by_24(vault_path, vault) -> None:
    app = app_for(vault_path, vault=vault, today=TODAY)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _open_statistics(pilot)
        await pilot.press("2")
        assert screen.query_one(TabbedContent).active == "tab-by_municipality"
        await pilot.pause()
        shown = painted(app)
        # The page's rows: Drenthe's twelve with their zeros and onbekend, and
        # "buiten Drenthe" only in a year something came from there.
        for name in ("Aa en Hunze", "Borger-Odoorn", "Westerveld", "onbekend"):
            assert name in shown
        assert "buiten Drenthe" not in shown
        assert "Nieuwe signalen: 3 (+1 t.o.v. 2022)" in shown
        chart = screen.query_one("#chart-by_municipality", BarChart)
        assert chart.region.bottom <= SMALL[1] - 1  # above the footer
        assert all(len(line) <= chart.content_size.width for line in _chart(screen, "by_month"))


async def test_statistics_show_the_report_pages_years_and_counting_rules(vault_path, vault) -> None:
    app = app_for(vault_path, vault=vault, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_statistics(pilot)
        page = report_page.load_page(vault, 2023)  # what `drieluik report -f pdf` writes
        assert [t.key for t in page.tables] == [
            key for key in TABS if key not in ("years", "decisions")
        ]
        reporters = _chart(screen, "by_reporter")
        assert [line.split()[0] for line in reporters[1:]] == [
            r.label.split()[0] for r in page.table("by_reporter").rows
        ]
        await pilot.press("5")
        assert screen.query_one(TabbedContent).active == "tab-years"
        years = _chart(screen, "years")
        assert [line.split()[0] for line in years[1:]] == ["2022", "2023"]
        assert [line.split()[-1] for line in years[1:]] == ["2", "3"]
        title = str(screen.query_one("#title-years", Static).render())
        assert "Een stijging: 3 nieuwe signalen in 2023, 2 in 2022 (+1)." in title
        rules = str(screen.query_one("#stats-rules", Static).render())
        assert "De bij het RIEC aangemelde casussen zijn hierin niet meegenomen (0)" in rules
        await pilot.press("6")
        assert _chart(screen, "decisions")[1].startswith("advies aan melder")


async def test_escape_closes_the_statistics(vault_path, vault) -> None:
    app = app_for(vault_path, vault=vault, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _open_statistics(pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, StatisticsScreen))


# --- pieces -----------------------------------------------------------------------


def test_bars_scale_in_eighths() -> None:
    assert bar(0, 10, 20) == ""
    assert bar(10, 10, 20) == "█" * 20
    assert bar(5, 10, 20) == "█" * 10
    assert bar(1, 80, 10) == "▏"
    assert bar(3, 16, 4) == "▊"
    assert bar(5, 0, 10) == ""


@pytest.mark.parametrize("cls", [SearchScreen, StatisticsScreen], ids=lambda c: c.__name__)
def test_every_binding_has_an_id_and_a_catalogued_description(cls) -> None:
    ids = []
    for binding in cls.BINDINGS:
        assert isinstance(binding, Binding)
        assert binding.id, binding.key
        assert binding.description in catalog(), binding.id
        ids.append(binding.id)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("key", ["slash", "ctrl+f"])
async def test_slash_and_ctrl_f_open_the_search_from_the_dashboard(vault_path, vault, key) -> None:
    app = app_for(vault_path, vault=vault, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "DashboardScreen")
        await pilot.press(key)
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
