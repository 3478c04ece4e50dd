"""Files that attack, or are simply huge: each ends in one clear message, the
documented exit code, within 10 s and 300 MB RSS, and nothing changed.

Every case runs the real command in a child process, whose time and peak RSS
are measured with os.wait4 (the child's own, not the test runner's).
"""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import Workbook

from drieluik.services import importer
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import IS_LINUX, needs_linux

TIME_BUDGET = 10.0
RSS_BUDGET = 300 << 20
HEADER = "datum;gemeente;vorm;melder;omschrijving\n"

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs mkfifo")


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    rss: int  # bytes


def run_bounded(*args: str, env: dict[str, str] | None = None, tmp: Path) -> Run:
    """`python -m drieluik ARGS`, killed after twice the time budget (a hang fails).

    Output goes to files and the child is reaped with os.wait4, whose rusage
    is that child's own peak RSS (RUSAGE_CHILDREN would mix every child of
    the test run).
    """
    full = dict(os.environ)
    full.pop("DRIELUIK_DEBUG", None)
    full.update(env or {})
    out_path, err_path = tmp / "child.out", tmp / "child.err"
    start = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "drieluik", *args],
            env=full,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
        )
    code, rss = _reap(proc, start + TIME_BUDGET * 2)
    seconds = time.monotonic() - start
    if code is None:
        pytest.fail(f"drieluik {' '.join(args)} still ran after {TIME_BUDGET * 2:.0f} s")
    return Run(
        code,
        out_path.read_text(encoding="utf-8", errors="replace"),
        err_path.read_text(encoding="utf-8", errors="replace"),
        seconds,
        rss,
    )


def _reap(proc: subprocess.Popen, deadline: float) -> tuple[int | None, int]:
    if not hasattr(os, "wait4"):  # pragma: no cover - Windows: time only
        try:
            return proc.wait(timeout=max(deadline - time.monotonic(), 0)), 0
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return None, 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            # ru_maxrss is KiB on Linux, bytes on macOS.
            scale = 1 if sys.platform == "darwin" else 1024
            return proc.returncode, usage.ru_maxrss * scale
        if time.monotonic() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            proc.returncode = -9
            return None, 0
        time.sleep(0.02)


def assert_refused(run: Run, code: int, *words: str) -> None:
    assert run.code == code, (run.code, run.stderr)
    assert "Traceback" not in run.stderr + run.stdout, run.stderr
    last = run.stderr.strip().splitlines()[-1]
    for word in words:
        assert word in last, last
    assert run.seconds <= TIME_BUDGET, run.seconds
    if run.rss:
        assert run.rss <= RSS_BUDGET, f"{run.rss >> 20} MiB"


# --- not a regular file -----------------------------------------------------------


@pytest.fixture
def vault(vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    Vault.create(vault_path, PASSPHRASE).close()
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)
    return vault_path


def folder_snapshot(folder: Path) -> dict[str, bytes | str]:
    return {
        p.name: (p.read_bytes() if p.is_file() else "special")
        for p in sorted(folder.iterdir())
        if p.name not in ("child.out", "child.err")
    }


@posix_only
@pytest.mark.parametrize("command", [["check"], ["cases"], ["import", "--dry-run"]])
def test_a_fifo_given_as_the_vault_is_refused_before_it_is_opened(
    tmp_path: Path, command: list[str]
) -> None:
    fifo = tmp_path / "kluis.vault"
    os.mkfifo(fifo)
    sheet = tmp_path / "x.csv"
    sheet.write_text(HEADER + "2024-01-02;Emmen;arbeid;KMar;Tekst.\n")
    if command[0] == "import":
        command = [*command, str(sheet)]
    before = folder_snapshot(tmp_path)
    run = run_bounded(
        *command, "--vault", str(fifo), env={"DRIELUIK_PASSPHRASE": "x"}, tmp=tmp_path
    )
    assert_refused(run, 1, "named pipe", "kluis.vault")
    assert folder_snapshot(tmp_path) == before  # no lock file beside it either


@needs_linux
def test_a_device_given_as_the_vault_is_refused(tmp_path: Path) -> None:
    device = tmp_path / "kluis.vault"
    device.symlink_to("/dev/zero")  # read "forever" if opened as a file
    env = {"DRIELUIK_PASSPHRASE": "x"}
    run = run_bounded("check", "--vault", str(device), env=env, tmp=tmp_path)
    assert_refused(run, 1, "apparaat")
    assert not (tmp_path / "kluis.vault.lock").exists()


@posix_only
def test_a_fifo_or_device_given_as_the_import_file_is_refused(vault: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "signalen.csv"
    os.mkfifo(fifo)
    before = vault.read_bytes()
    assert_refused(run_bounded("import", str(fifo), tmp=tmp_path), 1, "signalen.csv")
    assert vault.read_bytes() == before
    with pytest.raises(importer.InvalidInput) as info:
        importer.read_import(fifo)
    assert "geen gewoon bestand" in info.value.message
    if IS_LINUX:  # a link to a device, named like a sheet
        (tmp_path / "nul.csv").symlink_to("/dev/zero")
        assert_refused(run_bounded("import", str(tmp_path / "nul.csv"), tmp=tmp_path), 1)


@posix_only
@pytest.mark.parametrize("option", ["--passphrase-file", "--recovery-key-file"])
def test_secret_files_never_hang_and_devices_are_refused(
    vault: Path, tmp_path: Path, option: str
) -> None:
    fifo = tmp_path / "geheim"
    os.mkfifo(fifo)
    # A FIFO nobody writes to holds no secret: refused at once, not waited on.
    silent = run_bounded("cases", option, str(fifo), tmp=tmp_path)
    assert_refused(silent, 1)
    if IS_LINUX:
        # /dev/zero has no first line: never read "forever".
        device = run_bounded("cases", option, "/dev/zero", tmp=tmp_path)
        assert_refused(device, 1, "apparaat")
    folder = run_bounded("cases", option, str(tmp_path), tmp=tmp_path)
    assert_refused(folder, 1, "map")


@posix_only
def test_a_passphrase_through_a_pipe_still_works(vault: Path, tmp_path: Path) -> None:
    """`--passphrase-file <(pass show drieluik)`: a pipe with a writer is read."""
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    writer = subprocess.Popen(
        ["/bin/sh", "-c", f"sleep 0.3; printf '%s\\n' '{PASSPHRASE}' > '{fifo}'"]
    )
    try:
        run = run_bounded(
            "cases", "--passphrase-file", str(fifo), env={"DRIELUIK_PASSPHRASE": ""}, tmp=tmp_path
        )
    finally:
        writer.wait(timeout=10)
    assert run.code == 0, run.stderr


# --- huge and hostile spreadsheets ------------------------------------------------


def _workbook_bytes() -> bytes:
    book = Workbook()
    book.active.append(["datum", "gemeente", "vorm", "melder", "omschrijving"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def hostile_xlsx(path: Path, sheet_parts, *, declared_size: int | None = None) -> Path:
    """A real workbook whose first sheet's XML is replaced by `sheet_parts` (an
    iterable of bytes, streamed into the zip so that the test never holds it).
    With `declared_size`, the zip directory lies about the sheet's unpacked size."""
    original = zipfile.ZipFile(io.BytesIO(_workbook_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with out.open(info.filename, "w", force_zip64=False) as sheet:
                    for part in sheet_parts:
                        sheet.write(part)
            else:
                out.writestr(info, original.read(info.filename))
    if declared_size is not None:
        data = bytearray(path.read_bytes())
        at = data.rfind(b"PK\x01\x02", 0, data.rfind(b"xl/worksheets/sheet1.xml") + 1)
        struct.pack_into("<I", data, at + 24, declared_size)  # uncompressed size
        path.write_bytes(bytes(data))
    return path


_SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>datum</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>gemeente</t></is></c>'
    b'<c r="C1" t="inlineStr"><is><t>vorm</t></is></c>'
    b'<c r="D1" t="inlineStr"><is><t>melder</t></is></c>'
    b'<c r="E1" t="inlineStr"><is><t>omschrijving</t></is></c></row>'
)
_SHEET_TAIL = b"</sheetData></worksheet>"


def _huge_cell(size: int):
    yield _SHEET_HEAD + b'<row r="2"><c r="E2" t="inlineStr"><is><t>'
    block = b"A" * (1 << 20)
    for _ in range(size >> 20):
        yield block
    yield b"</t></is></c></row>" + _SHEET_TAIL


def _many_rows(count: int):
    yield _SHEET_HEAD
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    for _ in range(count // 10_000):
        yield row * 10_000
    yield _SHEET_TAIL


def dry_run(path: Path, tmp: Path) -> Run:
    # No vault yet: the sheet alone is read (the KDF is not what is measured).
    return run_bounded("import", "--dry-run", str(path), tmp=tmp)


def test_an_xlsx_that_unpacks_to_gigabytes_is_refused_from_its_directory(tmp_path: Path) -> None:
    bomb = hostile_xlsx(tmp_path / "bom.xlsx", _huge_cell(200 << 20))
    assert bomb.stat().st_size < 1 << 20  # 200 MiB of one letter packs to ~200 KiB
    assert_refused(dry_run(bomb, tmp_path), 1, "pakt uit tot meer dan toegestaan")


def test_an_xlsx_whose_directory_lies_gains_nothing(tmp_path: Path) -> None:
    bomb = hostile_xlsx(tmp_path / "leugen.xlsx", _huge_cell(200 << 20), declared_size=4096)
    assert_refused(dry_run(bomb, tmp_path), 1, "geen leesbaar Excel-bestand")


def test_one_huge_cell_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    sheet = hostile_xlsx(tmp_path / "cel.xlsx", _huge_cell(8 << 20))  # under the part limit
    assert_refused(dry_run(sheet, tmp_path), 1, "cel of veld van meer dan 1 MiB")


def test_three_million_rows_in_one_megabyte_are_refused(tmp_path: Path) -> None:
    sheet = hostile_xlsx(tmp_path / "rijen.xlsx", _many_rows(3_000_000))
    assert sheet.stat().st_size < 2 << 20
    assert_refused(dry_run(sheet, tmp_path), 1, "sheet1.xml: 140 MiB", "niets")


def test_a_million_rows_within_the_part_limit_are_counted_before_parsing(tmp_path: Path) -> None:
    sheet = hostile_xlsx(tmp_path / "rijen.xlsx", _many_rows(1_000_000))
    run = dry_run(sheet, tmp_path)
    assert_refused(run, 1, "meer dan 100.000 rijen", "niets")
    assert run.seconds < 5  # counted in the zip stream, not parsed row by row


def test_a_row_numbered_three_million_is_refused(tmp_path: Path) -> None:
    """openpyxl fills the gap up to row 3,000,000 with empty rows: counted too."""
    parts = [_SHEET_HEAD, b'<row r="3000000"><c r="A3000000"><v>1</v></c></row>', _SHEET_TAIL]
    sheet = hostile_xlsx(tmp_path / "gat.xlsx", parts)
    assert_refused(dry_run(sheet, tmp_path), 1, "meer dan 100.000 rijen")


def test_a_million_row_csv_is_refused_before_any_row_is_validated(tmp_path: Path) -> None:
    path = tmp_path / "miljoen.csv"
    with open(path, "w", encoding="utf-8") as file:
        file.write(HEADER)
        file.writelines("2024-01-02;Emmen;arbeid;KMar;x\n" for _ in range(1_000_000))
    assert path.stat().st_size <= importer.MAX_FILE_BYTES  # the row limit, not the size
    assert_refused(dry_run(path, tmp_path), 1, "meer dan 100.000 rijen")


def test_a_csv_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "groot.csv"
    with open(path, "wb") as file:
        file.write(HEADER.encode())
        file.truncate(importer.MAX_FILE_BYTES + 1)  # sparse: costs no disk
    assert_refused(dry_run(path, tmp_path), 1, "mag hoogstens 32 MiB")


def test_thousands_of_bad_rows_stop_at_the_problem_limit(vault: Path, tmp_path: Path) -> None:
    path = tmp_path / "fout.csv"
    path.write_text(HEADER + "31-02-2024;Zwolle;fraude;KMar;x\n" * 20_000, encoding="utf-8")
    before = vault.read_bytes()
    run = run_bounded("import", "--skip-invalid", str(path), tmp=tmp_path)
    assert_refused(run, 1, "Gestopt na 1000 fouten", "niets geïmporteerd")
    assert vault.read_bytes() == before
    assert run.stdout.count("\n") < 3_100  # the listed problems, not 60,000 lines


def test_the_bounds_allow_the_design_load(tmp_path: Path) -> None:
    """100,000 ordinary rows (the design load of a whole vault) stay importable."""
    row = "2024-01-02;Emmen;arbeid;KMar;Signaal over een uitzendbureau, twintig mensen.\n"
    assert len(HEADER) + importer.MAX_ROWS * len(row.encode()) <= importer.MAX_FILE_BYTES
