"""Make docs/images/chairing.svg, the README's picture of the chairing screen.

    /work/venv/bin/python scripts/chairing_screenshot.py [OUT.svg] [--size 120x36]

Builds the demo vault (`drieluik.services.demo.fill_demo`, fixed seed and day)
in a temporary folder, chairs the first item of the upcoming meeting a few
minutes (notes with a name and a phone number the guard flags, a monitoring
decision, an action), and saves Textual's SVG screenshot. Moments are fixed
with `clock_at`, so the picture only changes when the screen does.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from drieluik.app import make_app
from drieluik.domain.vocabulary import DecisionKind
from drieluik.screens.chairing import ChairingScreen
from drieluik.services import actions, meetings
from drieluik.services.demo import fill_demo
from drieluik.settings import Settings
from drieluik.store.models import clock_at
from drieluik.store.vault import Vault

TODAY = date(2026, 11, 25)
NOTES = (
    "Melder heeft de vrouw twee keer gesproken; zij wil nog geen aangifte doen.\n"
    "Begeleider van het woonproject: mevrouw Jansen, 06-12345678.\n"
    "Schulden bij de 'vriend' die haar onderdak biedt."
)


def moment(day: date, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute, second)).astimezone()


def prepare(path: Path) -> int:
    """The demo vault with the first item of the next meeting half chaired."""
    vault = Vault.create(path, "demo")
    fill_demo(vault, today=TODAY)
    meeting = meetings.next_meeting(vault, TODAY)
    assert meeting is not None and meeting.items, "the demo has no upcoming meeting"
    day = meeting.meeting_date
    with clock_at(moment(day, 9, 30)):
        meetings.start_meeting(vault, meeting.id)
    item = meeting.items[0]
    with clock_at(moment(day, 9, 36)):
        meetings.save_notes(vault, item.id, NOTES)
        meetings.add_decision(
            vault,
            item.id,
            DecisionKind.MONITORING,
            "Veilig Thuis houdt contact; opnieuw bespreken na de aangifte-overweging.",
            review_date=day + timedelta(days=56),
            today=day,
        )
        actions.add_action(
            vault,
            item.case.id,
            "Schuldhulpverlening inschakelen",
            "Gemeente",
            day + timedelta(days=14),
            agenda_item_id=item.id,
        )
    vault.close()
    return meeting.id


async def shoot(path: Path, meeting_id: int, out: Path, size: tuple[int, int]) -> None:
    vault = Vault.open(path, "demo")
    app = make_app(Settings(), path, vault=vault, today=TODAY)
    day = meetings.get_meeting(vault, meeting_id).meeting_date
    now = moment(day, 9, 44, 5)
    with clock_at(now):
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            app.open_chairing(meeting_id)
            while not isinstance(app.screen, ChairingScreen):
                await pilot.pause(0.05)
            await pilot.pause(0.5)  # the guard scans after a short pause
            screen = app.screen
            screen._entered_at = now - timedelta(minutes=6, seconds=12)  # on this item since 9:37
            screen._tick()
            notes = screen.query_one("#chair-notes")
            notes.cursor_blink = False
            await pilot.pause(0.3)
            out.parent.mkdir(parents=True, exist_ok=True)
            app.save_screenshot(filename=out.name, path=str(out.parent))
            await pilot.press("ctrl+q")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/images/chairing.svg", type=Path)
    parser.add_argument("--size", default="120x36")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.vault"
        meeting_id = prepare(path)
        asyncio.run(shoot(path, meeting_id, args.out, (width, height)))
    print(args.out)


if __name__ == "__main__":
    main()
