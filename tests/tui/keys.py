"""Keys as a fast typist (or a terminal's burst of input) sends them.

`Pilot.press` waits until the app is idle after every key, which hides the
races of real typing: in a terminal, keys arrive in one read, and Textual
hands each to the widget focused *when it arrives*. `burst` sends them all
before the app handles any.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual.app import App


def key_event(key: str) -> events.Key:
    """The event a terminal gives for `key` ("a", "A", " ", "tab", "enter", …)."""
    if len(key) == 1:
        names = {" ": "space", "\t": "tab"}
        from textual.keys import _character_to_key

        return events.Key(names.get(key) or _character_to_key(key), key)
    chars = {"tab": "\t", "enter": "\r", "space": " "}
    return events.Key(key, chars.get(key))


async def burst(pilot, keys: Iterable[str]) -> None:
    """Send `keys` at once, then wait until the app has handled them all."""
    app: App = pilot.app
    driver = app._driver
    assert driver is not None
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        driver.send_message(event)
    await pilot.pause()
    await pilot.pause()
