"""The user's allow-list in the vault."""

from __future__ import annotations

from pathlib import Path

import pytest

from drieluik.errors import InvalidInput
from drieluik.services.allowlist import add_allow_term, allow_terms, remove_allow_term
from drieluik.services.audit import list_entries, verify_chain
from drieluik.services.pii import scan
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE


def test_add_list_remove(new_vault: Vault) -> None:
    assert allow_terms(new_vault) == []
    add_allow_term(new_vault, "  Sterrenhof ")
    add_allow_term(new_vault, "Stichting De Haven")
    assert allow_terms(new_vault) == ["Sterrenhof", "Stichting De Haven"]
    remove_allow_term(new_vault, "sterrenhof")
    assert allow_terms(new_vault) == ["Stichting De Haven"]


def test_adding_twice_in_any_spelling_changes_nothing(new_vault: Vault) -> None:
    add_allow_term(new_vault, "Sterrenhof")
    add_allow_term(new_vault, "sterrenhof")
    add_allow_term(new_vault, "STERRENHOF")
    assert allow_terms(new_vault) == ["Sterrenhof"]


def test_removing_an_absent_term_is_harmless(new_vault: Vault) -> None:
    remove_allow_term(new_vault, "nooit toegevoegd")
    assert allow_terms(new_vault) == []


@pytest.mark.parametrize("term", ["", "   ", "---", "x" * 201, "a\x00b", "a\ud800b"])
def test_bad_terms_are_refused(new_vault: Vault, term: str) -> None:
    with pytest.raises(InvalidInput):
        add_allow_term(new_vault, term)
    assert allow_terms(new_vault) == []


def test_terms_survive_reopening_and_silence_the_guard(vault_path: Path) -> None:
    text = "Elena gaat naar Sterrenhof."
    with Vault.create(vault_path, PASSPHRASE) as vault:
        add_allow_term(vault, "Elena")
    with Vault.open(vault_path, PASSPHRASE) as vault:
        terms = allow_terms(vault)
    assert terms == ["Elena"]
    assert [f.text for f in scan(text)] == ["Elena"]
    assert scan(text, allow=terms) == []


def test_changes_to_the_list_are_audited_without_the_term(new_vault: Vault) -> None:
    add_allow_term(new_vault, "Sterrenhof")
    add_allow_term(new_vault, "sterrenhof")  # no change, no entry
    remove_allow_term(new_vault, "Sterrenhof")
    remove_allow_term(new_vault, "Sterrenhof")  # not there: no entry
    entries = [e for e in list_entries(new_vault) if e.action.startswith("allowlist.")]
    assert [e.action for e in entries] == ["allowlist.add", "allowlist.remove"]
    assert all(e.case_code is None for e in entries)
    assert verify_chain(new_vault).ok


def test_a_name_found_inside_an_allowed_phrase_is_not_flagged(new_vault: Vault) -> None:
    # A title makes "Aletta Jacobs" a name; the user allowed the meeting room's
    # full name, which contains that finding.
    text = "Overleg in zaal Dr. Aletta Jacobs en met mevrouw Jansen."
    assert "Aletta Jacobs" in [f.text for f in scan(text)]
    add_allow_term(new_vault, "zaal Dr. Aletta Jacobs")
    assert [f.text for f in scan(text, allow_terms(new_vault))] == ["Jansen"]
