"""The window opens on an empty and a filled store and every step's page can be shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from fzdesk.domain.progress import Progress
from fzdesk.storage.store import Store
from fzdesk.ui.main_window import WINDOW_TITLE, MainWindow


def test_every_step_opens_on_a_filled_store(filled_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    assert w.windowTitle() == WINDOW_TITLE
    assert w.session.report is not None and w.session.report.year == 2023
    titles = [s.title for s in w.steps]
    assert titles[:3] == ["单位信息", "报告信息", "开头"]
    assert titles[-4:] == ["数据", "结尾与附件", "检查", "导出"]
    for i in range(len(w.steps)):
        w.go(i)
        assert w.page_title.text() == w.steps[i].title
    assert w.state_of("unit") is Progress.DONE
    assert "/" in w.folder_label.text() or "\\" in w.folder_label.text()


def test_an_empty_store_starts_on_the_unit_step_and_asks_for_a_name(
        store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    w = make_window(store)
    assert w.steps[w.current].key == "unit"
    w.next_button.click()
    assert w.steps[w.current].key == "unit"
    assert shown and "单位全称" in shown[0]
    assert store.units() == []
