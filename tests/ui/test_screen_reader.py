"""A screen reader reads a Chinese name for every field and button of every step, of the window and of every dialog;
labels with an Alt letter lead to their field; the step list reads each step's state; Tab goes in reading order."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from fzdesk import portable
from fzdesk.checks.findings import Finding
from fzdesk.domain.model import BODY_BLOCKS, Block, FigureState, FigureValue
from fzdesk.export.drives import Drive
from fzdesk.storage.store import Store
from fzdesk.ui.ask import MessageBox
from fzdesk.ui.check_page import CheckPage
from fzdesk.ui.figure_model import COL_CHOICE, COL_LAST, COL_VALUE
from fzdesk.ui.figure_sheet import FigureSheet
from fzdesk.ui.help import HelpDialog
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.block_page import BlockPage
from fzdesk.ui.pages.export_page import ExportPage
from fzdesk.ui.pages.unit_page import UnitPage
from fzdesk.ui.report_delete import delete_report
from fzdesk.ui.review_dialog import ReviewDialog
from tests.review import files
from tests.ui.accessibility import (
    accessible_name,
    audit,
    box,
    item_names,
    meaningful,
    reachable,
    tab_problems,
    tab_walk,
)
from tests.ui.figure_helpers import click, editor
from tests.ui.helpers import window_menus
from tests.ui.modal import Modals, cancel
from tests.ui.test_checks_ui import flawed_store  # noqa: F401  # (a fixture)
from tests.ui.test_dialog_keys import DIALOGS, qt_chinese  # noqa: F401  # (a fixture)
from tests.ui.test_dialog_text_size import _dialogs
from tests.ui.test_help import new_year_window
from tests.ui.test_startup import flaw

pytestmark = pytest.mark.usefixtures("qt_chinese")  # Qt's own texts (a tab bar's 向右滚动) as the program has them

STEPS = ["unit", "report", "opening", *(b.value for b in BODY_BLOCKS), "figures", "closing", "check", "export"]


@pytest.fixture
def window(filled_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           make_window: Callable[[Store], MainWindow]) -> MainWindow:
    """The window on a filled report with a problem (the check page lists it) and a stick for the export."""
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    monkeypatch.setattr(ExportPage, "list_drives", lambda self: [Drive(stick, "KINGSTON", 8 * 1024 ** 3)])
    monkeypatch.setattr(portable, "is_removable", lambda path: Path(path) == stick)
    flaw(filled_store, 2023)
    return make_window(filled_store)


def assert_none(findings: list[str], where: str) -> None:
    """Fails listing every finding (one a line), not only the first."""
    assert not findings, f"{where}: {len(findings)} finding(s)\n" + "\n".join(findings)


def open_step(w: MainWindow, key: str) -> QWidget:
    w.go(next(i for i, s in enumerate(w.steps) if s.key == key))
    page = w.current_page()
    assert page.isVisible()
    return page


@pytest.mark.parametrize("key", STEPS)
def test_every_field_of_the_step_has_a_chinese_name(key: str, window: MainWindow) -> None:
    page = open_step(window, key)
    assert reachable(page), key
    assert_none(audit(page), key)


@pytest.mark.parametrize("key", ["opening", "measures", "plans", "closing"])
def test_the_new_year_s_pane_copy_buttons_and_plans_have_chinese_names(
        key: str, store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    """A report started from last year's: the pane with last year's items, 未更新 and 无需修改, 安排落实."""
    w, _ = new_year_window(store, make_window)
    page = open_step(w, key)
    found = audit(page)
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):  # each tab's fields (安排落实's are hidden until it is chosen)
            tabs.setCurrentIndex(index)
            found += [f"{tabs.tabText(index)}: {f}" for f in audit(page) if f not in found]
    assert_none(found, key)


def test_every_finding_s_buttons_and_explanation_have_chinese_names(
        flawed_store: Store, make_window: Callable[[Store], MainWindow]) -> None:  # noqa: F811
    """检查 with an error, a sum that does not add up, a number unlike the sheet's, a wording slip (its 改为… and
    这不是错误 buttons) and a large change (its 原因说明): each selected in turn, as a clerk goes down the list."""
    report = flawed_store.load_report(next(s.id for s in flawed_store.reports() if s.year == 2023))
    item = report.section(Block.MEASURES).items[1]  # type: ignore[union-attr]
    assert item.id is not None
    flawed_store.update_item(item.id, paragraphs=["推进法制政府建设。"])
    last = next(s.id for s in flawed_store.reports() if s.year == 2022)
    flawed_store.set_figure(last, FigureValue("A.accepted", FigureState.NUMBER, Decimal(20)))
    w = make_window(flawed_store)
    page = open_step(w, "check")
    assert isinstance(page, CheckPage)
    findings = [f for f in page.findings() if isinstance(f, Finding)]
    assert {"wording.fazhi", "structure.recipient", "A.balance", "prose.mismatch", "yoy.change"} <= \
        {f.rule for f in findings}
    found = audit(page)
    for finding in findings:
        page.view.setCurrentIndex(page.index_of_key(finding.key))
        found += [f"{finding.rule}: {f}" for f in audit(page) if f not in found]
    change = next(f for f in findings if f.rule == "yoy.change")
    page.view.setCurrentIndex(page.index_of_key(change.key))
    assert page.explanation.isVisible()  # (the audit above saw it)
    assert_none(found, "检查")


def test_the_window_s_own_fields_buttons_and_menus_have_chinese_names(window: MainWindow) -> None:
    """单位, 年度, 新建单位…, the step list, 上一步/下一步, the status bar; every menu entry reads as Chinese."""
    open_step(window, "report")  # (上一步 is enabled)
    assert_none(audit(window), "window")
    menus = window_menus(window)
    entries = [m.title() for m in menus] + [a.text() for m in menus for a in m.actions() if not a.isSeparator()]
    assert len(entries) > 10
    assert [t for t in entries if not meaningful(t)] == []


def test_tab_goes_from_the_unit_and_year_to_the_steps(window: MainWindow) -> None:
    """The window's row above the page, left to right, then the step list (then the page: tested per step)."""
    visited = tab_walk(window.unit_combo, [window.step_list])
    assert visited == [window.unit_combo, window.year_combo, window.new_unit_button, window.new_report_button,
                       window.step_list]
    assert_none(tab_problems(visited, [], [window.step_list]), "window")


def test_the_step_list_reads_each_step_with_its_state(window: MainWindow) -> None:
    """The list showed the state as an icon and on a second line; the reader reads one sentence per step."""
    names = item_names(window.step_list)
    assert len(names) == len(window.steps)
    assert names[0] == "单位信息，已完成"
    assert names[1].startswith("报告信息，进行中，1个问题")  # the problem count is read too
    assert all("\n" not in n and "·" not in n for n in names), names


def test_opening_the_other_block_leaves_the_keyboard_in_the_window(window: MainWindow) -> None:
    """五、其他情况's 无 box was shown before it had a parent: a window of its own for a moment, which took the
    keyboard focus from the program (Tab did nothing until the clerk clicked into the window again)."""
    open_step(window, "other")
    QApplication.processEvents()
    assert window.isActiveWindow()
    assert [t for t in QApplication.topLevelWidgets() if t.isVisible()] == [window]


def test_a_figure_s_cells_and_editors_say_which_figure_they_are(sheet: FigureSheet, qtbot: QtBot) -> None:
    """Going down 本年度, the reader said "88", "63": not which figure. Each cell and editor names its figure."""
    view = QAccessible.queryAccessibleInterface(sheet.view)
    heard = []
    for code, column in (("A.accepted", COL_VALUE), ("A.accepted", COL_CHOICE), ("A.closed", COL_LAST),
                         ("A.open", COL_VALUE)):
        if column == COL_CHOICE:  # by the keyboard (a click there opens its list)
            QTest.keyClick(sheet.view, Qt.Key.Key_Left)
            assert sheet.view.currentIndex().column() == COL_CHOICE
        else:
            click(qtbot, sheet, code, column)
        heard.append(view.focusChild().text(QAccessible.Text.Name))
    accepted = sheet.model.indicator(sheet.model.index_of("A.accepted", COL_VALUE))
    assert accepted is not None
    assert heard[0] == f"{accepted.name}（{accepted.unit}），本年度：88"
    assert heard[1].startswith(f"{accepted.name}（{accepted.unit}），填写方式：")
    assert heard[2].endswith("上年度：未填") and heard[3].endswith("本年度：未填")
    click(qtbot, sheet, "A.accepted", COL_VALUE)
    QTest.keyClick(sheet.view, Qt.Key.Key_F2)  # the editor F2 opens
    assert accessible_name(editor(sheet)) == f"{accepted.name}（{accepted.unit}）"
    QTest.keyClick(editor(sheet), Qt.Key.Key_Escape)


def show(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("name", DIALOGS)
def test_every_field_of_the_dialog_has_a_chinese_name(name: str, filled_store: Store, qtbot: QtBot, tmp_path: Path,
                                                      make_window: Callable[[Store], MainWindow]) -> None:
    dialog = show(qtbot, _dialogs(filled_store, make_window(filled_store), tmp_path)[name])
    assert_none(audit(dialog), name)


def test_the_help_and_the_questions_have_chinese_names(filled_store: Store, qtbot: QtBot,
                                                       make_window: Callable[[Store], MainWindow]) -> None:
    assert_none(audit(show(qtbot, HelpDialog("开头", "**开头**\n\n写明本年度的总体情况。"))), "帮助")
    w = make_window(filled_store)
    seen: list[list[str]] = []

    def look(question: MessageBox) -> None:
        seen.append(audit(question))
        cancel(question)

    modals = Modals().then(MessageBox, look)
    modals.start()
    assert delete_report(w) is None
    assert modals.errors == [] and seen == [[]]


# ----- Tab order ------------------------------------------------------------------------------------------------
def answers(dialog: QWidget) -> list[QWidget]:
    boxes = dialog.findChildren(QDialogButtonBox)
    return [b for bb in boxes for b in bb.buttons() if b.isVisible()] or \
        [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]


@pytest.mark.parametrize("key", STEPS)
def test_tab_goes_through_the_step_in_reading_order_to_the_buttons(key: str, window: MainWindow) -> None:
    page = open_step(window, key)
    visited = tab_walk(window.step_list, [window.back_button, window.next_button])
    # the one jump kept against reading order: an item's title, then its text, then the history buttons beside and
    # above them (a clerk typing the title writes the text next: tests/ui/test_items.py)
    allowed = [(page.text, page.title_history)] if isinstance(page, BlockPage) else []
    assert_none(tab_problems(visited, reachable(page), [window.back_button, window.next_button], allowed), key)


@pytest.mark.parametrize("name", DIALOGS)
def test_tab_goes_through_the_dialog_in_reading_order_to_its_buttons(
        name: str, filled_store: Store, qtbot: QtBot, tmp_path: Path,
        make_window: Callable[[Store], MainWindow]) -> None:
    dialog = show(qtbot, _dialogs(filled_store, make_window(filled_store), tmp_path)[name])
    ends = answers(dialog)
    fields = [w for w in reachable(dialog) if w not in ends]
    first = min(fields, key=lambda f: (box(f).top(), box(f).left()))
    visited = tab_walk(first, ends)
    assert_none(tab_problems(visited, fields, ends), name)


def test_the_required_fields_say_so_in_words(window: MainWindow) -> None:
    page = open_step(window, "unit")
    assert isinstance(page, UnitPage)
    names = {accessible_name(w) for w in (page.name, page.organ1, page.recipient)}
    assert names == {"单位全称（必填）", "发文机关（必填）", "常用主送机关（必填）"}  # (not "单位全称 *": 星号)


# ----- 文件 → 检查收到的报告 ------------------------------------------------------------------------------------------
@pytest.fixture
def review(qtbot: QtBot, tmp_path: Path) -> ReviewDialog:
    """The dialog after a stick with a township's folder, an export and a damaged file was read (a row selected)."""
    stick = tmp_path / "U盘"
    (stick / "石桥镇").mkdir(parents=True)
    files.exported(stick / "石桥镇", "报告.docx", "石桥镇人民政府")
    files.exported(stick, "县公安局.docx", "沈丘县公安局")
    files.corrupt(stick, "坏.docx")
    dialog = ReviewDialog()
    show(qtbot, dialog)
    assert dialog.review_folder(stick)
    qtbot.waitUntil(lambda: not dialog.running and dialog.table.rowCount() == 3, timeout=20_000)
    return dialog


def test_the_review_dialog_s_fields_rows_and_buttons_have_chinese_names(review: ReviewDialog) -> None:
    """选择文件夹, 添加文件, 包括子文件夹, 报告年度, 取消, the table, the findings, 导出汇总表, 帮助, 关闭."""
    assert_none(audit(review), "检查收到的报告")


def test_a_review_row_reads_as_a_sentence_with_its_state(review: ReviewDialog) -> None:
    """Going down the file names, the reader said only "坏.docx": not that it could not be read, nor how many
    problems a file has (those are far to the right). The name cell reads the row's gist."""
    table = QAccessible.queryAccessibleInterface(review.table)
    cells = [c for c in (table.child(i) for i in range(table.childCount()))
             if c is not None and c.role() == QAccessible.Role.Cell]
    heard = [c.text(QAccessible.Text.Name) for c in cells[::review.table.columnCount()]]  # the name cells
    assert heard[0] == "坏.docx，文件已损坏"  # problems first
    town = next(h for h in heard if "石桥镇" in h)
    assert town.startswith(f"{Path('石桥镇') / '报告.docx'}，石桥镇人民政府，2023年度，")
    assert "，错误" in town and "条，警告" in town and "条，提示" in town  # apart, as the 检查 step counts them


def test_tab_goes_through_the_review_dialog_in_reading_order(review: ReviewDialog) -> None:
    ends = answers(review)
    fields = [w for w in reachable(review) if w not in ends]
    first = min(fields, key=lambda f: (box(f).top(), box(f).left()))
    visited = tab_walk(first, ends)
    assert_none(tab_problems(visited, fields, ends), "检查收到的报告")
