"""The `drieluik` command. Each area of commands lives in its own module here;
`main()` turns every error into one clear line and a documented exit code.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import Any

import typer

from drieluik import __version__
from drieluik.cli import (
    cases,
    demo,
    export,
    help_language,
    keys,
    meetings,
    pii,
    region,
    report,
    search,
    trust,
    tui,
    usage,
    vault_cmds,
)
from drieluik.cli.common import PassphraseFileOption, VaultOption, err_console
from drieluik.errors import DrieluikError, ExitCode
from drieluik.i18n import t

app = typer.Typer(
    name="drieluik",
    help="drieluik — de versleutelde casuïstiektool voor de voorzitter van het Drieluik. / "
    "drieluik — the encrypted case tool for the chair of het Drieluik.\n\n"
    "Zonder opdracht start de terminal-app. / Without a command, the terminal app starts.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from drieluik.store.migrations import SCHEMA_VERSION
        from drieluik.store.vault_format import FORMAT_VERSION

        # The vault versions too: what an IT department needs to know whether
        # an older drieluik can still open the file (docs/vault-format.md).
        print(t("cli.version", version=__version__, format=FORMAT_VERSION, schema=SCHEMA_VERSION))
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False,
        "--version",
        callback=_version,
        is_eager=True,
        help="Toon de versie. / Show the version.",
    ),
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
) -> None:
    """drieluik — de versleutelde casuïstiektool voor de voorzitter van het Drieluik."""
    if ctx.invoked_subcommand is None:
        tui.run_tui(vault=vault, passphrase_file=passphrase_file)
    elif vault is not None or passphrase_file is not None:
        # `drieluik --vault X cases` would silently use another vault: refuse.
        raise typer.BadParameter(t("usage.options_after_command"))


_registered = False


def _register() -> None:
    # Once per process: run() is called many times in-process (tests), and
    # registering again would add every command again, slower each time.
    global _registered
    if _registered:
        return
    for area in (
        vault_cmds,
        keys,
        cases,
        meetings,
        search,
        report,
        pii,
        export,
        trust,
        demo,
        region,
    ):
        area.register(app)
    _registered = True


def main(argv: list[str] | None = None) -> None:
    """Entry point: exit codes are documented in the README ("Exit codes")."""
    code = run(argv)
    try:
        sys.stdout.flush()
    except OSError:  # what was written before the reader left is all it wanted
        _reader_left()
    sys.exit(code)


def _reader_left() -> int:
    """The reader of stdout went away (`drieluik cases | head -2`): a normal end.

    Exit 0, as for a complete run; stdout goes to the null device so that
    the interpreter's own flush at exit finds nothing left to write.
    """
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return int(ExitCode.OK)


def _personal_data_hint(exc: DrieluikError, console: Any) -> None:
    """Under the policy: what each finding is (masked) and how to go on."""
    from drieluik.services.guard import PersonalDataFound

    if not isinstance(exc, PersonalDataFound):
        return
    for found in exc.found:
        if found.line is not None:
            row = t("guard.import_row", line=found.line, column=found.column or "?")
            console.print(f"  {row}: {found.describe()}", markup=False, highlight=False)
    console.print(t("guard.cli_hint" if exc.confirmable else "guard.cli_hint_refuse"))


def run(argv: list[str] | None = None) -> int:
    """Run one command and return its exit code; never lets a traceback through."""
    from drieluik.cli.common import configure_streams
    from drieluik.i18n import set_language
    from drieluik.settings import load_settings

    configure_streams()
    # config.toml's `lang` (DRIELUIK_LANG overrides it), as the app does.
    set_language(load_settings().lang)
    _register()
    try:
        # Not standalone: usage errors come back here as exceptions, so that they
        # are told in one line in the user's language instead of Click's English block.
        command = typer.main.get_command(app)
        help_language.localise(command)  # --help in the user's language only
        result = command(args=argv, prog_name="drieluik", standalone_mode=False)
        # A command ended by typer.Exit comes back as its exit code; typer turns
        # Ctrl+C inside a command into 130 silently.
        code = result if type(result) is int else int(ExitCode.OK)
        if code == 130:
            err_console.print(t("error.interrupted"))
        return code
    except SystemExit as exc:
        if _pipe_closed_under_typer():
            return _reader_left()
        status = exc.code
        code = (
            status if isinstance(status, int) else (0 if status is None else int(ExitCode.INVALID))
        )
        if code == 130:  # typer ends a command interrupted by Ctrl+C silently with 130
            err_console.print(t("error.interrupted"))
        return code
    except BrokenPipeError:
        return _reader_left()
    except OSError as exc:
        # Windows reports a closed pipe as EINVAL on write.
        if exc.errno == errno.EINVAL and _stdout_closed():
            return _reader_left()
        return _unexpected(exc)
    except DrieluikError as exc:
        err_console.print(f"{t('error.prefix')}: {exc.message}")
        _personal_data_hint(exc, err_console)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print(t("error.interrupted"))
        return 130
    except Exception as exc:
        if usage.is_usage_error(exc):
            if usage.is_help_request(exc):  # a command group without its subcommand
                err_console.print(usage.describe(exc))
            else:
                err_console.print(f"{t('error.prefix')}: {usage.describe(exc)}")
            return int(ExitCode.USAGE)
        if usage.is_abort(exc):  # end of input at a prompt
            err_console.print(t("error.interrupted"))
            return 130
        return _unexpected(exc)


def _unexpected(exc: Exception) -> int:
    from drieluik.errors import damaged_database

    damage = damaged_database(exc)
    if damage is not None:
        err_console.print(f"{t('error.prefix')}: {damage.message}")
        return int(damage.exit_code)
    if os.environ.get("DRIELUIK_DEBUG"):
        raise exc
    err_console.print(f"{t('error.prefix')}: {t('error.unexpected', kind=type(exc).__name__)}")
    return int(ExitCode.INVALID)


def _pipe_closed_under_typer() -> bool:
    """Typer ends a command whose stdout pipe broke with exit 1, after wrapping
    stdout and stderr so that their last flush stays quiet; unwrap them."""
    if type(sys.stdout).__name__ != "PacifyFlushWrapper":
        return False
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        setattr(sys, name, getattr(stream, "wrapped", stream))
    return True


def _stdout_closed() -> bool:
    try:
        sys.stdout.flush()
    except OSError:
        return True
    return False
