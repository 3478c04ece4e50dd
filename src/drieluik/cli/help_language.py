"""`--help` in one language: the user's (DRIELUIK_LANG or config.toml's `lang`).

Help texts in the command modules are written as "Nederlands. / English."
— per paragraph, the Dutch half, " / ", the English half — so that each
command keeps its two texts side by side. `localise(command)` walks the
built Click command tree once per run and keeps the half of every command
and option help in the current language; a paragraph without " / " is the
same in both (a list of values, an example). Click's own words ("Usage:",
"Options:", "Show this message and exit.", "[default: …]") come from the
message catalogue through `LocalisedFormatter`, set on every command's
context. `tests/cli/test_help_language.py` walks every command in both
languages.

Option names are English (`--date`, `--municipality`, as `--year` and
`--format`); the Dutch names of earlier versions (`--datum`, `--gemeente`)
stay accepted for scripts but are not shown (`HIDDEN_ALIASES`).
"""

from __future__ import annotations

import re
from typing import Any

from drieluik.i18n import current_language, t

# " / " between the halves; a docstring may wrap the line at the slash.
_SEPARATOR = re.compile(r"[ \t]+/(?:[ \t]+|[ \t]*\n\s*)|\n\s*/[ \t]+")

# Accepted, never shown: the Dutch option names scripts may still use.
HIDDEN_ALIASES = frozenset(
    {
        "--datum",
        "--gemeente",
        "--vorm",
        "--melder",
        "--omschrijving",
        "--kwetsbaar",
        "--ondermijning",
    }
)


def one_language(text: str | None, language: str | None = None) -> str | None:
    """The `language` half of each "nl / en" paragraph of `text`."""
    if not text:
        return text
    english = (language or current_language()) == "en"
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", text):
        halves = _SEPARATOR.split(paragraph, maxsplit=1)
        if len(halves) == 2:
            paragraph = (halves[1] if english else halves[0]).strip()
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _hide_aliases(term: str) -> str:
    """'--municipality, --gemeente TEXT' -> '--municipality TEXT'."""
    for alias in HIDDEN_ALIASES:
        term = re.sub(rf"(?:, )?{re.escape(alias)}(?=[ ,]|$)", "", term)
    return term.lstrip(", ")


def _localised_record(original: Any) -> Any:
    def get_help_record(ctx: Any) -> tuple[str, str] | None:
        record = original(ctx)
        if record is None:
            return None
        term, text = record
        return _hide_aliases(term), text

    return get_help_record


def localise(command: Any) -> None:
    """Every help text of `command` and its subcommands in the current language."""
    # Click's Context class, whichever copy of Click typer uses (usage.py).
    context_class = _context_class(command.context_class)
    seen: set[int] = set()

    def walk(node: Any) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        node.help = one_language(node.help)
        node.short_help = one_language(node.short_help)
        node.context_class = context_class
        for param in node.params:
            if getattr(param, "help", None):
                param.help = one_language(param.help)
            if param.param_type_name == "argument" and param.name in _ARGUMENTS:
                param.metavar = t(_ARGUMENTS[param.name])
            if HIDDEN_ALIASES.intersection(getattr(param, "opts", ())):
                param.get_help_record = _localised_record(param.get_help_record)
        for sub in getattr(node, "commands", {}).values():
            walk(sub)

    walk(command)


# Argument placeholders (QUERY, FILE) by parameter name, in the help's language.
_ARGUMENTS = {
    name: f"help.argument.{name}"
    for name in (
        "query",
        "meeting_date",
        "file",
        "meeting",
        "dest",
        "code",
        "term",
        "name",
        "names",
    )
}

# Click's own words, as they appear in a formatted help text.
_CLICK_WORDS = {
    "Show this message and exit.": "help.click.help_option",
    "[required]": "help.click.required",
}
_DEFAULT = re.compile(r"\[default: (.*?)\]")
# Placeholders in the usage line and beside the options.
_PLACEHOLDERS = {
    "[OPTIONS]": "help.click.options_placeholder",
    "COMMAND": "help.click.command_placeholder",
    "[ARGS]": "help.click.args_placeholder",
    "<path>": "help.click.path_placeholder",
    "<str>": "help.click.text_placeholder",
    "<list[str]>": "help.click.text_placeholder",
    "<int>": "help.click.number_placeholder",
    "<int range>": "help.click.number_placeholder",
}
_PLACEHOLDER = re.compile("|".join(re.escape(word) for word in _PLACEHOLDERS))


def _placeholders(text: str) -> str:
    return _PLACEHOLDER.sub(lambda m: t(_PLACEHOLDERS[m.group(0)]), text)


def _context_class(base: Any) -> Any:
    """`base` is Click's Context class, from whichever copy of Click typer uses."""
    formatter_base = base.formatter_class

    # Click's class comes at run time (typer vendors its own Click): no static type.
    class LocalisedFormatter(formatter_base):  # type: ignore[misc, valid-type]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            prefix = prefix or t("help.click.usage") + " "
            super().write_usage(prog, _placeholders(args), prefix)

        def section(self, name: str) -> Any:
            key = {
                "Options": "help.click.options",
                "Commands": "help.click.commands",
                "Arguments": "help.click.arguments",
            }.get(name)
            return super().section(t(key) if key else name)

        def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
            rows = [(_placeholders(term), _click_words(text)) for term, text in rows]
            super().write_dl(rows, *args, **kwargs)

    class LocalisedContext(base):
        formatter_class = LocalisedFormatter

    return LocalisedContext


def _click_words(text: str) -> str:
    for english, key in _CLICK_WORDS.items():
        text = text.replace(english, t(key))
    return _DEFAULT.sub(lambda m: "[" + t("help.click.default", value=m.group(1)) + "]", text)
