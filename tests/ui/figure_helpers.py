"""Fixtures and drivers for the figure sheet's tests: a report with a few figures, the sheet on it, clicks."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from fzdesk import resources
from fzdesk.domain.model import Approx, FigureState, FigureValue, Report
from fzdesk.storage.store import Store
from fzdesk.ui.figure_model import COL_VALUE
from fzdesk.ui.figure_sheet import FigureSheet
from tests import factories


def make_report(store: Store) -> Report:
    """A report of today's catalogue with the factory's figures and two of last year's."""
    u = factories.unit()
    store.save_unit(u)
    r = factories.report(u)
    r.catalogue_version = resources.catalogue().version  # written with today's catalogue
    r.figures["A.carried_in"] = FigureValue("A.carried_in", last_state=FigureState.NUMBER, last_value=Decimal(25))
    r.figures["A.open"] = FigureValue("A.open", last_state=FigureState.APPROX, last_value=Decimal(60000),
                                      last_approx=Approx.OVER)
    store.create_report(r)
    assert r.id is not None
    return store.load_report(r.id)


def make_sheet(qtbot: QtBot, store: Store, report: Report) -> FigureSheet:
    """The sheet on report, shown at 1366 x 768 in an active window (shortcuts reach it)."""
    widget = FigureSheet(store)
    qtbot.addWidget(widget)
    widget.set_report(report)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitActive(widget)
    return widget


def saved(store: Store, report: Report, code: str) -> FigureValue | None:
    assert report.id is not None
    return store.load_report(report.id).figures.get(code)


def shown(sheet: FigureSheet, code: str, column: int = COL_VALUE) -> str:
    return str(sheet.model.index_of(code, column).data())


def click(qtbot: QtBot, sheet: FigureSheet, code: str, column: int = COL_VALUE) -> None:
    index = sheet.model.index_of(code, column)
    sheet.view.scrollTo(index)
    qtbot.mouseClick(sheet.view.viewport(), Qt.MouseButton.LeftButton, pos=sheet.view.visualRect(index).center())
    assert sheet.view.currentIndex() == index


def editor(sheet: FigureSheet) -> QWidget:
    """The open cell editor (it has the keyboard focus)."""
    assert sheet.view.state() == sheet.view.State.EditingState, "no editor open"
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit | QComboBox)
    return widget


def type_in(qtbot: QtBot, text: str) -> None:
    """Types ASCII into whatever has the keyboard focus, as a user would (the first key opens the editor)."""
    for ch in text:
        target = QApplication.focusWidget()
        assert target is not None
        qtbot.keyClicks(target, ch)
