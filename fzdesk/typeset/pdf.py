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
from fzdesk.export.pdf_text import RADICALS, fix_to_unicode

_app: Any = None


def ensure_gui_application() -> Any:
    """The running QGuiApplication, or a new one (offscreen when there is no display). A QApplication: the
    .docx export lays a 报送稿 out (paged.on_even_page), and a window or pytest-qt opened later in the same
    process needs the widgets' kind of application."""
    global _app
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from fzdesk.pyside_fix import pin_singletons

    pin_singletons()  # PySide6 on Python 3.11 leaks references to None/True/False: see fzdesk/pyside_fix.py
    app = QGuiApplication.instance()
    if app is not None:
        return app
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QApplication(["fzdesk"])
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
    twins = radical_twins(_role_fonts(options or ExportOptions()))
    if "\u2015" not in paged.doc.toPlainText():
        # The full-width em dash (paged.py sets Chinese text with the fwid feature) is Noto CJK's glyph of the
        # horizontal bar ― too, which comes first in Qt's ToUnicode map.
        twins[0x2015] = 0x2014
    path.write_bytes(fix_to_unicode(path.read_bytes(), twins))
    return path


def _role_fonts(options: ExportOptions) -> list[Any]:
    """The QFonts the pages are set in, one a role, with the fallbacks the paged layout gives them."""
    from PySide6.QtGui import QFont

    from fzdesk.export.fonts import font_for
    from fzdesk.export.layout import Role
    from fzdesk.export.paged import FALLBACKS

    fonts = []
    for role in Role:
        font = QFont()
        font.setFamilies([font_for(options.font_set, role), *FALLBACKS[role]])
        fonts.append(font)
    return fonts


def radical_twins(fonts: list[Any]) -> dict[int, int]:
    """radical -> the CJK unified ideograph that the given QFonts draw with the same glyph."""
    from PySide6.QtGui import QRawFont

    ideographs = "".join(map(chr, range(0x4E00, 0xA000)))
    radicals = "".join(map(chr, RADICALS))
    twins: dict[int, int] = {}
    for font in fonts:
        raw = QRawFont.fromFont(font)
        if not raw.isValid():
            continue
        first: dict[int, int] = {}
        for code, glyph in zip(range(0x4E00, 0xA000), raw.glyphIndexesForString(ideographs), strict=True):
            if glyph:
                first.setdefault(glyph, code)
        for code, glyph in zip(RADICALS, raw.glyphIndexesForString(radicals), strict=True):
            if glyph in first:
                twins.setdefault(code, first[glyph])
    return twins
