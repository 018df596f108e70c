"""Counted lists, typed numbering, years, structure and dates: cases that fire and cases that must not."""

from __future__ import annotations

import datetime as dt

import pytest

from fzdesk.checks.lists import named_count_findings, section_list_findings
from fzdesk.checks.structure import structure_findings
from fzdesk.checks.text import Para
from fzdesk.checks.years import year_findings
from fzdesk.domain.model import Block, Item, Numbering, Section, UnitType
from tests import factories


def yishi(*paragraphs: str, numbering: Numbering = Numbering.NONE) -> list[str]:
    section = Section(Block.SHORTCOMINGS, "", numbering, [Item("", [p]) for p in paragraphs])
    return [f.message for f in section_list_findings(section)]


def test_yishi_sequence() -> None:
    assert yishi("存在不足：一是制度不完善；二是能力不足；三是宣传不够。") == []
    assert yishi("一是完善机制。", "二是强化执法。", "三是加强宣传。") == []
    assert yishi("一是甲；二是乙。", "一是丙；二是丁。") == []  # two separate lists
    assert any("应是“三是”" in m for m in yishi("一是甲；二是乙；四是丁。"))
    assert any("重复" in m for m in yishi("一是甲；二是乙；二是丙。"))
    assert any("缺少“一是”" in m for m in yishi("二是乙；三是丙。"))


def named(text: str) -> list[str]:
    return [f.message for f in named_count_findings(Para(Block.MEASURES, 0, 1, 0, text))]


def test_named_counts() -> None:
    nine = ("组织实施“九个一”普法活动：进行一次专题部署，印发一个工作方案，组建一个宣讲小组，举办一系列专题培训，"
            "组织一次知识竞赛，开设一个主题宣传专栏，打造一个普法特色品牌，开展一次政策制度清理，抓好一次检查落实活动。")
    assert named(nine) == []
    eight = nine.replace("抓好一次检查落实活动", "抓好检查落实")
    assert any("列出的是8项" in m for m in named(eight))
    assert named("开展“七进”活动：进机关、进乡村、进社区、进学校、进企业、进单位、进网络。") == []
    assert any("6项" in m for m in named("开展“七进”活动：进机关、进乡村、进社区、进学校、进企业、进网络。"))
    assert named("开展“九个一”活动，取得实效。") == []  # no list follows: nothing to count


def test_typed_numbering() -> None:
    section = Section(Block.MEASURES, "", Numbering.NONE, [
        Item("", ["1.完善制度。"]), Item("", ["2.加强培训。"]), Item("", ["4.强化宣传。"])])
    assert any("应为第3个" in f.message for f in section_list_findings(section))
    ok = Section(Block.MEASURES, "", Numbering.NONE, [Item("", ["（一）完善制度。"]), Item("", ["（二）加强培训。"])])
    assert section_list_findings(ok) == []
    doubled = Section(Block.MEASURES, "", Numbering.HEADINGS, [Item("", ["（一）完善制度。"])])
    assert any("自动编号" in f.message for f in section_list_findings(doubled))


def years(text: str, block: Block = Block.MEASURES, item_index: int = 0) -> list[str]:
    return [f.rule for f in year_findings(Para(block, item_index, 1, 0, text), 2023)]


def test_last_years_year_left_in_copied_text() -> None:
    assert years("2022年，我办在县委、县政府的坚强领导下……") == ["years.previous"]
    assert years("2022年度法治政府建设工作取得实效。") == ["years.previous"]
    assert years("2023年，我办在县委领导下……") == []
    assert years("较2022年增长10%。") == []
    assert years("与2022年相比，案件减少。") == []
    assert years("自2022年以来持续推进。") == []


def test_plans_speak_of_next_year() -> None:
    assert years("2023年将重点推进以下工作。", Block.PLANS) == ["years.plans"]
    assert years("2023年法治政府建设主要安排", Block.PLANS, item_index=-1) == ["years.plans"]
    assert years("2024年将重点推进以下工作。", Block.PLANS) == []
    assert years("巩固2023年取得的成效。", Block.PLANS) == []


def rules_of(report: object, unit: object) -> set[str]:
    return {f.rule for f in structure_findings(report, unit)}  # type: ignore[arg-type]


def test_clean_factory_report_has_no_structure_findings() -> None:
    unit = factories.unit()
    assert rules_of(factories.report(unit), unit) == set()


def test_missing_blocks_recipient_signature() -> None:
    unit = factories.unit()
    report = factories.report(unit)
    report.sections = [s for s in report.sections if s.block is not Block.PLANS]
    report.recipient = ""
    report.organs = []
    found = rules_of(report, unit)
    assert {"structure.block_missing", "structure.recipient", "structure.signature"} <= found


def test_block_five_may_be_omitted_but_not_left_empty() -> None:
    unit = factories.unit()
    report = factories.report(unit)
    other = report.section(Block.OTHER)
    assert other is not None
    other.items = []
    assert "structure.other_empty" in rules_of(report, unit)
    other.omitted = True
    assert rules_of(report, unit) == set()


def test_causes_in_block_two() -> None:
    unit = factories.unit()
    report = factories.report(unit)
    short = report.section(Block.SHORTCOMINGS)
    assert short is not None
    short.items = [Item("", ["一是制度有待完善；二是能力有待提高。"])]
    assert "structure.causes" in rules_of(report, unit)
    short.items.append(Item("", ["究其原因，主要是学习不够深入。"]))
    assert "structure.causes" not in rules_of(report, unit)


def test_joint_report_needs_both_organs() -> None:
    unit = factories.unit("××镇", UnitType.JOINT)
    report = factories.report(unit)
    report.organs = ["中共××镇委员会"]
    assert "structure.joint_organs" in rules_of(report, unit)
    report.organs = ["中共××镇委员会", "××镇人民政府"]
    report.title = "中共××镇委员会关于2023年度法治政府建设情况的报告"
    assert "structure.joint_title" in rules_of(report, unit)
    report.title = ""
    assert rules_of(report, unit) == set()


@pytest.mark.parametrize(("date", "rule"), [
    (dt.date(2023, 12, 15), None), (dt.date(2024, 1, 3), None), (dt.date(2024, 3, 31), None),
    (dt.date(2024, 4, 1), None), (dt.date(2023, 6, 30), "warning"), (dt.date(2023, 12, 5), "info"),
    (dt.date(2024, 4, 2), "warning"), (dt.date(2022, 12, 20), "error"), (None, "warning"),
])
def test_date_window(date: dt.date | None, rule: str | None) -> None:
    unit = factories.unit()
    report = factories.report(unit)
    report.date = date
    found = [f for f in structure_findings(report, unit) if f.location.field == "date"]
    assert [f.severity.value for f in found] == ([rule] if rule else [])


def test_carried_over_items_with_results_are_flagged() -> None:
    unit = factories.unit()
    report = factories.report(unit)
    measures = report.section(Block.MEASURES)
    plans = report.section(Block.PLANS)
    assert measures is not None and plans is not None
    measures.items[0] = Item("", ["全年受理行政复议案件12件，全部审结。"], carried_over=True, id=5)
    measures.items[1] = Item("", ["坚持党的领导，健全工作机制。"], carried_over=True, id=6)
    plans.items[0] = Item("", ["持续推进2024年各项工作。"], carried_over=True)
    found = [f for f in structure_findings(report, unit) if f.rule == "structure.carried_over"]
    assert [f.location.item_id for f in found] == [5]


def test_requests_in_a_report() -> None:
    unit = factories.unit()
    report = factories.report(unit)
    closing = report.section(Block.CLOSING)
    assert closing is not None
    closing.items[0].paragraphs = ["以上报告，妥否，请批示。"]
    assert "structure.request" in rules_of(report, unit)


def test_level_skipped() -> None:
    section = Section(Block.MEASURES, "", Numbering.NONE, [Item("", ["1.完善制度。"]), Item("", ["2.加强培训。"])])
    assert [f.rule for f in section_list_findings(section)] == ["lists.level"]
    fine = Section(Block.MEASURES, "", Numbering.NONE, [Item("", ["（一）完善制度。"]), Item("", ["1.健全机制。"])])
    assert section_list_findings(fine) == []


def test_announced_counts() -> None:
    assert named("存在以下三个方面的问题：一是制度不完善；二是能力不足；三是宣传不够。") == []
    assert any("列了2条" in m for m in named("存在以下三个方面的问题：一是制度不完善；二是能力不足。"))
    assert any("列了4条" in m for m in named("主要有三点：一是甲；二是乙；三是丙；四是丁。"))
    assert named("虽然取得成效，但也存在一些不足：一是甲；二是乙。") == []
