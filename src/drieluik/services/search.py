"""Finding earlier cases: full-text search and similar summaries.

One FTS5 index (`search_index`, see `store/migrations.py`) covers case codes,
summaries, meeting notes, decisions and actions; triggers keep it current.

Any text a user types is safe: it is cut into word tokens here (letters and
digits), each quoted as an FTS5 string, so quotes, AND/OR/NOT/NEAR, brackets,
`*`, `-`, `:` and `^` are plain text and never FTS5 syntax. Words joined by
punctuation ("DL-2023-017", "Borger-Odoorn") are searched as a phrase; the last
word is a prefix while typing. Filters are facet tokens in the same MATCH.

Ranking: bm25, times a weight per field (a summary counts double: it is what
describes a case). To stay within the budget at 100,000 cases (p95 ≤ 30 ms),
only the newest `SEARCH_WINDOW` matching entries are ranked; a query that
matches more (a very common word, a two-letter prefix) ranks the most recent
ones, and another word narrows it. Below that many matches, ranking is exact.

Snippets are cut here from the entry's text rather than by FTS5 `snippet()`:
that needs a second MATCH per hit, which for a frequent word or prefix costs
more than the whole search (measured: 300 ms for 60 hits at 100k cases).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import text as sql_text

from drieluik.domain.region import RegionProfile
from drieluik.domain.vocabulary import (
    CaseStatus,
    ExploitationForm,
    parse_form,
    parse_status,
)
from drieluik.errors import InvalidInput
from drieluik.services import region
from drieluik.store.vault import Vault

# How many of the newest matching entries are ranked (see the module docstring).
SEARCH_WINDOW = 5000
MAX_QUERY_CHARS = 1000
MAX_CHUNKS = 16  # words or phrases per query
MAX_PHRASE_TOKENS = 8
MAX_TOKEN_CHARS = 64
MAX_LIMIT = 500
SNIPPET_TOKENS = 12
# Only this much of a long note is scanned for the snippet's matched words.
SNIPPET_SCAN_CHARS = 20_000

# An entry's field is its rowid % 4 (the triggers' encoding); weight in the score.
FIELD_WEIGHTS = {"summary": 2.0, "notes": 1.0, "decision": 1.25, "action": 1.0}

MARK_OPEN = "«"
MARK_CLOSE = "»"
ELLIPSIS = "…"

# Facet tokens start with this private-use character (see migrations.py).
FACET_MARK = "\ue000"

# Very common Dutch words: dropped from a query that has other words, because
# they narrow nothing and would make the search rank half the index.
# fmt: off
STOPWORDS = frozenset({
    "aan", "al", "als", "bij", "dan", "dat", "de", "den", "der", "deze", "die", "dit", "door",
    "een", "en", "er", "het", "hij", "hem", "hen", "hun", "ik", "in", "is", "je", "met", "na",
    "naar", "niet", "nog", "of", "om", "op", "over", "te", "tot", "uit", "van", "voor", "was",
    "wat", "wel", "werd", "wordt", "ze", "zich", "zij", "zijn",
})
# fmt: on

_WORD = re.compile(r"[^\W_]+")
# A word in stored text: letters and digits with any combining marks (a text in
# decomposed form keeps "cliënt" one word, as the index's tokenizer does).
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_TEXT_WORD = re.compile(rf"[^\W_](?:[^\W_]|[{_MARKS}])*")


@dataclass(frozen=True)
class SearchHit:
    """One matching entry: a case's summary, or one of its notes, decisions, actions.

    `snippet` is plain text on one line: the matched words between « and »,
    cut with "…". `marks` are the (start, end) offsets of the marked words in
    `snippet`, markers included, for a UI that highlights without parsing.
    """

    code: str
    case_id: int
    score: float
    field: str
    snippet: str
    marks: tuple[tuple[int, int], ...] = ()

    def as_json(self) -> dict[str, object]:
        """The stable JSON row of `drieluik search --json`."""
        return {
            "code": self.code,
            "score": self.score,
            "field": self.field,
            "snippet": self.snippet,
        }


# --- the query sanitiser -----------------------------------------------------------


MIN_PREFIX_CHARS = 3


def fold_token(token: str) -> str:
    """Lower-case and without diacritics, as the index's tokenizer sees a word."""
    decomposed = unicodedata.normalize("NFKD", token)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _chunks(user_text: str) -> list[list[str]]:
    """Whitespace-separated chunks, each a list of folded word tokens."""
    chunks = []
    for chunk in user_text[:MAX_QUERY_CHARS].split():
        tokens = [t[:MAX_TOKEN_CHARS] for t in _WORD.findall(fold_token(chunk))]
        if tokens:
            chunks.append(tokens[:MAX_PHRASE_TOKENS])
    return chunks


def _quoted(tokens: list[str]) -> str:
    # Tokens hold letters and digits only, so a quote cannot occur; doubling is
    # FTS5's escape and keeps this safe should the token pattern ever change.
    return '"' + " ".join(tokens).replace('"', '""') + '"'


@dataclass(frozen=True)
class _Query:
    fts: str
    words: frozenset[str]  # folded words to mark in snippets
    prefix: str | None  # the word being typed: marks every word starting with it


def _parse(user_text: str, prefix_last: bool) -> _Query | None:
    if not isinstance(user_text, str):
        return None
    chunks = _chunks(user_text)
    if not chunks:
        return None
    typing_last = prefix_last and not user_text[:MAX_QUERY_CHARS][-1:].isspace()
    meaningful = {i for i, c in enumerate(chunks) if len(c) > 1 or c[0] not in STOPWORDS}
    # The word being typed stays even if it is a stop word so far ("de" → "deur").
    keep = meaningful | ({len(chunks) - 1} if typing_last else set())
    if keep:
        chunks = [c for i, c in enumerate(chunks) if i in keep]
    chunks = chunks[-MAX_CHUNKS:] if typing_last else chunks[:MAX_CHUNKS]
    parts = [_quoted(c) for c in chunks]
    last = chunks[-1]
    prefix = None
    # Prefixes start at three letters: the index keeps a prefix index of
    # exactly that length (migration 3), and one or two letters would rank
    # half the index for nothing (200 ms for "be" at 100k cases). Inside a
    # phrase (a case code being typed: "DL-2024-0") the words before narrow it.
    if typing_last and (len(last) > 1 or len(last[-1]) >= MIN_PREFIX_CHARS):
        parts[-1] += " *"
        prefix = last[-1]
    words = frozenset(t for c in chunks for t in c)
    return _Query(" AND ".join(parts), words, prefix)


def to_fts_query(user_text: str, *, prefix_last: bool = True) -> str | None:
    """An FTS5 query matching every word of `user_text`, or None if nothing is searchable.

    The last word is a prefix ("clie" finds "cliënt") unless `prefix_last` is
    False, the text ends in a space (the word is complete), or it is shorter
    than three letters. Stop words are left out when other words remain.
    """
    query = _parse(user_text, prefix_last)
    return query.fts if query else None


# --- filters ---------------------------------------------------------------------


Filter = TypeVar("Filter")


def _coerce(
    value: Filter | str | None,
    enum: type[Filter] | None,
    parse: Callable[[str], Filter | None],
    what: str,
) -> Filter | None:
    """`value` as the filter's type; `enum` None: always parsed (a municipality
    is a region's name, never an enum)."""
    if value is None or (enum is not None and isinstance(value, enum)):
        return value
    parsed = parse(str(value))
    if parsed is None:
        raise InvalidInput("search.filter_invalid", what=what, value=value)
    return parsed


def facet_tokens(
    *,
    year: int | None = None,
    form: ExploitationForm | str | None = None,
    municipality: str | None = None,
    status: CaseStatus | str | None = None,
    profile: RegionProfile | None = None,
) -> list[str]:
    """The index's facet tokens for these filters, as the triggers write them.

    A municipality is read with `profile` (the vault's region; None: Drenthe's)."""
    tokens = []
    if year is not None:
        tokens.append(f"y{int(year):04d}")
    form = _coerce(form, ExploitationForm, parse_form, "vorm")
    if form is not None:
        tokens.append(f"f{form.value}")
    if municipality is not None:
        parse = (profile or region.default_profile()).parse_municipality
        name = _coerce(municipality, None, parse, "gemeente")
        if name is not None:
            tokens.append("m" + name.lower().replace(" ", "").replace("-", ""))
    status = _coerce(status, CaseStatus, parse_status, "status")
    if status is not None:
        tokens.append("s" + status.value.replace("_", ""))
    return [FACET_MARK + token for token in tokens]


# --- running a query -------------------------------------------------------------

_WEIGHT_SQL = (
    "CASE rowid % 4 WHEN 0 THEN {summary} WHEN 1 THEN {notes} "
    "WHEN 2 THEN {decision} ELSE {action} END"
).format(**FIELD_WEIGHTS)

# Rank the newest SEARCH_WINDOW matches (bm25 needs only the index, not the text).
_RANK_SQL = f"""
WITH recent AS (
    SELECT rowid AS rid,
           bm25(search_index, 1.0, 0.0, 1.0, 0.0, 0.0) * {_WEIGHT_SQL} AS rank
    FROM search_index
    WHERE search_index MATCH :query {{extra}}
    ORDER BY rowid DESC
    LIMIT :window
)
SELECT rid, rank FROM recent ORDER BY rank, rid DESC LIMIT :fetch
"""


def _ranked(vault: Vault, fts: str, fetch: int, extra: str = "", **params: object) -> list[Hit]:
    """The best `fetch` entries, best first, with their stored text."""
    with vault.session() as session:
        ranked = session.execute(
            sql_text(_RANK_SQL.format(extra=extra)),
            {"query": fts, "window": SEARCH_WINDOW, "fetch": fetch, **params},
        ).all()
        if not ranked:
            return []
        # rowids are integers from SQLite: safe to inline.
        ids = ", ".join(str(int(rid)) for rid, _ in ranked)
        details = {
            row[0]: row[1:]
            for row in session.execute(
                sql_text(
                    "SELECT rowid, code, case_id, field, body FROM search_index "
                    f"WHERE rowid IN ({ids})"
                )
            )
        }
    return [Hit(rid, rank, *details[rid]) for rid, rank in ranked if rid in details]


@dataclass(frozen=True)
class Hit:
    """A ranked index entry before it becomes a SearchHit."""

    rowid: int
    rank: float
    code: str
    case_id: int
    field: str
    body: str

    def to_search_hit(self, query: _Query) -> SearchHit:
        snippet, marks = make_snippet(self.body or "", query.words, query.prefix)
        return SearchHit(
            code=self.code,
            case_id=int(self.case_id),
            # Six significant digits: tiny bm25 values (a word in most entries) still order.
            score=float(f"{-float(self.rank):.6g}"),
            field=self.field,
            snippet=snippet,
            marks=marks,
        )


_SPACES = re.compile(r"\s+")


def _flat(text: str) -> str:
    """Control characters and runs of white space become one space (not stripped)."""
    return _SPACES.sub(" ", "".join(" " if unicodedata.category(c) == "Cc" else c for c in text))


def make_snippet(
    body: str, words: frozenset[str], prefix: str | None = None, size: int = SNIPPET_TOKENS
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About `size` words of `body` around the most matched words, marked with « ».

    Returns the one-line snippet and the (start, end) offsets of its marks.
    """
    scanned = body[:SNIPPET_SCAN_CHARS]
    tokens = list(_TEXT_WORD.finditer(scanned))
    if not tokens:
        return _flat(scanned[:200]).strip(), ()

    def matched(word: str) -> bool:
        folded = fold_token(word)
        return folded in words or (prefix is not None and folded.startswith(prefix))

    hit = [matched(t.group()) for t in tokens]
    # The first window of `size` words holding the most matches, started two
    # words before its first match for context.
    counts = [sum(hit[i : i + size]) for i in range(max(1, len(tokens) - size + 1))]
    start = counts.index(max(counts))
    if any(hit):
        # Sliding forward past words without a match never loses a match; but
        # not so far that the window shows fewer words than it could.
        first_hit = next(i for i in range(start, len(tokens)) if hit[i])
        start = max(0, min(first_hit - 2, len(tokens) - size))
    last = min(len(tokens), start + size) - 1

    out: list[str] = [ELLIPSIS] if start > 0 else []
    marks: list[tuple[int, int]] = []
    length = len(out[0]) if out else 0
    for i in range(start, last + 1):
        piece = tokens[i].group()
        if i > start:
            gap = _flat(scanned[tokens[i - 1].end() : tokens[i].start()])
            out.append(gap)
            length += len(gap)
        if hit[i]:
            piece = MARK_OPEN + piece + MARK_CLOSE
            marks.append((length, length + len(piece)))
        out.append(piece)
        length += len(piece)
    if last == len(tokens) - 1 and len(scanned) == len(body):
        out.append(_flat(scanned[tokens[last].end() :]).rstrip())  # closing punctuation
    else:
        out.append(ELLIPSIS)
    return "".join(out), tuple(marks)


def _clamp(limit: int) -> int:
    return max(0, min(int(limit), MAX_LIMIT))


def search(
    vault: Vault,
    query: str,
    *,
    limit: int = 20,
    year: int | None = None,
    form: ExploitationForm | str | None = None,
    municipality: str | None = None,
    status: CaseStatus | str | None = None,
) -> list[SearchHit]:
    """The best entries for `query`, best first; one per case and field.

    Any text is accepted; text without a letter or digit gives []. Filters are
    the case's signal year, form, municipality and current status.
    """
    parsed = _parse(query, True)
    limit = _clamp(limit)
    if parsed is None or limit == 0:
        return []
    fts = parsed.fts
    profile = region.get(vault) if municipality is not None else None
    facets = facet_tokens(
        year=year, form=form, municipality=municipality, status=status, profile=profile
    )
    if facets:
        fts = f"({fts}) AND " + " AND ".join(_quoted([f]) for f in facets)
    hits: list[SearchHit] = []
    seen: set[tuple[int, str]] = set()
    # A case has several notes, decisions and actions: fetch extra to fill
    # `limit` after keeping the best entry per case and field.
    for entry in _ranked(vault, fts, limit * 3):
        key = (int(entry.case_id), entry.field)
        if key in seen:
            continue
        seen.add(key)
        hits.append(entry.to_search_hit(parsed))
        if len(hits) == limit:
            break
    return hits


# --- similar earlier cases -------------------------------------------------------

MAX_SIMILAR_TERMS = 16
MIN_SIMILAR_TOKEN_CHARS = 3


def _meaningful_terms(user_text: str) -> list[str]:
    """Distinct non-stop words of a text, longest first (longer words tell more)."""
    terms: dict[str, None] = {}
    for word in _TEXT_WORD.findall(user_text[:SNIPPET_SCAN_CHARS]):
        for token in _WORD.findall(fold_token(word)):
            if len(token) >= MIN_SIMILAR_TOKEN_CHARS and token not in STOPWORDS:
                terms.setdefault(token[:MAX_TOKEN_CHARS], None)
    return sorted(terms, key=len, reverse=True)[:MAX_SIMILAR_TERMS]


def _words_of(text: str) -> set[str]:
    return {
        t
        for w in _TEXT_WORD.findall(text[:SNIPPET_SCAN_CHARS])
        for t in _WORD.findall(fold_token(w))
    }


def similar_cases(
    vault: Vault, text: str, *, limit: int = 5, exclude_case_id: int | None = None
) -> list[SearchHit]:
    """Earlier cases whose summaries share the most telling words with `text`.

    For the intake form: while a new signal is typed, a repeat signal shows up.
    A summary must share at least two of the words (one if the text has only
    one), so a single common word does not make a case "similar".
    """
    terms = _meaningful_terms(text if isinstance(text, str) else "")
    limit = _clamp(limit)
    if not terms or limit == 0:
        return []
    fts = " OR ".join(_quoted([t]) for t in terms)
    extra = "AND rowid % 4 = 0"  # summaries only
    params: dict[str, object] = {}
    if exclude_case_id is not None:
        extra += " AND rowid != :exclude"
        params["exclude"] = int(exclude_case_id) * 4
    needed = min(2, len(terms))
    wanted = set(terms)
    query = _Query(fts, frozenset(terms), None)
    hits = []
    for entry in _ranked(vault, fts, limit * 4, extra, **params):
        if len(wanted & _words_of(entry.body or "")) >= needed:
            hits.append(entry.to_search_hit(query))
            if len(hits) == limit:
                break
    return hits
