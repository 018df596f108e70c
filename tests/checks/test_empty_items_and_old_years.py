"""Items left without body (the outline's titles not written yet) and an old year opening the opening or a sentence
of the results: cases that must fire and cases that must not."""

from __future__ import annotations

import pytest

from fzdesk import resources
from fzdesk.checks.engine import check_report
from fzdesk.checks.structure import empty_item_findings, structure_findings
from fzdesk.checks.text import Para
from fzdesk.checks.wording import shipped_wording
from fzdesk.checks.years import year_findings
from fzdesk.domain.model import Block, Item, Numbering, Report, Section
from fzdesk.domain.outline import new_report
from tests import factories
from tests.checks.helpers import catalogue, rules


def department_report(year: int = 2026) -> Report:
    """A 县直部门 report from its outline: block 二 (主要举措和成效) holds seven titled items, without body."""
    unit = factories.unit()
    report = new_report(resources.outline(unit.unit_type), unit, year)
    for n, section in enumerate(report.sections):
        section.id = n + 1
        for m, item in enumerate(section.items):
            item.id = 100 * (n + 1) + m
    return report


def test_an_outlines_titles_without_body_are_each_a_warning_at_the_item() -> None:
    report = department_report()
    measures = report.section(Block.MEASURES)
    assert measures is not None and measures.numbering is Numbering.HEADINGS and len(measures.items) == 7
    for item in measures.items[:6]:
        item.paragraphs = [f"{item.title}方面，全年扎实推进。"]
    measures.items[5].paragraphs = ["   "]  # blanks are no body
    found = empty_item_findings(report)
    assert [(f.location.step, f.location.item_index, f.location.item_id, f.location.paragraph) for f in found] == [
        ("measures", 5, measures.items[5].id, None), ("measures", 6, measures.items[6].id, None)]
    assert found[0].message == "条目“依法化解矛盾纠纷”还没有正文：请补写，或删除这一条。"
    assert all(f.severity.value == "warning" and f.category.value == "structure" for f in found)
    assert found[0].location.describe() == "主要举措和成效 · 第6项"
    # in the full check too, and stable keys that survive edits elsewhere
    result = check_report(report, None, catalogue(), rules(), shipped_wording())
    keys = [f.key for f in result.findings if f.rule == "structure.empty_item"]
    assert keys == [f"structure.empty_item|measures|item{measures.items[5].id}|依法化解矛盾纠纷",
                    f"structure.empty_item|measures|item{measures.items[6].id}|深入开展法治宣传教育"]


def test_a_long_title_is_shortened_in_the_message_but_kept_in_the_excerpt() -> None:
    title = "坚持党的领导，健全法治政府建设工作机制，压实各级各部门主体责任并抓好督促落实"
    report = Report(1, 2026, sections=[Section(Block.MEASURES, "举措", Numbering.INLINE, [Item(title, [])])])
    found = empty_item_findings(report)
    assert len(found) == 1 and found[0].excerpt == title
    assert found[0].message.startswith(f"条目“{title[:24]}…”还没有正文")


@pytest.mark.parametrize("numbering", [Numbering.YISHI, Numbering.NONE])
def test_a_title_alone_is_a_whole_item_in_yishi_and_unnumbered_blocks(numbering: Numbering) -> None:
    items = [Item("制度建设还不够完善", [])]
    report = Report(1, 2026, sections=[Section(Block.SHORTCOMINGS, "不足", numbering, items)])
    assert empty_item_findings(report) == []


def test_no_finding_for_items_with_body_blank_items_or_a_block_marked_none() -> None:
    report = Report(1, 2026, sections=[
        Section(Block.MEASURES, "举措", Numbering.HEADINGS, [Item("健全机制", ["全年召开会议4次。"]), Item("", []),
                                                          Item("", ["没有标题的一段。"])]),
        Section(Block.OTHER, "其他", Numbering.HEADINGS, [Item("无", [])], omitted=True),
        Section(Block.OPENING, "", Numbering.HEADINGS, [Item("开头", [])]),  # not one of the five blocks
    ])
    assert empty_item_findings(report) == []
    assert "structure.empty_item" not in {f.rule for f in structure_findings(factories.report(factories.unit()),
                                                                             None)}


def stale(text: str, block: Block = Block.OPENING, year: int = 2026, item_index: int = 0) -> list[str]:
    return [f.message for f in year_findings(Para(block, item_index, 1, 0, text), year) if f.rule == "years.stale"]


def test_an_old_year_opening_the_opening_is_a_warning_with_a_fix() -> None:
    assert stale("2023年，在县委、县政府的坚强领导下，我局坚持以习近平新时代中国特色社会主义思想为指导。") == [
        "开头写的是2023年，本报告是2026年度：是否沿用了旧报告的文字？"]
    found = year_findings(Para(Block.OPENING, 0, 1, 0, "2023年，在县委领导下。"), 2026)
    assert found[0].location.describe() == "开头 · 第1段"
    assert [(x.old, x.new) for x in found[0].fixes] == [("2023", "2026")]  # type: ignore[union-attr]
    assert stale("一是2024年我局深化“放管服”改革。", Block.MEASURES) == [
        "这句话开头写的是2024年，本报告是2026年度：是否沿用了旧报告的文字？"]
    assert stale("全年工作扎实。2023年，我局在县委领导下推进依法行政。", Block.RESPONSIBILITY)
    assert stale("2023年度推进法治政府建设的主要举措和成效", Block.MEASURES, item_index=-1)  # a block heading
    assert stale("2025年是“十四五”规划收官之年。")  # last year's, not caught by years.previous


@pytest.mark.parametrize("text", [
    "2026年，在县委、县政府的坚强领导下，我局……",  # the report year
    "2023年以来，我局持续推进法治政府建设。",
    "自2021年起，我局每年开展法治培训。",
    "2021年起，全县推行行政执法“三项制度”。",
    "与2023年相比，行政复议案件减少。",
    "全年受理案件，较2023年增长10%。",
    "依据《2023年法治政府建设工作要点》，我局制定了方案。",
    "《沈丘县2023年度法治政府建设实施方案》印发后，各单位抓好落实。",
    "2023年5月，我县被命名为省级法治政府建设示范县。",  # a dated event
    "2025年下半年，我局办理行政复议案件12件。",  # a period of a year
    "2024年底，我局完成了权责清单调整。",
    "2021年，我县被命名为省级示范县，至今保持这一称号。",  # a look-back
    "2023年全县受理案件100件，2026年增至200件。",  # a comparison
    "2021—2025年，累计培训1000人次。",
    "2023-2025年累计培训1000人次。",
    "我局于2023年获评“全省法治政府建设先进单位”。",  # not opening its sentence
    "2027年，我局将继续深化改革。",  # a later year: not this check's business
])
def test_no_false_alarm_for_look_backs_comparisons_titles_and_the_report_year(text: str) -> None:
    assert stale(text) == [] and stale(text, Block.MEASURES) == []


def test_not_in_the_shortcomings_plans_or_closing_and_not_twice_for_last_year() -> None:
    text = "2023年，我局在县委领导下推进依法行政。"
    assert stale(text, Block.SHORTCOMINGS) == [] and stale(text, Block.CLOSING) == []
    assert stale(text, Block.PLANS) == []  # the plans block has its own check (years.plans)
    rules_found = [f.rule for f in year_findings(Para(Block.OPENING, 0, 1, 0, "2025年，我局在县委领导下。"), 2026)]
    assert rules_found == ["years.previous"]  # last year's: the older rule, once
