"""Search: hostile input never raises; diacritics, prefixes, codes, ranking, filters, similar."""

from __future__ import annotations

import itertools
import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drieluik.domain.vocabulary import CaseStatus, DecisionKind, ExploitationForm
from drieluik.errors import InvalidInput
from drieluik.services import actions, cases, meetings, search
from drieluik.services.search import SearchHit, make_snippet, similar_cases, to_fts_query
from drieluik.store.migrations import migrate
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE

# Filler summaries: bm25 gives a word in more than half the entries no weight,
# so the words under test must be rare, as they are in a real register.
FILLER = [
    "Melding over een jongere die geld moet afdragen aan een oudere vriend.",
    "Vrouw in een massagesalon heeft geen eigen paspoort meer.",
    "Man slaapt in een bedrijfspand en krijgt geen loon uitbetaald.",
    "Meisje wordt online benaderd en onder druk gezet om foto's te sturen.",
    "Schoonmaakster werkt zonder contract en moet de huur contant betalen.",
    "Jongen vervoert pakketjes voor onbekenden en heeft een schuld opgebouwd.",
    "Uitzendkracht woont met twaalf anderen in een klein huis.",
    "Zorgen over een au pair die nooit vrij heeft.",
]


def _input(summary: str, datum: str = "2023-03-01", **fields: str) -> cases.CaseInput:
    raw: dict[str, str | None] = {
        "datum": datum,
        "gemeente": "Assen",
        "vorm": "arbeid",
        "melder": "Politie",
        "omschrijving": summary,
    }
    raw.update(fields)
    return cases.require_valid(raw)


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory):
    """A vault with filler cases and a few cases whose words the tests look for."""
    path = tmp_path_factory.mktemp("search") / "search.vault"
    vault = Vault.create(path, PASSPHRASE)
    filler = [_input(s, f"2022-0{i % 9 + 1}-10") for i, s in enumerate(FILLER)]
    cases.create_cases(vault, filler)
    (farm, katvanger, salon) = cases.create_cases(
        vault,
        [
            _input(
                "Cliënt werkt 70 uur per week op een boerderij in Borger-Odoorn.",
                "2023-03-01",
                gemeente="Borger-Odoorn",
            ),
            _input(
                "Zij lijkt een katvanger; de dader is er altijd bij.",
                "2023-12-31",
                vorm="crimineel",
                gemeente="Emmen",
            ),
            _input(
                "Sekswerker zonder eigen telefoon, [bold]geen[/bold] toegang tot geld.",
                "2024-01-01",
                vorm="seksueel",
                gemeente="Meppel",
            ),
        ],
    )
    meeting = meetings.create_meeting(vault, date(2024, 1, 15), propose=False)
    view = meetings.add_item(vault, meeting.id, katvanger)
    item = view.items[0]
    meetings.save_notes(
        vault, item.id, "Melder belt de wijkagent.\nHuisarts kent de situatie van de tuinderij."
    )
    meetings.add_decision(
        vault,
        item.id,
        DecisionKind.DOORVERWIJZING,
        "Verwijzen naar zorgcoördinator.",
        referral_to="CoMensha",
    )
    actions.add_action(vault, katvanger, "Wijkagent spreekt cliënte alleen", "Politie")
    yield {"vault": vault, "farm": farm, "katvanger": katvanger, "salon": salon, "item": item}
    vault.close()


def _codes(hits: list[SearchHit]) -> list[str]:
    return [h.code for h in hits]


# --- hostile input ---------------------------------------------------------------

HOSTILE = [
    "",
    " ",
    '"',
    '""',
    '"cliënt',
    "'",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(",
    "NEAR(a b, 3)",
    "a AND",
    "AND OR NOT",
    "(",
    ")",
    "(()",
    "*",
    "**",
    "boer*",
    "*boer",
    "-",
    "-boerderij",
    "--",
    ":",
    "code:",
    "body: boer",
    "{code body}: x",
    "^",
    "^boer",
    "+",
    "~",
    "\\",
    "\x00",
    "\x1b[31m",
    "😀",
    "boerderij 😀",
    "Ω≈ç√∫",
    "日本語のテキスト",
    "مرحبا",
    "e\u0301",
    "\u202e",
    "a" * 10_000,
    "woord " * 2_000,
    "DL-",
    "DL-2023-",
    "%_[]",
    "NULL",
    "' OR 1=1 --",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_any_text_is_safe_to_search(register, query: str) -> None:
    hits = search.search(register["vault"], query)
    assert isinstance(hits, list)
    assert similar_cases(register["vault"], query) is not None


@pytest.mark.parametrize("query", ["", " ", '"', "*", "-", ":", "^", "()", "😀", "\x00"])
def test_text_without_letters_or_digits_is_not_searchable(register, query: str) -> None:
    assert to_fts_query(query) is None
    assert search.search(register["vault"], query) == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_the_sanitised_query_is_always_valid_fts5(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    migrate(conn)
    query = to_fts_query(text)
    if query is None:
        return
    # Raises sqlite3.OperationalError on a syntax error.
    conn.execute("SELECT rowid FROM search_index WHERE search_index MATCH ?", (query,)).fetchall()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_searching_random_text_never_raises(register, text: str) -> None:
    search.search(register["vault"], text, year=2023, form="arbeid")


def test_operators_are_plain_words(register) -> None:
    # "NOT katvanger" would exclude in FTS5; here it looks for both words.
    assert search.search(register["vault"], "NOT katvanger") == []
    assert _codes(search.search(register["vault"], "katvanger OR")) == []
    assert search.search(register["vault"], '"katvanger"')[0].code == register["katvanger"]


# --- what is found ---------------------------------------------------------------


def test_diacritics_are_folded_both_ways(register) -> None:
    vault = register["vault"]
    assert register["farm"] in _codes(search.search(vault, "client"))
    assert register["farm"] in _codes(search.search(vault, "CLIËNT"))
    assert register["farm"] in _codes(search.search(vault, "cliént"))


def test_the_last_word_is_a_prefix_while_typing(register) -> None:
    vault = register["vault"]
    assert _codes(search.search(vault, "boerd")) == [register["farm"]]
    assert _codes(search.search(vault, "cliënt boerd")) == [register["farm"]]
    # A trailing space means the word is complete.
    assert search.search(vault, "boerd ") == []
    assert search.search(vault, "boerd", limit=5) and not search.search(
        vault, "boerd", limit=5, year=2022
    )
    assert to_fts_query("boerd", prefix_last=False) == '"boerd"'


def test_only_the_last_word_is_a_prefix(register) -> None:
    assert search.search(register["vault"], "boerd 70") == []


def test_a_prefix_needs_three_letters() -> None:
    assert to_fts_query("b") == '"b"'
    assert to_fts_query("bo") == '"bo"'
    assert to_fts_query("boe") == '"boe" *'


def test_stop_words_are_dropped_when_other_words_remain() -> None:
    assert to_fts_query("de boerderij van") == '"boerderij" AND "van" *'
    assert to_fts_query("de boerderij van ") == '"boerderij"'
    assert to_fts_query("de het ") == '"de" AND "het"'


def test_words_joined_by_punctuation_are_a_phrase(register) -> None:
    vault = register["vault"]
    assert to_fts_query("Borger-Odoorn") == '"borger odoorn" *'
    assert _codes(search.search(vault, "Borger-Odoorn")) == [register["farm"]]
    assert search.search(vault, "Odoorn-Borger") == []


@pytest.mark.parametrize("form", ["{code}", "{code_lower}", "{year_number}"])
def test_a_case_code_finds_its_case_first(register, form: str) -> None:
    code = register["katvanger"]
    query = form.format(code=code, code_lower=code.lower(), year_number=code[3:])
    hits = search.search(register["vault"], query)
    assert hits[0].code == code
    assert {h.code for h in hits} == {code}
    # Every entry of the case carries its code; the summary ranks first.
    assert hits[0].field == "summary"
    assert {h.field for h in hits} == {"summary", "notes", "decision", "action"}


def test_a_partly_typed_code_finds_the_cases_of_that_year(register) -> None:
    hits = search.search(register["vault"], "DL-2024-0")
    assert _codes(hits) == [register["salon"]]


def test_notes_decisions_and_actions_are_found_with_their_field(register) -> None:
    vault = register["vault"]
    assert [(h.code, h.field) for h in search.search(vault, "tuinderij")] == [
        (register["katvanger"], "notes")
    ]
    assert [(h.code, h.field) for h in search.search(vault, "CoMensha")] == [
        (register["katvanger"], "decision")
    ]
    assert [(h.code, h.field) for h in search.search(vault, "zorgcoordinator")] == [
        (register["katvanger"], "decision")
    ]
    assert [(h.code, h.field) for h in search.search(vault, "alleen")] == [
        (register["katvanger"], "action")
    ]


def test_a_summary_hit_ranks_above_a_notes_hit_for_the_same_word(tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "rank.vault", PASSPHRASE)
    try:
        cases.create_cases(vault, [_input(s) for s in FILLER])
        (in_notes,) = cases.create_cases(vault, [_input("Jongen werkt in een kassencomplex.")])
        (in_summary,) = cases.create_cases(vault, [_input("Man werkt in een kassencomplex.")])
        meeting = meetings.create_meeting(vault, date(2024, 2, 1), propose=False)
        item = meetings.add_item(vault, meeting.id, in_notes).items[0]
        meetings.save_notes(vault, item.id, "Gesprek met het kassencomplex gepland.")
        # Same word, entries of similar length, notes entry newer: the summary wins.
        hits = search.search(vault, "kassencomplex")
        assert hits[0].field == "summary"
        notes_rank = next(i for i, h in enumerate(hits) if h.field == "notes")
        assert hits.index(next(h for h in hits if h.code == in_summary)) < notes_rank
        assert all(a.score >= b.score for a, b in itertools.pairwise(hits))
    finally:
        vault.close()


def test_one_hit_per_case_and_field(tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "dedupe.vault", PASSPHRASE)
    try:
        cases.create_cases(vault, [_input(s) for s in FILLER])
        (code,) = cases.create_cases(vault, [_input("Signaal over een nagelstudio.")])
        for day in (1, 15):
            meeting = meetings.create_meeting(vault, date(2024, 3, day), propose=False)
            item = meetings.add_item(vault, meeting.id, code).items[0]
            meetings.save_notes(vault, item.id, f"Nagelstudio besproken op de {day}e.")
        hits = search.search(vault, "nagelstudio")
        assert sorted(h.field for h in hits) == ["notes", "summary"]
    finally:
        vault.close()


def test_limit_is_respected(register) -> None:
    vault = register["vault"]
    assert len(search.search(vault, "een", limit=3)) == 3
    assert search.search(vault, "een", limit=0) == []
    assert search.search(vault, "een", limit=-5) == []


# --- snippets ---------------------------------------------------------------------


def test_snippets_mark_the_matched_words_in_plain_text(register) -> None:
    (hit,) = search.search(register["vault"], "boerderij")
    assert "«boerderij»" in hit.snippet
    for start, end in hit.marks:
        assert hit.snippet[start] == "«" and hit.snippet[end - 1] == "»"
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["«boerderij»"]


def test_snippets_are_one_line_and_keep_markup_literally(register) -> None:
    (notes,) = search.search(register["vault"], "tuinderij")
    assert "\n" not in notes.snippet
    (salon,) = search.search(register["vault"], "telefoon")
    assert "[bold]geen[/bold]" in salon.snippet


def test_as_json_has_exactly_the_documented_keys(register) -> None:
    (hit,) = search.search(register["vault"], "boerderij")
    assert list(hit.as_json()) == ["code", "score", "field", "snippet"]
    assert hit.as_json()["score"] > 0


# --- filters ----------------------------------------------------------------------


def test_filters_narrow_by_year_form_municipality_and_status(register) -> None:
    vault = register["vault"]
    farm, katvanger = register["farm"], register["katvanger"]
    word = "een"  # in the filler (2022) and in these two (2023)
    in_2023 = set(_codes(search.search(vault, word, year=2023, limit=50)))
    assert in_2023 == {farm, katvanger}
    assert set(_codes(search.search(vault, word, year=2023, form="crimineel"))) == {katvanger}
    assert set(_codes(search.search(vault, word, form=ExploitationForm.CRIMINEEL))) == {katvanger}
    assert _codes(search.search(vault, word, municipality="borger odoorn")) == [farm]
    assert _codes(search.search(vault, word, municipality="Borger-Odoorn")) == [farm]
    assert search.search(vault, word, municipality="buiten Drenthe") == []
    assert search.search(vault, word, year=1999) == []


def test_status_filter_follows_status_changes_on_every_entry(tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "status.vault", PASSPHRASE)
    try:
        (code,) = cases.create_cases(vault, [_input("Signaal over een autowasstraat.")])
        meeting = meetings.create_meeting(vault, date(2024, 4, 1), propose=False)
        item = meetings.add_item(vault, meeting.id, code).items[0]
        meetings.save_notes(vault, item.id, "Autowasstraat: melder houdt contact.")
        assert {h.field for h in search.search(vault, "autowasstraat", status="geagendeerd")} == {
            "summary",
            "notes",
        }
        meetings.add_decision(
            vault, item.id, DecisionKind.MONITORING, "Volgen", review_date=date(2024, 7, 1)
        )
        assert search.search(vault, "autowasstraat", status="geagendeerd") == []
        fields = {h.field for h in search.search(vault, "autowasstraat", status="monitoring")}
        assert fields == {"summary", "notes"}
        cases.set_status(vault, code, CaseStatus.INGEBRACHT_RIEC)
        assert len(search.search(vault, "autowasstraat", status=CaseStatus.INGEBRACHT_RIEC)) == 2
    finally:
        vault.close()


def test_filter_changes_of_a_case_reach_its_notes(tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "edit.vault", PASSPHRASE)
    try:
        (code,) = cases.create_cases(vault, [_input("Signaal over een zorgboerderij.")])
        meeting = meetings.create_meeting(vault, date(2024, 4, 1), propose=False)
        item = meetings.add_item(vault, meeting.id, code).items[0]
        meetings.save_notes(vault, item.id, "Zorgboerderij bezocht.")
        cases.update_case(vault, code, _input("Signaal over een zorgboerderij.", vorm="onbekend"))
        hits = search.search(vault, "zorgboerderij", form="onbekend")
        assert {h.field for h in hits} == {"summary", "notes"}
        assert search.search(vault, "zorgboerderij", form="arbeid") == []
    finally:
        vault.close()


@pytest.mark.parametrize(
    ("name", "value"), [("form", "fietsen"), ("municipality", "Groningen"), ("status", "x")]
)
def test_an_unknown_filter_value_is_a_clear_error(register, name: str, value: str) -> None:
    with pytest.raises(InvalidInput):
        search.search(register["vault"], "een", **{name: value})


def test_notes_of_a_removed_agenda_item_are_no_longer_found(tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "delete.vault", PASSPHRASE)
    try:
        (code,) = cases.create_cases(vault, [_input("Signaal over een kwekerij.")])
        meeting = meetings.create_meeting(vault, date(2024, 4, 1), propose=False)
        item = meetings.add_item(vault, meeting.id, code).items[0]
        meetings.save_notes(vault, item.id, "Champignonkwekerij in de buurt.")
        assert _codes(search.search(vault, "champignonkwekerij")) == [code]
        meetings.remove_item(vault, item.id)
        assert search.search(vault, "champignonkwekerij") == []
    finally:
        vault.close()


# --- similar cases ----------------------------------------------------------------


def test_similar_cases_finds_an_earlier_signal_with_the_same_words(register) -> None:
    hits = similar_cases(
        register["vault"], "Nieuwe melding: cliënt werkt lange weken op een boerderij"
    )
    assert _codes(hits) == [register["farm"]]
    assert hits[0].field == "summary"
    assert "«boerderij»" in hits[0].snippet


def test_similar_cases_needs_two_shared_words(register) -> None:
    # Only "cliënt" is shared with the farm case.
    assert similar_cases(register["vault"], "Cliënt heeft schulden bij een kennis") == []
    # A single word is enough when only one was typed.
    assert _codes(similar_cases(register["vault"], "katvanger")) == [register["katvanger"]]


def test_similar_cases_can_leave_out_the_case_being_edited(register) -> None:
    vault = register["vault"]
    farm_id = cases.get_case(vault, register["farm"]).id
    text = "Cliënt werkt 70 uur per week op een boerderij"
    assert _codes(similar_cases(vault, text)) == [register["farm"]]
    assert similar_cases(vault, text, exclude_case_id=farm_id) == []


def test_similar_cases_of_stop_words_only_is_empty(register) -> None:
    assert similar_cases(register["vault"], "de het een en van") == []
    assert similar_cases(register["vault"], "") == []
    assert similar_cases(register["vault"], "boerderij katvanger", limit=0) == []


# --- snippet cutting --------------------------------------------------------------


def test_a_snippet_of_a_long_text_is_cut_around_the_match() -> None:
    before = " ".join(f"woord{i}" for i in range(40))
    after = " ".join(f"x{i}" for i in range(40))
    body = f"{before} de boerderij in Emmen, zie ook\nnotitie. {after}"
    snippet, marks = make_snippet(body, frozenset({"boerderij"}))
    assert snippet == "…woord39 de «boerderij» in Emmen, zie ook notitie. x0 x1 x2 x3…"
    assert [snippet[s:e] for s, e in marks] == ["«boerderij»"]


def test_a_snippet_prefers_the_window_with_most_matches() -> None:
    body = "boer " + "a b c d e f g h i j k l m n o p " + "boer x boer"
    snippet, marks = make_snippet(body, frozenset({"boer"}))
    assert snippet == "…h i j k l m n o p «boer» x «boer»"
    assert len(marks) == 2


def test_a_snippet_marks_prefix_matches_and_decomposed_words() -> None:
    snippet, marks = make_snippet("Clie\u0308nt werkt\t\x1b[31m rood.", frozenset({"client"}), "ro")
    assert snippet == "«Clie\u0308nt» werkt [31m «rood»."
    assert [snippet[s:e] for s, e in marks] == ["«Clie\u0308nt»", "«rood»"]


def test_a_snippet_without_a_match_shows_the_start() -> None:
    assert make_snippet("a b c d e f g h i j k l m n o p", frozenset({"zz"})) == (
        "a b c d e f g h i j k l…",
        (),
    )
    assert make_snippet("", frozenset({"zz"})) == ("", ())
    assert make_snippet("!!! ???", frozenset({"zz"})) == ("!!! ???", ())


def test_a_schema_1_vault_gets_marked_facets_on_open(tmp_path: Path) -> None:
    """The committed known-answer vault was made before migration 2."""
    data = Path(__file__).parents[1] / "data"
    expected = json.loads((data / "known-answer-v1.json").read_text(encoding="utf-8"))
    copy = tmp_path / "known.vault"
    shutil.copyfile(data / "known-answer-v1.vault", copy)
    with Vault.open(copy, expected["passphrase"]) as vault:
        assert vault.schema_version_found == 1
        assert _codes(search.search(vault, "kwekerij", year=2024)) == ["DL-2024-001"]
        assert search.search(vault, "kwekerij", year=2023) == []
        # Before migration 2 these facet tokens matched typed text.
        assert search.search(vault, "massen") == []
        assert search.search(vault, "y2024") == []
