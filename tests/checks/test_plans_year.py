"""The plans block speaks of the coming year: a framing year of the report year in a forward-looking sentence is
reported however it is worded; a year that qualifies a noun, a comparison or a look back is left alone."""

from __future__ import annotations

import pytest

from fzdesk.checks.engine import check_report
from fzdesk.checks.text import Para
from fzdesk.checks.wording import load_wording
from fzdesk.checks.years import year_findings
from fzdesk.domain.model import Block, Item
from tests import factories
from tests.checks.helpers import catalogue, rules


def plans(text: str, item_index: int = 0, paragraph: int = 0) -> list[str]:
    return [f.rule for f in year_findings(Para(Block.PLANS, item_index, 1, paragraph, text), 2023)]


@pytest.mark.parametrize("text", [
    "2023年，我局将继续推进依法行政。",
    "2023年我局将继续推进法治政府建设。",
    "2023年，将重点抓好以下工作。",
    "2023年继续深化“放管服”改革。",
    "2023年度，我局将进一步完善制度。",
    "2023年，我局深化综合行政执法改革。",  # no tense word: in the plans block it is a plan
    "一是2023年继续深化改革。",
    "（一）2023年，全面推进政务公开。",
    "完善工作机制，2023年力争实现规范性文件100%合法性审核。",  # a framing year after a comma
    "到2023年底，基本建成法治政府。",  # a deadline that has passed when the report is written
    "2022年，我局将持续推进。",  # an older year is no better
])
def test_plans_about_the_report_year_fire(text: str) -> None:
    assert plans(text) == ["years.plans"]


def test_a_plans_item_title_with_the_report_year_fires() -> None:
    assert plans("2023年继续推进依法行政", paragraph=-1) == ["years.plans"]


def test_the_fix_puts_next_year() -> None:
    (f,) = year_findings(Para(Block.PLANS, 0, 1, 0, "2023年，我局将继续推进。"), 2023)
    assert "2024年" in f.message and f.fixes[0].new == "2024"  # type: ignore[union-attr]


@pytest.mark.parametrize("text", [
    "2024年，我局将继续推进依法行政。",  # the right year
    "2023年已完成规范性文件清理，2024年将继续巩固。",  # a look back to the year's results: a bridge, fine
    "2023年以来，我局持续推进法治建设。",
    "2023年，我局取得了显著成效，下一步将继续巩固。",
    "在2023年工作的基础上，2024年将继续推进。",  # the year qualifies a noun
    "巩固2023年取得的成效。",
    "巩固2023年的成效，持续推进。",
    "与2023年相比，进一步提高办结率。",  # a comparison
    "对照《2023年法治政府建设工作要点》查漏补缺。",  # a document's name
    "持续推进各项工作。",
])
def test_plans_that_look_back_or_name_the_year_in_passing_are_left_alone(text: str) -> None:
    assert plans(text) == []


def test_the_same_sentences_outside_the_plans_block_are_not_plans_findings() -> None:
    para = Para(Block.MEASURES, 0, 1, 0, "2023年，我局将继续推进依法行政。")
    assert "years.plans" not in [f.rule for f in year_findings(para, 2023)]


def test_whole_report_flags_each_wording_in_the_plans_block() -> None:
    unit = factories.unit()
    report = factories.report(unit)
    section = report.section(Block.PLANS)
    assert section is not None
    section.items = [Item("", [t], id=500 + n) for n, t in enumerate((
        "2023年，我局将继续推进依法行政。", "2023年继续深化改革。", "2023年已完成清理工作，2024年将继续巩固。"))]
    result = check_report(report, unit, catalogue(), rules(), load_wording())
    found = [f.location.item_id for f in result.findings if f.rule == "years.plans"]
    assert found == [500, 501]
