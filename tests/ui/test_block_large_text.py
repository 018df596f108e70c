"""A block page at a large text size keeps its editing parts usable and scrolls, instead of squeezing them.

QA on 1366x768 with last year's pane open: at 19 pt the item's text editor was ~90 px (2-3 lines), its title
showed ~4 characters and the item list was cut; at 26 pt it was worse (docs/ui-large-text.md).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontMetrics
from pytestqt.qtbot import QtBot

from fzdesk.checks.findings import Finding
from fzdesk.domain.model import Block
from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.block_page import EDITOR_LINES, LIST_ROWS, TITLE_CHARS, BlockPage
from fzdesk.ui.style import DEFAULT_POINT_SIZE
from tests.ui.helpers import type_at_end
from tests.ui.test_items import open_block

LAPTOP = (1366, 768)
LEFT = Qt.MouseButton.LeftButton
WINDOW = (1280, 800)  # the window's own size where the screen holds it


def _measures_page(w: MainWindow, size: tuple[int, int], points: int, pane: bool) -> BlockPage:
    w.resize(*size)
    page = open_block(w, Block.MEASURES)
    assert page.side is not None, "the store has last year's report: the page has last year's pane"
    if page.toggle_last_year.isChecked() != pane:
        page.toggle_last_year.click()  # the clerk's 上年内容(J)
    w.set_point_size(points)  # what 视图 → 放大文字 (Ctrl++) does, once per point
    assert w.point_size == points
    return page


def _usable(w: MainWindow, page: BlockPage) -> list[str]:
    """What is not usable on the page as laid out now (empty: all of it is)."""
    problems = []
    editor = page.text
    lines = editor.viewport().height() / QFontMetrics(editor.font()).lineSpacing()
    if lines < EDITOR_LINES:
        problems.append(f"正文 shows {lines:.1f} lines")
    chars = page.title.width() / QFontMetrics(page.title.font()).horizontalAdvance("字")
    if chars < TITLE_CHARS:
        problems.append(f"标题 is {chars:.1f} characters wide")
    items = page.items
    model = items.model()
    rows = min(LIST_ROWS, model.rowCount())
    assert rows == LIST_ROWS, "the sample block has more items than the list must show"
    items.scrollToTop()
    for row in range(rows):
        rect = items.visualRect(model.index(row, 0))
        if rect.top() < 0 or rect.bottom() >= items.viewport().height():
            problems.append(f"条目 row {row + 1} is cut ({rect.top()}..{rect.bottom()} of {items.viewport().height()})")
    if w.page_scroller.horizontalScrollBar().maximum() > 0:
        problems.append("the page scrolls sideways")
    return problems


@pytest.mark.parametrize("points", [19, 26])
def test_at_a_large_text_size_with_last_years_pane_the_page_scrolls_instead_of_squeezing_the_editor(
        qtbot: QtBot, filled_store: Store, make_window: Callable[[Store], MainWindow], points: int) -> None:
    w = make_window(filled_store)
    page = _measures_page(w, LAPTOP, points, pane=True)

    def settled() -> None:
        assert not _usable(w, page), _usable(w, page)
        assert page.side is not None and page.side.isVisible(), "last year's pane stays open (below the editor)"
        assert page.toggle_last_year.isEnabled() and page.toggle_last_year.isChecked()
        # the page is taller than the window's page area: it scrolls, vertically
        assert w.page_scroller.verticalScrollBar().maximum() > 0

    qtbot.waitUntil(settled, timeout=3000)
    assert w.width() == LAPTOP[0]
    # and the pane below shows three of last year's items and lines of the one selected
    pane = page.last_year_pane
    assert pane is not None
    lines = pane.text.viewport().height() / QFontMetrics(pane.text.font()).lineSpacing()
    assert lines >= 3, lines
    assert pane.items.visualRect(pane.items.model().index(2, 0)).bottom() < pane.items.viewport().height()


def test_the_default_text_size_keeps_the_page_as_it_was(
        qtbot: QtBot, filled_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    """14 pt on 1366x768: no scroll bar at all, the pane beside the editor, the parts at their usable sizes."""
    w = make_window(filled_store)
    for pane in (False, True):
        page = _measures_page(w, LAPTOP, DEFAULT_POINT_SIZE, pane=pane)
        qtbot.waitUntil(lambda page=page: not _usable(w, page), timeout=3000)
        assert not w.page_scroller.horizontalScrollBar().isVisible()
        assert w.page_scroller.verticalScrollBar().maximum() == 0
        assert page.side is not None and page.side.isVisible() == pane
        if pane:
            assert page.side.parentWidget() is page.body, "beside the editor, as before"


@pytest.mark.parametrize("size", [LAPTOP, WINDOW])
def test_every_text_size_keeps_the_editing_parts_usable(
        qtbot: QtBot, filled_store: Store, make_window: Callable[[Store], MainWindow],
        size: tuple[int, int]) -> None:
    """10 to 28 pt, with last year's pane open and closed, by 视图 → 放大文字."""
    w = make_window(filled_store)
    page = _measures_page(w, size, 10, pane=True)
    larger = next(a for a in w.findChildren(QAction) if a.text() == "放大文字(&I)")
    while True:
        for pane in (True, False):
            if page.toggle_last_year.isChecked() != pane:
                page.toggle_last_year.click()
            qtbot.waitUntil(lambda: not _usable(w, page), timeout=3000)
            assert page.side is not None
            if pane and w.point_size > DEFAULT_POINT_SIZE:
                assert page.side.isVisible(), (size, w.point_size)
        if w.point_size == 28:
            break
        larger.trigger()


@pytest.fixture
def new_year(store: Store) -> Store:
    """A unit's filled 2023 report and the 2024 report started from it: the measures block has last year's pane and
    the 安排落实 checklist, as tabs."""
    from tests import factories

    return factories.with_next_year(store)


def test_last_years_tabs_show_whole_beside_the_editor_at_a_larger_text_size(
        qtbot: QtBot, new_year: Store, make_window: Callable[[Store], MainWindow]) -> None:
    """QA, 1366x768 at 16 pt with 上年内容 open: the pane stayed beside the editor, its tabs cut to 上年内容 and
    安排落实（2项未 with scroll arrows. Above the default size the pane stays beside only where its tabs show whole
    (else it goes below, as for the other parts)."""
    w = make_window(new_year)
    page = _measures_page(w, LAPTOP, DEFAULT_POINT_SIZE, pane=True)
    tabs = page.side_tabs
    assert tabs is not None, "the sample report has last year's plans: the pane has the 安排落实 tab"
    larger = next(a for a in w.findChildren(QAction) if a.text() == "放大文字(&I)")
    beside = set()
    while w.point_size < 20:
        larger.trigger()
        for width in range(LAPTOP[0], LAPTOP[0] - 200, -10):  # the window's room, from a little to much too little
            w.resize(width, LAPTOP[1])

            def whole(width: int = width) -> None:
                assert tabs.isVisible() and page.place is not None
                bar = tabs.tabBar()
                assert not page.place.is_beside() or bar.width() >= bar.sizeHint().width(), (
                    w.point_size, width, bar.width(), bar.sizeHint().width())
                assert not w.page_scroller.horizontalScrollBar().maximum()

            qtbot.waitUntil(whole, timeout=3000)
            beside.add(page.place is not None and page.place.is_beside())
    assert beside == {True, False}, "the pane was beside the editor at some sizes, below it at others"


def test_the_default_text_size_keeps_last_years_tabs_as_they_were(
        qtbot: QtBot, new_year: Store, make_window: Callable[[Store], MainWindow]) -> None:
    """At 14 pt the pane stays beside the editor on 1366x768 and 1280x800 (folded only where it did not fit before)."""
    w = make_window(new_year)
    for size in (LAPTOP, WINDOW):
        page = _measures_page(w, size, DEFAULT_POINT_SIZE, pane=True)
        qtbot.waitUntil(lambda page=page: page.place is not None and page.place.is_beside(), timeout=3000)
        assert page.side_tabs is not None and page.side_tabs.minimumWidth() == 0


def test_the_next_step_opens_at_its_top_after_scrolling_down_a_step(
        qtbot: QtBot, filled_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    """QA (frozen build, 28 pt, 1366x768): scrolled to the bottom of 二, 下一步 opened 三 scrolled as far down, its
    description and 部分标题 (where the cursor was put) out of sight."""
    w = make_window(filled_store)
    page = _measures_page(w, LAPTOP, 28, pane=True)
    bar = w.page_scroller.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    qtbot.mouseClick(w.next_button, LEFT)
    assert w.stack.currentWidget() is not page
    assert bar.value() == 0
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # (the next step scrolls too at this size)
    assert bar.value() == 0
    w.go(w.current)  # the same step again (a report reloaded): where the clerk was stays
    bar.setValue(bar.maximum())
    w.go(w.current)
    assert bar.value() == bar.maximum()


def test_a_finding_opened_from_the_check_step_shows_its_text_at_a_large_text_size(
        qtbot: QtBot, filled_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    """From 检查, a finding opens its step and selects the words: at 28 pt the editor lies below the list, and the
    step opens at its top (see above); the focused editor is scrolled into sight (Qt's scroll area does it)."""
    from tests.ui.test_checks_ui import check_page, click_finding, shown

    w = make_window(filled_store)
    page = _measures_page(w, LAPTOP, 28, pane=True)
    type_at_end(page.text, "推进法制政府建设。")
    cp = check_page(w)
    qtbot.waitUntil(lambda: any(f.rule == "wording.fazhi" for f in cp.findings() if isinstance(f, Finding)),
                    timeout=5000)
    click_finding(qtbot, cp, shown(cp, "wording.fazhi"))
    assert w.current_page() is page and page.text.textCursor().selectedText() == "法制政府"
    viewport = w.page_scroller.viewport()
    qtbot.waitUntil(lambda: viewport.rect().contains(
        page.text.mapTo(viewport, page.text.cursorRect().center())), timeout=2000)
