"""User preferences: a TOML file in the platformdirs config folder, each key
overridable by a DRIELUIK_<KEY> environment variable.

Only preferences about the *program* live here (language, idle lock, export
folder, theme). Everything about the *data* — allow-list, retention period —
lives inside the vault, so it travels with the data and is encrypted.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "drieluik"


def config_dir() -> Path:
    override = os.environ.get("DRIELUIK_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    override = os.environ.get("DRIELUIK_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def default_vault_path() -> Path:
    return data_dir() / "drieluik.vault"


def demo_vault_path() -> Path:
    """The demo lives next to — never in place of — the user's own vault."""
    return data_dir() / "drieluik-demo.vault"


@dataclass(frozen=True)
class Settings:
    lang: str = "nl"
    idle_lock_minutes: float = 5.0
    # While a meeting is being chaired: the chair listens for minutes on end.
    idle_lock_minutes_chairing: float = 30.0
    export_dir: str = ""
    theme: str = "textual-dark"
    kdf_target_ms: int = 500
    # [keymap] table: binding id → keys, e.g. `"app.lock" = "ctrl+k"` (App.set_keymap).
    keymap: tuple[tuple[str, str], ...] = ()
    problems: tuple[str, ...] = field(default=(), compare=False)

    @property
    def export_folder(self) -> Path:
        return Path(self.export_dir).expanduser() if self.export_dir else Path.cwd()


def settings_path() -> Path:
    return config_dir() / "config.toml"


def load_settings(path: Path | None = None) -> Settings:
    """Read the TOML file and the environment. Bad values are reported, not fatal."""
    path = path or settings_path()
    values: dict[str, object] = {}
    problems: list[str] = []
    if path.is_file():
        try:
            values.update(tomllib.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            problems.append(f"{path}: {exc}")
    settings = Settings()
    for f in fields(Settings):
        if f.name in ("problems", "keymap"):
            continue
        env = os.environ.get(f"DRIELUIK_{f.name.upper()}")
        raw = env if env is not None else values.get(f.name)
        if raw is None:
            continue
        try:
            value = _coerce(type(getattr(settings, f.name)), raw)
        except (TypeError, ValueError):
            problems.append(f"{f.name}={raw!r}")
            continue
        change: dict[str, Any] = {f.name: value}  # the field's type: _coerce made it so
        settings = replace(settings, **change)
    keymap = values.get("keymap")
    if isinstance(keymap, dict):
        flat = _flatten(keymap)
        pairs = tuple((k, v) for k, v in flat.items() if isinstance(v, str))
        problems.extend(f"keymap.{k}={v!r}" for k, v in flat.items() if not isinstance(v, str))
        settings = replace(settings, keymap=pairs)
    elif keymap is not None:
        problems.append(f"keymap={keymap!r}")
    if settings.lang not in ("nl", "en"):
        problems.append(f"lang={settings.lang!r}")
        settings = replace(settings, lang="nl")
    if settings.idle_lock_minutes < 0:
        problems.append(f"idle_lock_minutes={settings.idle_lock_minutes!r}")
        settings = replace(settings, idle_lock_minutes=5.0)
    if settings.idle_lock_minutes_chairing < 0:
        problems.append(f"idle_lock_minutes_chairing={settings.idle_lock_minutes_chairing!r}")
        settings = replace(settings, idle_lock_minutes_chairing=30.0)
    return replace(settings, problems=tuple(problems))


def _flatten(table: dict, prefix: str = "") -> dict[str, object]:
    """`app.lock = "ctrl+k"` (a nested table in TOML) and `"app.lock" = …` alike."""
    flat: dict[str, object] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def _coerce(kind: type, raw: object) -> object:
    if kind is float:
        return float(raw)  # type: ignore[arg-type]
    if kind is int:
        return int(raw)  # type: ignore[call-overload]
    if kind is str:
        if not isinstance(raw, str):
            raise TypeError(raw)
        return raw
    raise TypeError(kind)
