"""开头 and 结尾 at a large text size keep their editor usable and scroll, as the block pages do.

QA on 1366x768 with last year's pane open and the text copied from last year (未更新): the 结尾 editor was 2.4 lines
at 19 pt and 1.7 at 26 pt, the 开头 editor 4.5 lines at 26 pt (docs/ui-large-text.md).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Block
from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.closing_page import ClosingPage
from fzdesk.ui.pages.text_page import EDITOR_LINES, OneTextPage, OpeningPage
from fzdesk.ui.style import DEFAULT_POINT_SIZE

LAPTOP = (1366, 768)
WINDOW = (1280, 800)
STEPS = ("opening", "closing")


def _copied_from_last_year(store: Store) -> None:
    """This year's 开头 and 结尾 as a new year's report has them: copied from last year, 未更新 (the bar above the
    editor takes room)."""
    unit = store.units()[0]
    assert unit.id is not None
    report = store.load_report(store.reports(unit.id)[0].id)
    for block in (Block.OPENING, Block.CLOSING):
        section = report.section(block)
        assert section is not None and section.items[0].id is not None
        store.update_item(section.items[0].id, carried_over=True)


def _open(qtbot: QtBot, w: MainWindow, key: str, size: tuple[int, int], points: int, pane: bool) -> OneTextPage:
    w.resize(*size)
    w.go(next(i for i, s in enumerate(w.steps) if s.key == key))
    page = w.current_page()
    assert isinstance(page, OneTextPage) and page.last_year_pane is not None
    if page.toggle_last_year.isChecked() != pane:
        page.toggle_last_year.click()  # the clerk's 上年内容(J)
    w.set_point_size(points)  # what 视图 → 放大文字 (Ctrl++) does
    qtbot.wait(100)  # the new size laid out (posted events): until then the editor has its old height
    return page


def _editor(page: OneTextPage) -> QPlainTextEdit:
    if isinstance(page, OpeningPage):
        return page.editor
    assert isinstance(page, ClosingPage)
    return page.closing


def _lines(editor: QPlainTextEdit) -> float:
    return editor.viewport().height() / QFontMetrics(editor.font()).lineSpacing()


def _usable(w: MainWindow, page: OneTextPage) -> list[str]:
    """What is not usable on the page as laid out now (empty: all of it is)."""
    problems = []
    lines = _lines(_editor(page))
    if lines < EDITOR_LINES:
        problems.append(f"the editor shows {lines:.1f} lines")
    if w.page_scroller.horizontalScrollBar().maximum() > 0:
        problems.append("the page scrolls sideways")
    return problems


@pytest.mark.parametrize("points", [19, 26])
@pytest.mark.parametrize("key", STEPS)
def test_at_a_large_text_size_with_last_years_pane_the_editor_keeps_five_lines(
        qtbot: QtBot, filled_store: Store, make_window: Callable[[Store], MainWindow], key: str, points: int) -> None:
    _copied_from_last_year(filled_store)
    w = make_window(filled_store)
    page = _open(qtbot, w, key, LAPTOP, points, pane=True)
    assert page.stale_bar.isVisible()

    def settled() -> None:
        assert not _usable(w, page), _usable(w, page)
        assert page.last_year_pane is not None and page.last_year_pane.isVisible(), "the pane stays open"
        assert page.toggle_last_year.isEnabled() and page.toggle_last_year.isChecked()

    qtbot.waitUntil(settled, timeout=3000)
    assert w.width() == LAPTOP[0]


@pytest.mark.parametrize("size", [LAPTOP, WINDOW])
def test_every_text_size_keeps_the_editor_usable(
        qtbot: QtBot, filled_store: Store, make_window: Callable[[Store], MainWindow], size: tuple[int, int]) -> None:
    """10 to 28 pt by 视图 → 放大文字, pane open and closed. 结尾's box is as it was up to the default size (at most
    110 px: 4.9 lines at 14 pt, 4.1 with the 未更新 bar and the pane; the page is pixel for pixel as before there)."""
    _copied_from_last_year(filled_store)
    w = make_window(filled_store)
    larger = next(a for a in w.findChildren(QAction) if a.text() == "放大文字(&I)")
    for key in STEPS:
        page = _open(qtbot, w, key, size, 10, pane=True)
        while True:
            for pane in (True, False):
                if page.toggle_last_year.isChecked() != pane:
                    page.toggle_last_year.click()
                    qtbot.wait(50)
                if isinstance(page, ClosingPage) and w.point_size <= DEFAULT_POINT_SIZE:
                    qtbot.waitUntil(lambda page=page: page.closing.maximumHeight() == 110
                                    and w.page_scroller.horizontalScrollBar().maximum() == 0, timeout=3000)
                else:
                    qtbot.waitUntil(lambda page=page: not _usable(w, page), timeout=3000)
                assert page.last_year_pane is not None
                if pane and w.point_size > DEFAULT_POINT_SIZE:
                    assert page.last_year_pane.isVisible(), (key, size, w.point_size)
            if w.point_size == 28:
                break
            larger.trigger()
            qtbot.wait(50)  # laid out at the new size
