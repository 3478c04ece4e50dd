"""Build an offline install bundle: drieluik and every dependency as wheels.

For a chair's laptop without internet (or an IT department that installs from
its own share): on a machine with internet, run

    python scripts/build_offline_bundle.py                 # every platform below
    python scripts/build_offline_bundle.py --platform win_amd64 --python 3.12

and copy `dist/offline/` to the laptop. There, one folder per platform and
Python version holds the wheels and an INSTALL.txt with the one command:

    py -3.12 -m pip install --no-index --find-links win_amd64-py3.12 drieluik

Only binary wheels are fetched (`pip download --only-binary=:all:`), for the
target platform rather than this one, at the versions in constraints.txt (the
ones CI tested). A dependency without a wheel for a target fails the build for
that target, loudly, instead of needing a compiler on the laptop.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# pip tag platforms per target. pip widens a macOS tag to older macOS versions
# and universal2 wheels itself; manylinux tags are listed from new to old.
PLATFORMS: dict[str, list[str]] = {
    "win_amd64": ["win_amd64"],
    "macosx_arm64": ["macosx_14_0_arm64"],
    "macosx_x86_64": ["macosx_13_0_x86_64"],
    "manylinux_x86_64": [
        "manylinux_2_28_x86_64",
        "manylinux_2_17_x86_64",
        "manylinux2014_x86_64",
    ],
}
PYTHONS = ["3.11", "3.12", "3.13"]

# Where a tested version has no wheel for a target, the newest that has one.
# cryptography 49 dropped Intel macOS wheels; 48.0.1 is within pyproject's range.
TARGET_PINS: dict[str, dict[str, str]] = {"macosx_x86_64": {"cryptography": "48.0.1"}}


def constraints_for(target: str, folder: Path) -> Path:
    """constraints.txt with the target's own pins in place of the tested ones."""
    pins = TARGET_PINS.get(target, {})
    lines = []
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        name = line.split("==")[0].strip().lower()
        lines.append(f"{name}=={pins[name]}" if name in pins else line)
    path = folder / "constraints.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def requirements() -> list[str]:
    """The runtime dependencies as pyproject.toml declares them."""
    with open(ROOT / "pyproject.toml", "rb") as file:
        return list(tomllib.load(file)["project"]["dependencies"])


def build_own_wheel(out: Path) -> Path:
    """drieluik itself, as a pure-Python wheel (the same for every platform)."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(out), str(ROOT)],
        check=True,
    )
    return max(out.glob("drieluik-*.whl"), key=lambda p: p.stat().st_mtime)


def download(target: str, python: str, into: Path) -> None:
    abi = "cp" + python.replace(".", "")
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--only-binary=:all:",
        "--implementation",
        "cp",
        "--python-version",
        python,
        "--abi",
        abi,
        "--abi",
        "abi3",
        "--abi",
        "none",
        "--constraint",
        str(constraints_for(target, into)),
        "--dest",
        str(into),
    ]
    for platform in PLATFORMS[target]:
        command += ["--platform", platform]
    subprocess.run([*command, *requirements()], check=True)


def write_instructions(folder: Path, target: str, python: str, wheel: Path) -> None:
    launcher = f"py -{python} -m pip" if target.startswith("win") else f"python{python} -m pip"
    text = (
        f"drieluik offline bundle: {wheel.name}, for {target} with Python {python}.\n\n"
        "Install (no internet needed), from the folder that holds this one:\n\n"
        f"    {launcher} install --no-index --find-links {folder.name} drieluik\n\n"
        "Or as an isolated tool:\n\n"
        f"    pipx install --pip-args='--no-index --find-links {folder.name}' {folder.name}/"
        f"{wheel.name}\n"
    )
    (folder / "INSTALL.txt").write_text(text, encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--platform", action="append", choices=sorted(PLATFORMS), help="default: all"
    )
    parser.add_argument("--python", action="append", choices=PYTHONS, help="default: all")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "offline")
    args = parser.parse_args(argv)
    wheel = build_own_wheel(args.out / "_drieluik")
    failed: list[str] = []
    for target in args.platform or sorted(PLATFORMS):
        for python in args.python or PYTHONS:
            folder = args.out / f"{target}-py{python}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / wheel.name).write_bytes(wheel.read_bytes())
            try:
                download(target, python, folder)
            except subprocess.CalledProcessError:
                failed.append(folder.name)
                continue
            write_instructions(folder, target, python, wheel)
            print(f"{folder}: {len(list(folder.glob('*.whl')))} wheels")
    if failed:
        print("no complete set of wheels for: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
