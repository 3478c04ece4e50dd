"""Fault injection: fuzzing the vault reader with hypothesis, for a fixed time.

Three layers, each for a time budget rather than an example count (together
≥ 60 s by default; DRIELUIK_FUZZ_SECONDS sets the total):
- `parse_header` on random bytes and on mutated real headers: only FormatError;
- `Vault.open` + `peek` on mutated real vault files: only DrieluikError, and
  the file is never changed. The Argon2id derivation is memoised (the real
  function, cached per salt and parameters), so mutations that leave the key
  slot alone cost milliseconds and reach the MAC, GCM and SQLite layers;
- `Database.from_bytes` on mutated decrypted databases (what an authenticated
  but corrupted payload would give): only DatabaseCorrupt / SchemaTooNew.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drieluik.errors import DrieluikError
from drieluik.store import vault_format as fmt
from drieluik.store.database import Database, DatabaseCorrupt, SchemaTooNew
from drieluik.store.models import Setting
from drieluik.store.vault import Vault, peek
from tests.conftest import PASSPHRASE

TOTAL_SECONDS = float(os.environ.get("DRIELUIK_FUZZ_SECONDS", "66"))
BUDGET = {"header": 0.25, "open": 0.5, "database": 0.25}

FUZZ_SETTINGS = settings(
    max_examples=300,
    deadline=None,
    database=None,  # no .hypothesis folder; every round explores afresh
    suppress_health_check=list(HealthCheck),
    derandomize=False,
)


def _for_a_while(seconds: float, one_round: Callable[[], None]) -> int:
    """Run hypothesis rounds (each a fresh random search) until `seconds` have passed."""
    deadline = time.monotonic() + seconds
    rounds = 0
    while time.monotonic() < deadline:
        one_round()
        rounds += 1
    return rounds


# A mutation: (operation, position, bytes). Positions favour the header.
_positions = st.one_of(st.integers(0, 260), st.integers(0, 1 << 20))
_mutation = st.tuples(
    st.sampled_from(["flip", "overwrite", "insert", "delete", "truncate", "extend"]),
    _positions,
    st.binary(min_size=1, max_size=24),
)


def _mutate(data: bytes, mutations: list[tuple[str, int, bytes]]) -> bytes:
    out = bytearray(data)
    for op, position, chunk in mutations:
        at = position % (len(out) + 1)
        if op == "flip" and out:
            out[at % len(out)] ^= chunk[0] or 1
        elif op == "overwrite":
            out[at : at + len(chunk)] = chunk
        elif op == "insert":
            out[at:at] = chunk
        elif op == "delete":
            del out[at : at + len(chunk)]
        elif op == "truncate":
            del out[at:]
        elif op == "extend":
            out += chunk
    return bytes(out)


@pytest.fixture
def sealed(new_vault: Vault, vault_path: Path) -> bytes:
    with new_vault.transaction() as session:
        session.add(Setting(key="k", value="fuzz " * 2000))
    new_vault.close()
    return vault_path.read_bytes()


@pytest.mark.slow
def test_fuzz_parse_header(sealed: bytes) -> None:
    examples = 0

    @FUZZ_SETTINGS
    @given(
        st.one_of(
            st.binary(max_size=600),
            st.lists(_mutation, min_size=1, max_size=4).map(lambda m: _mutate(sealed[:600], m)),
            st.builds(
                lambda head, rest: fmt.MAGIC + head + rest,
                st.binary(min_size=2, max_size=2),
                st.binary(max_size=500),
            ),
        ),
        st.one_of(st.just(None), st.integers(0, 1 << 40)),
    )
    def one(data: bytes, claimed_size: int | None) -> None:
        nonlocal examples
        examples += 1
        size = len(sealed) if claimed_size is None else claimed_size
        try:
            header = fmt.parse_header(data, size)
        except fmt.FormatError:
            return
        # Whatever parses is within every documented bound.
        assert 1 <= len(header.slots) <= fmt.MAX_SLOTS
        assert header.payload_length <= fmt.MAX_PAYLOAD_BYTES
        assert all(slot.params.problem() is None for slot in header.slots)

    rounds = _for_a_while(TOTAL_SECONDS * BUDGET["header"], one)
    print(f"parse_header fuzz: {examples} examples in {rounds} rounds")
    assert examples >= 300


@pytest.mark.slow
def test_fuzz_vault_open(sealed: bytes, vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The real KDF, remembered per (passphrase, salt, parameters).
    monkeypatch.setattr(fmt, "derive_key", functools.lru_cache(maxsize=256)(fmt.derive_key))
    examples = opened = 0
    errors: dict[str, int] = {}

    @FUZZ_SETTINGS
    @given(st.lists(_mutation, min_size=1, max_size=3))
    def one(mutations: list[tuple[str, int, bytes]]) -> None:
        nonlocal examples, opened
        examples += 1
        data = _mutate(sealed, mutations)
        vault_path.write_bytes(data)
        for attempt in (lambda: peek(vault_path), lambda: Vault.open(vault_path, PASSPHRASE)):
            try:
                result = attempt()
            except DrieluikError as exc:
                errors[exc.key] = errors.get(exc.key, 0) + 1
                continue
            if isinstance(result, Vault):
                result.close()
                opened += 1
                assert data == sealed, "a changed vault opened"
        assert vault_path.read_bytes() == data

    rounds = _for_a_while(TOTAL_SECONDS * BUDGET["open"], one)
    print(f"Vault.open fuzz: {examples} files in {rounds} rounds, {opened} opened, {errors}")
    assert examples >= 200
    assert "vault.damaged" in errors


@pytest.mark.slow
def test_fuzz_decrypted_database(new_vault: Vault) -> None:
    with new_vault.transaction() as session:
        session.add(Setting(key="k", value="db " * 500))
    payload = new_vault.db.serialize()
    new_vault.close()
    examples = refused = 0

    @FUZZ_SETTINGS
    @given(st.lists(_mutation, min_size=1, max_size=3))
    def one(mutations: list[tuple[str, int, bytes]]) -> None:
        nonlocal examples, refused
        examples += 1
        try:
            db, _ = Database.from_bytes(_mutate(payload, mutations))
        except (DatabaseCorrupt, SchemaTooNew):
            refused += 1
            return
        db.close()

    rounds = _for_a_while(TOTAL_SECONDS * BUDGET["database"], one)
    print(f"Database.from_bytes fuzz: {examples} payloads in {rounds} rounds, {refused} refused")
    assert examples >= 200
