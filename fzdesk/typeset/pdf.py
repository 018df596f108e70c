"""The PDF beside the .docx, drawn by Qt's own PDF writer with the fonts embedded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QRawFont

from fzdesk.domain.catalogue import Catalogue
from fzdesk.domain.model import Report, Unit
from fzdesk.export.fonts import font_for
from fzdesk.export.layout import Role
from fzdesk.export.options import ExportOptions
from fzdesk.export.pdf_text import RADICALS, fix_to_unicode
from fzdesk.typeset.application import ensure_gui_application
from fzdesk.typeset.paged import FALLBACKS, PagedReport


def write_pdf(report: Report, unit: Unit, path: Path, options: ExportOptions | None = None,
              catalogue: Catalogue | None = None) -> Path:
    """Writes the report as an A4 PDF with GB/T 9704 margins and page numbers; returns path."""
    ensure_gui_application()
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
    fonts = []
    for role in Role:
        font = QFont()
        font.setFamilies([font_for(options.font_set, role), *FALLBACKS[role]])
        fonts.append(font)
    return fonts


def radical_twins(fonts: list[Any]) -> dict[int, int]:
    """radical -> the CJK unified ideograph that the given QFonts draw with the same glyph."""
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
