"""Everything outside fzdesk.ui must import without loading PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import fzdesk


def _non_ui_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(fzdesk.__path__, "fzdesk."):
        if info.name.startswith("fzdesk.ui") or info.name in ("fzdesk.app", "fzdesk.__main__"):
            continue
        names.append(info.name)
    return names


def test_non_ui_modules_exist() -> None:
    modules = _non_ui_modules()
    for expected in ("fzdesk.domain.model", "fzdesk.storage.store", "fzdesk.cli"):
        assert expected in modules


def test_no_pyside_outside_ui() -> None:
    modules = _non_ui_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"PySide6 loaded by non-ui modules: {result.stdout}"
