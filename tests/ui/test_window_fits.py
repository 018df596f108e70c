"""The window fits a 1024x768 screen on every step, and a larger text size scrolls instead of widening it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Block
from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.block_page import BlockPage
from fzdesk.ui.style import DEFAULT_POINT_SIZE

SMALL = (1024, 768)


def test_every_step_fits_1024x768_at_the_default_text_size(
        qtbot: QtBot, filled_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    """QA: the window grew to 1257 px on the block, 数据 and 导出 pages."""
    w = make_window(filled_store)
    assert w.point_size == DEFAULT_POINT_SIZE
    w.resize(*SMALL)
    for index in range(len(w.steps)):
        w.go(index)
        # the page's layout settles over a few posted events (a block page folds last year's pane away): on a busy
        # machine a fixed 10 ms wait ended before they had all run, so wait for the settled state, not a time
        key = w.steps[index].key

        def no_scroll_bar(key: str = key) -> None:  # no page needs a horizontal scroll bar at that size
            assert not w.page_scroller.horizontalScrollBar().isVisible(), key

        qtbot.waitUntil(no_scroll_bar, timeout=2000)
        hint = w.minimumSizeHint()
        assert hint.width() <= SMALL[0] and hint.height() <= SMALL[1], (key, hint)
        assert w.width() <= SMALL[0], key


def test_last_years_pane_folds_away_when_the_window_is_narrow(
        qtbot: QtBot, filled_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    w.go(next(i for i, s in enumerate(w.steps) if s.block is Block.RESPONSIBILITY))
    page = w.current_page()
    assert isinstance(page, BlockPage) and page.side is not None
    w.resize(1366, 768)
    qtbot.waitUntil(lambda: page.side is not None and page.side.isVisible())
    assert page.toggle_last_year.isEnabled() and page.toggle_last_year.isChecked()
    w.resize(800, 768)  # narrower than the three panes need
    qtbot.waitUntil(lambda: page.side is not None and not page.side.isVisible())
    assert not page.toggle_last_year.isEnabled() and "窗口太窄" in page.toggle_last_year.toolTip()
    assert w.width() == 800
    w.resize(1366, 768)  # room again: the pane comes back, as the clerk left it
    qtbot.waitUntil(lambda: page.side is not None and page.side.isVisible())
    assert page.toggle_last_year.isEnabled()


def test_a_larger_text_size_scrolls_instead_of_widening_the_window(
        qtbot: QtBot, filled_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    """QA: Ctrl++ three times at 1366x768 made the window 1385 px wide, and Ctrl+0 did not shrink it back."""
    w = make_window(filled_store)
    w.resize(1366, 768)
    for index in range(len(w.steps)):
        w.go(index)
        larger = next(a for a in w.findChildren(QAction) if a.text() == "放大文字(&I)")
        for _ in range(3):
            larger.trigger()  # 视图 → 放大文字 (Ctrl++; a page's editor may take the key itself)
        qtbot.wait(10)
        assert w.point_size == DEFAULT_POINT_SIZE + 3
        assert w.minimumSizeHint().width() <= SMALL[0], (w.steps[index].key, w.minimumSizeHint())
        assert w.width() == 1366, w.steps[index].key
        default = next(a for a in w.findChildren(QAction) if a.text() == "默认大小(&D)")
        default.trigger()  # 视图 → 默认大小 (Ctrl+0)
        assert w.point_size == DEFAULT_POINT_SIZE
        assert w.width() == 1366


def test_the_export_form_never_clips_its_buttons(
        qtbot: QtBot, filled_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    """QA: at 1366x768 the form cut 转到检查 to 转 and 选择文件夹 to 选择文件 (a long 没有找到U盘 entry widened it)."""
    from PySide6.QtWidgets import QPushButton

    from fzdesk.ui.pages.export_page import ExportPage

    w = make_window(filled_store)
    w.show()
    for size in ((1366, 768), SMALL):
        w.resize(*size)
        w.go(len(w.steps) - 1)
        page = w.current_page()
        assert isinstance(page, ExportPage)
        qtbot.wait(20)
        viewport = page.form_area.viewport()
        assert not page.form_area.horizontalScrollBar().isVisible(), size
        for button in page.form_area.widget().findChildren(QPushButton):
            right = button.mapTo(viewport, button.rect().topRight()).x()
            assert right <= viewport.width(), (size, button.text(), right, viewport.width())
