"""Prose against figures: mismatches with both fixes, approximations, no guessing, 较去年, 插入数据."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fzdesk.checks.engine import prose_index
from fzdesk.checks.figures import Sheet
from fzdesk.checks.findings import FigureFix, Finding, Severity, TextFix
from fzdesk.checks.fixes import StaleFix, apply_figure_fix, apply_text_fix
from fzdesk.checks.insert import data_sentence
from fzdesk.checks.numbers import find_numbers
from fzdesk.checks.prose import prose_findings
from fzdesk.checks.text import Para
from fzdesk.checks.wording import load_wording
from fzdesk.domain.model import Approx, Block, FigureState, Item, Numbering, Report, Section
from tests.checks.helpers import catalogue, empty_report, figure, figures

RECONSIDERATION = "行政复议受理共88件（结案63件、维持38件、撤销1件、驳回8件，责令3件，申请人撤回复议申请13件）。"


def report_with(text: str, **values: object) -> Report:
    r = figures(empty_report(), **values)
    r.sections = [Section(Block.MEASURES, "", Numbering.HEADINGS, [Item("", [text], id=11)], id=1)]
    return r


def check(r: Report, last_year: Report | None = None) -> list[Finding]:
    section = r.sections[0]
    para = Para(section.block, 0, 11, 0, section.items[0].paragraphs[0])
    return prose_findings(para, prose_index(catalogue()), Sheet(r, catalogue(), last_year), r.year)


@pytest.mark.parametrize(("text", "value", "approx", "unit"), [
    ("88件", 88, None, "件"), ("近百件", 100, Approx.NEAR, "件"), ("60000余页", 60000, Approx.OVER, "页"),
    ("两万余人次", 20000, Approx.OVER, "人次"), ("三十二场", 32, None, "场"),
    ("12.5万元", Decimal("12.5"), None, "万元"),
    ("1,234条", 1234, None, "条"), ("98.6%", Decimal("98.6"), None, "%"), ("近千名", 1000, Approx.NEAR, "名"),
    ("6万余份", 60000, Approx.OVER, "份"), ("十余次", 10, Approx.OVER, "次"),
])
def test_numbers_as_written(text: str, value: object, approx: Approx | None, unit: str) -> None:
    (m,) = find_numbers(f"共{text}，")
    assert (m.value, m.approx, m.unit) == (Decimal(str(value)), approx, unit)


def test_bare_chinese_numerals_are_not_numbers() -> None:
    assert find_numbers("一是统一思想，二是加强领导，2023年") == []


def test_sheet_and_text_agree_silently() -> None:
    r = report_with(RECONSIDERATION, A_accepted=88, A_closed=63, A_upheld=38, A_revoked=1, A_dismissed=8,
                    A_ordered=3, A_terminated=13)
    assert check(r) == []


def test_mismatch_offers_both_fixes_and_they_apply() -> None:
    r = report_with(RECONSIDERATION, A_accepted=88, A_closed=61)
    (f,) = check(r)
    assert f.rule == "prose.mismatch" and f.severity is Severity.WARNING
    assert "“63件”" in f.message and "61件" in f.message
    put, take = f.fixes
    assert isinstance(put, TextFix) and isinstance(take, FigureFix)
    assert (put.old, put.new) == ("63", "61")
    new_text = apply_text_fix(r, put)
    assert "结案61件" in new_text and r.sections[0].items[0].paragraphs[0] == new_text
    with pytest.raises(StaleFix):
        apply_text_fix(r, put)  # the text has changed: the same fix cannot apply twice
    r2 = report_with(RECONSIDERATION, A_accepted=88, A_closed=61)
    r2.figures["A.closed"].last_value = Decimal(50)
    fig = apply_figure_fix(r2, take)
    assert fig.exact == 63 and fig.last_value == 50
    assert check(r2) == []


def test_approximate_text_admits_a_close_exact_figure() -> None:
    text = "全年法律顾问参与起草审核把关相关文件近百件。"
    assert check(report_with(text, E_documents_reviewed=96)) == []
    assert check(report_with(text, E_documents_reviewed="近100")) == []
    (f,) = check(report_with(text, E_documents_reviewed=130))
    assert f.fixes[0].new == "130"  # type: ignore[union-attr]
    take = f.fixes[1]
    assert isinstance(take, FigureFix) and take.state == "approx" and take.approx == "近"
    assert check(report_with("累计发放宣传资料60000余份。", H_materials=61234)) == []
    assert len(check(report_with("累计发放宣传资料60000余份。", H_materials=59000))) == 1


def test_na_in_sheet_with_a_number_in_text() -> None:
    (f,) = check(report_with("全年不予受理2件。复议工作有序开展。", A_rejected="na"))
    assert "不涉及" in f.message


def test_ambiguous_or_untied_numbers_are_left_alone() -> None:
    # 办结 names figures of three families; without a family's words in the sentence nothing is compared
    assert check(report_with("全年共办结45件。", A_closed=10, F_requests_closed=3, G_closed=7)) == []
    # a number far from any indicator's words
    assert check(report_with("组织干部职工参加会议35人次。", H_trainees=10)) == []
    # empty sheet: nothing to compare
    assert check(report_with(RECONSIDERATION)) == []


def test_rates_compare_only_with_percentages() -> None:
    assert check(report_with("参与率、合格率均为100%。普法考试顺利完成。", H_exam_pass=100)) == []
    (f,) = check(report_with("普法考试合格率为98%。", H_exam_pass="96.5"))
    assert "96.5%" in f.message


def test_year_over_year_statement() -> None:
    text = "行政复议受理共88件，相较于去年减少了339件。"
    (f,) = check(report_with(text, A_accepted=88))
    assert f.severity is Severity.INFO and "427件" in f.message
    r = report_with(text)
    r.figures["A.accepted"] = figure("A.accepted", 88, last=427)
    assert check(r) == []
    r.figures["A.accepted"] = figure("A.accepted", 88, last=400)
    (f,) = check(r)
    assert f.severity is Severity.WARNING and "减少312件" in f.message
    assert f.fixes and f.fixes[0].new.endswith("312件")  # type: ignore[union-attr]
    last = figures(empty_report(2022), A_accepted=427)
    assert check(report_with(text, A_accepted=88), last_year=last) == []


def test_year_over_year_percentage() -> None:
    r = report_with("办理行政复议案件，受理88件，同比下降20%。")
    r.figures["A.accepted"] = figure("A.accepted", 88, last=110)
    assert check(r) == []
    r.figures["A.accepted"] = figure("A.accepted", 88, last=100)
    (f,) = check(r)
    assert "12%" in f.message


def test_insert_sentence_for_a_family() -> None:
    r = figures(empty_report(), A_received=90, A_accepted=88, A_closed=63, A_upheld=38, A_revoked=1, A_dismissed=8,
                A_ordered=3, A_terminated=13, A_rejected="na", A_open=25)
    assert data_sentence(r, catalogue(), "A") == (
        "全年收到行政复议申请90件，受理88件，审结63件（维持38件、驳回复议请求8件、撤销1件、责令履行3件、终止13件），"
        "尚未审结25件。")
    r = figures(empty_report(), C_issued=5, C_reviewed=5)
    assert data_sentence(r, catalogue(), "C") == "全年制定行政规范性文件5件，全部经过合法性审核5件。"
    r = figures(empty_report(), K_group_study=4, K_briefings=2)
    assert data_sentence(r, catalogue(), "K") == (
        "学法与第一责任人履职方面，中心组学法次数4次，听取法治工作汇报次数2次。")
    assert data_sentence(empty_report(), catalogue(), "A") == ""
    r = figures(empty_report(), E_documents_reviewed="近100")
    assert "近100件" in data_sentence(r, catalogue(), "E")
    assert r.figures["E.documents_reviewed"].state is FigureState.APPROX


def test_explanations_become_sentences() -> None:
    from fzdesk.checks.insert import explanation_sentences

    r = empty_report()
    r.figures["A.accepted"] = figure("A.accepted", 88, last=427)
    r.figures["A.accepted"].explanation = "复议体制改革后案件集中到市级办理"
    assert explanation_sentences(r, catalogue()) == [
        "行政复议方面，受理88件，较去年减少339件，主要原因是复议体制改革后案件集中到市级办理。"]


def test_catalogue_words_name_every_indicator_unambiguously_within_a_family() -> None:
    seen: dict[str, set[str]] = {}
    for ind in catalogue().indicators:
        assert ind.words, ind.code
        for word in ind.words:
            families = seen.setdefault(word, set())
            assert ind.family not in families, (word, ind.code)
            families.add(ind.family)
    index = prose_index(catalogue())
    assert set(index.contexts) == {f.code for f in catalogue().families}


def test_a_rate_word_wins_over_the_count_word_it_contains() -> None:
    r = report_with("行政机关负责人出庭应诉率为100%。", B_appearance_rate=90)
    (f,) = check(r)
    assert f.values["code"] == "B.appearance_rate"


def test_text_rate_of_100_with_differing_counts_is_an_error() -> None:
    from fzdesk.checks.engine import check_paragraph
    from tests.checks.helpers import rules

    text = "全年热线受理群众诉求1200件，办结1180件，办结率100%。"
    r = report_with(text)
    found = check_paragraph(r, catalogue(), load_wording(), Block.MEASURES, 0, 0, rules=rules())
    (f,) = [f for f in found if f.rule == "prose.rate100"]
    assert f.severity is Severity.ERROR and "1180件" in f.message and "1200件" in f.message
    ok = report_with(text.replace("1180", "1200"))
    assert not [f for f in check_paragraph(ok, catalogue(), load_wording(), Block.MEASURES, 0, 0, rules=rules())
                if f.rule == "prose.rate100"]


@pytest.mark.parametrize(("text", "expected"), [
    ("全年办理行政处罚案件126件，罚没款38.6万元。", {"I.penalties": "126件", "I.fines": "38.6万元"}),
    ("全年排查调处矛盾纠纷312起，调解成功305起。", {"J.mediations": "312起", "J.mediations_success": "305起"}),
    ("全县12345热线共受理群众诉求8562件，办结8498件。", {"G.total": "8562件", "G.closed": "8498件"}),
    ("举办普法专题培训等6期，参训人员达600余人次。", {"H.trainings": "6期", "H.trainees": "600余人次"}),
    ("举办专题培训等6期，参训人员达600余人次。", {}),  # training of what? no 普法 word: no guessing
    ("全年共作出重大行政决策5项。", {"D.items": "5项"}),
    ("党组理论学习中心组全年开展集中学法4次。", {"K.group_study": "4次"}),
    ("行政执法案卷评查合格率100%。", {}),  # 合格率 here is not the 普法 exam's
])
def test_ties_in_typical_sentences(text: str, expected: dict[str, str]) -> None:
    from fzdesk.checks.prose_ties import tie_numbers

    ties, _, _ = tie_numbers(prose_index(catalogue()), text)
    assert {t.code: t.mention.text for t in ties} == expected
