"""What a demanding clerk's 2025 township report turned up: slips the checks missed and hints that read badly."""

from __future__ import annotations

import pytest

from fzdesk.checks.fixes import apply_text_fix
from fzdesk.checks.language import dictionary_findings
from fzdesk.checks.text import Para
from fzdesk.checks.wording import shipped_wording
from fzdesk.domain.model import Block
from tests.checks.test_prose import report_with

RIGHT = "谁执法谁普法、谁管理谁普法、谁服务谁普法"


@pytest.mark.parametrize("wrong", [
    "谁执法谁普法、谁服务谁普法、谁管理谁普法", "谁管理谁普法、谁执法谁普法、谁服务谁普法",
    "谁服务谁普法、谁管理谁普法、谁执法谁普法", "谁执法谁普法，谁服务谁普法，谁管理谁普法"])
def test_the_three_clauses_of_the_publicity_duty_in_the_wrong_order(wrong: str) -> None:
    text = f"深入落实“{wrong}”普法责任制。"
    (f,) = dictionary_findings(Para(Block.MEASURES, 0, 11, 0, text), shipped_wording(), 2025)
    assert f.rule == "wording.slogans"
    assert f.message == "普法责任制的固定提法依次是“谁执法谁普法、谁管理谁普法、谁服务谁普法”，这里顺序不对。"
    r = report_with(text)
    (fix,) = f.fixes
    right = RIGHT if "，" not in wrong else RIGHT.replace("、", "，")  # the clerk's own separator is kept
    assert apply_text_fix(r, fix) == f"深入落实“{right}”普法责任制。"


def test_the_right_order_is_silent() -> None:
    for text in (f"深入落实“{RIGHT}”普法责任制。", "落实“谁执法谁普法”普法责任制。"):
        assert dictionary_findings(Para(Block.MEASURES, 0, 11, 0, text), shipped_wording(), 2025) == []


@pytest.mark.parametrize("statement", ["较上年度增加80件", "比2022年度增加80件", "与上年度相比增加80件"])
def test_shang_niandu_is_last_year_too(statement: str) -> None:
    from tests.checks.helpers import figure
    from tests.checks.test_prose import check

    r = report_with(f"全年受理群众诉求1280件，{statement}。")
    r.figures["G.total"] = figure("G.total", 1280, last=1210)
    (f,) = check(r)
    assert f.rule == "prose.yoy" and f.message.endswith("实际是增加70件。")


@pytest.mark.parametrize(("text", "rule", "right"), [
    ("实现村（社区）法律顾问全复盖。", "wording.terms", "覆盖"),
    ("推进严格规范公平文明执法。", "wording.slogans", "严格规范公正文明执法"),
    ("坚持严格规范文明公正执法。", "wording.slogans", "严格规范公正文明执法"),
])
def test_slips_a_clerk_makes_that_were_missed(text: str, rule: str, right: str) -> None:
    (f,) = dictionary_findings(Para(Block.MEASURES, 0, 11, 0, text), shipped_wording(), 2025)
    assert f.rule == rule and [x.new for x in f.fixes] == [right]  # type: ignore[union-attr]


def test_fugai_inside_chongfu_gaizhang_is_right() -> None:
    para = Para(Block.MEASURES, 0, 11, 0, "减少重复盖章和反复盖印。")
    assert dictionary_findings(para, shipped_wording(), 2025) == []


def test_plans_may_say_what_this_year_was_on_the_way_to_the_next() -> None:
    from fzdesk.checks.years import year_findings

    def plans(text: str) -> list[str]:
        return [f.rule for f in year_findings(Para(Block.PLANS, 0, 11, 0, text), 2025, shipped_wording())]

    assert plans("2025年是“十四五”收官之年，2026年是“十五五”开局之年，我镇将继续推进法治政府建设。") == []
    # copied from last year's plans: still reported
    assert plans("2025年是“十四五”收官之年，我镇将全力推进法治政府建设。") == ["years.plans"]
    assert plans("2025年，我镇将继续深化法治政府建设。") == ["years.plans"]
