"""The real published 2023 report: its known defects are found, and nothing else is alarming."""

from __future__ import annotations

from decimal import Decimal

from fzdesk.checks import check_report
from fzdesk.checks.findings import CheckResult, Severity
from fzdesk.checks.wording import load_wording
from fzdesk.domain.model import FigureState
from tests.checks.helpers import catalogue, rules
from tests.checks.sample import sample_report, sample_unit


def result() -> CheckResult:
    return check_report(sample_report(), sample_unit(), catalogue(), rules(), load_wording())


def by_rule(res: CheckResult, rule: str) -> list[str]:
    return [f.message for f in res.findings if f.rule == rule]


def test_sample_wording_defects_are_found() -> None:
    res = result()
    assert any("法制政府" in m and "法治政府" in m for m in by_rule(res, "wording.fazhi"))
    assert any("主题责任" in m and "主体责任" in m for m in by_rule(res, "wording.terms"))
    assert any("近十余" in m for m in by_rule(res, "wording.near_over"))
    assert any("谁普法谁执法" in m and "谁执法谁普法" in m for m in by_rule(res, "wording.slogans"))
    assert any("法治政府建设第一责任人" in m for m in by_rule(res, "wording.official"))


def test_sample_outdated_plans_are_found() -> None:
    messages = by_rule(result(), "wording.period")
    assert any("《法治政府建设实施纲要（2015-2020年）》" in m and "2021—2025" in m for m in messages)
    assert any("河南省法治政府建设实施方案" in m for m in messages)
    assert any("周口市" in m for m in messages)


def test_sample_reconsideration_figures() -> None:
    res = result()
    rules_found = {f.rule for f in res.findings}
    assert "A.results" not in rules_found  # 38 + 1 + 8 + 3 + 13 = 63 holds
    balance = next(u for u in res.unchecked if u.rule == "A.balance")
    assert "未审结应为25件" in balance.message
    yoy = next(f for f in res.findings if f.rule == "prose.yoy")
    assert yoy.severity is Severity.INFO
    assert "去年行政复议受理为427件" in yoy.message
    assert yoy.values["implied_last"] == 427


def test_sample_shortcomings_lack_causes() -> None:
    res = result()
    assert by_rule(res, "structure.causes")


def test_sample_has_no_false_alarms() -> None:
    res = result()
    expected = {"wording.period", "wording.fazhi", "wording.official", "wording.terms", "wording.near_over",
                "structure.causes", "wording.slogans", "prose.yoy", "wording.dash"}
    assert {f.rule for f in res.findings} == expected
    assert not res.has_open_errors
    assert "九个一" not in " ".join(f.message for f in res.findings)  # it does list nine items
    assert not any("法制" in f.excerpt and f.rule == "wording.fazhi" and "法制政府" not in f.message
                   for f in res.findings)  # 依法制定, 学法制度 are not slips


def test_sample_with_last_year_checks_the_statement() -> None:
    report = sample_report()
    report.figures["A.accepted"].last_state = FigureState.NUMBER
    report.figures["A.accepted"].last_value = Decimal(400)
    res = check_report(report, sample_unit(), catalogue(), rules(), load_wording())
    yoy = next(f for f in res.findings if f.rule == "prose.yoy")
    assert yoy.severity is Severity.WARNING
    assert "去年为400件" in yoy.message and "减少312件" in yoy.message
    report.figures["A.accepted"].last_value = Decimal(427)
    res = check_report(report, sample_unit(), catalogue(), rules(), load_wording())
    assert not any(f.rule == "prose.yoy" for f in res.findings)
