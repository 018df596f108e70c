"""What a screen reader (NVDA, 争渡读屏, 阳光读屏, Orca) says of a window, and where Tab goes in it.

`audit(root)` lists every visible, enabled, focusable input or button of root whose accessible name (what the screen
reader reads, asked from QAccessible as the reader asks) says nothing a clerk understands, every label with an Alt
letter that leads nowhere, and every icon-only button without a name and a tooltip. `tab_problems` walks the Tab chain
and lists the steps that go against reading order (top to bottom, left to right)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

#: The kinds of widget a clerk reaches with Tab and a screen reader must name.
INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView)
CJK = re.compile(r"[\u4e00-\u9fff]")


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader reads for widget (its own, a buddy label's, a button's text). A combo box's name
    is its own or its label's (Qt on Linux gives its current entry as the name: a value, not what the field is)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None:
        return ""
    if isinstance(widget, QComboBox):
        labels = [other.text(QAccessible.Text.Name) for other, relation in iface.relations()
                  if relation & QAccessible.RelationFlag.Label]
        return widget.accessibleName() or next(iter(labels), "")
    return iface.text(QAccessible.Text.Name)


def meaningful(name: str) -> bool:
    """A name a clerk understands: some Chinese, not only punctuation, &, digits or an English class name."""
    return bool(CJK.search(name.replace("&", "")))


def describe(widget: QWidget) -> str:
    """Where the widget is, for the failure message: its class, its window, its place and what it shows."""
    place = widget.mapTo(widget.window(), widget.rect().topLeft())
    shown = ""
    if isinstance(widget, QAbstractButton):
        shown = widget.text()
    elif isinstance(widget, QLineEdit | QComboBox):
        shown = widget.placeholderText() if isinstance(widget, QLineEdit) else widget.currentText()
    title = widget.window().windowTitle() or type(widget.window()).__name__
    return (f"{type(widget).__name__}({widget.objectName() or '-'}) in {title} at ({place.x()},{place.y()})"
            f" shows {shown!r} tooltip {widget.toolTip()[:30]!r} named {accessible_name(widget)!r}")


def _inner(widget: QWidget) -> bool:
    """A part of another widget, named with it: an editable combo box's or spin box's line edit, Qt's own buttons of
    a scroll bar or tab bar, an item view's open editor."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return type(widget).__name__ in ("QToolBarExtension", "QTabBar", "QScrollBar")


def reachable(root: QWidget) -> list[QWidget]:
    """The inputs and buttons of root a clerk can reach now (visible, enabled, taking the keyboard focus), and any
    other widget Tab stops at (a scroll area that takes the focus is read too)."""
    found = [root, *root.findChildren(QWidget)]
    return [w for w in found if w.isVisible() and w.isEnabled() and not _inner(w)
            and ((isinstance(w, INPUTS) and w.focusPolicy() != Qt.FocusPolicy.NoFocus)
                 or w.focusPolicy() & Qt.FocusPolicy.TabFocus)]


def unnamed(root: QWidget) -> list[str]:
    """Inputs and buttons without a meaningful name, and fields that read the same name as another field (e.g. two
    fields in a group box, both read as the box's title)."""
    found = [describe(w) for w in reachable(root) if not meaningful(accessible_name(w))]
    names: dict[str, list[QWidget]] = {}
    for w in reachable(root):
        names.setdefault(heard(w), []).append(w)
    found += [f"{len(same)} widgets read alike as {name!r}: " + "; ".join(describe(w) for w in same)
              for name, same in names.items() if len(same) > 1 and meaningful(name)]
    return found


def heard(widget: QWidget) -> str:
    """What tells the widget apart when heard: its name without the Alt letter ("(5)") and the marks a reader
    skips, with its description."""
    name = re.sub(r"\(\w\)|[\s…*：:]", "", accessible_name(widget))
    return f"{name}|{widget.accessibleDescription()}"


def mnemonic(text: str) -> bool:
    """The text has an Alt letter (&X): not an escaped && nor an HTML entity (&nbsp;)."""
    return bool(re.search(r"&(?![\w#]+;)\w", text.replace("&&", "")))


def labels_without_buddy(root: QWidget) -> list[str]:
    return [f"QLabel {label.text()!r} has an Alt letter but no buddy" for label in root.findChildren(QLabel)
            if label.isVisible() and mnemonic(label.text()) and label.buddy() is None]


def icon_only_buttons(root: QWidget) -> list[str]:
    return [f"icon-only {describe(b)} needs a name and a tooltip" for b in root.findChildren(QAbstractButton)
            if b.isVisible() and not b.text() and not b.icon().isNull()
            and not (meaningful(b.accessibleName()) and meaningful(b.toolTip())) and not _inner(b)]


def item_names(view: QAbstractItemView) -> list[str]:
    """What the screen reader reads for each row of a list (the model's AccessibleTextRole, else its text)."""
    iface = QAccessible.queryAccessibleInterface(view)
    if iface is None or not isinstance(view, QListView):
        return []
    return [iface.child(i).text(QAccessible.Text.Name) for i in range(iface.childCount())
            if iface.child(i) is not None]


def unnamed_items(root: QWidget) -> list[str]:
    """Rows of the lists that read as nothing (an icon, a number)."""
    found = []
    for view in root.findChildren(QListView):
        if view.isVisible():
            found += [f"row {name!r} of {describe(view)}" for name in item_names(view) if not meaningful(name)]
    return found


def audit(root: QWidget) -> list[str]:
    """Everything a screen reader user or a keyboard user would miss on root (a page, a dialog, a window)."""
    return unnamed(root) + labels_without_buddy(root) + icon_only_buttons(root) + unnamed_items(root)


# ----- Tab order -----------------------------------------------------------------------------------------------
def box(widget: QWidget) -> QRect:
    """The widget's rectangle in its window's coordinates."""
    return QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())


def _shown_at(widget: QWidget, common: QWidget) -> QWidget:
    """What stands for widget in the reading order of common's content: the outermost scroll area between them
    (its content is read where the area is, however far it is scrolled), else widget itself."""
    stand_in, parent = widget, widget.parentWidget()
    while parent is not None and parent is not common:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QAbstractItemView | QTextEdit
                                                                         | QPlainTextEdit):
            stand_in = parent
        parent = parent.parentWidget()
    return stand_in


def boxes(a: QWidget, b: QWidget) -> tuple[QRect, QRect]:
    """The two widgets' rectangles as they are read: in their lowest common ancestor's content."""
    common = a.parentWidget()
    while common is not None and not common.isAncestorOf(b):
        common = common.parentWidget()
    shown = [_shown_at(w, common) if common is not None else w for w in (a, b)]
    if shown[0] is shown[1]:  # both in one scroll area's content: their places there
        return box(a), box(b)
    return box(shown[0]), box(shown[1])


def against_reading(a: QRect, b: QRect) -> bool:
    """Tab from a to b goes backwards: up in the same column, or left on the same line. (Up into a column to the
    right is the next column's start.)"""
    same_line = min(a.bottom(), b.bottom()) - max(a.top(), b.top()) > min(a.height(), b.height()) // 2
    if same_line:
        return b.right() < a.left()
    up = b.bottom() < a.top()
    return up and b.left() < a.right() - 4


def tab_walk(start: QWidget, stop: Iterable[QWidget], limit: int = 80) -> list[QWidget]:
    """The widgets Tab visits from start (which gets the focus) until one of stop, as the window moves the focus
    (its focusNextPrevChild; a text editor's or a table's own use of Tab left aside)."""
    window = start.window()
    ends = list(stop)
    start.setFocus()
    QApplication.processEvents()
    visited = [start]
    for _ in range(limit):
        window.focusNextPrevChild(True)
        QApplication.processEvents()
        now = QApplication.focusWidget()
        if now is None or now is visited[-1]:
            break
        visited.append(now)
        if now in ends:
            break
    return visited


def _group(radio: QRadioButton) -> list[QAbstractButton]:
    """The radio buttons one Tab stop stands for (the arrow keys move between them)."""
    group = radio.group()
    if group is not None:
        return group.buttons()
    parent = radio.parentWidget()
    siblings = parent.findChildren(QRadioButton, options=Qt.FindChildOption.FindDirectChildrenOnly) if parent else []
    return [b for b in siblings if b.autoExclusive()] if radio.autoExclusive() else [radio]


def tab_problems(visited: Sequence[QWidget], expected: Iterable[QWidget], ends: Iterable[QWidget],
                 allowed: Iterable[tuple[QWidget, QWidget]] = ()) -> list[str]:
    """Steps against reading order (but the allowed ones), inputs Tab never reaches (a widget whose focus goes to
    another, a tab widget's to its tab bar, counts as that one), and a chain that never reaches the buttons."""
    ends, kept = list(ends), list(allowed)
    problems = [f"Tab from {describe(a)} to {describe(b)} goes against reading order"
                for a, b in pairwise(visited)
                if a.window() is b.window() and not any(b is e for e in ends) and against_reading(*boxes(a, b))
                and not any(a is x and b is y for x, y in kept)]
    problems += [f"Tab never reaches {describe(w)}" for w in expected if not any((w.focusProxy() or w) is v
                                                                                 for v in visited)
                 and not (isinstance(w, QRadioButton) and any(v in _group(w) for v in visited))]
    if not any(v is e for v in visited for e in ends):
        problems.append("Tab never reaches the buttons: " + " -> ".join(type(v).__name__ for v in visited))
    return problems
