"""The 历史版本 dialog, driven as a user would: pick an older version and restore it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Approx, FigureState, FigureValue, Report
from fzdesk.storage import store as store_module
from fzdesk.storage.store import Store
from fzdesk.ui.history_dialog import HistoryDialog, diff_html, excerpt
from tests import factories


@pytest.fixture(autouse=True)
def _every_edit_its_own_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "HISTORY_COALESCE_SECONDS", 0)


@pytest.fixture
def report(store: Store) -> Report:
    u = factories.unit()
    store.save_unit(u)
    r = factories.report(u)
    store.create_report(r)
    return r


def _first_item_id(report: Report) -> int:
    item = report.body_sections[0].items[0]
    assert item.id is not None
    return item.id


def test_empty_history_says_so(qtbot: QtBot, store: Store, report: Report) -> None:
    assert report.id is not None
    dialog = HistoryDialog(store, report.id, "figure:A.received", "value", "收到申请")
    qtbot.addWidget(dialog)
    assert "还没有保存过的历史版本" in dialog.heading.text()
    assert not dialog.restore_button.isEnabled()
    assert not dialog.splitter.isVisibleTo(dialog)
    assert dialog.windowTitle() == "历史版本 — 收到申请"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.chosen_value is None


def test_restore_an_older_text(qtbot: QtBot, store: Store, report: Report) -> None:
    assert report.id is not None
    item_id = _first_item_id(report)
    original = "\n".join(report.body_sections[0].items[0].paragraphs)
    store.update_item(item_id, paragraphs=["第一稿。"])
    store.update_item(item_id, paragraphs=["第二稿，改过了。"])

    dialog = HistoryDialog(store, report.id, f"item:{item_id}", "body", "第一项")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.versions.count() == 3
    assert "（当前）" in dialog.versions.item(0).text()
    assert "第二稿" in dialog.versions.item(0).text()
    assert "（最初）" in dialog.versions.item(2).text()
    # the newest version is the current one: nothing to restore
    dialog.versions.setCurrentRow(0)
    assert not dialog.restore_button.isEnabled()

    rect = dialog.versions.visualItemRect(dialog.versions.item(1))
    qtbot.mouseClick(dialog.versions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.versions.currentRow() == 1
    assert dialog.preview.toPlainText() == "第一稿。"  # the version in full
    assert "line-through" in dialog.diff_view.toHtml()  # what restoring removes is struck through
    assert "改过了" in dialog.diff_view.toPlainText()
    assert dialog.diff_view.isVisible()
    dialog.show_diff.setChecked(False)
    assert not dialog.diff_view.isVisible()

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen_value == "第一稿。"
    # the dialog itself writes nothing
    assert store.load_report(report.id).body_sections[0].items[0].paragraphs == ["第二稿，改过了。"]
    assert original


def test_restore_an_older_figure(qtbot: QtBot, store: Store, report: Report) -> None:
    assert report.id is not None
    store.set_figure(report.id, FigureValue("A.received", FigureState.APPROX, Decimal(100), Approx.NEAR))
    store.set_figure(report.id, FigureValue("A.received", FigureState.NUMBER, Decimal(97)))

    dialog = HistoryDialog(store, report.id, "figure:A.received", "value", "收到申请")
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [dialog.versions.item(i).text() for i in range(dialog.versions.count())]
    assert "准确数：97" in texts[0]
    assert "约数·近：近100" in texts[1]
    assert "未填" in texts[2]
    assert not dialog.show_diff.isVisible() and not dialog.diff_view.isVisible()
    assert dialog.versions.currentRow() == 1  # the version before the current one is offered first
    assert dialog.preview.toPlainText() == "约数·近：近100"

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen_value == {"state": "approx", "value": "100", "approx": "近"}


def test_keyboard_choice_and_close(qtbot: QtBot, store: Store, report: Report) -> None:
    assert report.id is not None
    store.update_report(report.id, title="新标题一")
    store.update_report(report.id, title="新标题二")
    dialog = HistoryDialog(store, report.id, "report", "title", "报告标题")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.versions, Qt.Key.Key_Down)
    assert dialog.versions.currentRow() == 2
    assert "（空）" in dialog.versions.item(2).text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.chosen_value is None


def test_excerpt_and_diff() -> None:
    assert excerpt("一\n二") == "一 二"
    assert excerpt("字" * 50).endswith("…")
    assert excerpt({"state": "na", "value": None, "approx": None}) == "不涉及"
    marked = diff_html("甲乙丙", "甲丁丙")
    assert "乙" in marked and "丁" in marked and "line-through" in marked
    # a lone shared character between two changes is folded in: one change, not two
    folded = diff_html("甲乙丙丁", "戊乙己丁")
    assert folded.count("line-through") == 1, folded
    assert diff_html("<b>", "<b>") == "&lt;b&gt;"
