"""Check boxes and radio buttons whose text wraps onto further lines in a narrow column, as a wrapped label does.

Qt's own draw their text on one line: at the largest text size the import dialog's options ("替换原有的报告（原报告
被删除）") were twice as wide as their column on a 1024 x 768 screen, and the column scrolled sideways."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFocusRect,
    QStylePainter,
    QWidget,
)

PM = QStyle.PixelMetric
if TYPE_CHECKING:  # the members _Wrapping uses, which both QCheckBox and QRadioButton have
    _Button = QCheckBox
else:  # at run time a plain mixin, ahead of the Qt class in each button's bases
    _Button = object
_WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
LEAST_EMS = 6  # the narrowest such a button gets: six characters a line


class _Shape:
    """Where a wrapping button's indicator and text go, for its style element and the indicator's metrics."""

    def __init__(self, control: QStyle.ControlElement, width: PM, spacing: PM) -> None:
        self.control, self.width, self.spacing = control, width, spacing

    def indent(self, b: QAbstractButton) -> int:
        return b.style().pixelMetric(self.width, None, b) + b.style().pixelMetric(self.spacing, None, b)

    def line(self, b: QAbstractButton) -> int:
        """The first line's height: the indicator sits beside it."""
        return max(QFontMetrics(b.font()).height(), b.style().pixelMetric(self.width, None, b))

    def top(self, b: QAbstractButton) -> int:
        return (self.line(b) - QFontMetrics(b.font()).height()) // 2

    def height(self, b: QAbstractButton, width: int) -> int:
        room = QRect(0, 0, max(1, width - self.indent(b)), 1 << 20)
        text = QFontMetrics(b.font()).boundingRect(room, int(_WRAP | Qt.TextFlag.TextShowMnemonic), b.text())
        return max(self.line(b), self.top(b) + text.height())

    def size_hint(self, b: QAbstractButton) -> QSize:
        one_line = QFontMetrics(b.font()).horizontalAdvance(b.text().replace("&&", "\0").replace("&", ""))
        width = self.indent(b) + one_line + 2
        return QSize(width, self.height(b, width))

    def minimum(self, b: QAbstractButton) -> QSize:
        width = min(self.size_hint(b).width(),
                    self.indent(b) + LEAST_EMS * QFontMetrics(b.font()).horizontalAdvance("字"))
        return QSize(width, self.height(b, width))

    def paint(self, b: QAbstractButton, option: QStyleOptionButton) -> None:
        painter = QStylePainter(b)
        text = option.text
        option.text = ""  # the indicator alone, beside the first line; the text is drawn wrapped beside it
        option.rect = QRect(0, 0, self.indent(b), self.line(b))
        option.state &= ~QStyle.StateFlag.State_HasFocus
        painter.drawControl(self.control, option)
        area = QRect(self.indent(b), self.top(b), b.width() - self.indent(b), b.height() - self.top(b))
        shown = b.style().styleHint(QStyle.StyleHint.SH_UnderlineShortcut, option, b)
        flags = int(_WRAP | (Qt.TextFlag.TextShowMnemonic if shown else Qt.TextFlag.TextHideMnemonic))
        painter.drawItemText(area, flags, b.palette(), b.isEnabled(), text, QPalette.ColorRole.WindowText)
        if b.hasFocus():
            focus = QStyleOptionFocusRect()
            focus.initFrom(b)
            focus.rect = b.style().itemTextRect(b.fontMetrics(), area, flags, b.isEnabled(), text)
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus)


def _wraps(button: QAbstractButton) -> None:
    policy = button.sizePolicy()
    policy.setHeightForWidth(True)
    policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
    button.setSizePolicy(policy)


class _Wrapping(_Button):
    """What both wrapping buttons add to their Qt class: the height their wrapped text needs at a width, size hints
    and painting from their _Shape, and all of the text clickable."""

    shape: _Shape

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.shape.height(self, width)

    def sizeHint(self) -> QSize:
        return self.shape.size_hint(self)

    def minimumSizeHint(self) -> QSize:
        return self.shape.minimum(self)

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        self.shape.paint(self, option)


class WrappingCheckBox(_Wrapping, QCheckBox):
    """A QCheckBox whose text wraps within the width its layout gives it; all of it is clickable."""

    shape = _Shape(QStyle.ControlElement.CE_CheckBox, PM.PM_IndicatorWidth, PM.PM_CheckBoxLabelSpacing)

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        _wraps(self)


class WrappingRadioButton(_Wrapping, QRadioButton):
    """A QRadioButton whose text wraps within the width its layout gives it; all of it is clickable."""

    shape = _Shape(QStyle.ControlElement.CE_RadioButton, PM.PM_ExclusiveIndicatorWidth,
                   PM.PM_RadioButtonLabelSpacing)

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        _wraps(self)
