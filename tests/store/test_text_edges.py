"""Awkward text at the store level.

The service layer validates text on the way in (`domain.text.clean_text`:
100,000 characters, no NUL, no lone surrogate). The store itself must simply
keep whatever Python can encode, exactly, and fail cleanly on what it cannot.
Observed here (SQLite 3.40, Python 3.11):
- a lone surrogate fails on bind with UnicodeEncodeError; the transaction is
  rolled back, nothing is saved, the vault keeps working;
- NUL, right-to-left overrides, terminal escapes and Rich markup are stored
  and returned byte for byte;
- a 10 MB text (with its FTS index entry) saves in well under a second and
  grows the vault by ~27 MB; 100 MB is in tests/faults/test_big_text.py.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import select

from drieluik.store.models import Case, Setting
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import temp_files

AWKWARD = {
    "nul": "voor\x00na",
    "rtl_override": "factuur\u202eexe.pdf",
    "bidi_isolates": "\u2066abc\u2069 \u200f",
    "terminal_escapes": "\x1b[2J\x1b[31mrood\x1b[0m \x1b]0;titel\x07 \x9b31m",
    "rich_markup": "[bold red]niet vet[/] [link=file:///etc/passwd]klik[/link]",
    "control_chars": "".join(chr(c) for c in range(1, 32)) + "\x7f",
    "combining": "cliënt clie\u0308nt",
    "astral": "👩‍👧 𝔡𝔯𝔦𝔢𝔩𝔲𝔦𝔨",
    "noncharacters": "\ufffe\uffff\U0010ffff",
    "zero_width": "a\u200bb\ufeffc",
}


def _case(code: str, summary: str) -> Case:
    return Case(
        code=code,
        signal_date=date(2024, 1, 1),
        reporter="Politie",
        municipality="Assen",
        form="overig",
        summary=summary,
        status="nieuw",
    )


def test_awkward_text_is_stored_exactly(new_vault: Vault, vault_path: Path) -> None:
    with new_vault.transaction() as session:
        for key, value in AWKWARD.items():
            session.add(Setting(key=key, value=value))
            session.add(_case(f"DL-{key}", value))
    new_vault.close()
    with Vault.open(vault_path, PASSPHRASE) as again, again.session() as session:
        for key, value in AWKWARD.items():
            assert session.get(Setting, key).value == value, key
            case = session.exec(select(Case).where(Case.code == f"DL-{key}")).one()
            assert case.summary == value, key


def test_a_lone_surrogate_fails_on_bind_and_corrupts_nothing(
    new_vault: Vault, vault_path: Path
) -> None:
    with new_vault.transaction() as session:
        session.add(Setting(key="before", value="ok"))
    before = vault_path.read_bytes()
    generation = new_vault.header.generation
    for bad in ("half \ud800 pair", "\udc80", "end\udfff"):
        with pytest.raises(UnicodeEncodeError), new_vault.transaction() as session:
            session.add(Setting(key="valid neighbour", value="in the same transaction"))
            session.add(_case("DL-BAD", bad))
        assert not new_vault.db.conn.in_transaction
        assert vault_path.read_bytes() == before
        assert new_vault.header.generation == generation
    assert temp_files(vault_path) == []
    with new_vault.session() as session:
        assert session.get(Setting, "valid neighbour") is None  # all or nothing
        assert session.exec(select(Case)).all() == []
    with new_vault.transaction() as session:  # and the vault keeps working
        session.add(Setting(key="after", value="ok"))
    new_vault.close()
    with Vault.open(vault_path, PASSPHRASE) as again, again.session() as session:
        assert session.get(Setting, "after").value == "ok"
        assert session.get(Setting, "valid neighbour") is None


def test_ten_megabytes_of_text_round_trip_and_are_searchable(
    new_vault: Vault, vault_path: Path
) -> None:
    summary = ("mensenhandel signaal " * 500_000)[:10_000_000] + " zeldzaamwoord"
    with new_vault.transaction() as session:
        session.add(_case("DL-BIG", summary))
    new_vault.close()
    with Vault.open(vault_path, PASSPHRASE) as again, again.session() as session:
        case = session.exec(select(Case).where(Case.code == "DL-BIG")).one()
        assert case.summary == summary
        hits = session.execute(
            text("SELECT code FROM search_index WHERE search_index MATCH 'zeldzaamwoord'")
        ).all()
        assert [h[0] for h in hits] == ["DL-BIG"]
