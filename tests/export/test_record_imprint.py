"""The 版记 of a 报送稿: 抄送, and 印发机关 and 印发日期 (GB/T 9704-2012 7.4.3), read back from the .docx."""

from __future__ import annotations

import datetime as dt

from fzdesk import resources
from fzdesk.domain.model import Report, Unit
from fzdesk.export import closing
from fzdesk.export.docx_writer import export_docx
from fzdesk.export.geometry import LAYOUT_WIDTH
from fzdesk.export.options import ExportOptions, Variant
from tests.export.docx_read import W, paragraphs
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
