"""The figures of one report changed on the sheet and not yet in the store, written through the window's Autosaver."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from fzdesk.domain.model import Report
from fzdesk.storage.store import DataGone, Store
from fzdesk.storage.trouble import write_trouble

if TYPE_CHECKING:
    from fzdesk.ui.autosave import Autosaver

DISK_ADVICE = "请检查磁盘空间，或U盘是否插好、是否设了写保护。"
GONE_ADVICE = "U盘被拔出的，请插回去；也可以按“数据文件不见了”的提示把数据保存到其他文件夹。"


def key_of(report_id: int) -> str:
    """The Autosaver's key for a report's figures."""
    return f"figures:{report_id}"


class UnsavedFigures:
    """The write kept by the Autosaver under key_of(report id): every figure in `codes` with the value the sheet
    shows at the moment of writing (a later edit of the same figure is not overwritten by an older one), all in one
    transaction, so that a paste lands whole or not at all. On success `done(self, codes)` is called."""

    def __init__(self, store: Store, report: Report, done: Callable[[UnsavedFigures, list[str]], None]) -> None:
        self.store = store
        self.report = report
        self.done = done
        self.codes: dict[str, None] = {}  # (ordered: the history lists a paste's figures in its order)
        self.reason = ""  # why the last try failed, in words a clerk can act on
        self.advice = ""  # and what to do about it

    def move_to(self, report: Report) -> None:
        """The same report read again from the store: it gets the figures kept here, and they are written from it."""
        if report is not self.report:
            for code in self.codes:
                report.figures[code] = self.report.figures[code]
            self.report = report

    def add(self, codes: list[str]) -> None:
        self.codes.update(dict.fromkeys(codes))

    def __call__(self) -> None:
        codes = list(self.codes)
        report_id = self.report.id
        assert report_id is not None
        try:
            with self.store.transaction():
                for code in codes:
                    self.store.set_figure(report_id, self.report.figures[code])
        except Exception as exc:
            # the stick pulled: what happened, short (the window's 数据文件不见了 says what to do); else the reason
            if isinstance(exc, DataGone):
                self.reason, self.advice = exc.headline, GONE_ADVICE
            else:
                self.reason, self.advice = write_trouble(exc), DISK_ADVICE
            raise
        for code in codes:
            self.codes.pop(code, None)
        self.reason = ""
        self.done(self, codes)


def write_figures(saver: Autosaver, store: Store, report: Report, codes: list[str]) -> bool:
    """Writes figures changed off the sheet (a check's fix, an explanation) at once, with the report's figures kept
    for a retry (one write per report, so neither overwrites the other): True if they landed; else they are kept,
    retried and said as the sheet's are. A sheet shown again (`FigureModel.set_report`) takes the write over."""
    assert report.id is not None
    kept = saver.queued(key_of(report.id))
    if isinstance(kept, UnsavedFigures):
        kept.move_to(report)
    else:
        kept = UnsavedFigures(store, report, lambda _unsaved, _codes: None)
    kept.add(codes)
    return saver.write_now(key_of(report.id), kept)
