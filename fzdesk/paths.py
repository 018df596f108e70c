"""The one place that knows where resources and user data live (source tree, installed, frozen)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_ENV = "FZDESK_DATA"
RESOURCES_ENV = "FZDESK_RESOURCES"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resources_dir() -> Path:
    """The resources/ folder: beside the frozen executable's bundle, in the source tree, or installed."""
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    candidates: list[Path] = []
    if is_frozen():
        candidates.append(Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")  # source tree / editable install
    candidates.append(Path(sys.prefix) / "share" / "fzdesk" / "resources")  # wheel data-files
    for candidate in candidates:
        if (candidate / "catalogue").is_dir():
            return candidate
    raise FileNotFoundError("fzdesk resources not found in: " + ", ".join(str(c) for c in candidates))


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_data_dir() -> Path:
    """Per-user data folder: %APPDATA%/fzdesk on Windows, ~/.local/share/fzdesk elsewhere."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / "fzdesk"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "fzdesk"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder in use: --data DIR, else $FZDESK_DATA, else the per-user folder."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env)
    return default_data_dir()
