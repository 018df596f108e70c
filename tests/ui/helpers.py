"""Helpers to drive the window as a user would: typing Chinese, clicking, finding pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Types text key by key into widget (qtbot.keyClicks aborts on CJK: one key event per character)."""
    widget.setFocus()
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                               Qt.KeyboardModifier.NoModifier)


def type_at_end(editor: QPlainTextEdit, text: str) -> None:
    """Puts the cursor at the end of the editor's text (Ctrl+End) and types text there."""
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, text)


def select_all_and_delete(widget: QWidget) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)


def replace_text(widget: QWidget, text: str) -> None:
    """Selects everything in an editor and types text in its place."""
    select_all_and_delete(widget)
    type_text(widget, text)


def key(widget: QWidget, k: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Presses a key in widget, which gets the keyboard focus first (as the user's cursor is there)."""
    widget.setFocus()
    QTest.keyClick(widget, k, modifiers)
    QApplication.processEvents()
