"""The annual figures (jaarcijfers) for the annual report on human trafficking.

What is counted, and by which date (`CountingRules`, set per report; the
defaults are those of the annual report 2023, and every page states the rules
it used in a footnote):

- **Signals** (total, per form, municipality, reporter and month) count every
  case whose *signal date* falls in the calendar year. A stored form or
  municipality that is not in the vocabulary counts as `onbekend`.
- **Municipalities** are those of the vault's region profile in force on 31
  December of the year, in the profile's order, zeros included, then
  "buiten <regio>" and `onbekend`. A case counts under the name in force then:
  after a rename or merger dated in or before the year, a case stored with the
  old name counts under the new one; earlier years keep the old names
  (`RegionProfile.name_in_year`).
- **RIEC-registered cases** are left out by default ("De bij het riec
  aangemelde casussen zijn hierin niet meegenomen"): a case with an
  `inbreng RIEC` decision, or whose status is `ingebracht_riec` (an import
  or a status change), as known when the report is made. The organised-crime
  flag alone does not count as registered: it is a reason to consider the
  RIEC, not the registration.
- **Long-term monitoring from earlier years** is left out by default ("Ook
  casuïstiek welke langere tijd gemonitord is, is niet meegenomen"): cases
  signalled before the year that were in monitoring when it began (the
  "in monitoring at year end" rule below, applied to the previous year).
  Included, they count in the total, forms, municipalities and reporters;
  the months show signal dates, so only the year's own signals.
- **Decisions** count by the local calendar date on which they were recorded
  (`created_at` in the laptop's time zone) within the year.
- **In monitoring at year end**: cases signalled on or before 31 December,
  not closed on or before that day, whose last decision recorded on or
  before it was `monitoring`. A case without any recorded decision counts
  when its status now is `monitoring` (its status came from an import or a
  status change, whose date is not kept). For the running year this is "in
  monitoring now". It is an approximation: a status changed by hand after a
  monitoring decision is not seen.

Every count is one SQL GROUP BY over an indexed range; nothing loops over rows
in Python (budget: ≤ 200 ms at 100,000 cases).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import text as sql_text

from drieluik.domain.dates import (
    check_year as check_year,  # re-exported: the CLI checks a year here
)
from drieluik.domain.region import UNKNOWN, RegionProfile
from drieluik.domain.vocabulary import (
    CaseStatus,
    DecisionKind,
    ExploitationForm,
)
from drieluik.i18n import t
from drieluik.services import region
from drieluik.services.export_file import write_export
from drieluik.store.vault import Vault


class DateBasis(StrEnum):
    """Which date puts a case in a year. Only the signal date today; a named
    rule so the footnote can say it and a later basis has its place."""

    SIGNAL = "signal"


@dataclass(frozen=True)
class CountingRules:
    """What a report counts; the defaults follow the annual report 2023."""

    date_basis: DateBasis = DateBasis.SIGNAL
    exclude_riec: bool = True
    exclude_monitoring: bool = True

    def as_json(self) -> dict[str, object]:
        return {
            "date_basis": self.date_basis.value,
            "exclude_riec": self.exclude_riec,
            "exclude_monitoring": self.exclude_monitoring,
        }


REPORT_RULES_2023 = CountingRules()


@dataclass(frozen=True)
class AnnualReport:
    """The figures of one calendar year; every category present, zeros included."""

    year: int
    total: int
    by_form: dict[str, int]
    by_municipality: dict[str, int]
    by_reporter: dict[str, int]
    by_month: dict[str, int]
    decisions: dict[str, int]
    in_monitoring_at_year_end: int
    # Forms and municipalities as stored that were not in the vocabulary.
    unknown_values: int = field(default=0, compare=False)
    rules: CountingRules = field(default=REPORT_RULES_2023, compare=False)
    # Signals of the year left out because the case is registered at the RIEC
    # (0 when the rules include them).
    riec_left_out: int = field(default=0, compare=False)
    # Cases from earlier years in monitoring when the year began: left out or
    # counted, as the rules say.
    monitoring_from_earlier: int = field(default=0, compare=False)
    # The vault's region (its profile): the name on the page, the year's
    # municipalities in report order, "buiten <regio>", the usual reporters.
    region: str = field(default="Drenthe", compare=False)
    region_area: str = field(default="provincie", compare=False)  # or "regio"
    municipalities: tuple[str, ...] = field(default=(), compare=False)
    outside: str = field(default="buiten Drenthe", compare=False)
    known_reporters: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_empty(self) -> bool:
        """Nothing recorded for this year (no comparison is shown against it)."""
        return self.total == 0 and not any(self.decisions.values())

    def as_json(self) -> dict[str, object]:
        """The stable JSON shape of `drieluik report --format json`."""
        return {
            "year": self.year,
            "total": self.total,
            "by_form": dict(self.by_form),
            "by_municipality": dict(self.by_municipality),
            "by_reporter": dict(self.by_reporter),
            "by_month": dict(self.by_month),
            "decisions": dict(self.decisions),
            "in_monitoring_at_year_end": self.in_monitoring_at_year_end,
            "rules": self.rules.as_json(),
            "riec_left_out": self.riec_left_out,
            "monitoring_from_earlier": self.monitoring_from_earlier,
        }


def _utc_text(moment: datetime) -> str:
    """A moment as SQLAlchemy stores DateTime in SQLite (UTC, no offset)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def year_bounds(year: int) -> tuple[str, str]:
    """The year in local time as stored UTC moments: [start, end)."""
    start = datetime(year, 1, 1).astimezone()  # local midnight, with its offset
    end = datetime(year + 1, 1, 1).astimezone()
    return _utc_text(start), _utc_text(end)


_GROUPED = """
SELECT {key}, count(*) FROM cases
WHERE signal_date >= :first AND signal_date <= :last {riec}
GROUP BY 1
"""

_COMBINED = """
SELECT form, municipality, reporter, count(*) FROM cases
WHERE ((signal_date >= :first AND signal_date <= :last) {earlier}) {riec}
GROUP BY form, municipality, reporter
"""

# A case registered at the RIEC: its status says so, or it has the decision.
_IS_RIEC = """(cases.status = :riec_status OR EXISTS (
    SELECT 1 FROM decisions r WHERE r.case_id = cases.id AND r.kind = :riec_kind))"""

_RIEC_LEFT_OUT = """
SELECT count(*) FROM cases
WHERE signal_date >= :first AND signal_date <= :last AND {is_riec}
"""

# Seven range seeks on ix_decisions_kind_created (one per kind).
_DECISIONS = """
SELECT kind, count(*) FROM decisions
WHERE kind IN ({kinds}) AND created_at >= :start AND created_at < :end
GROUP BY kind
"""

# Cases with a monitoring decision before the year ended whose last decision
# before then (created_at, then id) was monitoring; ix_decisions_kind_created
# finds the candidates, ix_decisions_case_created their last decision.
_MONITORING_BY_DECISION = """
SELECT c.id FROM cases c
WHERE c.id IN (SELECT case_id FROM decisions WHERE kind = :monitoring AND created_at < :end)
  AND c.signal_date <= :last
  AND (c.closed_date IS NULL OR c.closed_date > :last)
  AND (SELECT kind FROM decisions d WHERE d.case_id = c.id AND d.created_at < :end
       ORDER BY d.created_at DESC, d.id DESC LIMIT 1) = :monitoring
"""

# Cases in monitoring now that never had a decision (imported or set by hand).
_MONITORING_WITHOUT_DECISION = """
SELECT c.id FROM cases c
WHERE c.status = :monitoring_status
  AND c.signal_date <= :last
  AND (c.closed_date IS NULL OR c.closed_date > :last)
  AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.case_id = c.id)
"""


def _ids_in_monitoring(suffix: str) -> str:
    """Ids of the cases in monitoring at the end of a year, its parameters renamed."""
    return " UNION ".join(
        query.replace(":end", f":end{suffix}").replace(":last", f":last{suffix}")
        for query in (_MONITORING_BY_DECISION, _MONITORING_WITHOUT_DECISION)
    )


def annual_report(
    vault: Vault, year: int, rules: CountingRules = REPORT_RULES_2023
) -> AnnualReport:
    """The figures of calendar year `year` under `rules` (see the module docstring)."""
    check_year(year)
    first, last = date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    start, end = year_bounds(year)
    monitoring = {
        "end": end,
        "last": last,
        # In monitoring when the year began = at the end of the year before.
        "end_before": start,
        "last_before": date(year - 1, 12, 31).isoformat(),
        "monitoring": DecisionKind.MONITORING.value,
        "monitoring_status": CaseStatus.MONITORING.value,
    }
    riec = {
        "riec_status": CaseStatus.INGEBRACHT_RIEC.value,
        "riec_kind": DecisionKind.INBRENG_RIEC.value,
    }
    span = {"first": first, "last": last, **riec}
    not_riec = f"AND NOT {_IS_RIEC}" if rules.exclude_riec else ""
    earlier_ids = _ids_in_monitoring("_before")
    earlier = "" if rules.exclude_monitoring else f"OR cases.id IN ({earlier_ids})"
    with vault.session() as session:
        profile = region.read(session)

        def grouped(key: str) -> list[tuple[str, int]]:
            query = _GROUPED.format(key=key, riec=not_riec)
            return [tuple(r) for r in session.execute(sql_text(query), span)]

        def scalar(query: str, params: Mapping[str, object]) -> int:
            return int(session.execute(sql_text(query), params).scalar_one())

        # One pass for three dimensions: at most 5 × 14 × (reporters) groups,
        # summed per dimension below (a third of the time of three queries).
        combined = session.execute(
            sql_text(_COMBINED.format(earlier=earlier, riec=not_riec)), span | monitoring
        ).all()
        months = grouped("substr(signal_date, 6, 2)")
        kinds = {f"kind{i}": kind.value for i, kind in enumerate(DecisionKind)}
        decisions = [
            tuple(r)
            for r in session.execute(
                sql_text(_DECISIONS.format(kinds=", ".join(f":{k}" for k in kinds))),
                {"start": start, "end": end, **kinds},
            )
        ]
        in_monitoring = scalar(
            f"SELECT count(*) FROM ({_ids_in_monitoring('')})", monitoring | {"end": end}
        )
        riec_left_out = (
            scalar(_RIEC_LEFT_OUT.format(is_riec=_IS_RIEC), span) if rules.exclude_riec else 0
        )
        from_earlier = scalar(
            f"SELECT count(*) FROM cases WHERE cases.id IN ({earlier_ids}) {not_riec}",
            monitoring | riec,
        )

    by_form, unknown_forms = _fold_into(
        [(f, n) for f, _, _, n in combined], [f.value for f in ExploitationForm], "onbekend"
    )
    by_municipality, unknown_places = _by_municipality(
        profile, year, [(m, n) for _, m, _, n in combined]
    )
    by_reporter = dict.fromkeys(profile.reporters, 0)
    for _, _, name, count in sorted(combined, key=lambda r: str(r[2]).casefold()):
        by_reporter[name] = by_reporter.get(name, 0) + count
    month_counts = dict(months)
    by_month = {f"{year}-{m:02d}": month_counts.get(f"{m:02d}", 0) for m in range(1, 13)}
    decision_counts = dict(decisions)
    by_kind = {kind.value: decision_counts.get(kind.value, 0) for kind in DecisionKind}
    return AnnualReport(
        year=year,
        total=sum(by_form.values()),
        by_form=by_form,
        by_municipality=by_municipality,
        by_reporter=by_reporter,
        by_month=by_month,
        decisions=by_kind,
        in_monitoring_at_year_end=in_monitoring,
        unknown_values=unknown_forms + unknown_places,
        rules=rules,
        riec_left_out=riec_left_out,
        monitoring_from_earlier=from_earlier,
        region=profile.name,
        region_area=profile.area,
        municipalities=profile.names_in_year(year),
        outside=profile.outside,
        known_reporters=profile.reporters,
    )


def _by_municipality(
    profile: RegionProfile, year: int, rows: list[tuple[str, int]]
) -> tuple[dict[str, int], int]:
    """Counts under the names in force at the end of `year` (renames followed),
    every municipality of that year with its zero; a name the profile does not
    know counts as `onbekend`."""
    counts = dict.fromkeys((*profile.names_in_year(year), profile.outside, UNKNOWN), 0)
    strays = 0
    for stored, count in rows:
        name = profile.name_in_year(stored, year)
        if name not in counts and profile.entry(name) is not None:
            counts[name] = 0  # a name the year's list lacks (added later): still shown
        if name in counts:
            counts[name] += count
        else:
            counts[UNKNOWN] += count
            strays += count
    return counts, strays


def _fold_into(
    rows: list[tuple[str, int]], keys: list[str], unknown: str
) -> tuple[dict[str, int], int]:
    """Counts per key in `keys` order; values outside `keys` count as `unknown`."""
    counts = dict.fromkeys(keys, 0)
    strays = 0
    for value, count in rows:
        if value in counts:
            counts[value] += count
        else:
            counts[unknown] += count
            strays += count
    return counts, strays


# --- presenting ------------------------------------------------------------------


def change_text(current: int, previous: int) -> str:
    """+12, -3 or 0: the change against the previous year."""
    delta = current - previous
    return f"{delta:+d}" if delta else "0"


def comparable(previous: AnnualReport | None) -> AnnualReport | None:
    """The previous year's report if it has anything to compare with."""
    return previous if previous is not None and not previous.is_empty else None


def with_change(current: int, previous: int | None, previous_year: int) -> str:
    """ "67 (+12 t.o.v. 2022)", or "67" when there is nothing to compare with."""
    if previous is None:
        return str(current)
    return t(
        "report.with_change", n=current, change=change_text(current, previous), year=previous_year
    )


@dataclass(frozen=True)
class Section:
    """One table of the report: rows of (key, label, this year, previous year or None)."""

    key: str  # the JSON key
    title: str
    column: str
    rows: tuple[tuple[str, str, int, int | None], ...]


def sections(report: AnnualReport, previous: AnnualReport | None = None) -> list[Section]:
    """The report's tables in order, labels in the current language.

    The previous year's column is None when `previous` has nothing to compare.
    """
    prev = comparable(previous)

    def rows(
        key: str, label: Callable[[str], str] = str
    ) -> tuple[tuple[str, str, int, int | None], ...]:
        mine: dict[str, int] = getattr(report, key)
        theirs: dict[str, int] | None = getattr(prev, key) if prev else None
        if key == "by_month" and theirs is not None:
            theirs = {f"{report.year}-{k[5:]}": v for k, v in theirs.items()}
        keys = list(mine) + [k for k in (theirs or {}) if k not in mine]
        return tuple(
            (k, label(k), mine.get(k, 0), None if theirs is None else theirs.get(k, 0))
            for k in keys
        )

    reporters = tuple(
        # Reporters outside the known list appear only in a year they sent signals.
        r
        for r in rows("by_reporter")
        if r[0] in report.known_reporters or r[2] or r[3]
    )
    return [
        Section(
            "by_form",
            t("report.section.by_form"),
            t("report.column.form"),
            rows("by_form", lambda k: ExploitationForm(k).label),
        ),
        Section(
            "by_municipality",
            t("report.section.by_municipality"),
            t("report.column.municipality"),
            rows("by_municipality"),
        ),
        Section(
            "by_reporter", t("report.section.by_reporter"), t("report.column.reporter"), reporters
        ),
        Section(
            "by_month",
            t("report.section.by_month"),
            t("report.column.month"),
            rows("by_month", lambda k: month_label(int(k[5:]))),
        ),
        Section(
            "decisions",
            t("report.section.decisions"),
            t("report.column.decision"),
            rows("decisions"),
        ),
    ]


def month_label(month: int) -> str:
    return t(f"report.month.{month:02d}")


def _cell(text: str) -> str:
    """A category (a reporter's name is free text) that a spreadsheet shows, never runs.

    Excel and LibreOffice treat a cell starting with = + - @ (or a tab or CR
    before one) as a formula; a leading apostrophe keeps it text (OWASP's advice
    against CSV injection).
    """
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(
    report: AnnualReport, previous: AnnualReport | None = None, *, delimiter: str = ","
) -> str:
    """Long-format CSV for a spreadsheet: section, category, this year, previous year.

    The header and the section column are in the user's language (a chair
    reads them in Excel); categories are the stored codes, as in the JSON.
    Months are "2023-01" … "2023-12", text that Excel keeps as a month (a bare
    "01" became the number 1); the previous year's column is the same month a
    year earlier.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    prev_year = report.year - 1
    writer.writerow(
        [t("report.csv.section"), t("report.csv.category"), str(report.year), str(prev_year)]
    )

    def prev_of(value: int | None) -> str:
        return "" if previous is None else str(value if value is not None else 0)

    total = previous.total if previous else None
    writer.writerow([t("report.total"), "", report.total, prev_of(total)])
    for key in ("by_form", "by_municipality", "by_reporter", "by_month", "decisions"):
        mine: dict[str, int] = getattr(report, key)
        theirs: dict[str, int] = getattr(previous, key) if previous else {}
        if key == "by_month":  # both years under this year's "YYYY-MM"
            theirs = {f"{report.year}{k[4:]}": v for k, v in theirs.items()}
        section = t(f"report.section.{key}")
        for category in list(mine) + [k for k in theirs if k not in mine]:
            row = [section, _cell(category), mine.get(category, 0), prev_of(theirs.get(category))]
            writer.writerow(row)
    monitoring = previous.in_monitoring_at_year_end if previous else None
    writer.writerow(
        [t("report.in_monitoring"), "", report.in_monitoring_at_year_end, prev_of(monitoring)]
    )
    return out.getvalue()


def save_report(vault: Vault, out: Path, data: bytes, *, force: bool = False) -> Path:
    """Write a rendered report to `out` atomically; refuse to replace a file unless `force`.

    The figures leave the vault, so the export is recorded in the audit trail
    (without contents, like every audit entry).
    """
    out = Path(out)
    write_export(vault, out, data, force=force, action="report.export")
    return out
