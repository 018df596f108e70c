"""单位信息 and 报告信息 say what they still need (the step list says only 进行中), and the cursor goes there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fzdesk.domain.progress import Progress
from fzdesk.storage.store import Store
from fzdesk.ui.dialogs import NewUnitDialog
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.report_page import ReportPage
from fzdesk.ui.pages.unit_page import UnitPage
from tests import factories
from tests.ui.helpers import type_text
from tests.ui.modal import Modals


def test_first_start_types_into_the_name_and_the_page_says_what_is_still_missing(
        store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    w = make_window(store)
    page = w.current_page()
    assert isinstance(page, UnitPage)
    assert QApplication.focusWidget() is page.name  # not the empty 单位 switcher: the clerk just starts typing
    assert page.missing.text().startswith("还需填写：单位全称、发文机关、常用主送机关。")

    type_text(QApplication.focusWidget(), "沈丘县周营镇人民政府")
    assert page.missing.text().startswith("还需填写：发文机关、常用主送机关。")
    assert w.state_of("unit") is Progress.PARTIAL
    type_text(page.organ1, "沈丘县周营镇人民政府")
    assert page.missing.text().startswith("还需填写：常用主送机关。")
    type_text(page.recipient, "沈丘县人民政府")
    assert page.missing.text() == "本步骤已填写完整。"
    assert w.state_of("unit") is Progress.DONE
    w.saver.flush()
    (unit,) = store.units()
    assert (unit.name, unit.organs, unit.recipient) == (
        "沈丘县周营镇人民政府", ["沈丘县周营镇人民政府"], "沈丘县人民政府")


def test_new_unit_leaves_the_cursor_in_the_first_field_still_needed(
        store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    factories.two_years(store)
    w = make_window(store)

    def fill(d: NewUnitDialog) -> None:
        type_text(d.name, "沈丘县司法局")
        QTest.keyClick(d, Qt.Key.Key_Return)

    modals = Modals().then(NewUnitDialog, fill)
    modals.start()
    QTest.mouseClick(w.new_unit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: modals.done)
    assert not modals.errors, modals.errors
    page = w.current_page()
    assert isinstance(page, UnitPage)
    assert page.name.text() == "沈丘县司法局"
    assert page.missing.text().startswith("还需填写：常用主送机关。")  # the dialog filled in 发文机关
    assert w.focusWidget() is page.recipient  # not left on the 新建单位… button
    w.activateWindow()  # (the window manager does this when the dialog closes; offscreen does not)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.recipient)
    type_text(page.recipient, "沈丘县人民政府")
    assert w.state_of("unit") is Progress.DONE
    assert page.missing.text() == "本步骤已填写完整。"
    w.saver.flush()
    (unit,) = [u for u in store.units() if u.name == "沈丘县司法局"]
    assert unit.recipient == "沈丘县人民政府"


def test_report_info_says_the_date_is_missing_until_it_is_given(
        store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    unit = factories.unit()
    store.save_unit(unit)
    report = factories.report(unit, 2025)
    report.date = None
    rid = store.create_report(report)
    w = make_window(store)
    w.go(1, focus=True)
    page = w.current_page()
    assert isinstance(page, ReportPage)
    assert w.state_of("report") is Progress.PARTIAL
    assert page.missing.text().startswith("还需填写：成文日期。")

    QTest.keyClick(w, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # 暂不填写(&U): untick, the date is given
    qtbot.waitUntil(lambda: not page.no_date.isChecked())
    assert page.missing.text() == "本步骤已填写完整。"
    assert w.state_of("report") is Progress.DONE
    page.recipient.setFocus()
    page.recipient.selectAll()
    QTest.keyClick(page.recipient, Qt.Key.Key_Delete)
    assert page.missing.text().startswith("还需填写：主送机关。")
    assert w.state_of("report") is Progress.PARTIAL
    w.saver.flush()
    saved = store.load_report(rid)
    assert saved.date is not None and saved.recipient == ""
