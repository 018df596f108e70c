"""文件 → 检查收到的报告: a folder of units' files read and checked off the window's thread, a row per file, the
findings of the selected one, the summary CSV; and the office's own data untouched."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from fzdesk.review.batch import files_in, review_paths
from fzdesk.storage.store import DB_NAME, Store
from fzdesk.ui import review_dialog, style
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.review_dialog import ReviewDialog
from fzdesk.ui.review_table import PROBLEM_COLUMN, STATE_COLUMN, ReviewTable
from tests.review import files

WAIT_MS = 20_000
NOON = dt.datetime(2024, 1, 10, 12, 0)


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """A stick as the county office receives it: three exports (two of one unit), a hand-written report, a
    damaged file and a picture renamed .docx. The 王集乡 pair has one 成文日期 and one file date: which is newer cannot
    be told."""
    folder = tmp_path / "U盘"
    folder.mkdir()
    files.exported(folder, "1石桥镇.docx", "石桥镇人民政府", accepted=88, fines="12.5")
    files.exported(folder, "2王集乡.docx", "王集乡人民政府", accepted=12, fines="0.75", modified=NOON)
    files.exported(folder, "3王集乡（改）.docx", "王集乡人民政府", accepted=13, modified=NOON)
    files.hand_written(folder, "4县政府办.docx")
    files.corrupt(folder, "5坏文件.docx")
    files.not_docx(folder, "6照片.docx")
    return folder


OFFSCREEN = pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")


def menu_action(window: MainWindow, qtbot: QtBot, text: str) -> None:
    """Opens 文件 with Alt+F and picks the entry by its Alt letter, as a user would."""
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and menu.title() == "文件(&F)"
    action = next(a for a in menu.actions() if a.text().startswith(text))
    QTest.keyClick(menu, getattr(Qt.Key, f"Key_{action.text().split('(&')[1][0]}"))


def open_dialog(window: MainWindow, qtbot: QtBot) -> ReviewDialog:
    menu_action(window, qtbot, "检查收到的报告")
    qtbot.waitUntil(lambda: bool(window.findChildren(ReviewDialog)), timeout=3000)
    dialog = window.findChildren(ReviewDialog)[0]
    qtbot.waitExposed(dialog)
    return dialog


def review(dialog: ReviewDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Clicks 选择文件夹, picks folder in the (patched) file dialog, and waits for the last row."""
    monkeypatch.setattr(review_dialog, "choose_folder", lambda _parent, _start: folder)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.run is not None and not dialog.running, timeout=WAIT_MS)


def shown(qtbot: QtBot) -> ReviewDialog:
    """The dialog on its own, active (Alt letters and F1 reach only the active window)."""
    dialog = ReviewDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def table(dialog: ReviewDialog) -> dict[str, list[str]]:
    t = dialog.table
    return {t.item(r, 0).text(): [t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())}


def data_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob(f"{DB_NAME}*"))}


@OFFSCREEN
def test_a_stick_is_reviewed_row_by_row_and_the_summary_exported(
        filled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, stick: Path, tmp_path: Path) -> None:
    window = make_window(filled_store)
    window.saver.flush()
    before = data_files(filled_store.folder)
    dialog = open_dialog(window, qtbot)
    assert not dialog.isModal()  # the report can stay open beside it
    review(dialog, qtbot, monkeypatch, stick)
    rows = table(dialog)
    assert sorted(rows) == ["1石桥镇.docx", "2王集乡.docx", "3王集乡（改）.docx", "4县政府办.docx", "5坏文件.docx",
                            "6照片.docx"]
    assert list(rows)[:2] == ["5坏文件.docx", "6照片.docx"]  # problems first: the files that could not be read
    assert rows["1石桥镇.docx"][1:5] == ["石桥镇人民政府", "2023", "本程序导出", "2023-12-15"]
    assert rows["1石桥镇.docx"][8:] == ["未核对", "正常"]  # (in the table's short words; whole in the tooltip)
    assert rows["4县政府办.docx"][3] == "Word文件识别" and sum(map(int, rows["4县政府办.docx"][5:8])) > 0
    assert rows["2王集乡.docx"][9] == "重复（无法判断哪一份较新）"
    wangji = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "2王集乡.docx")
    assert dialog.table.item(wangji, 9).toolTip() == "重复（同一单位同一年度共2个文件，无法判断哪一份较新）"
    assert dialog.table.item(wangji, 8).toolTip() == "未核对（无上年数）"
    assert rows["5坏文件.docx"][9] == "文件已损坏" and rows["6照片.docx"][9] == "不是Word文件"
    assert rows["5坏文件.docx"][5:8] == ["", "", ""]  # no counts for a file not read
    assert "共 6 个文件" in dialog.progress.text() and "2 个读不了" in dialog.progress.text()

    # the clerk clicks the hand-written report's row: its findings, worded as the 检查 step words them
    at = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "4县政府办.docx")
    rect = dialog.table.visualItemRect(dialog.table.item(at, 1))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text = dialog.details.toPlainText()
    assert "“法制政府”应写作“法治政府”" in text and "（开头 · 第1段）" in text
    assert "与去年比较：未核对（无上年数）" in text
    # the first row (Ctrl+Home): the damaged file's reason, said for the office
    QTest.keyClick(dialog.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert "文件已损坏" in dialog.details.toPlainText() and "重新拷贝" in dialog.details.toPlainText()
    assert "导入" not in dialog.details.toPlainText()

    out = tmp_path / "汇总"
    out.mkdir()
    asked: list[str] = []

    def where(_parent: object, _start: str, name: str) -> Path:
        asked.append(name)
        return out / name

    monkeypatch.setattr(review_dialog, "choose_summary_path", where)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert asked == ["2023年度法治政府建设报告汇总表.csv"]
    data = (out / asked[0]).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "已保存到" in dialog.progress.text()
    sheet = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    col = sheet[0].index("行政复议·受理（件）")
    total = next(r for r in sheet if r and r[0] == "合计")
    assert total[1] == "2个单位" and total[col] == "88"  # 石桥镇 and the hand-written one; the 王集乡 pair is left out
    assert total[sheet[0].index("行政执法·罚没金额（万元）")] == "12.5"
    assert total[sheet[0].index("普法·合格率（%）")] == "不合计"
    assert next(r for r in sheet if r and r[0] == "6照片.docx")[:2] == ["6照片.docx", "不是Word文件"]
    assert not list(out.glob(".*.tmp"))

    dialog.close()
    window.saver.flush()
    assert data_files(filled_store.folder) == before  # nothing of the review reached the office's data


def test_of_two_copies_the_newer_is_marked_counted_and_the_older_names_it(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A township sent its report, then a 修改稿 written a week later: the table marks which copy the 合计 counts,
    and the older copy's findings name the newer with its dates; a pair that cannot be told apart says so."""
    files.exported(tmp_path, "1王集乡.docx", "王集乡人民政府", date=dt.date(2023, 12, 15), modified=NOON)
    files.exported(tmp_path, "2王集乡（修改稿）.docx", "王集乡人民政府", date=dt.date(2023, 12, 22), modified=NOON)
    files.exported(tmp_path, "3石桥镇.docx", "石桥镇人民政府", modified=NOON)
    files.exported(tmp_path, "4石桥镇（另一份）.docx", "石桥镇人民政府", modified=NOON)
    files.exported(tmp_path, "5白集镇.docx", "白集镇人民政府")
    dialog = shown(qtbot)
    review(dialog, qtbot, monkeypatch, tmp_path)
    rows = table(dialog)
    assert rows["2王集乡（修改稿）.docx"][9] == "重复（计入合计：这一份较新）"
    assert rows["1王集乡.docx"][9] == "重复（较旧，未计入合计）"
    undecided = "重复（无法判断哪一份较新）"  # the table's short words: the details say how many files
    assert rows["3石桥镇.docx"][9] == rows["4石桥镇（另一份）.docx"][9] == undecided
    assert rows["5白集镇.docx"][9] == "正常"
    # the clerk clicks the older copy: the findings name the counted one, its 成文日期 and file date
    at = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "1王集乡.docx")
    rect = dialog.table.visualItemRect(dialog.table.item(at, 1))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text = dialog.details.toPlainText()
    assert "2王集乡（修改稿）.docx（成文日期2023年12月22日，文件日期2024-01-10 12:00）" in text
    assert "2王集乡（修改稿）.docx较新（成文日期较晚），计入合计；这一份较旧，未计入合计" in text
    # and a copy of the undecided pair, by the arrow keys
    at = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "3石桥镇.docx")
    dialog.table.selectRow(at - 1 if at else at + 1)
    QTest.keyClick(dialog.table, Qt.Key.Key_Down if at else Qt.Key.Key_Up)
    assert dialog.table.item(dialog.table.currentRow(), 0).text() == "3石桥镇.docx"
    assert "无法判断哪一份较新" in dialog.details.toPlainText()
    assert "请核对后只保留一份" in dialog.details.toPlainText()


def test_the_table_sorts_by_problems_and_the_year_box_names_other_years(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    files.exported(tmp_path, "a.docx", "石桥镇人民政府", 2023)
    files.hand_written(tmp_path, "b.docx")
    files.exported(tmp_path, "c.docx", "白集镇人民政府", 2022)
    dialog = shown(qtbot)
    review(dialog, qtbot, monkeypatch, tmp_path)
    assert table(dialog)["c.docx"][9] == "不是2023年度报告"
    header = dialog.table.horizontalHeader()
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(6) + 5, header.height() // 2))
    order = [dialog.table.item(r, 6).data(Qt.ItemDataRole.EditRole) for r in range(3)]
    assert order == sorted(order) or order == sorted(order, reverse=True)
    assert isinstance(order[0], int)
    dialog.year_box.setFocus()
    dialog.year_box.setValue(2022)
    assert table(dialog)["c.docx"][9] == "正常" and table(dialog)["a.docx"][9] == "不是2022年度报告"


def test_errors_warnings_and_hints_are_counted_apart_in_the_table_and_the_summary(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """QA: the 提示 column counted 警告 and 提示 together, so a clerk reading 提示 5 could not tell that some were
    warnings. 错误, 警告 and 提示 have a column each, named as the 检查 step names them, in the CSV too."""
    from PySide6.QtGui import QColor

    from fzdesk.ui import style

    stick = tmp_path / "U盘"
    stick.mkdir()
    files.graded_findings(monkeypatch, "石桥镇人民政府", errors=1, warnings=2, infos=3)
    files.exported(stick, "石桥镇.docx", "石桥镇人民政府")
    files.exported(stick, "王集乡.docx", "王集乡人民政府")
    files.not_docx(stick, "照片.docx")
    dialog = shown(qtbot)
    review(dialog, qtbot, monkeypatch, stick)
    t = dialog.table
    titles = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
    assert titles[5:8] == ["错误", "警告", "提示"]
    col = {title: c for c, title in enumerate(titles)}
    rows = table(dialog)
    assert [rows["石桥镇.docx"][col[name]] for name in ("错误", "警告", "提示")] == ["1", "2", "3"]
    assert rows["照片.docx"][5:8] == ["", "", ""]
    at = next(r for r in range(t.rowCount()) if t.item(r, 0).text() == "石桥镇.docx")
    assert t.item(at, col["错误"]).foreground().color() == QColor(style.ERROR_COLOUR)
    assert "错误1条，警告2条，提示3条" in t.item(at, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert list(table(dialog))[:2] == ["照片.docx", "石桥镇.docx"]  # still problems first: unread, then 错误
    wangji = rows["王集乡.docx"]
    total = [1 + int(wangji[col["错误"]]), 2 + int(wangji[col["警告"]]), 3 + int(wangji[col["提示"]])]
    said = dialog.progress.text()
    assert "1 个有错误" in said and f"；错误 {total[0]} 条，警告 {total[1]} 条，提示 {total[2]} 条。" in said
    # 警告 and 提示 sort as numbers, like the other counts
    for name in ("警告", "提示"):
        t.sortByColumn(col[name], Qt.SortOrder.AscendingOrder)
        order = [t.item(r, col[name]).data(Qt.ItemDataRole.EditRole) for r in range(t.rowCount())]
        assert isinstance(order[0], int) and order[:2] == sorted(order[:2])  # the unread file's blank after them

    out = tmp_path / "汇总"
    out.mkdir()
    monkeypatch.setattr(review_dialog, "choose_summary_path", lambda _parent, _start, name: out / name)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    data = next(out.glob("*.csv")).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data  # as before: Excel and WPS read it as UTF-8
    sheet = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    head = {name: c for c, name in enumerate(sheet[0])}
    shiqiao = next(r for r in sheet if r and r[0] == "石桥镇.docx")
    assert [shiqiao[head[name]] for name in ("错误", "警告", "提示")] == ["1", "2", "3"]
    assert "问题" not in sheet[0]


def test_an_empty_folder_says_what_to_do_and_files_can_be_added_one_by_one(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, messages: list[tuple[str, str]]) -> None:
    empty = tmp_path / "空"
    empty.mkdir()
    dialog = shown(qtbot)
    monkeypatch.setattr(review_dialog, "choose_folder", lambda _parent, _start: empty)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert messages and "没有 Word 文档" in messages[0][1] and "添加文件" in messages[0][1]
    assert dialog.table.rowCount() == 0 and not dialog.export_button.isEnabled()
    one = files.exported(tmp_path, "一.docx", "石桥镇人民政府")
    monkeypatch.setattr(review_dialog, "choose_files", lambda _parent, _start: [one])
    QTest.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # 添加文件(&A)
    qtbot.waitUntil(lambda: dialog.run is not None and not dialog.running, timeout=WAIT_MS)
    assert list(table(dialog)) == ["一.docx"] and dialog.export_button.isEnabled()


def test_cancel_stops_between_two_files_and_the_window_stays_responsive(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for n in range(30):
        files.hand_written(tmp_path, f"{n:02d}.docx")
    dialog = shown(qtbot)
    monkeypatch.setattr(review_dialog, "choose_folder", lambda _parent, _start: tmp_path)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert dialog.running and dialog.cancel_button.isEnabled() and not dialog.folder_button.isEnabled()
    qtbot.waitUntil(lambda: "正在读取和检查第" in dialog.progress.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=WAIT_MS)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)
    assert dialog.table.rowCount() < 30
    assert dialog.progress.text().startswith("已取消") and dialog.folder_button.isEnabled()
    # the summary of a cancelled check said nothing of the files not reached: its 合计 looked like the county's
    out = tmp_path / "汇总"
    out.mkdir()
    monkeypatch.setattr(review_dialog, "choose_summary_path", lambda _parent, _start, name: out / name)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    left = 30 - dialog.table.rowCount()
    assert f"还有 {left} 个文件没有检查，合计不完整" in dialog.progress.text()
    sheet = list(csv.reader(io.StringIO(next(out.glob("*.csv")).read_bytes().decode("utf-8-sig"))))
    note = next(r[1] for r in sheet if r and r[0] == "说明")
    assert note.startswith(f"检查中途取消，以下{left}个文件没有检查") and note.endswith("29.docx。")


def test_a_summary_that_cannot_be_written_says_why(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, messages: list[tuple[str, str]]) -> None:
    files.exported(tmp_path, "a.docx", "石桥镇人民政府")
    dialog = shown(qtbot)
    review(dialog, qtbot, monkeypatch, tmp_path)
    gone = tmp_path / "拔出的U盘" / "汇总.csv"
    monkeypatch.setattr(review_dialog, "choose_summary_path", lambda *_a: gone)
    assert QApplication.focusWidget() is dialog.table  # the rows have the focus once read
    QTest.keyClick(dialog.table, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # 导出汇总表(&E)
    qtbot.waitUntil(lambda: bool(messages))  # (an Alt letter clicks its button after a short animation)
    assert messages == [("汇总表没有保存", messages[0][1])] and "找不到目标文件夹" in messages[0][1]
    assert not gone.parent.exists()


def test_f1_shows_the_dialogs_help(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from fzdesk.ui.help import HelpDialog

    dialog = shown(qtbot)
    texts: list[str] = []

    def record(self: HelpDialog) -> int:
        texts.append(self.browser.toPlainText())
        return 0

    monkeypatch.setattr(HelpDialog, "exec", record)
    QTest.keyClick(dialog, Qt.Key.Key_F1)
    assert texts and "导出汇总表" in texts[0] and "不会写入本单位的数据" in texts[0]
    assert "包括子文件夹" in texts[0] and "排在前面" in texts[0]  # the help says what the dialog now does


def test_the_table_follows_the_largest_text_size(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    from PySide6.QtGui import QFontMetrics

    from fzdesk.ui import style

    files.exported(tmp_path, "石桥镇人民政府关于2023年度法治政府建设情况的报告.docx", "石桥镇人民政府")
    files.exported(tmp_path, "开发区.docx", "中共沈丘经济开发区工作委员会 沈丘经济开发区管理委员会")
    style.dialogs_follow(28)  # 视图 → 放大文字 to the largest size (the fixture puts it back)
    dialog = shown(qtbot)
    review(dialog, qtbot, monkeypatch, tmp_path)
    header = dialog.table.horizontalHeader()
    assert header.font().pointSize() == 28  # Qt's own small header font would not follow
    assert dialog.table.rowHeight(0) > QFontMetrics(dialog.font()).height()
    assert dialog.table.columnWidth(0) <= dialog.table.viewport().width() // 3 + 1  # the unit shows beside it
    assert dialog.table.columnWidth(1) <= dialog.table.viewport().width() // 4 + 1  # a joint report's two organs
    # a name too long for its column is elided in the middle on one line (wrapped, each line was cut at its end:
    # 王集…政…, and 王集乡\王集乡报… for both of a township's files)
    assert not dialog.table.wordWrap()
    assert dialog.table.textElideMode() is Qt.TextElideMode.ElideMiddle
    assert dialog.minimumSizeHint().width() + style.FRAME_ROOM.width() <= 1024  # fits the smallest office screen


def test_the_table_reads_whole_at_1366x768_and_the_default_text_size(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """QA, a stick of 24 files with the townships in subfolders at 1366x768 and 14 pt: the names were cut to 9
    characters (付井镇/付井…告.docx: every township's row alike but its folder) and 状态 to 12 (不是Word文…c/.wps）,
    重复（同一单位…断哪一份较新）), while the counts were as wide as their titles with a sort arrow each and
    与去年比较 kept 未核对（无上年数） whole. (Before that, 状态 lay behind a sideways scroll bar once 错误, 警告
    and 提示 had a column each.)"""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle

    from fzdesk.ui import review_table, style

    style.dialogs_follow(style.DEFAULT_POINT_SIZE)
    stick = files.townships_stick(tmp_path / "U盘")
    dialog = shown(qtbot)
    dialog.resize(1366 - style.FRAME_ROOM.width(), 768 - style.FRAME_ROOM.height())
    review(dialog, qtbot, monkeypatch, stick)
    t = dialog.table
    assert t.rowCount() == 24
    qtbot.waitUntil(lambda: not t.horizontalScrollBar().isVisible(), timeout=2000)
    assert sum(t.columnWidth(c) for c in range(t.columnCount())) <= t.viewport().width()
    metrics = QFontMetrics(t.font())
    em = metrics.horizontalAdvance("字")
    assert t.columnWidth(0) >= review_table.NAME_EMS * em and t.columnWidth(1) >= review_table.UNIT_EMS * em
    # what a cell shows: its text in the column's width less the text's margins (as the style draws it) and the grid
    margins = 2 * (t.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, t) + 1) + 1
    at = {dialog.rows[int(t.item(r, 0).data(review_table.ROW))].path.name: r for r in range(t.rowCount())}

    def seen(name: str, column: int) -> str:
        text = t.item(at[name], column).text()
        return metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, t.columnWidth(column) - margins)

    states = {name: t.item(at[name], STATE_COLUMN).text() for name in (
        "县住建局.doc", "县农业农村局.wps", "县审计局（有密码）.docx", "县文广旅局.docx", "县水利局会议通知.docx",
        "王集乡报告.docx", "王集乡报告（修改稿）.docx", "报告.docx", "报告（另一份）.docx", "县公安局.docx")}
    for name, state in states.items():
        assert seen(name, STATE_COLUMN) == state, name
    assert set(states.values()) == {"旧版Word/WPS文件", "加密", "空文件", "不是年度报告", "重复（较旧，未计入合计）",
                                    "重复（计入合计：这一份较新）", "重复（无法判断哪一份较新）", "正常"}
    # the long words stay in the tooltip (and the details and the CSV)
    assert t.item(at["县住建局.doc"], STATE_COLUMN).toolTip().startswith("不是Word文件（旧版.doc/.wps）")
    assert t.item(at["报告.docx"], STATE_COLUMN).toolTip() == "重复（同一单位同一年度共2个文件，无法判断哪一份较新）"
    assert "状态：不是Word文件（旧版.doc/.wps）" in review_paths_details(dialog, at["县住建局.doc"])
    # a township's two files tell apart by what shows, and a long official title shows its start and its end
    old, revised = seen("王集乡报告.docx", 0), seen("王集乡报告（修改稿）.docx", 0)
    assert "王集乡" in old and "王集乡" in revised and "修改稿" in revised and old != revised
    fujing = seen(files.TITLE.format("付井镇"), 0)
    assert fujing.startswith("付井镇人民政府") and fujing.endswith("报告.docx")
    assert seen("报告（另一份）.docx", 0).startswith(str(Path("石桥镇") / "报告"))  # only its folder says whose
    # the screen reader and the tooltip still have the whole name, folder and all
    spoken = t.item(at[files.TITLE.format("付井镇")], 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith(str(Path("付井镇") / files.TITLE.format("付井镇")) + "，付井镇人民政府，2023年度，错误")
    # 与去年比较 and 来源 whole
    for column in (3, 8):
        assert all(seen(name, column) == t.item(r, column).text() for name, r in at.items()), column
    assert t.item(at["县公安局.docx"], 8).text() == "未核对"
    assert t.item(at["县公安局.docx"], 8).toolTip() == "未核对（无上年数）"


def review_paths_details(dialog: ReviewDialog, at: int) -> str:
    """The findings pane once row `at` is selected."""
    dialog.table.selectRow(at)
    return dialog.details.toPlainText()


@OFFSCREEN
def test_closing_the_window_closes_the_dialog_and_stops_its_run(
        filled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for n in range(30):
        files.hand_written(tmp_path, f"{n:02d}.docx")
    window = make_window(filled_store)
    dialog = open_dialog(window, qtbot)
    monkeypatch.setattr(review_dialog, "choose_folder", lambda _parent, _start: tmp_path)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    run = dialog.run
    assert run is not None and dialog.running
    window.close()
    assert not window.isVisible()
    qtbot.waitUntil(lambda: run.done, timeout=WAIT_MS)
    assert run.cancelled and len(run.rows) < 30
    assert not [d for d in window.findChildren(ReviewDialog) if d.isVisible()]


def test_the_townships_subfolders_are_read_and_alt_s_leaves_them_out(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Offices sort the stick into one folder per township: only the top folder was read, and the townships' reports
    were missing from the table and the 合计 without a word."""
    stick = tmp_path / "U盘"
    for town in ("石桥镇", "王集乡"):
        (stick / town).mkdir(parents=True)
        files.exported(stick / town, "报告（修改稿）.docx", f"{town}人民政府")
    files.exported(stick, "县公安局.docx", "沈丘县公安局")
    dialog = shown(qtbot)
    assert dialog.subfolders_box.isChecked()
    review(dialog, qtbot, monkeypatch, stick)
    rows = table(dialog)
    town_file = str(Path("石桥镇") / "报告（修改稿）.docx")
    assert sorted(rows) == sorted(["县公安局.docx", town_file, str(Path("王集乡") / "报告（修改稿）.docx")])
    assert rows[town_file][1] == "石桥镇人民政府"
    assert dialog.table.textElideMode() == Qt.TextElideMode.ElideMiddle  # a long name keeps its 修改稿 end
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # 包括子文件夹(&S): off, read again
    qtbot.waitUntil(lambda: not dialog.running and dialog.table.rowCount() == 1, timeout=WAIT_MS)
    assert not dialog.subfolders_box.isChecked()
    assert list(table(dialog)) == ["县公安局.docx"]
    assert "子文件夹中还有 2 个文件没有读取" in dialog.progress.text()


def test_a_corrected_file_is_checked_again(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A unit sends a corrected report: the clerk replaces the file on the stick and picks the folder again."""
    stick = tmp_path / "U盘"
    stick.mkdir()
    path = files.exported(stick, "白集镇.docx", "白集镇人民政府", accepted=88, last_year=True)
    dialog = shown(qtbot)
    review(dialog, qtbot, monkeypatch, stick)
    before = table(dialog)["白集镇.docx"]
    files.exported(stick, "白集镇.docx", "白集镇人民政府", accepted=40)
    assert path.is_file()
    review(dialog, qtbot, monkeypatch, stick)
    after = table(dialog)
    assert list(after) == ["白集镇.docx"] and after["白集镇.docx"] != before
    assert after["白集镇.docx"][8] == "未核对"


def test_the_last_file_is_shown_when_the_run_ends_while_the_rows_are_taken(qtbot: QtBot, tmp_path: Path) -> None:
    """The worker may append the last row and end between the dialog's taking the rows and its asking whether the run
    is done: that row must still reach the table (it went missing, and the file was neither shown nor summed)."""
    from fzdesk.review.batch import ReviewRun
    from fzdesk.review.reading import ReviewedFile

    first, last = tmp_path / "1.docx", tmp_path / "2.docx"

    class EndsMeanwhile(ReviewRun):
        def taken(self, start: int) -> list[ReviewedFile]:
            rows = super().taken(start)
            if not self.done:  # the worker's last file and its end, just after this read of the rows
                self.rows.append(ReviewedFile(last, status="空文件"))
                self.done = True
            return rows

    dialog = shown(qtbot)
    run = EndsMeanwhile([first, last], rows=[ReviewedFile(first, status="空文件")])
    dialog.run = run
    dialog._timer.start()  # (as review_files starts it)
    qtbot.waitUntil(lambda: not dialog._timer.isActive(), timeout=2000)  # the dialog took the run as ended
    assert sorted(r.path.name for r in dialog.rows) == ["1.docx", "2.docx"]
    assert dialog.table.rowCount() == 2


def test_files_added_one_by_one_stay_when_subfolders_are_ticked_or_unticked(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """包括子文件夹 reads the folder again: a file added with 添加文件 (sent by mail, saved elsewhere) was dropped."""
    stick = tmp_path / "U盘"
    (stick / "石桥镇").mkdir(parents=True)
    files.exported(stick / "石桥镇", "报告.docx", "石桥镇人民政府")
    files.exported(stick, "县公安局.docx", "沈丘县公安局")
    mailed = files.exported(tmp_path, "王集乡（邮件）.docx", "王集乡人民政府")
    dialog = shown(qtbot)
    review(dialog, qtbot, monkeypatch, stick)
    monkeypatch.setattr(review_dialog, "choose_files", lambda _parent, _start: [mailed])
    QTest.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # 添加文件(&A)
    qtbot.waitUntil(lambda: not dialog.running and dialog.table.rowCount() == 3, timeout=WAIT_MS)
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # 包括子文件夹(&S): off, read again
    qtbot.waitUntil(lambda: not dialog.running and dialog.table.rowCount() == 2, timeout=WAIT_MS)
    assert sorted(table(dialog)) == ["县公安局.docx", "王集乡（邮件）.docx"]
    assert table(dialog)["王集乡（邮件）.docx"][1] == "王集乡人民政府"
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # on again
    qtbot.waitUntil(lambda: not dialog.running and dialog.table.rowCount() == 3, timeout=WAIT_MS)
    assert sorted(table(dialog)) == sorted(["县公安局.docx", str(Path("石桥镇") / "报告.docx"), "王集乡（邮件）.docx"])
    review(dialog, qtbot, monkeypatch, stick)  # another choice of folder starts afresh
    assert "王集乡（邮件）.docx" not in table(dialog)


def test_errors_are_red_as_soon_as_their_row_is_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   qtbot: QtBot) -> None:
    """QA: while a stick was being read the 错误 counts were black; only the end of the run made them red."""
    files.graded_findings(monkeypatch, "石桥镇人民政府", errors=1, warnings=0, infos=0)
    files.exported(tmp_path, "1石桥镇.docx", "石桥镇人民政府")
    files.not_docx(tmp_path, "2照片.docx")
    rows, _ = review_paths(files_in(tmp_path))
    table = ReviewTable()
    qtbot.addWidget(table)
    for index, row in enumerate(rows):
        table.append(row, index)  # (what the dialog does as each file is read)
    colours = {}
    for at in range(table.rowCount()):
        name, errors, state = (table.item(at, column) for column in (0, PROBLEM_COLUMN, STATE_COLUMN))
        assert name is not None and errors is not None and state is not None
        colours[name.text()] = (errors.foreground().color().name(), state.foreground().color().name(), state.text())
    red = style.ERROR_COLOUR
    assert colours["1石桥镇.docx"][0] == red
    assert colours["2照片.docx"][1] == red and colours["2照片.docx"][2] != "正常"


def test_a_file_whose_name_names_its_folder_is_shown_without_the_folder(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """付井镇/付井镇人民政府关于…报告.docx spent the column on the folder: the name says whose it is already. Two files
    that would then show one name keep their folders; sorting by 文件名 still goes by the whole name."""
    from fzdesk.ui.review_table import visible_name

    assert visible_name(str(Path("付井镇") / "付井镇报告.docx")) == "付井镇报告.docx"
    assert visible_name(str(Path("王集乡") / "报告.docx")) == str(Path("王集乡") / "报告.docx")
    assert visible_name(str(Path("2023") / "付井镇" / "付井镇报告.docx")) == str(Path("2023") / "付井镇报告.docx")
    assert visible_name("县公安局.docx") == "县公安局.docx"
    stick = tmp_path / "U盘"
    for folder in ("付井镇", "范营乡"):
        (stick / folder).mkdir(parents=True)
        files.exported(stick / folder, f"{folder}报告.docx", f"{folder}人民政府")
    files.exported(stick, "付井镇报告.docx", "付井镇人民政府", 2022)  # (an old copy left at the top)
    files.exported(stick, "范营乡2.docx", "范营乡人民政府", 2022)
    dialog = shown(qtbot)
    review(dialog, qtbot, monkeypatch, stick)
    t = dialog.table
    t.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    # by the whole name (范营乡/… before 范营乡2), and the two that would show one name with their folders
    assert [t.item(r, 0).text() for r in range(t.rowCount())] == [
        str(Path("付井镇") / "付井镇报告.docx"), "付井镇报告.docx", "范营乡报告.docx", "范营乡2.docx"]


def test_sorting_by_state_keeps_the_unreadable_files_together_and_normal_last(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """QA, the townships' stick sorted by 状态: the words sorted by their characters, so 空文件 (an unreadable file)
    came between the 正常 and the 重复 rows, and the other unreadable files at the other end. Sorted by 状态, the files
    that could not be read come together, then those whose 状态 is not 正常 (one 状态 together), then 正常."""
    stick = files.townships_stick(tmp_path / "U盘")
    dialog = shown(qtbot)
    review(dialog, qtbot, monkeypatch, stick)
    t = dialog.table

    def groups() -> list[int]:
        rows = [dialog.rows[int(t.item(r, 0).data(Qt.ItemDataRole.UserRole))] for r in range(t.rowCount())]
        return [0 if not row.readable else 2 if t.item(r, STATE_COLUMN).text() == "正常" else 1
                for r, row in enumerate(rows)]

    def states() -> list[str]:
        return [t.item(r, STATE_COLUMN).text() for r in range(t.rowCount())]

    t.sortByColumn(STATE_COLUMN, Qt.SortOrder.AscendingOrder)
    assert groups() == sorted(groups()) and groups()[0] == 0
    said = states()
    assert all(said.index(state) + said.count(state) - 1 == len(said) - 1 - said[::-1].index(state) for state in said)
    t.sortByColumn(STATE_COLUMN, Qt.SortOrder.DescendingOrder)
    assert groups() == sorted(groups(), reverse=True)
