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
from fzdesk.export.geometry import LAYOUT_WIDTH, LINE_PITCH, TEXT_HEIGHT
from fzdesk.export.options import ExportOptions, Variant
from fzdesk.typeset.paged import foot_pages
from tests.export.docx_read import W, paragraphs
from tests.export.ooxml import check_package
from tests.export.sample import sample_report, sample_unit


def record_texts(report: Report, unit: Unit, **options: object) -> list[str]:
    opts = ExportOptions(**options)  # type: ignore[arg-type]
    data = export_docx(report, unit, opts, resources.catalogue(), pages=foot_pages).data
    texts = [p.text for p in paragraphs(data) if p.el.find(f"{W}pPr/{W}framePr") is not None]
    return ["\n".join(texts)] if texts else []


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


def test_the_record_has_thick_rules_outside_and_a_thin_one_between_its_parts() -> None:
    """GB/T 9704-2012 7.4.1: the 版记's first and last rules 0.35 mm, the one between 抄送 and the 印发 line 0.25 mm.
    Each part is a frame of its own (one frame cannot draw the middle rule), 抄送 right above the 印发 line."""
    cc, imprint = closing.record(sample_report(), sample_unit(), ExportOptions(variant=Variant.SUBMITTED))
    assert cc.foot and imprint.foot
    assert (cc.border_top, cc.border_bottom) == (closing.THICK_RULE, closing.THIN_RULE)
    assert (imprint.border_top, imprint.border_bottom) == (0, closing.THICK_RULE)
    assert imprint.foot_y is None  # on the text block's lower edge
    assert imprint.left == imprint.right == cc.right == closing.RECORD_CHAR == 280  # one 四号 character in
    assert imprint.tab == LAYOUT_WIDTH - 280  # the date's end, right-aligned
    height = LINE_PITCH + closing.rule_twips(closing.THICK_RULE) + closing.rule_twips(closing.THIN_RULE)
    assert cc.foot_y == TEXT_HEIGHT - (LINE_PITCH + closing.rule_twips(closing.THICK_RULE)) - height
    (alone,) = closing.record(sample_report(), sample_unit(), ExportOptions(variant=Variant.SUBMITTED, imprint=False))
    assert (alone.border_top, alone.border_bottom, alone.foot_y) == (closing.THICK_RULE, closing.THICK_RULE, None)


def test_a_long_cc_wraps_after_its_label_and_its_frame_grows_upwards() -> None:
    """GB/T 9704-2012 7.4.2: a 抄送 longer than a line continues under the first organ, after "抄送："."""
    unit = sample_unit()
    unit.cc = ("县委依法治县办，县人大常委会办公室，县政协办公室，县纪委监委，县委组织部，县委宣传部，"
        "县委政法委，县法院，县检察院，市司法局")
    cc, _ = closing.record(sample_report(), unit, ExportOptions(variant=Variant.SUBMITTED))
    assert cc.left - cc.hanging == closing.RECORD_CHAR  # "抄送：" 1 character in
    assert cc.hanging == 3 * closing.RECORD_CHAR  # the following lines start after "抄送："
    assert closing.record_lines(cc.text, LAYOUT_WIDTH - 2 * closing.RECORD_CHAR) == 3
    three = 3 * LINE_PITCH + closing.rule_twips(closing.THICK_RULE) + closing.rule_twips(closing.THIN_RULE)
    assert cc.foot_y == TEXT_HEIGHT - (LINE_PITCH + closing.rule_twips(closing.THICK_RULE)) - three
    # a closing mark never starts a line: the character before it goes down with it
    assert closing.record_lines("抄送：" + "县" * 26 + "，县", 29 * closing.RECORD_CHAR) == 2


def test_the_blank_page_and_the_record_page_are_a_section_without_page_numbers() -> None:
    """GB/T 9704-2012 7.5: with a blank page before the 版记 page, neither is numbered. The text fills page 6,
    so the .docx ends its numbered section there and a second one, with an empty footer, holds both pages."""
    report = sample_report()
    closing_block = report.section(Block.CLOSING)
    assert closing_block is not None
    closing_block.items[0].paragraphs[:0] = [f"补充说明第{n}行的内容写满一行。" for n in range(25)]
    data = export_docx(report, sample_unit(), ExportOptions(variant=Variant.SUBMITTED), resources.catalogue(),
                       pages=foot_pages).data
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
        data = export_docx(sample_report(), sample_unit(), options, resources.catalogue(), pages=foot_pages).data
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert z.read("word/document.xml").decode("utf-8").count("<w:sectPr>") == 1
            assert "word/footer3.xml" not in z.namelist()
