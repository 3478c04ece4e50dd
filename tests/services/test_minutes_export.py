"""The export: guard before anything is written, redaction, no overwrite, atomic write, audit."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from sqlmodel import select

from drieluik.errors import ExitCode, ExportBlocked, InvalidInput
from drieluik.services import meetings
from drieluik.services.allowlist import add_allow_term
from drieluik.services.minutes import (
    MinutesBlocked,
    MinutesFormat,
    build_minutes,
    export_minutes,
    scan_minutes,
)
from drieluik.store.models import AuditEntry, Meeting, MeetingRecord
from drieluik.store.safe_file import temp_glob
from drieluik.store.vault import Vault
from tests.services.minutes_helpers import MEETING_DATE, sample_meeting

PHONE = "06-12345678"
EMAIL = "elena.p@example.com"
LEAKY_NOTES = f"Mevrouw Jansen belde vanaf {PHONE}; mail naar {EMAIL} volgt."
SPANS = ("Jansen", "12345678", EMAIL)


def _text_of(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".docx":
        document = Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return data.decode("utf-8")


def _exports(vault: Vault) -> int:
    with vault.session() as session:
        return len(session.exec(select(AuditEntry).where(AuditEntry.action == "export")).all())


def _leftovers(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_clean_minutes_are_written_and_audited(new_vault: Vault, tmp_path: Path, fmt: str) -> None:
    sample_meeting(new_vault)
    out = tmp_path / f"verslag.{fmt}"
    result = export_minutes(new_vault, "2024-03-14", fmt, out)
    assert out.is_file() and out.stat().st_size == result.size
    assert (result.format, result.items, result.actions, result.redacted) == (
        MinutesFormat(fmt),
        3,
        3,
        0,
    )
    text = _text_of(out)
    assert "Verslag Drieluik 14 maart 2024" in text
    assert "Actielijst" in text
    assert _exports(new_vault) == 1
    with new_vault.session() as session:
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "export")).one()
    assert entry.case_code is None  # the trail says that, not what


def test_personal_data_blocks_the_export_and_nothing_is_written(
    new_vault: Vault, tmp_path: Path
) -> None:
    sample = sample_meeting(new_vault, notes_vt=LEAKY_NOTES)
    out = tmp_path / "verslag.docx"
    with pytest.raises(MinutesBlocked) as caught:
        export_minutes(new_vault, MEETING_DATE, "docx", out)
    blocked = caught.value
    assert isinstance(blocked, ExportBlocked)
    assert blocked.exit_code is ExitCode.PII_BLOCKED == 5
    assert not out.exists() and _leftovers(tmp_path) == []
    assert _exports(new_vault) == 0
    categories = {f.category.value for f in blocked.findings}
    assert {"PHONE", "EMAIL"} <= categories
    for finding in blocked.findings:
        assert (finding.item_number, finding.case_code, finding.field) == (
            1,
            sample.codes["vt"],
            "notes",
        )
        line = finding.describe()
        assert line.startswith(f"agendapunt 1 ({sample.codes['vt']}), bespreking: ")
        for span in SPANS:  # masked: never the found text itself
            assert span not in line
            assert span not in finding.excerpt
            assert span not in repr(finding.as_json())
    assert str(len(blocked.findings)) in blocked.message


def test_findings_point_at_their_spans(new_vault: Vault) -> None:
    sample_meeting(new_vault, notes_vt=LEAKY_NOTES)
    minutes = build_minutes(new_vault, MEETING_DATE)
    texts = {ref: text for ref, text in minutes.text_fields()}
    findings = scan_minutes(minutes)
    assert findings
    found = {texts[f.where][f.start : f.end] for f in findings}
    assert PHONE in found and EMAIL in found


def test_every_outgoing_field_is_guarded(new_vault: Vault, tmp_path: Path) -> None:
    sample = sample_meeting(new_vault)
    # set_attending refuses personal data now; a vault written before that check
    # (or an allow-list term removed since) can still hold it: the export guards too.
    with pytest.raises(InvalidInput):
        meetings.set_attending(new_vault, MEETING_DATE, ["GGD Drenthe", f"bel {PHONE}"])
    with new_vault.transaction() as session:
        meeting = session.exec(select(Meeting).where(Meeting.meeting_date == MEETING_DATE)).one()
        meeting.attending = json.dumps(["GGD Drenthe", f"bel {PHONE}"])
        # The meeting is closed: its frozen record is what goes out.
        frozen = session.exec(
            select(MeetingRecord).where(MeetingRecord.meeting_id == meeting.id)
        ).one()
        data = json.loads(frozen.minutes)
        data["attending"] = ["GGD Drenthe", f"bel {PHONE}"]
        frozen.minutes = json.dumps(data)
        session.add(frozen)
    with pytest.raises(MinutesBlocked) as caught:
        export_minutes(new_vault, MEETING_DATE, "md", tmp_path / "never-written.md")
    (finding,) = caught.value.findings
    assert (finding.field, finding.where.index, finding.item_number) == ("attending", 2, None)
    assert finding.location() == "aanwezige organisatie 2"
    # and the extract's recipient, typed on the command line, is guarded as well
    # (a name that still concerns an item: one that concerns none is refused outright)
    minutes = build_minutes(new_vault, MEETING_DATE, per_partner=f"GGD Drenthe {EMAIL}")
    fields = {f.field for f in scan_minutes(minutes)}
    assert "partner" in fields
    assert sample.codes  # the meeting is the sample's


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_redacted_export_contains_none_of_the_spans(
    new_vault: Vault, tmp_path: Path, fmt: str
) -> None:
    sample_meeting(new_vault, notes_vt=LEAKY_NOTES)
    out = tmp_path / f"verslag.{fmt}"
    result = export_minutes(new_vault, MEETING_DATE, fmt, out, redact=True)
    assert result.redacted >= 2
    text = _text_of(out)
    for span in SPANS:
        assert span not in text
    assert "[TELEFOON]" in text
    assert "belde vanaf" in text  # the rest of the note stays
    assert _exports(new_vault) == 1


def test_the_users_allow_list_is_honoured(new_vault: Vault, tmp_path: Path) -> None:
    # "Sterrenhof" reads as a surname after "mevrouw"; the user says it is a place.
    sample_meeting(new_vault, notes_vt="Overleg met mevrouw Sterrenhof gepland.")
    with pytest.raises(MinutesBlocked) as caught:
        export_minutes(new_vault, MEETING_DATE, "md", tmp_path / "a.md")
    assert [f.category.value for f in caught.value.findings] == ["PERSON"]
    add_allow_term(new_vault, "Sterrenhof")
    export_minutes(new_vault, MEETING_DATE, "md", tmp_path / "a.md")
    assert "mevrouw Sterrenhof" in (tmp_path / "a.md").read_text(encoding="utf-8")


def test_existing_file_is_not_overwritten_without_force(new_vault: Vault, tmp_path: Path) -> None:
    sample_meeting(new_vault)
    out = tmp_path / "verslag.md"
    out.write_bytes(b"eerder verslag")
    with pytest.raises(InvalidInput) as caught:
        export_minutes(new_vault, MEETING_DATE, "md", out)
    assert caught.value.exit_code is ExitCode.INVALID
    assert out.read_bytes() == b"eerder verslag"
    assert _exports(new_vault) == 0
    export_minutes(new_vault, MEETING_DATE, "md", out, force=True)
    assert out.read_text(encoding="utf-8").startswith("# Verslag Drieluik")


def test_a_failing_rename_leaves_no_file_and_no_temp(
    new_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample_meeting(new_vault)
    out = tmp_path / "export" / "verslag.pdf"
    out.parent.mkdir()
    import drieluik.store.safe_file as safe_file

    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safe_file.os, "replace", refuse)
    with pytest.raises(InvalidInput) as caught:
        export_minutes(new_vault, MEETING_DATE, "pdf", out)
    assert "No space left on device" in caught.value.message
    assert list(out.parent.iterdir()) == []
    assert not list(out.parent.glob(temp_glob(out)))
    assert _exports(new_vault) == 0


def test_a_failing_rename_keeps_the_old_file_under_force(
    new_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample_meeting(new_vault)
    out = tmp_path / "verslag.md"
    out.write_bytes(b"oud")
    import drieluik.store.safe_file as safe_file

    monkeypatch.setattr(
        safe_file.os, "replace", lambda *_a: (_ for _ in ()).throw(OSError(5, "I/O error"))
    )
    with pytest.raises(InvalidInput):
        export_minutes(new_vault, MEETING_DATE, "md", out, force=True)
    assert out.read_bytes() == b"oud"
    assert _leftovers(tmp_path) == []


def test_unwritable_targets_are_refused_cleanly(new_vault: Vault, tmp_path: Path) -> None:
    sample_meeting(new_vault)
    with pytest.raises(InvalidInput):
        export_minutes(new_vault, MEETING_DATE, "md", tmp_path)  # a folder
    with pytest.raises(InvalidInput):
        export_minutes(new_vault, MEETING_DATE, "md", tmp_path / "missing" / "v.md")
    with pytest.raises(InvalidInput):
        export_minutes(new_vault, MEETING_DATE, "odt", tmp_path / "v.odt")
    assert _exports(new_vault) == 0


def test_per_partner_export(new_vault: Vault, tmp_path: Path) -> None:
    sample = sample_meeting(new_vault)
    out = tmp_path / "fier.md"
    result = export_minutes(new_vault, MEETING_DATE, "md", out, per_partner="Fier")
    assert (result.items, result.actions, result.partner) == (1, 0, "Fier")
    text = out.read_text(encoding="utf-8")
    assert sample.codes["vt"] in text
    assert sample.codes["ggd"] not in text and sample.codes["politie"] not in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("md", "md"), ("Markdown", "md"), (".docx", "docx"), ("Word", "docx"), ("PDF", "pdf")],
)
def test_format_names(text: str, expected: str) -> None:
    assert MinutesFormat.parse(text) is MinutesFormat(expected)
    assert MinutesFormat.from_path(Path(f"x.{expected}")) is MinutesFormat(expected)
    assert MinutesFormat.from_path(Path("x.txt")) is None
