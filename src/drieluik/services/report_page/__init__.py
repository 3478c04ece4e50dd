"""The annual report's figures page ("Cijfers"): one model, three renderers.

`build_page` turns the figures of a year (with the year before and the
years before that) into a `FiguresPage`; `render_md`, `render_pdf` and
`render_docx` write that one model, and the statistics screen shows it, so
the page a chair pastes into the annual report, the Markdown and the screen
give the same numbers in the same order. The renderers are imported only
when a document is made (fpdf2 and python-docx are not loaded otherwise).
"""

from drieluik.services.report_page.model import (
    FiguresPage,
    PageRow,
    PageTable,
    YearPoint,
    build_page,
    load_page,
)

__all__ = [
    "FiguresPage",
    "PageRow",
    "PageTable",
    "YearPoint",
    "build_page",
    "load_page",
]
