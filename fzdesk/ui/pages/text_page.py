"""Step 开头: the one opening paragraph, saved while typing."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from fzdesk.domain.model import Block, Item, Section
from fzdesk.ui.pages.base import Page, Session, paragraphs


def ensure_single_item(session: Session, section: Section) -> Item:
    """The opening and closing hold their text in one item; creates it if a report lacks it."""
    if not section.items:
        assert section.id is not None
        item = Item("", [])
        session.store.add_item(section.id, 0, item)
        section.items.append(item)
    return section.items[0]


class TextEditor(QPlainTextEdit):
    """A plain editor for paragraphs, one a line, that wraps at the widget's width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)


class OpeningPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        assert session.report is not None
        section = session.report.section(Block.OPENING)
        assert section is not None
        self.item = ensure_single_item(session, section)
        self.outer.addWidget(self.hint(
            "开头一段：写明年度、指导思想和总体成效，一般以“现将有关情况报告如下：”结尾。"
            "程序已按单位类型填好一段示例，请改成本单位的实际情况。"))
        label = QLabel("开头(&E)")
        self.editor = TextEditor()
        self.editor.setAccessibleName("开头")
        label.setBuddy(self.editor)
        self.outer.addWidget(label)
        self.outer.addWidget(self.editor, 1)
        self.reload()
        self.editor.textChanged.connect(self._edited)

    def first_focus(self) -> QWidget:
        return self.editor

    def reload(self) -> None:
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.item.text)
        self.editor.blockSignals(False)

    def _edited(self) -> None:
        new = paragraphs(self.editor.toPlainText())
        if new == self.item.paragraphs:
            return  # a re-layout, not an edit
        self.item.paragraphs = new
        iid = self.item.id
        assert iid is not None
        self.session.saver.schedule(f"item:{iid}", partial(self.session.store.update_item, iid,
                                                           paragraphs=list(self.item.paragraphs)))
        self.changed.emit()
