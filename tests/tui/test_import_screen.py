"""The import screen: map a column and a value on screen, import all or nothing,
keep the mapping as a profile and use it on the next file (real vault, real files)."""

from __future__ import annotations

import os
from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from drieluik.screens.cases import CasesScreen
from drieluik.screens.import_file import ImportScreen
from drieluik.screens.meeting_dialogs import ConfirmDialog
from drieluik.services import cases, importer
from drieluik.services.types import CaseFilter
from drieluik.store.vault import Vault
from drieluik.widgets.filter_select import FilterPicker, FilterSelect
from drieluik.widgets.import_file import ProblemTable
from tests.conftest import PASSPHRASE
from tests.tui.conftest import app_for, painted, unlock, wait_for

HEADER = "Wanneer binnen;Gemeente;Vorm van uitbuiting;Melder;Omschrijving"


def _sheet(folder: Path, name: str, *rows: str) -> Path:
    path = folder / name
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
    return path


def _count(vault: Vault) -> int:
    return cases.count_cases(vault, CaseFilter())


def _reopened(path: Path) -> Vault:
    """The vault as it is on disk (the app closes its vault when it ends)."""
    return Vault.open(path, PASSPHRASE)


async def _open_screen(pilot) -> ImportScreen:
    app = pilot.app
    await wait_for(pilot, lambda: type(app.screen).__name__ == "DashboardScreen")
    app.action_cases()
    await wait_for(pilot, lambda: isinstance(app.screen, CasesScreen))
    await pilot.pause(0.1)
    footer = {key.key: key for key in app.screen.query(FooterKey)}
    assert "i" in footer and footer["i"].region.right <= app.size.width  # shown in full
    await pilot.press("i")  # the cases screen's key
    await wait_for(pilot, lambda: isinstance(app.screen, ImportScreen))
    return app.screen


async def _read(pilot, screen: ImportScreen, path: Path | str) -> None:
    generation = screen._generation
    field = screen.query_one("#import-path", Input)
    field.value = str(path)
    field.focus()
    await pilot.press("enter")
    await wait_for(pilot, lambda: screen._generation > generation)
    await _settled(pilot, screen)


async def _settled(pilot, screen: ImportScreen) -> None:
    await pilot.pause(0.05)
    await wait_for(pilot, lambda: not screen.reading)
    await pilot.pause(0.1)


async def _choose(
    pilot, screen: ImportScreen, select_id: str, label: str, *, reads: bool = True
) -> None:
    """Open a FilterSelect with Enter and pick `label` with the arrow keys; with
    `reads`, wait until the file has been read again with the new choice."""
    generation = screen._generation
    select = screen.query_one(f"#{select_id}", FilterSelect)
    index = [text for text, _ in select.options].index(label) + 1  # after the prompt
    select.focus()
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, FilterPicker))
    await pilot.press(*["down"] * index, "enter")
    await wait_for(pilot, lambda: pilot.app.screen is screen)
    if reads:
        await wait_for(pilot, lambda: screen._generation > generation and not screen.reading)
        await pilot.pause(0.05)


async def _import(pilot, screen: ImportScreen) -> None:
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))
    await pilot.press("enter")  # the default is No: nothing happens
    await wait_for(pilot, lambda: pilot.app.screen is screen)
    assert not screen.imported
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))
    await pilot.press("right", "enter")
    await wait_for(pilot, lambda: bool(screen.imported))


def _status(screen: ImportScreen) -> str:
    return str(screen.query_one("#import-status").render())


async def test_map_a_column_and_a_value_import_keep_the_profile_and_reuse_it(
    new_vault: Vault, tmp_path: Path
) -> None:
    first = _sheet(
        tmp_path,
        "maart.csv",
        "14-03-2026;Assen;Loverboy;Politie;Signaal over een woning",
        "02-04-2026;Emmen;arbeidsuitbuiting;GGD Drenthe;Werkplaats met slaapplekken",
    )
    app = app_for(new_vault.path, vault=new_vault)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_screen(pilot)
        await _read(pilot, screen, first)
        # "Wanneer binnen" is not a header drieluik knows: nothing read yet.
        assert screen.preview is not None and screen.preview.result is None
        assert "datum" in _status(screen)
        await _choose(pilot, screen, "import-col-0", "datum")
        await _settled(pilot, screen)
        result = screen.preview.result
        assert result is not None and result.invalid_lines == [2]  # "Loverboy"
        assert result.unknown_values == {"vorm": {"Loverboy": 1}}
        await _choose(pilot, screen, "import-val-0", "Seksuele uitbuiting")
        await _settled(pilot, screen)
        assert screen.preview.result.ok and len(screen.preview.result.rows) == 2
        # Escape with a mapping neither kept nor used asks; the default stays.
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen)
        await _import(pilot, screen)
        assert _count(new_vault) == 2
        assert "2" in _status(screen)
        # Once imported, the same rows are not imported twice by a second ctrl+s.
        await pilot.press("ctrl+s")
        await pilot.pause(0.1)
        assert not isinstance(app.screen, ConfirmDialog) and _count(new_vault) == 2

        screen.query_one("#import-profile-name", Input).value = "Zorgsheet"
        await pilot.press("ctrl+b")
        await pilot.pause(0.1)
        saved = importer.load_profile(new_vault, "Zorgsheet")
        assert saved is not None
        assert saved.columns == {"Wanneer binnen": "datum"}
        assert saved.values == {"vorm": {"Loverboy": "seksueel"}}

        # Next time: from the command palette, pick the profile, read a new file.
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, CasesScreen))
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"importeren uit")
        await wait_for(pilot, lambda: app.screen.query_one(CommandList).option_count > 0)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ImportScreen))
        screen = app.screen
        await pilot.pause(0.1)
        await _choose(pilot, screen, "import-profile", "Zorgsheet", reads=False)
        second = _sheet(tmp_path, "april.csv", "20-04-2026;Meppel;loverboy;Politie;Nog een")
        await _read(pilot, screen, second)
        assert screen.preview.result is not None and screen.preview.result.ok
        await _import(pilot, screen)
    vault = _reopened(new_vault.path)
    try:
        assert _count(vault) == 3
        forms = sorted(c.form.value for c in cases.list_cases(vault, CaseFilter()))
        assert forms == ["arbeid", "seksueel", "seksueel"]
        assert importer.profile_names(vault) == ["Zorgsheet"]
    finally:
        vault.close()


async def test_a_file_with_bad_rows_imports_nothing_and_shows_the_rows(
    new_vault: Vault, tmp_path: Path
) -> None:
    path = tmp_path / "fouten.csv"
    path.write_text(
        "datum;gemeente;vorm;melder;omschrijving\n"
        "14-03-2026;Assen;arbeid;Politie;Goed\n"
        "31-02-2026;Assen;arbeid;Politie;Datum bestaat niet\n"
        "15-03-2026;Atlantis;arbeid;Politie;Gemeente bestaat niet\n",
        encoding="utf-8",
    )
    app = app_for(new_vault.path, vault=new_vault)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_screen(pilot)
        await _read(pilot, screen, path)
        table = screen.query_one(ProblemTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert [(str(r[0]), str(r[2])) for r in rows][:2] == [("3", "fout"), ("4", "fout")]
        assert "A datum" in str(rows[0][1]) and "B gemeente" in str(rows[1][1])
        await pilot.press("ctrl+s")
        await pilot.pause(0.1)
        assert not isinstance(app.screen, ConfirmDialog)
        assert "niets geïmporteerd" in _status(screen)
        assert _count(new_vault) == 0


async def test_a_missing_file_or_a_folder_is_one_clear_message(
    new_vault: Vault, tmp_path: Path
) -> None:
    app = app_for(new_vault.path, vault=new_vault)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_screen(pilot)
        await _read(pilot, screen, tmp_path / "bestaat-niet.csv")
        assert "bestaat-niet.csv" in _status(screen) and screen.preview is None
        await _read(pilot, screen, tmp_path)
        assert "map" in _status(screen).lower()
        if hasattr(os, "mkfifo"):  # a pipe is refused before it is opened (it would hang)
            fifo = tmp_path / "pijp.csv"
            os.mkfifo(fifo)
            await _read(pilot, screen, fifo)
            assert "pijp.csv" in _status(screen) and screen.preview is None
        assert app.screen is screen and app.return_code is None


async def test_personal_data_is_shown_by_category_and_refused_by_default(
    new_vault: Vault, tmp_path: Path
) -> None:
    path = tmp_path / "pii.csv"
    path.write_text(
        "datum;gemeente;vorm;melder;omschrijving\n"
        "14-03-2026;Assen;arbeid;Politie;Bel 06-12345678 voor meer\n",
        encoding="utf-8",
    )
    app = app_for(new_vault.path, vault=new_vault)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_screen(pilot)
        await _read(pilot, screen, path)
        result = screen.preview.result
        assert result is not None and result.personal
        assert "12345678" not in painted(app)
        table = screen.query_one(ProblemTable)
        kinds = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        assert "persoonsgegevens?" in kinds
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("right", "enter")
        await wait_for(pilot, lambda: app.screen is screen)
        await pilot.pause(0.3)
        assert _count(new_vault) == 0 and not screen.imported
        assert "12345678" not in _status(screen) and "Kies hierboven" in _status(screen)
        assert screen.query_one("#import-personal", FilterSelect).has_focus
        # Choosing "anonymise" imports it with a placeholder.
        await _choose(pilot, screen, "import-personal", "anonimiseren (plaatshouders)", reads=False)
        await _import(pilot, screen)
    vault = _reopened(new_vault.path)
    try:
        summaries = [c.summary for c in cases.list_cases(vault, CaseFilter())]
    finally:
        vault.close()
    assert len(summaries) == 1 and "12345678" not in summaries[0]


async def test_a_large_file_is_read_in_a_worker_while_the_screen_answers(
    new_vault: Vault, tmp_path: Path
) -> None:
    path = tmp_path / "groot.csv"
    rows = [f"14-03-2026;Assen;arbeid;Politie;Signaal {i} over werk" for i in range(20_000)]
    path.write_text("datum;gemeente;vorm;melder;omschrijving\n" + "\n".join(rows), "utf-8")
    app = app_for(new_vault.path, vault=new_vault)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_screen(pilot)
        field = screen.query_one("#import-path", Input)
        field.value = str(path)
        field.focus()
        await pilot.press("enter")
        # The screen is redrawn with the progress while the worker still reads.
        await wait_for(pilot, lambda: "20.000" in _status(screen), timeout=30)
        assert screen.reading and "bezig" in _status(screen).lower()
        await wait_for(pilot, lambda: not screen.reading, timeout=60)
        assert screen.preview.result is not None and len(screen.preview.result.rows) == 20_000


async def test_after_a_lock_the_same_file_and_mapping_come_back(
    closed_vault: Path, tmp_path: Path
) -> None:
    path = _sheet(tmp_path, "maart.csv", "14-03-2026;Assen;arbeid;Politie;Signaal")
    app = app_for(closed_vault)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        screen = await _open_screen(pilot)
        await _read(pilot, screen, path)
        await _choose(pilot, screen, "import-col-0", "datum")
        assert screen.preview.result is not None and screen.preview.result.ok
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: app.vault is None)
        await unlock(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, ImportScreen))
        screen = app.screen
        await wait_for(pilot, lambda: screen.preview is not None and not screen.reading)
        assert screen.mapping.columns == {"Wanneer binnen": "datum"}
        assert screen.preview.result is not None and screen.preview.result.ok
        assert screen.query_one("#import-col-0", FilterSelect).value == "datum"


async def test_leaving_while_a_file_is_read_shows_no_error(
    new_vault: Vault, tmp_path: Path
) -> None:
    path = tmp_path / "groot.csv"
    rows = [f"14-03-2026;Assen;arbeid;Politie;Signaal {i}" for i in range(8_000)]
    path.write_text("datum;gemeente;vorm;melder;omschrijving\n" + "\n".join(rows), "utf-8")
    app = app_for(new_vault.path, vault=new_vault)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_screen(pilot)
        field = screen.query_one("#import-path", Input)
        field.value = str(path)
        field.post_message(Input.Submitted(field, field.value))
        await wait_for(pilot, lambda: screen.reading)
        before = len(app._notifications)
        app.pop_screen()
        await wait_for(pilot, lambda: isinstance(app.screen, CasesScreen))
        await pilot.pause(3)  # the read finishes meanwhile (about 1.5 s)
        assert not [n for n in app._notifications][before:]
        assert app.return_code is None
