"""Fault injection: very large text at the store level, and the real size limit.

- 100 MB in one text field (through SQLModel) saves and comes back intact.
- Past MAX_PAYLOAD_BYTES (1 GiB of database) a save is refused with
  `vault.too_large` before anything is written; the file keeps the last
  confirmed state, and deleting the offending rows lets the next save succeed.
(The service layer's own limit, 100,000 characters a field, is far below this.)
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlmodel import delete

from drieluik.errors import InvalidInput
from drieluik.store import vault_format as fmt
from drieluik.store.models import Setting
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import temp_files


@pytest.mark.slow
def test_a_100_megabyte_text_field_round_trips(new_vault: Vault, vault_path: Path) -> None:
    value = "Cliënt " + "z" * 100_000_000 + " einde"
    start = time.perf_counter()
    with new_vault.transaction() as session:
        session.add(Setting(key="huge", value=value))
    saved = time.perf_counter() - start
    new_vault.close()
    start = time.perf_counter()
    with Vault.open(vault_path, PASSPHRASE) as again, again.session() as session:
        assert session.get(Setting, "huge").value == value
    opened = time.perf_counter() - start
    size = vault_path.stat().st_size
    print(f"100 MB text: save {saved:.2f} s, open {opened:.2f} s, vault {size / 2**20:.0f} MiB")


@pytest.mark.slow
def test_past_the_size_limit_nothing_is_written_and_nothing_is_lost(
    new_vault: Vault, vault_path: Path
) -> None:
    with new_vault.transaction() as session:
        session.add(Setting(key="confirmed", value="yes"))
    before = vault_path.read_bytes()
    generation = new_vault.header.generation
    rows = fmt.MAX_PAYLOAD_BYTES // 100_000_000 + 1
    # SQLite makes the text itself (printf repeats 'z'), so Python holds no copy.
    with pytest.raises(InvalidInput) as caught:
        with new_vault.db.lock:
            new_vault.db.conn.executemany(
                "INSERT INTO settings (key, value) VALUES (?, printf('%.*c', 100000000, 'z'))",
                [(f"big{i}",) for i in range(rows)],
            )
            new_vault.db.conn.commit()
        new_vault.save()
    assert caught.value.key == "vault.too_large"
    assert "1024 MiB" in str(caught.value)
    assert vault_path.read_bytes() == before
    assert temp_files(vault_path) == []
    assert new_vault.header.generation == generation

    with new_vault.transaction() as session:
        session.exec(delete(Setting).where(Setting.key.startswith("big")))
        session.add(Setting(key="after", value="saved again"))
    new_vault.close()
    with Vault.open(vault_path, PASSPHRASE) as again, again.session() as session:
        assert session.get(Setting, "confirmed").value == "yes"
        assert session.get(Setting, "after").value == "saved again"
    assert vault_path.stat().st_size < 10 << 20
