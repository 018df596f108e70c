"""The editors of the figure sheet's cells: digits only for 本年度, a drop-down list for 填写方式."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from fzdesk.domain.catalogue import Indicator
from fzdesk.domain.figure_text import CHOICE_HINTS, CHOICE_LABELS, Choice, check_partial, normalize_digits, refusal
from fzdesk.ui.figure_model import COL_CHOICE, COL_HELP, FigureModel

#: A number being typed is saved after this pause, so that a crash loses at most the last second of typing.
LIVE_SAVE_MS = 600
_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class FigureValidator(QValidator):
    """Lets through only what can become a number of the indicator's kind; says why it refused."""

    refused = Signal(str)

    def __init__(self, integral: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.integral = integral

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        plain = normalize_digits(text)
        if check_partial(plain, self.integral):
            state = QValidator.State.Intermediate if plain == "." else QValidator.State.Acceptable
            return state, plain, min(pos, len(plain))
        self.refused.emit(refusal(plain, self.integral) or "")
        return QValidator.State.Invalid, text, pos


class ValueEditor(QLineEdit):
    """The 本年度 editor: saves while the user types (after a short pause); Esc puts back what was there."""

    def __init__(self, model: FigureModel, indicator: Indicator, parent: QWidget) -> None:
        super().__init__(parent)
        self.model = model
        self.code = indicator.code
        self.original = model.entry(self.code)
        self.original_pending = model.pending.get(self.code)
        self.saved_live = False
        self.setAccessibleName(f"{indicator.name}（{indicator.unit}）")
        self.setAlignment(_RIGHT)
        self.setValidator(FigureValidator(indicator.integral, self))
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(LIVE_SAVE_MS)
        self.pause.timeout.connect(self.save_now)
        self.textEdited.connect(lambda _text: self.pause.start())

    @property
    def validator_(self) -> FigureValidator:
        validator = self.validator()
        assert isinstance(validator, FigureValidator)
        return validator

    def save_now(self) -> None:
        self.pause.stop()
        if self.hasAcceptableInput() and self.model.type_value(self.code, self.text()):
            self.saved_live = True

    def revert(self) -> None:
        """Esc: the figure goes back to what it was when editing began."""
        self.pause.stop()
        if self.saved_live:
            self.model.set_entry(self.code, self.original)
            if self.original_pending is not None:
                self.model.pending[self.code] = self.original_pending


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
        editor.validator_.refused.connect(lambda text: self.refused.emit(f"“{ind.name}”：{text}"))
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
            if editor.text() != (index.data(Qt.ItemDataRole.EditRole) or ""):
                model.setData(index, editor.text())

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and isinstance(editor, QWidget):
            if event.key() == Qt.Key.Key_Escape and isinstance(editor, ValueEditor):
                editor.revert()
            elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return self._enter(editor, event)
        return super().eventFilter(editor, event)

    def _enter(self, editor: QWidget, event: QKeyEvent) -> bool:
        """Enter saves and goes on to the next figure (Qt's own Enter stays put); a combo's Enter stays."""
        if isinstance(editor, QLineEdit) and not editor.hasAcceptableInput():
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
