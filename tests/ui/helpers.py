"""Helpers to drive the window as a user would: typing Chinese, clicking, finding pages."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QPlainTextEdit, QWidget

#: What SQLite says when the disk is full (the save-failure tests make the store's writes fail with it).
DISK_FULL = "database or disk is full"


def type_text(widget: QWidget, text: str) -> None:
    """Types text key by key into widget (qtbot.keyClicks aborts on CJK: one key event per character)."""
    widget.setFocus()
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        else:
            send_text_key(widget, ch)


def send_text_key(widget: QWidget, ch: str) -> None:
    """One key press and release that types ch (any character) into widget. Not QTest.sendKeyEvent: PySide6 6.9
    (the bundle for glibc < 2.34, scripts/build-compat.sh) resolves a one-character str to its char overload and
    types the first byte of the UTF-8 (本 became æ); a QKeyEvent takes the text as a QString on every version."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def window_menus(window: QMainWindow) -> list[QMenu]:
    """The menus of the window's menu bar, in its order. Not menuBar().actions()[i].menu(): PySide6 6.9 (the bundle
    for glibc < 2.34) invalidates the QMenu it returns once that QAction's Python object is gone ("Internal C++
    object (PySide6.QtWidgets.QMenu) already deleted")."""
    actions = window.menuBar().actions()
    menus = [m for m in window.menuBar().findChildren(QMenu) if m.menuAction() in actions]
    return sorted(menus, key=lambda m: actions.index(m.menuAction()))

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
