"""Fault injection: kill -9 in the middle of `key add` and `key remove`.

A holder process walks the cycle {standaard} → +tweede → −standaard →
+standaard → −tweede through the audited service, and is SIGKILLed at a
random moment, ≥ 60 times. After every kill the vault opens with the old or
the new slot (each slot it lists opens with its own passphrase, never
neither), is one of the cycle's states, has an intact audit chain, and is at
least at the last generation the holder confirmed (the harness of
test_kill_random.py). DRIELUIK_FAULT_KILL_RUNS raises the count.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import (
    KEY_CYCLE_STATES,
    KeySlotKiller,
    describe_kill_campaign,
    needs_linux,
    run_kill_campaign,
)

SECOND = "tweede sleutelhouder"
RUNS = max(60, int(os.environ.get("DRIELUIK_FAULT_KILL_RUNS", "60")))


@needs_linux
@pytest.mark.slow
def test_kill_9_during_key_add_and_key_remove(new_vault: Vault, vault_path: Path) -> None:
    new_vault.close()
    killer = KeySlotKiller(vault_path, PASSPHRASE, SECOND)
    results = run_kill_campaign(
        vault_path, PASSPHRASE, runs=RUNS, seed=int.from_bytes(os.urandom(4)), killer=killer
    )
    states = Counter(killer.states)
    print(describe_kill_campaign(results), "; states after the kills:", dict(states))
    assert len(results) == RUNS
    assert max(r.found for r in results) > RUNS // 2, "the holder rarely got to change a key"
    # The kills landed inside the header rewrites, and the cycle went all the way round.
    assert any(r.orphans for r in results) or any(r.found == r.confirmed + 1 for r in results)
    assert len(states) == len(KEY_CYCLE_STATES)
