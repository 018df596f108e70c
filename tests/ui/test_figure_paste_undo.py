"""The figure sheet's paste of several cells from Excel/WPS and its undo/redo, driven with keys and clicks."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from fzdesk.domain.figure_text import Choice, Entry
from fzdesk.domain.model import Approx, FigureState, Report
from fzdesk.storage import store as store_module
from fzdesk.storage.store import Store
from fzdesk.ui.figure_model import COL_CHOICE, COL_NAME, COL_VALUE
from fzdesk.ui.figure_sheet import FigureSheet
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.figures_page import FiguresPage
from tests.ui.figure_helpers import click, editor, saved, shown, type_in
from tests.ui.helpers import key

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def values(store: Store, report: Report, *codes: str) -> list[object]:
    """What the database holds for each code: the number, "不涉及", or None when not filled."""
    out: list[object] = []
    for code in codes:
        figure = saved(store, report, code)
        if figure is None or figure.state is FigureState.EMPTY:
            out.append(None)
        elif figure.state is FigureState.NA:
            out.append("不涉及")
        else:
            out.append(figure.value)
    return out


def go_to(qtbot: QtBot, sheet: FigureSheet, code: str, column: int = COL_VALUE) -> None:
    """Puts the sheet's cursor on a cell with the keyboard only: down from the first figure, then left or right."""
    view = sheet.view
    view.setFocus()
    view.setCurrentIndex(view.neighbour(sheet.model.index(0, 0), 1))
    target = sheet.model.index_of(code, COL_VALUE)
    for _ in range(200):
        if view.currentIndex() == target:
            break
        QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex() == target
    for _ in range(abs(column - COL_VALUE)):
        QTest.keyClick(view, Qt.Key.Key_Left if column < COL_VALUE else Qt.Key.Key_Right)
    assert view.currentIndex().column() == column
    assert view.state() != view.State.EditingState


def paste_into_open_cell(qtbot: QtBot, sheet: FigureSheet, code: str, text: str) -> None:
    """Clicks the cell (its editor opens, as for typing) and presses Ctrl+V there."""
    QApplication.clipboard().setText(text)
    click(qtbot, sheet, code)
    qtbot.keyClick(editor(sheet), Qt.Key.Key_V, CTRL)


# ----- paste ---------------------------------------------------------------------------------------

def test_a_column_from_excel_spreads_down_from_the_clicked_cell(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                                 report: Report) -> None:
    paste_into_open_cell(qtbot, sheet, "A.received", "12\r\n34\r\n1,056\r\n")
    assert values(store, report, "A.received", "A.accepted", "A.rejected", "A.carried_in") == [12, 34, 1056, None]
    assert [shown(sheet, c) for c in ("A.received", "A.accepted", "A.rejected")] == ["12", "34", "1056"]
    assert sheet.view.state() != sheet.view.State.EditingState
    assert "已粘贴3个数" in sheet.message.text() and "“收到申请”到“不予受理”" in sheet.message.text()
    assert sheet.view.currentIndex() == sheet.model.index_of("A.rejected")
    assert sheet.progress_label.text().startswith("已填 7/")


def test_a_column_pasted_with_the_keyboard_only(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                               report: Report) -> None:
    """Full-width digits, spaces, the unit and 近百/不涉及 are read as when typed; a WPS column without a last line
    end too."""
    go_to(qtbot, sheet, "A.received")
    QApplication.clipboard().setText("１２\n 7 件\n近百\n不涉及")
    QTest.keyClick(sheet.view, Qt.Key.Key_V, CTRL)
    assert values(store, report, "A.received", "A.accepted", "A.rejected", "A.carried_in") == [
        12, 7, 100, "不涉及"]
    figure = saved(store, report, "A.rejected")
    assert figure is not None and figure.approx is Approx.NEAR
    assert [shown(sheet, c) for c in ("A.received", "A.accepted", "A.rejected", "A.carried_in")] == [
        "12", "7", "近100", "不涉及"]


def test_a_paste_passes_over_a_family_heading(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                              report: Report) -> None:
    """The heading row holds no figure (only how many are filled): the next value goes to the next family's first."""
    go_to(qtbot, sheet, "A.resp_correction_rate")
    QApplication.clipboard().setText("50\r\n3\r\n")
    QTest.keyClick(sheet.view, Qt.Key.Key_V, CTRL)
    assert values(store, report, "A.resp_correction_rate", "B.new") == [50, 3]
    assert "“被纠错率”到“新收（一审）”" in sheet.message.text()
    heading = sheet.model.index(1, 0)
    assert "已填 1 /" in str(heading.data())


def test_a_paste_goes_to_the_rows_shown(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report) -> None:
    """With 只看未填 ticked the values land on the rows the clerk sees, not on the hidden filled ones."""
    qtbot.mouseClick(sheet.only_empty, Qt.MouseButton.LeftButton)
    go_to(qtbot, sheet, "A.received")
    QApplication.clipboard().setText("1\r\n2\r\n")
    QTest.keyClick(sheet.view, Qt.Key.Key_V, CTRL)
    assert values(store, report, "A.received", "A.accepted", "A.rejected") == [1, 88, 2]


@pytest.mark.parametrize(("text", "words"), [
    ("12\r\nabc\r\n5\r\n", ["第2行", "“受理”", "“abc”", "不是数字"]),
    ("12\r\n1.5\r\n", ["第2行", "“受理”", "“1.5”", "只能填整数"]),
    ("12\r\n-3\r\n", ["第2行", "“受理”", "“-3”", "负数"]),
    ("12\r\n34\r\n近100余\r\n", ["第3行", "“不予受理”", "“近100余”"]),
])
def test_one_bad_value_pastes_nothing(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report,
                                      text: str, words: list[str]) -> None:
    paste_into_open_cell(qtbot, sheet, "A.received", text)
    message = sheet.message.text()
    for word in words:
        assert word in message, (word, message)
    assert "按回车" not in message  # (typing's wording: a paste has no Enter to press)
    assert "没有粘贴" in message and "一个数也没有填入" in message and "重新复制" in message
    assert values(store, report, "A.received", "A.accepted", "A.rejected") == [None, 88, None]
    assert [shown(sheet, c) for c in ("A.received", "A.accepted")] == ["", "88"]
    assert not sheet.model.can_undo()


def test_a_write_failing_halfway_leaves_the_database_as_it_was(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                               report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    real = store.set_figure
    calls: list[str] = []

    def failing_second(report_id: int, figure: object) -> None:
        calls.append("x")
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        real(report_id, figure)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "set_figure", failing_second)
    paste_into_open_cell(qtbot, sheet, "A.received", "12\r\n34\r\n56\r\n")
    assert len(calls) == 2  # the first was written inside the transaction, then rolled back
    assert values(store, report, "A.received", "A.accepted", "A.rejected") == [None, 88, None]
    # the whole paste stays on screen, all of it marked as not saved and kept for a retry (no half state)
    assert [shown(sheet, c) for c in ("A.received", "A.accepted", "A.rejected")] == ["12", "34", "56"]
    assert sheet.model.unsaved_codes() == ["A.received", "A.accepted", "A.rejected"]
    assert "还没能保存" in sheet.message.text() and "读写磁盘出错" in sheet.unsaved_note.text()
    assert sheet.model.can_undo()


def test_more_rows_than_the_sheet_has_left_pastes_nothing(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                          report: Report) -> None:
    go_to(qtbot, sheet, "L.services_other")
    QApplication.clipboard().setText("1\r\n2\r\n3\r\n")
    QTest.keyClick(sheet.view, Qt.Key.Key_V, CTRL)
    assert "复制的内容有3行" in sheet.message.text() and "只有2项" in sheet.message.text()
    assert values(store, report, "L.services_other", "L.online_rate") == [None, None]


def test_a_block_with_a_unit_column_is_refused(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                               report: Report) -> None:
    paste_into_open_cell(qtbot, sheet, "A.received", "12\t件\r\n34\t件\r\n")
    assert "复制的内容有2列" in sheet.message.text() and "只选数字那一列" in sheet.message.text()
    assert values(store, report, "A.received", "A.accepted") == [None, 88]


def test_a_block_from_the_choice_column_fills_both_columns(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                           report: Report) -> None:
    """Two columns (填写方式, 本年度) as the sheet's own copy shows them, pasted on 填写方式."""
    go_to(qtbot, sheet, "A.received", COL_CHOICE)
    QApplication.clipboard().setText("准确数\t12\r\n约数·近\t100\r\n不涉及\t\r\n约数·余\t\r\n")
    QTest.keyClick(sheet.view, Qt.Key.Key_V, CTRL)
    # 约数·余 without a number: the whole paste is refused
    assert values(store, report, "A.received", "A.accepted", "A.rejected", "A.carried_in") == [None, 88, None, None]
    assert "第4行“上年结转”" in sheet.message.text() and "没有数" in sheet.message.text()
    QApplication.clipboard().setText("准确数\t12\r\n约数·近\t100\r\n不涉及\t\r\n")
    QTest.keyClick(sheet.view, Qt.Key.Key_V, CTRL)
    assert values(store, report, "A.received", "A.accepted", "A.rejected") == [12, 100, "不涉及"]
    near = saved(store, report, "A.accepted")
    assert near is not None and near.approx is Approx.NEAR
    assert shown(sheet, "A.accepted", COL_CHOICE) == "约数·近"


def test_a_column_pasted_on_the_name_goes_to_this_year(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                       report: Report) -> None:
    go_to(qtbot, sheet, "A.received", COL_NAME)
    QApplication.clipboard().setText("5\r\n6\r\n")
    QTest.keyClick(sheet.view, Qt.Key.Key_V, CTRL)
    assert values(store, report, "A.received", "A.accepted") == [5, 6]


@pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")
def test_the_editor_context_menu_pastes_a_column_too(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                     report: Report) -> None:
    from tests.ui.test_figure_sheet import when_open

    QApplication.clipboard().setText("8\r\n9\r\n")
    click(qtbot, sheet, "A.received")
    line = editor(sheet)

    def paste(menu: QMenu) -> None:
        action = next(a for a in menu.actions() if a.objectName() == "edit-paste")
        action.trigger()

    when_open(QMenu, paste)
    QApplication.sendEvent(line, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, line.rect().center(),
                                                   line.mapToGlobal(line.rect().center())))
    qtbot.waitUntil(lambda: values(store, report, "A.received", "A.accepted") == [8, 9], timeout=3000)


# ----- undo and redo -------------------------------------------------------------------------------

def test_ctrl_z_takes_a_typed_figure_back_and_ctrl_y_redoes_it(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                                report: Report,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "HISTORY_COALESCE_SECONDS", 0)
    click(qtbot, sheet, "A.closed")
    type_in(qtbot, "64")
    qtbot.keyClick(editor(sheet), Qt.Key.Key_Return)
    assert values(store, report, "A.closed") == [64]
    key(sheet.view, Qt.Key.Key_Z, CTRL)
    assert values(store, report, "A.closed") == [63] and shown(sheet, "A.closed") == "63"
    assert "已撤销" in sheet.message.text() and "“审结”现在是63" in sheet.message.text()
    key(sheet.view, Qt.Key.Key_Y, CTRL)
    assert values(store, report, "A.closed") == [64] and shown(sheet, "A.closed") == "64"
    assert "已重做" in sheet.message.text()
    key(sheet.view, Qt.Key.Key_Z, CTRL)
    key(sheet.view, Qt.Key.Key_Z, CTRL | SHIFT)  # the other redo key
    assert values(store, report, "A.closed") == [64]
    key(sheet.view, Qt.Key.Key_Z, CTRL)
    key(sheet.view, Qt.Key.Key_Z, CTRL)
    assert values(store, report, "A.closed") == [63]
    assert "没有可以撤销的修改" in sheet.message.text()
    # every undo and redo is an edit of its own in 历史版本
    assert report.id is not None
    history = [h.value["value"] for h in store.history(report.id, "figure:A.closed")]
    assert history[:5] == ["63", "64", "63", "64", "63"]


def test_typing_saved_in_pauses_is_one_undo_step(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                 report: Report) -> None:
    click(qtbot, sheet, "A.closed")
    type_in(qtbot, "6")
    qtbot.waitUntil(lambda: values(store, report, "A.closed") == [6], timeout=3000)
    type_in(qtbot, "4")
    qtbot.waitUntil(lambda: values(store, report, "A.closed") == [64], timeout=3000)
    qtbot.keyClick(editor(sheet), Qt.Key.Key_Return)
    key(sheet.view, Qt.Key.Key_Z, CTRL)
    assert values(store, report, "A.closed") == [63]
    assert not sheet.model.can_undo()


def test_a_typed_figure_put_back_with_esc_leaves_nothing_to_undo(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                                 report: Report) -> None:
    click(qtbot, sheet, "A.closed")
    type_in(qtbot, "64")
    qtbot.waitUntil(lambda: values(store, report, "A.closed") == [64], timeout=3000)
    qtbot.keyClick(editor(sheet), Qt.Key.Key_Escape)
    assert values(store, report, "A.closed") == [63]
    assert not sheet.model.can_undo()


def test_a_whole_paste_is_one_undo_step(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report) -> None:
    paste_into_open_cell(qtbot, sheet, "A.received", "12\r\n34\r\n56\r\n")
    key(sheet.view, Qt.Key.Key_Z, CTRL)
    assert values(store, report, "A.received", "A.accepted", "A.rejected") == [None, 88, None]
    assert [shown(sheet, c) for c in ("A.received", "A.accepted", "A.rejected")] == ["", "88", ""]
    assert "已撤销粘贴的3个数" in sheet.message.text()
    key(sheet.view, Qt.Key.Key_Y, CTRL)
    assert values(store, report, "A.received", "A.accepted", "A.rejected") == [12, 34, 56]


def test_delete_clears_a_figure_and_ctrl_z_brings_it_back(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                          report: Report) -> None:
    go_to(qtbot, sheet, "A.accepted")
    QTest.keyClick(sheet.view, Qt.Key.Key_Delete)
    assert values(store, report, "A.accepted") == [None] and shown(sheet, "A.accepted") == ""
    assert "已清空“受理”（原来是88）" in sheet.message.text() and "Ctrl+Z" in sheet.message.text()
    QTest.keyClick(sheet.view, Qt.Key.Key_Z, CTRL)
    assert values(store, report, "A.accepted") == [88] and shown(sheet, "A.accepted") == "88"


@pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")
def test_undo_and_redo_in_the_context_menu(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report) -> None:
    from tests.ui.test_figure_sheet import when_open

    seen: list[tuple[str, bool]] = []

    def pick(text: str) -> Callable[[QMenu], None]:
        def act(menu: QMenu) -> None:
            seen.extend((a.text(), a.isEnabled()) for a in menu.actions() if a.text() in ("撤销", "重做"))
            next(a for a in menu.actions() if a.text() == text).trigger()
        return act

    def right_click(code: str) -> None:
        viewport = sheet.view.viewport()
        pos = sheet.view.visualRect(sheet.model.index_of(code, COL_NAME)).center()
        QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                                           viewport.mapToGlobal(pos)))

    go_to(qtbot, sheet, "A.accepted")
    QTest.keyClick(sheet.view, Qt.Key.Key_B, CTRL)  # 不涉及
    assert values(store, report, "A.accepted") == ["不涉及"]
    when_open(QMenu, pick("撤销"))
    right_click("A.accepted")
    assert values(store, report, "A.accepted") == [88]
    assert seen == [("撤销", True), ("重做", False)]
    seen.clear()
    when_open(QMenu, pick("重做"))
    right_click("A.accepted")
    assert values(store, report, "A.accepted") == ["不涉及"]
    assert seen == [("撤销", False), ("重做", True)]


def test_undo_refuses_a_figure_changed_elsewhere_since(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                       report: Report) -> None:
    """A check's fix writes a figure past the sheet, then reloads it: undoing the older edit would overwrite it."""
    go_to(qtbot, sheet, "A.accepted")
    QTest.keyClick(sheet.view, Qt.Key.Key_Delete)
    figure = report.figures["A.accepted"]
    figure.state, figure.value = FigureState.NUMBER, Decimal(90)
    assert report.id is not None
    store.set_figure(report.id, figure)
    sheet.set_report(report)  # what the fix's page reload does
    QTest.keyClick(sheet.view, Qt.Key.Key_Z, CTRL)
    assert "“受理”后来在别处改过（现在是90）" in sheet.message.text() and "不能撤销" in sheet.message.text()
    assert values(store, report, "A.accepted") == [90]


def test_undo_stays_within_its_report(qtbot: QtBot, filled_store: Store,
                                      make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    assert w.session.report is not None and w.session.report.year == 2023
    first = w.session.report
    w.go(next(i for i, s in enumerate(w.steps) if s.key == "figures"), focus=True)
    page = w.current_page()
    assert isinstance(page, FiguresPage) and isinstance(page.sheet, FigureSheet)
    go_to(qtbot, page.sheet, "A.closed")
    QTest.keyClick(page.sheet.view, Qt.Key.Key_B, CTRL)
    assert values(filled_store, first, "A.closed") == ["不涉及"]
    key(w.year_combo, Qt.Key.Key_Down)  # the 2022 report
    assert w.session.report is not None and w.session.report.year == 2022
    second = w.session.report
    page = w.current_page()
    assert isinstance(page, FiguresPage) and isinstance(page.sheet, FigureSheet)
    key(page.sheet.view, Qt.Key.Key_Z, CTRL)
    assert "没有可以撤销的修改" in page.sheet.message.text()
    assert values(filled_store, first, "A.closed") == ["不涉及"]
    assert values(filled_store, second, "A.closed") == [63]
    key(w.year_combo, Qt.Key.Key_Up)  # back to 2023: a new sheet, a new history
    page = w.current_page()
    assert isinstance(page, FiguresPage) and isinstance(page.sheet, FigureSheet)
    key(page.sheet.view, Qt.Key.Key_Z, CTRL)
    assert values(filled_store, first, "A.closed") == ["不涉及"]


def test_ctrl_z_in_the_next_cell_opened_by_enter_undoes_the_figure(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                                   report: Report) -> None:
    """Enter saves and opens the next figure's editor: Ctrl+Z pressed there (nothing typed) is meant for the figure
    just saved, not for the empty editor, which would swallow it."""
    click(qtbot, sheet, "A.closed")
    type_in(qtbot, "64")
    qtbot.keyClick(editor(sheet), Qt.Key.Key_Return)
    assert values(store, report, "A.closed") == [64]
    qtbot.keyClick(editor(sheet), Qt.Key.Key_Z, CTRL)  # the editor of 未审结 is open
    assert values(store, report, "A.closed") == [63] and shown(sheet, "A.closed") == "63"
    assert sheet.view.state() != sheet.view.State.EditingState
    click(qtbot, sheet, "A.open")
    qtbot.keyClick(editor(sheet), Qt.Key.Key_Y, CTRL)
    assert values(store, report, "A.closed") == [64] and shown(sheet, "A.closed") == "64"


def test_ctrl_z_while_typing_undoes_the_typing_first(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                     report: Report) -> None:
    click(qtbot, sheet, "A.closed")
    type_in(qtbot, "7")
    line = editor(sheet)
    assert isinstance(line, QLineEdit)
    qtbot.keyClick(line, Qt.Key.Key_Z, CTRL)
    assert line.isVisible() and line.text() == "63"
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert values(store, report, "A.closed") == [63]


def test_ctrl_c_copies_the_figure_as_excel_reads_it(qtbot: QtBot, sheet: FigureSheet) -> None:
    go_to(qtbot, sheet, "E.documents_reviewed")
    QTest.keyClick(sheet.view, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "近100"
    go_to(qtbot, sheet, "A.received")
    sheet.model.choose("A.received", Choice.NEAR)  # waits for a number: the cell reads 请填数值
    sheet.view.setFocus()
    QTest.keyClick(sheet.view, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == ""


@pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")
def test_the_whole_sheet_copied_for_excel_and_its_column_pasted_back(qtbot: QtBot, sheet: FigureSheet,
                                                                     store: Store, report: Report) -> None:
    from tests.ui.test_figure_sheet import when_open

    def copy_all(menu: QMenu) -> None:
        next(a for a in menu.actions() if a.text() == "复制整张表（可粘贴到Excel）").trigger()

    when_open(QMenu, copy_all)
    viewport = sheet.view.viewport()
    pos = sheet.view.visualRect(sheet.model.index_of("A.accepted", COL_NAME)).center()
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos)))
    lines = QApplication.clipboard().text().split("\r\n")
    assert lines[0] == "类别\t指标\t填写方式\t本年度\t单位\t上年度"
    assert "行政复议\t受理\t准确数\t88\t件\t" in lines
    assert "行政复议\t未审结\t未填\t\t件\t60000余" in lines
    assert len(lines) == 2 + len(sheet.model.indicators())  # a header, a line end after the last
    assert "已复制整张表" in sheet.message.text()
    # what a clerk does in Excel: the 本年度 column of the first five figures, copied, pasted back on the sheet
    column = "".join(line.split("\t")[3] + "\r\n" for line in lines[1:6])
    sheet.model.set_entries({"A.accepted": Entry()})
    QApplication.clipboard().setText(column)
    sheet.activateWindow()  # back from the menu
    qtbot.waitUntil(sheet.isActiveWindow)
    go_to(qtbot, sheet, "A.received")
    QTest.keyClick(sheet.view, Qt.Key.Key_V, CTRL)
    assert values(store, report, "A.accepted") == [88], sheet.message.text()


# ----- keyboard only -------------------------------------------------------------------------------

def test_typing_on_a_figure_name_goes_into_its_figure(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                      report: Report) -> None:
    """The arrow keys reach 指标 and 单位 too; a number typed there was lost without a word."""
    go_to(qtbot, sheet, "A.received", COL_NAME)
    QTest.keyClick(sheet.view, Qt.Key.Key_5)
    QTest.keyClick(editor(sheet), Qt.Key.Key_Return)
    assert values(store, report, "A.received") == [5] and shown(sheet, "A.received") == "5"


def test_ctrl_f_finds_a_figure_and_enter_goes_to_it(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                    report: Report) -> None:
    from tests.ui.helpers import type_text

    go_to(qtbot, sheet, "A.received")
    QTest.keyClick(sheet.view, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is sheet.search
    type_text(sheet.search, "负责人出庭")
    QTest.keyClick(sheet.search, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is sheet.view
    assert sheet.view.currentIndex() == sheet.model.index_of("B.head_appearances")
    QTest.keyClick(sheet.view, Qt.Key.Key_7)
    QTest.keyClick(editor(sheet), Qt.Key.Key_Return)
    assert values(store, report, "B.head_appearances") == [7]


def test_a_pasted_rate_over_100_is_saved_with_a_remark(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                        report: Report) -> None:
    go_to(qtbot, sheet, "B.appearance_rate")
    QApplication.clipboard().setText("120\r\n5\r\n")
    QTest.keyClick(sheet.view, Qt.Key.Key_V, CTRL)
    assert values(store, report, "B.appearance_rate", "B.loss_rate") == [120, 5]
    assert "已粘贴2个数" in sheet.message.text() and "“出庭率”超过了100%" in sheet.message.text()


def test_undo_shows_the_figure_it_brought_back(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                               report: Report) -> None:
    go_to(qtbot, sheet, "A.closed")
    QTest.keyClick(sheet.view, Qt.Key.Key_Delete)
    go_to(qtbot, sheet, "L.online_rate")  # far down: 审结 is scrolled out of sight
    assert not sheet.view.viewport().rect().intersects(sheet.view.visualRect(sheet.model.index_of("A.closed")))
    QTest.keyClick(sheet.view, Qt.Key.Key_Z, CTRL)
    assert values(store, report, "A.closed") == [63]
    assert sheet.view.currentIndex() == sheet.model.index_of("A.closed")
    assert sheet.view.viewport().rect().contains(sheet.view.visualRect(sheet.model.index_of("A.closed")))
    assert "已撤销：“审结”现在是63" in sheet.message.text()


def test_backspace_on_a_figure_opens_it_emptied(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                report: Report) -> None:
    go_to(qtbot, sheet, "A.accepted", COL_NAME)
    QTest.keyClick(sheet.view, Qt.Key.Key_Backspace)
    line = editor(sheet)
    assert isinstance(line, QLineEdit) and line.text() == ""
    assert sheet.view.currentIndex() == sheet.model.index_of("A.accepted")
    type_in(qtbot, "90")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert values(store, report, "A.accepted") == [90]


def test_a_column_of_numbers_pasted_on_the_choice_column_fills_the_figures(qtbot: QtBot, sheet: FigureSheet,
                                                                           store: Store, report: Report) -> None:
    go_to(qtbot, sheet, "A.received", COL_CHOICE)
    QApplication.clipboard().setText("3\r\n4\r\n")
    QTest.keyClick(sheet.view, Qt.Key.Key_V, CTRL)
    assert values(store, report, "A.received", "A.accepted") == [3, 4]
    assert sheet.view.currentIndex() == sheet.model.index_of("A.accepted", COL_CHOICE)
