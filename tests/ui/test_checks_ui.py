"""The checks as a clerk meets them: typing a slip, the count in the step list, the 检查 step, fixes, dismissals."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fzdesk.checks.findings import Finding, Severity
from fzdesk.domain.model import Block
from fzdesk.storage.store import Store
from fzdesk.ui.check_page import CheckPage
from fzdesk.ui.check_runner import PARAGRAPH_DELAY_MS
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.block_page import BlockPage
from tests.ui.helpers import type_text

LEFT = Qt.MouseButton.LeftButton


def step_row(w: MainWindow, key: str) -> int:
    return next(i for i, s in enumerate(w.steps) if s.key == key)


def step_text(w: MainWindow, key: str) -> str:
    return w.step_list.item(step_row(w, key)).text()


def open_step(w: MainWindow, key: str) -> None:
    w.go(step_row(w, key))


def check_page(w: MainWindow) -> CheckPage:
    open_step(w, "check")
    page = w.current_page()
    assert isinstance(page, CheckPage)
    return page


def shown(page: CheckPage, rule: str) -> Finding:
    found = [f for f in page.findings() if isinstance(f, Finding) and f.rule == rule]
    assert found, f"{rule} not listed: {[getattr(f, 'rule', '') for f in page.findings()]}"
    return found[0]


def click_finding(qtbot: QtBot, page: CheckPage, finding: Finding) -> None:
    index = page.index_of_key(finding.key)
    assert index.isValid()
    page.view.scrollTo(index)
    qtbot.mouseClick(page.view.viewport(), LEFT, pos=page.view.visualRect(index).center())


@pytest.fixture
def window(filled_store: Store, make_window: Callable[[Store], MainWindow]) -> MainWindow:
    return make_window(filled_store)


def measures_page(w: MainWindow) -> BlockPage:
    open_step(w, Block.MEASURES.value)
    page = w.current_page()
    assert isinstance(page, BlockPage)
    return page


def test_a_typed_slip_is_counted_listed_jumped_to_and_fixed(window: MainWindow, qtbot: QtBot,
                                                            filled_store: Store) -> None:
    w = window
    assert "问题" not in step_text(w, Block.MEASURES.value)
    page = measures_page(w)
    page.text.moveCursor(page.text.textCursor().MoveOperation.End)
    type_text(page.text, "推进法制政府建设。")
    # the paragraph is re-checked after the pause in typing: the count appears in the step list
    qtbot.waitUntil(lambda: "二、主要举措和成效 · 1个问题" in step_text(w, Block.MEASURES.value),
                    timeout=PARAGRAPH_DELAY_MS + 2000)
    text = page.text.toPlainText()
    start = text.index("法制政府")
    # the editor marks the span
    layout = page.text.document().findBlock(start).layout()
    formats = [r for r in layout.formats() if r.format.underlineStyle() == r.format.UnderlineStyle.WaveUnderline]
    assert formats and formats[0].start == start - page.text.document().findBlock(start).position()

    cp = check_page(w)
    finding = shown(cp, "wording.fazhi")
    assert finding.severity is Severity.WARNING and "法制政府" in finding.excerpt
    assert "法治政府" in cp.summary.text() or "警告 1 条" in cp.summary.text()
    click_finding(qtbot, cp, finding)
    assert w.current_page() is page
    assert page.text.textCursor().selectedText() == "法制政府"
    assert QApplication.focusWidget() is page.text

    cp = check_page(w)
    cp.view.setCurrentIndex(cp.index_of_key(finding.key))
    fix = next(b for b in cp.fix_buttons if b.isVisible())
    assert "法治政府" in fix.text()
    fix.click()
    report = w.session.report
    assert report is not None
    item = report.section(Block.MEASURES).items[0]  # type: ignore[union-attr]
    assert item.id is not None
    saved = filled_store.load_report(report.id).section(Block.MEASURES).items[0]  # type: ignore[arg-type, union-attr]
    assert "推进法治政府建设。" in saved.text and "法制政府" not in saved.text
    assert filled_store.history(report.id, f"item:{item.id}", "body")[0].value.endswith("推进法治政府建设。")  # type: ignore[arg-type, union-attr]
    assert not [f for f in cp.findings() if isinstance(f, Finding) and f.rule == "wording.fazhi"]
    assert "问题" not in step_text(w, Block.MEASURES.value)
    assert "法治政府" in page.text.toPlainText()
