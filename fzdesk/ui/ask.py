"""A question in a message box whose answers are the program's own words (转到检查 / 仍然导出 / 取消, ...)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

Role = QMessageBox.ButtonRole


def ask(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
        answers: Sequence[tuple[str, QMessageBox.ButtonRole]], default: int | None = None) -> int | None:
    """Shows the question; the index in answers of the button clicked (None if the box was closed otherwise).
    default: the index of the button Enter presses; the answer with RejectRole is the one Esc gives."""
    box = QMessageBox(icon, title, text, parent=parent)
    buttons = [box.addButton(label, role) for label, role in answers]
    if default is not None:
        box.setDefaultButton(buttons[default])
    for button, (_, role) in zip(buttons, answers, strict=True):
        if role is Role.RejectRole:
            box.setEscapeButton(button)
    box.exec()
    clicked = box.clickedButton()
    return next((i for i, button in enumerate(buttons) if button is clicked), None)
