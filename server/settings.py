"""The server's settings: config.py's [server] section, under the name the server's modules import it by.

Every setting is declared in config.py (type, default, help, environment variable); this module only names the
section `Settings` and loads it alone, validated, for code that needs nothing else (tests, scripts).
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from ..config import ServerSettings as Settings, load, normalise_endpoint

__all__ = ["Settings", "load_settings", "normalise_endpoint"]


def load_settings(file: str | os.PathLike | None = None, env: Mapping[str, str] | None = None,
                  **overrides: Any) -> Settings:
    """The [server] section from defaults < `file` (TOML/JSON) < ITUKG_* variables of `env` (default: this
    process's environment) < `overrides` (None values skipped), validated (config.load's rule).

    Raises ConfigError with a one-line message for an unreadable file, an unknown key or an unusable value.
    """
    return load(file, env, {"server": overrides}).server.validate()
