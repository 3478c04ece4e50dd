"""The CLI speaks the language of config.toml's `lang`, as the app does;
DRIELUIK_LANG overrides it (README, "Settings")."""

from __future__ import annotations

import pytest

from drieluik.cli import run
from tests.conftest import IsolatedEnv


def _missing_vault_error(capsys: pytest.CaptureFixture[str], tmp_path) -> str:
    assert run(["cases", "--vault", str(tmp_path / "bestaat-niet.vault")]) == 1
    return capsys.readouterr().err


def test_lang_in_config_switches_the_cli_to_english(
    isolated_env: IsolatedEnv, capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    assert _missing_vault_error(capsys, tmp_path).startswith("Fout: ")
    isolated_env.config_dir.mkdir(parents=True)
    (isolated_env.config_dir / "config.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert _missing_vault_error(capsys, tmp_path).startswith("Error: No vault found")


def test_the_environment_wins_over_the_config_file(
    isolated_env: IsolatedEnv,
    capsys: pytest.CaptureFixture[str],
    tmp_path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    isolated_env.config_dir.mkdir(parents=True)
    (isolated_env.config_dir / "config.toml").write_text('lang = "en"\n', encoding="utf-8")
    monkeypatch.setenv("DRIELUIK_LANG", "nl")
    assert _missing_vault_error(capsys, tmp_path).startswith("Fout: ")
