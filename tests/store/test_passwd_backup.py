"""Changing the passphrase rewraps the key; a backup is a consistent encrypted copy."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from drieluik.errors import DrieluikError, InvalidInput, WrongPassphrase
from drieluik.store import safe_file
from drieluik.store.models import Setting
from drieluik.store.vault import Vault, lock_path
from tests.conftest import PASSPHRASE
from tests.vault_testing import temp_files


@pytest.fixture
def filled(new_vault: Vault) -> Vault:
    with new_vault.transaction() as session:
        session.add(Setting(key="retention_years", value="5"))
        session.add(Setting(key="note", value="Ëén regel tekst"))
    return new_vault


def _settings(vault: Vault) -> dict[str, str]:
    from sqlmodel import select

    with vault.session() as session:
        return {s.key: s.value for s in session.exec(select(Setting))}


# --- passwd -----------------------------------------------------------------------


def test_change_passphrase(filled: Vault, vault_path: Path) -> None:
    expected = _settings(filled)
    old_payload_key = filled._key()
    generation = filled.header.generation
    filled.change_passphrase("battery staple")
    assert filled.header.generation == generation + 1
    filled.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, PASSPHRASE)
    with Vault.open(vault_path, "battery staple") as again:
        assert _settings(again) == expected
        # only the slot was rewrapped: the data key is the same one
        assert again._key() == old_payload_key


def test_change_passphrase_keeps_the_recovery_slot(filled: Vault, vault_path: Path) -> None:
    filled.set_recovery_key("ABCD-EFGH-JKLM")
    filled.change_passphrase("battery staple")
    filled.close()
    Vault.open(vault_path, recovery_key="ABCD-EFGH-JKLM").close()
    Vault.open(vault_path, "battery staple").close()


def test_change_passphrase_refuses_empty(filled: Vault, vault_path: Path) -> None:
    before = vault_path.read_bytes()
    with pytest.raises(InvalidInput):
        filled.change_passphrase("")
    assert vault_path.read_bytes() == before


def test_a_failed_passphrase_change_keeps_the_old_passphrase(
    filled: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = vault_path.read_bytes()
    header = filled.header

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safe_file.os, "replace", no_space)
    with pytest.raises(DrieluikError):
        filled.change_passphrase("battery staple")
    monkeypatch.undo()
    assert filled.header == header  # the in-memory slot was put back
    assert vault_path.read_bytes() == before
    assert temp_files(vault_path) == []
    filled.save()  # and a later save still writes the old slot
    filled.close()
    Vault.open(vault_path, PASSPHRASE).close()


# --- backup -----------------------------------------------------------------------


def test_backup_opens_with_the_same_passphrase_and_content(filled: Vault, tmp_path: Path) -> None:
    dest = tmp_path / "backups" / "kopie.vault"
    dest.parent.mkdir()
    filled.write_copy(dest)
    assert temp_files(dest) == []
    # The copy has its own lock: it opens while the original is still open.
    with Vault.open(dest, PASSPHRASE) as copy:
        assert _settings(copy) == _settings(filled)
        assert copy.header.generation == filled.header.generation
        assert copy.header.vault_id == filled.header.vault_id
        assert copy.header.payload_nonce != filled.header.payload_nonce


def test_backup_is_a_snapshot(filled: Vault, tmp_path: Path) -> None:
    dest = tmp_path / "kopie.vault"
    filled.write_copy(dest)
    with filled.transaction() as session:
        session.add(Setting(key="after", value="the backup"))
    with Vault.open(dest, PASSPHRASE) as copy:
        assert "after" not in _settings(copy)


def test_backup_never_overwrites(filled: Vault, tmp_path: Path) -> None:
    dest = tmp_path / "existing.vault"
    dest.write_bytes(b"an older backup, or anything else")
    with pytest.raises(InvalidInput) as caught:
        filled.write_copy(dest)
    assert caught.value.key == "vault.exists"
    assert dest.read_bytes() == b"an older backup, or anything else"
    assert temp_files(dest) == []


def test_backup_onto_the_vault_itself_is_refused(filled: Vault, vault_path: Path) -> None:
    before = vault_path.read_bytes()
    same_files = [vault_path, vault_path.parent / "." / vault_path.name]
    link = vault_path.with_name("link.vault")
    try:
        link.symlink_to(vault_path)
        same_files.append(link)
    except OSError:  # Windows without the symlink privilege
        pass
    for same in same_files:
        with pytest.raises(InvalidInput):
            filled.write_copy(same)
    assert vault_path.read_bytes() == before


def test_backup_to_a_folder_or_missing_folder_is_refused(filled: Vault, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        filled.write_copy(tmp_path)
    with pytest.raises(InvalidInput):
        filled.write_copy(tmp_path / "missing" / "kopie.vault")
    assert not (tmp_path / "missing").exists()


def test_backup_does_not_change_the_vault(filled: Vault, vault_path: Path, tmp_path: Path) -> None:
    before = vault_path.read_bytes()
    generation = filled.header.generation
    filled.write_copy(tmp_path / "kopie.vault")
    assert vault_path.read_bytes() == before
    assert filled.header.generation == generation
    assert not lock_path(tmp_path / "kopie.vault").exists()  # the copy was never opened
    filled.save()  # the original keeps saving normally afterwards
    assert filled.header.generation == generation + 1
