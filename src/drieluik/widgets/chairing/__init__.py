"""The panes of the chairing screen (`screens/chairing.py`).

Each pane shows what the screen gives it and tells the screen what the chair
chose by posting a message; none calls a service. See docs/architecture.md.
"""

from drieluik.widgets.chairing.panes import (
    ActionChosen,
    ActionList,
    CasePane,
    DecisionChosen,
    DecisionList,
    ItemClock,
    NotesCommitted,
    NotesPane,
)

__all__ = [
    "ActionChosen",
    "ActionList",
    "CasePane",
    "DecisionChosen",
    "DecisionList",
    "ItemClock",
    "NotesCommitted",
    "NotesPane",
]
