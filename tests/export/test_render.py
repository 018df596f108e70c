"""Layout verified by rendering: the sample report through LibreOffice, then the PDF's geometry.

LibreOffice uses tests/export/fonts.conf (FONTCONFIG_FILE), which maps the official-document fonts onto
Noto CJK and AR PL UKai, so the measurements are made with fonts of the same em size as the real ones.
"""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from fzdesk import resources
from fzdesk.export.docx_writer import export_docx
from fzdesk.export.options import ExportOptions, FontSet, PageNumbers
from fzdesk.typeset.paged import foot_pages
from tests.export.pdf_geometry import MM, Line, Page, merge_rows
from tests.export.render import geometry, render_pdf, soffice
from tests.export.sample import ORGAN, sample_report, sample_unit

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(soffice() is None or shutil.which("pdftotext") is None,
                       reason="LibreOffice and poppler-utils render the document"),
]

LEFT = 28 * MM  # 79.4 pt
RIGHT = LEFT + 8844 / 20  # 521.6 pt: the 156 mm text block
TOP = 37 * MM  # 104.9 pt
BOTTOM = (297 - 35) * MM  # 742.7 pt
PITCH = 579 / 20  # 28.95 pt
CHAR = 16 - 0.25  # a condensed 16 pt character
PAGE_NUMBER = re.compile(r"^—\s*(\d+)\s*—$")


def render(tmp_path: Path, options: ExportOptions) -> list[Page]:
    exported = export_docx(sample_report(), sample_unit(), options, resources.catalogue(), pages=foot_pages)
    docx = tmp_path / "sample.docx"
    docx.write_bytes(exported.data)
    return geometry(render_pdf(docx, tmp_path))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[Page]:
    return render(tmp_path_factory.mktemp("render"), ExportOptions())


def body_rows(page: Page) -> list[Line]:
    """The rows inside the text block (the page number excluded)."""
    return [r for r in merge_rows(page.lines) if r.y0 < BOTTOM]


def is_body_size(row: Line) -> bool:
    """A row of 16 pt text (title rows of 22 pt are taller)."""
    return 18 < row.y1 - row.y0 < 23


def slots(page: Page) -> list[float]:
    """Each 16 pt row's position on the 22-line grid (slot 0 is the first line of the text block)."""
    first = TOP + 8.0  # the top of 16 pt glyphs in the first line of the block
    return [(r.y0 - first) / PITCH for r in body_rows(page) if is_body_size(r)]


def full_pages(pages: list[Page]) -> Iterator[Page]:
    """Pages whose text runs on to the next page (all but the last page of the report)."""
    yield from pages[:-1]


def test_the_sample_fills_several_pages(pages: list[Page]) -> None:
    assert len(pages) >= 4


def test_22_line_slots_on_every_full_page(pages: list[Page]) -> None:
    for page in full_pages(pages):
        positions = slots(page)
        assert positions, f"page {page.number} has no body rows"
        for s in positions:
            assert abs(s - round(s)) < 0.05, f"page {page.number}: a row off the {PITCH} pt grid ({s:.2f})"
        occupied = {round(s) for s in positions}
        assert min(occupied) >= 0 and max(occupied) == 21, f"page {page.number}: slots {sorted(occupied)}"
        if page.number > 1:
            assert min(occupied) == 0


def test_nothing_hangs_past_the_right_edge(pages: list[Page]) -> None:
    """LibreOffice hangs no closing mark into the margin (w:overflowPunct="1", which it reads inverted)."""
    for page in pages:
        for row in body_rows(page):
            assert row.x1 < RIGHT + 1, f"page {page.number}: past the right edge: {row.text}"


def test_full_body_lines_hold_27_or_28_characters(pages: list[Page]) -> None:
    measured = []
    for page in pages:
        rows = [r for r in body_rows(page) if is_body_size(r)]
        for row, following in itertools.pairwise(rows):
            continued = abs(following.x0 - LEFT) < 1.5 and following.y0 - row.y0 < PITCH + 1
            if not continued or row.x1 < RIGHT - 2 * CHAR or re.search(r"[\x00-\x7f]", row.text):
                continue  # the last line of a paragraph, or digits and Latin letters of another width
            indent = round((row.x0 - LEFT) / CHAR)
            measured.append(len(row.text) + indent)
    print("characters on full lines:", sorted(measured))
    assert len(measured) > 40
    assert all(27 <= n <= 28 for n in measured), sorted(measured)
    assert measured.count(28) > len(measured) / 2


def test_page_numbers_alternate_sides(pages: list[Page]) -> None:
    for page in pages:
        rows = [r for r in merge_rows(page.lines) if PAGE_NUMBER.match(r.text)]
        assert len(rows) == 1, f"page {page.number}: no page number"
        row = rows[0]
        match = PAGE_NUMBER.match(row.text)
        assert match and int(match.group(1)) == page.number
        assert BOTTOM + 3 * MM < row.y0 < BOTTOM + 12 * MM, "about 7 mm under the text block"
        if page.number % 2:
            assert abs((RIGHT - row.x1) - 14) < 3, f"odd page {page.number}: 1 character in from the right"
        else:
            assert abs((row.x0 - LEFT) - 14) < 3, f"even page {page.number}: 1 character in from the left"


def test_title_centred_and_recipient_flush_left(pages: list[Page]) -> None:
    rows = body_rows(pages[0])
    title = [r for r in rows if r.y1 - r.y0 > 25]
    assert [t.text for t in title] == [ORGAN, "关于2023年度法治政府建设情况的报告"]
    for t in title:
        assert abs(t.centre - (LEFT + RIGHT) / 2) < 2, f"title line not centred: {t.text}"
    assert TOP <= title[0].y0 < TOP + PITCH
    recipient = next(r for r in rows if r.text == "沈丘县人民政府：")
    assert abs(recipient.x0 - LEFT) < 1
    assert 1.5 < (recipient.y0 - title[-1].y0) / PITCH < 2.5, "one blank line under the title"


def test_signature_and_date_sit_on_the_right(pages: list[Page]) -> None:
    last = body_rows(pages[-1])
    texts = [r.text for r in last]
    sig = last[texts.index(ORGAN)]
    date = last[texts.index("2023年12月15日")]
    closing = next(r for page in pages for r in body_rows(page) if r.text == "特此报告。")
    assert abs((RIGHT - sig.x1) - 2 * CHAR) < 2.5, "署名 2 characters from the right"
    assert abs((date.x0 - sig.x0) - 2 * CHAR) < 1.5, "the date starts 2 characters right of the 署名"
    assert abs(date.y0 - sig.y0 - PITCH) < 1, "the date on the line under the 署名"
    assert abs(sig.y0 - closing.y0 - 2 * PITCH) < 1, "one blank line under the body"


def test_centred_page_numbers(tmp_path: Path) -> None:
    pages = render(tmp_path, ExportOptions(page_numbers=PageNumbers.CENTRED, figures_annex=True))
    for page in pages:
        row = next(r for r in merge_rows(page.lines) if PAGE_NUMBER.match(r.text))
        assert abs(row.centre - (LEFT + RIGHT) / 2) < 3
    annex_rows = [r.text for r in merge_rows(pages[-1].lines)]
    assert annex_rows[0] == "附件"
    assert "2023年度法治政府建设主要数据" in annex_rows


def test_joint_report_with_room_for_a_seal_in_the_windows_fonts(tmp_path: Path) -> None:
    organs = ["中共沈丘县周营镇委员会", "沈丘县周营镇人民政府"]
    report = sample_report()
    report.organs = organs
    docx = tmp_path / "joint.docx"
    options = ExportOptions(font_set=FontSet.WINDOWS, seal_space=True)
    docx.write_bytes(export_docx(report, sample_unit(), options, resources.catalogue()).data)
    pages = geometry(render_pdf(docx, tmp_path))
    title = [r.text for r in body_rows(pages[0]) if r.y1 - r.y0 > 25]
    assert title == [*organs, "关于2023年度法治政府建设情况的报告"]
    for page in pages[:-1]:
        assert max(round(s) for s in slots(page)) == 21
    last = body_rows(pages[-1])
    texts = [r.text for r in last]
    date = last[texts.index("2023年12月15日")]
    sigs = [last[texts.index(o)] for o in organs]
    # The test fonts' digits are wider than Times New Roman's, so the date ends a little right of the
    # 4 characters it has in Word; the 署名 stays centred over it.
    assert 2 * CHAR < RIGHT - date.x1 < 4.5 * CHAR, "the date about 4 characters from the right"
    for sig in sigs:
        assert abs(sig.centre - date.centre) < 1.5, "署名 centred over the date"
    assert abs(date.y0 - sigs[1].y0 - PITCH) < 1 and abs(sigs[1].y0 - sigs[0].y0 - PITCH) < 1


def test_the_explanation_sentence_closes_the_measures_block_inside_the_text_block(pages: list[Page]) -> None:
    rows = [r for page in pages for r in body_rows(page)]
    texts = [re.sub(r"\s+", "", r.text) for r in rows]
    start = next(i for i, t in enumerate(texts) if t.startswith("需要说明的是："))
    assert texts[start + 2].startswith("三、")  # two lines, then the next block's heading
    assert "".join(texts[start:start + 2]) == (
        "需要说明的是：行政复议方面，受理88件，较去年减少339件，主要原因是复议渠道前移，案件减少。")
    first = rows[start]
    assert abs(first.x0 - (LEFT + 2 * CHAR)) < 2  # the body's 2-character indent
    assert first.x1 <= RIGHT + CHAR  # (a closing mark may hang in LibreOffice, see docs/export.md)
