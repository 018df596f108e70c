"""A township clerk's own Word report (Word's "1." list on the headings, 2024.1.15, a table with a text box,
Shift+Enter, 附注 and 版记) imported from the menu: what the preview shows and what the store then holds."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Block, UnitType
from fzdesk.storage.store import Store
from fzdesk.ui.import_dialog import ImportDialog
from fzdesk.ui.main_window import MainWindow
from tests import factories
from tests.exchange import clerk_docx
from tests.ui.modal import Modals, pick_file


def test_a_township_word_report_from_the_menu(store: Store, tmp_path: Path, qtbot: QtBot,
                                              make_window: Callable[[Store], MainWindow]) -> None:
    path = clerk_docx.township_docx(tmp_path / "石桥镇2023年法治政府建设情况报告.docx")
    w = make_window(store)
    seen: dict[str, object] = {}

    def check_and_import(d: ImportDialog) -> None:
        tree = d.tabs.content.tree
        seen["tree"] = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]  # type: ignore[union-attr]
        seen["date"] = d.date.text()
        seen["unit"] = d.file_unit.text()
        seen["unplaced"] = d.tabs.unplaced.toPlainText()
        d.next_year.setChecked(False)
        QTest.mouseClick(d.import_button, Qt.MouseButton.LeftButton)

    modals = Modals()
    modals.then(QFileDialog, pick_file(path)).then(ImportDialog, check_and_import)
    modals.start()
    QTest.keyClick(w, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: modals.done)
    assert not modals.errors, modals.errors
    assert seen["unit"] == clerk_docx.ORGAN and seen["date"] == "2024年1月15日"
    assert seen["tree"][1:5] == [  # type: ignore[index]
        f"第一责任人履职：{clerk_docx.HEADINGS[0]}（1项）", f"主要举措和成效：{clerk_docx.HEADINGS[1]}（3项）",
        f"不足和原因：{clerk_docx.HEADINGS[2]}（2项）", f"下一年度安排：{clerk_docx.HEADINGS[3]}（2项）"]
    unplaced = str(seen["unplaced"])
    assert unplaced.count(clerk_docx.BOX_NOTE) == 1 and "（此件公开发布）" in unplaced
    [summary] = store.reports()
    report = store.load_report(summary.id)
    assert report.year == 2023 and report.date == dt.date(2024, 1, 15) and report.organs == [clerk_docx.ORGAN]
    measures = report.section(Block.MEASURES)
    assert measures is not None and [i.title for i in measures.items] == clerk_docx.MEASURES
    # the figures table below the item's text: its rows, where it stood
    assert measures.items[0].paragraphs == ["全年开展执法检查36次，办理行政处罚案件12件。",
                                            "执法检查36次。", "行政处罚12件。"]
    assert not any(clerk_docx.BOX_NOTE in p for s in report.sections for i in s.items for p in i.paragraphs)
    [unit] = store.units()
    assert unit.unit_type is UnitType.TOWNSHIP and unit.cc == "县委依法治县办"
    assert w.session.report is not None and w.session.report.id == summary.id


def test_a_scanned_report_saved_as_word_gets_its_own_message(filled_store: Store, tmp_path: Path, qtbot: QtBot,
                                                            messages: list[tuple[str, str]],
                                                            make_window: Callable[[Store], MainWindow]) -> None:
    """Last year's report kept only as a scan pasted into Word (pictures, no text) was told "没有文字", which a
    clerk looking at a full page of text cannot make sense of."""
    document = docx.Document()
    for _ in range(2):
        document.add_picture(io.BytesIO(_PNG))
    path = tmp_path / "2023年报告（扫描件）.docx"
    document.save(str(path))
    w = make_window(filled_store)
    before = factories.dump(filled_store)
    modals = Modals().then(QFileDialog, pick_file(path))
    modals.start()
    w.import_action.trigger()
    qtbot.waitUntil(lambda: modals.done)
    assert not modals.errors, modals.errors
    [(title, text)] = messages
    assert title == "不能导入这个文件" and "只有图片，没有文字" in text and "扫描件" in text and "图片转文字" in text
    assert "数据没有任何改动" in text
    assert factories.dump(filled_store) == before


#: A 1x1 white PNG.
_PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8ffff3f"
                     "0005fe02fea7d6a4d80000000049454e44ae426082")
