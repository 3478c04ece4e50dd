"""drieluik benchmarks at 1,000, 10,000 and 100,000 cases (issue 7; docs/performance.md).

    python benchmarks/run.py                  # all sizes, 5 runs each
    python benchmarks/run.py --sizes 1000 --runs 3

Each size runs in its own child process so that peak RSS is per size. Prints a
table and writes JSON to benchmarks/results/<timestamp>.json. Not part of the
test suite: timings belong here, not in unit tests.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import platform
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 25)
SEARCH_QUERIES = [
    "werkgever",
    "salon",
    "arbeidsmigrant",
    "uitbuiting",
    "minderjarig",
    "huisvesting",
    "loverboy",
    "schulden",
    "paspoort",
    "verblijf",
    "wer",
    "sal",
    "uitb",
    "politie melding",
    "veilig thuis",
    "zorg",
    "DL-2025-01",
    "onderdak",
    "cliënt",
    "client",
]
PII_NOTE = (  # a realistic meeting note with findings of several kinds
    "Melder (Veilig Thuis Drenthe) belde over mevrouw Elena P., geb. 14-03-1999, tel. "
    "06-12345678, die bij een nagelsalon aan de Kerkstraat 12a in Assen werkt. GGD Drenthe en "
    "politie (AVIM) nemen contact op. Besluit: monitoring tot 1 september. Actie: gemeente "
    "Emmen onderzoekt de huisvesting. Vervolg in DL-2023-017, volgende overleg 14:00 uur."
)
BUDGETS = {  # at 100,000 cases (issue 7)
    "save_over_floor": 1.5,
    "open_no_kdf_ms": 300,
    "search_p95_ms": 30,
    "report_ms": 200,
    "cases_screen_first_render_ms": 300,
    "dashboard_after_unlock_ms": 1500,
    "import_10k_rows_s": 5,
    "pii_scan_note_ms": 10,  # issue 8
    # issue 14: minutes of a 2,000-item meeting, each format (build, guard, render, write)
    "minutes_2000_md_s": 10,
    "minutes_2000_docx_s": 10,
    "minutes_2000_pdf_s": 10,
    "cli_help_ms": 150,  # issue 13: the whole `drieluik --help` process
}


def median_ms(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1 << 20)


# --- the child: one size ------------------------------------------------------------


def child(size: int, runs: int, with_import: bool) -> dict[str, object]:
    from drieluik.services import cases
    from drieluik.services.pii import scan
    from drieluik.services.report import annual_report
    from drieluik.services.search import search
    from drieluik.store import vault_format as fmt
    from drieluik.store.kdf import derive_key
    from drieluik.store.safe_file import write_atomically
    from drieluik.store.vault import Vault, load_database, read_vault_file

    results: dict[str, object] = {"cases": size}
    folder = Path(tempfile.mkdtemp(prefix="drieluik-bench-"))
    path = folder / "bench.vault"
    passphrase = "benchmark"

    # Build in a separate process: the generator's Python objects must not
    # count in the peak RSS of using the vault.
    start = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--build", str(size), str(path)], check=True)
    results["build_s"] = round(time.perf_counter() - start, 2)
    results["vault_mib"] = round(path.stat().st_size / (1 << 20), 1)

    # Open without the KDF: read, authenticate, decrypt, deserialize, load the schema
    # (no integrity check at open: see services/integrity.py).
    header_probe = Vault.open(path, passphrase)
    data_key = header_probe._key()  # the benchmark needs the key to skip the KDF
    header_probe.close()

    def open_without_kdf() -> None:
        # Vault.open's steps after the KDF: the same functions, so it cannot drift.
        header, data = read_vault_file(path)
        db, _ = load_database(path, header, data, data_key)
        del data
        db.close()

    results["open_no_kdf_ms"] = round(median_ms(open_without_kdf, runs), 1)

    slot = fmt.parse_header(path.read_bytes()[:4096], path.stat().st_size).slots[0]
    results["kdf_ms"] = round(median_ms(lambda: derive_key(b"x", slot.salt, slot.params), runs), 1)
    results["kdf_params"] = slot.params.describe()

    vault = Vault.open(path, passphrase)
    vault.after_commit = lambda: None
    first = cases.list_cases(vault, limit=1)[0]
    counter = iter(range(10**6))

    def timed_save() -> float:
        with vault.transaction() as session:
            from drieluik.store.models import Case

            case = session.get(Case, first.id)
            case.summary = first.summary + f" (bench {next(counter)})"
            session.add(case)
        start = time.perf_counter()
        vault.save()
        return (time.perf_counter() - start) * 1000

    results["save_ms"] = round(statistics.median(timed_save() for _ in range(runs)), 1)

    # The floor: the same safe-save protocol on random bytes of the same size.
    payload_size = len(vault.db.serialize())
    random_payload = os.urandom(payload_size)
    floor_target = folder / "floor.bin"

    def floor_save() -> None:
        header = replace(vault.header, payload_nonce=os.urandom(12), payload_length=payload_size)
        prefix, chunks = fmt.encrypt_stream(data_key, header, memoryview(random_payload))
        header_bytes = prefix[: header.length]

        def verify(back) -> None:
            assert back.read(len(prefix)) == prefix
            fmt.verify_payload_file(data_key, header, header_bytes, back, len(prefix))

        write_atomically(floor_target, [prefix, *chunks], verify)

    results["floor_ms"] = round(median_ms(floor_save, runs), 1)
    results["save_over_floor"] = round(results["save_ms"] / results["floor_ms"], 2)

    samples = []
    for _ in range(max(1, runs // 2)):
        for query in SEARCH_QUERIES:
            start = time.perf_counter()
            search(vault, query, limit=20)
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    results["search_p50_ms"] = round(statistics.median(samples), 2)
    results["search_p95_ms"] = round(samples[int(len(samples) * 0.95) - 1], 2)

    results["report_ms"] = round(median_ms(lambda: annual_report(vault, 2025), runs), 1)

    # The live guard scans a note while it is typed (issue 8: well under 10 ms).
    scan(PII_NOTE)  # the first call loads the name lists
    results["pii_scan_note_ms"] = round(median_ms(lambda: scan(PII_NOTE), runs * 20), 2)

    results.update(minutes_export(vault, folder, runs))

    results.update(asyncio.run(tui_timings(path, vault, runs)))
    vault.close()

    if with_import:
        results["import_10k_rows_s"] = round(import_timing(folder, runs) / 1000, 2)
        results.update(minutes_2000(folder))
    results.update(cli_help(runs))
    results["peak_rss_mib"] = round(peak_rss_mib(), 0)
    results["rss_budget_mib"] = round(4 * results["vault_mib"] + 200, 0)
    return results


def cli_help(runs: int) -> dict[str, float]:
    """Wall clock of a whole `python -m drieluik --help` process (issue 13: ≤ 150 ms).

    As an installed drieluik runs: with its bytecode cached (kept in a temporary
    folder, warmed by one run first), whatever PYTHONDONTWRITEBYTECODE says here.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="drieluik-bench-pyc-")
    command = [sys.executable, "-m", "drieluik", "--help"]

    def once() -> None:
        subprocess.run(command, env=env, capture_output=True, check=True)

    once()
    samples = []
    for _ in range(max(runs, 5)):
        start = time.perf_counter()
        once()
        samples.append((time.perf_counter() - start) * 1000)
    return {
        "cli_help_ms": round(statistics.median(samples), 1),
        "cli_help_min_ms": round(min(samples), 1),
    }


def minutes_export(vault, folder: Path, runs: int) -> dict[str, float]:
    from drieluik.domain.vocabulary import DecisionKind
    from drieluik.services import cases, meetings
    from drieluik.services.minutes.export import export_minutes

    meeting = meetings.create_meeting(
        vault, date(2030, 1, 7), ["Veilig Thuis Drenthe"], propose=False
    )
    for case in cases.list_cases(vault, limit=30):
        meetings.add_item(vault, meeting.id, case.id)
    for item in meetings.get_meeting(vault, meeting.id).items:
        meetings.save_notes(vault, item.id, "Besproken; de melder houdt contact met de zorg.")
        meetings.add_decision(vault, item.id, DecisionKind.ADVIES_AAN_MELDER, "Advies gegeven.")
    out: dict[str, float] = {}
    for fmt_name in ("md", "docx", "pdf"):
        target = folder / f"minutes.{fmt_name}"

        def export(fmt_name: str = fmt_name, target: Path = target) -> None:
            export_minutes(vault, meeting.id, fmt_name, target, redact=True, force=True)

        out[f"minutes_{fmt_name}_ms"] = round(median_ms(export, runs), 1)
    return out


MINUTES_ITEMS = 2_000


def minutes_2000(folder: Path) -> dict[str, float]:
    """A meeting of 2,000 items, each with notes, a decision and an action, exported once
    per format: rendering must be linear (issue 14; Word took > 200 s, PDF ~90 s)."""
    from drieluik.domain.vocabulary import DecisionKind, ExploitationForm, Municipality
    from drieluik.services import actions, cases, meetings
    from drieluik.services.cases import CaseInput
    from drieluik.services.minutes.export import export_minutes
    from drieluik.store.vault import Vault

    vault = Vault.create(folder / "minutes-2000.vault", "benchmark")
    vault.after_commit = lambda: None  # building is not what is measured
    inputs = [
        CaseInput(
            signal_date=date(2025, 1 + n % 12, 1 + n % 28),
            reporter="Veilig Thuis Drenthe",
            municipality=Municipality.EMMEN,
            form=ExploitationForm.ARBEID,
            summary=f"Signaal {n}: zorgen over werk en huisvesting van een arbeidsmigrant.",
        )
        for n in range(MINUTES_ITEMS)
    ]
    codes = cases.create_cases(vault, inputs)
    meeting = meetings.create_meeting(vault, date(2026, 1, 5), ["GGD Drenthe"], propose=False)
    for code in codes:
        meetings.add_item(vault, meeting.id, code)
    for item in meetings.get_meeting(vault, meeting.id).items:
        meetings.save_notes(vault, item.id, "Besproken; de melder houdt contact met de zorg.")
        meetings.add_decision(vault, item.id, DecisionKind.ADVIES_AAN_MELDER, "Advies gegeven.")
        actions.add_action(
            vault,
            item.case.code,
            "Melder neemt contact op met de zorg.",
            "GGD Drenthe",
            date(2026, 2, 1),
            agenda_item_id=item.id,
        )
    vault.save()
    out: dict[str, float] = {}
    for fmt_name in ("md", "docx", "pdf"):
        target = folder / f"minutes-2000.{fmt_name}"
        start = time.perf_counter()
        export_minutes(vault, meeting.id, fmt_name, target, redact=True, force=True)
        out[f"minutes_2000_{fmt_name}_s"] = round(time.perf_counter() - start, 2)
    vault.close()
    return out


async def tui_timings(path: Path, vault, runs: int) -> dict[str, float]:
    from textual.widgets import DataTable

    from drieluik.app import make_app
    from drieluik.screens.cases import PAGE_SIZE, CasesScreen
    from drieluik.screens.dashboard import DashboardScreen
    from drieluik.settings import Settings

    dashboard_samples, cases_samples, page_samples = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        app = make_app(Settings(idle_lock_minutes=0), path, vault=vault, today=TODAY)
        async with app.run_test(size=(100, 32)) as pilot:
            while not isinstance(app.screen, DashboardScreen):
                await pilot.pause()
            await pilot.pause()
            dashboard_samples.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            app.push_screen(CasesScreen())
            while True:
                await pilot.pause()
                if isinstance(app.screen, CasesScreen):
                    tables = app.screen.query(DataTable)
                    if tables and tables.first().row_count > 0:
                        break
            cases_samples.append((time.perf_counter() - start) * 1000)
            # Scrolling on: the next pages, each one page of rows, never all of them.
            # The action that `]` runs (pilot.press would add two idle waits).
            screen, table = app.screen, app.screen.query_one(DataTable)
            for _ in range(2):
                start = time.perf_counter()
                screen.action_turn_page(1)
                await pilot.pause()  # as above: until drawn and idle
                page_samples.append((time.perf_counter() - start) * 1000)
                assert table.row_count <= PAGE_SIZE, "the cases screen loaded more than a page"
            app.vault = None  # keep our vault open: the app must not close it
    return {
        "dashboard_after_unlock_ms": round(statistics.median(dashboard_samples), 1),
        "cases_screen_first_render_ms": round(statistics.median(cases_samples), 1),
        "cases_page_turn_ms": round(statistics.median(page_samples), 1),
    }


def import_timing(folder: Path, runs: int) -> float:
    from drieluik.services.importer import import_cases, read_import
    from drieluik.store.vault import Vault

    source = folder / "signalen.csv"
    rng = random.Random(3)
    municipalities = ["Assen", "Emmen", "Hoogeveen", "Midden-Drenthe", "Meppel", "Coevorden"]
    forms = ["Seksuele uitbuiting", "arbeidsuitbuiting", "crimineel", "onbekend"]
    with open(source, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["datum", "gemeente", "vorm", "melder", "omschrijving", "kwetsbaar"])
        for n in range(10_000):
            writer.writerow(
                [
                    f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.choice([2024, 2025])}",
                    rng.choice(municipalities),
                    rng.choice(forms),
                    "Veilig Thuis Drenthe",
                    f"Signaal {n}: zorgen over werk en huisvesting van een arbeidsmigrant.",
                    "arbeidsmigrant",
                ]
            )
    samples = []
    for run in range(max(1, min(runs, 3))):
        vault = Vault.create(folder / f"import-{run}.vault", "benchmark")
        start = time.perf_counter()
        result = read_import(source, vault=vault, today=TODAY)
        import_cases(vault, result)
        samples.append((time.perf_counter() - start) * 1000)
        vault.close()
    return statistics.median(samples)


# --- the parent: sizes, table, JSON ------------------------------------------------------


def machine() -> dict[str, object]:
    import cryptography
    import textual

    return {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "cryptography": cryptography.__version__,
        "textual": textual.__version__,
    }


def check_budgets(result: dict[str, object]) -> list[str]:
    misses = []
    for key, budget in BUDGETS.items():
        value = result.get(key)
        if isinstance(value, int | float) and value > budget:
            misses.append(f"{key} {value} > {budget}")
    if result.get("peak_rss_mib", 0) > result.get("rss_budget_mib", float("inf")):
        misses.append(f"peak_rss_mib {result['peak_rss_mib']} > {result['rss_budget_mib']}")
    return misses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--with-import", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--build", nargs=2, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.build is not None:
        from drieluik.services.demo import fill_demo
        from drieluik.store.vault import Vault

        size, target = args.build
        vault = Vault.create(Path(target), "benchmark")
        vault.after_commit = lambda: None  # one save at the end, not one per step
        fill_demo(vault, cases=int(size), seed=7, today=TODAY)
        vault.save()
        vault.close()
        return 0

    if args.child is not None:
        print(json.dumps(child(args.child, args.runs, args.with_import)))
        return 0

    sizes = [int(s) for s in args.sizes.split(",") if s]
    rows = []
    for index, size in enumerate(sizes):
        print(f"… {size:,} cases", file=sys.stderr, flush=True)
        command = [sys.executable, __file__, "--child", str(size), "--runs", str(args.runs)]
        if index == 0:
            command.append("--with-import")
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))

    keys = sorted({k for row in rows for k in row} - {"cases", "kdf_params"}, key=_order)
    print(f"{'metric':<32}" + "".join(f"{row['cases']:>12,}" for row in rows))
    for key in keys:
        print(f"{key:<32}" + "".join(f"{_fmt(row.get(key)):>12}" for row in rows))
    largest = rows[-1]
    misses = check_budgets(largest)
    print(
        f"\nbudgets at {largest['cases']:,} cases: "
        + ("all met" if not misses else "MISSED: " + "; ".join(misses))
    )
    out = args.out or Path(__file__).parent / "results" / time.strftime("%Y%m%d-%H%M%S.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {"machine": machine(), "runs": args.runs, "results": rows, "budget_misses": misses},
            indent=2,
        ),
        encoding="utf-8",
    )
    print(f"written: {out}")
    return 0


_ORDER = [
    "vault_mib",
    "build_s",
    "kdf_ms",
    "open_no_kdf_ms",
    "save_ms",
    "floor_ms",
    "save_over_floor",
    "search_p50_ms",
    "search_p95_ms",
    "report_ms",
]


def _order(key: str) -> tuple[int, str]:
    return (_ORDER.index(key) if key in _ORDER else len(_ORDER), key)


def _fmt(value: object) -> str:
    return "—" if value is None else str(value)


if __name__ == "__main__":
    sys.exit(main())
