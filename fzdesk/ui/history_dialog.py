"""The 历史版本 dialog: lists the saved versions of a text or a figure and lets the user pick one to restore."""

from __future__ import annotations

import difflib
import html
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fzdesk.domain.figure_text import describe_entry, entry_from_dict
from fzdesk.storage.store import HistoryEntry, Store

EXCERPT_LENGTH = 36
_INSERTED = "background:#d8f0d8;"
_DELETED = "color:#a33;text-decoration:line-through;"


def excerpt(value: Any) -> str:
    """One line standing for a saved version: the start of a text, or a figure as it reads."""
    if isinstance(value, dict):
        return describe_entry(entry_from_dict(value))
    text = " ".join(str(value or "").split())
    if not text:
        return "（空）"
    return text if len(text) <= EXCERPT_LENGTH else text[:EXCERPT_LENGTH] + "…"


def diff_html(current: str, version: str) -> str:
    """The version with what restoring it brings back highlighted and what it removes struck through."""
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, current, version, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            out.append(f'<span style="{_DELETED}">{_html(current[a1:a2])}</span>')
        if op in ("insert", "replace"):
            out.append(f'<span style="{_INSERTED}">{_html(version[b1:b2])}</span>')
        if op == "equal":
            out.append(_html(version[b1:b2]))
    return "".join(out)


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


class HistoryDialog(QDialog):
    """Saved versions of one field, newest first; never writes to the store (the caller restores)."""

    def __init__(self, store: Store, report_id: int, target: str, field: str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen_value: Any = None
        self._entries: list[HistoryEntry] = store.history(report_id, target, field)
        self.setWindowTitle(f"历史版本 — {title}")
        self.resize(820, 520)

        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)

        self.versions = QListWidget()
        self.versions.setAccessibleName("保存过的版本")
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("所选版本的内容")
        self.show_diff = QCheckBox("标出与当前内容的不同（绿底：恢复后会回来；红色删除线：恢复后会去掉）")
        self.show_diff.setChecked(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview)
        right_layout.addWidget(self.show_diff)
        splitter = QSplitter()
        splitter.addWidget(self.versions)
        splitter.addWidget(right)
        splitter.setSizes([300, 520])
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox()
        self.restore_button = QPushButton("恢复此版本")
        self.restore_button.setAutoDefault(False)
        self.close_button = QPushButton("关闭")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        self._is_text = not any(isinstance(e.value, dict) for e in self._entries)
        self.show_diff.setVisible(self._is_text and len(self._entries) > 1)
        self.show_diff.toggled.connect(self._show_selected)
        self.versions.currentRowChanged.connect(self._show_selected)
        self._fill()

    def _fill(self) -> None:
        if not self._entries:
            self.heading.setText("这一项还没有保存过的历史版本。修改并保存以后，每个版本都会列在这里。")
            self.versions.setEnabled(False)
            self.preview.setPlainText("")
            self.restore_button.setEnabled(False)
            self.close_button.setDefault(True)
            return
        self.heading.setText(f"共保存了 {len(self._entries)} 个版本，最新的在最上面。选中一个版本查看，"
                             "再按“恢复此版本”。")
        last = len(self._entries) - 1
        for row, entry in enumerate(self._entries):
            mark = "（当前）" if row == 0 else "（最初）" if row == last else ""
            item = QListWidgetItem(f"{entry.ts:%Y-%m-%d %H:%M:%S}{mark}\n{excerpt(entry.value)}")
            item.setToolTip(excerpt(entry.value))
            self.versions.addItem(item)
        self.versions.setCurrentRow(min(1, last))
        self.versions.setFocus()

    def _show_selected(self) -> None:
        row = self.versions.currentRow()
        if row < 0:
            return
        entry = self._entries[row]
        self.restore_button.setEnabled(row != 0)
        if isinstance(entry.value, dict):
            self.preview.setPlainText(describe_entry(entry_from_dict(entry.value)))
        elif self._is_text and self.show_diff.isChecked() and row != 0:
            self.preview.setHtml(diff_html(str(self._entries[0].value or ""), str(entry.value or "")))
        else:
            self.preview.setPlainText(str(entry.value or "") or "（空）")

    def _restore(self) -> None:
        row = self.versions.currentRow()
        if row < 0 or not self._entries:
            return
        self.chosen_value = self._entries[row].value
        self.accept()

    def entry_count(self) -> int:
        return len(self._entries)
