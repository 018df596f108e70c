"""The page number's height: GB/T 9704-2012 7.5 puts the 一字线 of "— 1 —" 7 mm under the text block.

Measured on the printed pages, the dashes (which sit in the middle of the number's line box, as pdftotext
reports it) were 11.1 mm under the block in LibreOffice and 10.5 mm in the PDF: the footer had been placed
by the top of its line.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from fzdesk import resources
from fzdesk.export.docx_writer import export_docx
from fzdesk.export.options import ExportOptions
from fzdesk.typeset.pdf import write_pdf
from tests.export.pdf_geometry import MM, Page, merge_rows
from tests.export.render import geometry, render_pdf, soffice
from tests.export.sample import sample_report, sample_unit

BOTTOM = (297 - 35) * MM
PAGE_NUMBER = re.compile(r"^—\s*\d+\s*—$")


def dash_depths(pages: list[Page]) -> list[float]:
    """How far under the text block each page's dashes lie, in mm."""
    rows = [r for page in pages for r in merge_rows(page.lines) if PAGE_NUMBER.match(r.text)]
    assert len(rows) == len(pages)
    return [((r.y0 + r.y1) / 2 - BOTTOM) / MM for r in rows]


@pytest.mark.render
@pytest.mark.skipif(soffice() is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler-utils render the document")
def test_the_dashes_lie_7_mm_under_the_text_block_in_libreoffice(tmp_path: Path) -> None:
    docx = tmp_path / "report.docx"
    docx.write_bytes(export_docx(sample_report(), sample_unit(), ExportOptions(), resources.catalogue()).data)
    depths = dash_depths(geometry(render_pdf(docx, tmp_path)))
    assert all(abs(d - 7) < 1 for d in depths), [f"{d:.1f}" for d in depths]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils reads the PDF")
def test_the_dashes_lie_7_mm_under_the_text_block_in_the_pdf(tmp_path: Path, qapp: Any) -> None:
    pdf = write_pdf(sample_report(), sample_unit(), tmp_path / "report.pdf", ExportOptions(), resources.catalogue())
    depths = dash_depths(geometry(pdf))
    assert all(abs(d - 7) < 1 for d in depths), [f"{d:.1f}" for d in depths]
