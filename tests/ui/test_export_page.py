"""Step 导出: options remembered per unit, drives listed, a preview, and the safe export as a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from fzdesk.exchange.embedded import read_embedded
from fzdesk.export.drives import Drive
from fzdesk.export.handoff import TargetExists
from fzdesk.export.options import FontSet, Variant, unit_options
from fzdesk.storage.store import Store
from fzdesk.ui.autosave import Autosaver
from fzdesk.ui.pages import export_page
from fzdesk.ui.pages.base import Session
from fzdesk.ui.pages.export_page import ExportPage

NAME = "沈丘县人民政府办公室关于2023年度法治政府建设情况的报告"


@pytest.fixture
def page(qtbot: QtBot, filled_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ExportPage:
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    monkeypatch.setattr(ExportPage, "list_drives", lambda self: [Drive(stick, "KINGSTON", 8 * 1024 ** 3)])
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


def test_export_writes_the_file_and_says_the_stick_may_be_removed(page: ExportPage, tmp_path: Path) -> None:
    page.pdf.setChecked(True)
    page.export_button.click()
    stick = tmp_path / "KINGSTON"
    assert sorted(p.name for p in stick.iterdir()) == [f"{NAME}.docx", f"{NAME}.pdf"]
    assert "可以安全拔出U盘" in page.status.text()
    found = read_embedded(stick / f"{NAME}.docx")
    assert found is not None and not found.text_changed


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
