"""The figures page as plain data: titles, totals, tables, the years, footnotes.

Every label is in the reader's language when the page is built; renderers
only lay it out. Where the region shows (the municipalities, the region's
name), it comes from the report (`AnnualReport.region`, `.municipalities`:
the vault's region profile for that year).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from drieluik.domain.dates import MIN_YEAR
from drieluik.domain.region import UNKNOWN
from drieluik.domain.vocabulary import ExploitationForm
from drieluik.i18n import t
from drieluik.services import report
from drieluik.services.report import AnnualReport, CountingRules
from drieluik.store.vault import Vault

# Earlier years on the page, besides the year itself (the "opnieuw een
# stijging" of the report needs at least two).
YEARS_BACK = 4


@dataclass(frozen=True)
class PageRow:
    label: str
    value: int
    previous: int | None  # None: no previous year to compare with

    @property
    def change(self) -> str:
        return "" if self.previous is None else report.change_text(self.value, self.previous)


@dataclass(frozen=True)
class PageTable:
    key: str  # the JSON key of the figures it shows
    title: str
    column: str
    rows: tuple[PageRow, ...]
    note: str = ""  # a line under the table

    @property
    def peak(self) -> int:
        """The longest bar: one scale across both years."""
        return max([r.value for r in self.rows] + [r.previous or 0 for r in self.rows] + [0])


@dataclass(frozen=True)
class YearPoint:
    year: int
    total: int
    by_form: tuple[int, ...]  # in `FiguresPage.form_columns` order


@dataclass(frozen=True)
class FiguresPage:
    year: int
    previous_year: int | None  # the year compared with, None if it has no figures
    title: str
    subtitle: str
    totals: tuple[tuple[str, str], ...]  # (label, value with its change)
    # Signals per form, municipality, reporter and month, in that order. The
    # decisions are management figures, not the report's: `drieluik report`'s
    # table, json and csv have them, and the statistics screen.
    tables: tuple[PageTable, ...]
    years_title: str
    years: tuple[YearPoint, ...]  # oldest first, the page's year last
    year_columns: tuple[str, ...]  # header of the years table
    trend: str  # the sentence behind "opnieuw een stijging"
    footnotes: tuple[str, ...]
    unknown_values: int = 0  # forms and municipalities counted as `onbekend`

    def table(self, key: str) -> PageTable:
        return next(table for table in self.tables if table.key == key)

    def year_changes(self) -> list[str]:
        """Each year's change against the year before it ("" for the first on the
        page, or after a year without figures)."""
        changes = [""]
        for before, now in zip(self.years, self.years[1:], strict=False):
            consecutive = now.year - before.year == 1
            changes.append(report.change_text(now.total, before.total) if consecutive else "")
        return changes


def load_page(
    vault: Vault, year: int, rules: CountingRules = report.REPORT_RULES_2023
) -> FiguresPage:
    """The page of `year` from the vault, every year counted under the same `rules`."""
    first = max(MIN_YEAR, year - YEARS_BACK)
    reports = [report.annual_report(vault, y, rules) for y in range(first, year + 1)]
    return build_page(reports[-1], reports[-2] if len(reports) > 1 else None, reports[:-1])


def build_page(
    current: AnnualReport,
    previous: AnnualReport | None = None,
    earlier: Sequence[AnnualReport] = (),
) -> FiguresPage:
    """The page for `current`; `earlier` are the years before it, oldest first."""
    prev = report.comparable(previous)
    year = current.year
    prev_year = year - 1
    sections = {s.key: s for s in report.sections(current, prev)}

    def rows(
        key: str, keep: Callable[[tuple[int, int | None]], bool] = lambda row: True
    ) -> tuple[PageRow, ...]:
        return tuple(
            PageRow(label, mine, theirs)
            for _, label, mine, theirs in sections[key].rows
            if keep((mine, theirs))
        )

    def table(key: str, found: tuple[PageRow, ...], note: str = "") -> PageTable:
        section = sections[key]
        return PageTable(key, section.title, section.column, found, note)

    # All the region's municipalities with their zeros, then outside the
    # region when anything came from there, then unknown.
    places = dict(
        (k, PageRow(label, mine, theirs))
        for k, label, mine, theirs in sections["by_municipality"].rows
    )
    # The year's municipalities (renames followed), then any other name that
    # counted in either year (a municipality added later), outside, unknown.
    outside = places.get(current.outside)
    special = (current.outside, UNKNOWN)
    listed = [m for m in current.municipalities if m in places] or [
        k for k in places if k not in special
    ]
    others = [
        k
        for k, row in places.items()
        if k not in listed and k not in special and (row.value or row.previous)
    ]
    municipality_rows = (
        tuple(places[m] for m in (*listed, *others))
        + ((outside,) if outside and (outside.value or outside.previous) else ())
        + ((places[UNKNOWN],) if UNKNOWN in places else ())
    )
    # Reporters that sent signals in either year, most signals first.
    reporters = sorted(
        rows("by_reporter", lambda r: bool(r[0] or r[1])),
        key=lambda r: (-r.value, -(r.previous or 0), r.label.casefold()),
    )
    month_note = (
        t("page.note.months_own_signals", year=year)
        if not current.rules.exclude_monitoring and current.monitoring_from_earlier
        else ""
    )
    tables = (
        table("by_form", rows("by_form")),
        table("by_municipality", municipality_rows),
        table("by_reporter", tuple(reporters)),
        table("by_month", rows("by_month"), month_note),
    )

    forms = list(ExploitationForm)
    history = [r for r in earlier if not r.is_empty and r.year < year] + [current]
    years = tuple(
        YearPoint(r.year, r.total, tuple(r.by_form.get(f.value, 0) for f in forms)) for r in history
    )
    totals = (
        (
            t("report.total"),
            report.with_change(current.total, prev.total if prev else None, prev_year),
        ),
        (
            t("report.in_monitoring"),
            report.with_change(
                current.in_monitoring_at_year_end,
                prev.in_monitoring_at_year_end if prev else None,
                prev_year,
            ),
        ),
    )
    return FiguresPage(
        year=year,
        previous_year=prev_year if prev else None,
        title=t("report.title", year=year),
        subtitle=t(f"page.subtitle.{current.region_area}", region=current.region),
        totals=totals,
        tables=tables,
        years_title=t("page.years.title"),
        years=years,
        year_columns=(
            t("page.years.year"),
            t("report.total"),
            t("report.column.change"),
            *(t(f"page.form_short.{f.name.lower()}") for f in forms),
        ),
        trend=trend_sentence(years),
        footnotes=footnotes(current),
        unknown_values=current.unknown_values,
    )


def trend_sentence(years: Sequence[YearPoint]) -> str:
    """ "Opnieuw een stijging: 67 nieuwe signalen in 2023, 55 in 2022 (+12)." and the like."""
    if len(years) < 2:
        return t("page.trend.alone", n=years[-1].total, year=years[-1].year)
    now, before = years[-1], years[-2]
    if now.year - before.year != 1:
        return t("page.trend.alone", n=now.total, year=now.year)
    rising = 1
    for later, earlier in zip(years[::-1][1:], years[::-1][2:], strict=False):
        if later.year - earlier.year != 1 or later.total <= earlier.total:
            break
        rising += 1
    if now.total > before.total:
        key = "page.trend.up_again" if rising > 1 else "page.trend.up"
    elif now.total < before.total:
        key = "page.trend.down"
    else:
        key = "page.trend.same"
    return t(
        key,
        n=now.total,
        year=now.year,
        before=before.total,
        previous_year=before.year,
        change=report.change_text(now.total, before.total),
        years=rising,
    )


def footnotes(current: AnnualReport) -> tuple[str, ...]:
    """The counting rules the page used, in the words of the annual report."""
    rules, year = current.rules, current.year
    notes = [t(f"page.rule.date_{rules.date_basis.value}", year=year)]
    if rules.exclude_riec:
        notes.append(t("page.rule.riec_left_out", n=current.riec_left_out))
    else:
        notes.append(t("page.rule.riec_counted"))
    if rules.exclude_monitoring:
        notes.append(t("page.rule.monitoring_left_out", n=current.monitoring_from_earlier))
    else:
        notes.append(
            t("page.rule.monitoring_counted", n=current.monitoring_from_earlier, year=year)
        )
    notes.append(t("page.rule.same_rules_every_year"))
    notes.append(t("report.definitions"))
    return tuple(notes)
