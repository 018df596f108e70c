"""Dismissing a finding: the reason is required for an error, optional for a warning or a hint."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fzdesk.checks.findings import Finding, Severity
from fzdesk.ui import style
from fzdesk.ui.ask import CANCEL

REASON_REQUIRED = "这是“错误”，必须写明为什么可以不改（理由随报告保存）。"
REASON_OPTIONAL = "可以写一句理由（不写也行），理由随报告保存。"


class DismissDialog(QDialog):
    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.required = finding.severity is Severity.ERROR
        self.setWindowTitle("忽略这个问题")
        layout = QVBoxLayout(self)
        message = QLabel(f"【{finding.severity.label}】{finding.message}")
        message.setWordWrap(True)
        layout.addWidget(message)
        if finding.excerpt:
            excerpt = QLabel(f"原文：…{finding.excerpt}…")
            excerpt.setWordWrap(True)
            style.hint(excerpt)
            layout.addWidget(excerpt)
        label = QLabel("理由（必填）(&R)：" if self.required else "理由（选填）(&R)：")
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName("忽略的理由")
        self.reason.setTabChangesFocus(True)
        label.setBuddy(self.reason)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        self.note = QLabel(REASON_REQUIRED if self.required else REASON_OPTIONAL)
        self.note.setWordWrap(True)
        (style.error if self.required else style.hint)(self.note)  # (no style sheet colours it by its name)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox()
        self.ok: QPushButton = self.buttons.addButton("忽略(&I)", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self._update()
        self.ensurePolished()  # the text size (style.dialogs_follow), which the reason's height is measured in
        self.reason.setMaximumHeight(4 * self.reason.fontMetrics().height())  # about three lines at any text size
        style.fit_dialog(self, 32)
        self.reason.setFocus()

    @property
    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _update(self) -> None:
        self.ok.setEnabled(not self.required or bool(self.reason_text))

    def accept(self) -> None:
        if self.required and not self.reason_text:  # Enter with an empty reason: refuse, say why
            self.note.setText("请先写明理由：忽略“错误”必须有理由。")
            self.reason.setFocus()
            return
        super().accept()
