"""`drieluik demo`: a vault full of realistic synthetic data, to try everything safely.

Without --vault the demo lives in its own file next to (never in place of)
the user's vault. An existing demo is opened as it is; --reset makes it anew.
An existing file that is not a demo vault (`services.demo.is_demo`, or a
passphrase that does not open it) is refused: the demo never opens, shows or
deletes real data. The passphrase is `demo`
unless one is given (--passphrase-file or DRIELUIK_PASSPHRASE); the screen
says which.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Annotated, Any

import typer

from drieluik.cli.common import (
    PassphraseFileOption,
    console,
    info,
    read_passphrase_file,
    resolve_vault_path,
)
from drieluik.cli.region import RegionOption, checked_region
from drieluik.errors import InvalidInput
from drieluik.i18n import t

MAX_DEMO_CASES = 1_000_000

DemoVaultOption = Annotated[
    Path | None,
    typer.Option(
        "--vault",
        help="De demo-kluis (anders naast uw eigen kluis); een bestaand bestand moet een "
        "demo-kluis zijn. / The demo vault (default: beside your own vault); an existing "
        "file must be a demo vault.",
        show_default=False,
    ),
]


def _demo_passphrase(passphrase_file: Path | None) -> tuple[str, bool]:
    """(passphrase, given by the user?)."""
    from drieluik.services.demo import DEMO_PASSPHRASE

    if passphrase_file is not None:
        return read_passphrase_file(passphrase_file), True
    from_env = os.environ.get("DRIELUIK_PASSPHRASE")
    if from_env:
        return from_env, True
    return DEMO_PASSPHRASE, False


def _demo_path(option: Path | None) -> Path:
    from drieluik.settings import demo_vault_path

    if option is None:
        return demo_vault_path()
    path = option.expanduser()
    if path.resolve() == resolve_vault_path(None).resolve():
        # The demo never takes the place of the user's own vault.
        raise InvalidInput("cli.demo.not_your_vault", path=path)
    return path


def _shown(path: Path) -> str:
    """A path as typed on a command line: in double quotes when it holds a space."""
    text = str(path)
    return f'"{text}"' if any(c.isspace() for c in text) else text


def _command(option: Path | None, path: Path) -> str:
    """How to run this demo again: `drieluik demo`, with --vault when one was given."""
    return "drieluik demo" if option is None else f"drieluik demo --vault {_shown(path)}"


def _open_demo(path: Path, passphrase: str, refusal_key: str) -> Any:
    """The open vault at `path`, or InvalidInput(refusal_key) if it is not a demo vault.

    A passphrase that does not open it means it cannot be shown to be a demo:
    refused as well.
    """
    from drieluik.errors import WrongPassphrase
    from drieluik.services.demo import is_demo
    from drieluik.store.vault import Vault

    try:
        vault = Vault.open(path, passphrase)
    except WrongPassphrase:
        raise InvalidInput(refusal_key, path=path, shown=_shown(path)) from None
    try:
        demo = is_demo(vault)
    except BaseException:
        vault.close()
        raise
    if not demo:
        vault.close()
        raise InvalidInput(refusal_key, path=path, shown=_shown(path))
    return vault


def _remove_demo(path: Path, passphrase: str) -> None:
    """Delete the demo at `path`, after making sure it is one."""
    _open_demo(path, passphrase, "cli.demo.not_a_demo").close()
    path.unlink()


def _make(path: Path, passphrase: str, cases: int, region: str) -> Any:
    """Build the demo beside `path` and move it into place only when it is complete.

    A build stopped half-way (Ctrl+C, SIGTERM, a closed terminal, a full disk)
    leaves no file at `path`, so the next `drieluik demo` simply builds again
    instead of finding a vault that is not (yet) marked as a demo.
    """
    from drieluik.cli.vault_cmds import create_vault
    from drieluik.services import region as region_service
    from drieluik.services.demo import fill_demo

    building = path.with_name(f".{path.name}.building")
    _discard(building)  # what a stopped build left behind
    vault = create_vault(building, passphrase)
    try:
        # A plain line, no Rich spinner: a Live display left behind on stderr
        # kept the terminal app from drawing when the demo opened it next.
        info(t("cli.demo.filling", cases=cases))
        region_service.choose(vault, region)
        summary = fill_demo(vault, cases=cases)
        vault.close()
        os.replace(building, path)
        return summary
    finally:
        if vault.is_open:
            vault.close()
        _discard(building)


def _discard(building: Path) -> None:
    from drieluik.store.vault import lock_path

    for leftover in (building, lock_path(building)):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _existing_demo(path: Path, passphrase: str, *, summarise: bool) -> Any:
    """Check that the file at `path` is a demo vault; its summary when asked for."""
    from drieluik.services import demo

    vault = _open_demo(path, passphrase, "cli.demo.not_a_demo_open")
    try:
        return demo.summarise(vault) if summarise else None
    finally:
        vault.close()


def _print_summary(summary: Any) -> None:
    console.print(
        t(
            "cli.demo.counts",
            cases=summary.cases,
            first=summary.first_signal.isoformat() if summary.first_signal else "—",
            meetings=summary.meetings,
            items=summary.agenda_items,
            decisions=summary.decisions,
            actions=summary.actions,
            open=summary.open_actions,
            overdue=summary.overdue_actions,
            monitoring=summary.monitoring,
            closed=summary.closed,
        )
    )
    if summary.upcoming_date is not None:
        console.print(
            t(
                "cli.demo.upcoming",
                date=summary.upcoming_date.isoformat(),
                items=summary.upcoming_items,
                reasons=", ".join(r.label for r in summary.upcoming_reasons) or "—",
            )
        )


def demo(
    vault: DemoVaultOption = None,
    cases: Annotated[
        int | None,
        typer.Option(
            "--cases",
            min=1,
            max=MAX_DEMO_CASES,
            help="Aantal casussen (standaard ~140: twee jaar Drenthe). / Number of cases.",
            show_default=False,
        ),
    ] = None,
    no_open: Annotated[
        bool,
        typer.Option(
            "--no-open", help="Niet openen; toon een samenvatting. / Print a summary instead."
        ),
    ] = False,
    reset: Annotated[
        bool,
        typer.Option("--reset", help="Maak de demo opnieuw. / Make the demo anew."),
    ] = False,
    passphrase_file: PassphraseFileOption = None,
    region: RegionOption = None,
) -> None:
    """Maak en open een demo-kluis met verzonnen gegevens. / Create and open a demo vault.

    Met --vault staat de demo elders; een bestaand bestand wordt alleen geopend of
    vervangen als het een demo-kluis is. / With --vault the demo lives elsewhere; an
    existing file is only opened or replaced when it is a demo vault.
    """
    from drieluik.services.demo import DEFAULT_CASES

    profile = checked_region(region)
    path = _demo_path(vault)
    command = _command(vault, path)
    passphrase, given = _demo_passphrase(passphrase_file)
    if reset and path.exists():
        _remove_demo(path, passphrase)
        info(t("cli.demo.removed", path=path))
    if path.exists():
        summary = _existing_demo(path, passphrase, summarise=no_open)
        if cases is not None:
            info(t("cli.demo.cases_ignored"))
        if region is not None:
            info(t("cli.demo.region_ignored"))
        info(t("cli.demo.existing", path=path, command=command))
    else:
        summary = _make(path, passphrase, cases or DEFAULT_CASES, profile.key)
        console.print(t("cli.demo.created", path=path))
    console.print(t("cli.demo.passphrase_given") if given else t("cli.demo.passphrase_demo"))
    if no_open:
        _print_summary(summary)
        console.print(t("cli.demo.open_hint", command=command))
        return
    from drieluik.cli.tui import run_tui

    # The demo's passphrase is public: open straight onto the dashboard.
    run_tui(vault=path, passphrase_file=passphrase_file, passphrase=passphrase)


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
