"""The screen-reader audit and the Tab walk (tests/ui/accessibility.py) find what they are for: the tests of
test_screen_reader.py assert that they find nothing, which a helper that never finds anything would pass too."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QLineEdit, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from tests.ui.accessibility import audit, tab_problems, tab_walk


def shown(qtbot: QtBot) -> tuple[QDialog, QGridLayout]:
    dialog = QDialog()
    dialog.setWindowTitle("审核")
    qtbot.addWidget(dialog)
    return dialog, QGridLayout(dialog)


def test_a_dialog_whose_fields_are_named_passes(qtbot: QtBot) -> None:
    dialog, grid = shown(qtbot)
    field = QLineEdit()
    label = QLabel("单位全称(&N)")
    label.setBuddy(field)
    grid.addWidget(label, 0, 0)
    grid.addWidget(field, 0, 1)
    grid.addWidget(QPushButton("确定"), 1, 1)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert audit(dialog) == []


def test_an_unnamed_field_a_buddyless_alt_letter_and_an_icon_only_button_are_found(qtbot: QtBot) -> None:
    dialog, grid = shown(qtbot)
    unnamed = QLineEdit()
    unnamed.setObjectName("unnamed")
    english = QLineEdit()
    english.setAccessibleName("Name")  # not a name a clerk understands
    pixmap = QPixmap(16, 16)
    pixmap.fill()
    icon_only = QToolButton()
    icon_only.setIcon(QIcon(pixmap))
    grid.addWidget(QLabel("年度(&Y)"), 0, 0)  # an Alt letter that leads nowhere
    grid.addWidget(unnamed, 0, 1)
    grid.addWidget(english, 1, 1)
    grid.addWidget(icon_only, 2, 1)
    dialog.show()
    qtbot.waitExposed(dialog)
    found = "\n".join(audit(dialog))
    assert "QLineEdit(unnamed)" in found
    assert "named 'Name'" in found
    assert "QLabel '年度(&Y)' has an Alt letter but no buddy" in found
    assert "icon-only QToolButton" in found


def test_two_fields_read_alike_are_found(qtbot: QtBot) -> None:
    dialog, grid = shown(qtbot)
    for row in range(2):
        field = QLineEdit()
        field.setAccessibleName("联系人")
        grid.addWidget(field, row, 0)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert any("2 widgets read alike" in line for line in audit(dialog))


def test_tab_against_reading_order_and_a_field_never_reached_are_found(qtbot: QtBot) -> None:
    dialog, grid = shown(qtbot)
    top, bottom, skipped = QLineEdit(), QLineEdit(), QLineEdit()
    button = QPushButton("确定")
    grid.addWidget(top, 0, 0)
    grid.addWidget(skipped, 1, 0)
    grid.addWidget(bottom, 2, 0)
    grid.addWidget(button, 3, 0)
    dialog.setTabOrder(bottom, top)  # Tab from the bottom field back up to the top one
    dialog.setTabOrder(top, button)
    dialog.setTabOrder(button, skipped)
    dialog.show()
    qtbot.waitExposed(dialog)
    visited = tab_walk(bottom, [button])
    assert visited == [bottom, top, button]
    problems = "\n".join(tab_problems(visited, [top, skipped, bottom], [button]))
    assert "goes against reading order" in problems
    assert problems.count("Tab never reaches") == 1 and "Tab never reaches the buttons" not in problems
    assert "Tab never reaches the buttons" in "\n".join(tab_problems([top, bottom], [top, bottom], [button]))
