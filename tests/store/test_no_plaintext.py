"""Plaintext never touches the disk: not in the vault, not beside it, not in temp dirs,
and SQLite opens no temp file during big sorts (PRAGMA temp_store = MEMORY)."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
import string
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from drieluik.store.models import Case, Setting
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import IS_LINUX, needs_linux

ROWS = 200_000


def _temp_dirs() -> list[Path]:
    dirs = {Path(tempfile.gettempdir()), Path("/tmp"), Path("/var/tmp")}
    return sorted(d for d in dirs if d.is_dir())


def _files_changed_since(folder: Path, since: float) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder, onerror=lambda e: None):
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(root, d))]
        for name in files:
            path = Path(root, name)
            try:
                st = path.lstat()
            except OSError:
                continue
            if st.st_mtime >= since and path.is_file() and st.st_size < 512 << 20:
                yield path


def _files_containing(needles: list[bytes], files: Iterator[Path]) -> list[Path]:
    hits = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if any(needle in data for needle in needles):
            hits.append(path)
    return hits


def _fill(conn: sqlite3.Connection, sentinel: str = "") -> None:
    rng = random.Random(1)
    letters = string.ascii_letters
    rows = (
        (f"row{i:06d}", "".join(rng.choices(letters, k=40)) + (sentinel if i % 997 == 0 else ""))
        for i in range(ROWS)
    )
    conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", rows)
    conn.commit()


def _open_files() -> set[str]:
    """Regular files this process has open (Linux: /proc/self/fd)."""
    found = set()
    for fd in os.listdir("/proc/self/fd"):
        link = f"/proc/self/fd/{fd}"
        try:
            target = os.readlink(link)
            regular = stat.S_ISREG(os.stat(link).st_mode)  # works for deleted files too
        except OSError:
            continue
        if regular:
            found.add(target)
    return found


class OpenFileWatch:
    """Records files opened beyond a baseline, checked from SQLite's progress handler."""

    def __init__(self, allowed: Callable[[str], bool]) -> None:
        self.allowed = allowed
        self.baseline = _open_files()
        self.seen: set[str] = set()
        self.checks = 0

    def check(self) -> int:
        self.checks += 1
        self.seen |= {f for f in _open_files() - self.baseline if not self.allowed(f)}
        return 0  # 0: let the statement continue

    @contextmanager
    def on(self, conn: sqlite3.Connection) -> Iterator[None]:
        conn.set_progress_handler(self.check, 2000)
        try:
            yield
        finally:
            conn.set_progress_handler(None, 0)


def _sort_index_vacuum(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA cache_size = 10")  # tiny cache: a sort must spill somewhere
    conn.execute("SELECT key, value FROM settings ORDER BY value").fetchall()
    conn.execute("SELECT value, count(*) FROM settings GROUP BY substr(value, 3)").fetchall()
    conn.execute("CREATE INDEX probe ON settings (value)")
    conn.execute("DROP INDEX probe")
    conn.commit()
    conn.execute("VACUUM")  # retention purges compact the database like this


@needs_linux
def test_the_detector_sees_sqlite_temp_files_when_temp_store_is_file(tmp_path: Path) -> None:
    """Control: without temp_store = MEMORY this SQLite does open temp files."""
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA temp_store = FILE")
    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)")
    _fill(conn)
    watch = OpenFileWatch(allowed=lambda f: False)
    with watch.on(conn):
        _sort_index_vacuum(conn)
    conn.close()
    assert watch.seen, "the probe cannot fail: no temp file was seen even with temp_store=FILE"


@pytest.mark.slow
@needs_linux
def test_no_file_outside_the_vault_is_open_during_big_sorts(
    new_vault: Vault, vault_path: Path
) -> None:
    vault_files = (str(vault_path), f"{vault_path}.lock")

    def is_vault_file(target: str) -> bool:
        name = os.path.basename(target)
        return target in vault_files or (name.startswith(f".{vault_path.name}.") and ".tmp" in name)

    conn = new_vault.db.conn
    with new_vault.db.lock:
        _fill(conn)
        watch = OpenFileWatch(allowed=is_vault_file)
        with watch.on(conn):
            _sort_index_vacuum(conn)
    assert watch.checks > 100, "the progress handler hardly ran; the probe saw nothing"
    assert watch.seen == set()

    # Saving, opening (schema, migrations) and integrity_check open nothing else either.
    seen: set[str] = set()
    baseline = _open_files()
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            seen.update(f for f in _open_files() - baseline if not is_vault_file(f))
            time.sleep(0.0005)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    try:
        new_vault.save()
        new_vault.close()
        with Vault.open(vault_path, PASSPHRASE) as again, again.db.lock:
            found = again.db.conn.execute("SELECT count(*) FROM settings WHERE key LIKE 'row%'")
            assert found.fetchone() == (ROWS,)  # (besides the region profile, migration 8)
            # The daily check (services/integrity.py) sorts the copy it checks.
            assert again.db.integrity_problems() == []
            assert again.db.integrity_problems(on_a_copy=True) == []
    finally:
        stop.set()
        poller.join()
    assert seen == set()


@pytest.mark.slow
def test_a_sentinel_never_reaches_the_disk_in_plaintext(
    new_vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    started = time.time() - 1
    sentinel = f"SENTINEL-{uuid.uuid4().hex}"
    needles = [sentinel.encode("utf-8"), sentinel.encode("utf-16-le"), sentinel[9:25].encode()]

    with new_vault.transaction() as session:
        session.add(Setting(key="secret", value=f"Cliënte {sentinel} woont in Emmen"))
        session.add(
            Case(
                code="DL-2024-099",
                signal_date=date(2024, 5, 1),
                reporter="Politie",
                municipality="Emmen",
                form="seksuele uitbuiting",
                summary=f"Signaal over {sentinel}",
                status="nieuw",
            )
        )
    with new_vault.db.lock:
        _fill(new_vault.db.conn, sentinel)
        _sort_index_vacuum(new_vault.db.conn)
    new_vault.save()
    new_vault.write_copy(tmp_path / "backup.vault")
    new_vault.change_passphrase("battery staple")
    new_vault.close()
    with Vault.open(vault_path, "battery staple") as again, again.session() as session:
        assert sentinel in session.get(Setting, "secret").value  # it really is in there

    assert sentinel.encode() not in vault_path.read_bytes()
    beside = list(_files_changed_since(vault_path.parent, 0))
    assert vault_path in beside
    assert _files_containing(needles, iter(beside)) == []
    for folder in _temp_dirs():
        assert _files_containing(needles, _files_changed_since(folder, started)) == [], folder


@pytest.mark.skipif(not IS_LINUX, reason="core dump limits are a POSIX notion")
def test_core_dumps_are_off_while_a_vault_is_open(new_vault: Vault) -> None:
    import resource

    assert resource.getrlimit(resource.RLIMIT_CORE)[0] == 0
