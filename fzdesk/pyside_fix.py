"""Keeps None, True and False alive under PySide6 builds that drop references to them (CPython < 3.12).

PySide6 6.12 on Python 3.11 releases one reference to True on every Signal.emit() from Python and one
to None on every call into a Python slot (and on every QTest key or mouse call). After a few thousand
keystrokes the count reaches zero and Python aborts ("bool_dealloc" / "none_dealloc"). Python 3.12 made
these objects immortal; on 3.11 we do the same by adding a huge count to their reference counters once.
"""

from __future__ import annotations

import ctypes
import sys

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
