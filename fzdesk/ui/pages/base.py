"""What every page shares: the session it edits and the helpers to lay out calm forms."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QLabel, QVBoxLayout, QWidget

from fzdesk import resources
from fzdesk.domain.model import Report, Unit, UnitType
from fzdesk.domain.outline_text import fill
from fzdesk.storage.store import Store
from fzdesk.ui import style
from fzdesk.ui.autosave import Autosaver


class Session:
    """The store, the autosaver and the unit and report the window is working on. (A plain class: a dataclass
    takes ~0.6 ms to make at start-up.)"""

    __slots__ = ("report", "saver", "store", "unit", "unit_written")

    def __init__(self, store: Store, saver: Autosaver, unit: Unit | None = None, report: Report | None = None) -> None:
        self.store = store
        self.saver = saver
        self.unit = unit
        self.report = report
        #: called with a new unit's id once its first write lands (it may have been kept for a retry)
        self.unit_written: Callable[[int], None] | None = None


def opening_example(session: Session) -> str:
    """The outline's opening for the unit's type, with the year and the unit's organ filled in: what a new report
    starts with, what 恢复示例文字 puts back on 开头 and what the 开头 step's state compares with."""
    unit, report = session.unit, session.report
    if unit is None or report is None:
        return ""
    organ = unit.organs[0] if unit.organs else unit.name
    return fill(resources.outline_opening(UnitType(unit.unit_type)), report.year, organ)


class Page(QWidget):
    """A wizard step's page; emits changed after its part of the model was edited."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.setSpacing(10)

    def hint(self, text: str) -> QLabel:
        """A short explanation in a softer colour, word-wrapped."""
        label = QLabel(text)
        label.setWordWrap(True)
        style.hint(label)
        return label

    def first_focus(self) -> QWidget | None:
        """The widget that gets the keyboard focus when the page is opened."""
        return None

    def reload(self) -> None:
        """Shows the model again after it changed behind the page's back (e.g. a history restore)."""


def open_history(parent: QWidget, session: Session, target: str, field: str, title: str) -> str | None:
    """Shows the history of one field; returns the value the user chose to restore, or None."""
    from PySide6.QtWidgets import QDialog

    from fzdesk.ui.history_dialog import HistoryDialog

    report = session.report
    assert report is not None and report.id is not None
    session.saver.flush()
    dialog = HistoryDialog(session.store, report.id, target, field, title, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    value = dialog.chosen_value
    return None if value is None else str(value)


def page_shortcut(page: QWidget, button: QAbstractButton, keys: str) -> None:
    """Keys that click button from anywhere on page (a button's own shortcut would replace its mnemonic)."""
    from PySide6.QtCore import Qt

    action = QAction(button.text(), page)
    action.setProperty("shortcut", keys)  # (Qt converts the text: PySide's QKeySequence is not needed)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def press() -> None:
        if button.isEnabled():
            button.click()

    action.triggered.connect(press)
    page.addAction(action)


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose mnemonic (&X) moves the focus to buddy."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def paragraphs(text: str) -> list[str]:
    """An editor's text as paragraphs (one a line), dropping blank lines."""
    return [line for line in text.split("\n") if line.strip()]
