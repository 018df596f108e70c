"""文件 → 删除这份报告… when the copy made first cannot be written (a full disk): nothing is deleted, and the clerk
is told why in Chinese."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from fzdesk.storage import backup
from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from tests.ui.test_report_delete import _answer


def test_a_full_disk_stops_the_deletion_with_a_message(filled_store: Store, qtbot: QtBot,
                                                       make_window: Callable[[Store], MainWindow],
                                                       messages: list[tuple[str, str]],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(_conn: sqlite3.Connection, _target: Path) -> Path:
        raise sqlite3.OperationalError("database or disk is full")  # what SQLite's backup raises then

    w = make_window(filled_store)
    assert w.session.report is not None
    shown = w.session.report.id
    monkeypatch.setattr(backup, "copy_database", disk_full)
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer("删除", seen, qtbot))
    w.delete_report_action.trigger()

    [(title, text)] = messages
    assert title == "删除报告" and text.startswith("没能先备份数据，所以没有删除报告。")
    assert "disk is full" in text and "请检查磁盘空间是否已满" in text
    assert shown in [s.id for s in filled_store.reports()]
    assert w.session.report is not None and w.session.report.id == shown
