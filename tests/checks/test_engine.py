"""The engine: a clean report is clean, dismissals, stable keys, and the quick paragraph re-check."""

from __future__ import annotations

import datetime as dt

import pytest

from fzdesk.checks import check_paragraph, check_report
from fzdesk.checks.findings import CheckResult, DismissalError, Severity, dismiss, undismiss
from fzdesk.checks.wording import load_wording
from fzdesk.domain.model import Block, Item, Numbering, Report, Section, Unit
from tests import factories
from tests.checks.helpers import catalogue, figures, rules
from tests.checks.sample import sample_report, sample_unit


def run(report: Report, unit: Unit | None = None) -> CheckResult:
    return check_report(report, unit, catalogue(), rules(), load_wording())


def clean_report() -> tuple[Report, Unit]:
    """A realistic, correct report: prose and figures agree, the wording is right."""
    unit = factories.unit()
    r = factories.report(unit)
    r.date = dt.date(2024, 1, 8)
    measures = r.section(Block.MEASURES)
    assert measures is not None
    measures.items[1].paragraphs = [
        "全年收到行政复议申请90件，受理88件，审结63件（维持38件、撤销1件、驳回8件、责令履行3件、终止13件），"
        "尚未审结25件，较去年减少12件。严格落实重大执法决定法制审核制度，依法制定规范性文件。"]
    measures.items[2].paragraphs = [
        "大力推进“谁执法谁普法”普法责任制，开展“八五”普法中期评估，参与率、合格率均为100%。"
        "全年法律顾问参与起草审核把关相关文件近百件，累计发放宣传资料60000余份。"]
    short = r.section(Block.SHORTCOMINGS)
    assert short is not None
    short.items = [Item("", ["一是制度建设有待完善；二是执法队伍能力有待提高。究其原因，主要是学习培训不够系统。"])]
    r.figures = {}
    figures(r, A_received=90, A_accepted=88, A_carried_in=0, A_closed=63, A_open=25, A_upheld=38, A_revoked=1,
            A_dismissed=8, A_ordered=3, A_terminated=13, H_exam_participation=100, H_exam_pass=100,
            E_documents_reviewed=97, H_materials=61000, I_fines="na")
    r.figures["A.accepted"].last_state = r.figures["A.accepted"].state
    r.figures["A.accepted"].last_value = r.figures["A.accepted"].value + 12  # type: ignore[operator]
    return r, unit


def test_clean_reports_have_no_error_and_no_warning() -> None:
    for report, unit in (clean_report(), (factories.report(factories.unit()), factories.unit())):
        res = run(report, unit)
        assert [f.message for f in res.findings if f.severity is not Severity.INFO] == []
        assert not res.has_open_errors


def test_findings_are_sorted_by_severity() -> None:
    res = run(sample_report(), sample_unit())
    ranks = [f.severity.rank for f in res.findings]
    assert ranks == sorted(ranks)


def test_dismissal_api() -> None:
    report, unit = sample_report(), sample_unit()
    report.recipient = ""
    res = run(report, unit)
    error = next(f for f in res.findings if f.severity is Severity.ERROR)
    with pytest.raises(DismissalError):
        dismiss(report, error, "  ")
    warning = next(f for f in res.findings if f.severity is Severity.WARNING)
    dismiss(report, warning)  # a warning needs no reason
    dismiss(report, error, "直接在网站公开，不报送")
    again = run(report, unit)
    assert not again.has_open_errors
    assert {f.key for f in again.findings if f.dismissed} == {error.key, warning.key}
    assert next(f for f in again.findings if f.key == error.key).reason == "直接在网站公开，不报送"
    undismiss(report, error.key)
    assert run(report, unit).has_open_errors


def test_keys_survive_edits_elsewhere() -> None:
    report, unit = sample_report(), sample_unit()
    keys = {f.key for f in run(report, unit).findings}
    opening = report.section(Block.OPENING)
    assert opening is not None
    opening.items[0].paragraphs[0] = "补充一句。" + opening.items[0].paragraphs[0]
    plans = report.section(Block.PLANS)
    assert plans is not None
    plans.items.append(Item("", ["四是做好其他工作。"], id=999))
    assert keys == {f.key for f in run(report, unit).findings}


def test_same_slip_twice_gets_distinct_keys() -> None:
    report, unit = factories.report(factories.unit()), factories.unit()
    measures = report.section(Block.MEASURES)
    assert measures is not None
    measures.items[0].paragraphs = ["推进法制政府建设。推进法制政府建设。"]
    keys = [f.key for f in run(report, unit).findings if f.rule == "wording.fazhi"]
    assert len(keys) == 2 and len(set(keys)) == 2


def test_paragraph_recheck_matches_the_full_run() -> None:
    report, unit = sample_report(), sample_unit()
    full = run(report, unit)
    measures = report.section(Block.MEASURES)
    assert measures is not None
    for index in range(len(measures.items)):
        quick = check_paragraph(report, catalogue(), load_wording(), Block.MEASURES, index, 0)
        expected = [f for f in full.findings if f.location.step == "measures" and f.location.item_index == index
                    and f.location.paragraph == 0]
        assert [f.key for f in quick] == [f.key for f in expected]


def test_paragraph_recheck_of_unsaved_text() -> None:
    report = sample_report()
    quick = check_paragraph(report, catalogue(), load_wording(), Block.PLANS, 0, 0, text="推进法制政府建设近十余次")
    assert {f.rule for f in quick} == {"wording.fazhi", "wording.near_over", "wording.paragraph_end"}
    section = Section(Block.OTHER, "", Numbering.NONE, [])
    report.sections.append(section)
    new = check_paragraph(report, catalogue(), load_wording(), Block.OTHER, 0, 0, text="扛实主题责任。")
    assert [f.rule for f in new] == ["wording.terms"]


def test_counts_per_step() -> None:
    counts = run(sample_report(), sample_unit()).counts()
    assert counts["opening"]["warning"] == 4
    assert counts["shortcomings"]["warning"] == 2


def test_to_dict_is_json_ready() -> None:
    import json

    res = run(sample_report(), sample_unit())
    text = json.dumps([f.to_dict() for f in res.findings], ensure_ascii=False)
    assert "法制政府" in text
