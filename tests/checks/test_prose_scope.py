"""Prose against figures, no guessing: a quarter's or a month's number, a part after 其中, a training or an
inspection of another kind, a meeting that is not a 法治 briefing are left alone with the sheet filled; the year's
own figures in the same words are still compared."""

from __future__ import annotations

import json

import pytest

from fzdesk.checks.engine import prose_index
from fzdesk.checks.figures import Sheet
from fzdesk.checks.findings import Finding
from fzdesk.checks.prose import prose_findings
from fzdesk.checks.text import Para
from fzdesk.domain.model import Block, Report
from fzdesk.paths import resource
from tests.checks.helpers import catalogue, empty_report, figure, figures, rules

#: A sheet filled with values that differ from every number in the sentences below.
SHEET = {"A_accepted": 88, "A_closed": 63, "A_upheld": 38, "H_trainings": 5, "H_trainees": 900, "H_reach": 5000,
         "I_inspections": 30, "K_briefings": 2, "L_online_rate": 90, "A_resp_cases": 12, "A_resp_upheld": 8,
         "A_resp_revoked": 2, "A_resp_terminated": 2}


def check(text: str, **values: object) -> list[Finding]:
    r: Report = figures(empty_report(), **{**SHEET, **values})
    para = Para(Block.MEASURES, 0, 11, 0, text)
    return prose_findings(para, prose_index(catalogue()), Sheet(r, catalogue()), r.year)


def mismatches(text: str, **values: object) -> list[tuple[str, str]]:
    return [(str(f.values["code"]), f.excerpt) for f in check(text, **values) if f.rule == "prose.mismatch"]


@pytest.mark.parametrize("text", [
    # the audit's four false warnings
    "第3季度受理复议申请5件。",  # a quarter's figure, not the year's 受理
    "组织执法人员培训2期。",  # enforcement staff training, not the 普法 training count
    "全年开展执法检查30次，其中联合检查6次。",  # 6 is a part of the inspections, not their total
    "召开专题会议5次，研究部署法治政府建设工作。",  # a meeting is not 听取法治工作汇报
    # periods in other words
    "2023年第三季度受理复议申请5件。", "一季度受理复议申请5件。", "前三季度受理复议申请60件。",
    "上半年受理复议申请40件。", "1—9月，受理复议申请60件。", "5月，受理复议申请9件。", "11月份受理复议申请9件。",
    "每月开展执法检查2次。", "截至11月底，共受理复议申请80件。", "每周开展执法检查1次。",
    "热线日均受理群众诉求30件。", "当天受理复议申请3件。",
    # 其中 without a part indicator after it
    "全年开展执法检查30次，其中联合检查6次、专项检查4次。",
    "受理复议申请88件，其中涉及征地拆迁的12件。",
    # the catalogue words narrowed by the audit
    "全县涉及我办优待证线上线下办理率达100%。", "不动产登记业务办理率达98%。",
    "累计为全县近千名群众提供法律咨询服务。", "惠及群众3000余人。",
    "开展安全生产检查12次。", "开展监督检查12次。",
    "组织干部职工参加业务培训3期。", "举办专题培训等6期，参训人员达600余人次。",
])
def test_left_alone_with_the_sheet_filled(text: str) -> None:
    assert check(text) == []


@pytest.mark.parametrize(("text", "code"), [
    ("全年受理复议申请5件。", "A.accepted"),
    ("第3季度受理复议申请5件，全年受理复议申请80件。", "A.accepted"),  # the later 全年 is the year's figure
    ("截至12月底，共受理复议申请80件。", "A.accepted"),
    ("2023年1—12月，受理复议申请80件。", "A.accepted"),
    ("组织普法培训2期。", "H.trainings"), ("开展法治培训2期。", "H.trainings"),
    ("举办普法专题培训等6期。", "H.trainings"),
    ("全年开展执法检查28次，其中联合检查6次。", "I.inspections"),  # the total before 其中 is still compared
    ("全年开展行政检查28次。", "I.inspections"),
    ("全年听取法治工作汇报5次。", "K.briefings"),
    ("召开专题会议听取法治政府建设工作汇报3次。", "K.briefings"),
    ("政务服务事项网上可办率达100%。", "L.online_rate"),
    ("普法宣传覆盖群众2万余人次。", "H.reach"),
])
def test_the_years_own_figure_is_still_compared(text: str, code: str) -> None:
    assert [c for c, _ in mismatches(text)] == [code]


def test_a_part_after_qizhong_is_compared_with_its_own_figure() -> None:
    text = "行政复议审结63件，其中维持37件。"
    assert [c for c, _ in mismatches(text)] == ["A.upheld"]
    assert mismatches(text, A_upheld=37) == []


def test_qizhong_inside_brackets_ends_with_them() -> None:
    text = "全年开展执法检查30次（其中联合检查6次），办理复议案件，结案61件。"
    assert [c for c, _ in mismatches(text)] == ["A.closed"]  # 61 ≠ 63; the 6 inside the brackets is left alone
    assert mismatches(text, A_closed=61) == []


def test_a_quarter_statement_of_change_is_not_checked_against_the_year() -> None:
    r = figures(empty_report(), A_accepted=88)
    r.figures["A.accepted"] = figure("A.accepted", 88, last=90)
    para = Para(Block.MEASURES, 0, 11, 0, "第3季度受理复议申请5件，同比减少20件。")
    assert prose_findings(para, prose_index(catalogue()), Sheet(r, catalogue()), r.year) == []
    para = Para(Block.MEASURES, 0, 11, 0, "全年受理复议申请88件，同比减少20件。")
    (f,) = prose_findings(para, prose_index(catalogue()), Sheet(r, catalogue()), r.year)
    assert f.rule == "prose.yoy" and "减少2件" in f.message


def test_respondent_results_are_compared_with_the_respondent_side() -> None:
    text = "我局作为被申请人的行政复议案件12件，其中维持8件、撤销2件，申请人撤回2件。"
    assert check(text) == []  # A.upheld is 38 (the organ's own cases): not compared with 8
    assert [c for c, _ in mismatches(text, A_resp_upheld=7)] == ["A.resp_upheld"]
    assert [c for c, _ in mismatches(text, A_resp_cases=11)] == ["A.resp_cases"]
    # the organ's own results before the marker keep their codes
    text = "行政复议审结63件，维持37件；我局作为被申请人的案件12件，维持8件。"
    assert [c for c, _ in mismatches(text)] == ["A.upheld"]
    assert [c for c, _ in mismatches(text, A_upheld=37, A_resp_upheld=9)] == ["A.resp_upheld"]


def test_parts_in_prose_json_are_the_lesser_side_of_the_shipped_rules() -> None:
    """prose.json's "parts" (what may follow 其中) must follow the rules: every code summed into a single total
    (sum_eq) or held at most another figure (sum_le, le) or equal to it (eq)."""
    derived: set[str] = set()
    for rule in rules().rules:
        if rule.relation == "sum_eq" and len(rule.left) == 1:
            derived.update(rule.right)
        elif rule.relation in ("sum_le", "le", "eq"):
            derived.update(rule.left)
    config = json.loads(resource("rules", "prose.json").read_text(encoding="utf-8"))
    assert set(config["parts"]) == derived
    for side in config["sides"]:
        for code, other in side["codes"].items():
            assert catalogue().get(code) and catalogue().get(other), (code, other)


def test_inserted_sentences_of_the_new_indicators_agree_with_the_sheet() -> None:
    """插入数据 writes the 被申请人 side and the 败诉 breakdown; checking what it wrote finds nothing."""
    from fzdesk.checks.insert import data_sentence

    r = figures(empty_report(), A_accepted=88, A_closed=63, A_upheld=38, A_revoked=1, A_open=25, A_resp_cases=12,
                A_resp_closed=10, A_resp_upheld=8, A_resp_revoked=1, A_resp_illegal=1, A_resp_open=2,
                A_resp_correction_rate=20, B_new=10, B_closed=10, B_rejected_claim=6, B_lost=4, B_lost_revoked=2,
                B_lost_illegal=1, B_lost_compensation=1, B_loss_rate=40)
    a = data_sentence(r, catalogue(), "A")
    assert a.endswith("本单位作为被申请人的行政复议案件12件（审结10件、维持8件、撤销1件、确认违法1件、尚未审结2件），"
                      "被纠错率20%。")
    b = data_sentence(r, catalogue(), "B")
    assert "审结10件（判决驳回诉讼请求6件），败诉4件（判决撤销2件、确认违法1件、判决赔偿1件），败诉率40%" in b
    for text in (a, b):
        para = Para(Block.MEASURES, 0, 11, 0, text)
        assert prose_findings(para, prose_index(catalogue()), Sheet(r, catalogue()), r.year) == [], text
    r.figures["A.resp_upheld"] = figure("A.resp_upheld", 7)
    r.figures["B.lost_illegal"] = figure("B.lost_illegal", 2)
    found = [prose_findings(Para(Block.MEASURES, 0, 11, 0, t), prose_index(catalogue()), Sheet(r, catalogue()),
                            r.year) for t in (a, b)]
    assert [[f.values["code"] for f in fs] for fs in found] == [["A.resp_upheld"], ["B.lost_illegal"]]
