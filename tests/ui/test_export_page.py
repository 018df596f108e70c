"""Step 导出: options remembered per unit, drives listed, a preview, what the checks left, and the safe export
as a user runs it, alone and in the window."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from fzdesk import portable
from fzdesk.domain.model import Block, Dismissal, FigureState, FigureValue
from fzdesk.domain.progress import Progress
from fzdesk.exchange.embedded import read_embedded
from fzdesk.export.drives import Drive
from fzdesk.export.handoff import TargetExists
from fzdesk.export.options import FontSet, Variant, unit_options
from fzdesk.storage.store import Store
from fzdesk.ui import style
from fzdesk.ui.autosave import Autosaver
from fzdesk.ui.help import HelpDialog
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages import export_page
from fzdesk.ui.pages.base import Session
from fzdesk.ui.pages.block_page import BlockPage
from fzdesk.ui.pages.export_page import ExportPage
from tests.ui import modal
from tests.ui.helpers import type_text

NAME = "沈丘县人民政府办公室关于2023年度法治政府建设情况的报告"


@pytest.fixture
def page(qtbot: QtBot, filled_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ExportPage:
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    monkeypatch.setattr(ExportPage, "list_drives", lambda self: [Drive(stick, "KINGSTON", 8 * 1024 ** 3)])
    monkeypatch.setattr(portable, "is_removable", lambda path: Path(path) == stick)
    unit = filled_store.units()[0]
    summary = next(r for r in filled_store.reports() if r.year == 2023)
    session = Session(filled_store, Autosaver(), unit, filled_store.load_report(summary.id))
    p = ExportPage(session)
    qtbot.addWidget(p)
    p.show()
    return p


def test_the_stick_is_offered_and_chosen(page: ExportPage, tmp_path: Path) -> None:
    assert page.drives.count() == 1 and "KINGSTON" in page.drives.itemText(0)
    assert page.folder.text() == str(tmp_path / "KINGSTON")


def test_options_are_remembered_for_the_unit(page: ExportPage, filled_store: Store) -> None:
    assert not page.doc_number.isEnabled()
    page.submitted.click()
    assert page.doc_number.isEnabled()
    page.doc_number.setText("沈政办〔2024〕1号")
    page.doc_number.textEdited.emit("沈政办〔2024〕1号")
    page.font_windows.click()
    page.annex.click()
    page.session.saver.flush()
    unit = page.session.unit
    assert unit is not None and unit.id is not None
    stored = unit_options(filled_store.unit(unit.id))
    assert stored.variant is Variant.SUBMITTED and stored.font_set is FontSet.WINDOWS
    assert stored.figures_annex and stored.doc_number == "沈政办〔2024〕1号"


def test_preview_shows_the_pages(page: ExportPage) -> None:
    page.preview_button.click()
    pages = page.pages_widget.findChildren(QLabel)
    assert len(pages) >= 2
    assert "预览：共" in page.status.text()


def test_a_folder_on_the_pc_gets_no_word_of_pulling_a_stick(page: ExportPage, tmp_path: Path) -> None:
    desktop = tmp_path / "桌面"
    desktop.mkdir()
    page.folder.setText(str(desktop))
    page.export_button.click()
    assert sorted(p.name for p in desktop.iterdir()) == [f"{NAME}.docx"]
    assert page.status.text() == f"已保存“{NAME}.docx”到“{desktop}”，并已读回核对无误。"


def test_export_writes_the_file_and_says_the_stick_may_be_removed(page: ExportPage, tmp_path: Path) -> None:
    page.pdf.setChecked(True)
    page.export_button.click()
    stick = tmp_path / "KINGSTON"
    assert sorted(p.name for p in stick.iterdir()) == [f"{NAME}.docx", f"{NAME}.pdf"]
    assert "可以安全拔出U盘" in page.status.text()
    found = read_embedded(stick / f"{NAME}.docx")
    assert found is not None and not found.text_changed


def test_a_submitted_copy_exported_from_the_page_has_its_record_on_an_even_page(page: ExportPage, qtbot: QtBot,
                                                                                tmp_path: Path) -> None:
    """The page hands Qt's layout to the .docx writer: the 2023 report's text ends on page 2 and its 版记 does
    not fit under it, so the .docx leaves page 3 blank and unnumbered and puts the 版记 on page 4; the preview
    shows the same four pages."""
    qtbot.mouseClick(page.submitted, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert "预览：共4页" in page.status.text()
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert "已保存" in page.status.text()
    with zipfile.ZipFile(tmp_path / "KINGSTON" / f"{NAME}.docx") as z:
        document = z.read("word/document.xml").decode("utf-8")
        assert "word/footer3.xml" in z.namelist()
    assert document.count("<w:sectPr>") == 2 and "印发" in document


@pytest.mark.parametrize(("choice", "expected"), [
    (export_page.OVERWRITE, {f"{NAME}.docx"}),
    (export_page.NEW_NAME, {f"{NAME}.docx", f"{NAME}(2).docx"}),
    (export_page.CANCEL, {f"{NAME}.docx"}),
])
def test_a_file_of_that_name_asks(page: ExportPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  choice: str, expected: set[str]) -> None:
    stick = tmp_path / "KINGSTON"
    (stick / f"{NAME}.docx").write_bytes(b"old")
    asked: list[TargetExists] = []

    def ask(self: ExportPage, error: TargetExists) -> str:
        asked.append(error)
        return choice

    monkeypatch.setattr(ExportPage, "ask_existing", ask)
    page.export_button.click()
    assert len(asked) == 1 and asked[0].suggestion.name == f"{NAME}(2).docx"
    assert {p.name for p in stick.iterdir()} == expected
    old_kept = (stick / f"{NAME}.docx").read_bytes() == b"old"
    assert old_kept is (choice != export_page.OVERWRITE)
    assert ("已取消" in page.status.text()) is (choice == export_page.CANCEL)


def test_a_missing_folder_is_explained(page: ExportPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(ExportPage, "show_error", lambda self, message: shown.append(message))
    page.folder.setText(str(tmp_path / "pulled-out"))
    page.export_button.click()
    assert shown and "找不到目标文件夹" in shown[0]
    assert "没有导出" in page.status.text()


# ----- the 导出 step in the window ------------------------------------------------------------------------
SENTENCE = "需要说明的是：行政复议方面，受理88件，较去年减少339件，主要原因是复议渠道前移，案件减少。"
SLIP = "我办认真做好法制政府建设和行政执法三项制度工作。"
LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def checked_store(filled_store: Store) -> Store:
    """The 2023 report with an error (行政复议 results add up to 70 of 63 closed), a wording slip dismissed with
    a reason, and an explained large change (受理 88 against 427)."""
    summary = next(r for r in filled_store.reports() if r.year == 2023)
    filled_store.set_figure(summary.id, FigureValue("A.upheld", FigureState.NUMBER, Decimal(70)))
    filled_store.set_figure(summary.id, FigureValue(
        "A.accepted", FigureState.NUMBER, Decimal(88), last_state=FigureState.NUMBER, last_value=Decimal(427),
        explanation="复议渠道前移，案件减少"))
    report = filled_store.load_report(summary.id)
    section = report.section(Block.MEASURES)
    assert section is not None and section.items[0].id is not None
    filled_store.update_item(section.items[0].id, paragraphs=[*section.items[0].paragraphs, SLIP])
    filled_store.update_report(summary.id, dismissals=[
        Dismissal(f"wording.fazhi|measures|item{section.items[0].id}/p1|法制政府", "引用的是2019年文件的原文标题")])
    filled_store.set_setting("last_report", summary.id)
    return filled_store


@pytest.fixture
def window(checked_store: Store, make_window: Callable[[Store], MainWindow], tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    monkeypatch.setattr(ExportPage, "list_drives", lambda self: [Drive(stick, "KINGSTON", 8 * 1024 ** 3)])
    monkeypatch.setattr(portable, "is_removable", lambda path: Path(path) == stick)
    return make_window(checked_store)


def row_of(w: MainWindow, key: str) -> int:
    return next(i for i, s in enumerate(w.steps) if s.key == key)


def export_page_of(w: MainWindow) -> ExportPage:
    page = w.current_page()
    assert isinstance(page, ExportPage), type(page)
    return page


def click_row(qtbot: QtBot, w: MainWindow, key: str) -> None:
    item = w.step_list.item(row_of(w, key))
    w.step_list.scrollToItem(item)
    qtbot.mouseClick(w.step_list.viewport(), LEFT, pos=w.step_list.visualItemRect(item).center())


def answer_box(title: str, button: str, seen: list[str], errors: list[BaseException]) -> None:
    """Waits for the message box called title and clicks the button with that text, as a user would; it stops
    waiting when the test ends."""
    test = modal.current_test[0]

    def act() -> None:
        if modal.test_is_over(test):
            return
        boxes = [b for b in QApplication.topLevelWidgets()
                 if isinstance(b, QMessageBox) and b.isVisible() and b.windowTitle() == title]
        if not boxes:
            QTimer.singleShot(10, act)
            return
        box = boxes[0]
        try:
            seen.append(box.text())
            (target,) = [b for b in box.buttons() if b.text() == button]
            QTest.mouseClick(target, LEFT)
        except BaseException as exc:
            errors.append(exc)
            box.reject()

    QTimer.singleShot(0, act)


def docx_paragraphs(path: Path) -> list[str]:
    import docx  # python-docx reads the file as Word's object model sees it

    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_export_is_the_last_step_and_opens_from_the_step_list(window: MainWindow, qtbot: QtBot) -> None:
    w = window
    assert [s.key for s in w.steps][-2:] == ["check", "export"]
    assert w.step_list.item(row_of(w, "export")).text() == "导出\n未导出"
    click_row(qtbot, w, "export")
    page = export_page_of(w)
    assert w.page_title.text() == "导出"
    assert w.position.text() == f"第 {len(w.steps)} 步，共 {len(w.steps)} 步"
    assert not w.next_button.isEnabled() and w.back_button.isEnabled()
    assert "还有1个错误没有处理" in page.checks_summary.text()


def test_ctrl_pgdn_from_check_opens_export_and_ctrl_pgup_goes_back(window: MainWindow, qtbot: QtBot) -> None:
    w = window
    click_row(qtbot, w, "check")
    assert w.steps[w.current].key == "check"
    QTest.keyClick(w.current_page(), Qt.Key.Key_PageDown, CTRL)
    page = export_page_of(w)
    assert page.export_button.hasFocus()  # the step opened from the keyboard: Enter exports
    QTest.keyClick(page, Qt.Key.Key_PageUp, CTRL)
    assert w.steps[w.current].key == "check"


def test_dismissed_findings_are_listed_with_their_reasons(window: MainWindow, qtbot: QtBot) -> None:
    w = window
    click_row(qtbot, w, "export")
    page = export_page_of(w)
    assert page.dismissed_label.text().startswith("已忽略的问题 1 条")
    (text,) = [page.dismissed.item(i).text() for i in range(page.dismissed.count())]
    assert "【警告】“法制政府”应写作“法治政府”" in text and "主要举措和成效 · 第1项 · 第2段" in text
    assert text.endswith("理由：引用的是2019年文件的原文标题")
    # the error dismissed in 检查 (with its reason) joins the list when 导出 is shown again
    click_row(qtbot, w, "check")
    error = next(f for f in w.checks.runner.result.open_findings if f.rule == "A.results")
    assert w.checks.actions.dismiss_with(error, "维持数含上年结转案件")
    click_row(qtbot, w, "export")
    assert page.dismissed_label.text().startswith("已忽略的问题 2 条")
    texts = [page.dismissed.item(i).text() for i in range(page.dismissed.count())]
    assert ("【错误】行政复议审结63件，但各类结果合计70件，相差7件。（数据 · 行政复议 · 审结）\n"
            "理由：维持数含上年结转案件") in texts
    assert page.checks_summary.text() == "没有未处理的错误和警告。"


@pytest.mark.parametrize(("button", "written"), [("转到检查(&G)", False), ("仍然导出(&E)", True), ("取消(&C)", False)])
def test_errors_left_are_named_before_exporting(window: MainWindow, qtbot: QtBot, tmp_path: Path, button: str,
                                                written: bool) -> None:
    w = window
    click_row(qtbot, w, "export")
    page = export_page_of(w)
    seen: list[str] = []
    errors: list[BaseException] = []
    answer_box("还有错误没有处理", button, seen, errors)
    qtbot.mouseClick(page.export_button, LEFT)
    assert not errors, errors
    assert seen and "1个错误" in seen[0] and "行政复议审结63件，但各类结果合计70件" in seen[0]
    assert (tmp_path / "KINGSTON" / f"{NAME}.docx").exists() is written
    assert w.steps[w.current].key == ("check" if button == "转到检查(&G)" else "export")
    stored = w.session.store.setting(f"export.last.{w.session.report.id}")  # type: ignore[union-attr]
    assert (stored is not None) is written
    assert w.state_of("export") is (Progress.DONE if written else Progress.EMPTY)
    if button == "取消(&C)":
        assert page.status.text() == "已取消导出。"


def test_the_export_carries_the_explanation_and_completes_the_step_until_the_text_changes(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, make_window: Callable[[Store], MainWindow]) -> None:
    w = window
    click_row(qtbot, w, "check")  # the error dismissed with its reason: nothing is left to warn about
    error = next(f for f in w.checks.runner.result.open_findings if f.rule == "A.results")
    assert w.checks.actions.dismiss_with(error, "维持数含上年结转案件")
    click_row(qtbot, w, "export")
    page = export_page_of(w)
    qtbot.mouseClick(page.export_button, LEFT)
    path = tmp_path / "KINGSTON" / f"{NAME}.docx"
    assert "可以安全拔出U盘" in page.status.text()
    paragraphs = docx_paragraphs(path)
    assert SENTENCE in paragraphs
    measures_last = paragraphs.index(SENTENCE)
    assert paragraphs[measures_last + 1].startswith("三、")
    found = read_embedded(path)
    assert found is not None and not found.text_changed
    data = json.loads(found.json_text)
    assert {d["reason"] for d in data["dismissals"]} == {"引用的是2019年文件的原文标题", "维持数含上年结转案件"}
    assert w.step_list.item(row_of(w, "export")).text() == "导出\n已导出"
    w.close()  # started again on the same data: the report read back is what was exported
    w = make_window(w.session.store)
    assert w.state_of("export") is Progress.DONE
    # a changed text: the export is out of date
    click_row(qtbot, w, Block.SHORTCOMINGS.value)
    block = w.current_page()
    assert isinstance(block, BlockPage)
    block.text.moveCursor(QTextCursor.MoveOperation.End)
    type_text(block.text, "另有一处不足。")
    click_row(qtbot, w, "export")
    assert w.state_of("export") is Progress.PARTIAL
    assert w.step_list.item(row_of(w, "export")).text() == "导出\n导出后有修改"


def test_the_annex_choice_leaves_the_sentence_out(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    w = window
    click_row(qtbot, w, "check")
    check = w.current_page()
    combo = check.explanations  # type: ignore[attr-defined]
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("annex"))
    assert w.session.store.unit(w.session.unit.id).options["explanations"] == "annex"  # type: ignore[union-attr]
    seen: list[str] = []
    errors: list[BaseException] = []
    answer_box("还有错误没有处理", "仍然导出(&E)", seen, errors)
    click_row(qtbot, w, "export")
    page = export_page_of(w)
    assert page.annex.isChecked()  # choosing the annex for the explanations switched it on
    qtbot.mouseClick(page.export_button, LEFT)
    assert not errors, errors
    paragraphs = docx_paragraphs(tmp_path / "KINGSTON" / f"{NAME}.docx")
    assert not any(p.startswith("需要说明的是") for p in paragraphs)


def test_preview_in_the_window_shows_whole_pages_with_the_sentence(window: MainWindow, qtbot: QtBot) -> None:
    w = window
    click_row(qtbot, w, "export")
    page = export_page_of(w)
    assert page.placeholder.isVisible()
    page.export_button.setFocus()
    QTest.keyClick(page.export_button, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # 预览(&Y)
    qtbot.waitUntil(lambda: bool(page.page_labels()), timeout=3000)  # a mnemonic clicks after a short animation
    labels = page.page_labels()
    assert len(labels) >= 3 and not page.placeholder.isVisible()
    assert page.status.text() == f"预览：共{len(labels)}页。"
    pixmap = labels[0].pixmap()
    assert pixmap.width() <= page.pages_area.viewport().width()  # a whole page across the pane
    assert abs(pixmap.height() / pixmap.width() - 297 / 210) < 0.01


def test_f1_on_export_explains_the_step(window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(HelpDialog, "exec", lambda self: shown.append(self.browser.toPlainText()) or 0)
    w = window
    click_row(qtbot, w, "export")
    QTest.keyClick(export_page_of(w).export_button, Qt.Key.Key_F1)
    assert shown and "导出前检查" in shown[0] and "已忽略的问题和忽略理由" in shown[0]


def test_the_page_mnemonics_do_not_clash_with_the_window(window: MainWindow, qtbot: QtBot) -> None:
    """Two visible Alt+letter mnemonics would only move the focus between them instead of acting."""
    w = window
    click_row(qtbot, w, "export")
    texts = [m.title() for m in w.menuBar().findChildren(QMenu) if m.menuAction().isVisible()
             and m.parent() is w.menuBar()]
    texts += [b.text() for b in w.findChildren(QAbstractButton) if b.isVisible()]
    texts += [lbl.text() for lbl in w.findChildren(QLabel) if lbl.isVisible() and lbl.buddy() is not None]
    letters = [m.group(1).upper() for t in texts if (m := re.search(r"&(\w)", t))]
    assert len(letters) >= 15
    assert sorted(letters) == sorted(set(letters)), sorted(letters)
    seen: list[str] = []
    errors: list[BaseException] = []
    answer_box("还有错误没有处理", "取消(&C)", seen, errors)
    page = export_page_of(w)
    w.activateWindow()  # a mnemonic goes to the active window only (another test's window may still hold it)
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    page.export_button.setFocus()
    QTest.keyClick(page.export_button, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # 导出(&X)
    qtbot.waitUntil(lambda: page.status.text() == "已取消导出。", timeout=10000)
    assert not errors and seen


def test_the_record_imprint_is_set_by_the_clerk_and_saved(page: ExportPage, filled_store: Store,
                                                           qtbot: QtBot) -> None:
    """报送稿: 版记's 印发机关 (per unit, default the organ's 办公室) and 印发日期 (per report, default 成文日期)."""
    report = page.session.report
    assert report is not None and report.id is not None
    assert not page.imprint.isEnabled() and not page.issuer.isEnabled()  # 公开稿 has no 版记
    qtbot.mouseClick(page.submitted, Qt.MouseButton.LeftButton)
    assert page.imprint.isChecked() and page.issuer.isEnabled()
    assert page.issuer.placeholderText() == "沈丘县人民政府办公室"  # an office prints its own report
    assert page.issued_same.isChecked() and not page.issued_on.isEnabled()
    page.issuer.setFocus()
    type_text(page.issuer, "县政府办文电科")
    page.session.saver.flush()
    assert unit_options(filled_store.unit(page.session.unit.id)).issuer == "县政府办文电科"  # type: ignore[union-attr,arg-type]
    qtbot.mouseClick(page.issued_same, Qt.MouseButton.LeftButton)  # 印发日期 of its own
    assert page.issued_on.isEnabled()
    page.issued_on.setFocus()
    QTest.keyClick(page.issued_on, Qt.Key.Key_Up)  # the year part: one year on
    expected = page.issued_on.date().toPython()
    assert filled_store.load_report(report.id).issued_on == expected
    qtbot.mouseClick(page.imprint, Qt.MouseButton.LeftButton)  # turned off: no 印发 line
    assert not page.issuer.isEnabled() and not page.issued_on.isEnabled()
    page.session.saver.flush()
    assert unit_options(filled_store.unit(page.session.unit.id)).imprint is False  # type: ignore[union-attr,arg-type]
    qtbot.mouseClick(page.imprint, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.issued_same, Qt.MouseButton.LeftButton)  # back to the 成文日期
    assert filled_store.load_report(report.id).issued_on is None


def test_last_years_doc_number_is_pointed_out(page: ExportPage, qtbot: QtBot) -> None:
    """The 发文字号 is remembered per unit; a number of another year than the 成文日期 (2023年12月15日) is named."""
    qtbot.mouseClick(page.submitted, Qt.MouseButton.LeftButton)
    assert page.doc_number_note.isHidden()
    page.doc_number.setFocus()
    type_text(page.doc_number, "沈政办〔2022〕1号")
    assert page.doc_number_note.isVisible()
    assert page.doc_number_note.text().startswith("发文字号的年份是2022年，成文日期是2023年12月15日")
    # in red, and at the page's text size (a style sheet on it kept it from 放大文字, as it did the 还有…个错误 line)
    assert page.doc_number_note.palette().color(page.doc_number_note.foregroundRole()).name() == style.ERROR_COLOUR
    font = page.font()
    font.setPointSize(font.pointSize() + 6)
    page.setFont(font)  # (what MainWindow.set_point_size does to the pages)
    assert page.doc_number_note.font().pointSize() == page.doc_number.font().pointSize() == font.pointSize()
    page.doc_number.selectAll()
    type_text(page.doc_number, "沈政办〔2023〕9号")
    assert page.doc_number_note.isHidden()


def test_the_red_summary_follows_the_text_size(window: MainWindow, qtbot: QtBot) -> None:
    """QA (frozen build, 1366x768): after 导出 (or 放大文字) the red 还有…个错误 line stayed at the old, smaller size:
    a style sheet on the label stopped the pages' font from reaching it."""
    w = window
    click_row(qtbot, w, "export")
    page = export_page_of(w)
    assert "还有1个错误没有处理" in page.checks_summary.text()
    page.refresh_checks()  # (as exporting does)
    w.set_point_size(w.point_size + 3)
    assert page.checks_summary.font().pointSize() == page.status.font().pointSize() == w.point_size
    red = page.checks_summary.palette().color(page.checks_summary.foregroundRole())
    assert red.name() == style.ERROR_COLOUR.lower()
    # no error left: the line goes back to the page's own colour
    error = next(f for f in page.result.open_findings if f.rule == "A.results")
    click_row(qtbot, w, "check")
    assert w.checks.actions.dismiss_with(error, "维持数含上年结转案件")
    click_row(qtbot, w, "export")
    assert page.checks_summary.text() == "没有未处理的错误和警告。"
    assert (page.checks_summary.palette().color(page.checks_summary.foregroundRole())
            == page.status.palette().color(page.status.foregroundRole()))


def test_larger_text_on_the_export_step_does_not_clip_the_form(window: MainWindow, qtbot: QtBot) -> None:
    """QA (frozen build, 1366x768): Ctrl++ three times on 导出 cut 转到检查, 刷新 and 选择文件夹 (the form's width was
    measured only when the page was shown) and a sideways scroll bar appeared under the form."""
    w = window
    w.resize(1366, 768)
    click_row(qtbot, w, "export")
    page = export_page_of(w)
    for _ in range(3):
        w.set_point_size(w.point_size + 1)
    QApplication.processEvents()
    assert page.form_area.minimumWidth() >= page.form.minimumSizeHint().width()
    assert not page.form_area.horizontalScrollBar().isVisible()
    for button in (page.check_button, page.refresh_button, page.browse_button):
        assert button.width() >= button.minimumSizeHint().width(), button.text()


def test_no_stick_is_said_in_words_that_fit(qtbot: QtBot, checked_store: Store,
                                            make_window: Callable[[Store], MainWindow],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """QA (frozen build, 1366x768): with no stick in, the U盘 list read 没有找到U盘：请插入U盘后点“刷新”，或选择 and
    stopped there (the rest cut off by the list's width)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    monkeypatch.setattr(ExportPage, "list_drives", lambda self: [])
    w = make_window(checked_store)
    w.show()
    w.resize(1366, 768)
    click_row(qtbot, w, "export")
    page = export_page_of(w)
    qtbot.wait(20)
    combo = page.drives
    assert combo.count() == 1 and "没有找到U盘" in combo.currentText() and "刷新" in combo.currentText()
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    assert combo.fontMetrics().horizontalAdvance(combo.currentText()) <= field.width(), combo.currentText()
    assert "文件夹" in combo.toolTip()  # the whole hint, when the pointer rests on it
