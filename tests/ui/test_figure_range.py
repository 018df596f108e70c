"""Blocks of cells on the figure sheet (Shift+arrows, a drag, Shift+click), copied and pasted as in Excel, and the
context menu on a family's heading; driven with keys and the mouse, checked on screen and in the database."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QContextMenuEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from fzdesk import resources
from fzdesk.domain.model import Report
from fzdesk.storage.store import Store
from fzdesk.ui.figure_model import COL_CHOICE, COL_LAST, COL_NAME, COL_UNIT, COL_VALUE
from fzdesk.ui.figure_sheet import PROBLEM_TINT, FigureSheet
from tests.ui.figure_helpers import click, shown
from tests.ui.test_figure_paste_undo import go_to, values
from tests.ui.test_figure_sheet import when_open

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
MENU_LOGS = ("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")  # a popup, offscreen


def press(sheet: FigureSheet, key: Qt.Key, times: int = 1, modifier: Qt.KeyboardModifier = SHIFT) -> None:
    for _ in range(times):
        QTest.keyClick(sheet.view, key, modifier)


def selected_cells(sheet: FigureSheet) -> set[tuple[str, int]]:
    """What the screen shows highlighted: (code, column) of every selected cell."""
    out: set[tuple[str, int]] = set()
    for index in sheet.view.selectionModel().selectedIndexes():
        indicator = sheet.model.indicator(index)
        assert indicator is not None, "a family heading selected"
        out.add((indicator.code, index.column()))
    return out


def unit(code: str) -> str:
    return resources.catalogue()[code].unit


# ----- selecting and copying -----------------------------------------------------------------------

def test_shift_arrows_select_a_block_that_ctrl_c_copies_as_excel_reads_it(qtbot: QtBot, sheet: FigureSheet,
                                                                          store: Store, report: Report) -> None:
    go_to(qtbot, sheet, "A.received", COL_CHOICE)
    press(sheet, Qt.Key.Key_Right)
    press(sheet, Qt.Key.Key_Down, 3)
    codes = ["A.received", "A.accepted", "A.rejected", "A.carried_in"]
    assert selected_cells(sheet) == {(c, col) for c in codes for col in (COL_CHOICE, COL_VALUE)}
    assert sheet.view.state() != sheet.view.State.EditingState
    QTest.keyClick(sheet.view, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "未填\t\r\n准确数\t88\r\n未填\t\r\n未填\t\r\n"
    assert sheet.message.text().startswith("已复制4行2列（“收到申请”到“上年结转”）")
    assert values(store, report, *codes) == [None, 88, None, None]  # copying changes nothing


def test_a_block_with_last_year_copies_the_figures_as_the_report_writes_them(qtbot: QtBot,
                                                                            sheet: FigureSheet) -> None:
    go_to(qtbot, sheet, "A.carried_in")
    press(sheet, Qt.Key.Key_Right, 2)  # 单位, 上年度
    press(sheet, Qt.Key.Key_Down, 2)  # 审结, 未审结
    QTest.keyClick(sheet.view, Qt.Key.Key_C, CTRL)
    u = unit("A.carried_in")
    assert QApplication.clipboard().text() == f"\t{u}\t25\r\n63\t{u}\t\r\n\t{u}\t60000余\r\n"
    assert shown(sheet, "A.open", COL_LAST) == "60000余" and shown(sheet, "A.carried_in", COL_UNIT) == u


def test_a_mouse_drag_selects_a_block_without_opening_an_editor(qtbot: QtBot, sheet: FigureSheet) -> None:
    view, viewport = sheet.view, sheet.view.viewport()
    start = view.visualRect(sheet.model.index_of("A.accepted")).center()
    end = view.visualRect(sheet.model.index_of("A.closed", COL_NAME)).center()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    codes = ["A.accepted", "A.rejected", "A.carried_in", "A.closed"]
    assert selected_cells(sheet) == {(c, col) for c in codes for col in (COL_NAME, COL_CHOICE, COL_VALUE)}
    assert view.state() != view.State.EditingState
    QTest.keyClick(view, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text().split("\r\n")[:4] == ["受理\t准确数\t88", "不予受理\t未填\t",
                                                              "上年结转\t未填\t", "审结\t准确数\t63"]


def test_shift_click_makes_a_block_and_opens_no_editor(qtbot: QtBot, sheet: FigureSheet) -> None:
    go_to(qtbot, sheet, "A.received")
    view = sheet.view
    end = view.visualRect(sheet.model.index_of("A.carried_in")).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, SHIFT, end)
    assert view.state() != view.State.EditingState
    assert selected_cells(sheet) == {(c, COL_VALUE) for c in ("A.received", "A.accepted", "A.rejected",
                                                              "A.carried_in")}


def test_a_block_across_families_skips_the_heading(qtbot: QtBot, sheet: FigureSheet) -> None:
    model = sheet.model
    last_of_a = model.rows[0][-1].code
    go_to(qtbot, sheet, last_of_a)
    press(sheet, Qt.Key.Key_Down, 2)  # the heading of 行政应诉, then its first figure
    QTest.keyClick(sheet.view, Qt.Key.Key_C, CTRL)
    first_of_b = model.rows[1][0].code
    assert {code for code, _ in selected_cells(sheet)} == {last_of_a, first_of_b}
    assert QApplication.clipboard().text().count("\r\n") == 2


# ----- pasting onto a block ------------------------------------------------------------------------

def test_a_block_pastes_from_the_top_left_of_the_selection(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                           report: Report) -> None:
    """The cursor ends at the block's bottom after Shift+Down; the paste starts at its top, as in Excel."""
    go_to(qtbot, sheet, "A.closed")
    press(sheet, Qt.Key.Key_Down, 2)
    assert sheet.view.currentIndex() == sheet.model.index_of("A.upheld")
    QApplication.clipboard().setText("1\r\n2\r\n3\r\n")
    QTest.keyClick(sheet.view, Qt.Key.Key_V, CTRL)
    assert values(store, report, "A.closed", "A.open", "A.upheld", "A.dismissed") == [1, 2, 3, None]
    assert [shown(sheet, c) for c in ("A.closed", "A.open", "A.upheld")] == ["1", "2", "3"]
    QTest.keyClick(sheet.view, Qt.Key.Key_Z, CTRL)  # one step
    assert values(store, report, "A.closed", "A.open", "A.upheld") == [63, None, None]


def test_one_value_pasted_onto_a_block_goes_into_every_figure(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                             report: Report) -> None:
    codes = ["A.received", "A.accepted", "A.rejected", "A.carried_in"]
    go_to(qtbot, sheet, "A.received")
    press(sheet, Qt.Key.Key_Down, 3)
    QApplication.clipboard().setText("不涉及\r\n")  # one cell copied in Excel
    QTest.keyClick(sheet.view, Qt.Key.Key_V, CTRL)
    assert values(store, report, *codes) == ["不涉及"] * 4
    assert [shown(sheet, c) for c in codes] == ["不涉及"] * 4
    assert sheet.message.text().startswith("已粘贴4个数（“收到申请”到“上年结转”）")
    assert values(store, report, "A.closed") == [63]  # below the block: untouched
    QTest.keyClick(sheet.view, Qt.Key.Key_Z, CTRL)
    assert values(store, report, *codes) == [None, 88, None, None]


def test_one_value_onto_a_block_is_refused_whole_when_it_does_not_fit_one_figure(
        qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report) -> None:
    go_to(qtbot, sheet, "A.carried_in")
    press(sheet, Qt.Key.Key_Down)
    QApplication.clipboard().setText("1.5")  # counts take whole numbers only
    QTest.keyClick(sheet.view, Qt.Key.Key_V, CTRL)
    assert sheet.message.text().startswith("没有粘贴：第1行“上年结转”")
    assert values(store, report, "A.carried_in", "A.closed") == [None, 63]


def test_delete_clears_a_block_in_one_step(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report) -> None:
    go_to(qtbot, sheet, "A.accepted")
    press(sheet, Qt.Key.Key_Down, 3)
    QTest.keyClick(sheet.view, Qt.Key.Key_Delete)
    assert values(store, report, "A.accepted", "A.closed") == [None, None]
    assert shown(sheet, "A.accepted") == "" and shown(sheet, "A.closed", COL_CHOICE) == "未填"
    assert sheet.message.text().startswith("已把4项（“受理”到“审结”）清空了4项")
    QTest.keyClick(sheet.view, Qt.Key.Key_Z, CTRL)
    assert values(store, report, "A.accepted", "A.closed") == [88, 63]


def test_an_approximation_on_a_block_leaves_the_empty_figures(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                             report: Report) -> None:
    go_to(qtbot, sheet, "A.accepted")
    press(sheet, Qt.Key.Key_Down, 3)
    QTest.keyClick(sheet.view, Qt.Key.Key_J, CTRL)  # 约数·近
    assert shown(sheet, "A.accepted") == "近88" and shown(sheet, "A.closed") == "近63"
    assert values(store, report, "A.rejected") == [None]
    assert "2项还没有数，没有改" in sheet.message.text()


# ----- the context menu on a family's heading ------------------------------------------------------

def right_click(sheet: FigureSheet, index: QModelIndex) -> None:
    viewport = sheet.view.viewport()
    pos = sheet.view.visualRect(index).center()
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                                       viewport.mapToGlobal(pos)))


def pick(text: str, seen: list[tuple[str, bool]]) -> Callable[[QMenu], None]:
    def act(menu: QMenu) -> None:
        seen.extend((a.text(), a.isEnabled()) for a in menu.actions() if a.text())
        next(a for a in menu.actions() if a.text() == text).trigger()
    return act


@pytest.mark.qt_log_ignore(*MENU_LOGS)
def test_right_click_on_a_heading_undoes_and_copies_the_sheet(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                              report: Report) -> None:
    go_to(qtbot, sheet, "A.accepted")
    QTest.keyClick(sheet.view, Qt.Key.Key_B, CTRL)  # 不涉及
    assert values(store, report, "A.accepted") == ["不涉及"]
    heading = sheet.model.index(0, 0)
    seen: list[tuple[str, bool]] = []
    when_open(QMenu, pick("撤销", seen))
    right_click(sheet, heading)
    assert seen == [("撤销", True), ("重做", False), ("复制整张表（可粘贴到Excel）", True), ("只看“行政复议”", True)]
    assert values(store, report, "A.accepted") == [88] and shown(sheet, "A.accepted") == "88"
    seen.clear()
    when_open(QMenu, pick("复制整张表（可粘贴到Excel）", seen))
    right_click(sheet, heading)
    assert ("重做", True) in seen
    assert QApplication.clipboard().text().startswith("类别\t指标\t填写方式\t本年度\t单位\t上年度\r\n")


@pytest.mark.qt_log_ignore(*MENU_LOGS)
def test_right_click_on_a_heading_shows_only_its_family_and_all_again(qtbot: QtBot, sheet: FigureSheet) -> None:
    root = QModelIndex()
    seen: list[tuple[str, bool]] = []
    when_open(QMenu, pick("只看“行政应诉”", seen))
    right_click(sheet, sheet.model.index(1, 0))
    assert sheet.family_filter.currentText() == "行政应诉"
    assert sheet.view.isRowHidden(0, root) and not sheet.view.isRowHidden(1, root)
    seen.clear()
    when_open(QMenu, pick("显示全部类别", seen))
    right_click(sheet, sheet.model.index(1, 0))
    assert sheet.family_filter.currentText() == "全部类别" and not sheet.view.isRowHidden(0, root)


@pytest.mark.qt_log_ignore(*MENU_LOGS)
def test_right_click_inside_a_block_keeps_it_for_copy(qtbot: QtBot, sheet: FigureSheet) -> None:
    go_to(qtbot, sheet, "A.accepted")
    press(sheet, Qt.Key.Key_Down, 3)
    seen: list[tuple[str, bool]] = []
    when_open(QMenu, pick("复制", seen))
    right_click(sheet, sheet.model.index_of("A.rejected"))
    assert QApplication.clipboard().text() == "88\r\n\r\n\r\n63\r\n"


def test_what_was_done_is_said_in_the_text_colour_a_refusal_in_the_problem_colour(
        qtbot: QtBot, sheet: FigureSheet) -> None:
    def colour() -> str:
        return sheet.message.palette().color(QPalette.ColorRole.WindowText).name()

    click(qtbot, sheet, "A.received")
    QTest.keyClick(sheet.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert sheet.message.text().startswith("已复制") and colour() != PROBLEM_TINT
    QApplication.clipboard().setText("12\r\nabc\r\n")
    QTest.keyClick(sheet.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "没有粘贴" in sheet.message.text() and colour() == PROBLEM_TINT
