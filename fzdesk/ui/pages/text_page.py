"""Step 开头: the one opening paragraph, saved while typing, with last year's opening beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fzdesk.domain.model import Block, Item, Section
from fzdesk.exchange.carry import CopyResult
from fzdesk.ui.ask import CANCEL, Role, ask
from fzdesk.ui.font_room import keep_line_chars, keep_lines
from fzdesk.ui.kept_edits import save_text, write_text
from fzdesk.ui.last_year_pane import (
    TOGGLE_KEYS,
    LastYearPane,
    last_year_report,
    pane_visible,
    stale_bar,
)
from fzdesk.ui.pages.base import Session, opening_example, page_shortcut, paragraphs
from fzdesk.ui.side_room import TOGGLE_TIP, SidePage, SidePlace, least_width, page_room
from fzdesk.ui.style import DEFAULT_POINT_SIZE


def ensure_single_item(session: Session, section: Section, parent: QWidget | None = None) -> Item:
    """The opening and closing hold their text in one item; creates it if a report lacks it. Refused by the disk
    (said over parent): an item without an id, not in the report, that the page shows read-only."""
    if not section.items:
        assert section.id is not None
        item = Item("", [])
        from fzdesk.ui.write_guard import attempt  # (loaded on first use: start-up stays fast)

        sid = section.id
        if not attempt(parent, "没能建立这一段", lambda: session.store.add_item(sid, 0, item)):
            return Item("", [])
        section.items.append(item)
    return section.items[0]


RESTORE_EXAMPLE = "恢复示例文字(&D)…"


class TextEditor(QPlainTextEdit):
    """A plain editor for paragraphs, one a line, that wraps at the widget's width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)


# what 开头's and 结尾's text keeps at any text size, as a block item's (docs/ui-large-text.md): 5 lines, and lines of
# 20 characters beside last year's pane; where the window has less room the pane goes below (above the default size)
EDITOR_LINES = 5
EDITOR_CHARS = 20


class OneTextPage(SidePage):
    """A page whose text is one item (开头, 结尾): the 未更新 marker and last year's text beside the editor, or below
    it at a large text size where the two do not fit side by side (fzdesk/ui/side_room.py)."""

    item: Item

    def _with_last_year(self, section: Section, head: QHBoxLayout, content: QVBoxLayout,
                        editor: QPlainTextEdit) -> QSplitter:
        """Adds the 上年内容 button to head and the 未更新 bar below it; returns a splitter of content and last
        year's pane beside it, in one that takes the pane below instead."""
        self.stale_bar, self.stale, self.stale_ok = stale_bar()
        self.toggle_last_year = QPushButton("上年内容(&J)")
        self.toggle_last_year.setCheckable(True)
        self.toggle_last_year.setToolTip(TOGGLE_TIP)
        page_shortcut(self, self.toggle_last_year, TOGGLE_KEYS)
        head.addStretch(1)
        head.addWidget(self.toggle_last_year)
        content.insertWidget(1, self.stale_bar)  # below the head line (the first in content)
        keep_line_chars(editor, EDITOR_CHARS)
        self.left = QWidget()
        self.left.setLayout(content)
        content.setContentsMargins(0, 0, 0, 0)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.left)
        column = QSplitter(Qt.Orientation.Vertical)  # a splitter gives the pane below at least its minimum
        column.setChildrenCollapsible(False)
        column.addWidget(split)
        last = last_year_report(self.session)
        self.last_year_pane = LastYearPane(self.session, section, last) if last is not None else None
        if self.last_year_pane is not None:
            split.addWidget(self.last_year_pane)
            split.setSizes([600, 420])
            self.last_year_pane.copied.connect(self._copied)
            self.toggle_last_year.setChecked(pane_visible(self.session))
            self.last_year_pane.setVisible(self.toggle_last_year.isChecked())
            self.place = SidePlace(self.last_year_pane, split, column, self.toggle_last_year,
                                   pane=self.last_year_pane, wanted=self.toggle_last_year.isChecked(),
                                   beside_sizes=[600, 420])
        self.toggle_last_year.setVisible(self.last_year_pane is not None)
        self.toggle_last_year.toggled.connect(self.want_side)
        self.stale_ok.clicked.connect(self._mark_reviewed)
        return column

    def fit_side(self) -> None:
        """Last year's pane beside the editor where both fit there; else below it above the default text size, or
        folded away (as on a block page)."""
        if self.place is None:
            return
        beside = page_room(self) >= least_width(self.left) + self.place.width()
        self.place.fit(beside=beside, larger=self.font().pointSize() > DEFAULT_POINT_SIZE)

    def _example_button(self, editor: QPlainTextEdit, what: str, example: str) -> QPushButton:
        """恢复示例文字…: the same button on 开头 and 结尾. It asks before it replaces the clerk's own text, replaces
        it as one edit (Ctrl+Z in the editor takes it back) and saves at once; the old text stays in 历史版本."""
        button = QPushButton(RESTORE_EXAMPLE)
        button.setToolTip(f"把{what}换成示例文字：{example[:40]}{'…' if len(example) > 40 else ''}")
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self.restore_example(editor, what, example))
        return button

    def restore_example(self, editor: QPlainTextEdit, what: str, example: str) -> None:
        current = editor.toPlainText().strip()
        if current == example.strip():
            editor.setFocus()
            return
        if current and ask(self, QMessageBox.Icon.Question, "恢复示例文字",
                           f"把{what}换成示例文字吗？\n\n现在的文字会被替换。替换之后，在{what}里按 Ctrl+Z 可以撤销；"
                           "原来的文字也留在历史版本中。",
                           [("替换(&R)", Role.AcceptRole), (CANCEL, Role.RejectRole)], default=1) != 0:
            return
        cursor = editor.textCursor()
        cursor.beginEditBlock()  # one step for Ctrl+Z (setPlainText would empty the editor's undo history)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(example)
        cursor.endEditBlock()
        editor.setTextCursor(cursor)
        self.session.saver.flush()  # saved at once, not 400 ms later
        editor.setFocus()

    def _update_stale(self) -> None:
        self.stale_bar.setVisible(self.item.carried_over)

    def _clear_stale(self) -> None:
        if self.item.carried_over:
            self.item.carried_over = False  # the store clears it when it saves the edit
            self._update_stale()

    def _mark_reviewed(self) -> None:
        assert self.item.id is not None
        self.item.carried_over = False  # through the saver: kept for a retry if the disk is full
        write_text(self.session.saver, self.session.store, "item", self.item.id, carried_over=False)
        self._update_stale()
        self.changed.emit()

    def _copied(self, _result: CopyResult) -> None:
        self.reload()
        self.changed.emit()


class OpeningPage(OneTextPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        assert session.report is not None
        section = session.report.section(Block.OPENING)
        assert section is not None
        self.item = ensure_single_item(session, section, parent)
        self.outer.addWidget(self.hint(
            "开头一段：写明年度、指导思想和总体成效，一般以“现将有关情况报告如下：”结尾。"
            "新报告的开头是程序按单位类型填好的示例，或从去年的报告复制来的，请改成本单位今年的实际情况。"))
        label = QLabel("开头(&W)")
        self.editor = TextEditor()
        self.editor.setAccessibleName("开头")
        keep_lines(self.editor, EDITOR_LINES)
        label.setBuddy(self.editor)
        head = QHBoxLayout()
        head.addWidget(label)
        self.default = self._example_button(self.editor, "开头", opening_example(session))
        content = QVBoxLayout()
        content.addLayout(head)
        content.addWidget(self.editor, 1)
        row = QHBoxLayout()
        row.addWidget(self.default)
        row.addStretch(1)
        content.addLayout(row)
        self.outer.addWidget(self._with_last_year(section, head, content, self.editor), 1)
        self.reload()
        self.editor.setReadOnly(self.item.id is None)  # not stored (the disk refused it): nothing to save into
        self.editor.textChanged.connect(self._edited)

    def first_focus(self) -> QWidget:
        return self.editor

    def reload(self) -> None:
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.item.text)
        self.editor.blockSignals(False)
        self._update_stale()

    def _edited(self) -> None:
        new = paragraphs(self.editor.toPlainText())
        if new == self.item.paragraphs:
            return  # a re-layout, not an edit
        self.item.paragraphs = new
        self._clear_stale()
        iid = self.item.id
        assert iid is not None
        save_text(self.session.saver, self.session.store, "item", iid, paragraphs=self.item.paragraphs)
        self.changed.emit()
