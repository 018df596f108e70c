"""Items of a block: reorder and see the numbering follow, restore a text from the history, autosave."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Block, Numbering
from fzdesk.domain.progress import Progress
from fzdesk.storage.store import Store
from fzdesk.ui.history_dialog import HistoryDialog
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.block_page import BlockPage
from tests.ui.helpers import key, replace_text, type_text

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


def open_block(w: MainWindow, block: Block) -> BlockPage:
    qtbot_row = next(i for i, s in enumerate(w.steps) if s.block is block)
    rect = w.step_list.visualItemRect(w.step_list.item(qtbot_row))
    from PySide6.QtTest import QTest

    QTest.mouseClick(w.step_list.viewport(), LEFT, pos=rect.center())
    page = w.current_page()
    assert isinstance(page, BlockPage) and page.block is block
    return page


def list_texts(page: BlockPage) -> list[str]:
    return [page.items.item(i).text() for i in range(page.items.count())]


def stored_titles(store: Store, report_id: int, block: Block) -> list[str]:
    section = store.load_report(report_id).section(block)
    assert section is not None
    return [i.title for i in section.items]


def test_moving_an_item_renumbers_every_item(filled_store: Store, make_window: Callable[[Store], MainWindow],
                                             qtbot: QtBot) -> None:
    w = make_window(filled_store)
    rid = w.session.report.id  # type: ignore[union-attr]
    page = open_block(w, Block.MEASURES)
    titles = stored_titles(filled_store, rid, Block.MEASURES)
    assert list_texts(page)[:3] == [f"（一）{titles[0]}", f"（二）{titles[1]}", f"（三）{titles[2]}"]
    page.items.setFocus()
    page.items.setCurrentRow(2)
    key(page.items, Qt.Key.Key_Up, CTRL_SHIFT)  # 上移
    assert page.items.currentRow() == 1
    assert page.label.text() == "（二）" and page.title.text() == titles[2]
    assert list_texts(page)[1:3] == [f"（二）{titles[2]}", f"（三）{titles[1]}"]
    assert stored_titles(filled_store, rid, Block.MEASURES)[:3] == [titles[0], titles[2], titles[1]]
    qtbot.mouseClick(page.down, LEFT)
    qtbot.mouseClick(page.down, LEFT)
    assert page.items.currentRow() == 3 and page.label.text() == "（四）"
    assert stored_titles(filled_store, rid, Block.MEASURES)[:4] == [titles[0], titles[1], titles[3], titles[2]]
    # another numbering style relabels everything; the preview shows how the item reads
    page.numbering.setFocus()
    key(page.numbering, Qt.Key.Key_Down)
    key(page.numbering, Qt.Key.Key_Down)
    assert page.numbering.currentData() == Numbering.YISHI
    assert list_texts(page)[0].startswith("一是") and page.label.text() == "四是"
    assert f"四是{titles[2]}。" in page.preview.text()
    assert filled_store.load_report(rid).section(Block.MEASURES).numbering is Numbering.YISHI  # type: ignore[union-attr]


def test_add_and_delete_items_with_the_keyboard(filled_store: Store, make_window: Callable[[Store], MainWindow],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes)
    w = make_window(filled_store)
    rid = w.session.report.id  # type: ignore[union-attr]
    page = open_block(w, Block.PLANS)
    before = page.items.count()
    page.items.setCurrentRow(before - 1)
    page.items.setFocus()
    key(page.items, Qt.Key.Key_N, CTRL_SHIFT)  # 添加条目
    assert page.items.count() == before + 1 and page.items.currentRow() == before
    assert QApplication.focusWidget() is page.title
    type_text(page.title, "加强执法队伍建设")
    type_text(page.text, "开展执法人员轮训。")
    w.saver.flush()
    assert stored_titles(filled_store, rid, Block.PLANS)[-1] == "加强执法队伍建设"
    key(page.text, Qt.Key.Key_Delete, CTRL_SHIFT)  # 删除条目, confirmed
    assert asked and "加强执法队伍建设" in asked[0]
    assert page.items.count() == before
    assert "加强执法队伍建设" not in stored_titles(filled_store, rid, Block.PLANS)


def test_typing_is_saved_a_moment_later_without_a_save_button(
        filled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    w = make_window(filled_store)
    page = open_block(w, Block.SHORTCOMINGS)
    item_id = page.current_item().id  # type: ignore[union-attr]
    replace_text(page.text, "制度建设还不够完善，原因是对新法规学习不够。")
    assert w.saver.pending
    qtbot.waitUntil(lambda: not w.saver.pending, timeout=1000)
    section = filled_store.load_report(w.session.report.id).section(Block.SHORTCOMINGS)  # type: ignore[union-attr]
    assert next(i for i in section.items if i.id == item_id).text == "制度建设还不够完善，原因是对新法规学习不够。"  # type: ignore[union-attr]
    assert w.saved_label.text().startswith("已保存")


def test_restore_a_text_from_the_history(filled_store: Store, make_window: Callable[[Store], MainWindow],
                                         qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("fzdesk.storage.store.HISTORY_COALESCE_SECONDS", -1)  # every save its own version
    w = make_window(filled_store)
    rid = w.session.report.id  # type: ignore[union-attr]
    page = open_block(w, Block.RESPONSIBILITY)
    item_id = page.current_item().id  # type: ignore[union-attr]
    replace_text(page.text, "第一稿：主要负责人专题听取法治建设汇报4次。")
    w.saver.flush()
    replace_text(page.text, "误删了")
    w.saver.flush()
    seen: list[int] = []
    errors: list[BaseException] = []

    def choose_first_draft() -> None:
        dialogs = [d for d in QApplication.topLevelWidgets() if isinstance(d, HistoryDialog) and d.isVisible()]
        if not dialogs:
            QTimer.singleShot(10, choose_first_draft)
            return
        dialog = dialogs[0]
        try:
            seen.append(dialog.versions.count())
            row = next(r for r in range(dialog.versions.count()) if "第一稿" in dialog.versions.item(r).text())
            dialog.versions.setCurrentRow(row)
            qtbot.mouseClick(dialog.restore_button, LEFT)
        except BaseException as exc:  # never leave a modal dialog open: the test would hang
            errors.append(exc)
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, choose_first_draft)
    qtbot.mouseClick(page.body_history, LEFT)
    assert not errors, errors
    assert seen and seen[0] >= 3
    assert page.text.toPlainText() == "第一稿：主要负责人专题听取法治建设汇报4次。"
    section = filled_store.load_report(rid).section(Block.RESPONSIBILITY)
    assert section is not None
    assert next(i for i in section.items if i.id == item_id).text == "第一稿：主要负责人专题听取法治建设汇报4次。"
    assert w.state_of(Block.RESPONSIBILITY.value) is Progress.DONE


def test_block_five_none_completes_the_step_and_greys_out_the_items(
        store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    from tests import factories

    unit = factories.unit()
    store.save_unit(unit)
    from fzdesk import resources
    from fzdesk.domain.outline import new_report

    rid = store.create_report(new_report(resources.outline(unit.unit_type), unit, 2023))
    w = make_window(store)
    page = open_block(w, Block.OTHER)
    assert w.state_of("other") is Progress.EMPTY
    assert "无" in page.omitted.text() and page.omitted.isVisible()
    qtbot.mouseClick(page.omitted, LEFT, pos=QPoint(8, page.omitted.height() // 2))
    assert page.omitted.isChecked() and not page.add.isEnabled()
    assert w.state_of("other") is Progress.DONE
    w.saver.flush()
    assert store.load_report(rid).section(Block.OTHER).omitted  # type: ignore[union-attr]
    key(page.omitted, Qt.Key.Key_Space)
    assert not page.omitted.isChecked() and page.add.isEnabled()
    assert w.state_of("other") is Progress.EMPTY


def test_restore_the_report_title_and_a_block_heading_from_the_history(
        filled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from fzdesk.ui.pages.report_page import ReportPage

    monkeypatch.setattr("fzdesk.storage.store.HISTORY_COALESCE_SECONDS", -1)
    monkeypatch.setattr(HistoryDialog, "exec", lambda self: self.versions.setCurrentRow(self.versions.count() - 1)
                        or setattr(self, "chosen_value", self._entries[-1].value) or 1)  # the oldest version
    w = make_window(filled_store)
    rid = w.session.report.id  # type: ignore[union-attr]
    w.go(1)
    page = w.current_page()
    assert isinstance(page, ReportPage)
    original = page.title.text()
    replace_text(page.title, "临时标题")
    w.saver.flush()
    assert filled_store.load_report(rid).title == "临时标题"
    qtbot.mouseClick(page.title_history, LEFT)
    assert filled_store.load_report(rid).display_title == original and page.title.text() == original
    block = open_block(w, Block.PLANS)
    heading = block.heading.text()
    replace_text(block.heading, "明年的打算")
    w.saver.flush()
    qtbot.mouseClick(block.heading_history, LEFT)
    assert block.heading.text() == heading
    assert filled_store.load_report(rid).section(Block.PLANS).heading == heading  # type: ignore[union-attr]


def test_tab_goes_from_an_item_s_title_to_its_text_then_to_the_history_buttons(
        filled_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    """A clerk who types the title and presses Tab writes the text next, not after two history buttons."""
    w = make_window(filled_store)
    page = open_block(w, Block.MEASURES)
    page.title.setFocus()
    seen = []
    for _ in range(3):
        key(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [page.text, page.title_history, page.body_history]
    key(page.text, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is page.title
