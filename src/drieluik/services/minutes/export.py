"""Export the minutes of a meeting: build → guard → (redact) → render → write.

Nothing is written unless the whole document passed the personal-data guard
(with the user's allow-list). The document is rendered to bytes in memory
first, then written atomically (temp file, fsync, rename): a failure at any
step leaves no file and no temp file behind, and an existing file is only
replaced with `force`. Each export is recorded in the audit trail (action
"export", no content).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from drieluik.errors import ExportBlocked, InvalidInput
from drieluik.services.export_file import refuse_existing, write_export
from drieluik.services.minutes.build import build_minutes
from drieluik.services.minutes.guard import MinutesFinding, redact_minutes, scan_minutes
from drieluik.services.minutes.model import Minutes
from drieluik.store.vault import Vault


class MinutesFormat(StrEnum):
    MD = "md"
    DOCX = "docx"
    PDF = "pdf"

    @classmethod
    def parse(cls, text: str) -> MinutesFormat:
        value = text.strip().lower().lstrip(".")
        aliases = {"markdown": "md", "word": "docx"}
        try:
            return cls(aliases.get(value, value))
        except ValueError:
            raise InvalidInput("minutes.format_unknown", format=text) from None

    @classmethod
    def from_path(cls, path: Path) -> MinutesFormat | None:
        """The format a file name's extension stands for (real extensions only)."""
        extensions = {".md": cls.MD, ".markdown": cls.MD, ".docx": cls.DOCX, ".pdf": cls.PDF}
        return extensions.get(path.suffix.lower())


class MinutesBlocked(ExportBlocked):
    """Personal data found; `findings` says where (masked). Nothing was written."""

    def __init__(self, findings: list[MinutesFinding]) -> None:
        super().__init__("minutes.blocked", count=len(findings))
        self.findings = findings


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: MinutesFormat
    size: int  # bytes written
    items: int
    actions: int  # lines in the action list
    redacted: int  # spans replaced by placeholders (0 without redact)
    partner: str | None


def renderer(fmt: MinutesFormat) -> Callable[[Minutes], bytes]:
    # Imported on use: python-docx and fpdf2 take a while to import.
    if fmt is MinutesFormat.MD:
        from drieluik.services.minutes.render_md import render_markdown

        return render_markdown
    if fmt is MinutesFormat.DOCX:
        from drieluik.services.minutes.render_docx import render_docx

        return render_docx
    from drieluik.services.minutes.render_pdf import render_pdf

    return render_pdf


def export_minutes(
    vault: Vault,
    meeting_ref: int | date | str,
    fmt: MinutesFormat | str,
    out: Path,
    *,
    redact: bool = False,
    per_partner: str | None = None,
    force: bool = False,
    times: bool = False,
) -> ExportResult:
    """Write the minutes to `out`, or raise and write nothing.

    Raises MinutesBlocked (an ExportBlocked, exit 5) when the guard finds
    possible personal data and `redact` is off; InvalidInput (exit 1) when
    `out` exists without `force`, or cannot be written.
    """
    fmt = fmt if isinstance(fmt, MinutesFormat) else MinutesFormat.parse(fmt)
    out = Path(out)
    refuse_existing(out, force)
    from drieluik.services.allowlist import allow_terms
    from drieluik.services.meetings import get_meeting
    from drieluik.services.minutes.record import freeze_if_missing

    freeze_if_missing(vault, get_meeting(vault, meeting_ref).id)
    minutes = build_minutes(vault, meeting_ref, per_partner=per_partner, times=times)
    allow = allow_terms(vault)
    findings = scan_minutes(minutes, allow)
    replaced = 0
    if findings:
        if not redact:
            raise MinutesBlocked(findings)
        minutes, replaced = redact_minutes(minutes, allow)
        # Belt and braces: what goes out must scan clean after redaction.
        remaining = scan_minutes(minutes, allow)
        if remaining:
            raise MinutesBlocked(remaining)
    data = renderer(fmt)(minutes)
    write_export(vault, out, data, force=force, action="export")
    return ExportResult(
        path=out,
        format=fmt,
        size=len(data),
        items=len(minutes.items),
        actions=len(minutes.action_list),
        redacted=replaced,
        partner=minutes.partner,
    )
