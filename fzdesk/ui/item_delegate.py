"""The item lists' rows: padded, a line under each, the selected one flat in the palette's Highlight."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem


def _brush(colour: str) -> QBrush:
    """A brush of one colour. (QBrush(QColor) and QPainter.fillRect() make PySide build the Qt namespace's
    enums, ~15 ms, while matching their overloads: a page with an item list may be the first one shown.)"""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(colour))
    return palette.window()


def _fill(painter: QPainter, rect: QRect, brush: QBrush) -> None:
    """painter.fillRect(rect, brush) without fillRect (see _brush)."""
    background = painter.background()
    painter.setBackground(brush)
    painter.eraseRect(rect)
    painter.setBackground(background)


class PaddedItems(QStyledItemDelegate):
    """Room around each item of a list (what the sheet's `::item { padding }` did), the selected item flat in the
    palette's Highlight (as the sheet drew it: the Windows styles would paint their own selection colour), and,
    with `line`, a 1 px line under each item. Runs per item painted: kept short."""

    def __init__(self, view: QListWidget, vertical: int, horizontal: int, line: str | None = None) -> None:
        super().__init__(view)
        self.margins = QMargins(horizontal, vertical, horizontal, vertical + (line is not None))
        self.line = _brush(line) if line is not None else None
        self._selected_icons: dict[int, QIcon] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        inner = QStyleOptionViewItem(option)
        inner.rect = option.rect.marginsRemoved(self.margins)  # text wraps in the room left inside the padding
        return super().sizeHint(inner, index).grownBy(self.margins)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style()
        full = QRect(opt.rect)
        if opt.state & QStyle.StateFlag.State_Selected:
            group = QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active \
                else QPalette.ColorGroup.Inactive
            _fill(painter, full, opt.palette.brush(group, QPalette.ColorRole.Highlight))
            palette = opt.palette  # (QPalette(palette) would build the Qt namespace's enums: see _brush)
            palette.setColor(QPalette.ColorRole.Text, palette.color(group, QPalette.ColorRole.HighlightedText))
            opt.palette = palette
            opt.state &= ~QStyle.StateFlag.State_Selected
            if not opt.icon.isNull():
                opt.icon = self._selected_icon(opt.icon, opt.decorationSize, widget.devicePixelRatioF())
        elif self.line is None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)  # hover
        opt.state &= ~QStyle.StateFlag.State_MouseOver
        if self.line is not None:
            _fill(painter, QRect(full.left(), full.bottom(), full.width(), 1), self.line)
        opt.rect = full.marginsRemoved(self.margins)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

    def _selected_icon(self, icon: QIcon, size: QSize, ratio: float) -> QIcon:
        """The icon as a selected item shows it (tinted by the style), for an item drawn without its selected state."""
        key = icon.cacheKey()
        selected = self._selected_icons.get(key)
        if selected is None:
            selected = QIcon(icon.pixmap(size, ratio, QIcon.Mode.Selected))
            self._selected_icons[key] = selected
        return selected
