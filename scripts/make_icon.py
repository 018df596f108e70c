"""Draws the program icon with Qt and writes resources/icons/fzdesk.png, fzdesk.ico and the window's sizes
(resources/icons/window/fzdesk-16.png ... fzdesk-64.png), no downloads.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icon.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: The window's icon (title bar, task bar, Alt+Tab up to 200 % scaling): small files, because the window system
#: is handed every size the icon has at start-up (the 256 px PNG alone cost ~1.3 ms to decode and send).
WINDOW_SIZES = (16, 24, 32, 48, 64)
RED = QColor("#b71c1c")
GOLD = QColor("#f5c242")


def draw(size: int) -> QImage:
    """A red rounded tile with a white page of text lines and a gold tick: 'the report, checked'."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    s = size / 256
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(RED)
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    page = QPainterPath()
    page.moveTo(64 * s, 40 * s)
    page.lineTo(160 * s, 40 * s)
    page.lineTo(196 * s, 76 * s)
    page.lineTo(196 * s, 216 * s)
    page.lineTo(64 * s, 216 * s)
    page.closeSubpath()
    p.setBrush(QColor("white"))
    p.drawPath(page)
    p.setBrush(QColor("#e0b0b0"))
    fold = QPainterPath()
    fold.moveTo(160 * s, 40 * s)
    fold.lineTo(160 * s, 76 * s)
    fold.lineTo(196 * s, 76 * s)
    fold.closeSubpath()
    p.drawPath(fold)
    p.setBrush(RED)
    p.drawRect(QRectF(84 * s, 64 * s, 60 * s, 14 * s))  # the red title line of an official document
    p.setBrush(QColor("#9e9e9e"))
    for y in (100, 124, 148):
        p.drawRect(QRectF(84 * s, y * s, 92 * s, max(1.0, 8 * s)))
    pen = QPen(GOLD, max(2.0, 22 * s), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    tick = QPainterPath(QPointF(120 * s, 184 * s))
    tick.lineTo(148 * s, 208 * s)
    tick.lineTo(212 * s, 140 * s)
    p.drawPath(tick)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: list[tuple[int, bytes]]) -> bytes:
    """An .ico holding PNG-compressed images (read by Windows Vista and later, and by PyInstaller)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, blob in pngs:
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "fzdesk.png").write_bytes(png_bytes(draw(256)))
    (ICONS / "fzdesk.ico").write_bytes(ico_bytes([(n, png_bytes(draw(n))) for n in ICO_SIZES]))
    (ICONS / "window").mkdir(exist_ok=True)
    for n in WINDOW_SIZES:
        (ICONS / "window" / f"fzdesk-{n}.png").write_bytes(png_bytes(draw(n)))
    del app
    print(f"wrote {ICONS / 'fzdesk.png'}, {ICONS / 'fzdesk.ico'} and {ICONS / 'window'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
