"""Bad invocations of every command, run in-process through `cli.run()`.

A matrix of what a new user or a script gets wrong — a missing vault, a folder
where a file belongs, a non-UTF-8 file, impossible dates ("31-02-2024",
"gisteren"), unknown values, empty strings, negative and huge numbers — each
must end with an exit code from the README's table, never a traceback, one
line on stderr (usage errors keep Click's short usage block; import and
export may list rows or findings above that line), and nothing lost: the
vault is byte-identical, or (when the refusal came after an audited unlock)
it still opens with the same contents.

Every case runs in Dutch and again in English (DRIELUIK_LANG=en).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from drieluik.cli import run
from drieluik.i18n import set_language, t
from drieluik.services import meetings
from drieluik.store.inspect import table_counts
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE, IsolatedEnv
from tests.services.register_helpers import add_cases

DOCUMENTED_EXIT_CODES = {0, 1, 2, 3, 4, 5, 7}
MEETING_DATE = "2024-03-14"
HUGE = "99999999999999999999"  # beyond a C long and SQLite's 64-bit integers


@dataclass(frozen=True)
class Bad:
    argv: tuple[str, ...]
    codes: tuple[int, ...]
    listing: bool = False  # import/export/pii may list rows or findings first
    env: tuple[tuple[str, str], ...] = ()


def bad(*argv: str, code: int | tuple[int, ...] = 1, listing: bool = False, **env: str) -> Bad:
    codes = code if isinstance(code, tuple) else (code,)
    return Bad(argv, codes, listing, tuple(env.items()))


# Placeholders: {vault} the test's vault, {tmp} its folder, {missing} a file that
# does not exist, {dir} a folder, {text} a plain text file, {binary} non-UTF-8
# bytes, {empty} an empty file, {bad_csv} a spreadsheet with invalid rows,
# {fake_xlsx} a broken .xlsx, {pii} a text with personal data.
MATRIX: dict[str, Bad] = {
    # --- the vault itself, and how the passphrase arrives ---------------------
    "check-missing-vault": bad("check", "--vault", "{missing}"),
    "cases-vault-is-folder": bad("cases", "--vault", "{dir}"),
    "cases-vault-is-text": bad("cases", "--vault", "{text}", code=7),
    "case-show-missing-vault": bad("case", "show", "DL-2024-001", "--vault", "{missing}"),
    "audit-missing-vault": bad("audit", "--vault", "{missing}"),
    "allow-list-missing-vault": bad("pii", "allow", "list", "--vault", "{missing}"),
    "scan-missing-vault": bad("pii", "scan", "{text}", "--vault", "{missing}"),
    "passphrase-file-missing": bad("cases", "--passphrase-file", "{missing}"),
    "passphrase-file-folder": bad("cases", "--passphrase-file", "{dir}"),
    "passphrase-file-binary": bad("cases", "--passphrase-file", "{binary}"),
    "passphrase-file-empty": bad("cases", "--passphrase-file", "{empty}"),
    "recovery-key-file-garbage": bad("check", "--recovery-key-file", "{text}"),
    "no-passphrase-at-all": bad("cases", DRIELUIK_PASSPHRASE=""),
    "vault-option-before-command": bad("--vault", "{vault}", "cases", code=2),
    "unknown-command": bad("bestaat-niet", code=2),
    "unknown-option": bad("cases", "--bestaat-niet", code=2),
    # --- init, backup, passwd --------------------------------------------------
    "init-existing": bad("init"),
    "init-on-folder": bad("init", "--vault", "{dir}"),
    "backup-onto-vault": bad("backup", "{vault}"),
    "backup-missing-folder": bad("backup", "{missing}/b.vault"),
    "backup-existing-file": bad("backup", "{text}"),
    "backup-no-dest": bad("backup", code=2),
    "passwd-no-new-passphrase": bad("passwd"),
    "passwd-new-file-missing": bad("passwd", "--new-passphrase-file", "{missing}"),
    "passwd-new-file-binary": bad("passwd", "--new-passphrase-file", "{binary}"),
    # --- cases and case ---------------------------------------------------------
    "cases-year-negative": bad("cases", "--year", "-5"),
    "cases-year-zero": bad("cases", "--year", "0"),
    "cases-year-huge": bad("cases", "--year", HUGE),
    "cases-year-word": bad("cases", "--year", "vorig", code=2),
    "cases-status-unknown": bad("cases", "--status", "bogus"),
    "cases-status-empty": bad("cases", "--status", ""),
    "cases-vorm-unknown": bad("cases", "--vorm", "bogus"),
    "cases-gemeente-unknown": bad("cases", "--gemeente", "Atlantis"),
    "cases-limit-negative": bad("cases", "--limit", "-1", code=2),
    "cases-limit-huge-means-all": bad("cases", "--limit", HUGE, code=0),
    "cases-json-nothing": bad("cases", "--year", "2099", "--json", code=0),
    "case-show-unknown": bad("case", "show", "DL-1999-999"),
    "case-show-empty": bad("case", "show", ""),
    "case-show-json-unknown": bad("case", "show", "NOPE", "--json"),
    "case-add-nothing": bad("case", "add"),
    **{
        f"case-add-{name}": bad(
            "case",
            "add",
            *(
                arg
                for key, value in {
                    "--datum": "2024-01-10",
                    "--gemeente": "Assen",
                    "--vorm": "arbeid",
                    "--melder": "Veilig Thuis Drenthe",
                    "--omschrijving": "Een signaal.",
                    **override,
                }.items()
                for arg in (key, value)
            ),
        )
        for name, override in {
            "date-31-feb": {"--datum": "31-02-2024"},
            "date-word": {"--datum": "gisteren"},
            "date-year-1": {"--datum": "0001-01-01"},
            "date-future": {"--datum": (date.today() + timedelta(days=30)).isoformat()},
            "gemeente": {"--gemeente": "Atlantis"},
            "vorm": {"--vorm": "bogus"},
            "empty-melder": {"--melder": ""},
            "empty-summary": {"--omschrijving": "   "},
            "nul-in-summary": {"--omschrijving": "a\x00b"},
            "ondermijning": {"--ondermijning": "misschien"},
            "kwetsbaar": {"--kwetsbaar": "foo"},
            "status": {"--status": "bogus"},
        }.items()
    },
    # --- import -----------------------------------------------------------------
    "import-missing": bad("import", "{missing}"),
    "import-folder": bad("import", "{dir}"),
    "import-binary": bad("import", "{binary}"),
    "import-empty": bad("import", "{empty}"),
    "import-bad-rows": bad("import", "{bad_csv}", listing=True),
    "import-bad-rows-dry-run": bad("import", "{bad_csv}", "--dry-run", listing=True),
    "import-broken-xlsx": bad("import", "{fake_xlsx}"),
    "import-no-file": bad("import", code=2),
    # --- meetings and the agenda ----------------------------------------------------
    "agenda-31-feb": bad("agenda", "31-02-2024"),
    "agenda-word": bad("agenda", "gisteren"),
    "agenda-empty-date": bad("agenda", ""),
    "agenda-json-nothing": bad("agenda", "1950-01-01", "--json", code=0),
    "meetings-json": bad("meetings", "--json", code=0),
    "meeting-new-no-date": bad("meeting", "new", code=2),
    "meeting-new-31-feb": bad("meeting", "new", "--date", "31-02-2024"),
    "meeting-new-word": bad("meeting", "new", "--date", "gisteren"),
    "meeting-new-empty": bad("meeting", "new", "--date", ""),
    "meeting-new-exists": bad("meeting", "new", "--date", MEETING_DATE),
    # --- search and report ----------------------------------------------------------
    "search-no-query": bad("search", code=2),
    "search-empty-query": bad("search", "", code=0),
    "search-fts-syntax": bad("search", 'NEAR( "AND OR * -:', code=0),
    "search-limit-zero": bad("search", "x", "--limit", "0", code=2),
    "search-limit-huge": bad("search", "x", "--limit", HUGE, code=2),
    "search-year-negative": bad("search", "x", "--year", "-5"),
    "search-vorm-unknown": bad("search", "x", "--vorm", "bogus"),
    "search-status-empty": bad("search", "x", "--status", ""),
    "search-json-nothing": bad("search", "zzzzqqq", "--json", code=0),
    "report-no-year": bad("report", code=2),
    "report-year-zero": bad("report", "--year", "0"),
    "report-year-huge": bad("report", "--year", HUGE),
    "report-year-word": bad("report", "--year", "gisteren", code=2),
    "report-format-unknown": bad("report", "--year", "2024", "--format", "xml", code=2),
    "report-out-folder": bad("report", "--year", "2024", "--out", "{dir}"),
    "report-out-missing-folder": bad("report", "--year", "2024", "--out", "{missing}/r.md"),
    "report-out-exists": bad("report", "--year", "2024", "--out", "{text}"),
    "report-delimiter-unknown": bad(
        "report", "--year", "2024", "-f", "csv", "--delimiter", "|", code=2
    ),
    "report-delimiter-not-csv": bad("report", "--year", "2024", "--delimiter", "tab", code=2),
    # --- trust ------------------------------------------------------------------------
    "retention-years-negative": bad("retention", "--set-years", "-1"),
    "retention-years-zero": bad("retention", "--set-years", "0"),
    "retention-years-huge": bad("retention", "--set-years", HUGE),
    "retention-two-actions": bad("retention", "--purge", "--destroyed"),
    "audit-limit-negative": bad("audit", "--limit", "-1"),
    "audit-limit-zero": bad("audit", "--limit", "0"),
    "audit-limit-huge-means-all": bad("audit", "--limit", HUGE, code=0),
    # --- personal data and exports ---------------------------------------------------
    "scan-missing": bad("pii", "scan", "{missing}"),
    "scan-folder": bad("pii", "scan", "{dir}"),
    "scan-finds-pii": bad("pii", "scan", "{pii}", code=5, listing=True),
    "allow-add-empty": bad("pii", "allow", "add", ""),
    "export-unknown-date": bad("export", "minutes", "2099-01-01", "--out", "{tmp}/m.md"),
    "export-word": bad("export", "minutes", "gisteren", "--out", "{tmp}/m.md"),
    "export-31-feb": bad("export", "minutes", "31-02-2024", "--out", "{tmp}/m.md"),
    "export-id-huge": bad("export", "minutes", HUGE, "--out", "{tmp}/m.md"),
    "export-id-superscript": bad("export", "minutes", "²", "--out", "{tmp}/m.md"),
    "export-empty-ref": bad("export", "minutes", "", "--out", "{tmp}/m.md"),
    "export-out-folder": bad("export", "minutes", MEETING_DATE, "--out", "{dir}"),
    "export-out-missing-folder": bad("export", "minutes", MEETING_DATE, "--out", "{missing}/m.md"),
    "export-out-exists": bad("export", "minutes", MEETING_DATE, "--out", "{text}", "-f", "md"),
    "export-format-unknown": bad(
        "export", "minutes", MEETING_DATE, "--out", "{tmp}/m.md", "--format", "xyz"
    ),
    "export-extension-unknown": bad("export", "minutes", MEETING_DATE, "--out", "{tmp}/m.xyz"),
    "export-extension-contradicts-format": bad(
        "export", "minutes", MEETING_DATE, "--out", "{tmp}/m.pdf", "--format", "docx"
    ),
    "export-no-out": bad("export", "minutes", MEETING_DATE, code=2),
    # --- demo -----------------------------------------------------------------------------
    "demo-cases-zero": bad("demo", "--no-open", "--cases", "0", code=2),
    "demo-cases-negative": bad("demo", "--no-open", "--cases", "-1", code=2),
    "demo-cases-huge": bad("demo", "--no-open", "--cases", HUGE, code=2),
    "demo-in-place-of-own-vault": bad("demo", "--no-open", "--vault", "{vault}"),
    "demo-reset-refuses-non-demo": bad(
        "demo", "--no-open", "--reset", "--vault", "{text}", code=(1, 7)
    ),
    "demo-refuses-to-open-non-demo": bad("demo", "--no-open", "--vault", "{text}", code=(1, 7)),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """One small vault for the whole module (copied per test): cases and a meeting."""
    path = tmp_path_factory.mktemp("template") / "drieluik.vault"
    with Vault.create(path, PASSPHRASE) as opened:
        add_cases(opened, "2024-01-10", "2024-02-01", "2024-03-01")
        meetings.create_meeting(opened, date.fromisoformat(MEETING_DATE), ["GGD Drenthe"])
        counts = table_counts(opened)
    return path, counts


@pytest.fixture
def world(
    template: tuple[Path, dict[str, int]],
    isolated_env: IsolatedEnv,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> dict[str, str]:
    shutil.copyfile(template[0], isolated_env.vault)
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)
    files = tmp_path / "files"
    files.mkdir()
    (files / "map").mkdir()
    (files / "tekst.txt").write_text("gewone tekst\n", encoding="utf-8")
    (files / "binair.csv").write_bytes(b"\xff\xfe\x00\x80\x81garbage\n")
    (files / "leeg.csv").write_bytes(b"")
    (files / "fout.csv").write_text(
        "datum;gemeente;vorm;melder;omschrijving\n31-02-2024;Assen;arbeid;GGD;x\n"
        "gisteren;Atlantis;bogus;;\n",
        encoding="utf-8",
    )
    (files / "kapot.xlsx").write_bytes(b"PK\x03\x04garbage")
    (files / "pii.txt").write_text("Bel Elena P. op 06-12345678.\n", encoding="utf-8")
    return {
        "vault": str(isolated_env.vault),
        "tmp": str(files),
        "missing": str(files / "bestaat-niet"),
        "dir": str(files / "map"),
        "text": str(files / "tekst.txt"),
        "binary": str(files / "binair.csv"),
        "empty": str(files / "leeg.csv"),
        "bad_csv": str(files / "fout.csv"),
        "fake_xlsx": str(files / "kapot.xlsx"),
        "pii": str(files / "pii.txt"),
    }


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_bad_invocation_is_refused_cleanly(
    name: str,
    lang: str,
    world: dict[str, str],
    template: tuple[Path, dict[str, int]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case = MATRIX[name]
    monkeypatch.setenv("DRIELUIK_LANG", lang)
    set_language(None)
    for key, value in case.env:
        monkeypatch.setenv(key, value)
    vault = Path(world["vault"])
    before = vault.read_bytes()

    code = run([arg.format(**world) for arg in case.argv])
    out, err = capsys.readouterr()

    assert code in DOCUMENTED_EXIT_CODES
    assert code in case.codes, (code, err)
    assert "Traceback" not in out + err
    # run()'s last resort ("Onverwachte fout (OverflowError)") means a case nobody handled.
    assert t("error.unexpected", kind="").split("(")[0] not in err, err
    if code not in (0, 2, 5):
        lines = err.strip().splitlines()
        assert lines, "a refusal says why"
        prefix = "Fout: " if lang == "nl" else "Error: "
        assert lines[-1].startswith(prefix), err
        if not case.listing:
            assert len(lines) == 1, err
        if lang == "en":
            assert "Fout" not in err, err
    if code == 2:  # a usage error: one line in the user's language, pointing at -h
        prefix = "Fout: " if lang == "nl" else "Error: "
        assert err.startswith(prefix) and len(err.strip().splitlines()) == 1, err
        assert "-h'" in err, err

    # Nothing lost: an existing file is never overwritten or deleted; the vault
    # is byte-identical, or (after an audited unlock) holds the same contents.
    assert Path(world["text"]).read_text(encoding="utf-8") == "gewone tekst\n"
    after = vault.read_bytes()
    if after != before and code != 0:
        with Vault.open(vault, PASSPHRASE) as reopened:
            assert table_counts(reopened) == template[1]


def test_wrong_passphrase_is_exit_3_and_leaves_the_vault_byte_identical(
    world: dict[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", "niet het wachtwoord")
    vault = Path(world["vault"])
    before = vault.read_bytes()
    commands = [
        ["check"],
        ["cases"],
        ["case", "show", "DL-2024-001"],
        ["agenda"],
        ["search", "signaal"],
        ["report", "--year", "2024"],
        ["import", world["bad_csv"]],
        ["backup", f"{world['tmp']}/b.vault"],
        ["passwd"],
        ["export", "minutes", MEETING_DATE, "--out", f"{world['tmp']}/m.md"],
        ["retention", "--purge", "--yes"],
        ["pii", "allow", "add", "Fier"],
    ]
    for argv in commands:
        code = run(argv)
        _, err = capsys.readouterr()
        assert code == 3, (argv, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, (argv, err)
    assert vault.read_bytes() == before
    assert not Path(world["tmp"], "b.vault").exists()
    assert not Path(world["tmp"], "m.md").exists()


def test_vault_held_by_another_opener_is_exit_4_and_untouched(
    world: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    # The OS lock is per open file, so holding it here refuses run() like another process.
    vault = Path(world["vault"])
    before = vault.read_bytes()
    with Vault.open(vault, PASSPHRASE):
        for argv in (
            ["check"],
            ["cases"],
            [
                *("case", "add", "--datum", "2024-01-10", "--gemeente", "Assen"),
                *("--vorm", "arbeid", "--melder", "GGD Drenthe", "--omschrijving", "Tekst."),
            ],
            ["import", world["bad_csv"]],
            ["passwd"],
            ["backup", f"{world['tmp']}/b.vault"],
        ):
            code = run(argv)
            _, err = capsys.readouterr()
            assert code == 4, (argv, err)
            assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, (argv, err)
    assert vault.read_bytes() == before


def test_passwd_without_a_new_passphrase_names_the_new_passphrase_sources(
    world: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["passwd"]) == 1
    err = capsys.readouterr().err
    assert "DRIELUIK_NEW_PASSPHRASE" in err and "--new-passphrase-file" in err, err


@pytest.mark.parametrize(
    ("argv", "question"),
    [
        (["cases"], "prompt"),  # the passphrase
        (["case", "add"], "prompt"),  # a field of the new case
        (["retention", "--purge"], "prompt"),  # may I destroy? (a yes/no is a prompt)
    ],
    ids=["passphrase", "case-field", "purge-confirmation"],
)
def test_ctrl_c_at_a_question_ends_with_130_and_one_line(
    argv: list[str],
    question: str,
    world: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Click turns Ctrl+C at a prompt into Abort ("Aborted!", exit 1); drieluik says
    "Afgebroken." and exits 130 as the README documents, nothing changed."""
    import typer

    def interrupted(*_: object, **__: object) -> object:
        raise typer.Abort()

    if argv == ["cases"]:
        monkeypatch.delenv("DRIELUIK_PASSPHRASE")
    if argv[0] == "retention":  # a case closed in 2015 is past any retention period
        with Vault.open(Path(world["vault"]), PASSPHRASE) as opened:
            add_cases(opened, "2015-01-05", status="afgesloten")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr(typer, question, interrupted)
    vault = Path(world["vault"])
    before = vault.read_bytes()
    code = run(argv)
    out, err = capsys.readouterr()
    assert code == 130, err
    assert err.strip().splitlines()[-1] == "Afgebroken.", err
    assert "Aborted" not in err and "Traceback" not in out + err
    if argv == ["cases"]:  # interrupted before the unlock: not one byte changed
        assert vault.read_bytes() == before
    with Vault.open(vault, PASSPHRASE) as reopened:  # nothing added, nothing destroyed
        assert table_counts(reopened)["cases"] == (4 if argv[0] == "retention" else 3)
