"""`drieluik demo`: a vault full of realistic synthetic data, to try everything safely.

Without --vault the demo lives in its own file next to (never in place of)
the user's vault. An existing demo is opened as it is; --reset makes it anew,
and only ever deletes a file that is a demo vault. The passphrase is `demo`
unless one is given (--passphrase-file or DRIELUIK_PASSPHRASE); the screen
says which.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer

from drieluik.cli.common import (
    PassphraseFileOption,
    VaultOption,
    console,
    info,
    read_passphrase_file,
    resolve_vault_path,
)
from drieluik.errors import InvalidInput
from drieluik.i18n import t

MAX_DEMO_CASES = 1_000_000


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


def _remove_demo(path: Path, passphrase: str) -> None:
    """Delete the demo at `path`, after making sure it is one."""
    from drieluik.errors import WrongPassphrase
    from drieluik.services.demo import is_demo
    from drieluik.store.vault import Vault

    try:
        vault = Vault.open(path, passphrase)
    except WrongPassphrase:
        raise InvalidInput("cli.demo.not_a_demo", path=path) from None
    try:
        demo = is_demo(vault)
    finally:
        vault.close()
    if not demo:
        raise InvalidInput("cli.demo.not_a_demo", path=path)
    path.unlink()


def _make(path: Path, passphrase: str, cases: int) -> Any:
    from drieluik.cli.vault_cmds import create_vault
    from drieluik.services.demo import fill_demo

    vault = create_vault(path, passphrase)
    try:
        # A plain line, no Rich spinner: a Live display left behind on stderr
        # kept the terminal app from drawing when the demo opened it next.
        info(t("cli.demo.filling", cases=cases))
        return fill_demo(vault, cases=cases)
    except BaseException:
        # A half-filled demo would be opened "as it is" next time: remove it.
        vault.close()
        path.unlink(missing_ok=True)
        raise
    finally:
        if vault.is_open:
            vault.close()


def _summary_of(path: Path, passphrase: str) -> Any:
    from drieluik.services.demo import summarise
    from drieluik.store.vault import Vault

    vault = Vault.open(path, passphrase)
    try:
        return summarise(vault)
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
    vault: VaultOption = None,
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
) -> None:
    """Maak en open een demo-kluis met verzonnen gegevens. / Create and open a demo vault."""
    from drieluik.services.demo import DEFAULT_CASES

    path = _demo_path(vault)
    passphrase, given = _demo_passphrase(passphrase_file)
    if reset and path.exists():
        _remove_demo(path, passphrase)
        info(t("cli.demo.removed", path=path))
    if path.exists():
        if cases is not None:
            info(t("cli.demo.cases_ignored"))
        info(t("cli.demo.existing", path=path))
        summary = _summary_of(path, passphrase) if no_open else None
    else:
        summary = _make(path, passphrase, cases or DEFAULT_CASES)
        console.print(t("cli.demo.created", path=path))
    console.print(t("cli.demo.passphrase_given") if given else t("cli.demo.passphrase_demo"))
    if no_open:
        _print_summary(summary)
        console.print(t("cli.demo.open_hint"))
        return
    from drieluik.cli.tui import run_tui

    # The demo's passphrase is public: open straight onto the dashboard.
    run_tui(vault=path, passphrase_file=passphrase_file, passphrase=passphrase)


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
