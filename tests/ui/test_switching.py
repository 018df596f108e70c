"""Several units and years in one store: switch between them, create units and reports from the window."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fzdesk import resources
from fzdesk.domain.model import Block, UnitType
from fzdesk.storage.store import Store
from fzdesk.ui.dialogs import NewReportDialog, NewUnitDialog, default_year
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.report_page import ReportPage
from fzdesk.ui.pages.unit_page import UnitPage
from tests import factories
from tests.ui import modal
from tests.ui.helpers import key, type_text

LEFT = Qt.MouseButton.LeftButton


def in_dialog(kind: type, act: Callable[[object], None], errors: list[BaseException], test: int | None = None) -> None:
    """Runs act on the modal dialog of kind once it is open (closing it on any failure); stops waiting when the
    test ends."""
    test = modal.current_test[0] if test is None else test
    if modal.test_is_over(test):
        return
    dialogs = [d for d in QApplication.topLevelWidgets() if isinstance(d, kind) and d.isVisible()]
    if not dialogs:
        QTimer.singleShot(10, lambda: in_dialog(kind, act, errors, test))
        return
    try:
        act(dialogs[0])
    except BaseException as exc:
        errors.append(exc)
        dialogs[0].reject()  # type: ignore[attr-defined]


def test_switch_between_units_and_years(filled_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    other = factories.unit("某某镇人民政府", UnitType.TOWNSHIP)
    filled_store.save_unit(other)
    filled_store.create_report(factories.report(other, 2023))
    first = filled_store.units()[1]
    assert first.name == "沈丘县人民政府办公室"
    filled_store.set_setting("last_report", filled_store.reports(first.id)[0].id)  # what was open last time
    w = make_window(filled_store)
    assert w.session.unit is not None and w.session.unit.id == first.id
    assert [w.unit_combo.itemText(i) for i in range(w.unit_combo.count())] == ["某某镇人民政府", first.name]
    assert [w.year_combo.itemText(i) for i in range(w.year_combo.count())] == ["2023年度", "2022年度"]
    w.go(1)
    # the year: keyboard in the year combo opens the 2022 report of the same unit
    key(w.year_combo, Qt.Key.Key_Down)
    assert w.session.report is not None and w.session.report.year == 2022
    assert w.steps[w.current].key == "report"  # the same step stays open
    page = w.current_page()
    assert isinstance(page, ReportPage) and page.year.value() == 2022
    # the unit: its latest report opens
    key(w.unit_combo, Qt.Key.Key_Up)
    assert w.session.unit is not None and w.session.unit.name == "某某镇人民政府"
    assert w.session.report is not None and w.session.report.year == 2023
    assert w.session.report.unit_id == other.id
    assert [w.year_combo.itemText(i) for i in range(w.year_combo.count())] == ["2023年度"]
    # the choice is remembered for the next start
    assert filled_store.setting("last_report") == w.session.report.id


def test_an_edit_is_saved_before_switching(filled_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    w.go(0)
    page = w.current_page()
    assert isinstance(page, UnitPage)
    type_text(page.contact, "（办公室）")
    assert w.saver.pending
    key(w.year_combo, Qt.Key.Key_Down)
    assert not w.saver.pending
    assert filled_store.units()[0].contact.endswith("（办公室）")


def test_new_unit_then_its_first_report(store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    w = make_window(store)
    errors: list[BaseException] = []

    def fill(d: object) -> None:
        assert isinstance(d, NewUnitDialog)
        d.accept()  # empty name: refused with a message, the dialog stays open
        assert warned and "单位全称" in warned[0] and d.isVisible()
        type_text(d.name, "某某街道办事处")
        d.unit_type.setCurrentIndex(0)
        d.accept()

    QTimer.singleShot(0, lambda: in_dialog(NewUnitDialog, fill, errors))
    qtbot.mouseClick(w.new_unit_button, LEFT)
    assert not errors, errors
    unit = store.units()[0]
    assert unit.name == "某某街道办事处" and unit.organs == ["某某街道办事处"]
    assert w.unit_combo.currentText() == "某某街道办事处"
    assert store.reports() == []
    w.next_button.click()  # on to 报告信息: this year's report is made from the unit's outline
    reports = store.reports(unit.id)
    assert [r.year for r in reports] == [default_year()]
    assert store.load_report(reports[0].id).catalogue_version == resources.catalogue().version
    assert w.steps[w.current].key == "report"

    def year_2023(d: object) -> None:
        assert isinstance(d, NewReportDialog)
        d.year.setValue(default_year())
        d.accept()  # taken: refused
        assert d.isVisible()
        d.year.setValue(2023)
        d.accept()

    warned.clear()
    QTimer.singleShot(0, lambda: in_dialog(NewReportDialog, year_2023, errors))
    qtbot.mouseClick(w.new_report_button, LEFT)
    assert not errors, errors
    assert warned and "已经有" in warned[0]
    assert sorted(r.year for r in store.reports(unit.id)) == sorted([2023, default_year()])
    report = w.session.report
    assert report is not None and report.year == 2023 and report.organs == ["某某街道办事处"]
    assert report.catalogue_version == resources.catalogue().version  # the new indicators are on its sheet
    measures = report.section(Block.MEASURES)
    assert measures is not None and "2023年度" in measures.heading and len(measures.items) == 7
    assert w.year_combo.currentText() == "2023年度"


def test_the_typed_year_changes_headings_still_worded_by_default(
        store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    unit = factories.unit()
    store.save_unit(unit)
    from fzdesk.domain.outline import new_report

    store.create_report(new_report(resources.outline(unit.unit_type), unit, 2024))
    w = make_window(store)
    w.go(1)
    page = w.current_page()
    assert isinstance(page, ReportPage)
    key(page.year, Qt.Key.Key_Down)  # 2024 -> 2023 with the arrow key
    report = store.load_report(store.reports()[0].id)
    assert report.year == 2023
    assert report.section(Block.MEASURES).heading.startswith("2023年度")  # type: ignore[union-attr]
    assert report.section(Block.PLANS).heading.startswith("2024年度")  # type: ignore[union-attr]
    assert w.year_combo.currentText() == "2023年度"


def test_the_switcher_follows_a_new_units_name_as_typed(store: Store,
                                                         make_window: Callable[[Store], MainWindow]) -> None:
    """QA: on first start the 单位 combo showed only the first character typed until a restart."""
    w = make_window(store)
    page = w.current_page()
    assert isinstance(page, UnitPage)
    type_text(page.name, "沈丘县人民政府")
    assert w.unit_combo.currentText() == "沈丘县人民政府"
    assert w.unit_combo.count() == 1
    w.session.saver.flush()
    assert [u.name for u in store.units()] == ["沈丘县人民政府"]
    key(page.name, Qt.Key.Key_Backspace)
    assert w.unit_combo.currentText() == "沈丘县人民政"


def test_enter_on_a_step_moves_into_the_page(filled_store: Store,
                                             make_window: Callable[[Store], MainWindow]) -> None:
    """QA: Enter in the step list opened the page but left the keyboard in the list."""
    w = make_window(filled_store)
    w.go(0)
    key(w.step_list, Qt.Key.Key_Down)
    assert w.steps[w.current].key == "report"
    assert QApplication.focusWidget() is w.step_list
    key(w.step_list, Qt.Key.Key_Return)
    focused = QApplication.focusWidget()
    assert focused is not None and w.current_page().isAncestorOf(focused)

