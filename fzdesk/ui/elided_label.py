"""A wrapped label that never makes its page scroll: it shows the lines its height allows, the last one cut with …"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QWidget


class ElidedLabel(QLabel):
    """Text wrapped to the label's width, on as many lines as it needs (up to max_lines) when there is room (its size
    hint) and on at least min_lines when there is not: the last line shown then ends in … and the whole text is the
    tooltip, also shown by a click on it.

    A QLabel with word wrap reports a height for its width, which a QScrollArea (the window's page) takes as the
    least height of the page: a long message at a large text size pushed the help under it off the screen and the
    page had to be scrolled. This one asks only for min_lines, and never for a width (a long line is not a reason
    to widen the page)."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, min_lines: int = 1,
                 max_lines: int | None = None) -> None:
        super().__init__(parent)
        self.min_lines = min_lines
        self.max_lines = max_lines  # asks for no more even when there is room (what is next to it matters more)
        self._own_tip = ""
        self._elided = False
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    # ----- what is shown ---------------------------------------------------------------------------
    def setText(self, text: str) -> None:
        super().setText(text)
        self.updateGeometry()
        self._update_tip()
        self.update()

    def lines(self, width: int | None = None) -> list[str]:
        """The text broken into lines at width (the label's own by default), as a reader sees them."""
        text = self.text()
        if not text:
            return []
        width = max(1, self.contentsRect().width() if width is None else width)
        out: list[str] = []
        for paragraph in text.split("\n"):
            layout = QTextLayout(paragraph, self.font())
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                out.append(paragraph[line.textStart():line.textStart() + line.textLength()])
            layout.endLayout()
            if not paragraph:
                out.append("")
        return out

    def shown_lines(self) -> list[str]:
        """The lines painted at the label's size: all of them, or as many as fit, the last ending in …"""
        lines = self.lines()
        room = self._room()
        if len(lines) <= room:
            return lines
        rest = "".join(lines[room - 1:])
        last = self.fontMetrics().elidedText(rest + "…", Qt.TextElideMode.ElideRight, self.contentsRect().width())
        return [*lines[:room - 1], last]

    def is_elided(self) -> bool:
        return self._elided

    # ----- Qt -------------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        lines = len(self.lines())
        return QSize(self.fontMetrics().averageCharWidth() * 8,
                     self._height(lines if self.max_lines is None else min(lines, self.max_lines)))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self._height(min(self.min_lines, len(self.lines()))))

    def setToolTip(self, text: str) -> None:
        self._own_tip = text
        self._update_tip()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # the lines needed change with the width
        self._update_tip()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        area = self.contentsRect()
        step = self.fontMetrics().lineSpacing()
        for number, line in enumerate(self.shown_lines()):
            painter.drawText(area.left(), area.top() + number * step, area.width(), step,
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self._elided:
            super().mouseReleaseEvent(event)
            return
        # the whole text on demand, not only when the mouse rests on it; the release is taken here (passed on to
        # the parent, it would close the tip at once)
        event.accept()
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), self.text(), self)

    def _height(self, lines: int) -> int:
        margins = self.contentsMargins()
        return lines * self.fontMetrics().lineSpacing() + margins.top() + margins.bottom() if lines else 0

    def _room(self) -> int:
        return max(1, self.contentsRect().height() // self.fontMetrics().lineSpacing())

    def _update_tip(self) -> None:
        self._elided = len(self.lines()) > self._room()
        super().setToolTip(self.text() if self._elided else self._own_tip)
