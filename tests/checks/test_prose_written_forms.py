"""Prose against figures, the ways clerks write numbers: 百分之, 1.2万, a rate rounded in the text, 个百分点."""

from __future__ import annotations

from decimal import Decimal

from fzdesk.checks.findings import Finding, TextFix
from fzdesk.checks.fixes import apply_text_fix
from fzdesk.checks.numbers import find_numbers
from fzdesk.domain.model import Report
from tests.checks.helpers import empty_report, figure, figures
from tests.checks.test_prose import check, report_with

HOTLINE = "全年共受理群众诉求1256件，办结1250件，办结率{rate}。"


def hotline(rate_text: str, sheet_rate: str) -> list[Finding]:
    return check(report_with(HOTLINE.format(rate=rate_text), G_total=1256, G_closed=1250, G_closure_rate=sheet_rate))


def test_baifenzhi_is_a_percentage() -> None:
    (m,) = find_numbers("办结率百分之九十五。")
    assert (m.value, m.unit, m.text) == (Decimal(95), "%", "百分之九十五")
    (m,) = find_numbers("满意率达百分之百。")
    assert m.value == 100 and m.percent
    (m,) = find_numbers("合格率百分之99.5。")
    assert m.value == Decimal("99.5") and m.percent


def test_baifenzhi_agreeing_with_the_sheet_is_silent() -> None:
    r = report_with("全年受理群众诉求200件，办结180件，办结率百分之九十。", G_total=200, G_closed=180,
                    G_closure_rate=90)
    assert check(r) == []


def test_baifenzhi_differing_from_the_sheet_is_reported_and_fixed() -> None:
    text = "全年受理群众诉求200件，办结180件，办结率百分之九十五。"
    r = report_with(text, G_total=200, G_closed=180, G_closure_rate=90)
    (f,) = check(r)
    assert f.rule == "prose.mismatch"
    assert f.message == "文中写12345热线与诉求办理办结率“百分之九十五”，但数据表中为90%。"
    put = next(x for x in f.fixes if isinstance(x, TextFix))
    apply_text_fix(r, put)
    assert r.sections[0].items[0].paragraphs[0] == "全年受理群众诉求200件，办结180件，办结率90%。"


def test_rate_written_with_fewer_decimals_than_the_sheet_is_not_a_mismatch() -> None:
    assert hotline("99.5%", "99.52") == []  # 99.52 rounded to one decimal
    assert hotline("99%", "99.52") == []  # truncated, as the rate rules also accept


def test_rate_that_is_neither_rounded_nor_truncated_is_still_reported() -> None:
    (f,) = hotline("99.6%", "99.52")
    assert f.rule == "prose.mismatch" and "99.52%" in f.message
    rules = {f.rule for f in hotline("100%", "99.52")}
    assert "prose.mismatch" in rules  # 100% is never a rounding of a rate below it


def test_wan_written_with_its_precision_matches_the_exact_sheet_figure() -> None:
    r = report_with("组织法治培训12场，参训1.2万人次。", H_trainings=12, H_trainees=12345)
    assert check(r) == []
    r = report_with("开展普法宣传活动，覆盖群众3万人次。", H_reach=31200)
    assert check(r) == []


def test_wan_that_does_not_match_is_reported_with_a_fix() -> None:
    text = "组织法治培训12场，参训1.4万人次。"
    r = report_with(text, H_trainings=12, H_trainees=12345)
    (f,) = check(r)
    assert f.message == "文中写普法参训人次“1.4万人次”，但数据表中为12345人次。"
    put = next(x for x in f.fixes if isinstance(x, TextFix))
    apply_text_fix(r, put)
    assert r.sections[0].items[0].paragraphs[0] == "组织法治培训12场，参训12345人次。"


def test_wan_yuan_amounts_stay_exact() -> None:
    (f,) = check(report_with("全年罚没金额12万元。", I_fines="12.5"))
    assert f.rule == "prose.mismatch"


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


def test_yoy_in_baifenzhi_is_checked() -> None:
    last = empty_report(2022)
    last.figures["G.total"] = figure("G.total", 200)
    r = report_with("全年受理群众诉求220件，同比增长百分之二十。", G_total=220)
    (f,) = check(r, last)
    assert f.rule == "prose.yoy" and f.message.endswith("实际是增长10%。")
    assert check(report_with("全年受理群众诉求220件，同比增长百分之十。", G_total=220), last) == []


def test_a_change_written_without_a_comparison_word_is_not_the_years_figure() -> None:
    for text in ("与2022年相比，受理群众诉求增加20件。", "与去年相比，受理群众诉求减少了20件。",
                 "今年受理群众诉求增长20件。"):
        assert check(report_with(text, G_total=220, G_closed=220)) == [], text


def test_a_level_reached_after_a_change_verb_is_still_compared() -> None:
    (f,) = check(report_with("受理群众诉求下降至200件。", G_total=220, G_closed=220))
    assert f.rule == "prose.mismatch" and "“200件”" in f.message
    (f,) = check(report_with("全年受理群众诉求增加到230件。", G_total=220, G_closed=220))
    assert f.rule == "prose.mismatch"


def test_a_change_when_the_figure_did_not_move_says_unchanged() -> None:
    last = empty_report(2022)
    last.figures["G.total"] = figure("G.total", 200)
    last.figures["G.closure_rate"] = figure("G.closure_rate", 95)
    for text, statement in (("全年受理群众诉求200件，较去年增加20件。", "较去年增加20件"),
                            ("全年受理群众诉求200件，同比下降10%。", "同比下降10%"),
                            ("诉求办结率95%，同比提高2个百分点。", "同比提高2个百分点")):
        r = report_with(text, G_total=200, G_closure_rate=95)
        (f,) = check(r, last)
        assert f.message.endswith("实际与去年持平。"), f.message
        (fix,) = f.fixes
        assert isinstance(fix, TextFix) and (fix.old, fix.new) == (statement, "与去年持平")
        apply_text_fix(r, fix)
        assert "与去年持平。" in r.sections[0].items[0].paragraphs[0]
        assert check(r, last) == []


def test_accepted_licence_applications_are_the_accepted_figure() -> None:
    text = "全年受理行政许可申请1200件，准予许可1180件，不予许可20件。"
    sheet = {"I_licence_applied": 1250, "I_licence_accepted": 1200, "I_licence_granted": 1180, "I_licence_refused": 20}
    assert check(report_with(text, **sheet)) == []
    (f,) = check(report_with(text.replace("1200", "1210"), **sheet))
    assert f.message == "文中写行政执法许可受理“1210件”，但数据表中为1200件。"
    assert f.values["code"] == "I.licence_accepted"


def test_over_with_a_decimal_in_wan_keeps_the_written_precision() -> None:
    assert check(report_with("开展普法宣传，覆盖群众2.5万余人次。", H_reach=25600)) == []
    (f,) = check(report_with("开展普法宣传，覆盖群众2.5万余人次。", H_reach=34000))
    assert f.message == "文中写普法覆盖人次“2.5万余人次”，但数据表中为34000人次。"
    assert check(report_with("开展普法宣传，覆盖群众6万余人次。", H_reach=68000)) == []  # 6万 up to 7万


def test_negative_remainder_is_shown_as_a_negative_count() -> None:
    from fzdesk.checks.figures import check_figures
    from tests.checks.helpers import catalogue, rules

    r = figures(empty_report(), B_new=10, B_carried_in=2, B_rejected_claim=5, B_withdrawn=4, B_lost=4, B_closed=13,
                B_open=0)
    findings, _ = check_figures(r, catalogue(), rules())
    (f,) = [f for f in findings if f.rule == "B.remainder"]
    assert f.message == "行政应诉各类结果合计13件，多于新收与上年结转之和12件，“其余未审结”成了负数（-1件）。"


def test_wan_in_chinese_numerals_has_the_same_precision_as_in_digits() -> None:
    assert check(report_with("开展普法宣传，覆盖群众两万人次。", H_reach=21300)) == []
    assert check(report_with("开展普法宣传，覆盖群众一万二千人次。", H_reach=12345)) == []
    (f,) = check(report_with("开展普法宣传，覆盖群众三万人次。", H_reach=21300))
    assert f.rule == "prose.mismatch"
    (f,) = check(report_with("全年罚没款十二万元。", I_fines="12.5"))  # amounts stay exact
    assert f.rule == "prose.mismatch"
