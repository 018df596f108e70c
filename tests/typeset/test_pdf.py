"""The PDF beside the .docx: Qt's PDF writer, A4, fonts embedded, each line drawn once, page numbers."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from fzdesk import resources
from fzdesk.export.options import ExportOptions, Variant
from fzdesk.typeset.pdf import write_pdf
from tests.export.pdf_geometry import MM, merge_rows
from tests.export.render import geometry
from tests.export.sample import sample_report, sample_unit

pytestmark = pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils reads the PDF")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    options = ExportOptions(figures_annex=True, variant=Variant.SUBMITTED, doc_number="沈政办〔2024〕1号",
                            signer="张三")
    return write_pdf(sample_report(), sample_unit(), path, options, resources.catalogue())


def test_a4_pages(pdf: Path) -> None:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert 4 <= pages <= 8


def test_every_font_is_embedded(pdf: Path) -> None:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, "no fonts"
    for row in rows:
        flags = re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", row)
        assert flags and flags.group(1) == "yes", f"not embedded: {row}"


def test_each_line_once_and_page_numbers_alternate(pdf: Path) -> None:
    pages = geometry(pdf)
    seen: list[str] = []
    for page in pages:
        rows = merge_rows(page.lines)
        numbers = [r for r in rows if re.fullmatch(r"—\s*\d+\s*—", r.text)]
        assert len(numbers) == 1
        assert int(re.sub(r"\D", "", numbers[0].text)) == page.number
        if page.number % 2:
            assert numbers[0].x1 > 400
        else:
            assert numbers[0].x0 < 150
        seen += [r.text for r in rows if r not in numbers and len(r.text) > 20]
        assert all(r.y0 > 30 * MM for r in rows), "nothing drawn above the text block"
    assert len(seen) == len(set(seen)), "a line was drawn on two pages"


def test_text_reads_back(pdf: Path) -> None:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # Digits are set apart from Chinese characters (autospacing, as LibreOffice and Word print them): pdftotext
    # reads the gap as a space.
    text = "".join(text.split())
    assert "关于2023年度法治政府建设情况的报告" in text
    assert "特此报告。" in text
    assert "抄送：县委依法治县办。" in text
    # The annex's "—" (no change to compare) in the full-width form: its glyph is also that of ― U+2015.
    assert "不涉及——" in text and "―" not in text


def test_the_record_is_at_the_foot_of_the_last_page(pdf: Path) -> None:
    """As the .docx frames it (GB/T 9704-2012 7.4.1), not under the annex table."""
    pages = geometry(pdf)
    assert len(pages) % 2 == 0, "on the back of the last sheet"
    rows = merge_rows(pages[-1].lines)
    assert any(r.text == "抄送：县委依法治县办。" for r in rows)
    record = next(r for r in rows if r.text.endswith("印发"))  # the 版记's last line
    bottom = (297 - 35) * MM
    # Qt draws each rule in the middle of a block of its own, so the text sits a little higher than in Word.
    assert bottom - 1.5 * 579 / 20 < record.y1 < bottom, f"not at the foot: {record.y0:.1f}–{record.y1:.1f}"


def test_the_date_is_not_alone_on_the_last_page(tmp_path: Path, qapp: Any) -> None:
    """Qt has no keep-with-next: the short 报送稿 put its 署名 on the last line of page 2 and the date alone on
    page 3. The PDF keeps them together, with the body's last line, as the .docx does."""
    from tests import factories

    unit = factories.unit()
    path = write_pdf(factories.report(unit), unit, tmp_path / "short.pdf",
                     ExportOptions(variant=Variant.SUBMITTED, doc_number="沈政办〔2024〕3号", signer="李四"),
                     resources.catalogue())
    pages = geometry(path)
    last = [r.text for r in merge_rows(pages[-2].lines)]
    assert last[:3] == ["特此报告。", unit.name, "2023年12月15日"], last
    # Page 3 ends the text: the 版记 goes over to page 4, the back of the sheet.
    assert len(pages) == 4 and next(r.text for r in merge_rows(pages[-1].lines)) == "抄送：县委依法治县办。"
