"""Damaged, foreign and hostile files: a clear refusal with the right error, never a
traceback, and the file is never touched. (The same variants through the real CLI
are in tests/cli/test_vault_cli.py; every header byte is swept in tests/faults.)
"""

from __future__ import annotations

import os
import random
import sqlite3
import tracemalloc
from pathlib import Path

import pytest

from drieluik.errors import DrieluikError, InvalidInput, VaultDamaged, WrongPassphrase
from drieluik.store import kdf
from drieluik.store import vault_format as fmt
from drieluik.store.kdf import OPEN_MAX_MEMORY_KIB
from drieluik.store.vault import Vault, peek
from tests.conftest import PASSPHRASE
from tests.vault_testing import (
    MAC_SIZE,
    TAG_SIZE,
    field_span,
    flipped,
    temp_files,
    with_field,
)


@pytest.fixture
def sealed(new_vault: Vault, vault_path: Path) -> bytes:
    """The bytes of a closed vault holding one saved row."""
    from drieluik.store.models import Setting

    with new_vault.transaction() as session:
        session.add(Setting(key="k", value="v" * 5000))
    new_vault.close()
    return vault_path.read_bytes()


def open_error(path: Path, passphrase: str = PASSPHRASE) -> DrieluikError | None:
    """None when the vault opens; the DrieluikError otherwise (anything else fails the test)."""
    try:
        Vault.open(path, passphrase).close()
    except DrieluikError as exc:
        return exc
    return None


def _refused(path: Path, data: bytes, kind: type[DrieluikError], exit_code: int) -> DrieluikError:
    path.write_bytes(data)
    error = open_error(path)
    assert isinstance(error, kind), error
    assert error.exit_code == exit_code
    assert path.read_bytes() == data, "a refused vault must not be touched"
    assert temp_files(path) == []
    return error


def test_wrong_passphrase_leaves_the_file_byte_identical(sealed: bytes, vault_path: Path) -> None:
    error = open_error(vault_path, "wrong horse")
    assert isinstance(error, WrongPassphrase) and error.exit_code == 3
    assert vault_path.read_bytes() == sealed


def test_empty_file(vault_path: Path) -> None:
    error = _refused(vault_path, b"", VaultDamaged, 7)
    assert error.key == "vault.not_a_vault"


@pytest.mark.parametrize("size", [1, 9, 10, 68, 4096, 300_000])
def test_random_bytes(vault_path: Path, size: int) -> None:
    _refused(vault_path, random.Random(size).randbytes(size), VaultDamaged, 7)


def test_a_plain_sqlite_file(vault_path: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain.db"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE cases (summary TEXT)")
        conn.execute("INSERT INTO cases VALUES ('niet versleuteld')")
    conn.close()
    error = _refused(vault_path, plain.read_bytes(), VaultDamaged, 7)
    assert error.key == "vault.not_a_vault"


def test_truncation_at_every_boundary(sealed: bytes, vault_path: Path) -> None:
    header_length = 68 + 96
    lengths = sorted(
        {
            1,
            8,
            9,
            10,
            11,
            67,
            68,
            100,
            header_length - 1,
            header_length,
            header_length + MAC_SIZE - 1,
            header_length + MAC_SIZE,
            header_length + MAC_SIZE + 1,
            len(sealed) // 2,
            len(sealed) - TAG_SIZE,
            len(sealed) - 1,
        }
    )
    for length in lengths:
        _refused(vault_path, sealed[:length], VaultDamaged, 7)


def test_appended_bytes(sealed: bytes, vault_path: Path) -> None:
    _refused(vault_path, sealed + b"\0", VaultDamaged, 7)
    _refused(vault_path, sealed + sealed, VaultDamaged, 7)


def test_a_future_format_version_asks_for_an_update(sealed: bytes, vault_path: Path) -> None:
    future = with_field(sealed, "format_version", fmt.FORMAT_VERSION + 1)
    error = _refused(vault_path, future, InvalidInput, 1)
    assert error.key == "vault.future_version"
    assert error.params["version"] == fmt.FORMAT_VERSION + 1
    # peek (the unlock screen) says the same without a passphrase
    with pytest.raises(InvalidInput):
        peek(vault_path)


def test_format_version_zero_is_not_a_vault(sealed: bytes, vault_path: Path) -> None:
    _refused(vault_path, with_field(sealed, "format_version", 0), VaultDamaged, 7)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("header_length", 0),
        ("header_length", 0xFFFF),
        ("slot_count", 0),
        ("slot_count", 5),
        ("slot_count", 255),
        ("reserved", b"\0\0\1"),
        ("payload_length", 0),
        ("payload_length", fmt.MAX_PAYLOAD_BYTES + 1),
        ("payload_length", 2**64 - 1),
        ("saved_at", 2**64 - 1),
        ("kind", 0),
        ("kind", 3),
        ("slot_reserved", 1),
        ("slot_tail", b"\0\0\0\1"),
    ],
)
def test_header_fields_out_of_bounds_are_refused_before_the_kdf(
    sealed: bytes, vault_path: Path, monkeypatch: pytest.MonkeyPatch, field: str, value
) -> None:
    monkeypatch.setattr(fmt, "derive_key", _kdf_must_not_run)
    error = _refused(vault_path, with_field(sealed, field, value), VaultDamaged, 7)
    assert error.key == "vault.damaged"
    with pytest.raises(VaultDamaged):
        peek(vault_path)


def _kdf_must_not_run(*args, **kwargs):
    raise AssertionError("the KDF ran on parameters that should have been refused")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("memory_kib", 0xFFFF_FFFF),  # 4 TiB
        ("memory_kib", OPEN_MAX_MEMORY_KIB + 1),
        ("memory_kib", 1024),  # below the floor: a downgrade
        ("memory_kib", 0),
        ("iterations", 0xFFFF_FFFF),
        ("iterations", 65),
        ("iterations", 1),
        ("lanes", 0),
        ("lanes", 0xFFFF_FFFF),
        ("kdf_id", 0),
        ("kdf_id", 2),
    ],
)
def test_absurd_kdf_parameters_are_refused_before_the_kdf_runs(
    sealed: bytes, vault_path: Path, monkeypatch: pytest.MonkeyPatch, field: str, value: int
) -> None:
    # "Before the KDF runs" is asserted by the KDF itself, at both levels it can
    # be reached, not by a stopwatch (a busy machine made `< 2 s` flaky).
    monkeypatch.setattr(fmt, "derive_key", _kdf_must_not_run)
    monkeypatch.setattr(kdf, "Argon2id", _kdf_must_not_run)
    hostile = with_field(sealed, field, value)
    error = _refused(vault_path, hostile, VaultDamaged, 7)
    assert error.key == "vault.kdf_refused"


def test_memory_times_passes_is_capped(
    sealed: bytes, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """2 GiB and 64 passes are each allowed; together they are hours of work."""
    monkeypatch.setattr(fmt, "derive_key", _kdf_must_not_run)
    hostile = with_field(with_field(sealed, "memory_kib", OPEN_MAX_MEMORY_KIB), "iterations", 64)
    error = _refused(vault_path, hostile, VaultDamaged, 7)
    assert error.key == "vault.kdf_refused"


def test_a_huge_file_is_refused_without_reading_it(sealed: bytes, vault_path: Path) -> None:
    """A vault followed by gigabytes (sparse) is refused from its header alone."""
    with open(vault_path, "wb") as file:
        file.write(sealed)
        file.truncate(3 << 30)
    tracemalloc.start()
    try:
        error = open_error(vault_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(error, VaultDamaged)
    assert peak < 16 << 20


# Single-byte flips: a sample over every region. Every header byte is swept in
# tests/faults/test_header_sweep.py.
def _sample_positions(size: int) -> list[int]:
    header = [
        field_span(name)[0] + delta
        for name in (
            "magic",
            "header_length",
            "vault_id",
            "generation",
            "saved_at",
            "payload_nonce",
            "payload_length",
            "slot_count",
            "salt",
            "wrap_nonce",
            "wrapped_key",
        )
        for delta in (0,)
    ]
    mac = [164, 164 + MAC_SIZE - 1]
    body_start = 164 + MAC_SIZE
    rng = random.Random(7)
    body = [body_start, size - TAG_SIZE - 1, size - TAG_SIZE, size - 1]
    body += rng.sample(range(body_start, size), 8)
    return sorted(set(header + mac + body))


def test_single_byte_flips_are_refused_with_exit_3_or_7(sealed: bytes, vault_path: Path) -> None:
    outcomes: dict[int, int] = {}
    for position in _sample_positions(len(sealed)):
        damaged = flipped(sealed, position)
        vault_path.write_bytes(damaged)
        error = open_error(vault_path)
        assert error is not None, f"a flip at {position} went unnoticed"
        outcomes[position] = int(error.exit_code)
        assert vault_path.read_bytes() == damaged
    assert set(outcomes.values()) <= {3, 7}, outcomes
    # Both outcomes occur: a flip in a key slot looks like a wrong passphrase,
    # anything else that was authenticated is damage.
    assert set(outcomes.values()) == {3, 7}
    vault_path.write_bytes(sealed)
    assert open_error(vault_path) is None


def test_a_foreign_file_is_never_touched_even_by_lock_or_cleanup(tmp_path: Path) -> None:
    precious = tmp_path / "thesis.docx"
    precious.write_bytes(b"PK\3\4 not a vault")
    stat_before = os.stat(precious)
    assert isinstance(open_error(precious), VaultDamaged)
    assert precious.read_bytes() == b"PK\3\4 not a vault"
    assert os.stat(precious).st_mtime_ns == stat_before.st_mtime_ns
