"""The import dialog: what a file holds, the questions it raises, accepted figures, and a store left alone
by everything but 导入."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Block, FigureState, UnitType
from fzdesk.exchange.importer import ImportPreview, open_import
from fzdesk.export.docx_writer import export_docx
from fzdesk.storage.checklist import plan_checks
from fzdesk.storage.store import Store
from fzdesk.ui import import_dialog
from fzdesk.ui.dialogs import default_year
from fzdesk.ui.import_dialog import ImportDialog
from fzdesk.ui.main_window import MainWindow
from tests import factories
from tests.exchange import samples
from tests.ui.helpers import key, type_text
from tests.ui.modal import Modals, cancel, pick_file

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def open_dialog(qtbot: QtBot) -> Iterator[Callable[..., ImportDialog]]:
    dialogs: list[ImportDialog] = []

    def make(store: Store, preview: ImportPreview, **kw: object) -> ImportDialog:
        d = ImportDialog(store, preview, **kw)  # type: ignore[arg-type]
        qtbot.addWidget(d)
        d.show()
        qtbot.waitExposed(d)
        dialogs.append(d)
        return d

    yield make
    for d in dialogs:
        d.close()


def press_import(d: ImportDialog) -> None:
    QTest.mouseClick(d.import_button, LEFT)


def click(button: QAbstractButton) -> None:
    """Clicks a check box or radio button on its indicator (a wide button does not react beyond its text)."""
    QTest.mouseClick(button, LEFT, pos=QPoint(8, button.height() // 2))


def row_of(d: ImportDialog, code: str) -> int:
    return next(row for row, c in enumerate(d.tabs.figures.candidates) if c.code == code)


def tree_texts(d: ImportDialog) -> list[str]:
    tree = d.tabs.content.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]  # type: ignore[union-attr]


# ----- what is shown ---------------------------------------------------------------------------------------
def test_the_sample_is_previewed_with_everything_it_holds(store: Store, county: Path, qtbot: QtBot,
                                                          open_dialog: Callable[..., ImportDialog]) -> None:
    before = factories.dump(store)
    d = open_dialog(store, open_import(county))
    assert "文本文件" in d.kind.text() and "county.txt" in d.kind.text()
    assert d.file_unit.text() == "沈丘县人民政府办公室"
    assert d.year.value() == 2023
    assert d.title_label.text() == "沈丘县人民政府办公室关于2023年度法治政府建设情况的报告"
    assert d.recipient.text() == "沈丘县人民政府"
    assert d.signers.text() == "沈丘县人民政府办公室"
    assert d.date.text() == "2023年12月15日"
    preview = d.preview
    texts = tree_texts(d)
    assert texts[0] == "开头"
    assert texts[1] == "第一责任人履职：单位负责人履行推进法治建设第一责任人职责情况（1项）"
    assert texts[2] == "主要举措和成效：法治政府建设的主要举措和成效（5项）"
    shortcomings = preview.report.section(Block.SHORTCOMINGS)
    assert shortcomings is not None
    assert texts[3] == f"不足和原因：存在的不足、原因和问题整改情况（{len(shortcomings.items)}项）"
    assert texts[4] == "下一年度安排：下一年度法治政府建设的初步安排（3项）"
    assert texts[5].endswith("（标记为“无”）（0项）") and texts[6] == "结尾与附件"
    assert d.tabs.tabText(0) == f"内容（{sum(len(s.items) for s in preview.report.body_sections)}项）"
    # the items: numbered as the program will number them; a click shows the whole text beside the tree
    tree = d.tabs.content.tree
    measures = tree.topLevelItem(2)
    assert measures is not None and measures.childCount() == 5
    first: QTreeWidgetItem = measures.child(0)
    assert first.text(0).startswith("（一）坚持高位推动，强化组织领导")
    QTest.mouseClick(tree.viewport(), LEFT, pos=tree.visualItemRect(first).center())
    assert tree.currentItem() is first
    assert "习近平新时代中国特色社会主义思想" in d.tabs.content.text.toPlainText()
    plans = tree.topLevelItem(4)
    assert plans is not None and [plans.child(i).text(0) for i in range(3)] == [
        "一是完善法治法宣工作机制", "二是进一步强化推进依法行政", "三是不断加强法治宣传教育"]
    # figures found in the prose, none accepted yet; what could not be placed
    assert d.tabs.tabText(1) == f"正文中的数字（{len(preview.figures)}）"
    table = d.tabs.figures.table
    assert table.rowCount() == len(preview.figures) >= 10 and d.tabs.figures.accepted() == []
    accepted = row_of(d, "A.accepted")
    assert table.item(accepted, 0).text() == "受理" and table.item(accepted, 1).text() == "88件"  # type: ignore[union-attr]
    assert "申请人撤回复议申请13件" in table.item(accepted, 2).text()  # type: ignore[union-attr]
    for row, c in enumerate(preview.figures):  # the sentence, and a warning where the finder has one
        assert table.item(row, 2).text() == c.sentence + (f"\n注意：{c.note}" if c.note else "")  # type: ignore[union-attr]
    assert d.tabs.tabText(2) == f"未能归类和提示（{len(preview.unplaced) + len(preview.warnings)}）"
    unplaced = d.tabs.unplaced.toPlainText()
    assert all(u.text in unplaced for u in preview.unplaced) and all(x in unplaced for x in preview.warnings)
    # a new store: the unit is created from the file
    assert d.unit.currentText() == "新建单位：沈丘县人民政府办公室"
    assert not d.other_unit.isVisible() and not d.replace.isVisible() and not d.embedded.isVisible()
    assert factories.dump(store) == before  # looking changes nothing


def test_a_hand_written_joint_docx_with_automatic_numbering(store: Store, tmp_path: Path,
                                                            open_dialog: Callable[..., ImportDialog]) -> None:
    path = samples.write_docx(tmp_path / "joint.docx", samples.lines(samples.JOINT), auto_numbering="paragraph")
    d = open_dialog(store, open_import(path))
    assert "手写的 Word 文档" in d.kind.text()
    assert d.signers.text() == "中共临水经济开发区工作委员会、临水经济开发区管理委员会"
    assert d.date.text() == "2023年12月20日" and d.recipient.text() == "市委、市政府"
    texts = tree_texts(d)
    assert "不足和原因：存在的问题（3项）" in texts
    assert "下一年度安排：2024年法治政府建设主要安排（6项）" in texts
    names = [d.tabs.figures.table.item(r, 0).text() for r in range(d.tabs.figures.table.rowCount())]  # type: ignore[union-attr]
    assert "网上可办率" in names


def test_accepted_figures_go_in_and_rejected_ones_do_not(store: Store, county: Path, qtbot: QtBot,
                                                         open_dialog: Callable[..., ImportDialog]) -> None:
    d = open_dialog(store, open_import(county))
    QTest.mouseClick(d.tabs.tabBar(), LEFT, pos=d.tabs.tabBar().tabRect(1).center())
    view = d.tabs.figures
    table = view.table
    found = len(view.candidates)
    QTest.mouseClick(view.accept_all, LEFT)
    assert len(view.accepted()) == found and view.count.text() == f"已采用 {found} 个，共找到 {found} 个"
    QTest.mouseClick(view.reject_all, LEFT)
    assert view.accepted() == []
    for code in ("A.accepted", "A.closed", "A.upheld", "A.upheld"):  # ticked with the space bar; 维持 unticked again
        table.setCurrentCell(row_of(d, code), 0)
        key(table, Qt.Key.Key_Space)
    assert [c.code for c in view.accepted()] == ["A.accepted", "A.closed"]
    assert view.count.text() == f"已采用 2 个，共找到 {found} 个"
    d.next_year.setChecked(False)
    press_import(d)
    assert d.result() == ImportDialog.DialogCode.Accepted
    report = store.load_report(d.report_id or 0)
    assert report.year == 2023
    assert {c: (f.state, f.value) for c, f in report.figures.items()} == {
        "A.accepted": (FigureState.NUMBER, 88), "A.closed": (FigureState.NUMBER, 63)}


def test_one_value_per_indicator(store: Store, tmp_path: Path, open_dialog: Callable[..., ImportDialog]) -> None:
    path = tmp_path / "twice.txt"
    text = samples.county_text().replace("截至目前，", "全年行政复议受理共计90件。截至目前，")
    path.write_text(text, encoding="utf-8")
    d = open_dialog(store, open_import(path))
    view = d.tabs.figures
    rows = [r for r, c in enumerate(view.candidates) if c.code == "A.accepted"]
    assert len(rows) == 2
    QTest.mouseClick(view.accept_all, LEFT)  # the first place of each indicator
    assert [c.value for c in view.accepted() if c.code == "A.accepted"] == [90]
    view.table.setCurrentCell(rows[1], 0)
    key(view.table, Qt.Key.Key_Space)  # ticking the other place unticks the first
    assert [c.value for c in view.accepted() if c.code == "A.accepted"] == [88]


# ----- the questions ---------------------------------------------------------------------------------------
def test_another_units_file_is_imported_only_when_confirmed(store: Store, county: Path, messages: list[tuple[str, str]],
                                                            open_dialog: Callable[..., ImportDialog]) -> None:
    mine = factories.unit("槐店回族镇人民政府")
    mine.short_name = "槐店镇"
    store.save_unit(mine)
    before = factories.dump(store)
    d = open_dialog(store, open_import(county), unit=mine)
    assert d.unit.currentText() == "槐店回族镇人民政府"
    assert d.other_unit.isVisible() and d.other_label.isVisible()
    assert "沈丘县人民政府办公室" in d.other_label.text() and "槐店回族镇人民政府" in d.other_label.text()
    assert d.other_label.text().endswith("也可以在上面另选单位。")
    press_import(d)
    assert messages and messages[-1][0] == "请确认单位" and d.isVisible()
    assert factories.dump(store) == before
    # choosing to make it a unit of its own instead: no question
    d.unit.setCurrentIndex(d.unit.findText("新建单位：沈丘县人民政府办公室"))
    assert not d.other_unit.isVisible() and not d.other_label.isVisible()
    d.unit.setCurrentIndex(d.unit.findText("槐店回族镇人民政府"))
    click(d.other_unit)
    assert d.other_unit.isChecked()
    d.next_year.setChecked(False)
    press_import(d)
    assert not d.isVisible()
    assert [u.name for u in store.units()] == ["槐店回族镇人民政府"]
    assert [(r.unit_id, r.year) for r in store.reports()] == [(mine.id, 2023)]


@pytest.mark.parametrize("choice", ["replace", "keep_both"])
def test_a_year_already_there_is_replaced_or_kept(store: Store, county: Path, choice: str,
                                                  messages: list[tuple[str, str]],
                                                  open_dialog: Callable[..., ImportDialog]) -> None:
    from fzdesk.exchange.apply import apply_import

    first = apply_import(store, open_import(county))
    store.update_report(first, recipient="旧的主送")
    before = factories.dump(store)
    d = open_dialog(store, open_import(county))
    assert d.unit.currentText() == "沈丘县人民政府办公室"  # the stored unit the file names
    assert d.replace.isVisible() and d.keep_both.isVisible()
    assert "已经有2023年度的报告" in d.existing_label.text()
    press_import(d)
    assert messages[-1][0] == "请选择怎样处理已有的报告" and d.isVisible()
    assert factories.dump(store) == before
    click(getattr(d, choice))
    d.next_year.setChecked(False)
    press_import(d)
    assert not d.isVisible()
    reports = store.reports()
    if choice == "replace":
        assert [r.id for r in reports] == [d.report_id]
        assert store.load_report(d.report_id or 0).recipient == "沈丘县人民政府"
    else:
        assert sorted(r.id for r in reports) == sorted([first, d.report_id])
        assert store.load_report(first).recipient == "旧的主送"


def test_replacing_a_report_keeps_a_backup_first(store: Store, county: Path, messages: list[tuple[str, str]],
                                                monkeypatch: pytest.MonkeyPatch,
                                                open_dialog: Callable[..., ImportDialog]) -> None:
    """QA (frozen build): 替换原有的报告 deleted the report with no copy, though 恢复备份 says 删除报告…之前也会先备份;
    the only backup offered was the morning's, taken before the report was written. Now the whole store is copied
    first, offered as 删除2023年度报告之前的数据; a copy that cannot be made stops the import."""
    from fzdesk.exchange.apply import apply_import
    from fzdesk.storage import backup
    from fzdesk.storage.backup_list import restorable

    first = apply_import(store, open_import(county))
    store.update_report(first, recipient="旧的主送")
    before = factories.dump(store)

    def full(*_a: object, **_k: object) -> Path:
        raise OSError(28, "No space left on device")

    d = open_dialog(store, open_import(county))
    click(d.replace)
    d.next_year.setChecked(False)
    with monkeypatch.context() as m:
        m.setattr(backup, "copy_database", full)
        press_import(d)
    assert messages[-1][0] == "没有导入" and "没能先备份数据" in messages[-1][1]
    assert d.isVisible() and factories.dump(store) == before
    press_import(d)
    assert not d.isVisible() and [r.id for r in store.reports()] == [d.report_id]
    (copy,) = [r for r in restorable(store.backup_folder) if "删除" in r.label]
    assert copy.label.endswith("删除2023年度报告之前的数据")
    kept = sqlite3.connect(copy.path)
    try:
        assert kept.execute("SELECT recipient FROM reports WHERE id = ?", (first,)).fetchone() == ("旧的主送",)
    finally:
        kept.close()


def _exported_then_edited(tmp_path: Path) -> Path:
    u = factories.unit()
    r = factories.report(u, 2023)
    path = tmp_path / "exported.docx"
    path.write_bytes(export_docx(r, u).data)
    document = docx.Document(str(path))
    edited = [p for p in document.paragraphs if "第二项的内容。" in p.text]
    assert edited
    edited[0].text = edited[0].text.replace("第二项的内容。", "在 Word 里改写后的内容。")
    document.save(str(path))
    return path


def test_an_exported_docx_edited_afterwards_asks_which_text(store: Store, tmp_path: Path, qtbot: QtBot,
                                                            open_dialog: Callable[..., ImportDialog]) -> None:
    d = open_dialog(store, open_import(_exported_then_edited(tmp_path)))
    assert "fzdesk 导出的 Word 文档" in d.kind.text()
    assert d.version_label.isVisible() and d.embedded.isChecked()
    assert d.tabs.tabText(1) == "数据表（5）"  # the embedded figure sheet
    sheet = d.tabs.figures.table
    assert [sheet.item(r, 0).text() for r in range(2)] == ["受理", "审结"]  # type: ignore[union-attr]
    assert sheet.item(0, 1).text() == "88件"  # type: ignore[union-attr]

    def all_text() -> str:
        return "\n".join(s.heading + "".join(p for i in s.items for p in (i.title, *i.paragraphs))
                          for s in d.preview.report.sections)

    assert "改写后的内容" not in all_text()
    click(d.edited)
    assert "在Word里改写后的内容" in all_text().replace(" ", "")
    assert any("改写后的内容" in (it.data(0, Qt.ItemDataRole.UserRole) or "")
               for it in d.tabs.content.tree.findItems("", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive))
    d.next_year.setChecked(False)
    press_import(d)
    stored = store.load_report(d.report_id or 0)
    texts = [p for s in stored.sections for i in s.items for p in (i.title, *i.paragraphs)]
    assert any("改写后的内容" in t for t in texts)
    assert stored.figures["A.accepted"].value == 88  # the sheet still from the embedded data


def test_the_dialog_lists_what_was_changed_in_word(store: Store, tmp_path: Path, qtbot: QtBot,
                                                  open_dialog: Callable[..., ImportDialog]) -> None:
    path = _exported_then_edited(tmp_path)
    document = docx.Document(str(path))
    document.paragraphs[-1].text = "2024年1月8日"
    document.save(str(path))
    before = factories.dump(store)
    d = open_dialog(store, open_import(path))
    assert d.changes.isVisible()
    assert d.changes.text().splitlines() == [
        "在 Word 中改动的地方：",
        "· 一、单位主要负责人履行推进法治建设第一责任人职责情况 · （二）：正文有改动（第1段）",
        "· 成文日期：2023年12月15日 → 2024年1月8日"]
    click(d.edited)  # the list says what the document's text changes, whichever is chosen
    assert "成文日期：2023年12月15日 → 2024年1月8日" in d.changes.text()
    assert d.date.text() == "2024年1月8日"
    assert factories.dump(store) == before  # nothing written before 导入
    d.next_year.setChecked(False)
    press_import(d)
    assert store.load_report(d.report_id or 0).date == dt.date(2024, 1, 8)


def test_no_change_list_for_a_file_not_edited_in_word(store: Store, tmp_path: Path,
                                                      open_dialog: Callable[..., ImportDialog]) -> None:
    u = factories.unit()
    path = tmp_path / "exported.docx"
    path.write_bytes(export_docx(factories.report(u, 2023), u).data)
    d = open_dialog(store, open_import(path))
    assert not d.changes.isVisible() and d.changes.text() == ""


def test_the_embedded_data_is_kept_by_default(store: Store, tmp_path: Path,
                                              open_dialog: Callable[..., ImportDialog]) -> None:
    d = open_dialog(store, open_import(_exported_then_edited(tmp_path)))
    d.next_year.setChecked(False)
    press_import(d)
    stored = store.load_report(d.report_id or 0)
    texts = [p for s in stored.sections for i in s.items for p in i.paragraphs]
    assert "第二项的内容。" in texts and not any("改写后" in t for t in texts)


def test_a_year_not_recognised_must_be_typed(store: Store, tmp_path: Path, messages: list[tuple[str, str]],
                                             open_dialog: Callable[..., ImportDialog]) -> None:
    path = tmp_path / "noyear.txt"
    path.write_text("某某镇人民政府\n关于法治政府建设情况的报告\n县人民政府：\n今年以来，我镇扎实推进法治政府建设。\n"
                    "一、主要举措和成效\n（一）加强领导\n全年召开会议5次。\n二、存在的问题\n一是意识不强。\n"
                    "三、下一年度工作安排\n（一）继续加强学习\n特此报告。\n某某镇人民政府\n", encoding="utf-8")
    d = open_dialog(store, open_import(path))
    assert d.year.text() == "未识别"
    assert d.title_label.text() == "某某镇人民政府关于法治政府建设情况的报告"  # the file's own title, kept
    assert not d.next_year.isEnabled()
    press_import(d)
    assert messages[-1][0] == "请填写年度" and store.reports() == []
    d.year.selectAll()
    type_text(d.year, "2023")
    assert d.year.value() == 2023
    assert d.next_year.isEnabled() and d.next_year.text().startswith("接着以它为基础新建2024年度")
    d.next_year.setChecked(False)
    press_import(d)
    assert [r.year for r in store.reports()] == [2023]


# ----- importing and starting next year ---------------------------------------------------------------------
def test_import_and_start_next_year_in_one_go(store: Store, county: Path,
                                              open_dialog: Callable[..., ImportDialog]) -> None:
    d = open_dialog(store, open_import(county))
    assert d.next_year.isChecked() == (default_year() >= 2024)  # last year's file: the new year follows
    assert "保存为2023年度的报告" in d.next_note.text() and "落实清单" in d.next_note.text()
    assert not d.copy_text.isEnabled() or d.next_year.isChecked()
    if not d.next_year.isChecked():
        click(d.next_year)
    click(d.copy_text)
    press_import(d)
    assert not d.isVisible()
    years = {r.year: r.id for r in store.reports()}
    assert set(years) == {2023, 2024} and d.imported_id == years[2023] and d.report_id == years[2024]
    new = store.load_report(years[2024])
    measures = new.section(Block.MEASURES)
    assert measures is not None and measures.items[0].title.startswith("坚持高位推动")
    assert measures.items[0].carried_over and measures.items[0].paragraphs  # copied as a first draft: 未更新
    assert [c.plan for c in plan_checks(store, years[2024])] == [
        "完善法治法宣工作机制", "进一步强化推进依法行政", "不断加强法治宣传教育"]


def test_next_year_from_another_units_file_signs_with_this_unit(store: Store, county: Path,
                                                                open_dialog: Callable[..., ImportDialog]) -> None:
    """QA: 红旗街道办事处 imported 青山镇's file (confirmed) and ticked 接着新建: the new report's 标题, 署名 and 开头
    said 青山镇人民政府. The new year now signs with this unit; the imported report keeps its signature, and the check
    says it is not the unit's."""
    from fzdesk.checks.structure import structure_findings

    mine = factories.unit("红旗街道办事处", UnitType.TOWNSHIP)
    mine.short_name = "红旗街道"
    store.save_unit(mine)
    d = open_dialog(store, open_import(county), unit=mine, for_year=2024)  # the file is 沈丘县人民政府办公室's
    assert d.other_unit.isVisible()
    click(d.other_unit)
    if not d.next_year.isChecked():
        click(d.next_year)
    assert not d.copy_text.isChecked()
    press_import(d)
    assert not d.isVisible()
    imported, new = store.load_report(d.imported_id or 0), store.load_report(d.report_id or 0)
    assert (imported.year, new.year) == (2023, 2024) and new.unit_id == mine.id
    assert imported.organs == ["沈丘县人民政府办公室"]  # the file as it was
    assert new.organs == ["红旗街道办事处"]
    assert new.title == "" and new.display_title == "红旗街道办事处关于2024年度法治政府建设情况的报告"
    opening = new.section(Block.OPENING)
    assert opening is not None and "红旗街道办事处" in opening.items[0].paragraphs[0]
    assert "沈丘县人民政府办公室" not in opening.items[0].paragraphs[0]
    unit = store.unit(mine.id or 0)

    def organ_rules(report_id: int) -> list[str]:
        found = structure_findings(store.load_report(report_id), unit)
        return [f.message for f in found if f.rule == "structure.organs_unit"]

    assert organ_rules(d.imported_id or 0) == [
        "署名机关“沈丘县人民政府办公室”与本单位“红旗街道办事处”不符：请在“报告信息”一步改为本单位的署名。"]
    assert organ_rules(d.report_id or 0) == []


def test_from_the_menu_the_unit_the_file_names_comes_first(store: Store, county: Path,
                                                           open_dialog: Callable[..., ImportDialog]) -> None:
    mine = factories.unit("槐店回族镇人民政府")
    store.save_unit(mine)
    named = factories.unit()  # 沈丘县人民政府办公室, as the file says
    store.save_unit(named)
    d = open_dialog(store, open_import(county), unit=mine)  # 槐店 is open in the window
    assert d.unit.isEnabled() and d.unit.currentText() == "沈丘县人民政府办公室"
    assert d.unit.findText("新建单位：沈丘县人民政府办公室") == -1  # the file's unit is stored: no new one
    assert not d.other_unit.isVisible()
    d2 = open_dialog(store, open_import(county), unit=mine, for_year=2024)  # 新建年度报告 of 槐店
    assert not d2.unit.isEnabled() and d2.unit.currentText() == "槐店回族镇人民政府" and d2.other_unit.isVisible()
    # QA (frozen build): the locked list was offered as "也可以在上面另选单位"
    assert "另选单位" not in d2.other_label.text() and d2.other_label.text().endswith("选错了文件就按“取消”。")


def test_next_year_is_not_offered_when_it_exists(store: Store, county: Path,
                                                 open_dialog: Callable[..., ImportDialog]) -> None:
    u = factories.unit()
    store.save_unit(u)
    store.create_report(factories.report(u, 2024))
    d = open_dialog(store, open_import(county))
    assert d.unit.currentText() == u.name
    assert not d.next_year.isEnabled() and not d.next_year.isChecked() and not d.copy_text.isEnabled()
    assert "已经有2024年度的报告" in d.next_note.text()
    press_import(d)
    assert sorted(r.year for r in store.reports()) == [2023, 2024]
    assert d.report_id == d.imported_id


def test_a_failed_import_changes_nothing(store: Store, county: Path, messages: list[tuple[str, str]],
                                         monkeypatch: pytest.MonkeyPatch,
                                         open_dialog: Callable[..., ImportDialog]) -> None:
    before = factories.dump(store)
    d = open_dialog(store, open_import(county))
    d.tabs.figures.set_accepted(6, True)
    d.next_year.setChecked(True)

    def broken(*_a: object, **_k: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(import_dialog, "start_new_year", broken)  # fails after the import itself was written
    press_import(d)
    assert messages[-1][0] == "导入失败" and "数据没有任何改动" in messages[-1][1]
    assert "disk is full" in messages[-1][1]
    assert d.isVisible() and factories.dump(store) == before
    monkeypatch.setattr(Store, "create_report", broken)  # and when the import itself fails
    d.next_year.setChecked(False)
    press_import(d)
    assert len(messages) == 2 and factories.dump(store) == before
    QTest.keyClick(d, Qt.Key.Key_Escape)
    assert not d.isVisible() and factories.dump(store) == before


# ----- from the window ---------------------------------------------------------------------------------------
def test_menu_import_ctrl_o_opens_the_imported_report(store: Store, county: Path, qtbot: QtBot,
                                                      make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(store)
    modals = Modals()

    def confirm(d: ImportDialog) -> None:
        assert d.file_unit.text() == "沈丘县人民政府办公室"
        d.next_year.setChecked(False)
        QTest.mouseClick(d.import_button, LEFT)

    modals.then(QFileDialog, pick_file(county)).then(ImportDialog, confirm)
    modals.start()
    QTest.keyClick(w, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: modals.done)
    assert not modals.errors, modals.errors
    [summary] = store.reports()
    assert summary.year == 2023 and summary.unit_name == "沈丘县人民政府办公室"
    assert w.session.report is not None and w.session.report.id == summary.id
    assert w.unit_combo.currentText() == "沈丘县人民政府办公室" and w.year_combo.currentText() == "2023年度"
    assert w.steps[w.current].key == "report"


def test_cancel_at_any_point_changes_nothing(filled_store: Store, county: Path, qtbot: QtBot,
                                             make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    opened = w.session.report.id if w.session.report else None
    before = factories.dump(filled_store)
    for steps in ([(QFileDialog, cancel)], [(QFileDialog, pick_file(county)), (ImportDialog, cancel)]):
        modals = Modals()
        for kind, act in steps:
            modals.then(kind, act)
        modals.start()
        w.import_action.trigger()
        qtbot.waitUntil(lambda m=modals: m.done)  # type: ignore[misc]
        assert not modals.errors, modals.errors
        assert factories.dump(filled_store) == before
        assert w.session.report is not None and w.session.report.id == opened


def _docx_of(lines: list[str]) -> bytes:
    import io

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content", "says"), [
    ("report.pdf", b"%PDF-1.7\n...", "PDF"),
    ("empty.docx", b"", "空的"),
    ("broken.docx", b"PK\x03\x04" + b"\x00" * 40 + b"not really a zip", "损坏"),
    ("renamed.docx", b"%PDF-1.4 a pdf with a .docx name", "PDF"),
    ("notes.txt", b"\n\n", "没有文字"),
    # an encrypted .docx was called "an old .doc, save it as .docx"; a 会议纪要 was previewed as a report
    ("加密.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le")
     + b"\0" * 512, "打开密码"),
    ("纪要.docx", _docx_of(["会议纪要", "会议讨论了办公楼维修事项。", "一、维修预算", "预算共计5万元。"]),
     "不像是法治政府建设情况报告"),
])
def test_a_bad_file_gets_a_message_and_changes_nothing(filled_store: Store, tmp_path: Path, qtbot: QtBot,
                                                       name: str, content: bytes, says: str,
                                                       messages: list[tuple[str, str]],
                                                       make_window: Callable[[Store], MainWindow]) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    w = make_window(filled_store)
    before = factories.dump(filled_store)
    modals = Modals().then(QFileDialog, pick_file(path))
    modals.start()
    w.import_action.trigger()
    qtbot.waitUntil(lambda: modals.done)
    assert not modals.errors, modals.errors
    assert len(messages) == 1
    title, text = messages[0]
    assert title == "不能导入这个文件" and name in text and says in text and "数据没有任何改动" in text
    assert "旧版" not in text  # (only a real old .doc is called one)
    assert factories.dump(filled_store) == before
    assert not [d for d in QApplication.topLevelWidgets() if isinstance(d, ImportDialog) and d.isVisible()]
    assert factories.dump(filled_store) == before
