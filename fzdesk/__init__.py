"""fzdesk: writes, checks and exports the annual rule-of-law government report."""

from __future__ import annotations

from functools import cache

APP_NAME = "法治政府建设年度报告助手"


@cache
def _version() -> str:
    # importlib.metadata costs ~20 ms: read only when the version is asked for, never on the start-up path.
    from importlib import metadata

    try:
        return metadata.version("fzdesk")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'fzdesk' has no attribute {name!r}")
