"""The menus are wide enough for their texts in the program's font (QA: 文件 showed 导入上一年…(I)… Ctrl+O)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from fzdesk.app import program_font
from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.style import MENU_SLACK_CHARS


@pytest.fixture
def the_program_s_font(qapp: QApplication) -> Iterator[None]:
    """The font fzdesk.app.make_app gives the application (at Qt's default 9 pt nothing was cut)."""
    before = QFont(qapp.font())
    qapp.setFont(program_font(before))
    yield
    qapp.setFont(before)


def qt_width(menu: QMenu) -> int:
    """The width Qt gives a menu with the same actions: 1 px short of the widest text where there is a shortcut
    column, so Qt's style drew that text elided in the middle (seen in screenshots; Qt gives no way to ask)."""
    twin = QMenu()
    twin.addActions(menu.actions())
    try:
        return twin.sizeHint().width()
    finally:
        twin.deleteLater()


@pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")  # popups, offscreen
@pytest.mark.usefixtures("the_program_s_font")
def test_every_menu_of_the_window_opens_wider_than_qt_measures_it_and_keeps_that_width(
        qtbot: QtBot, filled_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    titles = []
    for action in w.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        titles.append(menu.title())
        wanted = qt_width(menu) + round(menu.fontMetrics().horizontalAdvance("一") * MENU_SLACK_CHARS)
        widths = []
        for _ in range(2):  # measured once: opening it again must not widen it further
            menu.popup(w.mapToGlobal(w.rect().topLeft()))
            qtbot.waitUntil(menu.isVisible)
            widths.append(menu.width())
            menu.hide()
        assert widths == [wanted, wanted], menu.title()
    assert titles == ["文件(&F)", "转到(&G)", "视图(&V)", "工具(&T)", "帮助(&H)"]
