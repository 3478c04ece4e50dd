"""The live personal-data guard: a text area that flags names, BSNs, phone numbers…

`GuardedTextArea` scans its text with the detector (`drieluik.services.pii`)
shortly after each edit and highlights every finding in the text itself (by
styling the lines TextArea renders: `get_line` is TextArea's hook for extra
styling). Keys redact the finding under the cursor or all findings (the
placeholders `[NAAM]`, `[BSN]`, … that the minutes use), or mark a finding as
not personal, which adds it to the vault's allow-list.

`GuardFindings` lists the findings with their category and a masked excerpt
(never the text found); `GuardedField` is the two together, as forms use them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Document

from drieluik.errors import DrieluikError
from drieluik.i18n import t
from drieluik.services import allowlist
from drieluik.services.pii import Finding, mask, redact, scan
from drieluik.textual_compat import localise_bindings
from drieluik.widgets.literal import visible

SCAN_DELAY_SECONDS = 0.2
MAX_LISTED = 4  # findings listed under a field; the rest are counted


class GuardedTextArea(TextArea):
    """A TextArea whose personal-data findings are highlighted while typing."""

    COMPONENT_CLASSES = TextArea.COMPONENT_CLASSES | {"guarded-text-area--finding"}

    DEFAULT_CSS = """
    GuardedTextArea > .guarded-text-area--finding {
        background: $error 60%;
        color: $foreground;
        text-style: bold underline;
    }
    """

    BINDINGS = [
        # Not in the footer (the screen's keys matter more there): the findings
        # listing under the field names these keys whenever there is a finding.
        Binding(
            "f8,ctrl+r",
            "redact_here",
            "guard.bind.redact_here",
            show=False,
            id="guard.redact_here",
        ),
        Binding("f9", "redact_all", "guard.bind.redact_all", show=False, id="guard.redact_all"),
        Binding("f10,ctrl+o", "allow_here", "guard.bind.allow", show=False, id="guard.allow"),
    ]

    class FindingsChanged(Message):
        """The findings of a guarded text area changed (after a scan)."""

        def __init__(self, area: GuardedTextArea, findings: tuple[Finding, ...]) -> None:
            super().__init__()
            self.area = area
            self.findings = findings

        @property
        def control(self) -> GuardedTextArea:
            return self.area

    def __init__(
        self,
        text: str = "",
        *,
        scan_delay: float = SCAN_DELAY_SECONDS,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
        read_only: bool = False,
        placeholder: str = "",
    ) -> None:
        super().__init__(
            text,
            soft_wrap=True,
            tab_behavior="focus",
            # The cursor line's background would be drawn over the findings'.
            highlight_cursor_line=False,
            name=name,
            id=id,
            classes=classes,
            disabled=disabled,
            read_only=read_only,
            placeholder=placeholder,
        )
        localise_bindings(self)
        self.scan_delay = scan_delay
        self.findings: tuple[Finding, ...] = ()
        self._spans_by_line: dict[int, list[tuple[int, int]]] = {}
        self._scan_timer: Timer | None = None

    # --- scanning ----------------------------------------------------------------

    def on_mount(self) -> None:
        self.rescan()

    @on(TextArea.Changed)
    def _schedule_scan(self, event: TextArea.Changed) -> None:
        if event.text_area is not self:
            return
        if self._scan_timer is not None:
            self._scan_timer.stop()
        self._scan_timer = self.set_timer(self.scan_delay, self.rescan)

    def allow_terms(self) -> tuple[str, ...]:
        vault = getattr(self.app, "vault", None)
        if vault is None:
            return ()
        return tuple(allowlist.allow_terms(vault))

    def scan_text(self, text: str) -> list[Finding]:
        if not text:
            return []
        return list(scan(text, allow=self.allow_terms()))

    def rescan(self) -> tuple[Finding, ...]:
        """Scan now; highlight and announce the findings if they changed."""
        if self._scan_timer is not None:
            self._scan_timer.stop()
            self._scan_timer = None
        findings = tuple(self.scan_text(self.text))
        spans = self._line_spans(findings)
        if findings != self.findings or spans != self._spans_by_line:
            self.findings = findings
            self._spans_by_line = spans
            # The rendered lines are cached by position, not content: drop them.
            self._line_cache.clear()
            self.refresh()
            self.set_class(bool(findings), "-has-findings")
            self.post_message(self.FindingsChanged(self, findings))
        return findings

    def _line_spans(self, findings: Iterable[Finding]) -> dict[int, list[tuple[int, int]]]:
        spans: dict[int, list[tuple[int, int]]] = {}
        document = self.plain_document
        for finding in findings:
            try:
                start_row, start_col = document.get_location_from_index(finding.start)
                end_row, end_col = document.get_location_from_index(finding.end)
            except ValueError:
                continue
            for row in range(start_row, end_row + 1):
                first = start_col if row == start_row else 0
                last = end_col if row == end_row else len(document.get_line(row))
                spans.setdefault(row, []).append((first, last))
        return spans

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        spans = self._spans_by_line.get(line_index)
        if spans:
            style = self.get_component_rich_style("guarded-text-area--finding")
            for start, end in spans:
                line.stylize(style, start, end)
        return line

    # --- finding under the cursor --------------------------------------------------

    @property
    def plain_document(self) -> Document:
        """The text's document; TextArea types it as the base class, which
        cannot map indexes to locations (ours is always a `Document`)."""
        document = self.document
        assert isinstance(document, Document)
        return document

    @property
    def cursor_index(self) -> int:
        return self.plain_document.get_index_from_location(self.cursor_location)

    def finding_at(self, index: int) -> Finding | None:
        for finding in self.findings:
            if finding.start <= index <= finding.end:
                return finding
        return None

    def _finding_here_or_jump(self) -> Finding | None:
        """The finding under the cursor; otherwise move to the next one and say so."""
        findings = self.rescan()
        if not findings:
            self.notify(t("guard.none"), markup=False)
            return None
        index = self.cursor_index
        finding = self.finding_at(index)
        if finding is not None:
            return finding
        following = [f for f in findings if f.start > index] or list(findings)
        self.cursor_location = self._location(following[0].start)
        self.notify(t("guard.moved"), markup=False)
        return None

    def _location(self, index: int) -> tuple[int, int]:
        return self.plain_document.get_location_from_index(index)

    # --- redacting and allowing ----------------------------------------------------

    def redact_findings(self, findings: Sequence[Finding]) -> int:
        """Replace `findings` by their placeholders as one edit (one undo step)."""
        if not findings:
            return 0
        text = self.text
        new_text = redact(text, list(findings))
        if new_text == text:
            return 0
        # Replace only the part that changed, so the cursor elsewhere stays put.
        prefix = 0
        limit = min(len(text), len(new_text))
        while prefix < limit and text[prefix] == new_text[prefix]:
            prefix += 1
        suffix = 0
        while (
            suffix < limit - prefix
            and text[len(text) - 1 - suffix] == new_text[len(new_text) - 1 - suffix]
        ):
            suffix += 1
        self.replace(
            new_text[prefix : len(new_text) - suffix],
            self._location(prefix),
            self._location(len(text) - suffix),
        )
        self.rescan()
        return len(findings)

    def action_redact_here(self) -> None:
        if self.read_only:
            return
        finding = self._finding_here_or_jump()
        if finding is not None:
            self.redact_findings([finding])

    def action_redact_all(self) -> None:
        if self.read_only:
            return
        findings = self.rescan()
        if not findings:
            self.notify(t("guard.none"), markup=False)
            return
        count = self.redact_findings(list(findings))
        self.notify(t("guard.redacted", count=count), markup=False)

    def action_allow_here(self) -> None:
        finding = self._finding_here_or_jump()
        if finding is None:
            return
        vault = getattr(self.app, "vault", None)
        if vault is None:
            self.notify(t("guard.allow_unavailable"), severity="warning", markup=False)
            return
        term = finding.text
        try:
            allowlist.add_allow_term(vault, term)
        except DrieluikError as error:
            self.notify(error.message, severity="error", markup=False)
            return
        self.rescan()
        self.notify(t("guard.allowed", term=term), markup=False)


class GuardFindings(Static):
    """The findings of a guarded field: category and masked excerpt, one a line."""

    DEFAULT_CSS = """
    GuardFindings {
        display: none;
        height: auto;
        max-height: 7;
        color: $text-error;
        padding: 0 1;
    }
    GuardFindings.-visible { display: block; }
    """

    def show_findings(self, findings: Sequence[Finding]) -> None:
        self.set_class(bool(findings), "-visible")
        self.update(findings_text(findings))


def findings_text(findings: Sequence[Finding]) -> Text:
    """The listing, built as Text so nothing in it is read as markup."""
    text = Text()
    if not findings:
        return text
    text.append(t("guard.heading", count=len(findings)), style="bold")
    for finding in findings[:MAX_LISTED]:
        text.append("\n• ")
        text.append(finding.category.label, style="bold")
        text.append(": ")
        text.append(visible(mask(finding.text), single_line=True))
    if len(findings) > MAX_LISTED:
        text.append("\n" + t("guard.more", count=len(findings) - MAX_LISTED))
    text.append("\n" + t("guard.keys"), style="dim")
    return text


class GuardedField(Vertical):
    """A guarded text area with its findings listed right under it."""

    DEFAULT_CSS = """
    GuardedField { height: auto; }
    """

    def __init__(
        self,
        text: str = "",
        *,
        area_id: str | None = None,
        placeholder: str = "",
        read_only: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._text = text
        self._area_id = area_id
        self._placeholder = placeholder
        self._read_only = read_only

    def compose(self) -> ComposeResult:
        yield GuardedTextArea(
            self._text,
            id=self._area_id,
            placeholder=self._placeholder,
            read_only=self._read_only,
        )
        yield GuardFindings()

    @property
    def area(self) -> GuardedTextArea:
        return self.query_one(GuardedTextArea)

    @on(GuardedTextArea.FindingsChanged)
    def _list_findings(self, event: GuardedTextArea.FindingsChanged) -> None:
        self.query_one(GuardFindings).show_findings(event.findings)
