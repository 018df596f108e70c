"""The window's look: calm colours, large readable text and the editor text sizes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap

DEFAULT_POINT_SIZE = 14
MIN_POINT_SIZE = 10
MAX_POINT_SIZE = 28

STYLE_SHEET = """
QLabel#pageTitle { font-size: 18pt; font-weight: bold; color: #1f3a5f; padding: 4px 0 8px 0; }
QLabel#hint { color: #555555; }
QLabel#error { color: #b00020; }
QLabel#itemLabel { font-weight: bold; color: #1f3a5f; min-width: 3em; }
QLabel#preview { background: #f6f6f0; color: #333333; padding: 6px; }
QListWidget#steps { font-size: 12pt; }
QListWidget#steps::item { padding: 6px 4px; }
QListWidget#steps { icon-size: 24px; }
QListWidget#steps QScrollBar:horizontal { height: 0px; }
QListWidget#items::item { padding: 4px 2px; border-bottom: 1px solid #e4e4e4; color: #000000; }
QListWidget#items::item:selected { background: #dbe7f5; color: #000000; }
QListWidget#steps::item:selected { background: #dbe7f5; color: #000000; }
"""


def state_icon(state: str) -> QIcon:
    """An icon per step state: a grey ring (空), a half-filled orange disc (进行中), a green tick (已完成)."""
    pixmap = QPixmap(40, 40)
    pixmap.fill(QColor(0, 0, 0, 0))  # (no Qt namespace on the start-up path: its enums are slow to build)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(4, 4, 32, 32)
    if state == "已完成":
        p.setPen(QPen(QColor(0, 0, 0, 0)))
        p.setBrush(QColor("#2e7d32"))
        p.drawEllipse(rect)
        p.setPen(QPen(QColor("white"), 4.5))
        p.drawPolyline([QPointF(12, 21), QPointF(18, 27), QPointF(29, 14)])
    elif state == "进行中":
        p.setPen(QPen(QColor("#e08a00"), 3))
        p.setBrush(QBrush())
        p.drawEllipse(rect)
        p.setPen(QPen(QColor(0, 0, 0, 0)))
        p.setBrush(QColor("#e08a00"))
        p.drawPie(rect, 90 * 16, 180 * 16)
    else:
        p.setPen(QPen(QColor("#9e9e9e"), 3))
        p.drawEllipse(rect)
    p.end()
    return QIcon(pixmap)
