"""Debounced autosave: edits are queued by key and written a moment after typing pauses, or, while typing goes
on without a pause, once the oldest unsaved edit is MAX_WAIT_MS old (so a killed process loses under a second).

A write that fails (disk full, the stick pulled or write-protected) is kept and tried again every RETRY_MS, and at
every flush (a step change, closing the window), until it succeeds or a newer edit of the same key replaces it:
`failed` is emitted once when saving starts failing, `saved` when it works again.

A figure of the 数据 sheet is written at once (`write_now`: the sheet shows whether it landed as Enter is pressed),
through the same queue: a failed figure is kept and retried with the text, and closing asks the same question."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

DELAY_MS = 400
#: The longest an edit waits while typing continues: each write is one small transaction on the UI thread
#: (~1 ms), so saving this often costs typing nothing (benchmarks/bench_typing_checks.py).
MAX_WAIT_MS = 800
RETRY_MS = 3000


class Autosaver(QObject):
    """Keeps the latest pending write per key; runs them all when the timer fires or on flush()."""

    saved = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, delay_ms: int = DELAY_MS, max_wait_ms: int = MAX_WAIT_MS) -> None:
        super().__init__(parent)
        self._pending: dict[str, Callable[[], Any]] = {}
        self.immediate = False  # set once the window closes: a late edit is written at once
        self.delay_ms = delay_ms
        self.max_wait_ms = max(max_wait_ms, delay_ms)
        self._oldest = 0.0  # time.monotonic() of the oldest edit not yet written
        self.failing = False  # the last flush failed: its writes are pending, retried every RETRY_MS
        self.last_error = ""
        self.last_exception: Exception | None = None  # the first failed write's error (the window may act on it)
        self._later = False  # inside write_now: `failed` waits for the event loop (no dialog inside a model's setData)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)

    def schedule(self, key: str, write: Callable[[], Any]) -> None:
        """Queues write under key (replacing an older one) and restarts the delay, never past the moment the
        oldest queued edit has waited max_wait_ms."""
        if not self._pending:
            self._oldest = time.monotonic()
        self._pending[key] = write
        if self.immediate:
            self.flush()
            return
        if self.failing and self._timer.isActive():
            return  # saving fails: the next try comes with the retry timer, not at every key
        waited_ms = (time.monotonic() - self._oldest) * 1000
        self._timer.start(max(0, min(self.delay_ms, round(self.max_wait_ms - waited_ms))))

    def write_now(self, key: str, write: Callable[[], Any]) -> bool:
        """Queues write under key and flushes at once (with whatever else is queued); True if it was written. A
        failure is kept and retried as any other, and said on the event loop's next turn: this runs inside the item
        view's commit of a cell, where a message box's own event loop must not start."""
        self._pending[key] = write
        self._later = True
        try:
            self.flush()
        finally:
            self._later = False
        return key not in self._pending

    def queued(self, key: str) -> Callable[[], Any] | None:
        """The write kept under key (a figure sheet built anew takes over its report's figures not yet saved)."""
        return self._pending.get(key)

    def kept(self) -> list[Callable[[], Any]]:
        """Every write queued or kept for a retry (a report read again from the store takes their values over)."""
        return list(self._pending.values())

    @property
    def pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> None:
        """Writes everything queued now, each write its own transaction."""
        self._timer.stop()
        if not self._pending:
            return
        writes, self._pending = list(self._pending.items()), {}
        errors = []
        first: Exception | None = None
        for key, write in writes:
            try:
                write()
            except Exception as exc:  # a failed save must be shown, never lost silently: kept for the next try
                self._pending.setdefault(key, write)  # (unless a newer edit of the key was queued meanwhile)
                from fzdesk.storage.trouble import write_trouble  # (only when it happens: not at start-up)

                errors.append(write_trouble(exc))
                first = first or exc
        if errors:
            self.last_error = "；".join(dict.fromkeys(errors))
            if not self.immediate:
                self._timer.start(RETRY_MS)
            # said once while it keeps failing the same way; a new kind of trouble (the stick pulled after the
            # disk was full) is said again: it asks for something else
            if not self.failing or type(first) is not type(self.last_exception):
                self.failing = True
                self.last_exception = first
                if self._later:
                    message = self.last_error
                    QTimer.singleShot(0, self, lambda: self.failed.emit(message) if self.failing else None)
                else:
                    self.failed.emit(self.last_error)
        else:
            self.failing = False
            self.last_exception = None
            self.saved.emit()

    def discard(self) -> None:
        self._timer.stop()
        self._pending.clear()
        self.failing = False
        self.last_exception = None
