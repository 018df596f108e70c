"""The editors of the figure sheet's cells: a figure as typed for 本年度, a drop-down list for 填写方式."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from fzdesk.domain.catalogue import Indicator
from fzdesk.domain.figure_paste import clipboard_cells
from fzdesk.domain.figure_text import CHOICE_HINTS, CHOICE_LABELS, CN_NUMERALS, Choice, normalize_digits, read_typed
from fzdesk.ui.figure_model import COL_CHOICE, COL_HELP, FigureModel

#: The sheet's undo and redo keys (QKeySequence text).
UNDO_KEYS = ("Ctrl+Z",)
REDO_KEYS = ("Ctrl+Y", "Ctrl+Shift+Z")
#: A number being typed is saved after this pause, so that a crash loses at most the last second of typing.
LIVE_SAVE_MS = 600
_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


#: What may still become a figure while it is being typed ("近", "6万", "不涉"): no remark yet.
_TYPING = re.compile(rf"(近|将近|接近|将|接)?[\d.{CN_NUMERALS}]*[余多]?")


class ValueEditor(QLineEdit):
    """The 本年度 editor: takes numbers, "近百", "60000余" and "不涉及" as typed (nothing is dropped), saves
    while the user types (after a short pause) once the text is a figure; Esc puts back what was there.

    refused carries the Chinese reason the text is not a figure (or "" once it is one again); spread asks the sheet
    to paste the clipboard's several cells from this figure down (one cell is pasted into the text as usual)."""

    refused = Signal(str)
    spread = Signal()
    undo_wanted = Signal(bool)  # Ctrl+Z (False) or Ctrl+Y (True) with nothing typed here to undo or redo

    def __init__(self, model: FigureModel, indicator: Indicator, parent: QWidget) -> None:
        super().__init__(parent)
        self.model = model
        self.indicator = indicator
        self.code = indicator.code
        self.original = model.entry(self.code)
        self.original_pending = model.pending.get(self.code)
        self.saved_live = False
        self.token = object()  # this editor's saves are one undo step (see UndoHistory.record)
        self._said = False
        self.setAccessibleName(f"{indicator.name}（{indicator.unit}）")
        self.setAlignment(_RIGHT)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(LIVE_SAVE_MS)
        self.pause.timeout.connect(self.save_now)
        self.textEdited.connect(self._edited)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste) and several_cells():
            self.spread.emit()
            return
        # a single click or Enter opens the next cell's editor at once: Ctrl+Z there, with nothing typed in it,
        # means the figure saved last (the line edit's own undo would do nothing)
        keys = QKeySequence(event.keyCombination()).toString()
        if keys in UNDO_KEYS and not self.isUndoAvailable():
            self.undo_wanted.emit(False)
            return
        if keys in REDO_KEYS and not self.isRedoAvailable():
            self.undo_wanted.emit(True)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        paste = menu.findChild(QAction, "edit-paste") if several_cells() else None
        if paste is not None:
            paste.triggered.disconnect()
            paste.triggered.connect(self.spread.emit)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def problem(self) -> str | None:
        """Why the text is not a figure, or None when it is one (or empty)."""
        try:
            read_typed(self.text(), self.indicator.integral, self.indicator.unit)
        except ValueError as exc:
            return str(exc)
        return None

    def _edited(self, text: str) -> None:
        problem = self.problem()
        if problem is None:
            self.pause.start()
        else:
            self.pause.stop()
        plain = normalize_digits(text)
        unit = self.indicator.unit
        typing = (_TYPING.fullmatch(plain.removesuffix(unit) if unit else plain) is not None
                  or "不涉及".startswith(plain))
        if problem is not None and not typing:
            self.say(problem)
        elif self._said:
            self.say("")

    def say(self, text: str) -> None:
        self._said = bool(text)
        self.refused.emit(text)

    def save_now(self) -> None:
        self.pause.stop()
        if self.problem() is None and self.model.type_value(self.code, self.text(), merge=self.token):
            self.saved_live = True

    def revert(self) -> None:
        """Esc: the figure goes back to what it was when editing began."""
        self.pause.stop()
        if self.saved_live:
            self.model.set_entry(self.code, self.original, merge=self.token)
            if self.original_pending is not None:
                self.model.pending[self.code] = self.original_pending
            self.saved_live = False


def several_cells() -> bool:
    """The clipboard holds more than one cell (a column or a block copied from Excel or WPS)."""
    cells = clipboard_cells(QApplication.clipboard().text())
    return len(cells) > 1 or (len(cells) == 1 and len(cells[0]) > 1)


class ChoiceBox(QComboBox):
    """The 填写方式 combo: a choice made in its drop-down list is final (arrow keys only move)."""

    picked = Signal()
    _open = False

    def showPopup(self) -> None:
        self._open = True
        super().showPopup()

    def hidePopup(self) -> None:
        super().hidePopup()
        if self._open:  # the list hides before the combo takes the choice: pass it on once that is done
            self._open = False
            QTimer.singleShot(0, self.picked.emit)


class FigureDelegate(QStyledItemDelegate):
    """Creates the cell editors; Enter saves and goes on to the next figure; rows a little taller to read."""

    refused = Signal(str)
    paste_wanted = Signal(QWidget)  # an open 本年度 editor asked for the clipboard's cells to be spread
    undo_wanted = Signal(QWidget, bool)  # an open 本年度 editor with nothing to undo passed on Ctrl+Z (redo: True)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        model = index.model()
        assert isinstance(model, FigureModel)
        ind = model.indicator(index)
        assert ind is not None
        if index.column() == COL_CHOICE:
            combo = ChoiceBox(parent)
            combo.setAccessibleName(f"{ind.name}的填写方式")
            for number, choice in enumerate(Choice):
                combo.addItem(CHOICE_LABELS[choice], choice.value)
                combo.setItemData(number, CHOICE_HINTS[choice], Qt.ItemDataRole.ToolTipRole)
            combo.picked.connect(lambda: self._picked(combo))
            return combo
        editor = ValueEditor(model, ind, parent)
        editor.refused.connect(lambda text: self.refused.emit(f"“{ind.name}”：{text}" if text else ""))
        editor.spread.connect(lambda: self.paste_wanted.emit(editor))
        editor.undo_wanted.connect(lambda redo: self.undo_wanted.emit(editor, redo))
        return editor

    def _picked(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, ValueEditor):
            editor.pause.stop()
            problem = editor.problem()
            if problem is not None:  # the editor is closing anyway (clicked away): keep what was there
                editor.revert()
                editor.say(f"{problem}（没有保存，仍是原来的数）")
            elif editor.text() != (index.data(Qt.ItemDataRole.EditRole) or ""):
                editor.model.type_value(editor.code, editor.text(), merge=editor.token)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and isinstance(editor, QWidget):
            if event.key() == Qt.Key.Key_Escape and isinstance(editor, ValueEditor):
                editor.revert()
            elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return self._enter(editor, event)
            elif event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and isinstance(editor, ValueEditor):
                problem = editor.problem()
                if problem is not None:  # Tab would leave a figure that is not one: say why, stay
                    editor.say(problem)
                    return True
        return super().eventFilter(editor, event)

    def _enter(self, editor: QWidget, event: QKeyEvent) -> bool:
        """Enter saves and goes on to the next figure (Qt's own Enter stays put); a combo's Enter stays."""
        if isinstance(editor, ValueEditor):
            problem = editor.problem()
            if problem is not None:  # never save another number than the one typed: say why, keep the text
                editor.say(problem)
                return True
        if isinstance(editor, QComboBox) and editor.view().isVisible():
            return super().eventFilter(editor, event)
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint if isinstance(editor, QComboBox)
                              else QAbstractItemDelegate.EndEditHint.EditNextItem)
        return True

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        if index.internalId() == 0:  # a family heading
            option.font.setBold(True)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        if index.column() == COL_HELP:  # a gap after the right-aligned 上年度 numbers
            option = QStyleOptionViewItem(option)
            option.rect = option.rect.adjusted(option.fontMetrics.horizontalAdvance("　"), 0, 0, 0)
        super().paint(painter, option, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> Any:
        size = super().sizeHint(option, index)
        size.setHeight(max(size.height(), option.fontMetrics.height() + 14))
        return size
