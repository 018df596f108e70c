"""Step 数据: the figure sheet of the indicator catalogue (the FigureSheet widget, embedded)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fzdesk.ui.figure_sheet import FigureSheet
from fzdesk.ui.pages.base import Page, Session


class FiguresPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        assert session.report is not None
        self.intro = self.hint("填数字，或直接键入约数（“近百”“60000余”）、“不涉及”。")
        self.outer.addWidget(self.intro)
        self.sheet = FigureSheet(session.store, self, saver=session.saver)  # a failed figure is retried as text
        self.sheet.set_report(session.report)
        self.sheet.changed.connect(self.changed)
        # at a large text size the table needs the height
        self.sheet.large_text.connect(lambda large: self.intro.setVisible(not large))
        self.outer.addWidget(self.sheet, 1)

    def first_focus(self) -> QWidget | None:
        return self.sheet

    def reload(self) -> None:
        if self.session.report is not None:
            self.sheet.set_report(self.session.report)

    def progress(self) -> tuple[int, int]:
        return self.sheet.progress()
