"""Helpers for the vault and fault-injection tests (tests/store, tests/faults, tests/cli).

Real files, real crypto: these only run the program and look at what it left.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from drieluik.store.safe_file import temp_glob

IS_LINUX = sys.platform.startswith("linux")

needs_linux = pytest.mark.skipif(
    not IS_LINUX, reason="needs Linux (/proc, RLIMIT_FSIZE, SIGKILL or fcntl)"
)


@dataclass(frozen=True)
class CliResult:
    code: int
    stdout: str
    stderr: str


def run_cli(
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    input: str | None = None,
    encoding: str = "utf-8",
) -> CliResult:
    """Run `python -m drieluik ARGS` in a subprocess with the test's environment.

    The test's isolated DRIELUIK_* variables are inherited; `env` adds to them.
    The child's stdio is UTF-8 (`child_env`) unless `env` says otherwise, so the
    result does not depend on the platform's default (cp1252 on Windows).
    """
    full_env = child_env()
    full_env.pop("PYTHONUNBUFFERED")
    full_env.pop("DRIELUIK_DEBUG", None)
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "drieluik", *args],
        env=full_env,
        capture_output=True,
        encoding=encoding,
        timeout=timeout,
        input=input,
        stdin=None if input is not None else subprocess.DEVNULL,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def assert_clean_refusal(result: CliResult, *codes: int) -> None:
    """One line on stderr, the expected exit code, and no traceback."""
    assert result.code in codes, (result.code, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def temp_files(vault: Path) -> list[Path]:
    """Save temp files (`.<name>.*.tmp`) next to the vault."""
    return sorted(vault.parent.glob(temp_glob(vault)))


def damage_database_inside(vault) -> None:
    """Save `vault` with a database that is unsound by SQLite's own check.

    What only a holder of the key could make (a bug, a crash inside SQLite):
    the file is authenticated and opens, but an index no longer matches its
    table (`PRAGMA integrity_check` finds it; quick_check does not).
    """
    conn = vault.db.conn
    with vault.db.lock:
        conn.executescript(
            "CREATE TABLE damage_probe (a, b); CREATE INDEX damage_probe_a ON damage_probe (a);"
            "INSERT INTO damage_probe VALUES (1, 2), (3, 4);"
        )
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX damage_probe_a ON damage_probe (b)' "
            "WHERE name = 'damage_probe_a'"
        )
        conn.execute("PRAGMA writable_schema = OFF")
        conn.commit()
    vault.save()


def break_table_page(vault, table: str) -> None:
    """Save `vault` with the root pages of `table` and its indexes unreadable.

    Authenticated and loadable (the schema is sound), so it opens; the first
    query that reads `table` meets SQLITE_CORRUPT.
    """
    conn = vault.db.conn
    with vault.db.lock:
        roots = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE tbl_name = ? AND rootpage > 0", (table,)
        ).fetchall()
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
        data = bytearray(conn.serialize())
        for (root,) in roots:
            data[(root - 1) * page_size] = 0xFF  # not a b-tree page type
        conn.deserialize(bytes(data))
    vault.save()


def flipped(data: bytes, position: int, mask: int = 0xFF) -> bytes:
    out = bytearray(data)
    out[position] ^= mask
    return bytes(out)


def child_env() -> dict[str, str]:
    """Environment for a Python child that must import the package under test."""
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    # Pipes to a child are in the platform's encoding (cp1252 on Windows);
    # the tests read them as UTF-8. PYTHONUTF8 is not set: it would also
    # change open()'s default and hide a missing encoding= in the program.
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@contextmanager
def mounted_tmpfs(where: Path, size: str, *, read_only: bool = False) -> Iterator[Path]:
    """A small tmpfs at `where` (Linux, needs mount rights); skips the test otherwise."""
    if not IS_LINUX or shutil.which("mount") is None:
        pytest.skip("needs Linux and mount(8)")
    where.mkdir(parents=True, exist_ok=True)
    options = f"size={size},mode=0755" + (",ro" if read_only else "")
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


@contextmanager
def unwritable_folder(where: Path) -> Iterator[Path]:
    """A folder this process cannot create files in (root ignores mode bits: use a ro tmpfs)."""
    if sys.platform == "win32":
        pytest.skip("a read-only folder attribute does not stop file creation on Windows")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        with mounted_tmpfs(where, "1m", read_only=True) as folder:
            yield folder
        return
    where.mkdir(parents=True, exist_ok=True)
    where.chmod(0o555)
    try:
        yield where
    finally:
        where.chmod(0o755)


# Byte layout of a vault as docs/vault-format.md states it (offset, size):
# the fixed header is the same in format 1 and 2; a format-2 key slot is the
# format-1 slot's 92 bytes, then its creation time, name and 4 reserved bytes.
# Tests patch fields by name through these.
FIXED_FIELDS = {
    "magic": (0, 8),
    "format_version": (8, 2),
    "header_length": (10, 2),
    "vault_id": (12, 16),
    "generation": (28, 8),
    "saved_at": (36, 8),
    "payload_nonce": (44, 12),
    "payload_length": (56, 8),
    "slot_count": (64, 1),
    "reserved": (65, 3),
}
SLOT_FIELDS_V1 = {
    "kind": (0, 1),
    "kdf_id": (1, 1),
    "slot_reserved": (2, 2),
    "memory_kib": (4, 4),
    "iterations": (8, 4),
    "lanes": (12, 4),
    "salt": (16, 16),
    "wrap_nonce": (32, 12),
    "wrapped_key": (44, 48),
    "slot_tail": (92, 4),
}
SLOT_FIELDS = {
    **{k: v for k, v in SLOT_FIELDS_V1.items() if k != "slot_tail"},
    "created_at": (92, 8),
    "name": (100, 32),
    "slot_tail": (132, 4),
}
FIRST_SLOT = 68
SLOT_SIZE_V1 = 96
SLOT_SIZE = 136
MAC_SIZE = 32
TAG_SIZE = 16


def field_span(name: str, slot: int = 0, version: int = 2) -> tuple[int, int]:
    """(offset, size) of a header field; slot fields in key slot number `slot`."""
    if name in FIXED_FIELDS:
        return FIXED_FIELDS[name]
    fields, size_of_slot = (
        (SLOT_FIELDS_V1, SLOT_SIZE_V1) if version == 1 else (SLOT_FIELDS, SLOT_SIZE)
    )
    offset, size = fields[name]
    return FIRST_SLOT + size_of_slot * slot + offset, size


def with_field(
    data: bytes, name: str, value: int | bytes, slot: int = 0, version: int = 2
) -> bytes:
    """`data` with one header field replaced (integers little-endian)."""
    offset, size = field_span(name, slot, version)
    raw = value if isinstance(value, bytes) else value.to_bytes(size, "little")
    assert len(raw) == size
    return data[:offset] + raw + data[offset + size :]


# --- kill -9 during saves ----------------------------------------------------------

# A zygote process imports drieluik once and forks one saver per run, so a run
# costs one KDF (the saver's open) instead of a whole interpreter start. Each
# saver opens the vault and saves in a loop, writing `saved PID GEN SECONDS`
# after every save that returned; the test SIGKILLs it at a random moment.
_ZYGOTE = r"""
import functools, os, random, sys, time
from pathlib import Path
from drieluik.store import vault_format
from drieluik.store.models import Setting
from drieluik.store.vault import Vault

path, passphrase = Path(sys.argv[1]), sys.argv[2]
# The real Argon2id, computed once here and inherited by every forked saver:
# the kills are about saving, and a KDF per run would only add time.
vault_format.derive_key = functools.lru_cache(maxsize=8)(vault_format.derive_key)
Vault.open(path, passphrase).close()


def saver():
    vault = Vault.open(path, passphrase)
    os.write(1, f"opened {os.getpid()}\n".encode())
    rng = random.Random(os.getpid())
    while True:
        start = time.perf_counter()
        with vault.transaction() as session:
            # The counter always equals the generation it is saved in, so the
            # test can tell that content and header belong together.
            session.merge(Setting(key="counter", value=str(vault.header.generation + 1)))
            session.merge(Setting(key="pad", value="p" * rng.randrange(0, 400_000)))
        took = time.perf_counter() - start
        os.write(1, f"saved {os.getpid()} {vault.header.generation} {took:.6f}\n".encode())


"""

# Both zygotes end with this: fork one saver per "run", report its pid and its exit.
_FORK_LOOP = r"""
os.write(1, b"zygote ready\n")
for line in sys.stdin:
    if line.strip() != "run":
        break
    # The child waits until the parent has announced its pid, so "pid" always
    # comes before the child's own lines (under load the child could win).
    go_read, go_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(go_write)
            os.read(go_read, 1)
            os.close(go_read)
            saver()
        finally:
            os._exit(3)
    os.close(go_read)
    os.write(1, f"pid {pid}\n".encode())
    os.write(go_write, b"g")
    os.close(go_write)
    _, status = os.waitpid(pid, 0)
    os.write(1, f"exit {pid} {status}\n".encode())
"""
_ZYGOTE += _FORK_LOOP


@dataclass(frozen=True)
class KillRun:
    confirmed: int  # highest generation the saver reported as saved (0: none)
    found: int  # generation of the vault when opened afterwards
    orphans: int  # temp files the kill left behind (removed by that open)
    during_open: bool  # killed before the saver's open returned


class SaveKiller:
    """Runs savers against one vault and kills each with SIGKILL at a random moment."""

    script = _ZYGOTE  # a zygote speaking the protocol above

    def __init__(self, path: Path, passphrase: str, *extra: str) -> None:
        import queue
        import threading

        self.path = path
        self.passphrase = passphrase
        self.save_seconds: list[float] = []
        self._lines: queue.Queue[str] = queue.Queue()
        self._zygote = subprocess.Popen(
            [sys.executable, "-c", self.script, str(path), passphrase, *extra],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env(),
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._expect("zygote ready", timeout=60)

    def _read(self) -> None:
        assert self._zygote.stdout is not None
        for raw in self._zygote.stdout:
            self._lines.put(raw.decode().strip())
        self._lines.put("eof")

    def _next(self, timeout: float) -> str:
        import queue

        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("the saver stopped answering") from None
        if line == "eof":
            stderr = self._zygote.stderr.read().decode() if self._zygote.stderr else ""
            raise AssertionError(f"zygote ended: {stderr}")
        return line

    def _expect(self, prefix: str, timeout: float) -> str:
        line = self._next(timeout)
        if not line.startswith(prefix):
            raise AssertionError(f"expected {prefix!r}, got {line!r}")
        return line

    def kill_one(self, rng) -> KillRun:
        import signal
        import time

        assert self._zygote.stdin is not None
        self._zygote.stdin.write(b"run\n")
        self._zygote.stdin.flush()
        pid = int(self._expect("pid ", timeout=30).split()[1])
        confirmed = 0
        during_open = rng.random() < 0.1
        if during_open:
            time.sleep(rng.uniform(0, 0.005))
        else:
            self._expect(f"opened {pid}", timeout=60)
            # Let 0-3 saves complete, then kill somewhere inside the next ones.
            for _ in range(rng.randrange(0, 4)):
                line = self._expect(f"saved {pid}", timeout=60).split()
                confirmed = int(line[2])
                self.save_seconds.append(float(line[3]))
            seconds = sorted(self.save_seconds) or [0.01]
            typical = seconds[len(seconds) // 2]
            time.sleep(rng.uniform(0, 2 * typical))
        os.kill(pid, signal.SIGKILL)
        while True:
            words = self._next(timeout=60).split()
            if words[0] == "saved" and int(words[1]) == pid:
                confirmed = int(words[2])
            elif words[0] == "opened":
                during_open = False
            elif words[0] == "exit" and int(words[1]) == pid:
                break
        orphans = len(temp_files(self.path))
        found = self._check_vault()
        return KillRun(confirmed, found, orphans, during_open)

    def _check_vault(self) -> int:
        from drieluik.store.models import Setting
        from drieluik.store.vault import Vault

        with Vault.open(self.path, self.passphrase) as vault:
            with vault.db.lock:
                assert vault.db.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            with vault.session() as session:
                counter = session.get(Setting, "counter")
            generation = vault.header.generation
        assert temp_files(self.path) == [], "open must remove orphaned temp files"
        if counter is not None:
            assert int(counter.value) == generation, "content and header disagree"
        return generation

    def close(self) -> None:
        if self._zygote.stdin is not None:
            self._zygote.stdin.close()
        try:
            self._zygote.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._zygote.kill()
            self._zygote.wait()
        for stream in (self._zygote.stdout, self._zygote.stderr):
            if stream is not None:
                stream.close()


def run_kill_campaign(
    path: Path, passphrase: str, runs: int, seed: int, killer: SaveKiller | None = None
) -> list[KillRun]:
    """`runs` savers killed at random moments; asserts after each that nothing was lost."""
    import functools
    import random

    from drieluik.store import vault_format

    rng = random.Random(seed)
    killer = killer or SaveKiller(path, passphrase)
    results: list[KillRun] = []
    real_derive_key = vault_format.derive_key
    vault_format.derive_key = functools.lru_cache(maxsize=8)(real_derive_key)
    try:
        last = 1
        for _ in range(runs):
            run = killer.kill_one(rng)
            assert run.found >= run.confirmed, run
            assert run.found >= last, f"generation went back from {last} to {run.found}"
            # at most the one save that replaced the file but was not yet reported
            assert run.found <= max(run.confirmed, last) + 1, run
            last = run.found
            results.append(run)
    finally:
        vault_format.derive_key = real_derive_key
        killer.close()
    return results


def describe_kill_campaign(results: list[KillRun]) -> str:
    survived_after_save = sum(r.found == r.confirmed + 1 and r.confirmed > 0 for r in results)
    return (
        f"{len(results)} kill -9 runs: {sum(r.during_open for r in results)} during open, "
        f"{sum(r.orphans > 0 for r in results)} left an orphaned temp file (removed at next open), "
        f"{survived_after_save} landed after the rename but before the save returned; "
        f"highest generation {max(r.found for r in results)}; vault opened every time"
    )


# --- kill -9 during key add / key remove --------------------------------------------

# The same protocol, but each "save" is a key-slot change: the holder opens
# with whichever of the two passphrases works and walks the cycle
#   {standaard} -> +tweede -> -standaard -> +standaard -> -tweede -> {standaard}
# through services.keys (audited), so at every moment one slot or both exist.
_KEY_ZYGOTE = (
    r"""
import functools, os, sys, time
from pathlib import Path
from drieluik.errors import WrongPassphrase
from drieluik.services import keys
from drieluik.store import vault_format
from drieluik.store.kdf import normalise_passphrase
from drieluik.store.vault import Vault

path, first, second = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
PASSPHRASES = {"standaard": first, "tweede": second}
vault_format.derive_key = functools.lru_cache(maxsize=8)(vault_format.derive_key)


def open_any():
    for passphrase in (first, second):
        try:
            return Vault.open(path, passphrase)
        except WrongPassphrase:
            continue
    raise SystemExit("neither passphrase opens the vault")


with open_any() as warm:  # both derivations computed once, inherited by every fork
    slot = warm.header.passphrase_slots[0]
    for passphrase in (first, second):
        vault_format.derive_key(normalise_passphrase(passphrase), slot.salt, slot.params)


def step(vault):
    names = [s.name for s in vault.header.passphrase_slots]
    if len(names) == 1:
        other = "tweede" if names[0] == "standaard" else "standaard"
        keys.add_key(vault, other, PASSPHRASES[other])
    else:
        keys.remove_key(vault, names[0])  # the older one goes


def saver():
    vault = open_any()
    os.write(1, f"opened {os.getpid()}\n".encode())
    while True:
        start = time.perf_counter()
        step(vault)
        took = time.perf_counter() - start
        os.write(1, f"saved {os.getpid()} {vault.header.generation} {took:.6f}\n".encode())


"""
    + _FORK_LOOP
)

KEY_CYCLE_STATES = (("standaard",), ("standaard", "tweede"), ("tweede",), ("tweede", "standaard"))


class KeySlotKiller(SaveKiller):
    """Kills holders in the middle of `key add` / `key remove` (see _KEY_ZYGOTE).

    After each kill: the vault opens, its slots are one of the cycle's states
    (never none, never a torn mix), every slot in it opens with its own
    passphrase, the audit chain is intact, and no temp file is left.
    """

    script = _KEY_ZYGOTE

    def __init__(self, path: Path, first: str, second: str) -> None:
        self.passphrases = {"standaard": first, "tweede": second}
        self.states: list[tuple[str, ...]] = []
        super().__init__(path, first, second)

    def _check_vault(self) -> int:
        from drieluik.errors import WrongPassphrase
        from drieluik.services import audit
        from drieluik.store.vault import Vault

        opened_with = []
        for name, passphrase in self.passphrases.items():
            try:
                with Vault.open(self.path, passphrase) as vault:
                    names = tuple(s.name for s in vault.header.passphrase_slots)
                    assert vault.slot_name == name
                    assert audit.verify_chain(vault).ok
                    with vault.db.lock:
                        check = vault.db.conn.execute("PRAGMA integrity_check").fetchall()
                    assert check == [("ok",)]
                    generation = vault.header.generation
                opened_with.append(name)
            except WrongPassphrase:
                continue
        assert opened_with, "neither the old nor the new slot opens the vault"
        assert names in KEY_CYCLE_STATES, names
        assert sorted(opened_with) == sorted(names), (opened_with, names)
        assert temp_files(self.path) == [], "open must remove orphaned temp files"
        self.states.append(names)
        return generation
