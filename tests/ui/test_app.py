"""Starting the program: a second copy is refused, newer data is refused, backups restore, help and text size."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fzdesk import app
from fzdesk.domain.model import Block
from fzdesk.storage import backup
from fzdesk.storage.store import Store
from fzdesk.ui.dialogs import BackupDialog
from fzdesk.ui.help import HelpDialog
from fzdesk.ui.main_window import FONT_SETTING, MainWindow
from fzdesk.ui.pages.block_page import BlockPage
from fzdesk.ui.pages.text_page import OpeningPage
from tests.ui.helpers import key, replace_text

CTRL = Qt.KeyboardModifier.ControlModifier


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.suffix == ".sqlite"}


@pytest.fixture
def critical(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text, *a: shown.append((title, text)))
    return shown


def test_a_second_copy_on_the_same_data_is_refused_and_changes_nothing(
        filled_store: Store, data_dir: Path, critical: list[tuple[str, str]],
        monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> None:
    before = snapshot(data_dir)
    monkeypatch.setattr(app, "make_app", lambda argv=None: qapp)
    assert app.run_gui(str(data_dir)) == 1
    assert critical and critical[0][0] == "程序已经在运行"
    assert "另一个正在运行的 fzdesk" in critical[0][1] and str(data_dir) in critical[0][1]
    assert snapshot(data_dir) == before
    assert [r.year for r in filled_store.reports()] == [2023, 2022]  # the first copy goes on working
    filled_store.set_setting("still", "writable")


def test_data_from_a_newer_version_is_refused(data_dir: Path, critical: list[tuple[str, str]]) -> None:
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "fzdesk.sqlite")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = snapshot(data_dir)
    assert app.open_store(str(data_dir)) is None
    assert critical and "更新版本" in critical[0][1]
    assert snapshot(data_dir) == before


def test_damaged_data_are_refused_with_the_way_back_and_left_as_they_were(
        data_dir: Path, critical: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "fzdesk.sqlite").write_bytes(b"\x00garbage, not SQLite" * 500)
    before = snapshot(data_dir)
    monkeypatch.setattr(app, "make_app", lambda argv=None: qapp)
    assert app.run_gui(str(data_dir)) == 1
    assert [title for title, _ in critical] == ["数据文件已损坏"]
    assert str(data_dir / "backups") in critical[0][1]
    assert snapshot(data_dir) == before
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_what_the_command_line_opened_before_qt_is_used(
        data_dir: Path, critical: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> None:
    """fzdesk.cli opens the store before Qt is loaded and hands run_gui the store, or why it could not."""
    monkeypatch.setattr(app, "make_app", lambda argv=None: qapp)
    monkeypatch.setattr(app, "open_for_window", lambda data: pytest.fail("opened a second time"))
    refusal = app.Refusal("程序已经在运行", "数据文件夹正由另一个正在运行的 fzdesk 使用。")
    assert app.run_gui(str(data_dir), refusal) == 1
    assert critical == [("程序已经在运行", "数据文件夹正由另一个正在运行的 fzdesk 使用。")]
    with Store.open(data_dir, daily_backup=False) as store:
        assert app.open_store(str(data_dir), store) is store
    assert len(critical) == 1


def test_restore_a_backup_from_the_menu(filled_store: Store, make_window: Callable[[Store], MainWindow],
                                        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    backup.copy_database(filled_store.conn, filled_store.backup_folder / "fzdesk-2024-01-02.sqlite")
    w = make_window(filled_store)
    w.go(2)
    page = w.current_page()
    assert isinstance(page, OpeningPage)
    before = page.editor.toPlainText()
    replace_text(page.editor, "改坏了的开头。")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    errors: list[BaseException] = []
    listed: list[str] = []

    def choose() -> None:
        dialogs = [d for d in QApplication.topLevelWidgets() if isinstance(d, BackupDialog) and d.isVisible()]
        if not dialogs:
            QTimer.singleShot(10, choose)
            return
        d = dialogs[0]
        try:
            listed.extend(d.list.item(i).text() for i in range(d.list.count()))
            d.list.setCurrentRow(listed.index("2024年1月2日的备份"))
            qtbot.mouseClick(d.restore, Qt.MouseButton.LeftButton)
        except BaseException as exc:
            errors.append(exc)
            d.reject()

    QTimer.singleShot(0, choose)
    w.restore_action.trigger()
    assert not errors, errors
    assert "2024年1月2日的备份" in listed
    opening = w.current_page()
    assert isinstance(opening, OpeningPage) and opening.editor.toPlainText() == before
    report = filled_store.load_report(w.session.report.id)  # type: ignore[union-attr]
    assert report.section(Block.OPENING).items[0].text == before  # type: ignore[union-attr]
    assert any(p.name.startswith("before-restore-") for p in filled_store.backup_folder.iterdir())


def test_f1_shows_the_help_of_the_current_step(filled_store: Store, make_window: Callable[[Store], MainWindow],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(HelpDialog, "exec", lambda self: shown.append(self.browser.toPlainText()) or 0)
    w = make_window(filled_store)
    w.go(next(i for i, s in enumerate(w.steps) if s.block is Block.SHORTCOMINGS))
    page = w.current_page()
    assert isinstance(page, BlockPage)
    key(page.text, Qt.Key.Key_F1)
    assert shown and "原因" in shown[0] and "一是" in shown[0]
    w.go(0)
    key(w.current_page(), Qt.Key.Key_F1)
    assert "单位全称" in shown[1]


def test_keyboard_navigation_and_text_size(filled_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    w.go(0)
    key(w.step_list, Qt.Key.Key_PageDown, CTRL)
    key(w.current_page(), Qt.Key.Key_PageDown, CTRL)
    assert w.steps[w.current].key == "opening"
    assert QApplication.focusWidget() is w.current_page().first_focus()
    key(w.current_page(), Qt.Key.Key_PageUp, CTRL)
    assert w.steps[w.current].key == "report"
    size = w.point_size
    key(w.current_page(), Qt.Key.Key_Plus, CTRL)
    key(w.current_page(), Qt.Key.Key_Plus, CTRL)
    assert w.point_size == size + 2 and w.stack.font().pointSize() == size + 2
    editor = w.current_page().first_focus()
    assert editor is not None and editor.font().pointSize() == size + 2  # the fields themselves grow
    assert filled_store.setting(FONT_SETTING) == size + 2
    key(w.current_page(), Qt.Key.Key_Minus, CTRL)
    assert filled_store.setting(FONT_SETTING) == size + 1
    w.close()
    w2 = make_window(filled_store)
    assert w2.point_size == size + 1  # remembered


def test_step_list_shows_state_as_text_not_colour_alone(filled_store: Store,
                                                        make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    texts = [w.step_list.item(i).text() for i in range(w.step_list.count())]
    assert texts[0] == "单位信息\n已完成"
    *steps, export = texts
    assert all(t.split("\n")[1] in ("空", "进行中", "已完成") for t in steps)
    assert export == "导出\n未导出"  # (its own words: 空 did not say that nothing was exported)
    assert not w.step_list.item(0).icon().isNull()


def test_tab_leads_from_the_step_list_into_the_page_then_to_next(
        filled_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    w.go(0)
    w.step_list.setFocus()
    seen = []
    for _ in range(10):
        key(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    page = w.current_page()
    assert seen[0] is page.first_focus()  # 单位全称 first
    assert all(page.isAncestorOf(x) for x in seen[:8])
    assert seen[8] is w.next_button  # 上一步 is disabled on the first step


def test_the_window_icon_has_the_small_sizes_and_each_one_draws(qtbot: QtBot) -> None:
    """The window system is handed every size of the icon at start-up: 16-64 px files, not the 256 px one."""
    icon = app.window_icon()
    assert [s.width() for s in icon.availableSizes()] == list(app.WINDOW_ICON_SIZES)
    for size in app.WINDOW_ICON_SIZES:
        image = icon.pixmap(size, size).toImage()
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 8).alpha() == 255  # the red tile, not an empty pixmap


WINDOW_SHORTCUTS = {
    "导入上一年度报告(&I)…": ["Ctrl+O"],
    "退出(&X)": ["Ctrl+Q"],
    "上一步(&P)": ["Ctrl+PgUp"],
    "下一步(&N)": ["Ctrl+PgDown"],
    "步骤列表(&L)": ["Ctrl+L"],
    "放大文字(&I)": ["Ctrl++"],
    "缩小文字(&O)": ["Ctrl+-"],
    "默认大小(&D)": ["Ctrl+0"],
    "本步骤说明(&S)": ["F1"],
    "立即检查全文(&C)": ["F5"],
}


def test_every_menu_shortcut_is_set(filled_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    """The keys are given as text (the "shortcut" property): a typo would leave an action without its key."""
    w = make_window(filled_store)
    keyed = {a.text(): [k.toString() for k in a.shortcuts()] for a in w.actions() if a.shortcuts()}
    assert {text: keys for text, keys in keyed.items() if text} == WINDOW_SHORTCUTS
    assert keyed.get("") == ["Ctrl+="]  # 放大文字's second key: an action of its own, outside the menu


def test_f5_checks_the_whole_text_and_opens_the_check_step(
        filled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    w = make_window(filled_store)
    w.go(0)
    with qtbot.waitSignal(w.checks.runner.updated, timeout=5000):
        key(w.current_page(), Qt.Key.Key_F5)
    assert w.steps[w.current].key == "check"


def test_the_window_opens_the_report_read_before_qt_without_reading_it_again(
        filled_store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from fzdesk.opening import LAST_REPORT_SETTING, first_report

    older = filled_store.reports()[1]
    first = first_report(filled_store, older.id)
    assert first is not None
    monkeypatch.setattr(Store, "load_report", lambda *a: pytest.fail("read again"))
    w = MainWindow(filled_store, first=first)
    qtbot.addWidget(w)
    assert w.session.report is first.report and w.year_combo.currentText().startswith("2022")
    assert filled_store.setting(LAST_REPORT_SETTING) == older.id  # the next start opens it again
    w.checks.shutdown()


@pytest.mark.parametrize(("width", "height", "fits"), [
    (1920, 1040, True), (1440, 860, True), (1280, 984, True),  # 1920x1080, 1440x900, 1280x1024 with a taskbar
    (1366, 728, False), (1024, 728, False), (1280, 680, False)])  # 1366x768, 1024x768, 1280x720
def test_the_window_fits_the_screen_or_is_maximized(width: int, height: int, fits: bool) -> None:
    assert app.fits_screen(width, height) is fits


class _Screen:
    def __init__(self, width: int, height: int) -> None:
        self.area = QRect(0, 0, width, height)

    def availableGeometry(self) -> QRect:
        return self.area


@pytest.mark.parametrize(("width", "height", "maximized"), [(1920, 1040, False), (1366, 728, True)])
def test_the_window_opens_whole_on_a_small_screen(filled_store: Store, qtbot: QtBot, width: int, height: int,
                                                  maximized: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(filled_store)
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "screen", lambda: _Screen(width, height))
    app.show_window(window)
    qtbot.waitExposed(window)
    assert window.isMaximized() is maximized
    if maximized:  # (restored, the window fits the free area: the 1366x768 laptop's taskbar hid the status bar)
        normal = window.normalGeometry()
        assert normal.width() <= width and normal.height() <= height - app.TITLE_BAR_ROOM
    else:
        assert (window.width(), window.height()) == app.WINDOW_SIZE
