"""The PDF beside the .docx, drawn by Qt's own PDF writer with the fonts embedded.

PySide6 is imported inside the functions (the export layer never imports Qt at module level) and needs a
QGuiApplication: ensure_gui_application() makes an offscreen one for the command line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from fzdesk.domain.catalogue import Catalogue
from fzdesk.domain.model import Report, Unit
from fzdesk.export.options import ExportOptions

_app: Any = None


def ensure_gui_application() -> Any:
    """The running QGuiApplication, or a new one (offscreen when there is no display)."""
    global _app
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        return app
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(["fzdesk"])
    return _app


def write_pdf(report: Report, unit: Unit, path: Path, options: ExportOptions | None = None,
              catalogue: Catalogue | None = None) -> Path:
    """Writes the report as an A4 PDF with GB/T 9704 margins and page numbers; returns path."""
    ensure_gui_application()
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    from fzdesk.export.paged import PagedReport

    writer = QPdfWriter(str(path))
    writer.setResolution(1440)
    writer.setTitle(report.display_title)
    writer.setCreator("fzdesk")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    paged = PagedReport(report, unit, options, catalogue, device=writer)
    painter = QPainter(writer)
    try:
        for index in range(paged.page_count):
            if index:
                writer.newPage()
            paged.paint(painter, index)
    finally:
        painter.end()
    return path
