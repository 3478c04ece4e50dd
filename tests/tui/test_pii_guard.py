"""The live personal-data guard in a text area: findings highlighted and listed
while typing, redacted with one key, or allowed (added to the vault's allow-list)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult

from drieluik.services import allowlist
from drieluik.settings import Settings
from drieluik.store.vault import Vault
from drieluik.widgets.pii_guard import GuardedField, GuardedTextArea, GuardFindings
from tests.conftest import PASSPHRASE
from tests.tui.conftest import wait_for

NOTE = "Elena P. belt 06-12345678"


class GuardApp(App):
    """Just a guarded field, with the attributes the guard reads from the app."""

    def __init__(self, vault: Vault | None = None, text: str = "") -> None:
        super().__init__()
        self.vault = vault
        self.settings = Settings()
        self.text = text

    def compose(self) -> ComposeResult:
        yield GuardedField(self.text, area_id="field")


def area(app: App) -> GuardedTextArea:
    return app.query_one("#field", GuardedTextArea)


def listing(app: App) -> str:
    return str(app.query_one(GuardFindings).render())


async def type_note(pilot, text: str) -> None:
    area(pilot.app).focus()
    await pilot.press(*text)


async def test_findings_are_listed_and_highlighted_while_typing() -> None:
    app = GuardApp()
    async with app.run_test(size=(100, 24)) as pilot:
        await type_note(pilot, NOTE)
        guarded = area(app)
        await wait_for(pilot, lambda: guarded.findings)  # ~200 ms after the last key
        assert [f.category.value for f in guarded.findings] == ["PERSON", "PHONE"]
        text = listing(app)
        assert "naam" in text and "telefoonnummer" in text
        # Masked excerpts only: the finding itself is never repeated in full.
        assert "Elena" not in text and "12345678" not in text
        assert app.query_one(GuardFindings).display
        # In the text itself: the finding's characters carry the finding style.
        line = guarded.get_line(0)
        style = guarded.get_component_rich_style("guarded-text-area--finding")
        styled = {(span.start, span.end) for span in line.spans if span.style == style}
        assert (0, len("Elena P.")) in styled
        assert (NOTE.index("06"), len(NOTE)) in styled


async def test_scan_waits_for_a_pause_in_typing() -> None:
    app = GuardApp()
    async with app.run_test() as pilot:
        # A longer pause than the real 0.2 s, so a busy machine cannot make
        # the "not yet" below race the timer.
        area(app).scan_delay = 2.0
        await type_note(pilot, NOTE)
        assert area(app).findings == ()  # not yet: the debounce is still running
        await wait_for(pilot, lambda: len(area(app).findings) == 2)


async def test_redact_all_with_one_key() -> None:
    app = GuardApp(text=NOTE)
    async with app.run_test() as pilot:
        area(app).focus()
        await pilot.press("f9")
        await pilot.pause()
        assert area(app).text == "[NAAM] belt [TELEFOON]"
        assert area(app).findings == ()
        assert not app.query_one(GuardFindings).display
        await pilot.press("ctrl+z")  # one edit, one undo
        assert area(app).text == NOTE


async def test_redact_the_finding_under_the_cursor() -> None:
    app = GuardApp(text=NOTE)
    async with app.run_test() as pilot:
        guarded = area(app)
        guarded.focus()
        guarded.cursor_location = (0, NOTE.index("belt"))
        await pilot.press("f8")  # not on a finding: the cursor jumps to the next one
        assert guarded.text == NOTE
        assert guarded.cursor_location == (0, NOTE.index("06"))
        await pilot.press("ctrl+r")  # the alternative key, now on the phone number
        assert guarded.text == "Elena P. belt [TELEFOON]"
        assert [f.category.value for f in guarded.findings] == ["PERSON"]


async def test_markup_is_shown_literally() -> None:
    app = GuardApp(text="[bold]Let op[/bold] \x1b[31m")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert area(app).text == "[bold]Let op[/bold] \x1b[31m"
        assert "[bold]Let op[/bold]" in area(app).get_line(0).plain


async def test_not_personal_goes_to_the_vault_allow_list(vault_path: Path) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    # "Anna Paulowna" is a place in Noord-Holland that reads like a person's name.
    app = GuardApp(vault=vault, text="Zie de notitie uit Anna Paulowna.")
    async with app.run_test() as pilot:
        guarded = area(app)
        guarded.focus()
        await pilot.pause()
        assert [f.text for f in guarded.findings] == ["Anna Paulowna"]
        guarded.cursor_location = (0, guarded.text.index("Paulowna"))
        await pilot.press("f10")
        await pilot.pause()
        assert guarded.findings == ()
        assert guarded.text == "Zie de notitie uit Anna Paulowna."
    vault.close()  # add_allow_term committed and saved (the vault's default after_commit)
    reopened = Vault.open(vault_path, PASSPHRASE)
    try:
        assert "Anna Paulowna" in allowlist.allow_terms(reopened)
    finally:
        reopened.close()
