"""The 历史版本 dialog: lists the saved versions of a text or a figure and lets the user pick one to restore."""

from __future__ import annotations

import difflib
import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
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
from fzdesk.ui import style
from fzdesk.ui.ask import CLOSE

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
    for op, old, new in _merged_opcodes(current, version):
        if op == "equal":
            out.append(_html(new))
            continue
        if old:
            out.append(f'<span style="{_DELETED}">{_html(old)}</span>')
        if new:
            out.append(f'<span style="{_INSERTED}">{_html(new)}</span>')
    return "".join(out)


def _merged_opcodes(a: str, b: str) -> list[tuple[str, str, str]]:
    """Character differences, with one-character islands of sameness folded into the changes around them
    (so that "认真" against "切实" reads as one change, not as scattered characters)."""
    ops: list[list[str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        kind = "equal" if op == "equal" else "change"
        if ops and kind == "change" and ops[-1][0] == "change":
            ops[-1][1] += a[a1:a2]
            ops[-1][2] += b[b1:b2]
        else:
            ops.append([kind, a[a1:a2], b[b1:b2]])
    merged: list[list[str]] = []
    for i, (kind, old, new) in enumerate(ops):
        island = kind == "equal" and len(old) <= 1 and 0 < i < len(ops) - 1
        if island and merged:
            merged[-1][1] += old
            merged[-1][2] += new
            continue
        if kind == "change" and merged and merged[-1][0] == "change":
            merged[-1][1] += old
            merged[-1][2] += new
            continue
        merged.append([kind, old, new])
    return [(k, o, n) for k, o, n in merged]


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


class HistoryDialog(QDialog):
    """Saved versions of one field, newest first; never writes to the store (the caller restores)."""

    def __init__(self, store: Store, report_id: int, target: str, field: str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ensurePolished()  # the text size (style.dialogs_follow), which the list's width below is measured in
        self.chosen_value: Any = None
        self._entries: list[HistoryEntry] = store.history(report_id, target, field)
        self._is_text = not any(isinstance(e.value, dict) for e in self._entries)
        self.setWindowTitle(f"历史版本 — {title}")

        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)

        self.versions = QListWidget()
        self.versions.setAccessibleName("保存过的版本")
        self.versions.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.versions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.versions.setMinimumWidth(self.fontMetrics().horizontalAdvance("2026-11-25 19:29:54（当前）") + 40)
        self.version_label = QLabel()
        self.version_label.setWordWrap(True)  # (a long line set the dialog's least width at a large text size)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("所选版本的全文")
        # the legend wraps in a label of its own: in the checkbox, which cannot wrap, it made the dialog at least
        # 1723 px wide at the largest text size
        self.show_diff = QCheckBox("与当前内容比较(&D)")
        self.show_diff.setChecked(True)
        self.legend = QLabel("绿底：恢复后会回来；红色删除线：恢复后会去掉")
        self.legend.setWordWrap(True)
        self.diff_view = QTextBrowser()
        self.diff_view.setAccessibleName("与当前内容的不同")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.version_label)
        right_layout.addWidget(self.preview, 3)
        right_layout.addWidget(self.show_diff)
        right_layout.addWidget(self.legend)
        right_layout.addWidget(self.diff_view, 2)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.versions)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        buttons = QDialogButtonBox()
        self.restore_button = QPushButton("恢复此版本(&R)")
        self.restore_button.setAutoDefault(False)
        self.close_button = QPushButton(CLOSE)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        can_compare = self._is_text and len(self._entries) > 1
        self.show_diff.setVisible(can_compare)
        self.diff_view.setVisible(can_compare)
        self.legend.setVisible(can_compare)
        self.show_diff.toggled.connect(self.diff_view.setVisible)
        self.show_diff.toggled.connect(self.legend.setVisible)
        self.versions.currentRowChanged.connect(self._show_selected)
        self._fill()

    def _fill(self) -> None:
        if not self._entries:
            self.heading.setText("这一项还没有保存过的历史版本。修改并保存以后，每个版本都会列在这里。")
            self.splitter.hide()
            self.restore_button.setEnabled(False)
            self.close_button.setDefault(True)
            self.close_button.setFocus()
            return
        # (at the largest text size 60 characters x 26 lines exceed any screen)
        style.fit_dialog(self, 60, 26)
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

    def _show_selected(self, row: int) -> None:
        if row < 0:
            return
        entry = self._entries[row]
        current = " — 这就是当前内容" if row == 0 else ""
        self.version_label.setText(f"{entry.ts:%Y-%m-%d %H:%M:%S} 保存的版本{current}：")
        self.restore_button.setEnabled(row != 0)
        if isinstance(entry.value, dict):
            self.preview.setPlainText(describe_entry(entry_from_dict(entry.value)))
            return
        self.preview.setPlainText(str(entry.value or "") or "（空）")
        if row == 0:
            self.diff_view.setPlainText("（与当前内容相同）")
        else:
            self.diff_view.setHtml(diff_html(str(self._entries[0].value or ""), str(entry.value or "")))

    def _restore(self) -> None:
        row = self.versions.currentRow()
        if row < 0 or not self._entries:
            return
        self.chosen_value = self._entries[row].value
        self.accept()
