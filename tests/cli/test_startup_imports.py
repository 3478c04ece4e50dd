"""`drieluik --help` starts at once: it loads none of the heavy libraries (issue 13).

SQLAlchemy/SQLModel/pydantic alone were ~400 ms of every command's start;
Rich ~25 ms. Checked by what a real `python -m drieluik ARGS` leaves in
`sys.modules`, not by a clock (the wall-clock figure is in benchmarks/run.py).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.vault_testing import child_env

# What no help may load: the database, the TUI, the document writers.
HEAVY = {"sqlalchemy", "sqlmodel", "textual", "docx", "fpdf"}
# `drieluik --help` loads only typer and the standard library besides drieluik.
# A command's own --help also lets typer (0.29) build its pydantic coercion of
# the options; --version names the vault's format (store/vault_format.py,
# which imports cryptography).
ALSO_NOT = {
    ("--help",): {"pydantic", "rich", "cryptography"},
    ("-h",): {"pydantic", "rich", "cryptography"},
    ("cases", "--help"): {"rich", "cryptography"},
    ("case", "add", "--help"): {"rich", "cryptography"},
    ("--version",): {"pydantic", "rich"},
}

# Runs the command as `python -m drieluik` does, then lists the top-level packages loaded.
WRAPPER = """
import json, runpy, sys
sys.argv = ["drieluik", *json.loads(sys.argv[1])]
try:
    runpy.run_module("drieluik", run_name="__main__", alter_sys=True)
except SystemExit as end:
    code = end.code
sys.stdout.flush()
sys.stderr.write("\\nMODULES " + json.dumps(sorted({m.split(".")[0] for m in sys.modules})) + "\\n")
sys.stderr.write("CODE " + json.dumps(code) + "\\n")
"""


def _loaded(*args: str) -> tuple[set[str], str, object]:
    proc = subprocess.run(
        [sys.executable, "-c", WRAPPER, json.dumps(list(args))],
        env={**child_env(), "DRIELUIK_LANG": "en"},
        capture_output=True,
        encoding="utf-8",
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    lines = proc.stderr.splitlines()
    modules = json.loads(next(line for line in lines if line.startswith("MODULES "))[8:])
    code = json.loads(next(line for line in lines if line.startswith("CODE "))[5:])
    return set(modules), proc.stdout, code


@pytest.mark.parametrize("args", list(ALSO_NOT), ids=" ".join)
def test_help_and_version_load_no_heavy_library(args: tuple[str, ...]) -> None:
    modules, stdout, code = _loaded(*args)
    assert code in (0, None), stdout
    assert stdout.strip()  # the help (or the version) was printed
    assert sorted(modules & (HEAVY | ALSO_NOT[args])) == []


def test_the_wrapper_sees_what_a_command_loads() -> None:
    """The probe can fail: a command that reaches a vault loads the store and Rich."""
    modules, _, code = _loaded("check", "--vault", "/nonexistent/drieluik.vault")
    assert code == 1
    assert {"rich", "sqlalchemy", "sqlmodel"} <= modules
