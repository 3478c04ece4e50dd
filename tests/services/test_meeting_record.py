"""Issue 11: a closed meeting's minutes are fixed, and unfinished minutes say CONCEPT.

Observation 3: after chairing a later meeting, re-exporting a closed meeting's
minutes showed actions created since and lost one cancelled since.
Observation 7: minutes exported while the meeting ran had no concept mark, and
items not yet reached said "Niet besproken; schuift door".
"""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from sqlmodel import select

from drieluik.domain.vocabulary import ActionStatus, DecisionKind
from drieluik.services import actions, meetings, retention
from drieluik.services.minutes import build_minutes, export_minutes
from drieluik.store.models import Case, MeetingRecord, clock_at
from drieluik.store.vault import Vault
from tests.services.minutes_helpers import MEETING_DATE, sample_meeting
from tests.services.register_helpers import add_cases, at

NEXT_DATE = date(2024, 4, 11)
FORMATS = ("md", "docx", "pdf")


def _text(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".docx":
        document = Document(io.BytesIO(data))
        header = [p.text for s in document.sections for p in s.header.paragraphs]
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join(header + [p.text for p in document.paragraphs] + cells)
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return data.decode("utf-8")


def _export_all(vault: Vault, folder: Path, ref: object = MEETING_DATE, **kw) -> dict[str, Path]:
    folder.mkdir(exist_ok=True)
    paths = {}
    for fmt in FORMATS:
        paths[fmt] = folder / f"verslag.{fmt}"
        export_minutes(vault, str(ref), fmt, paths[fmt], **kw)
    return paths


def _change_everything_afterwards(vault: Vault, codes: dict[str, str]) -> None:
    """What happens to a closed meeting's cases in the weeks after it."""
    later = date.today() + timedelta(days=60)  # a due date that no rule can refuse
    actions.add_action(vault, codes["vt"], "Nieuwe actie na het overleg", "Veilig Thuis", later)
    open_actions = {a.description: a for a in actions.list_actions(vault)}
    actions.postpone_action(vault, open_actions["Gesprek met leerplichtambtenaar"].id, later)
    actions.cancel_action(vault, open_actions["Huisvesting controleren met de Arbeidsinspectie"].id)
    actions.complete_action(vault, open_actions["Medisch onderzoek aanbieden"].id)
    with clock_at(at(NEXT_DATE)):
        following = meetings.create_meeting(vault, NEXT_DATE, ["GGD Drenthe"])
        following = meetings.add_item(vault, following.id, codes["vt"])
        meetings.start_meeting(vault, following.id)
        for item in following.items:
            meetings.save_notes(vault, item.id, "Later besproken.")
            meetings.add_decision(vault, item.id, DecisionKind.GEEN_VERDERE_ACTIE, "Klaar.")
            meetings.mark_discussed(vault, item.id)
        meetings.finish_meeting(vault, following.id)


def test_closed_minutes_are_the_same_after_later_changes(new_vault: Vault, tmp_path: Path) -> None:
    sample = sample_meeting(new_vault)
    before = _export_all(new_vault, tmp_path / "before")
    _change_everything_afterwards(new_vault, sample.codes)
    after = _export_all(new_vault, tmp_path / "after")

    assert after["md"].read_bytes() == before["md"].read_bytes()
    for fmt in ("docx", "pdf"):
        assert _text(after[fmt]) == _text(before[fmt]), fmt
    text = before["md"].read_text(encoding="utf-8")
    # The actions as they stood at closing: open, with their due dates then.
    assert "Huisvesting controleren met de Arbeidsinspectie" in text
    assert "11-04-2024" in text and "Nieuwe actie na het overleg" not in text
    # ... while the next meeting's minutes show what changed since.
    following = build_minutes(new_vault, NEXT_DATE)
    described = {a.description: a.status for a in following.action_list}
    assert described.get("Nieuwe actie na het overleg") is ActionStatus.OPEN
    assert "Huisvesting controleren met de Arbeidsinspectie" not in described


def test_a_per_partner_extract_comes_from_the_frozen_record(
    new_vault: Vault, tmp_path: Path
) -> None:
    sample = sample_meeting(new_vault)
    out = tmp_path / "ggd.md"
    export_minutes(new_vault, MEETING_DATE, "md", out, per_partner="GGD Drenthe")
    first = out.read_bytes()
    _change_everything_afterwards(new_vault, sample.codes)
    actions.add_action(new_vault, sample.codes["ggd"], "Nog iets", "GGD Drenthe", None)
    export_minutes(new_vault, MEETING_DATE, "md", out, per_partner="GGD Drenthe", force=True)
    assert out.read_bytes() == first
    assert "Medisch onderzoek aanbieden" in first.decode()  # GGD's own action, still open


def test_closing_writes_one_record_in_the_same_transaction(new_vault: Vault) -> None:
    sample = sample_meeting(new_vault)
    with new_vault.session() as session:
        rows = session.exec(
            select(MeetingRecord).where(MeetingRecord.meeting_id == sample.meeting_id)
        ).all()
    assert [r.version for r in rows] == [1]
    data = json.loads(rows[0].minutes)
    assert data["meeting_date"] == "2024-03-14" and len(data["items"]) == 3
    # Closing again (a retried command) writes nothing new.
    meetings.finish_meeting(new_vault, MEETING_DATE)
    with new_vault.session() as session:
        assert len(session.exec(select(MeetingRecord)).all()) == 2  # 2024-02-08 and this one


def test_reopened_and_closed_again_exports_the_newest_version(
    new_vault: Vault, tmp_path: Path
) -> None:
    sample = sample_meeting(new_vault)
    meetings.reopen_meeting(new_vault, MEETING_DATE, "Besluit over punt 3 vergeten")
    concept = build_minutes(new_vault, MEETING_DATE)
    assert concept.concept
    meetings.save_notes(new_vault, sample.item_ids["politie"], "Alsnog besproken.")
    meetings.mark_discussed(new_vault, sample.item_ids["politie"])
    meetings.finish_meeting(new_vault, MEETING_DATE)
    out = tmp_path / "v2.md"
    export_minutes(new_vault, MEETING_DATE, "md", out)
    text = out.read_text(encoding="utf-8")
    assert "Alsnog besproken." in text and "CONCEPT" not in text
    with new_vault.session() as session:
        versions = session.exec(
            select(MeetingRecord.version).where(MeetingRecord.meeting_id == sample.meeting_id)
        ).all()
    assert sorted(versions) == [1, 2]


def test_a_meeting_closed_before_records_existed_is_frozen_at_its_first_export(
    new_vault: Vault, tmp_path: Path
) -> None:
    sample = sample_meeting(new_vault)
    with new_vault.transaction() as session:  # as a vault closed before schema 6
        for row in session.exec(select(MeetingRecord)).all():
            session.delete(row)
    first = _export_all(new_vault, tmp_path / "first")
    _change_everything_afterwards(new_vault, sample.codes)
    again = _export_all(new_vault, tmp_path / "again")
    assert again["md"].read_bytes() == first["md"].read_bytes()
    assert _text(again["pdf"]) == _text(first["pdf"])


def test_retention_takes_a_destroyed_case_out_of_the_frozen_minutes(new_vault: Vault) -> None:
    sample = sample_meeting(new_vault)
    code = sample.codes["ggd"]
    with new_vault.transaction() as session:
        case = session.exec(select(Case).where(Case.code == code)).one()
        case.status, case.closed_date = "afgesloten", date(2015, 1, 1)
        session.add(case)
    retention.purge(new_vault, date(2026, 1, 1), codes=[code])
    with new_vault.session() as session:
        assert all(code not in row.minutes for row in session.exec(select(MeetingRecord)))
    minutes = build_minutes(new_vault, MEETING_DATE)
    assert [i.case_code for i in minutes.items] == [sample.codes["vt"], sample.codes["politie"]]


# --- concept minutes (observation 7) ------------------------------------------------


def _running_meeting(vault: Vault) -> dict[str, int]:
    """A meeting being chaired: one item discussed, one carried over now, one not reached."""
    codes = add_cases(vault, "2024-03-01", "2024-03-02", "2024-03-03")
    meeting = meetings.create_meeting(vault, MEETING_DATE, ["GGD Drenthe"])
    meetings.start_meeting(vault, meeting.id)
    first, second, _third = (item.id for item in meeting.items)
    # Long enough notes for a second page: the mark must be on every page.
    meetings.save_notes(vault, first, "\n".join(f"Punt {n} besproken." for n in range(90)))
    meetings.mark_discussed(vault, first)
    meetings.carry_over_item(vault, second, "Geen tijd meer")
    return dict(zip(codes, (item.id for item in meeting.items), strict=True))


@pytest.mark.parametrize("fmt", FORMATS)
def test_minutes_of_a_meeting_not_closed_say_concept(
    new_vault: Vault, tmp_path: Path, fmt: str
) -> None:
    _running_meeting(new_vault)
    out = tmp_path / f"concept.{fmt}"
    export_minutes(new_vault, MEETING_DATE, fmt, out)
    text = _text(out)
    assert "CONCEPT – Verslag Drieluik 14 maart 2024" in text
    assert text.count("Nog niet besproken.") == 1  # the third: not reached yet
    assert text.count("Niet besproken; schuift door") == 1  # the second: carried over
    if fmt == "pdf":
        pages = PdfReader(io.BytesIO(out.read_bytes())).pages
        assert len(pages) >= 2
        assert all("CONCEPT – het overleg is niet afgerond" in p.extract_text() for p in pages)
    if fmt == "docx":
        document = Document(io.BytesIO(out.read_bytes()))
        assert "CONCEPT" in document.sections[0].header.paragraphs[0].text
        assert document.core_properties.title.startswith("CONCEPT")
    if fmt == "md":
        lines = text.splitlines()
        assert lines[0].startswith("# CONCEPT") and lines[2].startswith("**CONCEPT")


@pytest.mark.parametrize("fmt", FORMATS)
def test_closed_minutes_are_not_concept(new_vault: Vault, tmp_path: Path, fmt: str) -> None:
    sample_meeting(new_vault)
    out = tmp_path / f"final.{fmt}"
    export_minutes(new_vault, MEETING_DATE, fmt, out)
    text = _text(out)
    assert "CONCEPT" not in text and "Nog niet besproken" not in text
    assert "Niet besproken; schuift door" in text


def test_times_are_shown_only_when_asked(new_vault: Vault, tmp_path: Path) -> None:
    sample_meeting(new_vault)
    plain, timed = tmp_path / "a.md", tmp_path / "b.md"
    export_minutes(new_vault, MEETING_DATE, "md", plain)
    export_minutes(new_vault, MEETING_DATE, "md", timed, times=True)
    assert "gepland" not in plain.read_text(encoding="utf-8")
    text = timed.read_text(encoding="utf-8")
    assert "- **Tijd:** 0:00 besteed, 10:00 gepland" in text  # a new signal: 10 minutes
    assert "Totale tijd: 0:00 besteed, 25:00 gepland." in text  # 10 + 10 + 5
