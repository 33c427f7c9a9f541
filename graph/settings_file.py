"""Settings files (TOML or JSON) read in one place, so every table ([server], [store]) fails the same clear way."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import ConfigError


def read_settings_table(path: Path, table: str, top_level: bool = False) -> dict[str, Any]:
    """The `[table]` of a settings file; with `top_level`, a file without that table is the table itself."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read settings file {path}: {exc.strerror}") from None
    kind = "JSON" if path.suffix.lower() == ".json" else "TOML"
    try:
        if kind == "JSON":
            data = json.loads(raw)
        else:
            try:
                import tomllib
            except ModuleNotFoundError:  # Python 3.10
                raise ConfigError("TOML settings need Python 3.11+; use a .json file") from None
            data = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid {kind}: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a table of settings")
    if table in data:
        if not isinstance(data[table], dict):
            raise ConfigError(f"{path}: [{table}] must be a table")
        return dict(data[table])
    return data if top_level else {}
