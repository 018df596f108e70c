"""The figure sheet, driven as a clerk would: click a figure, type, pick a state, restore from the history."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMenu, QWidget
from pytestqt.qtbot import QtBot

from fzdesk import resources
from fzdesk.domain.catalogue import Catalogue, Family, Indicator, Kind
from fzdesk.domain.model import Approx, FigureState, FigureValue, Report
from fzdesk.storage import store as store_module
from fzdesk.storage.store import Store
from fzdesk.ui import figure_delegate
from fzdesk.ui.autosave import Autosaver
from fzdesk.ui.figure_model import COL_CHOICE, COL_LAST, COL_NAME, COL_UNIT, COL_VALUE, FigureModel
from fzdesk.ui.figure_sheet import FigureSheet
from fzdesk.ui.history_dialog import HistoryDialog
from fzdesk.ui.main_window import FONT_SETTING, MainWindow
from fzdesk.ui.pages.figures_page import FiguresPage
from fzdesk.ui.style import DEFAULT_POINT_SIZE, MAX_POINT_SIZE, MIN_POINT_SIZE
from tests.ui import modal
from tests.ui.figure_helpers import click, editor, saved, shown, type_in
from tests.ui.helpers import send_text_key


def when_open(kind: type[QWidget], act: Callable[[Any], None], tries: int = 250) -> None:
    """Runs act on the dialog or menu of kind once it is open (it blocks in its own event loop), polling
    every 20 ms; whatever happens, it is closed afterwards, so that a failing test cannot hang."""

    test = modal.current_test[0]

    def poll(left: int) -> None:
        if modal.test_is_over(test):
            return
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if not found:
            if left:
                QTimer.singleShot(20, lambda: poll(left - 1))
            return
        try:
            act(found[0])
        finally:
            if found[0].isVisible():
                found[0].close()

    QTimer.singleShot(0, lambda: poll(tries))


def type_chinese(widget: QWidget, text: str) -> None:
    for ch in text:
        send_text_key(widget, ch)


def test_shows_the_whole_catalogue_by_family(sheet: FigureSheet) -> None:
    catalogue = resources.catalogue()
    model = sheet.model
    assert model.rowCount() == len(catalogue.families)
    assert sum(model.rowCount(model.index(f, 0)) for f in range(model.rowCount())) == len(catalogue.indicators)
    assert str(model.index(0, 0).data()).startswith("行政复议")
    assert "已填" in str(model.index(0, 0).data())
    assert shown(sheet, "A.accepted", COL_NAME) == "受理"
    assert shown(sheet, "A.accepted") == "88"
    assert shown(sheet, "A.accepted", COL_CHOICE) == "准确数"
    assert shown(sheet, "I.fines") == "不涉及"
    assert shown(sheet, "A.received") == ""
    assert shown(sheet, "A.received", COL_CHOICE) == "未填"
    assert shown(sheet, "B.appearance_rate", COL_VALUE + 1) == "%"
    assert shown(sheet, "I.fines", COL_VALUE + 1) == "万元"
    assert "全年收到的行政复议申请数" in str(model.index_of("A.received", COL_NAME).data(Qt.ItemDataRole.ToolTipRole))
    assert sheet.progress() == (5, len(catalogue.indicators))
    assert f"5/{len(catalogue.indicators)}" in sheet.progress_label.text()


def test_last_year_column(sheet: FigureSheet) -> None:
    assert shown(sheet, "A.carried_in", COL_LAST) == "25"
    assert shown(sheet, "A.open", COL_LAST) == "60000余"
    assert shown(sheet, "A.received", COL_LAST) == "—"
    sheet.view.setCurrentIndex(sheet.model.index_of("A.carried_in"))
    assert "上年度：25" in sheet.help_text.text()


def test_typing_a_count_saves_at_once(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report) -> None:
    changes: list[None] = []
    sheet.changed.connect(lambda: changes.append(None))
    click(qtbot, sheet, "A.received")
    type_in(qtbot, "97")
    qtbot.keyClick(editor(sheet), Qt.Key.Key_Tab)
    assert shown(sheet, "A.received") == "97"
    figure = saved(store, report, "A.received")
    assert figure is not None and figure.state is FigureState.NUMBER and figure.value == 97
    assert report.figures["A.received"].value == 97  # the report in memory follows
    assert changes
    # Tab went on to the next figure, ready for typing
    assert sheet.view.currentIndex() == sheet.model.index_of("A.accepted")
    assert isinstance(editor(sheet), QLineEdit)


def test_decimal_point_in_a_count_is_refused_not_dropped(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                        report: Report) -> None:
    """QA: "1.5" Enter saved 15. The text stays as typed, Enter says why and keeps the editor open."""
    click(qtbot, sheet, "A.received")
    type_in(qtbot, "1.5")
    line = editor(sheet)
    assert isinstance(line, QLineEdit)
    assert line.text() == "1.5"
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert "只能填整数" in sheet.message.text() and "件数" in sheet.message.text()
    assert editor(sheet) is line and line.text() == "1.5"  # still open, nothing lost
    assert sheet.view.currentIndex() == sheet.model.index_of("A.received")
    qtbot.wait(figure_delegate.LIVE_SAVE_MS + 100)  # the pause does not save it either
    figure = saved(store, report, "A.received")
    assert figure is None or figure.state is FigureState.EMPTY
    qtbot.keyClick(line, Qt.Key.Key_Tab)  # nor does Tab
    assert editor(sheet) is line and saved(store, report, "A.received") in (None, FigureValue("A.received"))
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    assert sheet.message.text() == ""  # "1" is a figure again: the remark goes
    qtbot.keyClick(line, Qt.Key.Key_Return)
    figure = saved(store, report, "A.received")
    assert figure is not None and figure.value == 1
    assert sheet.view.currentIndex() == sheet.model.index_of("A.accepted")


def test_minus_is_refused_not_dropped(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report) -> None:
    """QA: "-3" saved 3."""
    click(qtbot, sheet, "A.received")
    type_in(qtbot, "-3")
    line = editor(sheet)
    assert isinstance(line, QLineEdit) and line.text() == "-3"
    assert "不能是负数" in sheet.message.text()  # said at once, while typing
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert editor(sheet) is line and "不能是负数" in sheet.message.text()
    assert saved(store, report, "A.received") in (None, FigureValue("A.received"))
    qtbot.keyClick(line, Qt.Key.Key_Home)
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    figure = saved(store, report, "A.received")
    assert figure is not None and figure.value == 3


def test_letters_are_refused_with_a_message(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report) -> None:
    """QA: "abc" was silently ignored."""
    click(qtbot, sheet, "B.appearance_rate")
    type_in(qtbot, "abc")
    line = editor(sheet)
    assert isinstance(line, QLineEdit) and line.text() == "abc"
    assert "“abc”不是数字" in sheet.message.text() and "近100" in sheet.message.text()
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert editor(sheet) is line
    assert saved(store, report, "B.appearance_rate") in (None, FigureValue("B.appearance_rate"))


def test_clicking_away_from_a_wrong_figure_keeps_the_old_one(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                             report: Report) -> None:
    click(qtbot, sheet, "A.received")
    type_in(qtbot, "7")
    qtbot.keyClick(editor(sheet), Qt.Key.Key_Return)
    click(qtbot, sheet, "A.received")
    type_in(qtbot, "7.5")
    qtbot.wait(figure_delegate.LIVE_SAVE_MS + 100)
    sheet.search.setFocus()  # the editor closes: the wrong text is not saved, and that is said
    qtbot.waitUntil(lambda: sheet.view.state() != sheet.view.State.EditingState)
    figure = saved(store, report, "A.received")
    assert figure is not None and figure.value == 7
    assert "没有保存" in sheet.message.text()


def test_decimals_in_an_amount(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report) -> None:
    click(qtbot, sheet, "B.appearance_rate")
    type_in(qtbot, "98.5")
    qtbot.keyClick(editor(sheet), Qt.Key.Key_Tab)
    figure = saved(store, report, "B.appearance_rate")
    assert figure is not None and figure.state is FigureState.NUMBER and figure.value == Decimal("98.5")
    assert shown(sheet, "B.appearance_rate") == "98.5"


def test_a_rate_over_100_is_saved_with_a_remark(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                report: Report) -> None:
    click(qtbot, sheet, "B.appearance_rate")
    type_in(qtbot, "128.78")
    qtbot.keyClick(editor(sheet), Qt.Key.Key_Return)
    figure = saved(store, report, "B.appearance_rate")
    assert figure is not None and figure.value == Decimal("128.78")
    assert "超过了100%" in sheet.message.text()


def test_enter_moves_on_when_not_editing(qtbot: QtBot, sheet: FigureSheet) -> None:
    sheet.view.setCurrentIndex(sheet.model.index_of("A.void"))
    qtbot.keyClick(sheet.view, Qt.Key.Key_Return)
    assert sheet.view.currentIndex() == sheet.model.index_of("A.ordered")
    qtbot.keyClick(sheet.view, Qt.Key.Key_Tab)
    assert sheet.model.indicator(sheet.view.currentIndex()) is resources.catalogue()["A.mediated"]
    qtbot.keyClick(sheet.view, Qt.Key.Key_Backtab)
    assert sheet.view.currentIndex() == sheet.model.index_of("A.ordered")
    # the last figure of a family goes on to the first of the next
    last_a = resources.catalogue().of_family("A")[-1].code
    sheet.view.setCurrentIndex(sheet.model.index_of(last_a))
    qtbot.keyClick(sheet.view, Qt.Key.Key_Return)
    assert sheet.view.currentIndex() == sheet.model.index_of(resources.catalogue().of_family("B")[0].code)


@pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")
def test_context_menu_offers_the_history(qtbot: QtBot, sheet: FigureSheet) -> None:
    seen: list[str] = []

    def look(menu: QMenu) -> None:
        seen.extend(a.text() for a in menu.actions() if a.text())

    index = sheet.model.index_of("A.accepted", COL_NAME)
    when_open(QMenu, look)
    pos = sheet.view.visualRect(index).center()
    viewport = sheet.view.viewport()
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos)))
    assert seen[:6] == ["撤销", "重做", "复制", "粘贴", "复制整张表（可粘贴到Excel）", "历史版本…"]
    assert "设为不涉及" in seen and "设为约数·近" in seen and "清空（未填）" in seen
    assert sheet.view.currentIndex().row() == index.row()


@pytest.mark.parametrize(("typed", "state", "value", "approx", "cell"), [
    ("近百", FigureState.APPROX, 100, Approx.NEAR, "近100"),
    ("近十", FigureState.APPROX, 10, Approx.NEAR, "近10"),
    ("60000余", FigureState.APPROX, 60000, Approx.OVER, "60000余"),
    ("不涉及", FigureState.NA, None, None, "不涉及"),
    ("４２", FigureState.NUMBER, 42, None, "42"),
])
def test_approximations_typed_in_the_cell(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report,
                                          typed: str, state: FigureState, value: int | None,
                                          approx: Approx | None, cell: str) -> None:
    """The hint says 约数 like "近百" can be typed: they are, with the 填写方式 following."""
    click(qtbot, sheet, "A.received")
    qtbot.keyClick(sheet.view, Qt.Key.Key_F2)
    line = editor(sheet)
    type_chinese(line, typed)
    assert isinstance(line, QLineEdit) and line.text() == typed
    assert sheet.message.text() == ""  # nothing refused on the way ("近", "不涉")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    figure = saved(store, report, "A.received")
    assert figure is not None and figure.state is state and figure.approx is approx
    assert figure.value == (None if value is None else Decimal(value))
    assert shown(sheet, "A.received") == cell
    assert sheet.view.currentIndex() == sheet.model.index_of("A.accepted")


def test_not_applicable_from_the_keyboard(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report) -> None:
    click(qtbot, sheet, "A.accepted")
    qtbot.keyClick(sheet.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert shown(sheet, "A.accepted") == "不涉及"
    assert shown(sheet, "A.accepted", COL_CHOICE) == "不涉及"
    figure = saved(store, report, "A.accepted")
    assert figure is not None and figure.state is FigureState.NA and figure.value is None
    assert sheet.progress()[0] == 5  # 不涉及 counts as done
    qtbot.keyClick(sheet.view, Qt.Key.Key_Delete)
    figure = saved(store, report, "A.accepted")
    assert figure is not None and figure.state is FigureState.EMPTY
    assert shown(sheet, "A.accepted", COL_CHOICE) == "未填"
    assert sheet.progress()[0] == 4


# the offscreen platform cannot raise a drop-down list or grab the keyboard for it
@pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")
def test_approximate_picked_with_the_mouse(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report) -> None:
    click(qtbot, sheet, "A.closed", COL_CHOICE)
    combo = QApplication.focusWidget()
    while combo is not None and not isinstance(combo, QComboBox):
        combo = combo.parentWidget()  # the drop-down list has the focus: its combo box owns it
    assert isinstance(combo, QComboBox)
    qtbot.waitUntil(combo.view().isVisible)
    popup = combo.view()
    rect = popup.visualRect(popup.model().index(3, 0))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: shown(sheet, "A.closed") == "63余")
    figure = saved(store, report, "A.closed")
    assert figure is not None
    assert (figure.state, figure.value, figure.approx) == (FigureState.APPROX, Decimal(63), Approx.OVER)


def test_approximate_picked_in_the_combo(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report) -> None:
    click(qtbot, sheet, "A.received")
    qtbot.keyClick(editor(sheet), Qt.Key.Key_Escape)
    qtbot.keyClick(sheet.view, Qt.Key.Key_Left)
    qtbot.keyClick(sheet.view, Qt.Key.Key_F2)
    combo = editor(sheet)
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["未填", "准确数", "约数·近", "约数·余", "不涉及"]
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "约数·近"
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    # no number yet: nothing is saved, and the value editor opens for one
    qtbot.waitUntil(lambda: sheet.view.currentIndex() == sheet.model.index_of("A.received")
                    and isinstance(QApplication.focusWidget(), QLineEdit))
    assert shown(sheet, "A.received", COL_CHOICE) == "约数·近"
    assert saved(store, report, "A.received") is None
    type_in(qtbot, "100")
    qtbot.keyClick(editor(sheet), Qt.Key.Key_Tab)
    assert shown(sheet, "A.received") == "近100"
    figure = saved(store, report, "A.received")
    assert figure is not None
    assert (figure.state, figure.value, figure.approx) == (FigureState.APPROX, Decimal(100), Approx.NEAR)


def test_approximate_from_the_keyboard(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report) -> None:
    click(qtbot, sheet, "A.closed")
    type_in(qtbot, "60000")
    # the shortcut saves what is being typed, then marks it 余
    qtbot.keyClick(editor(sheet), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert shown(sheet, "A.closed") == "60000余"
    figure = saved(store, report, "A.closed")
    assert figure is not None
    assert (figure.state, figure.value, figure.approx) == (FigureState.APPROX, Decimal(60000), Approx.OVER)
    qtbot.keyClick(sheet.view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert shown(sheet, "A.closed") == "近60000"
    qtbot.keyClick(sheet.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    figure = saved(store, report, "A.closed")
    assert figure is not None and figure.state is FigureState.NUMBER and figure.approx is None
    # typing over an approximate number keeps it approximate
    qtbot.keyClick(sheet.view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    type_in(qtbot, "90")
    qtbot.keyClick(editor(sheet), Qt.Key.Key_Tab)
    assert shown(sheet, "A.closed") == "近90"


def test_tab_through_without_typing_changes_nothing(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                    report: Report) -> None:
    assert report.id is not None
    click(qtbot, sheet, "H.exam_pass")
    qtbot.keyClick(sheet.view, Qt.Key.Key_F2)
    qtbot.keyClick(editor(sheet), Qt.Key.Key_Tab)  # onto I.* (first: 执法人员数)
    for _ in range(5):
        qtbot.keyClick(editor(sheet), Qt.Key.Key_Tab)
    assert store.history(report.id, "figure:H.exam_pass") == []
    figure = saved(store, report, "I.fines")
    assert figure is not None and figure.state is FigureState.NA


def test_history_restores_an_older_value(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "HISTORY_COALESCE_SECONDS", 0)
    monkeypatch.setattr(figure_delegate, "LIVE_SAVE_MS", 60_000)  # only leaving the cell saves here
    click(qtbot, sheet, "A.accepted")
    for before, text in (("88", "90"), ("90", "91")):
        type_in(qtbot, text)
        qtbot.keyClick(editor(sheet), Qt.Key.Key_Escape)  # Esc: nothing saved
        assert shown(sheet, "A.accepted") == before
        type_in(qtbot, text)
        qtbot.mouseClick(sheet.search, Qt.MouseButton.LeftButton)  # leaving the cell saves
        click(qtbot, sheet, "A.accepted")
    assert shown(sheet, "A.accepted") == "91"

    seen: list[str] = []

    def pick_older(dialog: HistoryDialog) -> None:
        seen.extend(dialog.versions.item(i).text() for i in range(dialog.versions.count()))
        dialog.versions.setCurrentRow(1)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    when_open(HistoryDialog, pick_older)
    qtbot.keyClick(sheet.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 3 and "91" in seen[0] and "90" in seen[1] and "88" in seen[2]
    assert shown(sheet, "A.accepted") == "90"
    figure = saved(store, report, "A.accepted")
    assert figure is not None and figure.value == 90
    assert report.figures["A.accepted"].value == 90
    # the restore is an edit like any other: Ctrl+Z takes it back to 91, saved at once
    sheet.activateWindow()
    qtbot.waitUntil(sheet.isActiveWindow)
    qtbot.keyClick(sheet.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown(sheet, "A.accepted") == "91"
    figure = saved(store, report, "A.accepted")
    assert figure is not None and figure.value == 91


def test_history_closed_without_restoring(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report) -> None:
    headings: list[str] = []

    def close(dialog: HistoryDialog) -> None:
        headings.append(dialog.heading.text())
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    click(qtbot, sheet, "A.received")
    when_open(HistoryDialog, close)
    sheet.history_action.trigger()
    assert headings and "还没有保存过" in headings[0]
    assert saved(store, report, "A.received") is None


def test_search_and_family_filter(qtbot: QtBot, sheet: FigureSheet) -> None:
    view, model = sheet.view, sheet.model
    qtbot.keyClick(sheet.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_chinese(sheet.search, "出庭")
    visible = [ind.code for ind in model.indicators()
               if not view.isRowHidden(model.index_of(ind.code).row(), model.index_of(ind.code).parent())
               and not view.isRowHidden(model.index_of(ind.code).parent().row(), QModelIndex())]
    assert visible and all(code.startswith("B.") for code in visible)
    assert "B.head_appearances" in visible
    sheet.search.clear()
    sheet.family_filter.setCurrentIndex(sheet.family_filter.findText("普法"))
    hidden_families = [f.name for row, f in enumerate(model.families) if view.isRowHidden(row, QModelIndex())]
    assert "普法" not in hidden_families and len(hidden_families) == len(model.families) - 1
    # Tab skips what is hidden
    first = view.neighbour(QModelIndex(), 1)
    assert model.indicator(first) is not None
    indicator = model.indicator(first)
    assert indicator is not None and indicator.family == "H"


def test_only_unfilled(qtbot: QtBot, sheet: FigureSheet) -> None:
    qtbot.mouseClick(sheet.only_empty, Qt.MouseButton.LeftButton)
    index = sheet.model.index_of("A.accepted")
    assert sheet.view.isRowHidden(index.row(), index.parent())
    index = sheet.model.index_of("A.received")
    assert not sheet.view.isRowHidden(index.row(), index.parent())


def test_no_report_no_editing(qtbot: QtBot, store: Store) -> None:
    widget = FigureSheet(store)
    qtbot.addWidget(widget)
    assert widget.progress() == (0, len(resources.catalogue().indicators))
    assert not widget.model.flags(widget.model.index_of("A.received")) & Qt.ItemFlag.ItemIsEditable


def test_saved_while_typing_and_esc_puts_it_back(qtbot: QtBot, sheet: FigureSheet, store: Store,
                                                 report: Report) -> None:
    click(qtbot, sheet, "A.closed")
    type_in(qtbot, "64")
    line = editor(sheet)
    # a short pause in typing is enough: the figure is in the database while the editor is still open
    qtbot.waitUntil(lambda: (f := saved(store, report, "A.closed")) is not None and f.value == 64, timeout=3000)
    assert line.isVisible()
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    figure = saved(store, report, "A.closed")
    assert figure is not None and figure.value == 63
    assert shown(sheet, "A.closed") == "63"
    assert report.figures["A.closed"].value == 63


def test_a_failed_save_says_so_and_keeps_the_figure(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Not saved is said under the sheet and on the figure; it stays as chosen (kept for a retry, see
    tests/ui/test_figure_save_retry.py), the database as it was."""
    def locked(*args: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(store, "set_figure", locked)
    click(qtbot, sheet, "A.accepted")
    qtbot.keyClick(editor(sheet), Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert "没有保存：数据文件正被其他程序占用" in sheet.unsaved_note.text() and sheet.unsaved_note.isVisible()
    assert "“受理”" in sheet.unsaved_note.text()
    assert shown(sheet, "A.accepted") == "不涉及"
    assert "没有保存" in str(sheet.model.index_of("A.accepted").data(Qt.ItemDataRole.ToolTipRole))
    assert report.figures["A.accepted"].state is FigureState.NA
    assert saved(store, report, "A.accepted").value == 88  # type: ignore[union-attr]


def test_indicators_of_a_later_catalogue_stay_out_of_an_older_report(store: Store, report: Report) -> None:
    catalogue = Catalogue(2, [Family("A", "行政复议")], [
        Indicator("A.received", "A", "收到申请", "件", Kind.COUNT),
        Indicator("A.new_field", "A", "新增指标", "件", Kind.COUNT, since=2),
    ])
    model = FigureModel(store, catalogue, Autosaver())
    assert model.rowCount(model.index(0, 0)) == 2
    report.catalogue_version = 1
    model.set_report(report)  # written with catalogue version 1
    assert report.catalogue_version == 1
    assert model.rowCount(model.index(0, 0)) == 1
    assert model.progress() == (0, 1)


def _fits(sheet: FigureSheet) -> None:
    """Every header and the longest 填写方式 fit their column; rows are taller than a line of text."""
    view, header = sheet.view, sheet.view.header()
    for column in (COL_CHOICE, COL_VALUE, COL_UNIT, COL_LAST):
        title = str(sheet.model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title), title
    assert header.sectionSize(COL_CHOICE) >= view.fontMetrics().horizontalAdvance("约数·余")
    assert header.sectionSize(COL_NAME) >= view.fontMetrics().horizontalAdvance("行政复议")
    figure = sheet.model.index_of("A.open", COL_VALUE)
    assert view.rowHeight(figure) > view.fontMetrics().height()


def test_text_size_reaches_the_sheet(qtbot: QtBot, filled_store: Store,
                                     make_window: Callable[[Store], MainWindow]) -> None:
    """Ctrl++ / Ctrl+- grow the cells, headers, open editor and rows; a sheet built at a saved size fits too."""
    filled_store.set_setting(FONT_SETTING, 20)
    w = make_window(filled_store)
    w.go(next(i for i, s in enumerate(w.steps) if s.key == "figures"), focus=True)
    page = w.current_page()
    assert isinstance(page, FiguresPage) and isinstance(page.sheet, FigureSheet)
    sheet = page.sheet
    view = sheet.view
    qtbot.waitUntil(lambda: view.font().pointSize() == 20)
    assert view.header().font().pointSize() == 20
    _fits(sheet)
    figure = sheet.model.index_of("A.open", COL_VALUE)
    height, width = view.rowHeight(figure), view.header().sectionSize(COL_CHOICE)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.rowHeight(figure) > height)
    assert w.point_size == 22 and view.font().pointSize() == 22 and view.header().font().pointSize() == 22
    assert view.header().sectionSize(COL_CHOICE) > width
    _fits(sheet)
    view.scrollTo(figure)
    view.setCurrentIndex(figure)
    view.edit(figure)
    qtbot.waitUntil(lambda: sheet.view.state() == sheet.view.State.EditingState)
    box = editor(sheet)
    assert box.font().pointSize() == 22
    QTest.keyClick(box, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)  # while typing a figure
    qtbot.waitUntil(lambda: view.font().pointSize() == 21)
    assert box.font().pointSize() == 21 and filled_store.setting(FONT_SETTING) == 21
    qtbot.waitUntil(lambda: box.height() <= view.rowHeight(figure) and box.height() >= box.fontMetrics().height())
    _fits(sheet)


def test_a_value_the_store_refuses_is_shown_not_saved(sheet: FigureSheet, store: Store, report: Report) -> None:
    """A count of 12.5 handed to the sheet's model (not typeable, e.g. from a fix) is refused by the store's guard:
    the sheet says why, the cell and the database keep the old value."""
    from fzdesk.domain.figure_text import Entry

    assert not sheet.model.set_entry("A.accepted", Entry(FigureState.NUMBER, Decimal("12.5")))
    assert "只能是整数" in sheet.message.text() and "没有保存" in sheet.message.text()
    assert shown(sheet, "A.accepted") == "88"
    figure = saved(store, report, "A.accepted")
    assert figure is not None and figure.value == 88


def test_a_cell_copied_from_excel_is_pasted(qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report) -> None:
    """Excel puts one copied cell on the clipboard as "128\\r\\n": the line end is not part of the figure."""
    QApplication.clipboard().setText("128\r\n")
    click(qtbot, sheet, "A.received")
    qtbot.keyClick(editor(sheet), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor(sheet), Qt.Key.Key_Return)
    assert shown(sheet, "A.received") == "128"
    figure = saved(store, report, "A.received")
    assert figure is not None and figure.state is FigureState.NUMBER and figure.value == 128
    assert "不是数字" not in sheet.message.text()


def test_a_figure_copied_from_excel_with_a_thousands_separator_is_pasted(qtbot: QtBot, sheet: FigureSheet,
                                                                         store: Store, report: Report) -> None:
    """Excel shows and copies 1234 as "1,234" once the cell has a number format with separators."""
    QApplication.clipboard().setText("1,234\r\n")
    click(qtbot, sheet, "A.received")
    qtbot.keyClick(editor(sheet), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor(sheet), Qt.Key.Key_Return)
    figure = saved(store, report, "A.received")
    assert figure is not None and figure.state is FigureState.NUMBER and figure.value == 1234
    assert shown(sheet, "A.received") == "1234" and "不是数字" not in sheet.message.text()


@pytest.mark.parametrize("size", [MIN_POINT_SIZE, DEFAULT_POINT_SIZE, 20, MAX_POINT_SIZE])
def test_name_and_figure_are_seen_together_on_a_small_screen(qtbot: QtBot, filled_store: Store, size: int,
                                                              make_window: Callable[[Store], MainWindow]) -> None:
    """1024 x 768 at every text size: no sideways scrolling (at the largest size it hid the names while the
    cursor sat on 本年度); 上年度 and 单位 give way first, the legend and the page's line above at large sizes."""
    filled_store.set_setting(FONT_SETTING, size)
    w = make_window(filled_store)
    w.resize(1024, 768)
    w.go(next(i for i, s in enumerate(w.steps) if s.key == "figures"), focus=True)
    page = w.current_page()
    assert isinstance(page, FiguresPage) and isinstance(page.sheet, FigureSheet)
    sheet, view = page.sheet, page.sheet.view
    qtbot.waitUntil(lambda: view.font().pointSize() == size)
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0)
    longest = max(sheet.model.indicators(), key=lambda ind: len(ind.name))
    figure = sheet.model.index_of(longest.code)
    view.setCurrentIndex(figure)
    view.scrollTo(figure)
    for column in (COL_NAME, COL_CHOICE, COL_VALUE):
        rect = view.visualRect(figure.siblingAtColumn(column))
        assert not view.isColumnHidden(column) and rect.left() >= 0 and rect.right() <= view.viewport().width()
    assert view.header().sectionSize(COL_VALUE) >= view.fontMetrics().horizontalAdvance("0000000.00")
    large = size > 18
    assert sheet.legend.isVisible() is not large and page.intro.isVisible() is not large
    if size == DEFAULT_POINT_SIZE:
        assert not view.isColumnHidden(COL_UNIT) and not view.isColumnHidden(COL_LAST)
    if view.isColumnHidden(COL_LAST):  # what the hidden columns held is said under the table
        assert "上年度：" in sheet.help_text.text() and f"（{longest.unit}，" in sheet.help_title.text()
    assert view.height() >= 3 * view.rowHeight(figure)


def test_a_column_widened_by_hand_stays_when_the_window_is_resized(qtbot: QtBot, sheet: FigureSheet) -> None:
    header = sheet.view.header()
    sheet.resize(1200, 700)
    qtbot.waitUntil(lambda: not sheet.view.isColumnHidden(COL_LAST))
    assert not sheet._widths_by_hand  # the stretching 说明 column follows the window: not a drag
    header.resizeSection(COL_NAME, header.sectionSize(COL_NAME) + 80)  # what dragging its edge does
    wide = header.sectionSize(COL_NAME)
    sheet.resize(1300, 700)
    qtbot.wait(50)
    assert header.sectionSize(COL_NAME) == wide
