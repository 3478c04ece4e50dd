"""The panes of the import screen (`screens/import_file.py`).

Each pane shows what the screen gives it and tells the screen what the chair
chose by posting a message; none calls a service. See docs/architecture.md.
"""

from drieluik.widgets.import_file.panes import (
    ColumnChosen,
    ColumnMapPane,
    PreviewTable,
    ProblemTable,
    ValueChosen,
    ValueMapPane,
)

__all__ = [
    "ColumnChosen",
    "ColumnMapPane",
    "PreviewTable",
    "ProblemTable",
    "ValueChosen",
    "ValueMapPane",
]
