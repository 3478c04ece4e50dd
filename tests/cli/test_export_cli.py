"""`drieluik export minutes` end to end, in a subprocess: files, exit codes, listings."""

from __future__ import annotations

from pathlib import Path

import pytest

from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.services.minutes_helpers import sample_meeting
from tests.vault_testing import CliResult, assert_clean_refusal, run_cli

PHONE = "06-12345678"
EMAIL = "elena.p@example.com"
ENV = {"DRIELUIK_PASSPHRASE": PASSPHRASE}


@pytest.fixture
def codes(vault_path: Path) -> dict[str, str]:
    vault = Vault.create(vault_path, PASSPHRASE)
    try:
        return sample_meeting(vault).codes
    finally:
        vault.close()


@pytest.fixture
def leaky(vault_path: Path) -> dict[str, str]:
    vault = Vault.create(vault_path, PASSPHRASE)
    try:
        return sample_meeting(vault, notes_vt=f"Terugbellen op {PHONE} of {EMAIL}.").codes
    finally:
        vault.close()


def _export(*args: str | Path, env: dict[str, str] | None = None) -> CliResult:
    return run_cli("export", "minutes", *map(str, args), env={**ENV, **(env or {})})


def test_writes_markdown(codes: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "verslag.md"
    result = _export("2024-03-14", "--format", "md", "--out", out)
    assert result.code == 0, result.stderr
    assert result.stdout.strip() == f"Verslag geschreven: {out} (3 agendapunten, 3 acties)."
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Verslag Drieluik 14 maart 2024")
    assert codes["vt"] in text


def test_format_follows_the_extension_and_dutch_dates_work(
    codes: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "verslag.pdf"
    result = _export("14-03-2024", "-o", out)
    assert result.code == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")


def test_personal_data_blocks_with_a_masked_listing(leaky: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "verslag.docx"
    result = _export("2024-03-14", "--format", "docx", "--out", out)
    assert result.code == 5
    assert not out.exists() and list(tmp_path.glob(".verslag.docx.*")) == []
    lines = result.stderr.rstrip().splitlines()
    listing, last = lines[:-1], lines[-1]
    assert len(listing) >= 2
    assert all(line.startswith(f"  agendapunt 1 ({leaky['vt']}), bespreking: ") for line in listing)
    assert any("TELEFOON" in line for line in listing)
    assert last.startswith("Fout: Export geblokkeerd:")
    assert PHONE not in result.stderr and "12345678" not in result.stderr
    assert EMAIL not in result.stderr
    assert "Traceback" not in result.stderr


def test_redact_writes_without_the_spans(leaky: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "verslag.md"
    result = _export("2024-03-14", "--format", "md", "--out", out, "--redact")
    assert result.code == 0, result.stderr
    assert "vervangen door plaatshouders" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert "12345678" not in text and EMAIL not in text
    assert "[TELEFOON]" in text


def test_existing_file_needs_force(codes: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "verslag.md"
    out.write_text("eerder", encoding="utf-8")
    refused = _export("2024-03-14", "--out", out)
    assert_clean_refusal(refused, 1)
    assert "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "eerder"
    forced = _export("2024-03-14", "--out", out, "--force")
    assert forced.code == 0, forced.stderr
    assert out.read_text(encoding="utf-8").startswith("# Verslag")


def test_per_partner(codes: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "ggd.md"
    result = _export("2024-03-14", "--out", out, "--per-partner", "ggd drenthe")
    assert result.code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "Uittreksel voor ggd drenthe" in text
    assert codes["vt"] in text and codes["ggd"] in text and codes["politie"] not in text
    assert "Huisvesting controleren" not in text


def test_bad_input_is_one_clear_line(codes: dict[str, str], tmp_path: Path) -> None:
    assert_clean_refusal(_export("2030-01-01", "--out", tmp_path / "x.md"), 1)
    assert_clean_refusal(_export("2024-03-14", "--out", tmp_path / "x.md", "--format", "odt"), 1)
    unknown = _export("2024-03-14", "--out", tmp_path / "verslag.txt")
    assert_clean_refusal(unknown, 1)
    assert "verslag.txt" in unknown.stderr and "--format" in unknown.stderr
    # A Word file named .pdf would not open where it is sent: refused, nothing written.
    mismatch = _export("2024-03-14", "--out", tmp_path / "verslag.pdf", "--format", "docx")
    assert_clean_refusal(mismatch, 1)
    assert not (tmp_path / "verslag.pdf").exists()
    for name, given in (("verslag2.txt", ["--format", "pdf"]), ("verslag.word", [])):
        assert_clean_refusal(_export("2024-03-14", "--out", tmp_path / name, *given), 1)
        assert not (tmp_path / name).exists()
    assert_clean_refusal(_export("2024-03-14", "--out", tmp_path / "nope" / "x.md"), 1)
    assert not list(tmp_path.glob("*.md"))


def test_english_messages(codes: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "minutes.md"
    result = _export("2024-03-14", "--out", out, env={"DRIELUIK_LANG": "en"})
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("Minutes written:")
    assert out.read_text(encoding="utf-8").startswith("# Minutes Drieluik 14 March 2024")


def test_per_partner_that_matches_nothing_is_refused(codes: dict[str, str], tmp_path: Path) -> None:
    """A typo in the partner must not silently give valid but empty minutes."""
    out = tmp_path / "nergens.md"
    result = _export("2024-03-14", "--out", out, "--per-partner", "Nergens")
    assert_clean_refusal(result, 1)
    assert not out.exists() and list(tmp_path.glob(".nergens.md.*")) == []
    assert "Nergens" in result.stderr
    # The organisations that would give an extract: reporters, action owners, referrals.
    for org in ("Veilig Thuis Drenthe", "GGD Drenthe", "Politie (AVIM)", "Fier"):
        assert org in result.stderr
    english = _export(
        "2024-03-14", "--out", out, "--per-partner", "Nergens", env={"DRIELUIK_LANG": "en"}
    )
    assert_clean_refusal(english, 1)
    assert "Nergens" in english.stderr and "Fier" in english.stderr
    assert not out.exists()
