"""The 版记 of a 报送稿: 抄送, and 印发机关 and 印发日期 (GB/T 9704-2012 7.4.3), read back from the .docx."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from fzdesk import resources
from fzdesk.domain.model import Block, Report, Unit
from fzdesk.export import closing
from fzdesk.export.docx_writer import export_docx
from fzdesk.export.geometry import LAYOUT_WIDTH
from fzdesk.export.options import ExportOptions, Variant
from tests.export.docx_read import W, paragraphs
from tests.export.ooxml import check_package
from tests.export.sample import sample_report, sample_unit


def record_texts(report: Report, unit: Unit, **options: object) -> list[str]:
    opts = ExportOptions(**options)  # type: ignore[arg-type]
    data = export_docx(report, unit, opts, resources.catalogue()).data
    return [p.text for p in paragraphs(data) if p.el.find(f"{W}pPr/{W}framePr") is not None]


def test_the_imprint_line_defaults_to_the_organs_office_and_the_written_date() -> None:
    report, unit = sample_report(), sample_unit()
    unit.organs = report.organs = ["沈丘县司法局"]
    assert record_texts(report, unit, variant=Variant.SUBMITTED) == \
        ["抄送：县委依法治县办。\n沈丘县司法局办公室\t2023年12月15日印发"]


def test_an_office_prints_its_own_report_and_a_set_issue_date_wins() -> None:
    report, unit = sample_report(), sample_unit()  # 沈丘县人民政府办公室
    report.issued_on = dt.date(2024, 1, 3)
    assert record_texts(report, unit, variant=Variant.SUBMITTED) == \
        ["抄送：县委依法治县办。\n沈丘县人民政府办公室\t2024年1月3日印发"]


def test_the_clerk_names_the_issuer_and_the_line_can_be_left_out() -> None:
    report, unit = sample_report(), sample_unit()
    assert record_texts(report, unit, variant=Variant.SUBMITTED, issuer=" 县政府办文电科 ") == \
        ["抄送：县委依法治县办。\n县政府办文电科\t2023年12月15日印发"]
    assert record_texts(report, unit, variant=Variant.SUBMITTED, imprint=False) == ["抄送：县委依法治县办。"]
    unit.cc = ""
    assert record_texts(report, unit, variant=Variant.SUBMITTED) == ["沈丘县人民政府办公室\t2023年12月15日印发"]
    assert record_texts(report, unit, variant=Variant.SUBMITTED, imprint=False) == []


def test_the_public_copy_has_no_record_and_an_undated_report_blank_date() -> None:
    report, unit = sample_report(), sample_unit()
    assert record_texts(report, unit, variant=Variant.PUBLIC) == []
    report.date = None
    assert record_texts(report, unit, variant=Variant.SUBMITTED)[0].endswith(f"\t{closing.BLANK_DATE}印发")


def test_the_record_has_rules_above_and_below_and_keeps_a_character_in_on_both_sides() -> None:
    (para,) = closing.record(sample_report(), sample_unit(), ExportOptions(variant=Variant.SUBMITTED))
    assert para.foot and para.border_top == para.border_bottom == closing.THICK_RULE
    assert para.left == para.right == closing.RECORD_CHAR == 280  # one 四号 character
    assert para.tab == LAYOUT_WIDTH - 280  # the date's end, right-aligned
    assert para.breaks == (0,)  # 抄送 on a line of its own


def test_the_blank_page_and_the_record_page_are_a_section_without_page_numbers() -> None:
    """GB/T 9704-2012 7.5: with a blank page before the 版记 page, neither is numbered. The text fills page 6,
    so the .docx ends its numbered section there and a second one, with an empty footer, holds both pages."""
    report = sample_report()
    closing_block = report.section(Block.CLOSING)
    assert closing_block is not None
    closing_block.items[0].paragraphs[:0] = [f"补充说明第{n}行的内容写满一行。" for n in range(25)]
    data = export_docx(report, sample_unit(), ExportOptions(variant=Variant.SUBMITTED), resources.catalogue()).data
    assert check_package(data) == []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        document = z.read("word/document.xml").decode("utf-8")
        assert z.read("word/footer3.xml").decode("utf-8").count("PAGE") == 0
    sections = re.findall(r"<w:sectPr>.*?</w:sectPr>", document)
    assert len(sections) == 2
    assert 'w:start="1"' in sections[0] and "rIdFooterNone" not in sections[0]
    assert sections[1].count('r:id="rIdFooterNone"') == 2 and "w:start" not in sections[1]  # numbers go on
    # The blank page holds one empty paragraph; the next one's page break carries the 版记 to the even page.
    tail = document[document.index(sections[0]):]
    assert tail.count("<w:pageBreakBefore/>") == 1


def test_a_public_copy_or_a_record_on_its_page_keeps_one_section() -> None:
    for options in (ExportOptions(), ExportOptions(variant=Variant.SUBMITTED)):
        data = export_docx(sample_report(), sample_unit(), options, resources.catalogue()).data
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert z.read("word/document.xml").decode("utf-8").count("<w:sectPr>") == 1
            assert "word/footer3.xml" not in z.namelist()
