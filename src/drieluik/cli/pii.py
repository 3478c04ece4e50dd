"""`drieluik pii`: scan text for personal data, keep the vault's allow-list.

`pii scan` works like a linter and needs no vault: exit 0 when nothing is
found, exit 5 (the code of a blocked export) when something is, exit 1 when
the input cannot be read.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from drieluik.cli.common import (
    JsonOption,
    PassphraseFileOption,
    RecoveryKeyFileOption,
    VaultOption,
    console,
    info,
    opened_vault,
    print_json,
)
from drieluik.errors import ExitCode, InvalidInput
from drieluik.i18n import t

pii_app = typer.Typer(
    name="pii",
    help="Persoonsgegevens opsporen en de lijst van toegestane termen. / "
    "Find personal data; the allow-list.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
allow_app = typer.Typer(
    name="allow",
    help="Eigen toegestane termen in de kluis (niet als persoonsgegeven gemarkeerd). / "
    "Your allowed terms in the vault (never flagged).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
pii_app.add_typer(allow_app)

AllowOption = Annotated[
    list[str] | None,
    typer.Option(
        "--allow",
        metavar="TERM",
        help="Markeer deze term niet (herhaalbaar). / Do not flag this term (repeatable).",
        show_default=False,
    ),
]
TermArgument = Annotated[str, typer.Argument(help="Woord of naam. / Word or name.")]


def read_input(source: str | None) -> str:
    """The text of FILE, or of standard input for '-' or no FILE.

    UTF-8 (a BOM is dropped), else Windows-1252, the other encoding Dutch
    office files come in. Offsets refer to the text as decoded.
    """
    if source is None or source == "-":
        try:
            data = sys.stdin.buffer.read()
        except (OSError, ValueError, AttributeError) as exc:
            raise InvalidInput("pii.scan.stdin_unreadable", detail=str(exc)) from None
    else:
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            detail = exc.strerror or type(exc).__name__
            raise InvalidInput("pii.scan.file_unreadable", path=path, detail=detail) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of `offset`."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


@pii_app.command("scan")
def scan_command(
    file: Annotated[
        str | None,
        typer.Argument(
            help="Tekstbestand; '-' of niets leest standaardinvoer. / Text file; '-' or "
            "nothing reads standard input.",
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    json_output: JsonOption = False,
    allow: AllowOption = None,
    vault: Annotated[
        Path | None,
        typer.Option(
            "--vault",
            help="Gebruik ook de toegestane termen uit deze kluis. / Also use this vault's "
            "allow-list.",
            show_default=False,
        ),
    ] = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Zoek persoonsgegevens in tekst; geen kluis nodig. / Find personal data in
    text; no vault needed.

    Per vondst: regel:kolom, soort en een gemaskeerd fragment; --json geeft een
    lijst van {category, start, end, text} (offsets als Python-stringindex). /
    Per finding: line:column, kind and a masked fragment; --json gives a list of
    {category, start, end, text} (offsets as Python string indexes).

    Exitcode 0: niets gevonden; 5: persoonsgegevens gevonden; 1: invoer
    onleesbaar. / Exit code 0: none found; 5: personal data found; 1: input
    unreadable.
    """
    from drieluik.services.pii import mask, scan

    text = read_input(file)
    terms = list(allow or [])
    if vault is not None:
        from drieluik.services.allowlist import allow_terms

        with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
            terms += allow_terms(opened)
    findings = scan(text, allow=terms)
    if json_output:
        print_json(
            [
                {"category": f.category.value, "start": f.start, "end": f.end, "text": f.text}
                for f in findings
            ]
        )
    else:
        for finding in findings:
            line, column = line_and_column(text, finding.start)
            label = finding.category.label
            # Two spaces, not tabs: Rich expands tabs, and this stays grep- and cut-friendly.
            console.print(
                f"{line}:{column}  {finding.category.value} ({label})  {mask(finding.text)}"
            )
        info(t("pii.scan.count", count=len(findings)) if findings else t("pii.scan.none"))
    if findings:
        raise typer.Exit(int(ExitCode.PII_BLOCKED))


@allow_app.command("list")
def allow_list(
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
    json_output: JsonOption = False,
) -> None:
    """Toon de eigen toegestane termen. / Show your allowed terms."""
    from drieluik.services.allowlist import allow_terms

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        terms = allow_terms(opened)
    if json_output:
        print_json(terms)
        return
    if not terms:
        info(t("pii.allow.none"))
    for term in terms:
        console.print(term)


@allow_app.command("add")
def allow_add(
    term: TermArgument,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Voeg een term toe; de gids markeert hem niet meer. / Add a term."""
    from drieluik.services.allowlist import add_allow_term

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        add_allow_term(opened, term)
    info(t("pii.allow.added", term=term.strip()))


@allow_app.command("remove")
def allow_remove(
    term: TermArgument,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Haal een term van de lijst. / Remove a term."""
    from drieluik.services.allowlist import remove_allow_term

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        remove_allow_term(opened, term)
    info(t("pii.allow.removed", term=term.strip()))


def register(app: typer.Typer) -> None:
    app.add_typer(pii_app)
