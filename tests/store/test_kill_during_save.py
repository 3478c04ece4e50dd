"""kill -9 in the middle of repeated saves: the vault always opens, passes its
integrity check, and holds at least the last generation the saver confirmed.
(≥ 200 more runs with the same harness in tests/faults.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import describe_kill_campaign, needs_linux, run_kill_campaign


@pytest.mark.slow
@needs_linux
def test_kill_9_during_saves_50_times(new_vault: Vault, vault_path: Path) -> None:
    new_vault.close()
    results = run_kill_campaign(vault_path, PASSPHRASE, runs=50, seed=2024)
    print(describe_kill_campaign(results))
    assert len(results) == 50
    # The kills really landed inside saves, not only between them.
    assert any(r.orphans for r in results) or any(r.found == r.confirmed + 1 for r in results)
