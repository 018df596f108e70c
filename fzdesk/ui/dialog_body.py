"""A dialog's body that is as tall as its text needs, and scrolls only where the screen is too small for it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QWidget


class ScrollingBody(QScrollArea):
    """Holds the widgets between a dialog's title and its buttons. It asks for the height its wrapped lines need
    at its width (style.fit_dialog sizes the dialog for that), so nothing scrolls where the dialog fits; at the
    largest text size on a 1024 x 768 screen the body scrolls and the dialog's buttons stay on the screen (the
    text of 新建年度报告 and 移动数据 ran past the screen's lower edge, 确定 and 移动 with it)."""

    def __init__(self, content: QLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        body = QWidget()
        body.setLayout(content)
        content.setContentsMargins(0, 0, 0, 0)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("对话框内容")  # (a Tab stop: at a large text size the arrow keys scroll it)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _body(self) -> QWidget:
        body = self.widget()
        assert body is not None
        return body

    def _body_height(self, width: int) -> int:
        body = self._body()
        # Measured in __init__ (style.fit_dialog) the layouts inside were not yet set up, and the body came out
        # shorter than once shown: 新建年度报告 scrolled for its last 4 px at 14 pt (45 px at 20 pt) with room below.
        # (activate() does nothing for a layout already set up.)
        for widget in (body, *body.findChildren(QWidget)):
            layout = widget.layout()
            if layout is not None:
                layout.activate()
        return body.heightForWidth(width) if body.hasHeightForWidth() else body.sizeHint().height()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._body_height(width)

    def sizeHint(self) -> QSize:
        width = self._body().sizeHint().width()
        return QSize(width, self._body_height(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._body().minimumSizeHint().width(), 4 * self.fontMetrics().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        handled = super().eventFilter(watched, event)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            QTimer.singleShot(0, self._grow_window)  # once the body's layout has its new size
        return handled

    def _grow_window(self) -> None:
        """Makes the dialog taller by what its body now lacks, as far as the screen has room below it: a text that
        grew while the dialog was open (新建年度报告 after another year was chosen) made it scroll, with 选择文件
        cut off at the bottom and the lower part of the screen free."""
        window = self.window()
        short = self._body_height(self.viewport().width()) - self.viewport().height()
        screen = window.screen()
        if short <= 0 or screen is None:
            return
        grow = min(short, screen.availableGeometry().bottom() - window.frameGeometry().bottom())
        if grow > 0:
            window.resize(window.width(), window.height() + grow)
