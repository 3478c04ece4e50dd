"""Fault injection: every OS call of a save fails in turn.

A save is recorded once (open, write × n, fsync, close, read back, replace,
folder fsync); then the same save is repeated with call k failing, for every
k. Before and at the rename the old vault must be byte-identical with no temp
file; after the rename (the folder fsync) the save has happened and must say so.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from drieluik.errors import DrieluikError
from drieluik.store import safe_file
from drieluik.store.models import Setting
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import temp_files

RECORDED = ("open", "write", "fsync", "close", "replace", "fstat", "lseek", "read")


class CountingOs:
    """`os` as safe_file sees it: records calls; the call numbered `fail_at` raises EIO."""

    def __init__(self, fail_at: int | None = None) -> None:
        self.calls: list[str] = []
        self.fail_at = fail_at

    def __getattr__(self, name: str):
        real = getattr(os, name)
        if name not in RECORDED:
            return real

        def call(*args, **kwargs):
            self.calls.append(name)
            if len(self.calls) - 1 == self.fail_at:
                raise OSError(errno.EIO, f"injected failure of os.{name}")
            return real(*args, **kwargs)

        return call


class CountingOpen:
    """The builtin open() used for the read-back, as one more step."""

    def __init__(self, counter: CountingOs) -> None:
        self.counter = counter

    def __call__(self, *args, **kwargs):
        self.counter.calls.append("open(read back)")
        if len(self.counter.calls) - 1 == self.counter.fail_at:
            raise OSError(errno.EIO, "injected failure of the read-back open")
        return open(*args, **kwargs)


def _patch(monkeypatch: pytest.MonkeyPatch, counter: CountingOs) -> None:
    monkeypatch.setattr(safe_file, "os", counter)
    monkeypatch.setattr(safe_file, "open", CountingOpen(counter), raising=False)


def test_each_save_step_failing_in_turn(
    new_vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with new_vault.transaction() as session:
        session.add(Setting(key="confirmed", value="c" * 3_000_000))  # several write chunks

    recorder = CountingOs()
    with monkeypatch.context() as patch:
        _patch(patch, recorder)
        new_vault.save()
    steps = recorder.calls
    assert "replace" in steps and steps.count("write") >= 3
    rename_at = steps.index("replace")

    outcomes = []
    for k, step in enumerate(steps):
        before = vault_path.read_bytes()
        generation = new_vault.header.generation
        with monkeypatch.context() as patch:
            _patch(patch, CountingOs(fail_at=k))
            try:
                with new_vault.transaction() as session:
                    session.merge(Setting(key="step", value=str(k)))
            except DrieluikError as exc:
                assert k <= rename_at, f"step {k} ({step}) failed after the rename"
                assert exc.key == "vault.save_failed"
                assert vault_path.read_bytes() == before, f"step {k} ({step})"
                assert new_vault.header.generation == generation
                outcomes.append((step, "refused"))
            else:
                assert k > rename_at, f"a failure at step {k} ({step}) went unnoticed"
                assert new_vault.header.generation == generation + 1
                outcomes.append((step, "saved"))
        assert temp_files(vault_path) == [], f"step {k} ({step}) left a temp file"
    print(f"{len(steps)} save steps failed in turn: {outcomes}")

    new_vault.save()
    generation = new_vault.header.generation
    new_vault.close()
    with Vault.open(vault_path, PASSPHRASE) as again, again.session() as session:
        assert again.header.generation == generation
        assert session.get(Setting, "step").value == str(len(steps) - 1)
