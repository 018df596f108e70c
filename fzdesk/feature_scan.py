"""Spares PySide6 reading the source of every module imported after it (skip_feature_scan).

Stdlib-only and tiny: in the bundle, PyInstaller's PySide6 hook has imported PySide6 before the program's first
line, so every module imported after that, this one included, is scanned until skip_feature_scan has run.
"""

from __future__ import annotations

import os
import sys

#: The packages whose modules the window and the first check import (in the source tree and an installation);
#: "" is fzdesk itself.
PACKAGES = ("", "ui", "ui.pages", "checks", "domain", "storage", "export")


def skip_feature_scan() -> None:
    """Enters the modules loaded so far and those fzdesk imports next in PySide6's feature table (~5 ms at start
    from source; in the bundle every module of the archive, as PySide6 was loaded before the first line).

    PySide6 replaces `__import__`: after each import statement, for every module it has not seen, its
    shibokensupport.feature.feature_imported reads the whole source (inspect.getsource; in the bundle there is
    none, and the attempt fails only after looking in several places) and records in pyside_feature_dict 0 if it
    contains "PySide6", else -1 ("ignore this module"). The table only matters for `from __feature__ import
    snake_case/true_property`, which switches a module's view of the Qt classes: the C side (getFeatureSelectId)
    keeps the last selection for a module that is absent or -1 and switches to the module's selection otherwise.
    fzdesk selects no feature anywhere (tests/ui/test_startup.py checks that), so the only selection there is is
    the default one, 0, whatever the table holds: entering the modules as -1 (as if PySide had read them and found
    no "PySide6") changes nothing but the time. Nothing happens if PySide6 is not loaded yet or the table is not
    where PySide6 6.4-6.12 keeps it."""
    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    names = [*sys.modules, *_bundled_modules()]
    top = os.path.dirname(__file__)
    for package in PACKAGES:
        prefix = f"fzdesk.{package}" if package else "fzdesk"
        try:
            with os.scandir(os.path.join(top, *package.split("."))) as entries:
                names += [prefix, *(f"{prefix}.{e.name[:-3]}" for e in entries
                                    if e.name.endswith(".py") and e.name != "__init__.py")]
        except OSError:  # a bundle has no such folders: its modules come from _bundled_modules
            pass
    for name in names:
        table.setdefault(name, -1)


def _bundled_modules() -> list[str]:
    """In a PyInstaller bundle, every module of its archive (the program's, the standard library's): none has a
    source file there for PySide6 to read."""
    archive = getattr(sys.modules.get("pyimod02_importers"), "pyz_archive", None)
    toc = getattr(archive, "toc", None)
    return list(toc) if isinstance(toc, dict) else []
