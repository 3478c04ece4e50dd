"""The personal-data guard over the minutes model.

`scan_minutes` runs the detector over every outgoing text field
(`Minutes.text_fields()`), and reports each finding with its place and a
masked excerpt — never the text that was found, so a listing of findings
can be shown, logged or printed without leaking what it warns about.
`redact_minutes` replaces the found spans with placeholders ([NAAM],
[TELEFOON], …) through the same walk over the model.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drieluik.i18n import t
from drieluik.services.minutes.model import FieldRef, Minutes

if TYPE_CHECKING:
    from drieluik.services.pii import Category

# The detector is imported on first use: it loads its name lists then, and
# building or rendering minutes does not need it.


@dataclass(frozen=True)
class MinutesFinding:
    """One possible piece of personal data in the minutes.

    `start`/`end` are offsets into the field's text (as in the model), so a
    screen can highlight it; `excerpt` is masked. The found text itself is
    deliberately not kept.
    """

    where: FieldRef
    category: Category
    start: int
    end: int
    excerpt: str

    @property
    def item_number(self) -> int | None:
        return self.where.item_number

    @property
    def case_code(self) -> str | None:
        return self.where.case_code

    @property
    def field(self) -> str:
        return self.where.field

    @property
    def category_label(self) -> str:
        return category_label(self.category)

    def location(self) -> str:
        """Where, for people: "agendapunt 2 (DL-2024-003), notities"."""
        return describe(self.where)

    def describe(self) -> str:
        """One line for a listing: place, category, masked excerpt."""
        return t(
            "minutes.finding",
            where=self.location(),
            category=self.category_label,
            excerpt=self.excerpt,
        )

    def as_json(self) -> dict[str, object]:
        return {
            "item": self.item_number,
            "case": self.case_code,
            "field": self.field,
            "index": self.where.index,
            "action_list": self.where.in_action_list,
            "category": self.category.value,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
        }


def category_label(category: Category) -> str:
    """The Dutch word the placeholder uses ("TELEFOON" for PHONE)."""
    from drieluik.services.pii import PLACEHOLDERS

    placeholder = PLACEHOLDERS.get(category) if isinstance(PLACEHOLDERS, dict) else None
    return placeholder.strip("[]") if placeholder else category.value


def describe(where: FieldRef) -> str:
    field = t(f"minutes.field.{where.field}")
    if where.index is not None and where.field not in ("reporter", "summary", "notes"):
        field = f"{field} {where.index}"
    if where.in_action_list:
        return t("minutes.where.action_list", code=where.case_code or "", field=field)
    if where.item_number is not None:
        return t(
            "minutes.where.item",
            number=where.item_number,
            code=where.case_code or "",
            field=field,
        )
    return field


def scan_minutes(minutes: Minutes, allow: Iterable[str] = ()) -> list[MinutesFinding]:
    """Every finding in every outgoing text of the minutes, in document order."""
    from drieluik.services.pii import mask, scan

    allowed = tuple(allow)
    found: list[MinutesFinding] = []
    for where, text in minutes.text_fields():
        if not text:
            continue
        for finding in scan(text, allow=allowed):
            found.append(
                MinutesFinding(
                    where=where,
                    category=finding.category,
                    start=finding.start,
                    end=finding.end,
                    excerpt=mask(finding.text),
                )
            )
    return found


def redact_minutes(minutes: Minutes, allow: Iterable[str] = ()) -> tuple[Minutes, int]:
    """The minutes with every finding replaced by its placeholder, and how many."""
    from drieluik.services.pii import redact, scan

    allowed = tuple(allow)
    replaced = 0

    def change(_where: FieldRef, text: str) -> str:
        nonlocal replaced
        if not text:
            return text
        findings = scan(text, allow=allowed)
        if not findings:
            return text
        replaced += len(findings)
        return redact(text, findings, allow=allowed)

    return minutes.map_texts(change), replaced
