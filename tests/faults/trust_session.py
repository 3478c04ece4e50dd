"""A realistic chair's session, shared by the no-plaintext and no-network tests.

The session goes through the real CLI: init, import a spreadsheet, add a case,
create a meeting, search, a report and the minutes written to a chosen file,
check. Steps whose command does not exist (yet) are left out. Every piece of
text typed in carries one random sentinel word, so any copy of it anywhere
can be found afterwards.
"""

from __future__ import annotations

import os
import random
import string
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import typer

PASSPHRASE = "zeven rode kikkers springen over de brug"
# Stands in the step list where the chair types notes, a decision and an
# action during the meeting (the CLI has no command for that; see add_meeting_text).
MEETING_TEXT = ["<notes, decision and action typed in the meeting>"]


def new_sentinel() -> str:
    # Letters only: a word the personal-data guard has no reason to flag.
    rng = random.SystemRandom()
    return "kwartel" + "".join(rng.choice(string.ascii_lowercase) for _ in range(12))


@dataclass
class Session:
    root: Path
    sentinel: str = field(default_factory=new_sentinel)

    @property
    def vault_dir(self) -> Path:
        return self.root / "kluis"

    @property
    def vault(self) -> Path:
        return self.vault_dir / "drieluik.vault"

    @property
    def inputs(self) -> Path:
        return self.root / "invoer"

    @property
    def outputs(self) -> Path:
        """The chosen location of deliberate exports: the only place the text may be."""
        return self.root / "uitvoer"

    @property
    def tmpdir(self) -> Path:
        return self.root / "tmpdir"

    @property
    def spreadsheet(self) -> Path:
        return self.inputs / "signalen.csv"

    @property
    def meeting_date(self) -> date:
        return date.today() + timedelta(days=7)

    def prepare(self) -> None:
        for folder in (self.vault_dir, self.inputs, self.outputs, self.tmpdir):
            folder.mkdir(parents=True, exist_ok=True)
        self.spreadsheet.write_text(
            "datum,gemeente,vorm,melder,omschrijving\n"
            f"2024-03-01,Assen,arbeid,Politie,Werkt zeven dagen per week {self.sentinel} import.\n"
            "2024-03-09,Emmen,seksueel,GGD,Advertenties op een datingsite.\n",
            encoding="utf-8",
        )

    def env(self) -> dict[str, str]:
        return {
            "DRIELUIK_PASSPHRASE": PASSPHRASE,
            "DRIELUIK_VAULT": str(self.vault),
            "TMPDIR": str(self.tmpdir),
        }

    def steps(self) -> list[list[str]]:
        """The commands, in order; the ones this drieluik lacks are left out."""
        day = self.meeting_date.isoformat()
        wanted = [
            ["init"],
            ["import", str(self.spreadsheet)],
            [
                "case", "add", "--datum", "2024-04-02", "--gemeente", "Meppel",
                "--vorm", "crimineel", "--melder", "Veilig Thuis Drenthe",
                "--omschrijving", f"Jongere als koerier ingezet {self.sentinel} toegevoegd.",
            ],
            ["cases", "--json"],
            ["meeting", "new", "--date", day],
            ["agenda", day],
            MEETING_TEXT,
            ["search", self.sentinel],
            [
                "report", "--year", "2024", "--format", "md",
                "--out", str(self.outputs / "jaarcijfers.md"),
            ],
            ["export", "minutes", day, "--out", str(self.outputs / "verslag.md")],
            ["audit", "--verify"],
            ["check"],
        ]  # fmt: skip
        return [argv for argv in wanted if argv is MEETING_TEXT or command_accepts(argv)]

    def scan_roots(self) -> list[Path]:
        roots = {
            self.root,
            self.tmpdir,
            Path(tempfile.gettempdir()),
            Path("/tmp"),
            Path("/var/tmp"),
            Path(os.environ.get("DRIELUIK_DATA_DIR", self.root)),
            Path(os.environ.get("DRIELUIK_CONFIG_DIR", self.root)),
        }
        return sorted(r for r in roots if r.is_dir())

    def allowed_copies(self) -> set[Path]:
        """Files that may hold the sentinel: the spreadsheet typed in and the exports."""
        return {self.spreadsheet.resolve(), *(p.resolve() for p in self.outputs.rglob("*"))}


def _cli():
    from drieluik.cli import _register, app

    _register()
    return typer.main.get_command(app)


def command_accepts(argv: list[str]) -> bool:
    """Whether this drieluik has the (sub)command of `argv` and its --options."""
    command = _cli()
    words = list(argv)
    # typer ships its own click: a group is whatever has sub-commands.
    while words and hasattr(command, "commands") and not words[0].startswith("-"):
        command = command.commands.get(words.pop(0))
        if command is None:
            return False
    options = {opt for p in command.params for opt in getattr(p, "opts", [])}
    return all(w in options for w in words if w.startswith("--"))


def files_changed_since(roots: list[Path], since: float) -> Iterator[Path]:
    seen: set[Path] = set()
    for root in roots:
        for folder, dirs, files in os.walk(root, onerror=lambda e: None):
            dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
            for name in files:
                path = Path(folder, name)
                try:
                    st = path.lstat()
                except OSError:
                    continue
                if st.st_mtime < since or not path.is_file() or st.st_size > 256 << 20:
                    continue
                resolved = path.resolve()
                if resolved not in seen:
                    seen.add(resolved)
                    yield resolved


def files_with(needle: bytes, paths: Iterator[Path]) -> list[Path]:
    hits = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if needle in data or needle in data.decode("latin-1").lower().encode("latin-1"):
            hits.append(path)
    return hits


def add_meeting_text(session: Session) -> None:
    """What the chair types during the meeting (no CLI for it): notes, a decision, an action."""
    from drieluik.domain.vocabulary import DecisionKind
    from drieluik.services import actions, meetings
    from drieluik.services.unlock import unlock

    vault = unlock(session.vault, PASSPHRASE)
    try:
        meeting = meetings.get_meeting(vault, session.meeting_date)
        item = meeting.items[0]
        meetings.save_notes(vault, item.id, f"Besproken: {session.sentinel} notities.")
        meetings.add_decision(
            vault, item.id, DecisionKind.ADVIES_AAN_MELDER, f"Advies {session.sentinel} besluit."
        )
        actions.add_action(
            vault, item.case.code, f"Terugkoppelen {session.sentinel} actie.", "Politie"
        )
    finally:
        vault.close()
