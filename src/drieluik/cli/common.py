"""What every command shares: vault path and passphrase resolution, output helpers."""

from __future__ import annotations

import codecs
import io
import json
import os
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from drieluik.errors import InvalidInput
from drieluik.i18n import t
from drieluik.settings import default_vault_path

if TYPE_CHECKING:  # the store loads when a command opens a vault, not at import
    from drieluik.store.vault import Vault


class _LazyConsole:
    """A `LiteralConsole` (cli/literal_console.py) made at its first use.

    `drieluik --help` prints through Click and never needs Rich: importing it
    is ~25 ms of a start that should be instant (issue 13).
    """

    def __init__(self, *, stderr: bool = False) -> None:
        self._stderr = stderr
        self._console: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from drieluik.cli.literal_console import LiteralConsole

            self._console = LiteralConsole(stderr=self._stderr)
        return getattr(self._console, name)


_FOLD = "drieluik-fold"


def _fold(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a character the console cannot show becomes its
    letters without accents where they exist (ș -> s), else "?"."""
    assert isinstance(error, UnicodeEncodeError)
    bad = error.object[error.start : error.end]
    shown = []
    for char in bad:
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        try:
            base.encode(error.encoding)
        except (UnicodeError, LookupError):
            base = ""
        shown.append(base or "?")
    return "".join(shown), error.end


def is_utf8(stream: Any) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding.startswith("utf8")


def configure_streams() -> None:
    """Make stdout and stderr safe on any console encoding.

    Windows gives a pipe or a redirect its legacy code page (cp1252), and
    PYTHONIOENCODING can name any encoding: a character that it cannot hold
    (Timișoara) would end the command with UnicodeEncodeError. Human text is
    then folded (`_fold`); --json stays exact through `json_text`'s escapes.
    """
    try:
        codecs.lookup_error(_FOLD)
    except LookupError:
        codecs.register_error(_FOLD, _fold)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not is_utf8(stream):
            stream.reconfigure(errors=_FOLD)


# Output goes through these two; user text (case summaries, notes) is printed
# literally, never interpreted.
console: Any = _LazyConsole()
err_console: Any = _LazyConsole(stderr=True)

VaultOption = Annotated[
    Path | None,
    typer.Option(
        "--vault",
        help="Kluisbestand (anders DRIELUIK_VAULT, anders de standaardplek). / The vault "
        "file (else DRIELUIK_VAULT, else the default place).",
        show_default=False,
    ),
]
# The confirmation the personal-data policy `bevestigen` asks for (services/guard.py).
AcceptPersonalDataOption = Annotated[
    bool,
    typer.Option(
        "--accept-personal-data",
        help="Sla op ondanks gevonden persoonsgegevens (wordt gemarkeerd); een naam in een "
        "organisatieveld komt op de lijst van toegestane termen. / Store despite personal "
        "data found (marked).",
    ),
]
RedactOption = Annotated[
    bool,
    typer.Option(
        "--redact",
        help="Vervang gevonden persoonsgegevens door plaatshouders ([NAAM], …). / Store "
        "placeholders for personal data found.",
    ),
]
PassphraseFileOption = Annotated[
    Path | None,
    typer.Option(
        "--passphrase-file",
        help="Lees het wachtwoord uit de eerste regel van dit bestand. / Read the passphrase "
        "from this file's first line.",
        show_default=False,
    ),
]
RecoveryKeyFileOption = Annotated[
    Path | None,
    typer.Option(
        "--recovery-key-file",
        help="Open met de herstelsleutel uit dit bestand (of DRIELUIK_RECOVERY_KEY) in plaats "
        "van het wachtwoord. / Open with the recovery key from this file (or "
        "DRIELUIK_RECOVERY_KEY) instead of the passphrase.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Uitvoer als JSON. / Output as JSON.")]

# The case filters of `cases` and `search` (checked by cli.cases.case_filter).
YearFilterOption = Annotated[
    int | None, typer.Option("--year", help="Signaaljaar. / Signal year.", show_default=False)
]
StatusFilterOption = Annotated[
    str | None,
    typer.Option(
        "--status",
        help="Huidige status, b.v. nieuw of monitoring. / Current status, e.g. nieuw or "
        "monitoring.",
        show_default=False,
    ),
]
# English option names, the Dutch ones accepted unshown (cli.help_language).
FormFilterOption = Annotated[
    str | None,
    typer.Option(
        "--form",
        "--vorm",
        help="Vorm van uitbuiting, b.v. arbeid. / Form of exploitation, e.g. arbeid.",
        show_default=False,
    ),
]
MunicipalityFilterOption = Annotated[
    str | None,
    typer.Option(
        "--municipality", "--gemeente", help="Gemeente. / Municipality.", show_default=False
    ),
]


def resolve_vault_path(option: Path | None) -> Path:
    if option is not None:
        return option.expanduser()
    env = os.environ.get("DRIELUIK_VAULT")
    if env:
        return Path(env).expanduser()
    return default_vault_path()


def ask(text: str, **options: Any) -> Any:
    """typer.prompt on stderr. Ctrl+C or Ctrl+D at the question ends like Ctrl+C
    anywhere else (run(): "Afgebroken.", exit 130), not with Click's English
    "Aborted!" and exit 1."""
    try:
        return typer.prompt(text, err=True, **options)
    except typer.Abort:
        raise KeyboardInterrupt from None


# Accepted in either language: a Dutch chair types j, an English one y.
_YES = frozenset({"j", "ja", "y", "yes"})
_NO = frozenset({"n", "nee", "no"})


def confirm(text: str) -> bool:
    """A yes/no question on stderr, No by default (an empty answer).

    j/ja and y/yes say yes, n/nee/no say no; anything else asks again
    (Click's own confirm knows only y/n and answers in English).
    Interrupted like `ask`.
    """
    while True:
        answer = ask(f"{text} {t('confirm.choices')}", default="", show_default=False)
        answer = str(answer).strip().lower()
        if not answer or answer in _NO:
            return False
        if answer in _YES:
            return True
        info(t("confirm.again"))


def _read_secret_file(path: Path, unreadable: str) -> str:
    """The text of a passphrase or recovery-key file (a regular file or a pipe, never
    a folder or device: those are refused before they are opened), bounded."""
    from drieluik.store.safe_file import (
        SECRET_FILE_LIMIT,
        NotARegularFile,
        read_secret_file,
        refusal,
    )

    try:
        data = read_secret_file(path, SECRET_FILE_LIMIT + 1)
        if len(data) > SECRET_FILE_LIMIT:  # only whole lines count: a cut one is no secret
            cut = data.rfind(b"\n")
            if cut < 0:
                detail = t("cli.secret_too_long", limit=SECRET_FILE_LIMIT)
                raise InvalidInput(unreadable, path=path, detail=detail)
            data = data[: cut + 1]
        return data.decode("utf-8-sig")
    except NotARegularFile as exc:
        raise refusal(exc) from None
    except TimeoutError:
        raise InvalidInput(unreadable, path=path, detail=t("cli.pipe_silent")) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "UTF-8"
        raise InvalidInput(unreadable, path=path, detail=reason) from None


def read_passphrase_file(path: Path) -> str:
    text = _read_secret_file(path, "passphrase.file_unreadable")
    passphrase = text.split("\n", 1)[0].rstrip("\r")
    if not passphrase:
        raise InvalidInput("passphrase.empty")
    return passphrase


def get_passphrase(
    passphrase_file: Path | None,
    *,
    env: str = "DRIELUIK_PASSPHRASE",
    option: str = "--passphrase-file",
    prompt_key: str = "passphrase.prompt",
    confirm: bool = False,
) -> str:
    """File, else environment, else a hidden prompt on a terminal (as restic and borg)."""
    if passphrase_file is not None:
        return read_passphrase_file(passphrase_file)
    from_env = os.environ.get(env)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise InvalidInput("passphrase.none", env=env, option=option)
    passphrase = ask(t(prompt_key), hide_input=True)
    if not passphrase:
        raise InvalidInput("passphrase.empty")
    if confirm:
        again = ask(t("passphrase.prompt_repeat"), hide_input=True)
        if again != passphrase:
            raise InvalidInput("passphrase.mismatch")
    return passphrase


def get_recovery_key(recovery_key_file: Path | None) -> str | None:
    """The recovery key from the file or DRIELUIK_RECOVERY_KEY, checked before any KDF runs."""
    from drieluik.store import recovery

    if recovery_key_file is not None:
        lines = _read_secret_file(recovery_key_file, "recovery.file_unreadable").splitlines()
        text = next((line for line in lines if line.strip()), "")
        return recovery.parse(text)
    from_env = os.environ.get("DRIELUIK_RECOVERY_KEY")
    return recovery.parse(from_env) if from_env else None


@contextmanager
def opened_vault(
    vault: Path | None, passphrase_file: Path | None, recovery_key_file: Path | None = None
) -> Iterator[Vault]:
    """Open the vault for one command; the lock is released however the command ends.

    A passphrase file wins, then a recovery-key file, then DRIELUIK_PASSPHRASE,
    then DRIELUIK_RECOVERY_KEY, then a prompt. The unlock is audited
    (`services.unlock`) and an older copy of the vault is warned about.
    """
    from drieluik.services import rollback
    from drieluik.services.unlock import unlock

    path = resolve_vault_path(vault)
    if not path.exists():
        raise InvalidInput("vault.not_found", path=path)
    if passphrase_file is not None and recovery_key_file is not None:
        raise InvalidInput("recovery.both")
    recovery_key = None
    if passphrase_file is None and (
        recovery_key_file is not None or not os.environ.get("DRIELUIK_PASSPHRASE")
    ):
        recovery_key = get_recovery_key(recovery_key_file)
    passphrase = None if recovery_key else get_passphrase(passphrase_file)
    opened = unlock(path, passphrase, recovery_key=recovery_key)
    try:
        if opened.read_only:  # read-only media: reading works, changes are refused
            info(t("vault.opened_read_only", path=path))
        warning = rollback.check_rollback(path)
        if warning:
            info(warning)
        yield opened
    finally:
        rollback.remember(opened)
        opened.close()


# json.dumps escapes C0 controls itself; these it would write raw. A C1 control
# (U+009B is CSI to some terminals) or a bidi override could act on a terminal
# showing the JSON. As \\uXXXX escapes they decode to the very same string.
_JSON_ESCAPED = {
    code: f"\\u{code:04x}"
    for code in (*range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}


# SQLite's integers are 64-bit: a larger --limit can only mean "all of them".
_SQL_INT_MAX = 2**63 - 1


def sql_limit(limit: int | None) -> int | None:
    """A --limit as a SQL LIMIT: None (everything) when absent, 0 or beyond SQLite's range."""
    return None if not limit or limit > _SQL_INT_MAX else limit


def json_text(data: object, *, ascii_only: bool = False) -> str:
    """Stable JSON for scripts: keys in the order given, dates as ISO strings.

    Characters that could act on a terminal are written as JSON escapes, so
    the output is safe to look at and still decodes to exactly what is stored.
    `ascii_only` escapes every non-ASCII character as well (docs/cli-json.md).
    """
    text = json.dumps(data, ensure_ascii=ascii_only, indent=2, default=str)
    return text.translate(_JSON_ESCAPED) + "\n"


def print_json(data: object) -> None:
    """`json_text` on stdout: UTF-8 where stdout is UTF-8, else pure ASCII.

    On a stream in a legacy encoding (a Windows pipe is cp1252) the JSON is
    written with \\uXXXX escapes only, so that whatever encoding the reading
    script assumes, it decodes to exactly the stored text.
    """
    sys.stdout.write(json_text(data, ascii_only=not is_utf8(sys.stdout)))


def print_json_list(items: Iterable[object]) -> None:
    """`print_json(list(items))`, byte for byte, written item by item as they come."""
    ascii_only = not is_utf8(sys.stdout)
    write = sys.stdout.write
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=ascii_only, indent=2, default=str)
        write(("[\n" if first else ",\n") + _indented(text).translate(_JSON_ESCAPED))
        first = False
    write("[]\n" if first else "\n]\n")


def _indented(text: str) -> str:
    return "  " + text.replace("\n", "\n  ")


def info(message: str) -> None:
    """A status line for people; goes to stderr so stdout stays clean for --json."""
    err_console.print(message)
