"""The window's look without a style sheet: colours, fonts and text size set in code (fzdesk/ui/style.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from fzdesk.storage.store import Store
from fzdesk.ui import style
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.block_page import BlockPage
from fzdesk.ui.style import HINT_COLOUR, LIGHT_WINDOW
from tests.ui.helpers import key

PER_WIDGET_SHEETS = {"staleBadge", "previewPage"}  # small sheets that only colour their own widget


def colour(widget: QWidget, role: QPalette.ColorRole = QPalette.ColorRole.WindowText) -> str:
    return widget.palette().color(role).name()


def step_row(w: MainWindow, key_: str) -> int:
    return next(i for i, s in enumerate(w.steps) if s.key == key_)


def open_step(w: MainWindow, key_: str, qtbot: QtBot) -> QWidget:
    item = w.step_list.item(step_row(w, key_))
    w.step_list.scrollToItem(item)
    qtbot.mouseClick(w.step_list.viewport(), Qt.MouseButton.LeftButton, pos=w.step_list.visualItemRect(item).center())
    return w.current_page()


def test_no_widget_of_the_window_has_a_style_sheet_and_the_labels_keep_their_look(
        filled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    w = make_window(filled_store)
    page = open_step(w, w.steps[3].key, qtbot)  # 一、…: items, the item number, the preview
    assert isinstance(page, BlockPage)
    assert w.styleSheet() == "" and QApplication.instance().styleSheet() == ""  # type: ignore[union-attr]
    sheets = [c.objectName() for c in w.findChildren(QWidget) if c.styleSheet()]
    assert set(sheets) <= PER_WIDGET_SHEETS
    assert colour(w.page_title) == "#1f3a5f" and w.page_title.font().bold()
    assert w.page_title.font().pointSize() == 18
    assert colour(w.position) == "#555555" and w.position.objectName() == "hint"
    assert colour(page.label) == "#1f3a5f" and page.label.font().bold() and page.label.objectName() == "itemLabel"
    assert colour(page.preview) == "#333333" and colour(page.preview, QPalette.ColorRole.Window) == "#f6f6f0"
    assert page.preview.autoFillBackground()
    hints = [lab for lab in page.findChildren(QLabel) if lab.objectName() == "hint"]
    assert hints and all(colour(lab) == "#555555" for lab in hints)
    unit_page = open_step(w, "unit", qtbot)
    error = unit_page.findChild(QLabel, "error")
    assert error is not None and colour(error) == "#b00020"


def test_the_text_size_reaches_bold_item_numbers_and_pages_opened_later_and_the_steps_stay_12pt(
        filled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    w = make_window(filled_store)
    first = w.steps[3].key
    page = open_step(w, first, qtbot)
    assert isinstance(page, BlockPage)
    size = w.point_size
    assert page.label.font().pointSize() == size
    width = page.label.minimumWidth()
    key(page.text, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    key(page.text, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert w.point_size == size + 2
    assert page.label.font().pointSize() == size + 2 and page.label.font().bold()
    assert page.label.minimumWidth() > width  # three line heights of the larger font
    assert page.preview.font().pointSize() == size + 2 and page.items.font().pointSize() == size + 2
    later = open_step(w, w.steps[4].key, qtbot)  # not made before the change
    assert isinstance(later, BlockPage) and later is not page
    assert later.label.font().pointSize() == size + 2 and later.empty.font().pointSize() == size + 2
    assert w.step_list.font().pointSize() == 12
    assert w.page_title.font().pointSize() == 18
    assert filled_store.setting("editor_point_size") == size + 2


def test_selected_steps_and_items_are_pale_blue_with_black_text_also_in_an_inactive_window(
        filled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    w = make_window(filled_store)
    page = open_step(w, w.steps[3].key, qtbot)
    assert isinstance(page, BlockPage)
    for view in (w.step_list, page.items):
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            assert view.palette().color(group, QPalette.ColorRole.Highlight) == QColor("#dbe7f5")
            assert view.palette().color(group, QPalette.ColorRole.HighlightedText) == QColor("#000000")
    # the steps' rows have room around their text: 6 px above and below
    row = w.step_list.visualItemRect(w.step_list.item(0))
    assert row.height() >= 2 * w.step_list.fontMetrics().height() + 12
    assert w.step_list.iconSize().height() == 24
    # a selected item is painted in the selection colour over its whole row
    page.items.setCurrentRow(0)
    image = page.items.viewport().grab().toImage()
    rect = page.items.visualItemRect(page.items.item(0))
    assert QColor(image.pixel(rect.right() - 2, rect.top() + 1)) == QColor("#dbe7f5")
    # and an item not selected has the thin line at its bottom
    if page.items.count() > 1:
        other = page.items.visualItemRect(page.items.item(1))
        assert QColor(image.pixel(other.center().x(), other.bottom())) == QColor("#e4e4e4")


def test_the_dismiss_dialog_s_note_is_red_when_a_reason_is_required_and_grey_otherwise(qtbot: QtBot) -> None:
    """Its note was coloured by the window's style sheet (objectName "error"/"hint"); without the sheet it must be
    coloured in code like every other hint and error."""
    from fzdesk.checks.findings import Category, Finding, Location, Severity
    from fzdesk.domain.model import Block
    from fzdesk.ui.dismiss_dialog import REASON_OPTIONAL, REASON_REQUIRED, DismissDialog

    where = Location(Block.MEASURES.value, item_index=0, paragraph=0, start=0, end=2)
    for severity, text, expected in ((Severity.ERROR, REASON_REQUIRED, "#b00020"),
                                     (Severity.WARNING, REASON_OPTIONAL, "#555555")):
        dialog = DismissDialog(Finding("wording.fazhi", Category.WORDING, severity, "“法制”应为“法治”", where))
        qtbot.addWidget(dialog)
        assert dialog.note.text() == text
        assert colour(dialog.note) == expected


def dark_palette() -> QPalette:
    """What a dark system theme gives (Windows 11 in dark mode with Qt >= 6.7, a dark KDE or GNOME theme)."""
    palette = QPalette(QApplication.palette())
    for role, value in ((QPalette.ColorRole.Window, "#202020"), (QPalette.ColorRole.Base, "#1e1e1e"),
                        (QPalette.ColorRole.WindowText, "#ffffff"), (QPalette.ColorRole.Text, "#ffffff")):
        palette.setColor(role, QColor(value))
    return palette


def test_under_a_dark_theme_the_steps_and_items_are_light_on_dark_and_the_selection_black_on_pale_blue(
        filled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = QApplication.palette()
    app.setPalette(dark_palette())
    try:
        w = make_window(filled_store)
        page = open_step(w, w.steps[3].key, qtbot)
        assert isinstance(page, BlockPage)
        for view in (w.step_list, page.items):
            palette = view.palette()
            # not black text on the theme's dark background: unreadable
            assert palette.color(QPalette.ColorRole.Base) == QColor("#1e1e1e")
            assert palette.color(QPalette.ColorRole.Text) == QColor("#ffffff")
            assert palette.color(QPalette.ColorRole.Highlight) == QColor("#dbe7f5")
            assert palette.color(QPalette.ColorRole.HighlightedText) == QColor("#000000")
    finally:
        app.setPalette(light)


def contrast(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of two colours (4.5 is the minimum for text)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def dark_system_theme(qapp: QApplication) -> Iterator[QPalette]:
    """The application palette a dark desktop theme gives (light text on near-black), put back afterwards."""
    before = qapp.palette()
    dark = QPalette(QColor("#2d2d2d"), QColor("#202020"))
    qapp.setPalette(dark)
    yield dark
    qapp.setPalette(before)


def test_under_a_dark_system_theme_the_window_stays_light_and_readable(
        dark_system_theme: QPalette, qapp: QApplication, filled_store: Store,
        make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    assert contrast(QColor(HINT_COLOUR), dark_system_theme.color(QPalette.ColorRole.Window)) < 3  # (the problem)
    style.keep_light(qapp)  # what make_app does (a subprocess test below: make_app here would change the test's app)
    assert qapp.palette() == qapp.style().standardPalette()  # Fusion's own light colours, its selection included
    assert qapp.palette().color(QPalette.ColorRole.Highlight).name() == "#308cc6"
    w = make_window(filled_store)
    page = open_step(w, w.steps[3].key, qtbot)
    assert isinstance(page, BlockPage)
    hints = [lab for lab in page.findChildren(QLabel) if lab.objectName() == "hint" and lab.isVisible()]
    for label in [w.page_title, page.label, *hints]:
        palette = label.palette()
        assert contrast(palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)) >= 4.5
    editor = page.findChild(QPlainTextEdit)
    assert editor is not None
    ink, paper = editor.palette().color(QPalette.ColorRole.Text), editor.palette().color(QPalette.ColorRole.Base)
    assert contrast(ink, paper) >= 7 and paper.lightness() > 200


def test_a_light_system_theme_is_left_as_it_is(qapp: QApplication) -> None:
    before = qapp.palette()
    style.keep_light(qapp)
    assert qapp.palette() == before


def test_a_theme_turning_dark_while_the_window_is_open_is_kept_light(
        dark_system_theme: QPalette, qapp: QApplication, filled_store: Store,
        make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    qapp.setPalette(qapp.style().standardPalette())  # started light
    w = make_window(filled_store)
    qapp.setPalette(dark_system_theme)  # what Qt does when the desktop's theme changes
    qtbot.waitUntil(lambda: not style.dark(qapp.palette()), timeout=2000)

    def title_readable() -> bool:
        title = w.page_title.palette()
        return contrast(title.color(QPalette.ColorRole.WindowText), title.color(QPalette.ColorRole.Window)) >= 4.5

    qtbot.waitUntil(title_readable, timeout=2000)  # (it stayed dark once, the light palette set inside Qt's hand-out)
    assert not style.dark(w.palette())


def test_a_style_whose_own_palette_is_dark_gets_the_fallback(
        dark_system_theme: QPalette, qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    class DarkStyle:
        def standardPalette(self) -> QPalette:
            return dark_system_theme

    monkeypatch.setattr(qapp, "style", lambda: DarkStyle())
    style.keep_light(qapp)
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == LIGHT_WINDOW


def test_windows_is_asked_for_its_light_scheme(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> None:
    asked: list[tuple[str, object]] = []

    class Hints:
        def setProperty(self, name: str, value: object) -> bool:
            asked.append((name, value))
            return True

    class FakeApp:
        def styleHints(self) -> Hints:
            return Hints()

        def palette(self) -> QPalette:
            return qapp.palette()

    monkeypatch.setattr(sys, "platform", "win32")
    style.keep_light(FakeApp())  # type: ignore[arg-type]
    assert asked == [("colorScheme", Qt.ColorScheme.Light.value)]


DARK_START = """
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
qt = QApplication([])
qt.setPalette(QPalette(QColor("#2d2d2d"), QColor("#202020")))
from fzdesk.app import make_app
print(make_app().palette().color(QPalette.ColorRole.Highlight).name())
"""


def test_the_program_s_start_keeps_the_window_light() -> None:
    result = subprocess.run([sys.executable, "-c", DARK_START], capture_output=True, text=True, check=True,
                            timeout=60, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.stdout.strip() == "#308cc6"  # Fusion's light palette
