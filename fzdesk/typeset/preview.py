"""The paged preview: the pages as they will print, as images (drawn by the same code as the PDF)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from fzdesk.domain.catalogue import Catalogue
from fzdesk.domain.model import Report, Unit
from fzdesk.export import geometry as g
from fzdesk.export.options import ExportOptions
from fzdesk.typeset.paged import PagedReport


def preview_pages(report: Report, unit: Unit, options: ExportOptions | None = None,
                  catalogue: Catalogue | None = None, *, dpi: int = 96) -> list[Any]:
    """One QImage per A4 page at dpi (needs a QGuiApplication, like every Qt painting)."""
    paged = PagedReport(report, unit, options, catalogue)
    scale = dpi / 1440
    images = []
    for index in range(paged.page_count):
        image = QImage(round(g.PAGE_WIDTH * scale), round(g.PAGE_HEIGHT * scale), QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.scale(scale, scale)
            paged.paint(painter, index)
        finally:
            painter.end()
        images.append(image)
    return images
