"""The chair who types in the wrong place (issue 11, "Done when").

A full meeting of the demo is chaired with real actions — a decision on every
item, an action on every other one, each item marked discussed — while
thousands of random printable keys land wherever the focus happens to be
(seeded). Afterwards the vault, opened again from disk, holds exactly what was
meant: the meeting is not closed, no action done or cancelled, no item removed.
"""

from __future__ import annotations

import random
import string
from pathlib import Path

from drieluik.domain.vocabulary import ActionStatus, DecisionKind
from drieluik.screens.chairing import ChairingScreen
from drieluik.screens.meeting_dialogs import ActionDialog, DecisionDialog
from drieluik.services import actions, meetings
from drieluik.services.demo import fill_demo
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.tui.conftest import TODAY, app_for, wait_for
from tests.tui.keys import burst
from tests.tui.test_chairing import open_chairing

STRAY_KEYS = 2400
PRINTABLE = string.ascii_letters + string.digits + string.punctuation + " "
FOCUS_POINTS = (
    "#chair-notes",
    "#chair-left",
    "#chair-decisions",
    "#chair-actions",
    "#chair-open-actions",
)


async def _stray(pilot, screen: ChairingScreen, rng: random.Random, count: int) -> int:
    """`count` random printable keys in bursts, each at a random focus point."""
    sent = 0
    while sent < count:
        screen.query_one(rng.choice(FOCUS_POINTS)).focus()
        size = min(count - sent, rng.randint(5, 60))
        await burst(pilot, [rng.choice(PRINTABLE) for _ in range(size)])
        assert pilot.app.screen is screen  # no stray key opened anything
        sent += size
    return sent


async def test_a_chair_who_types_in_the_wrong_place(vault_path: Path) -> None:
    vault = Vault.create(vault_path, PASSPHRASE)
    fill_demo(vault, today=TODAY)
    meeting = meetings.next_meeting(vault, TODAY)
    assert meeting is not None and len(meeting.items) >= 5
    statuses_before = {a.id: a.status for a in actions.list_actions(vault, status=None)}
    rng = random.Random(20261209)
    meant_actions: dict[int, tuple[str, str]] = {}  # item id → (what, owner)
    app = app_for(vault_path, vault=vault)
    sent = 0
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_chairing(pilot, meeting.id)
        owner = screen._organisations()[0]
        per_item = STRAY_KEYS // len(meeting.items) + 1
        for number, item in enumerate(meeting.items):
            assert screen.item is not None and screen.item.id == item.id
            sent += await _stray(pilot, screen, rng, per_item // 2)
            await pilot.press("f5")
            await wait_for(pilot, lambda: isinstance(app.screen, DecisionDialog))
            await pilot.press("ctrl+s")  # the default: advies aan melder
            await wait_for(pilot, lambda: app.screen is screen)
            sent += await _stray(pilot, screen, rng, per_item // 4)
            if number % 2 == 0:
                what = f"Terugkoppeling {number}"
                await pilot.press("f6")
                await wait_for(pilot, lambda: isinstance(app.screen, ActionDialog))
                await pilot.press(*what, "tab", *owner, "ctrl+s")
                await wait_for(pilot, lambda: app.screen is screen)
                meant_actions[item.id] = (what, owner)
            sent += await _stray(pilot, screen, rng, per_item - per_item // 2 - per_item // 4)
            await pilot.press("f7")  # discussed, on to the next
            await pilot.pause()
        await pilot.press("ctrl+q")
    assert sent >= 2000

    reopened = Vault.open(vault_path, PASSPHRASE)
    try:
        held = meetings.get_meeting(reopened, meeting.id)
        assert not held.finished
        assert [i.id for i in held.items] == [i.id for i in meeting.items]
        for item in held.items:
            assert item.discussed
            assert [d.kind for d in item.decisions] == [DecisionKind.ADVIES_AAN_MELDER]
            made = [(a.description, a.owner, a.status) for a in item.actions]
            if item.id in meant_actions:
                assert made == [(*meant_actions[item.id], ActionStatus.OPEN)]
            else:
                assert made == []
        statuses_after = {a.id: a.status for a in actions.list_actions(reopened, status=None)}
        for action_id, status in statuses_before.items():
            assert statuses_after[action_id] is status  # nothing done or cancelled
        assert len(statuses_after) == len(statuses_before) + len(meant_actions)
    finally:
        reopened.close()
