"""The unit's own wording: a fixed term with its usual misspelling, or a phrase that is not an error."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class TermDialog(QDialog):
    """工具 → 添加固定用语: "wrong" will be reported with "right" offered as the fix."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("添加本单位的固定用语")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        hint = QLabel("写上常被写错的形式和正确的写法，例如“沈邱县”→“沈丘县”。以后检查时，"
                      "报告里出现错误写法就会提示，并可一键改正。只对本数据文件夹的报告生效。")
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        layout.addWidget(hint)
        form = QFormLayout()
        self.right = QLineEdit()
        self.right.setAccessibleName("正确写法")
        self.wrong = QLineEdit()
        self.wrong.setAccessibleName("错误写法")
        form.addRow("正确写法(&R)：", self.right)
        form.addRow("错误写法(&W)：", self.wrong)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("添加")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.right.setFocus()

    def accept(self) -> None:
        wrong, right = self.wrong.text().strip(), self.right.text().strip()
        if not wrong or not right:
            self.error.setText("两项都要填写。")
            return
        if wrong == right:
            self.error.setText("错误写法不能与正确写法相同。")
            return
        super().accept()


class ExceptionDialog(QDialog):
    """这不是错误: the phrase around the flagged word is added to the unit's exceptions."""

    def __init__(self, word: str, phrase: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.word = word
        self.setWindowTitle("这不是错误（加入例外）")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        hint = QLabel(f"以后凡是出现下面这个词语，其中的“{word}”都不再提示。词语越完整越好"
                      f"（例如“法制审核”而不是“法制”），以免漏掉真正的错误。")
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        layout.addWidget(hint)
        form = QFormLayout()
        self.phrase = QLineEdit(phrase)
        self.phrase.setAccessibleName("例外词语")
        form.addRow("例外词语(&P)：", self.phrase)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("error")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("加入例外")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.phrase.setFocus()
        self.phrase.selectAll()

    def accept(self) -> None:
        if self.word not in self.phrase.text():
            self.error.setText(f"例外词语必须包含“{self.word}”。")
            return
        super().accept()
