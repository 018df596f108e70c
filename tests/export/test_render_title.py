"""Long titles as LibreOffice prints them: the lines break_title chose, none wrapped again.

LibreOffice (like Word) puts extra space between Chinese and the digits of a year; a line break_title had
measured at 20 characters with "2024" in it wrapped in the 156 mm block and left "告" on a fourth line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fzdesk import resources
from fzdesk.export.docx_writer import export_docx
from fzdesk.export.options import ExportOptions, FontSet
from fzdesk.export.title import break_title
from tests.export.pdf_geometry import merge_rows
from tests.export.render import geometry, render_pdf, soffice
from tests.export.sample import sample_report, sample_unit

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(soffice() is None or shutil.which("pdftotext") is None,
                       reason="LibreOffice and poppler-utils render the document"),
]

ORGANS = ["中共沈丘县周营镇委员会", "沈丘县周营镇人民政府"]
TITLE = f"{ORGANS[0]} {ORGANS[1]}关于2023年度法治政府建设情况和2024年度工作计划的报告"


@pytest.mark.parametrize("font_set", list(FontSet))
def test_a_three_line_title_with_two_years_prints_as_the_lines_chosen(tmp_path: Path, font_set: FontSet) -> None:
    report = sample_report()
    report.organs, report.title = ORGANS, TITLE
    docx = tmp_path / "title.docx"
    docx.write_bytes(export_docx(report, sample_unit(), ExportOptions(font_set=font_set),
                                 resources.catalogue()).data)
    rows = merge_rows(geometry(render_pdf(docx, tmp_path))[0].lines)
    printed = [r.text for r in rows if r.y1 - r.y0 > 25]  # the 22 pt rows
    assert printed == [line.replace(" ", "") for line in break_title(TITLE, ORGANS)]
    assert len(printed) == 3 and min(len(t) for t in printed) >= 8, printed
