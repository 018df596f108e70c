"""Start-up work that can wait runs once the main window has been painted for the first time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget

FILTER_NAME = "fzdeskFirstPaint"


class _FirstPaint(QObject):
    """Watches one widget until its first paint event, then runs the callbacks in order, each on its own turn
    of the event loop (so that the window is on screen, and input is handled, before each of them)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.setObjectName(FILTER_NAME)
        self.widget = widget
        self.callbacks: list[Callable[[], None]] = []
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: object) -> bool:
        if not self.painted and watched is self.widget and isinstance(event, QPaintEvent):
            self.painted = True
            self.widget.removeEventFilter(self)
            callbacks, self.callbacks = self.callbacks, []
            for callback in callbacks:
                QTimer.singleShot(0, callback)
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None], *, first: bool = False) -> None:
    """Calls callback on the event loop's first turn after widget's first paint (at once if it was painted), after
    the callbacks registered before it, or (first) before them."""
    watcher = widget.findChild(_FirstPaint, FILTER_NAME)
    if watcher is None:
        watcher = _FirstPaint(widget)
    if watcher.painted:
        QTimer.singleShot(0, callback)
    else:
        watcher.callbacks.insert(0 if first else len(watcher.callbacks), callback)


def painted(widget: QWidget) -> bool:
    """Whether widget has been painted since the first callback was registered on it."""
    watcher = widget.findChild(_FirstPaint, FILTER_NAME)
    return watcher is not None and watcher.painted
