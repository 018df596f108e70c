"""Last year's pane beside a page's editing parts, below them, or folded away: what the block pages and 开头/结尾 share.

At the default text size and below, a window too narrow for the pane beside the editor folds the pane (its button
says why). At a larger text size the clerk chose larger text over seeing everything at once: where the pane does not
fit beside the editor it goes below it, and the page scrolls vertically in the window's page area
(docs/ui-large-text.md). The page decides whether the pane fits beside (it knows its columns); SidePlace moves the
pane, keeps it shown or folded as the clerk wants it, and keeps the 上年内容 button saying so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QPushButton, QSplitter, QWidget

from fzdesk.ui.font_room import wrapped_extra
from fzdesk.ui.last_year_pane import TOGGLE_KEYS, VISIBLE_SETTING
from fzdesk.ui.pages.base import Page

if TYPE_CHECKING:
    from fzdesk.ui.last_year_pane import LastYearPane

TOGGLE_TIP = f"显示或隐藏去年报告中的这一部分（{TOGGLE_KEYS}）"
FOLDED_TIP = "窗口太窄，上年内容已收起：把窗口放大，或按 Ctrl+- 把字调小，就会显示。"


def least_width(widget: QWidget) -> int:
    """The least width a layout gives widget (what QSplitter and the box layouts use)."""
    return max(widget.minimumSizeHint().width(), widget.minimumWidth())


def page_room(page: QWidget) -> int:
    """The width the window gives page: its scroll area's, not the page's own (at least its minimum)."""
    parent = page.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent.viewport().width() if isinstance(parent, QAbstractScrollArea) else page.width()


class SidePlace:
    """Where `side` (last year's pane, or tabs holding it) is: the last part of the horizontal splitter `beside`, or
    below it in the vertical splitter `below` (which holds `beside`), or hidden.

    `pane` is told where it stands (it keeps more of its rows below); `beside_sizes` are the splitter's sizes given
    again when the pane comes back beside the editor, with `stretch` as the pane's stretch factor (0: none set).
    """

    def __init__(self, side: QWidget, beside: QSplitter, below: QSplitter, toggle: QPushButton, *,
                 pane: LastYearPane | None, wanted: bool, beside_sizes: list[int], stretch: int = 0) -> None:
        self.side = side
        self.beside = beside
        self.below = below
        self.toggle = toggle
        self.pane = pane
        self.wanted = wanted  # the clerk's 上年内容 (the button may show it folded: the window too narrow)
        self.is_below = False
        self._beside_sizes = beside_sizes
        self._stretch = stretch

    def is_beside(self) -> bool:
        """The pane is shown beside the editor."""
        return self.side.parentWidget() is self.beside and not self.side.isHidden()

    def width(self) -> int:
        """The width the pane takes beside the editor: its least width and the splitter's handle."""
        return least_width(self.side) + self.beside.handleWidth()

    def place(self, *, below: bool) -> None:
        """The pane below the editing parts, full width (the page grows and scrolls), or beside them."""
        self.is_below = below
        if self.pane is not None:
            self.pane.stand_below(below)
        if below:
            self.below.addWidget(self.side)
        else:
            self.beside.addWidget(self.side)
            if self._stretch:
                self.beside.setStretchFactor(self.beside.indexOf(self.side), self._stretch)
            self.beside.setSizes(self._beside_sizes)

    def fit(self, *, beside: bool, larger: bool) -> None:
        """The pane beside the editor where it fits there (`beside`); else below it at a larger text size than
        the default (`larger`), or folded away at the default size and below."""
        fits = beside or larger
        self.toggle.setEnabled(fits)
        self.toggle.setToolTip(TOGGLE_TIP if fits else FOLDED_TIP)
        show = self.wanted and fits
        if show and self.is_below == beside:
            self.place(below=not beside)
        if self.side.isHidden() == show:
            self.side.setVisible(show)
            self.toggle.blockSignals(True)
            self.toggle.setChecked(show or (self.wanted and not fits))
            self.toggle.blockSignals(False)

    def want(self, on: bool) -> None:
        """The clerk's 上年内容: shows or hides the pane (the button is enabled only where it fits)."""
        self.wanted = on
        self.side.setVisible(on)


class SidePage(Page):
    """A page with last year's pane (self.place) that arranges itself (fit_side) when its room or text size changes.

    Its least height counts its wrapped texts at its width, and its least width leaves out the pane beside the
    editor: the page can be given less room than the columns need and then puts the pane below or folds it, rather
    than making the window wider than the screen.
    """

    place: SidePlace | None = None

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        # the wrapped texts (the hint, the 未更新 note, last year's heading) take their height at the page's width
        # first, and the page's layout squeezes the rest below their minimum when the page is not given it (the
        # window's page scroller asks without height-for-width): a block's editor was 3 lines at 19 pt
        hint.setHeight(hint.height() + wrapped_extra(self))
        if self.place is not None and self.place.is_beside():
            hint.setWidth(hint.width() - self.place.width())
        return hint

    def fit_side(self) -> None:
        """Arranges the page for the room the window gives it (page_room) at its text size."""
        raise NotImplementedError

    def want_side(self, on: bool) -> None:
        """The clerk's 上年内容: shows or hides the pane, and remembers it for every page and the next start."""
        if self.place is None:
            return
        self.place.want(on)
        if self.session.store.setting(VISIBLE_SETTING, True) != on:
            from fzdesk.ui.write_guard import remember  # (loaded on first use: start-up stays fast)

            remember(self, self.session.store, VISIBLE_SETTING, on)  # a failure: said in the status bar

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the least height follows the width (minimumSizeHint)
        self.fit_side()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):  # shown, or the text size changed
            self.fit_side()
        return handled
