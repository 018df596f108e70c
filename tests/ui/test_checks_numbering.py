"""Numbering inside a paragraph as the clerk meets it: typed, counted, listed in 检查, renumbered with one click."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from fzdesk.checks.findings import Finding
from fzdesk.domain.model import Block
from fzdesk.storage.store import Store
from fzdesk.ui.check_runner import PARAGRAPH_DELAY_MS
from fzdesk.ui.main_window import MainWindow
from tests.ui.helpers import type_at_end
from tests.ui.test_checks_ui import check_page, measures_page, select, shown, step_text

TYPED = "主要做法：第一，建立台账。第二，定期会商。第四，跟踪问效。第五，严格考核。"
RIGHT = "主要做法：第一，建立台账。第二，定期会商。第三，跟踪问效。第四，严格考核。"


@pytest.fixture
def window(filled_store: Store, make_window: Callable[[Store], MainWindow]) -> MainWindow:
    return make_window(filled_store)


def test_a_gap_typed_in_a_paragraph_is_listed_and_renumbered(window: MainWindow, qtbot: QtBot,
                                                             filled_store: Store) -> None:
    w = window
    page = measures_page(w)
    page.text.moveCursor(page.text.textCursor().MoveOperation.End)
    QTest.keyClick(page.text, Qt.Key.Key_Return)
    type_at_end(page.text, TYPED)
    qtbot.waitUntil(lambda: step_text(w, Block.MEASURES.value).endswith(" · 1个问题"),
                    timeout=PARAGRAPH_DELAY_MS + 3000)

    cp = check_page(w)
    finding = shown(cp, "lists.inline")
    assert finding.message == "段内编号“第二”之后应是“第三”，这里写成了“第四”。"
    select(cp, finding)
    fix = next(b for b in cp.fix_buttons if b.isVisible())
    assert fix.text() == "重新编号：“第四”“第五”依次改为“第三”“第四”(&1)"  # Alt+1
    fix.click()

    report = w.session.report
    assert report is not None
    saved = filled_store.load_report(report.id)  # type: ignore[arg-type]
    paragraphs = saved.section(Block.MEASURES).items[0].paragraphs  # type: ignore[union-attr]
    assert paragraphs[-1] == RIGHT
    assert not [f for f in cp.findings() if isinstance(f, Finding) and f.rule == "lists.inline"]
    assert "问题" not in step_text(w, Block.MEASURES.value)
    assert page.text.toPlainText().endswith(RIGHT)
