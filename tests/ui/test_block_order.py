"""The five blocks' order: moved on the report-info page or from a block page; steps and store follow."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Block
from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.block_page import BlockPage
from fzdesk.ui.pages.report_page import ReportPage
from tests.ui.helpers import key

ALT = Qt.KeyboardModifier.AltModifier


def stored_order(store: Store, report_id: int) -> list[Block]:
    return [s.block for s in store.load_report(report_id).body_sections]


def test_move_blocks_on_the_report_page_and_from_a_block_page(
        filled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    w = make_window(filled_store)
    rid = w.session.report.id  # type: ignore[union-attr]
    assert stored_order(filled_store, rid)[:2] == [Block.RESPONSIBILITY, Block.MEASURES]
    w.go(1)
    page = w.current_page()
    assert isinstance(page, ReportPage)
    page.order.setCurrentRow(0)
    key(page.order, Qt.Key.Key_Down, ALT)  # 第一责任人 after 主要举措
    assert stored_order(filled_store, rid)[:2] == [Block.MEASURES, Block.RESPONSIBILITY]
    assert [s.title for s in w.steps[3:5]] == ["一、主要举措和成效", "二、第一责任人履职"]
    assert page.order.currentRow() == 1 and page.order.item(1).text().startswith("2. 第一责任人履职")
    # from the block page of 存在的不足: one place earlier
    w.go(next(i for i, s in enumerate(w.steps) if s.block is Block.SHORTCOMINGS))
    bp = w.current_page()
    assert isinstance(bp, BlockPage)
    qtbot.mouseClick(bp.block_up, Qt.MouseButton.LeftButton)
    assert stored_order(filled_store, rid)[:3] == [Block.MEASURES, Block.SHORTCOMINGS, Block.RESPONSIBILITY]
    assert w.steps[w.current].block is Block.SHORTCOMINGS and w.page_title.text() == "二、不足和原因"
    assert bp.preview.text().startswith("预览：二、")
    # opening and closing stay first and last
    sections = filled_store.load_report(rid).sections
    assert sections[0].block is Block.OPENING and sections[-1].block is Block.CLOSING
