"""Which figure a 较去年 / 同比 statement is about, when its sentence gives several: as a reader decides."""

from __future__ import annotations

from fzdesk.checks.findings import Finding, Severity
from fzdesk.domain.model import Report
from tests.checks.helpers import empty_report, figure, figures
from tests.checks.test_prose import check, report_with


def with_last(text: str, **pairs: tuple[object, object]) -> Report:
    """report_with, each figure given as (this year, last year)."""
    r = report_with(text)
    for name, (this, last) in pairs.items():
        code = name.replace("_", ".", 1)
        r.figures[code] = figure(code, this, last=last)
    return r


def yoy(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule.startswith("prose.yoy")]


def test_the_figure_word_in_the_statements_own_clause_decides() -> None:
    # 审结案件 stands in the clause of 较去年: the change is of 审结, not of the 受理 before it
    text = "全年受理行政复议申请88件，审结案件较去年减少10件。"
    r = with_last(text, A_accepted=(88, 98), A_closed=(63, 73))
    assert yoy(check(r)) == []
    r = with_last(text, A_accepted=(88, 98), A_closed=(63, 70))
    (f,) = yoy(check(r))
    assert f.rule == "prose.yoy" and f.values["code"] == "A.closed"
    assert f.message == ("文中说行政复议审结“较去年减少10件”，但去年为70件、今年为63件，实际是减少7件。")


def test_a_number_in_the_same_clause_decides_even_after_other_figures() -> None:
    r = with_last("受理群众诉求1256件，办结1250件较去年增加50件。", G_total=(1256, 1000), G_closed=(1250, 1200))
    assert yoy(check(r)) == []


def test_a_comma_inside_a_bracket_does_not_end_the_clause() -> None:
    # the sample's sentence: 受理 outside the bracket, 结案 and the results inside it
    text = "行政复议受理共88件（结案63件、维持38件，责令3件）相较于去年减少了339件。"
    r = with_last(text, A_accepted=(88, 427), A_closed=(63, 100))
    assert yoy(check(r)) == []
    r = with_last(text, A_accepted=(88, 400), A_closed=(63, 402))
    (f,) = yoy(check(r))
    assert f.values["code"] == "A.accepted" and "减少312件" in f.message
    # 审结 opens the clause of 较去年; the comma between 维持 and 撤销 is inside the bracket
    text = "全年受理行政复议申请88件，审结63件（其中维持38件，撤销1件）较去年增加3件。"
    (f,) = yoy(check(with_last(text, A_accepted=(88, 85), A_closed=(63, 61))))
    assert f.rule == "prose.yoy" and f.values["code"] == "A.closed" and "增加2件" in f.message


def test_points_can_only_be_the_rates_change() -> None:
    text = "全年受理群众诉求1256件，办结1250件，办结率99.5%，同比提高2个百分点。"
    r = with_last(text, G_total=(1256, 1000), G_closed=(1250, 990), G_closure_rate=("99.5", "97.5"))
    assert yoy(check(r)) == []
    r = with_last(text, G_total=(1256, 1000), G_closed=(1250, 990), G_closure_rate=("99.5", "99"))
    (f,) = yoy(check(r))
    assert f.values["code"] == "G.closure_rate" and "提高0.5个百分点" in f.message


def test_several_figures_and_no_word_in_the_clause_give_a_cannot_tell_hint_not_a_mismatch() -> None:
    # the worked example: 339 is about 受理 (427 last year), but the sentence does not say so
    text = "行政复议受理88件，结案63件（维持38件、撤销1件、驳回8件、责令3件、申请人撤回13件），相较去年减少339件。"
    r = with_last(text, A_accepted=(88, 500), A_closed=(63, 80))
    (f,) = yoy(check(r))
    assert f.rule == "prose.yoy_unclear" and f.severity is Severity.INFO and not f.fixes
    assert f.message == (
        "“相较去年减少339件”前面有受理、审结2个数字，看不出说的是哪一个，无法核对：若指受理，去年应为427件"
        "（去年实为500件）；若指审结，去年应为402件（去年实为80件）。请在“相较去年”前写明说的是哪一项，"
        "如“受理数相较去年减少339件”。")
    assert f.values == {"codes": ["A.accepted", "A.closed"], "change": 339}


def test_several_figures_one_reading_agreeing_with_last_year_is_silent() -> None:
    text = "行政复议受理88件，结案63件，相较去年减少339件。"
    assert yoy(check(with_last(text, A_accepted=(88, 427), A_closed=(63, 80)))) == []
    assert yoy(check(with_last(text, A_accepted=(88, 500), A_closed=(63, 402)))) == []


def test_several_figures_without_last_year_name_each_reading() -> None:
    (f,) = yoy(check(report_with("行政复议受理88件，结案63件，同比下降12%。", A_accepted=88, A_closed=63)))
    assert f.rule == "prose.yoy_unclear"
    assert "若指受理，去年应为约100件；若指审结，去年应为约72件" in f.message


def test_a_single_figure_in_the_sentence_is_still_checked_across_clauses() -> None:
    r = with_last("全年受理群众诉求200件，较去年增加20件。", G_total=(200, 190))
    (f,) = yoy(check(r))
    assert f.rule == "prose.yoy" and "增加10件" in f.message


def test_fenbie_statements_are_left_alone() -> None:
    r = with_last("受理行政复议申请88件、审结63件，分别较去年减少339件、20件。",
                  A_accepted=(88, 427), A_closed=(63, 83))
    assert yoy(check(r)) == []


def test_last_year_report_decides_an_unclear_statement_too() -> None:
    last = figures(empty_report(2022), A_accepted=427, A_closed=80)
    r = report_with("行政复议受理88件，结案63件，相较去年减少339件。", A_accepted=88, A_closed=63)
    assert yoy(check(r, last_year=last)) == []


def test_a_count_implied_by_a_percentage_is_a_whole_number() -> None:
    (f,) = yoy(check(report_with("全年受理群众诉求1286件，同比增长8.5%。", G_total=1286)))
    assert f.message.startswith("按今年1286件和“同比增长8.5%”推算，去年12345热线与诉求办理受理总数为约1185件")


def test_a_long_sentence_names_only_the_readings_last_year_can_be_set_against() -> None:
    text = ("全年收到行政复议申请35件，受理32件，不予受理3件，审结30件（维持18件、撤销4件），尚未审结2件，"
            "较去年减少8件。")
    r = with_last(text, A_received=(35, None), A_accepted=(32, 41), A_rejected=(3, None), A_closed=(30, 45),
                  A_open=(2, None))
    (f,) = yoy(check(r))
    assert f.message == (
        "“较去年减少8件”前面有收到申请、受理、不予受理、审结、未审结5个数字，看不出说的是哪一个，无法核对："
        "若指受理，去年应为40件（去年实为41件）；若指审结，去年应为38件（去年实为45件）。"
        "请在“较去年”前写明说的是哪一项，如“收到申请数较去年减少8件”。")


def test_figures_that_had_their_own_statement_are_not_candidates_again() -> None:
    text = "全年受理行政复议申请88件，同比下降20%，审结63件，同比增长5%。"
    r = with_last(text, A_accepted=(88, 110), A_closed=(63, 60))
    assert yoy(check(r)) == []
    r = with_last(text, A_accepted=(88, 110), A_closed=(63, 50))
    (f,) = yoy(check(r))
    assert f.rule == "prose.yoy" and f.values["code"] == "A.closed" and "增长26%" in f.message


def test_jun_statements_about_several_figures_are_left_alone() -> None:
    r = with_last("全年受理群众诉求1280件，办结1270件，均较去年增长10%。", G_total=(1280, 1000), G_closed=(1270, 1000))
    assert yoy(check(r)) == []
