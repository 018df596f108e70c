"""Minimum sizes counted in lines and characters of a widget's own font, kept when the text size changes.

A page larger than the window scrolls (the window's page area is a scroll area); these minimums make a page ask
for the room its editing parts need at the clerk's text size, instead of being squeezed to two lines of an editor
or four characters of a title (QA at 19 pt on 1366x768). Each is measured from the widget's font and measured
again when that font changes (视图 → 放大文字 sets the pages' font; a FontChange reaches every widget).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QStyle,
    QWidget,
)
from shiboken6 import isValid

#: a full-width character: Chinese text is measured in these
WIDE = "字"


class _Follows(QObject):
    """Runs fit(widget) now and whenever the widget's font (or its style) changes."""

    def __init__(self, widget: QWidget, fit: Callable[[QWidget], None]) -> None:
        super().__init__(widget)
        self._fit = fit
        fit(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and isinstance(watched, QWidget):
            self._fit(watched)
        return False


def _frame(widget: QFrame) -> int:
    """What a frame and the margins around the contents take, top and bottom together."""
    margins = widget.contentsMargins()
    return margins.top() + margins.bottom()


def text_lines_height(editor: QPlainTextEdit, lines: int) -> int:
    """The height of an editor whose viewport holds `lines` lines of its font."""
    spacing = QFontMetrics(editor.font()).lineSpacing()
    inner = editor.viewportMargins()
    return (lines * spacing + 2 * int(editor.document().documentMargin()) + _frame(editor)
            + inner.top() + inner.bottom())


def keep_lines(widget: QPlainTextEdit | QLabel, lines: int) -> None:
    """widget is at least `lines` lines of its font high (an editor: its viewport; a label: its text)."""

    def fit(w: QWidget) -> None:
        if isinstance(w, QPlainTextEdit):
            w.setMinimumHeight(text_lines_height(w, lines))
        elif isinstance(w, QLabel):
            w.setMinimumHeight(lines * QFontMetrics(w.font()).lineSpacing() + 2 * w.margin() + _frame(w))

    _Follows(widget, fit)


def keep_lines_above(editor: QPlainTextEdit, lines: int, points: int, most: int) -> None:
    """A small editor, at most `most` px high at `points` pt and below (结尾's line, left as it was at the default
    size), and `lines` lines of its font high at a larger size, where `most` px holds fewer."""

    def fit(w: QWidget) -> None:
        assert isinstance(w, QPlainTextEdit)
        least = text_lines_height(w, lines) if w.font().pointSize() > points else 0
        w.setMinimumHeight(least)
        w.setMaximumHeight(max(most, least))

    _Follows(editor, fit)


def text_chars_width(editor: QPlainTextEdit, chars: int) -> int:
    """The width of an editor whose lines hold `chars` Chinese characters of its font beside its vertical scroll bar."""
    margins = editor.contentsMargins()
    inner = editor.viewportMargins()
    bar = editor.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, editor)
    return (chars * QFontMetrics(editor.font()).horizontalAdvance(WIDE) + 2 * int(editor.document().documentMargin())
            + margins.left() + margins.right() + inner.left() + inner.right() + bar)


def keep_line_chars(editor: QPlainTextEdit, chars: int) -> None:
    """editor's lines are at least `chars` Chinese characters of its font long."""

    def fit(w: QWidget) -> None:
        assert isinstance(w, QPlainTextEdit)
        w.setMinimumWidth(text_chars_width(w, chars))

    _Follows(editor, fit)


def line_edit_width(field: QLineEdit, chars: int) -> int:
    """The width of a one-line field that shows `chars` Chinese characters of its font."""
    metrics = QFontMetrics(field.font())
    frame = field.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, field)
    text = field.textMargins()
    margins = field.contentsMargins()
    # 2 px each side: QLineEdit's own horizontal margin inside the frame
    return (chars * metrics.horizontalAdvance(WIDE) + 2 * frame + 4 + text.left() + text.right()
            + margins.left() + margins.right())


def keep_chars(field: QLineEdit, chars: int) -> None:
    """field is at least wide enough to show `chars` Chinese characters of its font."""

    def fit(w: QWidget) -> None:
        assert isinstance(w, QLineEdit)
        w.setMinimumWidth(line_edit_width(w, chars))

    _Follows(field, fit)


def rows_height(view: QListView, rows: int) -> int:
    """The height of a list whose viewport shows its first `rows` rows as they are laid out now (wrapped rows
    are taller), or `rows` rows of one line while it has fewer."""
    model = view.model()
    one_line = QFontMetrics(view.font()).lineSpacing() + 8
    height = 0
    for row in range(rows):
        rect = view.rectForIndex(model.index(row, 0)) if row < model.rowCount() else None
        height += rect.height() if rect is not None and rect.height() > 0 else one_line
    return height + _frame(view)


class _KeepsRows(QObject):
    """Keeps a list `rows` rows high: after every layout of its rows (new rows, another width, another font)."""

    def __init__(self, view: QListView, rows: int) -> None:
        super().__init__(view)
        self.view = view
        self.rows = rows
        view.installEventFilter(self)
        view.model().rowsInserted.connect(self.fit)
        view.model().modelReset.connect(self.fit)
        self.fit()

    def set_rows(self, rows: int) -> None:
        self.rows = rows
        self.fit()

    def fit(self) -> None:
        if not isValid(self.view):  # a layout posted before the list was deleted
            return
        self.view.executeDelayedItemsLayout()  # the rows as they are laid out at the present width
        height = rows_height(self.view, self.rows)
        if height != self.view.minimumHeight():
            self.view.setMinimumHeight(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # a Resize or FontChange lays the rows out again (a posted layout): measure once that has run
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.LayoutRequest,
                            QEvent.Type.Show):
            QTimer.singleShot(0, self, self.fit)
        return False


def keep_rows(view: QListView, rows: int) -> _KeepsRows:
    """view shows at least its first `rows` rows whole (set_rows on the answer changes how many)."""
    return _KeepsRows(view, rows)


def wrapped_extra(owner: QWidget) -> int:
    """How much taller owner's word-wrapped labels are at their width than their minimum: what a vertical layout
    gives them first, taking it from the parts beside them (labels inside a nested Column count for that one)."""
    extra = 0
    for label in owner.findChildren(QLabel):
        if not label.wordWrap() or not label.isVisibleTo(owner) or label.width() <= 0:
            continue
        parent = label.parentWidget()
        while parent is not None and parent is not owner and not isinstance(parent, Column):
            parent = parent.parentWidget()
        if parent is owner:
            least = max(label.minimumSizeHint().height(), label.minimumHeight())
            beside = _tallest_beside(label)  # a line as tall as the label's neighbours grows only past them
            extra += max(0, max(label.heightForWidth(label.width()), beside) - max(least, beside))
    return extra


def _line_of(layout: QLayout, widget: QWidget) -> QLayout | None:
    """The layout (inside layout) that holds widget itself."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is widget:
            return layout
        inner = item.layout()
        found = _line_of(inner, widget) if inner is not None else None
        if found is not None:
            return found
    return None


def _tallest_beside(label: QLabel) -> int:
    """The least height of the tallest part beside label on a horizontal line (0 when it is alone on its line)."""
    parent = label.parentWidget()
    top = parent.layout() if parent is not None else None
    line = _line_of(top, label) if top is not None else None
    if not isinstance(line, QHBoxLayout):
        return 0
    tallest = 0
    for index in range(line.count()):
        item = line.itemAt(index)
        if item is not None and item.widget() is not label and not item.isEmpty():
            tallest = max(tallest, item.minimumSize().height())
    return tallest


class Column(QWidget):
    """A widget whose least height counts its wrapped texts at their present width.

    A vertical layout gives a word-wrapped label the height its text needs at its width first, and squeezes the
    other parts below their minimum when the widget has only its minimumSizeHint (which counts the label at its
    least): a splitter or the window's page scroller gives no more. Here the minimum adds what the wrapped labels
    need beyond it, asked again when the width changes.
    """

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        hint.setHeight(hint.height() + wrapped_extra(self))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()
