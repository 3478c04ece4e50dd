"""Meetings on the command line: `meeting new|show|reopen`, `agenda`, `meetings`.

`drieluik agenda` without a date shows the next meeting that has not been
held (today or later); when none is planned it shows the PROPOSED agenda for
a week from today (or the first week after that without a meeting), without
creating anything. With a date it shows that meeting's agenda, or the
proposal for that date when there is no meeting yet.

A meeting's state is one vocabulary (`MeetingState`): gepland, bezig,
afgerond, heropend; the JSON carries its value, the text its label.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from drieluik.cli.cases import fitted_table, parse_option_date
from drieluik.cli.common import (
    AcceptPersonalDataOption,
    JsonOption,
    PassphraseFileOption,
    RecoveryKeyFileOption,
    RedactOption,
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
        "state": meeting.state.value if meeting is not None else None,
        "finished": bool(meeting is not None and meeting.finished),
        "attending": list(meeting.attending) if meeting is not None else [],
        "planned_seconds": meeting.planned_seconds if meeting is not None else 0,
        "seconds_spent": meeting.seconds_spent if meeting is not None else 0,
        "items": [
            {
                "position": position,
                "code": item.case.code,
                "reason": item.reason.value,
                "datum": item.case.signal_date.isoformat(),
                "vorm": item.case.form.value,
                "gemeente": item.case.municipality,
                "status": item.case.status.value,
                "discussed": bool(getattr(item, "discussed", False)),
                "carried_over": bool(getattr(item, "carried_over", False)),
                "planned_seconds": int(getattr(item, "planned_seconds", 0)),
                "seconds_spent": int(getattr(item, "seconds_spent", 0)),
            }
            for position, item in enumerate(items, start=1)
        ],
    }


def _print_agenda(title: str, items: list[Any], *, times: bool = False) -> None:
    from rich.text import Text

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
        row: list[object] = [
            position,
            item.case.code,
            item.reason.label,
            item.case.form.value,
            item.case.municipality,
            mark,
        ]
        if times:
            row.append(f"{_clock(item.seconds_spent)}/{_clock(item.planned_seconds)}")
        rows.append(row)
    columns = [
        "#",
        t("cli.col.code"),
        t("cli.col.reason"),
        t("cli.col.form"),
        t("cli.col.municipality"),
        "",
    ]
    if times:
        columns.append(t("cli.col.time"))
    table = fitted_table(columns, rows, flexible=4)
    console.print(table)


def _meeting_title(meeting: Any) -> str:
    title = t("cli.agenda.title", date=meeting.meeting_date.isoformat(), count=len(meeting.items))
    title += " " + t("cli.agenda.state", state=meeting.state.label)
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
    accept_personal_data: AcceptPersonalDataOption = False,
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
        meeting = meetings.create_meeting(
            opened, day, org or [], accept_personal_data=accept_personal_data
        )
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
                # Not a date that already has a (closed) meeting: `meeting new` would fail.
                day = meetings.proposal_date(opened, date.today())
        else:
            try:
                meeting = meetings.get_meeting(opened, day)
            except InvalidInput:
                meeting = None
        # Without a meeting there is a day: the proposal's (see above).
        proposing = day if meeting is None else None
        proposal = meetings.propose_agenda(opened, proposing) if proposing else []
        note = meetings.proposal_note(opened, proposing) if proposing else None
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
    from drieluik.domain.vocabulary import MeetingState
    from drieluik.services import meetings

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        rows_found = meetings.meeting_summaries(opened)
    if as_json:
        print_json(
            [
                {
                    "id": row.id,
                    "date": row.meeting_date.isoformat(),
                    "items": row.items,
                    "state": row.state.value,
                    "finished": row.state is MeetingState.AFGEROND,
                }
                for row in rows_found
            ]
        )
        return
    if not rows_found:
        console.print(t("cli.meetings.none"))
        return
    rows = [[row.meeting_date.isoformat(), row.items, row.state.label] for row in rows_found]
    table = fitted_table(
        [t("cli.col.date"), t("cli.col.items"), t("cli.col.status")], rows, flexible=2
    )
    console.print(table)


MeetingArgument = Annotated[
    str,
    typer.Argument(
        help="Het overleg: datum (2024-03-14 of 14-03-2024) of nummer. / The meeting: date or id.",
        metavar="DATUM",
        show_default=False,
    ),
]


def _clock(seconds: int) -> str:
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes}:{secs:02d}"


def show(
    meeting_ref: MeetingArgument,
    as_json: JsonOption = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Toon een overleg: status, agenda en tijden. / Show a meeting: state, agenda, times."""
    from drieluik.services import meetings

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        meeting = meetings.get_meeting(opened, meeting_ref)
    if as_json:
        print_json(_agenda_json(meeting.meeting_date, list(meeting.items), meeting=meeting))
        return
    _print_agenda(_meeting_title(meeting), list(meeting.items), times=True)
    console.print(
        t(
            "cli.meeting.times",
            spent=_clock(meeting.seconds_spent),
            planned=_clock(meeting.planned_seconds),
        )
    )


def reopen(
    meeting_ref: MeetingArgument,
    reason: Annotated[
        str,
        typer.Option(
            "--reason",
            help="Waarom het overleg weer open gaat (geen namen). / Why it is reopened (no names).",
            show_default=False,
        ),
    ],
    accept_personal_data: AcceptPersonalDataOption = False,
    redact: RedactOption = False,
    vault: VaultOption = None,
    passphrase_file: PassphraseFileOption = None,
    recovery_key_file: RecoveryKeyFileOption = None,
) -> None:
    """Heropen een afgerond overleg, met een reden. / Reopen a closed meeting, with a reason.

    De reden komt in het auditlogboek en in de geschiedenis van elke casus van het
    overleg. Na opnieuw afronden wordt een nieuwe versie van het verslag vastgelegd. /
    The reason goes into the audit trail and each case's history; closing again
    freezes a new version of the minutes.
    """
    from drieluik.services import meetings

    with opened_vault(vault, passphrase_file, recovery_key_file) as opened:
        meeting = meetings.reopen_meeting(
            opened, meeting_ref, reason, accept_personal_data=accept_personal_data, redact=redact
        )
    console.print(t("cli.meeting.reopened", date=meeting.meeting_date.isoformat()))


def register(app: typer.Typer) -> None:
    meeting_app.command("new")(new)
    meeting_app.command("show")(show)
    meeting_app.command("reopen")(reopen)
    app.add_typer(meeting_app, name="meeting")
    app.command("agenda")(agenda)
    app.command("meetings")(list_meetings_command)
