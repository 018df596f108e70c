"""The typing helper puts Chinese into a widget on every PySide6 the program is built with (6.9 and 6.12)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.ui.helpers import send_text_key, type_text


def test_chinese_characters_arrive_whole_not_as_the_first_byte_of_their_utf8(qtbot: QtBot) -> None:
    """PySide6 6.9's QTest.sendKeyEvent took a one-character str as a C char: 本单位 arrived as æåä."""
    line = QLineEdit()
    qtbot.addWidget(line)
    line.show()
    line.setFocus()
    for ch in "本单位（2025）":
        send_text_key(line, ch)
    assert line.text() == "本单位（2025）"


def test_type_text_types_lines_of_chinese(qtbot: QtBot) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor, "法治建设\n第一责任人")
    assert editor.toPlainText() == "法治建设\n第一责任人"
