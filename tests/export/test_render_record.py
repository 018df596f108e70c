"""The 版记 of a 报送稿 as LibreOffice prints it: 抄送 and the 印发 line at the foot of an even page.

GB/T 9704-2012 7.4.1 puts the 版记's last rule on the lower edge of the document's last page, and a 公文 is printed
on both sides: that page is the back of the last sheet. The closing block is lengthened line by line to end the
text on every kind of page: an odd page with room (the 版记 goes over to the next page), a page that the 版记 no
longer fits on (it goes to the next page, which is even), an even page with room, and the foot of an even page
(the 版记 would fall on an odd page: that page is left blank).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from fzdesk import resources
from fzdesk.domain.model import Block, Report
from fzdesk.export.docx_writer import build, export_docx
from fzdesk.export.options import ExportOptions, Variant
from fzdesk.typeset.paged import PagedReport, foot_pages
from tests.export.pdf_geometry import Page
from tests.export.render import geometry, render_pdf, soffice
from tests.export.sample import sample_report, sample_unit

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(soffice() is None or shutil.which("pdftotext") is None,
                       reason="LibreOffice and poppler-utils render the document"),
]

BOTTOM = (297 - 35) * 72 / 25.4  # the text block's lower edge, pt
LINE = 579 / 20  # pt
SUBMITTED = ExportOptions(variant=Variant.SUBMITTED)


def lengthened(lines: int) -> Report:
    report = sample_report()
    closing = report.section(Block.CLOSING)
    assert closing is not None
    closing.items[0].paragraphs[:0] = [f"补充说明第{n}行的内容写满一行。" for n in range(lines)]
    return report


def body_rows(page: Page) -> list[str]:
    return [line.text for line in page.lines if line.y1 < BOTTOM + 2 and "—" not in line.text]


@pytest.mark.parametrize(("lines", "text_page", "record_page"), [
    (0, 5, 6),  # the text ends on page 5 with room: the 版记 goes to page 6 on its own
    (3, 5, 6),  # the 版记 no longer fits under the date on page 5: page 6 by itself
    (10, 6, 6),  # the text ends on page 6 with room: the 版记 at its foot
    (23, 6, 8),  # the 版记 no longer fits on page 6: page 7 is left blank, the 版记 on page 8
    (25, 6, 8),  # the date on page 6's last line: the same
])
def test_the_record_is_at_the_foot_of_an_even_last_page(tmp_path: Path, lines: int, text_page: int,
                                                        record_page: int) -> None:
    report, unit = lengthened(lines), sample_unit()
    docx = tmp_path / "report.docx"
    docx.write_bytes(export_docx(report, unit, SUBMITTED, resources.catalogue(), pages=foot_pages).data)
    pages = geometry(render_pdf(docx, tmp_path))
    assert len(pages) == record_page
    last = pages[-1]
    imprint = [line for line in last.lines if line.text.endswith("印发")]
    assert imprint, "the 印发 line is on the last page"
    # The 印发 line is the 版记's last: its rule lies on the text block's lower edge, one 四号 line under it.
    assert BOTTOM - LINE < imprint[0].y1 < BOTTOM
    assert any(line.text.startswith("抄送：") for line in last.lines)
    date_page = next(p for p in pages if "2023年12月15日" in body_rows(p))
    assert date_page.number == text_page
    for blank in pages[text_page:record_page - 1]:
        assert body_rows(blank) == [], f"page {blank.number} is left blank"
    if record_page > text_page:
        assert [r for r in body_rows(last) if not r.startswith("抄送") and "印发" not in r
                and "办公室" not in r] == []
    # GB/T 9704-2012 7.5: a blank page before the 版记 page, and the 版记 page, carry no page number.
    numbered = [p.number for p in pages if any(line.text.startswith("—") for line in p.lines)]
    last_numbered = record_page if record_page <= text_page + 1 else text_page
    assert numbered == list(range(1, last_numbered + 1))


@pytest.mark.parametrize("lines", [0, 23])
def test_the_pdf_puts_the_record_on_the_same_page(qapp: object, lines: int) -> None:
    """Qt's layout (the PDF and the preview) decides the page breaks of the .docx: both end on the same page,
    and the PDF leaves the numbers off the blank page and the 版记 page after it."""
    report, unit = lengthened(lines), sample_unit()
    paged = PagedReport(report, unit, SUBMITTED, resources.catalogue())
    assert (paged.page_count, paged.numbered) == {0: (6, 6), 23: (8, 6)}[lines]
    assert foot_pages(build(report, unit, SUBMITTED, resources.catalogue()), SUBMITTED.font_set) == \
        {0: (5, 5), 23: (7, 6)}[lines]


LONG_CC = ("县委依法治县办，县人大常委会办公室，县政协办公室，县纪委监委，县委组织部，县委宣传部，"
        "县委政法委，县法院，县检察院，市司法局")


def rules(pdf: Path, page: int, dpi: int = 600) -> list[tuple[float, float]]:
    """The horizontal rules across the text block of a page: (middle in pt from the top, thickness in mm)."""
    pgm = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-gray", str(pdf)],
                         check=True, capture_output=True).stdout
    _header, size, _depth, data = pgm.split(b"\n", 3)
    width, height = map(int, size.split())
    x0, x1 = round(28 / 25.4 * dpi), round((210 - 26) / 25.4 * dpi)
    found: list[tuple[float, float]] = []
    start: int | None = None
    for y in range(height + 1):
        row = data[y * width + x0:y * width + x1:4] if y < height else b""
        if row and sum(b < 128 for b in row) > 0.9 * len(row):
            start = y if start is None else start
        elif start is not None:
            found.append(((start + y) / 2 / dpi * 72, (y - start) / dpi * 25.4))
            start = None
    return found


def test_a_long_cc_wraps_after_its_label_over_a_thin_rule(tmp_path: Path) -> None:
    """GB/T 9704-2012 7.4.2: a long 抄送 continues under the first organ, after "抄送："; 7.4.1: thick rules (0.35 mm)
    above the 版记 and on the text block's lower edge, a thin one (0.25 mm) between 抄送 and the 印发 line."""
    report, unit = lengthened(10), sample_unit()
    unit.cc = LONG_CC
    docx = tmp_path / "report.docx"
    docx.write_bytes(export_docx(report, unit, SUBMITTED, resources.catalogue(), pages=foot_pages).data)
    pdf = render_pdf(docx, tmp_path)
    pages = geometry(pdf)
    assert len(pages) == 6
    last = pages[-1]
    rows = [line for line in last.lines if line.y1 < BOTTOM + 2 and "—" not in line.text]
    cc = next(i for i, line in enumerate(rows) if line.text.startswith("抄送："))
    imprint = next(i for i, line in enumerate(rows) if line.text.endswith("印发"))
    issuer = min((line for line in rows if abs(line.y0 - rows[imprint].y0) < 1), key=lambda line: line.x0)
    wrapped = [line for line in rows[cc + 1:imprint] if abs(line.y0 - issuer.y0) >= 1]
    assert len(wrapped) == 2, [r.text for r in rows]
    label = rows[cc].x0 + 3 * 14  # after "抄送：", three 四号 characters
    for line in wrapped:
        assert abs(line.x0 - label) < 1.5, f"{line.text} starts at {line.x0:.1f}, not {label:.1f}"
    assert abs(issuer.x0 - rows[cc].x0) < 1.5  # 印发机关 1 character in, as 抄送
    (top, thick), (middle, thin), (foot, thick2) = rules(pdf, 6)
    assert 0.3 < thick < 0.42 and 0.3 < thick2 < 0.42 and 0.2 < thin < 0.3
    assert top < rows[cc].y0 and wrapped[-1].y1 < middle < issuer.y0 < issuer.y1 < foot
    assert abs(foot - BOTTOM) < 1.5  # the last rule on the text block's lower edge
