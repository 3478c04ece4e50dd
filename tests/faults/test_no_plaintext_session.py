"""No plaintext outside the vault during a whole session through the real CLI.

After a realistic session (tests/faults/trust_session.py) the random sentinel
typed into every field is found in no file anywhere we can look — the vault's
folder, the data and config folders, /tmp, /var/tmp and the private TMPDIR of
the run — except the spreadsheet it was typed into and the exports written on
purpose to the chosen folder. While the same session runs in this process, a
watcher on /proc/self/fd sees no file opened outside the expected ones, and
core dumps are off while a vault is open.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from drieluik.cli import run
from drieluik.store.vault import Vault, lock_path
from tests.faults.trust_session import (
    MEETING_TEXT,
    PASSPHRASE,
    Session,
    add_meeting_text,
    files_changed_since,
    files_with,
)
from tests.vault_testing import child_env, needs_linux, run_cli


def _assert_sentinel_inside(session: Session) -> None:
    """The scan can only pass honestly if the text really went into the vault."""
    with Vault.open(session.vault, PASSPHRASE) as vault:
        data = vault.db.serialize()
    assert data.count(session.sentinel.encode()) >= 3  # import, case add, meeting text


@pytest.mark.slow
def test_a_cli_session_leaves_the_text_only_in_the_vault_and_the_chosen_exports(
    tmp_path: Path,
) -> None:
    session = Session(tmp_path / "sessie")
    start = time.time() - 1
    session.prepare()
    ran = []
    for argv in session.steps():
        if argv is MEETING_TEXT:
            add_meeting_text(session)
            continue
        result = run_cli(*argv, env=session.env(), timeout=120)
        assert result.code == 0, (argv, result.stderr)
        ran.append(argv[0])
    assert {"init", "import", "check"} <= set(ran)
    _assert_sentinel_inside(session)

    needle = session.sentinel.encode()
    hits = files_with(needle, files_changed_since(session.scan_roots(), start))
    assert session.spreadsheet.resolve() in hits  # the scan does find a copy
    leaked = [path for path in hits if path not in session.allowed_copies()]
    assert leaked == []
    # Deliberate exports went to the chosen folder and nowhere else.
    for path in hits:
        if path != session.spreadsheet.resolve():
            assert path.parent == session.outputs.resolve()


def _open_regular_files() -> dict[str, int]:
    found = {}
    for fd in os.listdir("/proc/self/fd"):
        link = f"/proc/self/fd/{fd}"
        try:
            target = os.readlink(link)
            is_regular = stat.S_ISREG(os.stat(link).st_mode)  # works for deleted files too
            # The fd number may be closed and reused between readlink and stat (the
            # save's folder fsync opens and closes a folder fd): keep only stable links.
            if is_regular and os.readlink(link) == target and not os.path.isdir(target):
                found[target] = int(fd)
        except OSError:
            continue
    return found


class FdWatcher(threading.Thread):
    """Samples /proc/self/fd while the session runs; keeps what it had not seen before."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.baseline = set(_open_regular_files())
        self.seen: set[str] = set()
        self.samples = 0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            self.seen |= set(_open_regular_files()) - self.baseline
            self.samples += 1
            time.sleep(0.0005)

    def stop(self) -> None:
        self._halt.set()
        self.join()


_PROGRAM_AND_SYSTEM = (
    sys.prefix,
    sys.base_prefix,
    str(Path(__file__).parents[2] / "src"),  # the package and its data files
    "/usr/",
    "/etc/",  # getpass reads /etc/passwd, time zones /etc/localtime
)


def _expected(path: str, session: Session) -> bool:
    if not path.endswith(" (deleted)") and path.startswith(_PROGRAM_AND_SYSTEM):
        return True  # read-only inputs: the program, its word lists, system files
    candidate = Path(path.removesuffix(" (deleted)"))
    vault = session.vault
    return (
        candidate in (vault, lock_path(vault), session.spreadsheet)
        or candidate.parent == session.outputs
        # the save's temp file (ciphertext) and the local state file
        or (candidate.parent == vault.parent and candidate.name.startswith(f".{vault.name}."))
        or candidate.name.startswith(("local-state.json", ".local-state.json."))
    )


@pytest.mark.slow
@needs_linux
def test_an_in_process_session_opens_no_unexpected_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import resource

    session = Session(tmp_path / "sessie")
    session.prepare()
    for name, value in session.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(tempfile, "tempdir", None)  # take the private TMPDIR
    watcher = FdWatcher()
    watcher.start()
    try:
        for argv in session.steps():
            if argv is MEETING_TEXT:
                add_meeting_text(session)
                continue
            assert run(argv) == 0, (argv, capsys.readouterr().err)
            # Core dumps stay off once a vault was opened in this process.
            assert resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)
    finally:
        watcher.stop()
    capsys.readouterr()
    assert watcher.samples > 50
    unexpected = sorted(p for p in watcher.seen if not _expected(p, session))
    assert unexpected == []
    assert list(session.tmpdir.iterdir()) == []
    _assert_sentinel_inside(session)


_CHILD = """
import resource, sys
from drieluik.store.vault import Vault
soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))
before = resource.getrlimit(resource.RLIMIT_CORE)
vault = Vault.open(sys.argv[1], sys.argv[2])
print(before[0], *resource.getrlimit(resource.RLIMIT_CORE))
vault.close()
"""


@needs_linux
def test_core_dumps_are_off_while_a_vault_is_open(new_vault: Vault, vault_path: Path) -> None:
    from tests.conftest import PASSPHRASE as TEST_PASSPHRASE

    new_vault.close()
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(vault_path), TEST_PASSPHRASE],
        env=child_env(),
        capture_output=True,
        encoding="utf-8",
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    before, soft, hard = (int(v) for v in proc.stdout.split())
    assert (soft, hard) == (0, 0)
    if before == 0:
        pytest.skip("core dumps were already off for this process tree (hard limit 0)")


@needs_linux
def test_the_watcher_sees_a_temp_file_opened_meanwhile(tmp_path: Path) -> None:
    session = Session(tmp_path / "sessie")
    watcher = FdWatcher()
    watcher.start()
    try:
        with tempfile.TemporaryFile() as spill:
            spill.write(b"plaintext")
            time.sleep(0.05)
    finally:
        watcher.stop()
    assert [p for p in watcher.seen if not _expected(p, session)]
