"""A dialog's body that is as tall as its text needs, and scrolls only where the screen is too small for it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
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
