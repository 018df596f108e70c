"""A question in a message box whose answers are the program's own words (转到检查 / 仍然导出 / 取消, ...), and a
message box that stays on the screen however long its text (at 28 pt a long list ran past a 1024 x 768 screen)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialogButtonBox, QFrame, QGridLayout, QLabel, QMessageBox, QScrollArea, QStyle, QWidget

from fzdesk.ui.style import FRAME_ROOM

Role = QMessageBox.ButtonRole
CANCEL = "取消(&C)"  # the program's 取消 answers: Esc gives them, Alt+C too
OK = "确定(&O)"
CLOSE = "关闭(&C)"
FRAME_HEIGHT = FRAME_ROOM.height()  # a window's title bar and frame


class MessageBox(QMessageBox):
    """A QMessageBox whose text scrolls when the box would be taller than 90% of its screen: the buttons stay on
    the screen, below the text."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # (QMessageBox sizes itself here, as tall as all of its text)
        self.keep_on_screen()

    def event(self, event: QEvent) -> bool:
        done = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest and self._fixed is not None:
            self.setFixedSize(self._fixed)  # (QMessageBox sized itself again, from its text alone)
        return done

    _fixed: QSize | None = None

    def keep_on_screen(self) -> None:
        screen = self.screen().availableGeometry()
        room = screen.height() * 9 // 10 - FRAME_HEIGHT
        label = self.findChild(QLabel, "qt_msgbox_label")
        if self.height() > room and label is not None and self._fixed is None:
            self._scroll_text(label, room)
        frame = self.frameGeometry()  # (centred on a wide window, a box ran past the screen's edge)
        if frame == self.geometry():  # not framed yet: the title bar and borders it will get
            side = FRAME_ROOM.width() // 2
            frame.adjust(-side, side - FRAME_HEIGHT, side, side)
        self.move(self.x() + max(screen.left() - frame.left(), min(0, screen.right() - frame.right())),
                  self.y() + max(screen.top() - frame.top(), min(0, screen.bottom() - frame.bottom())))

    def _scroll_text(self, label: QLabel, room: int) -> None:
        grid = self.layout()
        assert isinstance(grid, QGridLayout)
        # row, column, rows, columns (the stubs say object; PySide returns the four ints as a tuple)
        place = cast("tuple[int, int, int, int]", grid.getItemPosition(grid.indexOf(label)))
        around = self.height() - label.height()  # the buttons, the margins
        area = QScrollArea()
        area.setObjectName("longText")
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidgetResizable(True)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = label.width()
        grid.removeWidget(label)
        area.setWidget(label)
        area.setFixedSize(width + bar, max(room - around, 4 * label.fontMetrics().height()))
        grid.addWidget(area, place[0], place[1], place[2], place[3])
        self._fixed = QSize(self.width() + bar, area.height() + around)
        self.setFixedSize(self._fixed)


def ask(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
        answers: Sequence[tuple[str, QMessageBox.ButtonRole]], default: int | None = None) -> int | None:
    """Shows the question; the index in answers of the button clicked (None if the box was closed otherwise).
    default: the index of the button Enter presses, never a DestructiveRole answer (删除, 覆盖, 仍然关闭: the clerk
    must click those); without one Enter gives the RejectRole answer (取消), as Esc does."""
    rejecting = [i for i, (_, role) in enumerate(answers) if role is Role.RejectRole]
    if default is None and rejecting:
        default = rejecting[0]
    if default is not None and answers[default][1] is Role.DestructiveRole:
        raise ValueError(f"Enter would {answers[default][0]!r}: a destructive answer is never the default")
    box = MessageBox(icon, title, text, parent=parent)
    buttons = [box.addButton(label, role) for label, role in answers]
    if default is not None:
        box.setDefaultButton(buttons[default])
    if rejecting:
        box.setEscapeButton(buttons[rejecting[0]])
    box.exec()
    clicked = box.clickedButton()
    return next((i for i, button in enumerate(buttons) if button is clicked), None)


def name_keys(box: QDialogButtonBox) -> QDialogButtonBox:
    """确定(&O), 取消(&C) and 关闭(&C) on a button box's standard buttons (Qt's Chinese gives them no Alt letter)."""
    for which, text in ((QDialogButtonBox.StandardButton.Ok, OK), (QDialogButtonBox.StandardButton.Cancel, CANCEL),
                        (QDialogButtonBox.StandardButton.Close, CLOSE)):
        button = box.button(which)
        if button is not None:
            button.setText(text)
    return box
