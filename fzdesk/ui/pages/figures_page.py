"""Step 数据: the figure sheet of the indicator catalogue (the FigureSheet widget, embedded)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from fzdesk import resources
from fzdesk.domain.progress import figure_counts
from fzdesk.ui.pages.base import Page, Session


def catalogue_codes(catalogue_version: int) -> list[str]:
    return resources.indicator_codes(catalogue_version)


class FiguresPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        assert session.report is not None
        self.intro = self.hint("填数字，或直接键入约数（“近百”“60000余”）、“不涉及”。")
        self.outer.addWidget(self.intro)
        self.sheet: QWidget | None = None
        try:
            from fzdesk.ui.figure_sheet import FigureSheet
        except ImportError:  # the sheet is built in a parallel change; until then say so
            self.outer.addWidget(QLabel("数据表暂不可用。"))
            self.outer.addStretch(1)
            return
        sheet = FigureSheet(session.store, self)
        sheet.set_report(session.report)
        sheet.changed.connect(self.changed)
        sheet.large_text.connect(lambda large: self.intro.setVisible(not large))  # the table needs the height
        self.sheet = sheet
        self.outer.addWidget(sheet, 1)

    def first_focus(self) -> QWidget | None:
        return self.sheet

    def reload(self) -> None:
        if self.sheet is not None and self.session.report is not None:
            self.sheet.set_report(self.session.report)  # type: ignore[attr-defined]

    def progress(self) -> tuple[int, int]:
        if self.sheet is not None:
            return self.sheet.progress()  # type: ignore[attr-defined, no-any-return]
        report = self.session.report
        assert report is not None
        return figure_counts(report, catalogue_codes(report.catalogue_version))
