"""Trust commands: retention, audit, recovery-key; plus the passphrase-strength
and confirmation helpers that `init` and `passwd` share."""

from __future__ import annotations

import sys
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
    sql_limit,
)
from drieluik.domain.dates import format_moment
from drieluik.errors import ExitCode, InvalidInput, VaultDamaged
from drieluik.i18n import t

YesOption = Annotated[
    bool, typer.Option("--yes", "-y", help="Niet om bevestiging vragen. / Do not ask to confirm.")
]
AllowWeakOption = Annotated[
    bool,
    typer.Option(
        "--allow-weak",
        help="Accepteer een zwak wachtwoord zonder te vragen. / Accept a weak passphrase.",
    ),
]


def confirmed(question_key: str, refusal_key: str, *, yes: bool, **params: object) -> bool:
    """--yes, else a y/N question on a terminal; without either, refuse (exit 1)."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise InvalidInput(refusal_key)
    return confirm(t(question_key, **params))


def check_strength(passphrase: str, *, allow_weak: bool) -> None:
    """Show the estimated strength; a weak passphrase needs explicit confirmation.

    Without a terminal and without --allow-weak a weak one is refused in one line.
    """
    from drieluik.services.passphrase_strength import estimate

    strength = estimate(passphrase)
    label, bits = t(strength.label_key), round(strength.bits)
    if strength.weak and not allow_weak and not sys.stdin.isatty():
        raise InvalidInput("strength.refused", label=label, bits=bits)
    info(t("strength.line", label=label, bits=bits))
    if strength.score < 3:
        for hint in strength.hints[:2]:
            info(t(hint))
    if strength.weak and not allow_weak and not confirm(t("strength.confirm_weak")):
        raise InvalidInput("strength.refused", label=label, bits=bits)


def print_recovery_key(key: str) -> None:
    """The key alone on stdout (so it can be redirected); the advice on stderr."""
    info(t("recovery.show_once"))
    console.print(key)
    info(t("recovery.advice"))


# --- retention -----------------------------------------------------------------------


def retention(
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
    as_json: JsonOption = False,
    set_years: Annotated[
        int | None,
        typer.Option(
            "--set-years",
            help="Stel de bewaartermijn in (jaren na afsluiten). / Set the retention period.",
            show_default=False,
        ),
    ] = None,
    purge: Annotated[
        bool,
        typer.Option("--purge", help="Vernietig de casussen over de termijn. / Destroy them."),
    ] = False,
    destroyed: Annotated[
        bool,
        typer.Option(
            "--destroyed", help="Toon de vernietigingsregistraties. / Show destruction records."
        ),
    ] = False,
    yes: YesOption = False,
) -> None:
    """Bewaartermijn: casussen over de termijn tonen of vernietigen. / Retention period."""
    from drieluik.services import retention as service

    if sum((set_years is not None, purge, destroyed)) > 1:
        raise InvalidInput("retention.options_conflict")
    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        if set_years is not None:
            service.set_retention_years(opened, set_years)
            if as_json:
                print_json({"retention_years": set_years})
            else:
                console.print(t("retention.set", years=set_years))
            return
        if destroyed:
            _show_destroyed(service.destruction_records(opened), as_json)
            return
        years = service.retention_years(opened)
        due = service.due_cases(opened)
        if not purge:
            _show_due(years, due, as_json)
            return
        if not due:
            if as_json:
                print_json({"retention_years": years, "destroyed": []})
            else:
                console.print(t("retention.none_due"))
            return
        if not as_json:
            _show_due(years, due, as_json=False, hint=False)
        if not confirmed("retention.confirm", "retention.confirm_needed", yes=yes, count=len(due)):
            console.print(t("retention.cancelled"))
            return
        done = service.purge(opened, codes=[c.code for c in due])
    if as_json:
        print_json({"retention_years": years, "destroyed": [d.as_json() for d in done]})
    else:
        rows = sum(d.rows_deleted for d in done)
        console.print(t("retention.purged", count=len(done), rows=rows))
    info(t("retention.backups"))


def _show_due(years, due, as_json: bool, *, hint: bool = True) -> None:
    if as_json:
        print_json({"retention_years": years, "due": [c.as_json() for c in due]})
        return
    console.print(t("retention.period", years=years))
    if not due:
        console.print(t("retention.none_due"))
        return
    console.print(t("retention.due_header", count=len(due)))
    for case in due:
        console.print(
            "  "
            + t(
                "retention.due_row",
                code=case.code,
                signal=case.signal_date.isoformat(),
                closed=case.closed_date.isoformat(),
                since=case.due_since.isoformat(),
            )
        )
    if hint:
        info(t("retention.purge_hint"))


def _show_destroyed(records, as_json: bool) -> None:
    if as_json:
        print_json({"destroyed": [r.as_json() for r in records]})
        return
    console.print(t("retention.destroyed_header", count=len(records)))
    for record in records:
        console.print(
            "  "
            + t(
                "retention.destroyed_row",
                code=record.case_code,
                signal=record.signal_date.isoformat() if record.signal_date else "?",
                closed=record.closed_date.isoformat() if record.closed_date else "?",
                at=format_moment(record.destroyed_at),
                rows=record.rows_deleted,
            )
        )


# --- audit ---------------------------------------------------------------------------


def audit(
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
    as_json: JsonOption = False,
    verify: Annotated[
        bool,
        typer.Option(
            "--verify",
            help="Controleer de hash-keten (exit 7 als hij gebroken is). / Verify the chain.",
        ),
    ] = False,
    limit: Annotated[
        int | None,
        typer.Option("--limit", help="Alleen de laatste N regels. / Only the last N entries."),
    ] = None,
) -> None:
    """Logboek: wie deed wat met welke casus (nooit inhoud). / The audit trail."""
    from drieluik.services import audit as service

    if limit is not None and limit < 1:
        raise InvalidInput("audit.limit_invalid")
    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        if verify:
            result = service.verify_chain(opened)
        else:
            entries = service.list_entries(opened, limit=sql_limit(limit))
    if not verify:
        _show_entries(entries, as_json)
        return
    if as_json:
        print_json(result.as_json())
        if not result.ok:
            raise typer.Exit(int(ExitCode.DAMAGED))
        return
    if result.ok:
        console.print(t("audit.intact", count=result.entries, head=result.head_hash))
        info(t("audit.head_advice"))
        return
    problem = t(f"audit.problem.{result.problem}")
    if result.first_broken_id is not None:
        raise VaultDamaged(
            "audit.broken_entry", id=result.first_broken_id, problem=problem, count=result.entries
        )
    raise VaultDamaged("audit.broken_head", problem=problem, count=result.entries)


def _show_entries(entries, as_json: bool) -> None:
    if as_json:
        print_json([e.as_json() for e in entries])
        return
    if not entries:
        console.print(t("audit.empty"))
        return
    for entry in entries:
        moment = format_moment(entry.at) if entry.at else "????-??-?? ??:??"
        console.print(
            f"{entry.id:>6}  {moment}  {entry.os_user:<12}  {entry.key_slot or '-':<16}  "
            f"{entry.action:<18}  {entry.case_code or ''}".rstrip()
        )


# --- recovery key --------------------------------------------------------------------


def recovery_key(
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
    yes: YesOption = False,
) -> None:
    """Maak een herstelsleutel (vervangt een oude). / Create a recovery key (replaces one)."""
    from drieluik.services import audit as audit_service
    from drieluik.store import recovery

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        replacing = opened.has_recovery_key()
        if replacing and not confirmed(
            "recovery.replace_confirm", "recovery.replace_needed", yes=yes
        ):
            console.print(t("recovery.kept"))
            return
        key = recovery.generate()
        # Logged in memory first, so the one save of the new slot carries it.
        with opened.transaction(persist=False) as session:
            action = "recovery_key.replace" if replacing else "recovery_key.set"
            audit_service.record(session, action)
        opened.set_recovery_key(key)
    print_recovery_key(key)
    info(t("recovery.set"))


def register(app: typer.Typer) -> None:
    app.command()(retention)
    app.command()(audit)
    app.command("recovery-key")(recovery_key)
