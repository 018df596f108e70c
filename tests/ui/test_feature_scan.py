"""PySide6's feature scan (fzdesk.feature_scan): in the bundle PySide6 is loaded before the program's first line."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from fzdesk.feature_scan import skip_feature_scan

REPO = Path(__file__).resolve().parents[2]

# As in the bundle: PyInstaller's PySide6 hook imports PySide6 before fzdesk/__main__.py runs.
BUNDLE_ORDER_PROBE = """
import inspect, runpy, sys
read = []
real = inspect.getsource
inspect.getsource = lambda obj: read.append(getattr(obj, "__name__", "?")) or real(obj)
import PySide6.QtCore
sys.argv = ["fzdesk", "--version"]
try:
    runpy.run_module("fzdesk", run_name="__main__")
except SystemExit:
    pass
print(",".join(n for n in read if n.startswith("fzdesk")))
"""


def test_with_pyside_loaded_first_only_the_entry_modules_are_read() -> None:
    result = subprocess.run([sys.executable, "-c", BUNDLE_ORDER_PROBE], capture_output=True, text=True, check=True,
                            cwd=REPO, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    # the package and the scan's own module are imported before the scan can be skipped; nothing after them
    assert result.stdout.split("\n")[-2] == "fzdesk,fzdesk.feature_scan"


def test_in_a_bundle_every_module_of_the_archive_is_entered(monkeypatch: pytest.MonkeyPatch) -> None:
    import PySide6.QtCore  # noqa: F401 (the table exists once PySide6 is loaded)

    table = sys.modules["shibokensupport.feature"].pyside_feature_dict
    names = ["fzdesk.bundled_only", "some_library.bundled_only"]
    importers = types.ModuleType("pyimod02_importers")
    importers.pyz_archive = types.SimpleNamespace(toc={name: (0, 0, 0) for name in names})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pyimod02_importers", importers)
    try:
        skip_feature_scan()
        assert [table.get(name) for name in names] == [-1, -1]
    finally:
        for name in names:
            table.pop(name, None)
