"""Draws the three step-state icons into resources/icons/steps (run once after changing their look).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_step_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons" / "steps"
SIZE = (56, 48)  # twice the 28x24 the step list shows


def draw(state: str) -> QIcon:
    """An icon per step state: a grey ring (空), a half-filled orange disc (进行中), a green tick (已完成)."""
    pixmap = QPixmap(*SIZE)
    pixmap.fill(QColor(0, 0, 0, 0))  # (no Qt namespace on the start-up path: its enums are slow to build)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    # the 40 px drawing, scaled to 48 px, with 8 px of empty room on its left: shown 28x24 in the step list, the
    # icon and the text sit 4 px in from the row's edge (the step list has no delegate to pad its rows)
    p.translate(SIZE[0] - SIZE[1], 0)
    p.scale(SIZE[1] / 40, SIZE[1] / 40)
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


def main() -> None:
    app = QApplication([])
    OUT.mkdir(parents=True, exist_ok=True)
    for state, name in (("空", "empty"), ("进行中", "partial"), ("已完成", "done")):
        draw(state).pixmap(QSize(*SIZE)).save(str(OUT / f"{name}.png"))
    del app


if __name__ == "__main__":
    main()
