"""The importer's figure finder: the same no-guessing as the checks (prose.json): no quarter's or month's number,
no total after 其中, no meeting as a 法治 briefing, no 办理率 as 网上可办率; the year's figures still found."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fzdesk import resources
from fzdesk.domain.model import Approx, FigureState
from fzdesk.exchange.figure_finder import FigureCandidate, find_figures
from tests.exchange import samples


def found(*paragraphs: str) -> dict[str, FigureCandidate]:
    return {c.code: c for c in find_figures(list(paragraphs), resources.catalogue())}


def values(*paragraphs: str) -> dict[str, Decimal]:
    return {code: c.value for code, c in found(*paragraphs).items()}


def test_the_county_sample_gives_no_briefing_count_and_no_online_rate() -> None:
    candidates = found(*samples.county_text().splitlines())
    assert "K.briefings" not in candidates  # "组织召开我办法治政府工作专题会议近十余次"
    assert "L.online_rate" not in candidates  # "全县涉及我办优待证线上线下办理率达100%"
    assert "H.reach" not in candidates  # "累计为全县近千名群众提供……法律咨询服务"
    assert {c: candidates[c].value for c in ("A.accepted", "A.closed", "A.upheld", "A.revoked", "A.dismissed",
                                              "A.ordered", "A.terminated", "D.items", "D.sponsors")} == {
        "A.accepted": 88, "A.closed": 63, "A.upheld": 38, "A.revoked": 1, "A.dismissed": 8, "A.ordered": 3,
        "A.terminated": 13, "D.items": 7, "D.sponsors": 3}


@pytest.mark.parametrize("text", [
    "第3季度受理复议申请5件。", "2023年第三季度受理复议申请5件。", "上半年受理复议申请40件。",
    "1—9月，受理复议申请60件。", "11月份受理复议申请9件。", "截至11月底，共受理复议申请80件。",
    "组织执法人员培训2期。", "召开专题会议5次。", "组织召开法治政府工作专题会议近十余次。",
    "全县涉及我办优待证线上线下办理率达100%。", "开展安全生产检查12次。",
    "受理复议申请的同时开展执法检查，其中联合检查6次。",
    "举办专题培训等6期，参训人员达600余人次。",
])
def test_nothing_is_proposed(text: str) -> None:
    assert found(text) == {}


def test_a_total_before_qizhong_is_found_and_the_part_after_it_is_not() -> None:
    assert values("全年开展执法检查30次，其中联合检查6次、专项检查4次。") == {"I.inspections": 30}


def test_parts_after_qizhong_are_found_as_parts() -> None:
    assert values("行政复议审结63件，其中维持38件、撤销1件。") == {"A.closed": 63, "A.upheld": 38, "A.revoked": 1}


def test_the_year_after_a_quarter_is_found() -> None:
    assert values("第3季度受理复议申请5件，全年受理复议申请80件。") == {"A.accepted": 80}


@pytest.mark.parametrize(("text", "code", "value"), [
    ("全年受理复议申请5件。", "A.accepted", 5),
    ("全年听取法治工作汇报4次。", "K.briefings", 4),
    ("政务服务事项网上可办率达98.5%。", "L.online_rate", Decimal("98.5")),
    ("组织普法培训12期。", "H.trainings", 12),
    ("全年开展行政检查28次。", "I.inspections", 28),
])
def test_the_years_figures_are_found(text: str, code: str, value: Decimal) -> None:
    assert values(text) == {code: value}


def test_near_and_over_together_is_noted() -> None:
    c = found("全年听取法治工作汇报近十余次。")["K.briefings"]
    assert (c.state, c.value, c.approx) == (FigureState.APPROX, Decimal(10), Approx.NEAR)
    assert "自相矛盾" in c.note


def test_respondent_side() -> None:
    assert values("我局作为被申请人的行政复议案件12件，其中维持8件、撤销2件。") == {
        "A.resp_cases": 12, "A.resp_upheld": 8, "A.resp_revoked": 2}
    assert values("行政复议审结63件，维持37件；我局作为被申请人的案件12件，维持8件。") == {
        "A.closed": 63, "A.upheld": 37, "A.resp_cases": 12, "A.resp_upheld": 8}


NEW_WORDINGS = [
    ("全年共办理行政复议案件12件，行政应诉案件5件，法律顾问审核合同36份。",
     {"A.accepted": 12, "B.new": 5, "E.contracts": 36}),
    ("全年共办理行政复议案件12件。", {"A.accepted": 12}),
    ("全年办理复议案件8件。", {"A.accepted": 8}),
    ("全年行政应诉案件5件。", {"B.new": 5}),
    ("全年办理行政应诉案件3件，负责人出庭应诉3次。", {"B.new": 3, "B.head_appearances": 3}),
    ("我局作为被申请人办理行政复议案件3件。", {"A.resp_cases": 3}),
]
NOT_OTHER_NUMBERS = [
    ("收到行政复议案件15件，受理12件。", {"A.accepted": 12}),  # no 受理 taken from the 收到 number
    ("负责人出庭应诉案件5件。", {}),  # appearances, not new cases
    ("协助办理行政复议案件答复材料3份。", {}),
    ("全年未发生行政应诉案件，办理行政复议案件审结率100%。", {}),
    ("第3季度办理行政复议案件5件。", {}),
]


@pytest.mark.parametrize(("text", "expected"), NEW_WORDINGS)
def test_common_wordings_of_case_counts_are_found(text: str, expected: dict[str, int]) -> None:
    """The audit's sentence gave no candidate at all: 办理行政复议案件 and 行政应诉案件 were no catalogue words."""
    assert values(text) == expected


@pytest.mark.parametrize(("text", "expected"), NOT_OTHER_NUMBERS)
def test_the_new_wordings_take_no_other_number(text: str, expected: dict[str, int]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(("text", "expected"), NEW_WORDINGS + NOT_OTHER_NUMBERS)
def test_the_checks_tie_the_same_numbers_as_the_finder(text: str, expected: dict[str, int]) -> None:
    """Prose against figures reads the same catalogue words: it compares exactly what the importer proposes."""
    from fzdesk.checks.prose_index import build_index
    from fzdesk.checks.prose_ties import tie_numbers

    ties, _, _ = tie_numbers(build_index(resources.catalogue()), text)
    assert {t.code: t.mention.value for t in ties} == expected
