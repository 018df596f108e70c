"""Debounced autosave: edits are queued by key and written a moment after typing pauses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

DELAY_MS = 400


class Autosaver(QObject):
    """Keeps the latest pending write per key; runs them all when the timer fires or on flush()."""

    saved = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, delay_ms: int = DELAY_MS) -> None:
        super().__init__(parent)
        self._pending: dict[str, Callable[[], Any]] = {}
        self.immediate = False  # set once the window closes: a late edit is written at once
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)

    def schedule(self, key: str, write: Callable[[], Any]) -> None:
        """Queues write under key (replacing an older one) and restarts the delay."""
        self._pending[key] = write
        if self.immediate:
            self.flush()
        else:
            self._timer.start()

    @property
    def pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> None:
        """Writes everything queued now, each write its own transaction."""
        self._timer.stop()
        if not self._pending:
            return
        writes, self._pending = list(self._pending.values()), {}
        errors = []
        for write in writes:
            try:
                write()
            except Exception as exc:  # a failed save must be shown, never lost silently
                errors.append(str(exc))
        if errors:
            self.failed.emit("；".join(errors))
        else:
            self.saved.emit()

    def discard(self) -> None:
        self._timer.stop()
        self._pending.clear()
