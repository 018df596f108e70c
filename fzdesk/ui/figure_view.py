"""The figure sheet's tree: Tab, Enter and the arrows go from figure to figure; columns fitted to its width."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from fzdesk.ui.figure_model import COL_CHOICE, COL_HELP, COL_LAST, COL_NAME, COL_UNIT, COL_VALUE


class FigureView(QTreeView):
    """A tree whose Tab and Enter go from one figure's value to the next, skipping headings; its columns fitted to
    its width."""

    #: The view's own font changed (the window's text size reaches it through the style sheet, often after
    #: the sheet's FontChange, and when a page is built at a saved size, only the view hears of it).
    font_changed = Signal()
    resized = Signal()  # the columns are fitted to the width again

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.font_changed.emit()

    def neighbour(self, index: QModelIndex, step: int) -> QModelIndex:
        model = self.model()
        positions: list[QModelIndex] = []
        for family in range(model.rowCount()):
            top = model.index(family, 0)
            if self.isRowHidden(family, QModelIndex()) or not self.isExpanded(top):
                continue
            positions.extend(model.index(row, COL_VALUE, top) for row in range(model.rowCount(top))
                             if not self.isRowHidden(row, top))
        if not positions:
            return QModelIndex()
        keys = [(p.parent().row(), p.row()) for p in positions]
        if index.isValid() and index.parent().isValid():
            here = (index.parent().row(), index.row())
        elif index.isValid():
            here = (index.row(), -1)
        else:
            here = (-1, -1)
        if step > 0:
            later = [p for p, k in zip(positions, keys, strict=True) if k > here]
            return later[0] if later else QModelIndex()
        earlier = [p for p, k in zip(positions, keys, strict=True) if k < here]
        return earlier[-1] if earlier else QModelIndex()

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        if action is QAbstractItemView.CursorAction.MoveNext:
            return self.neighbour(self.currentIndex(), 1)
        if action is QAbstractItemView.CursorAction.MovePrevious:
            return self.neighbour(self.currentIndex(), -1)
        current = self.currentIndex()
        sideways = {QAbstractItemView.CursorAction.MoveLeft: -1, QAbstractItemView.CursorAction.MoveRight: 1}
        if action in sideways and current.parent().isValid():  # a figure: Left and Right go along its row
            shown = [c for c in range(self.model().columnCount()) if not self.isColumnHidden(c)]
            place = shown.index(current.column()) if current.column() in shown else 0
            return current.siblingAtColumn(shown[min(max(place + sideways[action], 0), len(shown) - 1)])
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            target = self.neighbour(self.currentIndex(), 1)
            if target.isValid():
                self.setCurrentIndex(target)
            event.accept()
            return
        current = self.currentIndex()
        if (event.key() == Qt.Key.Key_Backspace and current.parent().isValid()
                and self.state() != self.State.EditingState):
            # Backspace on a figure, as in Excel: its 本年度 opens emptied, ready for the new number (it did nothing)
            target = current.siblingAtColumn(COL_VALUE)
            self.setCurrentIndex(target)
            if self.edit(target, QAbstractItemView.EditTrigger.AnyKeyPressed, event):
                event.accept()
                return
        typed = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if (plain and typed and typed.isprintable() and current.parent().isValid()
                and current.column() not in (COL_CHOICE, COL_VALUE) and self.state() != self.State.EditingState):
            # typing on a figure's name, unit or 上年度 (reached with the arrow keys) is meant for its 本年度:
            # the key was lost before
            self.setCurrentIndex(current.siblingAtColumn(COL_VALUE))
        super().keyPressEvent(event)

    def fit_columns(self, names: list[str]) -> None:
        """Column widths from the font (no measuring of every cell: that is what makes big sheets slow), fitted to
        the view's width so that the name and 本年度 of a figure are seen together (no sideways scrolling, which
        at a large text size hid the names): a long name is cut in its middle (the help below shows it whole),
        and when even that is too wide, 上年度 (also shown below) makes room."""
        header = self.header()
        header.setStretchLastSection(True)
        metrics = self.fontMetrics()
        longest = max(names, key=metrics.horizontalAdvance, default="")
        indent = self.indentation() + 16
        widths = {COL_NAME: metrics.horizontalAdvance(longest) + indent,
                  COL_CHOICE: metrics.horizontalAdvance("约数·余▾") + 32,
                  COL_VALUE: metrics.horizontalAdvance("000000000.00") + 24,
                  COL_UNIT: metrics.horizontalAdvance("人次") + 24,
                  COL_LAST: metrics.horizontalAdvance("000000000.00") + 24}
        room = self.viewport().width()
        least_name = metrics.horizontalAdvance("被申请复议") + indent
        # narrow (a large text size on a small screen): numbers of up to 7 digits and 2 decimals, then without
        # 上年度, then without 单位 (both stand in the help under the table); 说明 only when a few words fit
        hidden: set[int] = set()
        for drop in (COL_LAST, COL_UNIT):
            if least_name + sum(w for c, w in widths.items() if c != COL_NAME and c not in hidden) <= room:
                break
            widths[COL_VALUE] = metrics.horizontalAdvance("0000000.00") + 24
            hidden.add(drop)
        others = sum(w for c, w in widths.items() if c != COL_NAME and c not in hidden)
        widths[COL_NAME] = max(least_name, min(widths[COL_NAME], room - others))
        if room - others - widths[COL_NAME] < metrics.horizontalAdvance("说明说明说明"):
            hidden.add(COL_HELP)  # the last column shown takes the rest
        for column in (COL_UNIT, COL_LAST, COL_HELP):
            self.setColumnHidden(column, column in hidden)
        widths[COL_HELP] = max(header.minimumSectionSize(), room - others - widths[COL_NAME])
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
