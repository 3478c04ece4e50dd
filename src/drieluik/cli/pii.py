"""`drieluik pii`: scan text for personal data, keep the vault's allow-list,
set the vault's policy, audit what is stored.

`pii scan` works like a linter and needs no vault: exit 0 when nothing is
found, exit 5 (the code of a blocked export) when something is, exit 1 when
the input cannot be read. `pii audit` exits 5 when a stored text holds
personal data (docs/anonymisation.md, "The policy").
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
    confirm,
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


def explain_rule(rule: str) -> str:
    """What a rule id means, in the user's language."""
    from drieluik.i18n import catalog

    key = f"pii.rule.{rule}"
    return t(key) if key in catalog() else t("pii.scan.explain_unknown")


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
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Noem per vondst de regel die hem vond. / Name the rule behind each finding.",
        ),
    ] = False,
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

    --explain noemt per vondst de regel die hem vond (in JSON: "rule"). /
    --explain names the rule that found each finding (in JSON: "rule").

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
        rows = []
        for f in findings:
            row: dict[str, object] = {
                "category": f.category.value,
                "start": f.start,
                "end": f.end,
                "text": f.text,
            }
            if explain:
                row["rule"] = f.rule
                row["explanation"] = explain_rule(f.rule)
            rows.append(row)
        print_json(rows)
    else:
        for finding in findings:
            line, column = line_and_column(text, finding.start)
            label = finding.category.label
            # Two spaces, not tabs: Rich expands tabs, and this stays grep- and cut-friendly.
            shown = f"{line}:{column}  {finding.category.value} ({label})  {mask(finding.text)}"
            if explain:
                shown += f"  [{finding.rule}: {explain_rule(finding.rule)}]"
            console.print(shown, markup=False, highlight=False)
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


@pii_app.command("policy")
def policy_command(
    policy: Annotated[
        str | None,
        typer.Argument(
            help="waarschuwen, bevestigen of weigeren; zonder: toon het huidige. / "
            "waarschuwen, bevestigen or weigeren; none: show the current one.",
            metavar="[waarschuwen|bevestigen|weigeren]",
            show_default=False,
        ),
    ] = None,
    json_output: JsonOption = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Toon of zet het beleid voor persoonsgegevens in deze kluis. / Show or set this
    vault's personal-data policy.

    Voor de voorzitter of de privacyfunctionaris; een wijziging komt in het
    auditlogboek. / For the chair or the privacy officer; a change is recorded in
    the audit trail.

    waarschuwen: opslaan en markeren; bevestigen (standaard): pas opslaan na
    bevestiging; weigeren: eerst anonimiseren. / waarschuwen (warn): store and mark;
    bevestigen (confirm, the default): store only after a confirmation; weigeren
    (refuse): anonymise first.
    """
    from drieluik.services import guard

    chosen = guard.parse_policy(policy) if policy is not None else None
    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        current = guard.set_policy(opened, chosen) if chosen else guard.get_policy(opened)
    if json_output:
        print_json({"policy": current.value})
        return
    key = "guard.policy.changed" if chosen else "guard.policy.current"
    console.print(t(key, policy=current.label), markup=False, highlight=False)


@pii_app.command("audit")
def audit_command(
    redact: Annotated[
        bool,
        typer.Option(
            "--redact",
            help="Anonimiseer alle gevonden teksten ter plekke (na bevestiging). / "
            "Anonymise every text found in place (after confirmation).",
        ),
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", help="Niet om bevestiging vragen. / Do not ask to confirm.")
    ] = False,
    json_output: JsonOption = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Elke opgeslagen tekst met persoonsgegevens, zonder de waarde. / Every stored
    text with personal data, without the value.

    Per tekst: casuscode, veld, soort en offsets. --redact vervangt ze na
    bevestiging door plaatshouders, als één wijziging in het auditlogboek. / Per
    text: case code, field, category and offsets. --redact replaces them by
    placeholders after a confirmation, as one change in the audit trail.

    Exitcode 0: niets gevonden; 5: gevonden. / Exit code 0: none found; 5: found.
    """
    from drieluik.services import pii_audit

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        found = pii_audit.audit_stored(opened)
        texts = len({(f.owner, f.owner_id, f.field) for f in found})
        if redact and found:
            if not yes and not confirm(t("pii.audit.confirm", texts=texts)):
                info(t("pii.audit.cancelled"))
                raise typer.Exit(int(ExitCode.PII_BLOCKED))
            changed = pii_audit.redact_stored(opened)
            info(t("pii.audit.redacted", texts=changed))
            found = pii_audit.audit_stored(opened)
            texts = len({(f.owner, f.owner_id, f.field) for f in found})
    if json_output:
        print_json([f.as_json() for f in found])
    else:
        from drieluik.services.pii import Category

        for f in found:
            row = t(
                "pii.audit.row",
                case=f.case_code or "—",
                field=f"{f.owner}.{f.field}",
                category=f"{f.category} ({Category(f.category).label})",
                start=f.start,
                end=f.end,
            )
            console.print(row, markup=False, highlight=False)
        info(t("pii.audit.count", count=len(found), texts=texts) if found else t("pii.audit.none"))
    if found:
        raise typer.Exit(int(ExitCode.PII_BLOCKED))


def register(app: typer.Typer) -> None:
    app.add_typer(pii_app)
