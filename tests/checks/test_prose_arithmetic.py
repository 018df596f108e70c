"""The figure rules over a paragraph's own numbers when the sheet is empty (prose.arithmetic)."""

from __future__ import annotations

from fzdesk import resources
from fzdesk.checks.engine import check_paragraph, check_report
from fzdesk.checks.findings import Finding, Severity, TextFix
from fzdesk.checks.fixes import apply_text_fix
from fzdesk.checks.wording import shipped_wording
from fzdesk.domain.model import Block, Report
from tests.checks.helpers import rules
from tests.checks.test_prose import RECONSIDERATION, report_with


def arithmetic(r: Report) -> list[Finding]:
    result = check_report(r, None, resources.catalogue(), rules(), shipped_wording())
    return [f for f in result.findings if f.rule == "prose.arithmetic"]


def test_a_consistent_paragraph_is_silent() -> None:
    assert arithmetic(report_with(RECONSIDERATION)) == []  # 63 = 38 + 1 + 8 + 3 + 13
    assert arithmetic(report_with("全年收到行政复议申请35件，受理32件，不予受理3件，审结30件（维持18件、撤销4件、"
                                  "驳回5件、确认违法1件、终止2件），尚未审结2件。纠错率16.7%。")) == []
    assert arithmetic(report_with("全年受理群众诉求1286件，其中省级工单320件、网络问政156件，办结1280件，"
                                  "办结率99.5%。")) == []


def test_a_rate_that_the_counts_written_do_not_give_is_reported_and_fixed() -> None:
    r = report_with("全年受理群众诉求1280件，办结1270件，办结率99.8%。")
    (f,) = arithmetic(r)
    assert f.severity is Severity.WARNING and f.values["rule"] == "G.closure_rate"
    assert f.message == "文中办结率写的是99.8%，但按文中办结1270件÷受理总数1280件计算应为99.22%。"
    (fix,) = f.fixes
    assert isinstance(fix, TextFix) and fix.label == "改为“99.2%”"
    assert apply_text_fix(r, fix) == "全年受理群众诉求1280件，办结1270件，办结率99.2%。"


def test_more_than_the_whole_is_a_warning() -> None:
    (f,) = arithmetic(report_with("全镇共有执法人员28人，持证30人。"))
    assert f.severity is Severity.WARNING and f.message == "文中持证人数30人，多于执法人员数28人。"
    r = report_with("全年受理群众诉求1280件，办结1290件，办结率100.8%。")
    assert [f.message for f in arithmetic(r)] == ["文中办结1290件，多于受理总数1280件。",
                                                  "文中办结率写的是100.8%，不应超过100%。"]


def test_parts_that_fall_short_of_a_total_with_parts_unsaid_are_a_hint() -> None:
    (f,) = arithmetic(report_with("全年审结行政复议案件30件（维持18件、撤销4件、驳回5件）。"))
    assert f.severity is Severity.INFO
    assert f.message == ("文中审结30件，维持、撤销（含部分撤销）、驳回复议请求合计27件，两者应相等，相差3件。"
                         "如还有文中没有写出的项目，请一并写明；否则请核对。")
    # 审结 more than 受理: cases carried over from last year may explain it
    (f,) = arithmetic(report_with("全年受理行政复议申请32件，审结35件。"))
    assert f.severity is Severity.INFO


def test_parts_that_exceed_their_total_are_a_warning() -> None:
    (f,) = arithmetic(report_with("全年审结行政复议案件30件（维持20件、撤销4件、驳回8件）。"))
    assert f.severity is Severity.WARNING and "合计32件" in f.message and "相差2件" in f.message


def test_an_exhaustive_list_must_add_up() -> None:
    (f,) = arithmetic(report_with("全年受理群众诉求1286件，其中省级工单320件、网络问政156件、其他来源900件。"))
    assert f.severity is Severity.WARNING
    assert f.message == "文中省级工单、网络问政、其他来源合计1376件，受理总数1286件，两者应相等，相差90件。"


def test_the_sheet_speaks_for_figures_it_holds() -> None:
    r = report_with("全年受理群众诉求1280件，办结1270件，办结率99.8%。", G_closure_rate="99.22")
    assert arithmetic(r) == []  # prose.mismatch reports 99.8% against the sheet instead


def test_a_figure_written_twice_with_two_numbers_is_left_out() -> None:
    assert arithmetic(report_with("全镇共有执法人员28人，持证30人；执法人员32人参加培训。")) == []


def test_it_runs_while_typing_when_the_rules_are_given() -> None:
    r = report_with("全镇共有执法人员28人，持证30人。")
    found = check_paragraph(r, resources.catalogue(), shipped_wording(), Block.MEASURES, 0, 0, rules=rules())
    assert [f.rule for f in found] == ["prose.arithmetic"]


def test_the_measure_words_are_those_written() -> None:
    (f,) = arithmetic(report_with("调解矛盾纠纷56起，调解成功58起。"))
    assert f.message == "文中调解成功58起，多于调解纠纷56起。"


COMPLETE = ("全年收到行政复议申请126件，受理118件，不予受理8件；审结110件，其中维持72件、驳回复议请求15件、撤销9件、"
            "确认违法4件、责令履行2件、终止8件，纠错率{rate}；尚未审结{open}件。")


def test_a_department_s_reconsideration_paragraph_that_adds_up_is_silent() -> None:
    assert arithmetic(report_with(COMPLETE.format(rate="13.6%", open=8))) == []


def test_a_rate_after_qizhong_is_still_the_year_s_and_a_results_list_that_adds_up_is_complete() -> None:
    r = report_with(COMPLETE.format(rate="14.6%", open=8))
    (f,) = arithmetic(r)
    # 72+15+9+4+2+8 = 110: the results not named are none, so 15 ÷ 110 is the whole 纠错 and 14.6% is wrong
    assert f.severity is Severity.WARNING and f.values["rule"] == "A.correction_rate"
    assert f.message == ("文中纠错率写的是14.6%，但按文中撤销（含部分撤销）、确认违法、责令履行合计15件÷审结110件"
                         "计算应为13.64%。")
    assert [x.label for x in f.fixes] == ["改为“13.6%”"]


def test_a_clause_after_a_semicolon_keeps_the_sentence_s_subject() -> None:
    # “尚未审结” names 行政复议 or 行政诉讼: the clause before the semicolon says 复议
    (f,) = arithmetic(report_with(COMPLETE.format(rate="13.6%", open=9)))
    assert f.values["rule"] == "A.balance" and "相差1件" in f.message


def test_a_rate_lower_than_the_numbers_give_is_not_explained_by_a_part_unsaid() -> None:
    text = "全年审结行政复议案件30件（维持18件、撤销4件、驳回5件），纠错率{rate}。"
    found = {x.values["rule"]: x.severity for x in arithmetic(report_with(text.format(rate="10%")))}
    assert found["A.correction_rate"] is Severity.WARNING  # 4 ÷ 30 = 13.33%: more parts would only raise it
    found = {x.values["rule"]: x.severity for x in arithmetic(report_with(text.format(rate="20%")))}
    assert found["A.correction_rate"] is Severity.INFO  # 变更 or 确认无效 unsaid could make it 20%
