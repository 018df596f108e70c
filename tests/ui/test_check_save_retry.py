"""A check's one-click fix (修正) and a large change's explanation (变化原因说明) are saved through the window's
Autosaver: when the write fails (the disk full) they stay on screen, the clerk is told once (保存失败), the write is
retried and lands once there is room, and a text typed meanwhile and kept for a retry is not overwritten by the fix.
The checks see what is kept, not only what is stored. Driven as a clerk does: the 检查 step, its buttons, typing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from fzdesk.checks.findings import Finding
from fzdesk.domain.model import Block, FigureState, FigureValue
from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.block_page import BlockPage
from fzdesk.ui.pages.figures_page import FiguresPage
from tests.ui.helpers import DISK_FULL, key, type_at_end, type_text
from tests.ui.test_checks_ui import check_page, select, shown
from tests.ui.test_figure_save_retry import looks_unsaved, open_sheet, type_and_enter

LEFT = Qt.MouseButton.LeftButton


pytestmark = pytest.mark.usefixtures("quick_retries")  # (tests/ui/conftest.py)


@pytest.fixture
def flawed(filled_store: Store, make_window: Callable[[Store], MainWindow]) -> MainWindow:
    """The 2023 report says 90 cases in its text where the sheet has 88 (a finding with two fixes)."""
    report_id = next(s.id for s in filled_store.reports() if s.year == 2023)
    item = filled_store.load_report(report_id).section(Block.MEASURES).items[0]  # type: ignore[union-attr]
    assert item.id is not None
    filled_store.update_item(item.id, paragraphs=["全年受理行政复议案件90件，审结63件。"])
    return make_window(filled_store)


def broken(monkeypatch: pytest.MonkeyPatch, name: str) -> list[bool]:
    """The Store's method fails as on a full disk until the returned flag is set."""
    fixed = [False]
    real = getattr(Store, name)

    def failing(self: Store, *args: Any, **kwargs: Any) -> Any:
        if not fixed[0]:
            raise sqlite3.OperationalError(DISK_FULL)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Store, name, failing)
    return fixed


def told_once(qtbot: QtBot, w: MainWindow, messages: list[tuple[str, str]]) -> None:
    qtbot.waitUntil(lambda: bool(messages), timeout=3000)
    qtbot.wait(300)  # retried meanwhile, still failing: not said again
    assert [title for title, _ in messages] == ["保存失败"] and f"磁盘已满（{DISK_FULL}）" in messages[0][1]
    assert w.saved_label.text() == "保存失败！"


def measures_text(store: Store, w: MainWindow) -> str:
    assert w.session.report is not None and w.session.report.id is not None
    return store.load_report(w.session.report.id).section(Block.MEASURES).items[0].text  # type: ignore[union-attr]


def test_a_text_fix_that_cannot_be_saved_is_kept_with_the_text_typed_before_it(
        filled_store: Store, flawed: MainWindow, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    w = flawed
    fixed = broken(monkeypatch, "update_item")
    w.go(next(i for i, s in enumerate(w.steps) if s.key == Block.MEASURES.value), focus=True)
    block = w.current_page()
    assert isinstance(block, BlockPage)
    type_at_end(block.text, "另补一句。")  # typed on the full disk: kept for a retry
    page = check_page(w)  # (the step change flushes: it fails, and is said)
    mismatch = shown(page, "prose.mismatch")
    select(page, mismatch)
    button = page.fix_buttons[0]
    assert button.isVisible() and "88件" in button.text()
    qtbot.mouseClick(button, LEFT)
    told_once(qtbot, w, messages)
    said = w.statusBar().currentMessage()
    assert "还没能保存" in said
    # on screen: the data folder's line (on the right) leaves the message its room (it covered every message)
    assert w.folder_label.geometry().left() > w.statusBar().fontMetrics().horizontalAdvance(said)
    assert block.text.toPlainText() == "全年受理行政复议案件88件，审结63件。另补一句。"  # the screen has both
    assert measures_text(filled_store, w) == "全年受理行政复议案件90件，审结63件。"  # the store: nothing yet
    assert not [f for f in page.findings() if isinstance(f, Finding) and f.rule == "prose.mismatch"]
    fixed[0] = True
    qtbot.waitUntil(lambda: measures_text(filled_store, w) == "全年受理行政复议案件88件，审结63件。另补一句。",
                    timeout=3000)
    qtbot.wait(400)  # nothing older lands afterwards
    assert measures_text(filled_store, w) == "全年受理行政复议案件88件，审结63件。另补一句。"
    assert not w.saver.pending and w.saved_label.text().startswith("已保存")


def test_a_figure_fix_that_cannot_be_saved_stays_marked_on_the_sheet_until_it_lands(
        filled_store: Store, flawed: MainWindow, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    w = flawed
    w.go(next(i for i, s in enumerate(w.steps) if s.key == "figures"))  # the sheet is built: it shows the fix
    figures = w.pages["figures"]
    assert isinstance(figures, FiguresPage)
    fixed = broken(monkeypatch, "set_figure")
    page = check_page(w)
    select(page, shown(page, "prose.mismatch"))
    button = page.fix_buttons[1]
    assert "填入数据表" in button.text()
    qtbot.mouseClick(button, LEFT)
    told_once(qtbot, w, messages)
    sheet = figures.sheet
    assert sheet.model.index_of("A.accepted").data() == "90" and looks_unsaved(sheet, "A.accepted")
    report_id = w.session.report.id  # type: ignore[union-attr]
    assert report_id is not None and filled_store.load_report(report_id).figures["A.accepted"].value == 88
    fixed[0] = True
    qtbot.waitUntil(lambda: filled_store.load_report(report_id).figures["A.accepted"].value == 90, timeout=3000)
    assert not looks_unsaved(sheet, "A.accepted") and not w.saver.pending


def test_an_explanation_that_cannot_be_saved_is_kept_and_retried(
        filled_store: Store, qtbot: QtBot, make_window: Callable[[Store], MainWindow],
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    last = next(s.id for s in filled_store.reports() if s.year == 2022)
    filled_store.set_figure(last, FigureValue("A.accepted", FigureState.NUMBER, Decimal(20)))
    w = make_window(filled_store)
    fixed = broken(monkeypatch, "set_figure")
    page = check_page(w)
    change = next(f for f in page.findings() if isinstance(f, Finding) and page.do.explanation_code(f) == "A.accepted")
    select(page, change)
    type_text(page.explanation, "今年开展专项整治")
    QTest.keyClick(page.explanation, Qt.Key.Key_Return)
    told_once(qtbot, w, messages)
    report_id = w.session.report.id  # type: ignore[union-attr]
    assert report_id is not None and filled_store.load_report(report_id).figures["A.accepted"].explanation == ""
    assert change.key not in {f.key for f in page.findings() if isinstance(f, Finding)}  # explained, on screen
    fixed[0] = True
    qtbot.waitUntil(lambda: filled_store.load_report(report_id).figures["A.accepted"].explanation
                    == "今年开展专项整治", timeout=3000)
    assert not w.saver.pending


def test_the_checks_compare_with_last_years_figure_kept_for_a_retry(
        filled_store: Store, qtbot: QtBot, make_window: Callable[[Store], MainWindow],
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    w = make_window(filled_store)
    key(w.year_combo, Qt.Key.Key_Down)  # the 2022 report: its 受理 typed on a full disk
    assert w.session.report is not None and w.session.report.year == 2022
    last = w.session.report
    fixed = broken(monkeypatch, "set_figure")
    sheet = open_sheet(w)
    type_and_enter(qtbot, sheet, "A.accepted", "20")
    told_once(qtbot, w, messages)
    key(w.year_combo, Qt.Key.Key_Up)  # 2023: a large change against the 20 on last year's sheet
    assert w.session.report is not None and w.session.report.year == 2023
    page = check_page(w)
    assert [f for f in page.findings() if isinstance(f, Finding) and page.do.explanation_code(f) == "A.accepted"]
    assert last.id is not None and filled_store.load_report(last.id).figures["A.accepted"].value != 20
    fixed[0] = True
    qtbot.waitUntil(lambda: filled_store.load_report(last.id).figures["A.accepted"].value == 20,  # type: ignore[arg-type]
                    timeout=3000)


def test_the_checks_see_a_text_kept_for_a_retry_after_another_year(
        filled_store: Store, qtbot: QtBot, make_window: Callable[[Store], MainWindow],
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    w = make_window(filled_store)
    fixed = broken(monkeypatch, "update_item")
    w.go(next(i for i, s in enumerate(w.steps) if s.key == Block.MEASURES.value), focus=True)
    block = w.current_page()
    assert isinstance(block, BlockPage)
    type_at_end(block.text, "推进法制政府建设。")
    told_once(qtbot, w, messages)
    key(w.year_combo, Qt.Key.Key_Down)
    key(w.year_combo, Qt.Key.Key_Up)
    page = check_page(w)
    assert "法制政府" in shown(page, "wording.fazhi").excerpt  # checked as typed, not as stored
    assert "法制政府" not in measures_text(filled_store, w)
    fixed[0] = True
    qtbot.waitUntil(lambda: "法制政府" in measures_text(filled_store, w), timeout=3000)
