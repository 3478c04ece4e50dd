"""Meetings on the command line: `meeting new`, `agenda`, `meetings`.

`drieluik agenda` without a date shows the next meeting that has not been
held (today or later); when none is planned it shows the PROPOSED agenda for
a week from today, without creating anything. With a date it shows that
meeting's agenda, or the proposal for that date when there is no meeting yet.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

import typer
from rich.text import Text

from drieluik.cli.cases import fitted_table, parse_option_date
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
from drieluik.i18n import t

meeting_app = typer.Typer(
    name="meeting",
    help="Een overleg voorbereiden. / Prepare a meeting.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

# Without a planned meeting, `agenda` proposes one for this many days ahead.
PROPOSAL_DAYS_AHEAD = 7


def _agenda_json(
    meeting_date: date,
    items: list[Any],
    *,
    meeting: Any = None,
) -> dict[str, object]:
    return {
        "date": meeting_date.isoformat(),
        "proposed": meeting is None,
        "meeting_id": meeting.id if meeting is not None else None,
        "finished": bool(meeting is not None and meeting.finished),
        "attending": list(meeting.attending) if meeting is not None else [],
        "items": [
            {
                "position": position,
                "code": item.case.code,
                "reason": item.reason.value,
                "datum": item.case.signal_date.isoformat(),
                "vorm": item.case.form.value,
                "gemeente": item.case.municipality.value,
                "status": item.case.status.value,
                "discussed": bool(getattr(item, "discussed", False)),
                "carried_over": bool(getattr(item, "carried_over", False)),
            }
            for position, item in enumerate(items, start=1)
        ],
    }


def _print_agenda(title: str, items: list[Any]) -> None:
    console.print(Text(title, style="bold"))
    if not items:
        console.print(t("cli.agenda.empty"))
        return
    rows: list[list[object]] = []
    for position, item in enumerate(items, start=1):
        mark = ""
        if getattr(item, "discussed", False):
            mark = "✓"
        elif getattr(item, "carried_over", False):
            mark = "→"
        rows.append(
            [
                position,
                item.case.code,
                item.reason.label,
                item.case.form.value,
                item.case.municipality.label,
                mark,
            ]
        )
    table = fitted_table(
        [
            "#",
            t("cli.col.code"),
            t("cli.col.reason"),
            t("cli.col.form"),
            t("cli.col.municipality"),
            "",
        ],
        rows,
        flexible=4,
    )
    console.print(table)


def _meeting_title(meeting: Any) -> str:
    title = t("cli.agenda.title", date=meeting.meeting_date.isoformat(), count=len(meeting.items))
    if meeting.finished:
        title += " " + t("cli.agenda.finished")
    if meeting.attending:
        title += "\n" + t("cli.agenda.attending", orgs=", ".join(meeting.attending))
    return title


def new(
    meeting_date: Annotated[
        str,
        typer.Option("--date", help="Datum van het overleg (JJJJ-MM-DD). / Meeting date."),
    ],
    org: Annotated[
        list[str] | None,
        typer.Option(
            "--org",
            help="Aanwezige organisatie (herhaalbaar; geen namen). / Attending organisation.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Maak een overleg met de voorgestelde agenda. / Create a meeting with its proposed agenda."""
    from drieluik.services import meetings

    day = parse_option_date("--date", meeting_date)
    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        note = meetings.proposal_note(opened, day)
        meeting = meetings.create_meeting(opened, day, org or [])
    if note:
        info(note)
    if as_json:
        print_json(_agenda_json(meeting.meeting_date, list(meeting.items), meeting=meeting))
        return
    console.print(t("cli.meeting.created", date=day.isoformat(), count=len(meeting.items)))
    _print_agenda(_meeting_title(meeting), list(meeting.items))


def agenda(
    meeting_date: Annotated[
        str | None,
        typer.Argument(
            help="Datum (JJJJ-MM-DD). Zonder datum: het eerstvolgende overleg, of een voorstel "
            "voor over een week. / Date; default: the next meeting, or a proposal a week ahead.",
            metavar="DATUM",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Toon de agenda van een overleg, of het voorstel. / Show a meeting's agenda or proposal."""
    from drieluik.errors import InvalidInput
    from drieluik.services import meetings

    # An empty string is a mistake (a script's unset variable), not "the next meeting".
    day = parse_option_date("DATUM", meeting_date) if meeting_date is not None else None
    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        meeting = None
        if day is None:
            meeting = meetings.next_meeting(opened, date.today())
            if meeting is None:
                day = date.today() + timedelta(days=PROPOSAL_DAYS_AHEAD)
        else:
            try:
                meeting = meetings.get_meeting(opened, day)
            except InvalidInput:
                meeting = None
        proposal = meetings.propose_agenda(opened, day) if meeting is None else []
        note = meetings.proposal_note(opened, day) if meeting is None else None
    if note and not as_json:
        info(note)
    if meeting is not None:
        items = list(meeting.items)
        if as_json:
            print_json(_agenda_json(meeting.meeting_date, items, meeting=meeting))
        else:
            _print_agenda(_meeting_title(meeting), items)
        return
    assert day is not None
    if as_json:
        print_json(_agenda_json(day, proposal))
        return
    _print_agenda(t("cli.agenda.proposal_title", date=day.isoformat()), proposal)
    console.print(t("cli.agenda.proposal_hint", date=day.isoformat()))


def list_meetings_command(
    as_json: JsonOption = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Toon alle overleggen, nieuwste eerst. / List meetings, newest first."""
    from drieluik.services import meetings

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        rows_found = meetings.list_meetings(opened)
    if as_json:
        print_json(
            [
                {"id": mid, "date": day.isoformat(), "items": count, "finished": finished}
                for mid, day, count, finished in rows_found
            ]
        )
        return
    if not rows_found:
        console.print(t("cli.meetings.none"))
        return
    today = date.today()
    rows: list[list[object]] = []
    for _, day, count, finished in rows_found:
        if finished:
            state = t("cli.meetings.finished")
        elif day < today:
            state = t("cli.meetings.not_closed")
        else:
            state = t("cli.meetings.planned")
        rows.append([day.isoformat(), count, state])
    table = fitted_table(
        [t("cli.col.date"), t("cli.col.items"), t("cli.col.status")], rows, flexible=2
    )
    console.print(table)


def register(app: typer.Typer) -> None:
    meeting_app.command("new")(new)
    app.add_typer(meeting_app, name="meeting")
    app.command("agenda")(agenda)
    app.command("meetings")(list_meetings_command)
