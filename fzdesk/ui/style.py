"""The window's look: calm colours, large readable text and the editor text sizes.

No style sheet: a window-wide sheet puts every widget under QStyleSheetStyle (rule matching when each widget is
polished, slower painting; ~4.8 ms of start-up in the frozen bundle). Each kind of widget gets its look here in
code instead, by palette, font and margins, and keeps its objectName (tests and docs use the names). Nothing here
touches the `Qt` namespace: PySide builds all of its enums on first use (~15 ms), and the window and its first
page use these functions before their first paint."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QListWidget, QWidget

from fzdesk.paths import resource

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

DEFAULT_POINT_SIZE = 14
MIN_POINT_SIZE = 10
MAX_POINT_SIZE = 28

TITLE_COLOUR = "#1f3a5f"  # page titles and item numbers
HINT_COLOUR = "#555555"
ERROR_COLOUR = "#b00020"
DONE_COLOUR = "#1b5e20"  # a change made and saved
PREVIEW_TEXT = "#333333"
PREVIEW_BACKGROUND = "#f6f6f0"
SELECTED_BACKGROUND = "#dbe7f5"  # the selected step or item, with black text
ITEM_LINE = "#e4e4e4"  # under each item of an item list
TITLE_POINT_SIZE = 18
STEP_POINT_SIZE = 12  # the step list keeps its size when the pages' text size changes
STEP_PADDING = (6, 4)  # px above/below a step's text, and left of its icon (room drawn into the icon files)
ITEM_LABEL_EMS = 3  # an item number's minimum width, in line heights of its font (the sheet's `3em`)

_WINDOW_TEXT = QPalette.ColorRole.WindowText
_ALWAYS_OFF = 1  # Qt.ScrollBarAlwaysOff, without building the Qt namespace's enums


#: The window's colour when neither the system nor the style gives a light palette (QPalette derives the other
#: roles from it: black text on white fields).
LIGHT_WINDOW = "#efefef"


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Resizes window to width x height px, but to at most 90% of its screen's free area: many office PCs still
    have 1024 x 768 screens, and at the largest text size dialogs grow past any screen."""
    screen = window.screen().availableGeometry()
    window.resize(min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10))


def dialogs_follow(point_size: int) -> None:
    """Every dialog and message box the program opens gets the pages' text size (视图 → 放大文字): the program's
    own dialogs, the message boxes (also QMessageBox.warning and the like), the file dialog and the input boxes.
    One font for the class QDialog, which Qt gives every widget that inherits it when the widget is polished (just
    before it is first shown; a dialog that measures its text in __init__ calls ensurePolished() first), and its
    children inherit. Older clerks who enlarge the text need the questions as large as the pages. A dialog already
    open (the modeless 用语词典) gets the size at once: the class font reaches only widgets polished later."""
    font = QFont(QApplication.font())
    font.setPointSize(point_size)
    QApplication.setFont(font, "QDialog")  # type: ignore[arg-type]  # (the stubs say bytes; PySide takes str)
    for window in QApplication.topLevelWidgets():
        if window.inherits("QDialog") and window.isVisible():  # (inherits: no QDialog import on the start-up path)
            window.setFont(font)


FRAME_ROOM = QSize(16, 40)  # what a window's frame and title bar add to its size (Windows 10/11: 2 + 31 + 2 px)


def fit_dialog(dialog: QWidget, ems_wide: int, lines_high: int = 0) -> None:
    """Sizes a dialog for its text at the chosen text size: ems_wide characters wide and lines_high lines high (0: as
    high as its contents need), never narrower than its contents allow, with the height its wrapped lines need at
    that width, within 90% of its screen (all of it if the contents need more). Qt's own sizing narrows a dialog to
    2/3 of the screen without making it taller: at a large text size wrapped lines were cut off."""
    dialog.ensurePolished()  # (the dialog gets the text size when it is polished: dialogs_follow)
    metrics = QFontMetrics(dialog.font())
    screen = dialog.screen().availableGeometry()
    least = dialog.minimumSizeHint()
    # the window's frame and title bar lie outside the size set here
    room = QSize(screen.width() - FRAME_ROOM.width(), screen.height() - FRAME_ROOM.height())
    width = min(max(least.width(), min(ems_wide * metrics.horizontalAdvance("字"), screen.width() * 9 // 10)),
                room.width())
    layout = dialog.layout()

    def needed(width: int) -> int:
        if layout is not None and layout.hasHeightForWidth():
            return max(least.height(), layout.totalHeightForWidth(width))
        return max(least.height(), dialog.sizeHint().height())

    if needed(width) > screen.height() * 9 // 10:  # too tall: as wide as the screen, for fewer wrapped lines
        width = room.width()
    need = needed(width)
    height = min(max(need, lines_high * metrics.height()), max(screen.height() * 9 // 10, need), room.height())
    dialog.resize(width, height)


def dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def keep_light(app: QApplication) -> None:
    """Keeps the window light under a dark system theme (Windows 10/11's dark mode, a dark Linux desktop), at start
    and when the theme changes (MainWindow.changeEvent): the colours here, the figure sheet's tinted cells and the
    checks' marks are made for a light window and would be unreadable on a dark one. Windows is asked for its light
    scheme, which its style draws with as well; elsewhere a dark palette gives way to the style's own light one
    (Fusion's), or, should that be dark too, to a palette made from LIGHT_WINDOW."""
    if sys.platform == "win32":
        # Qt.ColorScheme.Light as an int: the Qt namespace would cost ~15 ms of start-up (see the module's doc)
        app.styleHints().setProperty("colorScheme", 1)
    if dark(app.palette()):
        light = app.style().standardPalette()  # (QStyle is made only here, under a dark theme: ~5 ms)
        app.setPalette(light if not dark(light) else QPalette(QColor(LIGHT_WINDOW)))


def _colour(widget: QWidget, colour: str, *roles: QPalette.ColorRole) -> None:
    """Sets the roles' colour in every state; the widget's other colours stay inherited."""
    palette = widget.palette()
    for role in roles or (_WINDOW_TEXT,):
        palette.setColor(role, QColor(colour))
    widget.setPalette(palette)


def _bold(point_size: int = 0) -> QFont:
    """A font that sets only the weight (and the size if given): the rest, the size included, stays
    inherited from the parent, so the pages' text size (视图 menu) reaches the label."""
    font = QFont()
    font.setBold(True)
    if point_size:
        font.setPointSize(point_size)
    return font


def strong(label: QLabel) -> QLabel:
    """A heading inside a dialog: bold, at the dialog's text size (a size set here would not follow it)."""
    label.setFont(_bold())
    return label


def hint(label: QLabel) -> QLabel:
    """A short explanation in a softer grey."""
    label.setObjectName("hint")
    _colour(label, HINT_COLOUR)
    return label


def error(label: QLabel) -> QLabel:
    """A message saying what is wrong, in red."""
    label.setObjectName("error")
    _colour(label, ERROR_COLOUR)
    return label


def done(label: QLabel) -> QLabel:
    """A message saying that a change was made, in green."""
    label.setObjectName("hint")
    _colour(label, DONE_COLOUR)
    return label


def page_title(label: QLabel) -> QLabel:
    """The current step's title above the page: 18 pt, bold, dark blue, a little room above and more below."""
    label.setObjectName("pageTitle")
    label.setFont(_bold(TITLE_POINT_SIZE))
    _colour(label, TITLE_COLOUR)
    label.setContentsMargins(0, 4, 0, 8)
    # the text sat half an "x" in from the left, as QLabel indents the text of a label with a frame (the sheet's
    # padding counted as one)
    _indent_half_an_x(label)
    return label


def _indent_half_an_x(label: QLabel) -> None:
    label.setIndent(QFontMetrics(label.font()).horizontalAdvance("x") // 2)


class _FollowsTextSize(QLabel):
    """A label whose look depends on its font: _fit() runs again when the pages' text size changes."""

    def _fit(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == event.Type.FontChange:
            self._fit()
        super().changeEvent(event)


class ItemNumber(_FollowsTextSize):
    """An item's number beside its editor: bold, dark blue, at least three line heights wide at any text size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemLabel")
        self.setFont(_bold())
        _colour(self, TITLE_COLOUR)
        self._fit()

    def _fit(self) -> None:
        self.setMinimumWidth(ITEM_LABEL_EMS * QFontMetrics(self.font()).height())


class Preview(_FollowsTextSize):
    """A read-only preview of text as it will read: dark grey on a pale background, in a frame, 6 px inside it and
    the text half an "x" further in (the indent QLabel gives a framed label without a margin), at any text size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAutoFillBackground(True)
        _colour(self, PREVIEW_BACKGROUND, QPalette.ColorRole.Window, QPalette.ColorRole.Base)
        _colour(self, PREVIEW_TEXT)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMargin(6)
        self._fit()

    def _fit(self) -> None:
        _indent_half_an_x(self)


def _selection(view: QListWidget) -> None:
    """The selected item in pale blue with black text, also while the window is not active. The other items keep
    the theme's text colour (black in a light theme): black set here would be unreadable on a dark theme's
    background, which the list keeps."""
    palette = view.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(SELECTED_BACKGROUND))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#000000"))
    view.setPalette(palette)


def step_list(view: QListWidget) -> QListWidget:
    """The steps on the window's left: 12 pt whatever the pages' text size, 24 px icons, roomy rows, no
    horizontal scroll bar."""
    view.setObjectName("steps")
    font = QFont()
    font.setPointSize(STEP_POINT_SIZE)
    view.setFont(font)
    # 24 px icons whose files have 4 px of empty room on the left: icon and text sit where the sheet's padding put
    # them (no delegate: a Python one makes PySide build QStyle, QStyleOptionViewItem and QPainter before the first
    # paint, ~7 ms)
    view.setIconSize(QSize(24 + STEP_PADDING[1], 24))
    view.setProperty("horizontalScrollBarPolicy", _ALWAYS_OFF)
    _selection(view)
    return view


def pad_step(view: QListWidget, row: int) -> None:
    """Room above and below a step's text (STEP_PADDING): the row's own height plus the padding, set once per row
    (every step has two lines: its title and its state)."""
    item = view.item(row)
    if item is not None and item.sizeHint().height() < 0:
        item.setSizeHint(QSize(0, view.sizeHintForRow(row) + 2 * STEP_PADDING[0]))  # (the row is as wide as the list)


def item_list(view: QListWidget) -> QListWidget:
    """A list of a block's items (or last year's, or last year's plans): black text, a thin line under each."""
    view.setObjectName("items")
    from fzdesk.ui.item_delegate import PaddedItems  # (its Qt classes cost start-up time: not on the first page)

    view.setItemDelegate(PaddedItems(view, 4, 2, ITEM_LINE))
    _selection(view)
    return view


STATE_FILES = {"空": "empty", "进行中": "partial", "已完成": "done"}


def state_icon(state: str) -> QIcon:
    """The step-state icon from resources/icons/steps (drawn by scripts/make_step_icons.py): a grey ring (空),
    a half-filled orange disc (进行中), a green tick (已完成). Files, because painting them at start-up pulls
    in the Qt namespace's enums (~15 ms)."""
    return QIcon(str(resource("icons", "steps", f"{STATE_FILES[state]}.png")))


#: How much wider than Qt's own measure a menu is made, in characters of its font.
MENU_SLACK_CHARS = 0.5


def fit_menu_texts(menu: QMenu) -> QMenu:
    """Makes menu, when it first opens, half a character wider than Qt measures it. Qt sizes a menu with a shortcut
    column 1 px narrower than its widest text needs in the window's CJK font, and then elides that text in the
    middle (文件 showed 导入上一年…(I)… Ctrl+O, 工具 本单位用语…(W)…). Once only: Qt's measure then includes the
    minimum width set here, so measuring again would widen the menu at every opening. The menus given here keep
    their texts and font once built."""
    widened = False

    def widen() -> None:
        nonlocal widened
        if not widened:
            widened = True
            slack = round(menu.fontMetrics().horizontalAdvance("一") * MENU_SLACK_CHARS)
            menu.setMinimumWidth(menu.sizeHint().width() + slack)

    menu.aboutToShow.connect(widen)
    return menu
