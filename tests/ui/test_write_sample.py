"""A clerk writes the whole sample report in the wizard, quits, starts again and finds every word back."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Block, Numbering, UnitType
from fzdesk.domain.numbering import block_label, item_label
from fzdesk.domain.progress import Progress
from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.block_page import NUMBERING_CHOICES, BlockPage
from fzdesk.ui.pages.closing_page import ClosingPage
from fzdesk.ui.pages.report_page import ReportPage
from fzdesk.ui.pages.text_page import OpeningPage
from fzdesk.ui.pages.unit_page import UnitPage
from tests.ui.helpers import key, replace_text, type_text
from tests.ui.sample import BLOCK_OF, SAMPLES, Sample, load

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton
SAMPLE_FILE = sorted(SAMPLES.glob("*.txt"))[0]


def click_row(qtbot: QtBot, page: BlockPage, row: int) -> None:
    rect = page.items.visualItemRect(page.items.item(row))
    qtbot.mouseClick(page.items.viewport(), LEFT, pos=rect.center())
    assert page.items.currentRow() == row


def choose_numbering(page: BlockPage, style: Numbering) -> None:
    """Picks a numbering style with the keyboard: Home, then Down as often as needed."""
    page.numbering.setFocus()
    key(page.numbering, Qt.Key.Key_Home)
    for _ in range([s for s, _ in NUMBERING_CHOICES].index(style)):
        key(page.numbering, Qt.Key.Key_Down)
    assert page.numbering.currentData() == style


def write_profile(w: MainWindow, qtbot: QtBot, sample: Sample) -> None:
    page = w.current_page()
    assert isinstance(page, UnitPage)
    type_text(page.name, sample.organ)
    page.unit_type.setFocus()
    key(page.unit_type, Qt.Key.Key_Down)  # 乡镇/街道 -> 县直部门
    assert page.unit_type.currentText() == UnitType.DEPARTMENT.value
    type_text(page.short_name, "县政府办")
    type_text(page.organ1, sample.organ)
    type_text(page.recipient, sample.recipient)
    type_text(page.cc, "县委依法治县办")
    type_text(page.contact, "张三 0394-1234567")
    assert w.state_of("unit") is Progress.DONE


def write_report_info(w: MainWindow, qtbot: QtBot, sample: Sample) -> None:
    page = w.current_page()
    assert isinstance(page, ReportPage)
    page.year.setFocus()
    key(page.year, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(page.year, "2023")
    key(page.year, Qt.Key.Key_Return)
    assert w.session.report is not None and w.session.report.year == 2023
    assert page.title.text() == sample.title  # derived from the organ and the year
    assert page.recipient.text() == sample.recipient  # brought over from the profile
    assert page.date_state.text() == "（未填写）"
    qtbot.mouseClick(page.no_date, LEFT)
    page.date.setDate(QDate(sample.date.year, sample.date.month, sample.date.day))
    assert page.date_state.text() == ""
    assert w.state_of("report") is Progress.DONE


def write_block(w: MainWindow, qtbot: QtBot, block: Block, heading: str, numbering: Numbering,
                items: list[tuple[str, list[str]]]) -> None:
    page = w.current_page()
    assert isinstance(page, BlockPage) and page.block is block
    replace_text(page.heading, heading)
    choose_numbering(page, numbering)
    for row, (title, paragraphs) in enumerate(items):
        if row < page.items.count():
            click_row(qtbot, page, row)  # reuse the outline's items
        else:
            qtbot.mouseClick(page.add, LEFT)
            assert page.items.currentRow() == row
        replace_text(page.title, title)
        replace_text(page.text, "\n".join(paragraphs))
        assert page.label.text() == (item_label(numbering, row + 1) or "（不编号）")
    while page.items.count() > len(items):  # the outline's items the unit does not use
        click_row(qtbot, page, page.items.count() - 1)
        key(page.text, Qt.Key.Key_Delete, CTRL_SHIFT)
    assert page.items.count() == len(items)
    assert w.state_of(block.value) is Progress.DONE


def screen_document(w: MainWindow, qtbot: QtBot) -> list[str]:
    """The report read back from the screen, step by step, as lines of the sample file."""
    lines: list[str] = []
    w.go(0)
    unit_page = w.current_page()
    assert isinstance(unit_page, UnitPage)
    lines.append(unit_page.name.text())
    w.go(1)
    rp = w.current_page()
    assert isinstance(rp, ReportPage)
    lines.append(rp.title.text().removeprefix(unit_page.name.text()))
    lines.append(rp.recipient.text() + "：")
    w.go(2)
    op = w.current_page()
    assert isinstance(op, OpeningPage)
    lines += op.editor.toPlainText().split("\n")
    n = 0
    for index, step in enumerate(w.steps):
        if step.block not in BLOCK_OF and step.block is not Block.OTHER:
            continue
        w.go(index)
        page = w.current_page()
        assert isinstance(page, BlockPage)
        if page.omitted.isChecked():
            continue
        n += 1
        lines.append(block_label(n) + page.heading.text())
        for row in range(page.items.count()):
            click_row(qtbot, page, row)
            title, body = page.title.text(), page.text.toPlainText().split("\n")
            if title:
                body[0] = page.label.text() + title + "。" + body[0]
            lines += body
    w.go(next(i for i, s in enumerate(w.steps) if s.key == "closing"))
    cp = w.current_page()
    assert isinstance(cp, ClosingPage)
    lines += cp.closing.toPlainText().split("\n")
    lines.append(rp.date.date().toString("yyyy年M月d日"))
    return lines


def test_write_the_sample_quit_start_again_and_find_every_word(
        data_dir, make_window: Callable[[Store], MainWindow], qtbot: QtBot,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    sample = load()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    store = Store.open(data_dir)
    w = make_window(store)
    w.activateWindow()
    write_profile(w, qtbot, sample)
    qtbot.mouseClick(w.next_button, LEFT)  # creates the report for the default year
    write_report_info(w, qtbot, sample)
    key(w.current_page(), Qt.Key.Key_PageDown, CTRL)
    page = w.current_page()
    assert isinstance(page, OpeningPage)
    replace_text(page.editor, sample.opening)
    assert w.state_of("opening") is Progress.DONE
    for block, sb in zip(BLOCK_OF, sample.blocks, strict=True):
        qtbot.mouseClick(w.next_button, LEFT)
        write_block(w, qtbot, block, sb.heading, sb.numbering, sb.items)
    qtbot.mouseClick(w.next_button, LEFT)
    other = w.current_page()
    assert isinstance(other, BlockPage) and other.block is Block.OTHER
    assert w.state_of("other") is Progress.EMPTY
    qtbot.mouseClick(other.omitted, LEFT, pos=QPoint(8, other.omitted.height() // 2))
    assert w.state_of("other") is Progress.DONE
    qtbot.mouseClick(w.next_button, LEFT)
    assert w.steps[w.current].key == "figures"
    qtbot.mouseClick(w.next_button, LEFT)
    closing = w.current_page()
    assert isinstance(closing, ClosingPage)
    assert closing.closing.toPlainText() == sample.closing
    type_text(closing.attachments, "2023年度法治政府建设主要数据表")
    assert w.state_of("closing") is Progress.PARTIAL  # until the clerk ticks that both were checked
    qtbot.mouseClick(closing.checked, LEFT, pos=QPoint(8, closing.checked.height() // 2))
    states = {s.key: w.state_of(s.key) for s in w.steps if s.key not in ("figures", "check", "export")}
    assert set(states.values()) == {Progress.DONE}, [k for k, v in states.items() if v is not Progress.DONE]
    w.close()  # no prompt, pending saves are flushed
    store.close()

    store2 = Store.open(data_dir)
    w2 = make_window(store2)
    raw = [ln.strip() for ln in SAMPLE_FILE.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert screen_document(w2, qtbot) == raw  # every line of the sample, word for word

    report = store2.load_report(store2.reports()[0].id)
    assert report.display_title == sample.title and report.recipient == sample.recipient
    assert report.date == sample.date and report.attachments == ["2023年度法治政府建设主要数据表"]
    words = "\n".join([report.display_title, report.recipient]
                      + [s.heading + "\n" + "\n".join(i.title + "\n" + i.text for i in s.items)
                         for s in report.sections])
    for sb in sample.blocks:
        assert sb.heading in words
        for title, paragraphs in sb.items:
            assert title in words and all(p in words for p in paragraphs)
    assert sample.opening in words and sample.closing in words
    unit = store2.units()[0]
    assert (unit.name, unit.unit_type, unit.cc) == (sample.organ, UnitType.DEPARTMENT, "县委依法治县办")
    assert report.section(Block.OTHER).omitted  # type: ignore[union-attr]
    w2.close()
    store2.close()
