"""Step 结尾与附件: the closing line (特此报告。), the attachment lines and the clerk's tick that both were checked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fzdesk.domain.model import Block
from fzdesk.ui.font_room import keep_lines, keep_lines_above
from fzdesk.ui.kept_edits import save_text
from fzdesk.ui.pages.base import Session, paragraphs
from fzdesk.ui.pages.text_page import EDITOR_LINES, OneTextPage, TextEditor, ensure_single_item
from fzdesk.ui.style import DEFAULT_POINT_SIZE

DEFAULT_CLOSING = "特此报告。"
CLOSING_MOST = 110  # px: the closing's box at the default text size and below (4.9 lines at 14 pt)
ATTACHMENT_LINES = 3  # the attachments' box at any text size
UNCHECKED_NOTE = "“特此报告。”是程序预先填好的。看过结尾和附件说明后请勾选，本步才显示“已完成”。"


def checked_note(at: str) -> str:
    """The line under the tick: when it was ticked, and that later edits on this page keep it."""
    if not at:
        return UNCHECKED_NOTE
    try:
        when = dt.datetime.fromisoformat(at)
    except ValueError:
        return "已核对。之后在本页修改结尾或附件，不需要重新勾选。"
    return f"已于{when.month}月{when.day}日 {when:%H:%M}核对。之后在本页修改结尾或附件，不需要重新勾选。"


class ClosingPage(OneTextPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        assert session.report is not None
        section = session.report.section(Block.CLOSING)
        assert section is not None
        self.item = ensure_single_item(session, section, parent)
        self.outer.addWidget(self.hint("结尾一般只写“特此报告。”。报告不能夹带请示事项。"))
        label = QLabel("结尾(&W)")
        self.closing = TextEditor()
        self.closing.setAccessibleName("结尾")
        # a small box for its line (特此报告。) as before at the default size, and 5 lines at a larger one
        keep_lines_above(self.closing, EDITOR_LINES, DEFAULT_POINT_SIZE, CLOSING_MOST)
        label.setBuddy(self.closing)
        self.default = self._example_button(self.closing, "结尾", DEFAULT_CLOSING)
        head = QHBoxLayout()
        head.addWidget(label)
        content = QVBoxLayout()
        content.addLayout(head)
        content.addWidget(self.closing)
        row = QHBoxLayout()
        row.addWidget(self.default)
        row.addStretch(1)
        content.addLayout(row)
        att_label = QLabel(f"附件(&A)：每行一件，例如“{session.report.year}年度法治政府建设主要数据表”；"
                           "没有附件就留空")  # the report's own year: a fixed 2023 read as a year to copy
        att_label.setWordWrap(True)
        self.attachments = TextEditor()
        self.attachments.setAccessibleName("附件")
        att_label.setBuddy(self.attachments)
        content.addWidget(att_label)
        self.attachments.setMaximumHeight(200)
        keep_lines(self.attachments, ATTACHMENT_LINES)  # (and at most 200 px, as before)
        content.addWidget(self.attachments)
        self.checked = QCheckBox("已核对结尾和附件说明(&Y)")
        self.checked.setAccessibleName("已核对结尾和附件说明")
        self.checked_note = self.hint(UNCHECKED_NOTE)
        content.addSpacing(6)
        content.addWidget(self.checked)
        content.addWidget(self.checked_note)
        content.addStretch(1)
        self.outer.addWidget(self._with_last_year(section, head, content, self.closing), 1)
        self.reload()
        self.closing.setReadOnly(self.item.id is None)  # not stored (the disk refused it): nothing to save into
        self.closing.textChanged.connect(self._closing_edited)
        self.attachments.textChanged.connect(self._attachments_edited)
        self.checked.toggled.connect(self._check_toggled)

    def first_focus(self) -> QWidget:
        return self.closing

    def reload(self) -> None:
        assert self.session.report is not None
        for editor, text in ((self.closing, self.item.text),
                             (self.attachments, "\n".join(self.session.report.attachments))):
            editor.blockSignals(True)
            editor.setPlainText(text)
            editor.blockSignals(False)
        assert self.session.report.id is not None
        at = self.session.store.closing_checked(self.session.report.id)
        self.checked.blockSignals(True)
        self.checked.setChecked(bool(at))
        self.checked.blockSignals(False)
        self.checked_note.setText(checked_note(at))
        self._update_stale()

    def _check_toggled(self, on: bool) -> None:
        """Stored at once; the texts it vouches for are saved first."""
        report = self.session.report
        assert report is not None and report.id is not None
        self.session.saver.flush()
        from fzdesk.ui.write_guard import attempt  # (loaded on first use: start-up stays fast)

        rid, stored = report.id, [""]
        if not attempt(self, "没能记下“已核对”" if on else "没能取消“已核对”",
                       lambda: stored.__setitem__(0, self.session.store.set_closing_checked(rid, on))):
            self.checked.blockSignals(True)
            self.checked.setChecked(not on)  # back as it is stored
            self.checked.blockSignals(False)
            return
        at = stored[0]
        self.checked_note.setText(checked_note(at))
        self.changed.emit()

    def _closing_edited(self) -> None:
        new = paragraphs(self.closing.toPlainText())
        if new == self.item.paragraphs:
            return
        self.item.paragraphs = new
        self._clear_stale()
        iid = self.item.id
        assert iid is not None
        save_text(self.session.saver, self.session.store, "item", iid, paragraphs=self.item.paragraphs)
        self.changed.emit()

    def _attachments_edited(self) -> None:
        report = self.session.report
        assert report is not None and report.id is not None
        rid = report.id
        new = [line.strip() for line in paragraphs(self.attachments.toPlainText())]
        if new == report.attachments:
            return
        report.attachments = new
        save_text(self.session.saver, self.session.store, "report", rid, attachments=report.attachments)
        self.changed.emit()
