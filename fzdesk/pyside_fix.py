"""Work-arounds for PySide6: pin_singletons and skip_feature_scan.

pin_singletons keeps None, True and False alive under PySide6 builds that drop references to them (CPython < 3.12).

PySide6 6.12 on Python 3.11 releases one reference to True on every Signal.emit() from Python and one
to None on every call into a Python slot (and on every QTest key or mouse call). After a few thousand
keystrokes the count reaches zero and Python aborts ("bool_dealloc" / "none_dealloc"). Python 3.12 made
these objects immortal; on 3.11 we do the same by adding a huge count to their reference counters once.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
from pathlib import Path

_PIN = 1 << 40
_pinned = False


def pin_singletons() -> None:
    """Idempotent; does nothing where the objects are already immortal or outside CPython."""
    global _pinned
    if _pinned or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False):
        counter = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field of every object
        counter.value += _PIN
    _pinned = True


def skip_feature_scan() -> None:
    """Spares PySide6 reading the source of the modules loaded so far and of fzdesk's next ones (~5 ms at start).

    PySide6 replaces `__import__`: after each import statement, for every module it has not seen, its
    shibokensupport.feature.feature_imported reads the whole source (inspect.getsource) and records in
    pyside_feature_dict 0 if it contains "PySide6", else -1 ("ignore this module"). The table only matters for
    `from __feature__ import snake_case/true_property`, which switches a module's view of the Qt classes: the C
    side (getFeatureSelectId) keeps the last selection for a module that is absent or -1 and switches to the
    module's selection otherwise. fzdesk selects no feature anywhere (tests/ui/test_startup.py checks that), so
    the only selection there is is the default one, 0, whatever the table holds: entering the modules as -1 (as
    if PySide had read them and found no "PySide6") changes nothing but the time. Nothing happens if the
    table is not where PySide6 6.4-6.12 keeps it."""
    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    names = list(sys.modules)
    top = Path(__file__).parent  # what the window and the first check import next (a bundle has no such folders)
    for package in ("ui", "ui.pages", "checks", "domain", "storage", "export"):
        with contextlib.suppress(OSError), os.scandir(top.joinpath(*package.split("."))) as entries:
            names += [f"fzdesk.{package}", *(f"fzdesk.{package}.{e.name[:-3]}" for e in entries
                                             if e.name.endswith(".py") and e.name != "__init__.py")]
    for name in names:
        table.setdefault(name, -1)
