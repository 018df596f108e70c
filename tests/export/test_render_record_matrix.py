"""The 版记 of the 报送稿 on an even page in LibreOffice across the variations a clerk makes (-m render).

`record_page.on_even_page` decides the .docx's page breaks from Qt's layout (`typeset.paged.foot_pages`).
The sample 报送稿 with 发文字号,
签发人 and the figures annex came out with its 版记 on page 7 in LibreOffice while Qt predicted page 6: LibreOffice
set the digits of "共7件" in the Latin face with autospacing and wrapped page 3 one character earlier. Here the
five lengths of test_render_record.py × with/without 发文字号 and 签发人 × with/without the figures annex × the three
numbering styles of 主要举措 (60 documents, rendered by one LibreOffice start) are compared with Qt's layout:
the same lines on every page before the last page of text, the same number of pages, and the 版记 at the foot of
an even last page.
"""

from __future__ import annotations

import itertools
import shutil
from dataclasses import dataclass
from typing import Any

import pytest

from fzdesk import resources
from fzdesk.domain.model import Block, Numbering, Report
from fzdesk.export import geometry as g
from fzdesk.export.docx_writer import export_docx
from fzdesk.export.options import ExportOptions, Variant
from fzdesk.typeset.paged import PagedReport, foot_pages
from tests.export.pdf_geometry import Page, merge_rows
from tests.export.render import geometry, render_pdfs, soffice
from tests.export.sample import sample_report, sample_unit

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(soffice() is None or shutil.which("pdftotext") is None,
                       reason="LibreOffice and poppler-utils render the document"),
]

BOTTOM = (297 - 35) * 72 / 25.4  # the text block's lower edge, pt
LINE = 579 / 20  # pt
LENGTHS = (0, 3, 10, 23, 25)  # lines added before 特此报告, as in test_render_record.py
NUMBERINGS = (Numbering.HEADINGS, Numbering.INLINE, Numbering.YISHI)


@dataclass(frozen=True)
class Case:
    lines: int
    doc_number: bool  # 发文字号 and 签发人
    annex: bool
    numbering: Numbering

    @property
    def name(self) -> str:
        return (f"{self.lines}-{'head' if self.doc_number else 'nohead'}-{'annex' if self.annex else 'noannex'}-"
                f"{self.numbering.value}")

    def options(self) -> ExportOptions:
        return ExportOptions(variant=Variant.SUBMITTED, figures_annex=self.annex,
                             doc_number="沈政办〔2024〕1号" if self.doc_number else "",
                             signer="张三" if self.doc_number else "")

    def report(self) -> Report:
        report = sample_report(self.numbering)
        closing = report.section(Block.CLOSING)
        assert closing is not None
        closing.items[0].paragraphs[:0] = [f"补充说明第{n}行的内容写满一行。" for n in range(self.lines)]
        return report


CASES = [Case(*values) for values in itertools.product(LENGTHS, (False, True), (False, True), NUMBERINGS)]


@dataclass
class Rendered:
    qt: list[list[str]]  # Qt's text lines per page (outside tables), whitespace removed
    lo: list[Page]  # LibreOffice's pages


def qt_rows(paged: PagedReport) -> list[list[str]]:
    """The lines of Qt's layout page by page, lines on one baseline (a tab line) joined, tables left out."""
    from PySide6.QtGui import QTextCursor

    doc = paged.doc
    layout = doc.documentLayout()
    rows: dict[tuple[int, int], str] = {}
    block = doc.begin()
    while block.isValid():
        if QTextCursor(block).currentTable() is None:
            rect = layout.blockBoundingRect(block)
            text_layout = block.layout()
            for i in range(text_layout.lineCount()):
                line = text_layout.lineAt(i)
                middle = rect.y() + line.y() + line.height() / 2
                text = block.text()[line.textStart():line.textStart() + line.textLength()]
                text = "".join(text.split()).replace("\u2028", "").replace("\u200b", "")
                if text:
                    key = (int(middle // g.TEXT_HEIGHT), round(middle))
                    rows[key] = rows.get(key, "") + text
        block = block.next()
    pages: list[list[str]] = [[] for _ in range(paged.page_count)]
    for (page, _y), text in sorted(rows.items()):
        pages[page].append(text)
    return pages


def lo_rows(page: Page) -> list[str]:
    return ["".join(r.text.split()) for r in merge_rows(page.lines) if not r.text.startswith("—")]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> dict[str, Rendered]:
    out = tmp_path_factory.mktemp("record-matrix")
    qt: dict[str, list[list[str]]] = {}
    docxs = []
    for case in CASES:
        report, unit, options = case.report(), sample_unit(), case.options()
        docx = out / f"{case.name}.docx"
        docx.write_bytes(export_docx(report, unit, options, resources.catalogue(), pages=foot_pages).data)
        docxs.append(docx)
        qt[case.name] = qt_rows(PagedReport(report, unit, options, resources.catalogue()))
    pdfs = render_pdfs(docxs, out, timeout=600)
    return {case.name: Rendered(qt[case.name], geometry(pdf)) for case, pdf in zip(CASES, pdfs, strict=True)}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_libreoffice_puts_the_record_where_qt_predicts_on_an_even_page(rendered: dict[str, Rendered],
                                                                       case: Case) -> None:
    result = rendered[case.name]
    pages = result.lo
    assert len(pages) == len(result.qt), f"LibreOffice {len(pages)} pages, Qt {len(result.qt)}"
    assert len(pages) % 2 == 0, "the 版记 is on the back of the last sheet"
    last = pages[-1]
    imprint = [line for line in last.lines if line.text.endswith("印发")]
    assert imprint, "the 印发 line is on the last page"
    assert BOTTOM - LINE < imprint[0].y1 < BOTTOM, "at the foot of the text block"
    # The same line breaks on every page before the one the text ends on (LibreOffice may carry 特此报告, the
    # 署名 and the date over to the 版记's page when the 版记 just does not fit under them: test_render_record).
    date_page = next(n for n, rows in enumerate(result.qt) if "2023年12月15日" in rows)
    assert date_page >= 4
    for n in range(date_page):
        assert result.qt[n] == lo_rows(pages[n])[:len(result.qt[n])], f"page {n + 1}"
