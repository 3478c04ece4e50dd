"""The layers depend downward only: cli & screens → services → store → domain.

Within the UI too: widgets never import screens (a screen is made of
widgets, not the other way round), screens reach the data only through the
services (never `store.models`), and the app module does not import the CLI
(the CLI starts the app: `cli/tui.py`).

Checked two ways: statically (every `import` in each layer's files) and at
run time (importing the services in a fresh interpreter must not load Textual,
as harlequin checks in its import-hygiene test).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "drieluik"

# What each layer may NOT import (package-relative module prefixes).
FORBIDDEN = {
    "domain": (
        "drieluik.store",
        "drieluik.services",
        "drieluik.cli",
        "drieluik.app",
        "drieluik.screens",
        "drieluik.widgets",
        "drieluik.commands",
        "drieluik.textual_compat",
        "textual",
        "sqlmodel",
        "sqlalchemy",
    ),
    "store": (
        "drieluik.services",
        "drieluik.cli",
        "drieluik.app",
        "drieluik.screens",
        "drieluik.widgets",
        "drieluik.commands",
        "drieluik.textual_compat",
        "textual",
    ),
    "services": (
        "drieluik.cli",
        "drieluik.app",
        "drieluik.screens",
        "drieluik.widgets",
        "drieluik.commands",
        "drieluik.textual_compat",
        "textual",
    ),
    "widgets": (
        "drieluik.screens",
        "drieluik.app",
        "drieluik.cli",
        "drieluik.store.models",
    ),
    "screens": (
        "drieluik.store.models",
        "drieluik.cli",
    ),
    "i18n": (
        "drieluik.store",
        "drieluik.services",
        "drieluik.cli",
        "drieluik.app",
        "drieluik.screens",
        "textual",
    ),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from drieluik.store import models` imports drieluik.store.models.
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _violations(path: Path, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for name in sorted(_imports(path))
        if any(name == bad or name.startswith(bad + ".") for bad in forbidden)
    ]


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_downward(layer: str) -> None:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, f"no files in layer {layer}"
    violations = [v for path in files for v in _violations(path, FORBIDDEN[layer])]
    assert not violations, "\n".join(violations)


def test_the_app_module_does_not_import_the_cli() -> None:
    """The CLI starts the app (`cli/tui.py`), never the other way round."""
    violations = _violations(PACKAGE / "app.py", ("drieluik.cli", "typer"))
    assert not violations, "\n".join(violations)


def test_errors_and_settings_stay_below_the_ui() -> None:
    for name in ("errors.py", "settings.py"):
        imported = _imports(PACKAGE / name)
        assert not any(
            i.startswith(("textual", "drieluik.services", "drieluik.store")) for i in imported
        ), name


def test_services_do_not_load_textual_at_run_time() -> None:
    modules = sorted(
        "drieluik.services."
        + p.relative_to(PACKAGE / "services").with_suffix("").as_posix().replace("/", ".")
        for p in (PACKAGE / "services").rglob("*.py")
        if p.name != "__init__.py" or p.parent != PACKAGE / "services"
    )
    modules = [m.removesuffix(".__init__") for m in modules]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "import drieluik.store.vault\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"textual loaded by services: {result.stdout}"


def test_nothing_opens_files_or_resolves_paths_at_import() -> None:
    """Importing the CLI must not create folders or read settings (posting's rule)."""
    code = (
        "import os, builtins\n"
        "opened = []\n"
        "real_open = builtins.open\n"
        "def spy(file, *a, **k):\n"
        "    opened.append(str(file)); return real_open(file, *a, **k)\n"
        "builtins.open = spy\n"
        "import drieluik.cli, drieluik.settings\n"
        "print([f for f in opened if 'drieluik' in f and not f.endswith('.py')])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
