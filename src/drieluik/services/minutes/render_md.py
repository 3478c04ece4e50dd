"""Markdown minutes: plain, diffable, the same bytes for the same minutes.

User text is copied verbatim except where it would change the document's
structure (CommonMark):
- at the start of a line: `#` (heading), a line of only `=`, `-`, `*` or `_`
  (setext underline / thematic break), ``` or ~~~ (code fence), `[…]:`
  (link definition), `+`/`-`/`*` list markers are harmless and kept;
  such a line gets a backslash in front of its first character;
- anywhere: `<` becomes `\\<` so no raw HTML or autolink is rendered;
- in table cells: `|` becomes `\\|` and line breaks become spaces.
Trailing spaces are removed (they would be hard line breaks); line ends are
"\\n"; the file ends with exactly one newline.
"""

from __future__ import annotations

import re

from drieluik.i18n import t
from drieluik.services.minutes import labels
from drieluik.services.minutes.model import Minutes, MinutesItem

_STRUCTURAL_LINE = re.compile(
    r"""^(?:
        \#                      # ATX heading
      | [=\-*_](?:\s*[=\-*_])*$ # setext underline or thematic break
      | ```|~~~                 # code fence
      | \[[^\]]*\]:             # link reference definition
      | >                       # block quote
    )""",
    re.VERBOSE,
)


def _escape_line(line: str) -> str:
    line = line.rstrip().replace("<", "\\<")
    stripped = line.lstrip(" \t")
    if _STRUCTURAL_LINE.match(stripped):
        indent = line[: len(line) - len(stripped)]
        return f"{indent}\\{stripped}"
    return line


def block(text: str, indent: str = "") -> list[str]:
    """User text as lines of a paragraph (or list item body, with `indent`)."""
    lines = [_escape_line(line) for line in text.split("\n")]
    # Blank lines inside a list item body would end the item's paragraph
    # but stay inside the item when indented; keep them, without spaces.
    return [f"{indent}{line}" if line else "" for line in _trim_blank(lines)]


def inline(text: str) -> str:
    """User text inside one line (a list entry or label)."""
    return " ".join(_escape_line(line) for line in text.split("\n") if line.strip())


def cell(text: str) -> str:
    return inline(text).replace("|", "\\|")


def _trim_blank(lines: list[str]) -> list[str]:
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _item(minutes: Minutes, item: MinutesItem, shown: int) -> list[str]:
    out = [f"### {labels.item_heading(item, shown)}", ""]
    facts = labels.item_facts(item, times=minutes.show_times)
    out += [f"- **{label}:** {inline(value)}" for label, value in facts]
    out.append("")
    out += [f"**{t('minutes.label.summary')}**", ""]
    out += block(item.summary) or [t("minutes.none.summary")]
    out.append("")
    out += [f"**{t('minutes.label.notes')}**", ""]
    if note := labels.item_state_note(minutes, item):
        out += [f"_{note}_", ""]
    out += block(item.notes) or [t("minutes.none.notes")]
    out.append("")
    out += [f"#### {t('minutes.heading.decisions')}", ""]
    if not item.decisions:
        out.append(t("minutes.none.decisions"))
    for decision in item.decisions:
        kind, details = labels.decision_head(decision)
        head = f"- **{kind}**" + (f" ({inline(details)})" if details else "")
        out.append(head)
        out += block(decision.text, indent="  ")
    out.append("")
    out += [f"#### {t('minutes.heading.actions')}", ""]
    if not item.actions:
        out.append(labels.no_actions(minutes))
    for action in item.actions:
        out.append(f"- {inline(action.description)} ({inline(labels.action_details(action))})")
    out.append("")
    return out


def render_markdown(minutes: Minutes) -> bytes:
    out = [f"# {labels.title(minutes)}", ""]
    if concept := labels.concept_note(minutes):
        out += [f"**{concept}**", ""]
    if note := labels.partner_note(minutes):
        out += [f"_{inline(note)}_", ""]
    out += [f"## {t('minutes.heading.attending')}", ""]
    if minutes.attending:
        out += [f"- {inline(name)}" for name in minutes.attending]
    else:
        out.append(t("minutes.none.attending"))
    out.append("")
    out += [f"## {t('minutes.heading.agenda')}", ""]
    if minutes.items:
        out += [
            f"{shown}. {labels.agenda_entry(item)}"
            for shown, item in enumerate(minutes.items, start=1)
        ]
    else:
        out.append(labels.no_items(minutes))
    out.append("")
    if total := labels.total_time(minutes):
        out += [total, ""]
    if minutes.items:
        out += [f"## {t('minutes.heading.items')}", ""]
        for shown, item in enumerate(minutes.items, start=1):
            out += _item(minutes, item, shown)
    out += [f"## {t('minutes.heading.action_list')}", ""]
    if minutes.action_list:
        columns = labels.action_columns()
        out.append("| " + " | ".join(columns) + " |")
        out.append("|" + "|".join("---" for _ in columns) + "|")
        for action in minutes.action_list:
            out.append("| " + " | ".join(cell(v) for v in labels.action_row(action)) + " |")
    else:
        out.append(labels.no_actions(minutes))
    out += ["", "---", "", f"_{labels.footer()}_"]
    text = "\n".join(line.rstrip() for line in out)
    return (text.strip("\n") + "\n").encode("utf-8")
