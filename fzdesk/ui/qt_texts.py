"""Chinese for the few of Qt's own texts that Qt's zh_CN translation lacks (resources/qt/zh_CN_missing.json).

Qt's own file dialog (Linux desktops without a native one) showed "Look in:", "Files of type:" and "Folder" in
English. The texts are added by a translator installed the first time a file dialog is opened, not at start-up:
Qt asks every installed translator for every text it translates, and this one answers in Python.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox
from shiboken6 import isValid

from fzdesk.resources import load_json

Key = tuple[str, str, str]


class MissingQtTexts(QTranslator):
    """Answers only for the texts in the file; Qt asks the next translator (qtbase_zh_CN) for the others."""

    def __init__(self, texts: dict[Key, str], parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self.texts = texts

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        """The Chinese, or None (a null QString) for "not mine": Qt takes an empty text as the translation."""
        return self.texts.get((context, source, disambiguation or ""))

    def isEmpty(self) -> bool:
        return not self.texts


def missing_texts() -> dict[Key, str]:
    """(context, English text, disambiguation) -> Chinese, from resources/qt/zh_CN_missing.json."""
    return {(context, source, disambiguation): text
            for context, source, disambiguation, text in load_json("qt", "zh_CN_missing.json")["texts"]}


def complete_qt_translation() -> None:
    """Installs the missing texts once (before a file dialog is made; a second call does nothing)."""
    app = QCoreApplication.instance()
    if app is None or app.findChild(MissingQtTexts) is not None:
        return
    named = _standard_buttons()
    app.installTranslator(MissingQtTexts(missing_texts(), app))
    # The install posts every window a LanguageChange, on which a button box gives its standard buttons Qt's words
    # again: 新建年度报告's 确定(&O)/取消(&C) lost their Alt letters once its 选择文件… opened the first file dialog.
    # Put back after those events (queued behind them; run by the file dialog's event loop).
    if named:
        QTimer.singleShot(0, lambda: _rename(named))


def _standard_buttons() -> list[tuple[QAbstractButton, str]]:
    """The standard buttons of the button boxes in the open windows, with the texts the program gave them."""
    found: list[tuple[QAbstractButton, str]] = []
    for window in QApplication.topLevelWidgets():
        for box in window.findChildren(QDialogButtonBox):
            found += [(b, b.text()) for b in box.buttons()
                      if box.standardButton(b) != QDialogButtonBox.StandardButton.NoButton]
    return found


def _rename(named: list[tuple[QAbstractButton, str]]) -> None:
    for button, text in named:
        if isValid(button) and button.text() != text:  # (a dialog closed meanwhile is gone)
            button.setText(text)
