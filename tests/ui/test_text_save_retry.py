"""Text that cannot be saved (the disk full) is kept for a retry; a report opened again meanwhile (another year, then
this one) shows the kept text, not the older stored one, and an edit made then never lets the older text win.
The same for 开头, the 报告信息 fields and the unit's. Driven as a clerk does: typing, the year switcher."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Block
from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.block_page import BlockPage
from fzdesk.ui.pages.report_page import ReportPage
from fzdesk.ui.pages.text_page import OpeningPage
from fzdesk.ui.pages.unit_page import UnitPage
from tests.ui.helpers import DISK_FULL, key, type_at_end, type_text

pytestmark = pytest.mark.usefixtures("quick_retries")  # (tests/ui/conftest.py)


@pytest.fixture
def window(filled_store: Store, make_window: Callable[[Store], MainWindow]) -> MainWindow:
    return make_window(filled_store)


def broken(monkeypatch: pytest.MonkeyPatch, *methods: str) -> list[bool]:
    """Every call of the Store's methods fails as on a full disk until the returned flag is set."""
    fixed = [False]
    for name in methods:
        real = getattr(Store, name)

        def failing(self: Store, *args: Any, _real: Any = real, **kwargs: Any) -> Any:
            if not fixed[0]:
                raise sqlite3.OperationalError(DISK_FULL)
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(Store, name, failing)
    return fixed


def open_step(w: MainWindow, step: str) -> Any:
    w.go(next(i for i, s in enumerate(w.steps) if s.key == step), focus=True)
    return w.current_page()


def other_year_and_back(w: MainWindow, step: str) -> Any:
    """The year switcher: the 2022 report, then 2023 again (each opened afresh from the store)."""
    year = w.session.report.year  # type: ignore[union-attr]
    key(w.year_combo, Qt.Key.Key_Down)
    assert w.session.report is not None and w.session.report.year == 2022
    key(w.year_combo, Qt.Key.Key_Up)
    assert w.session.report is not None and w.session.report.year == year
    return open_step(w, step)


def wait_failed(qtbot: QtBot, w: MainWindow, messages: list[tuple[str, str]]) -> None:
    qtbot.waitUntil(lambda: bool(messages), timeout=3000)
    assert messages[0][0] == "保存失败" and w.saved_label.text() == "保存失败！"


def test_an_item_body_kept_for_a_retry_is_shown_after_another_year_and_an_edit_then_keeps_it(
        filled_store: Store, window: MainWindow, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    w = window
    page = open_step(w, Block.MEASURES.value)
    assert isinstance(page, BlockPage)
    fixed = broken(monkeypatch, "update_item")
    type_at_end(page.text, "新增一句。")
    wait_failed(qtbot, w, messages)
    page = other_year_and_back(w, Block.MEASURES.value)
    assert isinstance(page, BlockPage)
    assert page.text.toPlainText().endswith("新增一句。")  # the kept text, not the stored older one
    type_at_end(page.text, "再补一句。")  # the clerk goes on from what the screen shows
    QApplication.processEvents()
    fixed[0] = True
    report = w.session.report
    assert report is not None and report.id is not None

    def body() -> str:
        return filled_store.load_report(report.id).section(Block.MEASURES).items[0].text  # type: ignore[arg-type, union-attr]

    qtbot.waitUntil(lambda: body().endswith("新增一句。再补一句。"), timeout=3000)
    qtbot.wait(400)  # nothing older lands afterwards
    assert body().endswith("新增一句。再补一句。") and not w.saver.pending
    assert w.saved_label.text().startswith("已保存")
    assert page.text.toPlainText().endswith("新增一句。再补一句。")


def test_an_opening_kept_for_a_retry_is_shown_after_another_year(
        filled_store: Store, window: MainWindow, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    w = window
    page = open_step(w, "opening")
    assert isinstance(page, OpeningPage)
    fixed = broken(monkeypatch, "update_item")
    type_at_end(page.editor, "特此说明。")
    wait_failed(qtbot, w, messages)
    page = other_year_and_back(w, "opening")
    assert isinstance(page, OpeningPage)
    assert page.editor.toPlainText().endswith("特此说明。")
    fixed[0] = True
    report = w.session.report
    assert report is not None and report.id is not None
    qtbot.waitUntil(lambda: filled_store.load_report(report.id).section(  # type: ignore[arg-type, union-attr]
        Block.OPENING).items[0].text.endswith("特此说明。"), timeout=3000)
    assert not w.saver.pending


def test_report_and_unit_fields_kept_for_a_retry_are_shown_after_another_year(
        filled_store: Store, window: MainWindow, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    w = window
    fixed = broken(monkeypatch, "update_report", "save_unit")
    page = open_step(w, "report")
    assert isinstance(page, ReportPage)
    type_at_end_line(page.recipient, "办公室")
    wait_failed(qtbot, w, messages)
    unit_page = open_step(w, "unit")
    assert isinstance(unit_page, UnitPage)
    type_at_end_line(unit_page.contact, "8")
    qtbot.wait(500)
    recipient, contact = page_text(w, "report", "recipient"), page_text(w, "unit", "contact")
    assert recipient.endswith("办公室") and contact.endswith("8")
    other_year_and_back(w, "report")
    assert page_text(w, "report", "recipient") == recipient
    assert page_text(w, "unit", "contact") == contact
    unit_page = open_step(w, "unit")
    type_at_end_line(unit_page.contact, "9")  # an edit of the unit opened again keeps the kept one
    fixed[0] = True
    report, unit = w.session.report, w.session.unit
    assert report is not None and report.id is not None and unit is not None and unit.id is not None
    qtbot.waitUntil(lambda: filled_store.unit(unit.id).contact == contact + "9", timeout=3000)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: filled_store.load_report(report.id).recipient == recipient, timeout=3000)  # type: ignore[arg-type]
    assert not w.saver.pending


def type_at_end_line(edit: Any, text: str) -> None:
    edit.setFocus()
    edit.end(False)
    type_text(edit, text)


def page_text(w: MainWindow, step: str, field: str) -> str:
    page = open_step(w, step)
    return str(getattr(page, field).text())
