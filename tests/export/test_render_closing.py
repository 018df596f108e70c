"""The end of the report as LibreOffice prints it: 署名 and 成文日期 kept with the body, never split or alone.

Found by exporting reports of real shapes: the sample with （一） headings put the 署名 on the last line of
page 5 and the date alone on page 6; a short 报送稿 did the same with its 抄送 under the date.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fzdesk import resources
from fzdesk.domain.model import Numbering, Report, Unit
from fzdesk.export.docx_writer import export_docx
from fzdesk.export.options import ExportOptions, Variant
from fzdesk.typeset.paged import foot_pages
from tests.export.pdf_geometry import Page, merge_rows
from tests.export.render import geometry, render_pdf, soffice
from tests.export.sample import ORGAN, sample_report, sample_unit

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(soffice() is None or shutil.which("pdftotext") is None,
                       reason="LibreOffice and poppler-utils render the document"),
]

CHAR = 16 - 0.25  # a condensed 16 pt character
BOTTOM = (297 - 35) * 72 / 25.4  # the text block's lower edge, pt


def render(tmp_path: Path, report: Report, unit: Unit, options: ExportOptions) -> list[Page]:
    docx = tmp_path / "report.docx"
    docx.write_bytes(export_docx(report, unit, options, resources.catalogue(), pages=foot_pages).data)
    return geometry(render_pdf(docx, tmp_path))


def texts(page: Page) -> list[str]:
    return [r.text for r in merge_rows(page.lines) if r.y0 < BOTTOM]


def test_the_date_stays_on_the_page_of_the_signature_with_body_text_above(tmp_path: Path) -> None:
    """With （一） headings the sample's 署名 falls on the last line of a page."""
    pages = render(tmp_path, sample_report(Numbering.HEADINGS), sample_unit(), ExportOptions(bold_level2=True))
    last = texts(pages[-1])
    assert ORGAN in last and "2023年12月15日" in last, f"署名 and date apart: {last}"
    assert last.index(ORGAN) >= 1, f"署名 and date alone on the last page: {last}"
    assert "特此报告。" in last


def test_an_empty_date_under_an_organ_of_its_width_stays_on_one_line(tmp_path: Path) -> None:
    """"　　　　年　　月　　日" is 11 characters wide, as is 中共沈丘县周营镇委员会: the date fitted its
    space exactly, and LibreOffice put the 日 on a line of its own."""
    organs = ["中共沈丘县周营镇委员会", "沈丘县周营镇人民政府"]
    report = sample_report()
    report.organs, report.date = organs, None
    pages = render(tmp_path, report, sample_unit(), ExportOptions())
    last = texts(pages[-1])
    assert last[-3:] == [*organs, "年月日"], last


def test_the_record_sits_at_the_foot_of_the_last_page(tmp_path: Path) -> None:
    """GB/T 9704-2012 7.4.1: the 版记's last separator line lies on the lower edge of the last page's text
    block. The 抄送 was printed right under the date, or (taller than a line with its two rules) pushed
    onto a page of its own while two lines under the date were free."""
    options = ExportOptions(variant=Variant.SUBMITTED, seal_space=True)
    pages = render(tmp_path, sample_report(), sample_unit(), options)
    rows = [r for r in merge_rows(pages[-1].lines) if r.y0 < BOTTOM]
    texts_ = [r.text for r in rows]
    assert "2023年12月15日" in texts_, f"the 版记 went to a page of its own: {texts_}"
    assert len(pages) % 2 == 0, "the 版记 is on the back of the last sheet (tests/export/test_render_record.py)"
    assert [r.text for r in rows[-2:]] == ["抄送：县委依法治县办。", "沈丘县人民政府办公室2023年12月15日印发"]
    record = rows[-1]
    assert record.y0 > BOTTOM - 579 / 20 and record.y1 < BOTTOM, f"not at the foot: {record.y0:.1f}–{record.y1:.1f}"


def test_a_long_single_attachment_name_wraps_under_its_first_character(tmp_path: Path) -> None:
    """GB/T 9704-2012 7.3.4: a long 附件 name wraps aligned with the name's first character (after "附件："),
    as the numbered names of several attachments already did; a single one wrapped to the margin."""
    report = sample_report()
    report.attachments = ["周营镇2023年度法治政府建设工作台账及各行政村（社区）法治宣传教育活动开展情况统计汇总表"]
    rows = [r for page in render(tmp_path, report, sample_unit(), ExportOptions()) for r in merge_rows(page.lines)]
    first = next(i for i, r in enumerate(rows) if r.text.startswith("附件："))
    left = rows[first].x0 - 2 * CHAR  # the text block's left edge
    assert abs(rows[first + 1].x0 - (left + 5 * CHAR)) < 1.5, f"wrapped at {(rows[first + 1].x0 - left) / CHAR:.2f}"


def test_a_date_longer_than_the_organ_starts_2_characters_right_of_it(tmp_path: Path) -> None:
    """GB/T 9704-2012 7.3.5.2: a date longer than the 署名 keeps 2 characters from the right and the 署名 moves
    left, so that the date still starts 2 characters right of it. LibreOffice sets digits apart from Chinese
    (autospacing): "2023年12月15日" printed 9.1 characters wide, not the 6.9 reckoned, and the right-aligned
    date started left of 沈丘县司法局."""
    report = sample_report()
    report.organs = ["沈丘县司法局"]
    rows = merge_rows(render(tmp_path, report, sample_unit(), ExportOptions())[-1].lines)
    texts_ = [r.text for r in rows]
    sig, date = rows[texts_.index("沈丘县司法局")], rows[texts_.index("2023年12月15日")]
    right = rows[texts_.index("特此报告。")].x0 - 2 * CHAR + 8844 / 20  # the text block's right edge
    assert abs((date.x0 - sig.x0) - 2 * CHAR) < 2, f"date starts {(date.x0 - sig.x0) / CHAR:.2f} characters in"
    assert 1 * CHAR < right - date.x1 < 3 * CHAR, f"date ends {(right - date.x1) / CHAR:.2f} from the right"
