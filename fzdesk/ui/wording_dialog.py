"""这不是错误（加入例外）: the phrase around a flagged word becomes one of the unit's exceptions."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from fzdesk.ui import style
from fzdesk.ui.ask import name_keys


class ExceptionDialog(QDialog):
    """这不是错误: the phrase around the flagged word is added to the unit's exceptions."""

    def __init__(self, word: str, phrase: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.word = word
        self.setWindowTitle("这不是错误（加入例外）")
        layout = QVBoxLayout(self)
        hint = QLabel(f"以后凡是出现下面这个词语，其中的“{word}”都不再提示。词语越完整越好"
                      f"（例如“法制审核”而不是“法制”），以免漏掉真正的错误。")
        hint.setWordWrap(True)
        style.hint(hint)
        layout.addWidget(hint)
        form = QFormLayout()
        self.phrase = QLineEdit(phrase)
        self.phrase.setAccessibleName("例外词语")
        form.addRow("例外词语(&P)：", self.phrase)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        style.error(self.error)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_keys(buttons).button(QDialogButtonBox.StandardButton.Ok).setText("加入例外(&A)")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        style.fit_dialog(self, 30)
        self.phrase.setFocus()
        self.phrase.selectAll()

    def accept(self) -> None:
        if self.word not in self.phrase.text():
            self.error.setText(f"例外词语必须包含“{self.word}”。")
            return
        super().accept()
