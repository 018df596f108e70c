"""Prose against figures, the ways clerks write numbers: 个百分点."""

from __future__ import annotations

from fzdesk.checks.findings import TextFix
from fzdesk.domain.model import Report
from tests.checks.helpers import empty_report, figure, figures
from tests.checks.test_prose import check, report_with


def last_rate(value: str) -> Report:
    last = empty_report(2022)
    last.figures["G.closure_rate"] = figure("G.closure_rate", value)
    return last


def test_percentage_point_change_is_reported_in_points() -> None:
    r = report_with("诉求办结率95%，同比提高5个百分点。", G_closure_rate=95)
    (f,) = check(r, last_rate("92"))
    assert f.rule == "prose.yoy"
    assert f.message == ("文中说12345热线与诉求办理办结率“同比提高5个百分点”，但去年为92%、今年为95%，"
                         "实际是提高3个百分点。")
    (fix,) = f.fixes
    assert isinstance(fix, TextFix) and fix.new == "同比提高3个百分点"


def test_percentage_point_fall_is_reported_in_points() -> None:
    r = report_with("诉求办结率95%，较去年下降2个百分点。", G_closure_rate=95)
    (f,) = check(r, last_rate("92"))
    assert f.message.endswith("实际是提高3个百分点。")
    r = figures(report_with("诉求办结率90%，较去年下降2个百分点。"), G_closure_rate=90)
    (f,) = check(r, last_rate("92.5"))
    assert f.message.endswith("实际是下降2.5个百分点。")
    assert check(figures(report_with("诉求办结率90%，较去年下降2.5个百分点。"), G_closure_rate=90),
                 last_rate("92.5")) == []
