"""Fault injection: ≥ 200 savers killed with SIGKILL at random points of their saves.

Every run asserts that nothing confirmed was lost: the vault opens (so the
lock was freed by the kill), passes integrity_check, its content matches its
header, and its generation is at least the last one the saver confirmed.
DRIELUIK_FAULT_KILL_RUNS raises the count for a longer campaign.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import describe_kill_campaign, needs_linux, run_kill_campaign

RUNS = max(200, int(os.environ.get("DRIELUIK_FAULT_KILL_RUNS", "200")))


@needs_linux
@pytest.mark.slow
def test_kill_9_at_random_points_of_saves(new_vault: Vault, vault_path: Path) -> None:
    new_vault.close()
    results = run_kill_campaign(
        vault_path, PASSPHRASE, runs=RUNS, seed=int.from_bytes(os.urandom(4))
    )
    print(describe_kill_campaign(results))
    assert len(results) == RUNS
    assert sum(r.orphans > 0 for r in results) >= RUNS // 10, "kills rarely landed mid-write"
    assert any(r.during_open for r in results)
