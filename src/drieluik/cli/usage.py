"""Usage errors (exit 2) as one line in the user's language.

Typer reports a wrong command line with Click's English block (usage line,
"Try … for help", "Error: …"). drieluik runs typer with `standalone_mode=False`
and turns the exception into one line here instead, naming the option and the
value and pointing at the command's help.

Typer 0.29 vendors its own copy of Click, older versions use Click itself: the
exception classes are therefore recognised by name, not imported.
"""

from __future__ import annotations

import re
from typing import Any

from drieluik.domain.text import visible
from drieluik.i18n import t


def is_usage_error(exc: BaseException) -> bool:
    return any(cls.__name__ == "UsageError" for cls in type(exc).__mro__)


def is_help_request(exc: BaseException) -> bool:
    return type(exc).__name__ == "NoArgsIsHelpError"


def is_abort(exc: BaseException) -> bool:
    return type(exc).__name__ == "Abort"


def describe(exc: Any) -> str:
    """The one-line message for a Click/typer usage error (prefix not included)."""
    kind = type(exc).__name__
    message = str(getattr(exc, "message", "") or "")
    if is_help_request(exc):
        return message  # the command group's help: the user asked for nothing else
    if kind == "NoSuchOption":
        text = t("usage.no_such_option", option=exc.option_name)
        if exc.possibilities:
            text += " " + t("usage.did_you_mean", options=", ".join(sorted(exc.possibilities)))
    elif kind == "MissingParameter":
        text = t(f"usage.missing_{_param_kind(exc)}", name=_param_name(exc))
    elif kind == "BadParameter" and getattr(exc, "param", None) is None and not exc.param_hint:
        text = _sentence(message)
    elif kind == "BadParameter":
        text = t("usage.bad_value", name=_param_name(exc), detail=_sentence(_value_detail(exc)))
    elif kind == "BadOptionUsage" and "requires an argument" in message:
        text = t("usage.needs_value", option=exc.option_name)
    elif kind == "BadOptionUsage" and "does not take a value" in message:
        text = t("usage.takes_no_value", option=exc.option_name)
    elif match := re.fullmatch(r"No such command '(.*?)'\.(?: Did you mean '(.*)'\?)?", message):
        text = t("usage.no_such_command", name=match.group(1))
        if match.group(2):
            text += " " + t("usage.did_you_mean", options=match.group(2))
    elif match := re.fullmatch(r"Got unexpected extra argument\(s\) \((.*)\)", message):
        text = t("usage.extra_arguments", arguments=match.group(1))
    elif message == "Missing command.":
        text = t("usage.missing_command")
    else:
        text = message
    text = visible(text, single_line=True)
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        text += " " + t("usage.see_help", command=ctx.command_path)
    return text


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _param_kind(exc: Any) -> str:
    param = getattr(exc, "param", None)
    return "option" if param is not None and param.param_type_name == "option" else "argument"


def _param_name(exc: Any) -> str:
    param = getattr(exc, "param", None)
    if param is None:
        return str(getattr(exc, "param_hint", "") or "?")
    if param.param_type_name == "option":
        return max(param.opts, key=len)  # --format rather than -f
    return (param.metavar or param.name or "?").upper()


def _value_detail(exc: Any) -> str:
    """Why a value was refused, in the user's language where the reason is known."""
    cause = exc.__cause__
    errors = cause.errors(include_url=False) if hasattr(cause, "errors") else []
    if len(errors) == 1:
        error = errors[0]
        given = visible(str(error.get("input", "")), single_line=True, max_length=60)
        limits = error.get("ctx") or {}
        kind = error.get("type")
        if kind == "int_parsing":
            return t("usage.not_a_number", value=given)
        if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
            limit = next(iter(limits.values()), "")
            return t(f"usage.{kind}", value=given, limit=limit)
        choices = re.search(r"is not one of (.*)\.$", str(limits.get("error", "")))
        if choices:
            return t("usage.not_a_choice", value=given, choices=choices.group(1))
    return str(exc.message)  # our own messages are already bilingual
