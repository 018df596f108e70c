"""Figure rules: each relation fires on a broken sheet and stays silent on a sound one."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from fzdesk.checks.figures import check_figures, set_explanation
from fzdesk.checks.findings import Severity
from fzdesk.checks.rules import RELATIONS, load_rules, parse_rules
from fzdesk.domain.model import Report
from tests.checks.helpers import catalogue, empty_report, figure, figures, rules


def run(report: Report, last_year: Report | None = None) -> tuple[dict[str, str], dict[str, str]]:
    found, unchecked = check_figures(report, catalogue(), rules(), last_year)
    return {f.rule: f.message for f in found}, {u.rule: u.message for u in unchecked}


def test_shipped_rules_name_catalogue_codes_and_cover_every_relation() -> None:
    ruleset = rules()
    cat = catalogue()
    for rule in ruleset.rules:
        for code in rule.codes:
            assert cat.get(code) is not None, (rule.id, code)
    assert {r.relation for r in ruleset.rules} == set(RELATIONS)
    assert len({r.id for r in ruleset.rules}) == len(ruleset.rules)
    families = {code.split(".")[0] for r in ruleset.rules for code in r.codes}
    assert families == {f.code for f in cat.families}


def test_results_sum_fires_with_live_values() -> None:
    r = figures(empty_report(), A_accepted=88, A_closed=63, A_upheld=38, A_revoked=1, A_dismissed=8, A_ordered=3,
                A_terminated=11)
    found, _ = run(r)
    assert found["A.results"] == "行政复议审结63件，但各类结果合计61件，相差2件。"


def test_results_sum_silent_when_it_holds_and_open_count_is_implied() -> None:
    r = figures(empty_report(), A_accepted=88, A_closed=63, A_upheld=38, A_revoked=1, A_dismissed=8, A_ordered=3,
                A_terminated=13)
    found, unchecked = run(r)
    assert "A.results" not in found
    assert "A.balance" not in found
    assert "未审结应为25件" in unchecked["A.balance"]


def test_balance_fires_and_holds() -> None:
    bad = figures(empty_report(), A_accepted=10, A_carried_in=2, A_closed=9, A_open=2)
    assert "相差1件" in run(bad)[0]["A.balance"]
    good = figures(empty_report(), A_accepted=10, A_carried_in=2, A_closed=9, A_open=3)
    assert "A.balance" not in run(good)[0]


def test_approximate_values_never_enter_an_exact_sum() -> None:
    r = figures(empty_report(), A_closed="近100", A_upheld=38)
    found, unchecked = run(r)
    assert "A.results" not in found
    assert "约数" in unchecked["A.results"]


def test_na_counts_as_zero_and_all_na_is_silent() -> None:
    r = figures(empty_report(), C_cleaned=5, C_kept=5, C_amended="na", C_repealed="na", C_expired="na")
    assert "C.cleanup" not in run(r)[0]
    r = figures(empty_report(), I_penalties="na", I_penalties_fine="na")
    found, unchecked = run(r)
    assert "I.penalties" not in found and "I.penalties" not in unchecked


def test_empty_family_is_neither_finding_nor_unchecked() -> None:
    found, unchecked = run(empty_report())
    assert found == {} and unchecked == {}


def test_le_fires_and_holds() -> None:
    assert "C.filed" in run(figures(empty_report(), C_issued=3, C_filed=4))[0]
    assert "C.filed" not in run(figures(empty_report(), C_issued=3, C_filed=3))[0]
    assert "多于执法人员总数" in run(figures(empty_report(), I_officers=10, I_certified=12))[0]["I.certified_le"]


def test_rate_rounded_or_truncated_to_the_precision_written() -> None:
    base = {"G_total": 7, "G_closed": 6}  # 6 ÷ 7 = 85.714…%
    for fine in ("85.71", "85.7", "86", "85"):  # rounded or truncated to the decimals written
        assert "G.closure_rate" not in run(figures(empty_report(), G_closure_rate=fine, **base))[0], fine
    for wrong in ("85.72", "85.8", "87", "85.6"):  # one unit of the last decimal off is no longer accepted
        assert "G.closure_rate" in run(figures(empty_report(), G_closure_rate=wrong, **base))[0], wrong
    msg = run(figures(empty_report(), G_closure_rate="86.5", **base))[0]["G.closure_rate"]
    assert "应为85.71%" in msg


@pytest.mark.parametrize(("written", "fires"), [
    ("97", False), ("97.0", False), ("97.01", False), ("97.010", False),
    ("98", True), ("97.1", True), ("97.02", True), ("96", True), ("96.9", True), ("97.00", True),
])
def test_rate_9701_of_10000(written: str, fires: bool) -> None:
    """9701 ÷ 10000 = 97.01%: 97, 97.0 and 97.01 are right; 98 (one unit of the last decimal off) is not."""
    r = figures(empty_report(), G_total=10000, G_closed=9701, G_closure_rate=written)
    assert ("G.closure_rate" in run(r)[0]) is fires


@pytest.mark.parametrize(("written", "fires"), [("128.78", False), ("128.79", False), ("128.8", False),
                                               ("128.77", True), ("128.81", True)])
def test_truncated_rate_of_indicators_md(written: str, fires: bool) -> None:
    """indicators.md: 128.78% for 128.789…% (truncated) is fine, and so is the rounded 128.79%."""
    r = figures(empty_report(), G_total=100000, G_closed=128789, G_closure_rate=written)
    assert ("G.closure_rate" in run(r)[0]) is fires


def test_a_rule_tolerance_still_widens_a_rate() -> None:
    ruleset = parse_rules({"format": "fzdesk-rules", "rules": [
        {"id": "wide", "relation": "rate", "code": "G.closure_rate", "left": ["G.closed"], "right": ["G.total"],
         "tolerance": 1}]})
    r = figures(empty_report(), G_total=10000, G_closed=9701, G_closure_rate="98")
    assert check_figures(r, catalogue(), ruleset)[0] == []
    r = figures(empty_report(), G_total=10000, G_closed=9701, G_closure_rate="98.5")
    assert [f.rule for f in check_figures(r, catalogue(), ruleset)[0]] == ["wide"]


def test_rate_of_100_with_differing_counts_is_an_error() -> None:
    found, _ = check_figures(figures(empty_report(), G_total=100, G_closed=99, G_closure_rate=100), catalogue(),
                             rules())
    f = next(f for f in found if f.rule == "G.closure_rate")
    assert f.severity is Severity.ERROR
    assert "100%" in f.message and "99" in f.message
    assert "G.closure_rate" not in run(figures(empty_report(), G_total=99, G_closed=99, G_closure_rate=100))[0]


def test_correction_rate_on_closed_not_received() -> None:
    r = figures(empty_report(), A_accepted=100, A_closed=50, A_revoked=5, A_upheld=45, A_correction_rate=5)
    assert "应为10%" in run(r)[0]["A.correction_rate"]
    r = figures(empty_report(), A_accepted=100, A_closed=50, A_revoked=5, A_upheld=45, A_correction_rate=10)
    assert "A.correction_rate" not in run(r)[0]


def test_range_and_minimum() -> None:
    assert "不能超过100%" in run(figures(empty_report(), H_exam_pass="100.5"))[0]["H.exam_pass_max"]
    assert "H.exam_pass_max" not in run(figures(empty_report(), H_exam_pass="100"))[0]
    assert "K.briefings_min" in run(figures(empty_report(), K_briefings=1))[0]
    assert "K.briefings_min" not in run(figures(empty_report(), K_briefings=2))[0]


def test_required_if_and_together() -> None:
    assert "还应填写审结" in run(figures(empty_report(), A_accepted=5))[0]["A.required"]
    assert "A.required" not in run(figures(empty_report(), A_accepted=5, A_closed=5))[0]
    assert "负责人出庭次数" in run(figures(empty_report(), B_hearings=4))[0]["B.together"]
    assert "B.together" not in run(figures(empty_report(), B_hearings=4, B_head_appearances="na"))[0]


def test_carry_over_identity_against_last_year() -> None:
    last = figures(empty_report(2022), A_open=4)
    assert "去年年底未审结为4件" in run(figures(empty_report(), A_carried_in=3), last)[0]["A.carry"]
    assert "A.carry" not in run(figures(empty_report(), A_carried_in=4), last)[0]
    # without last year's report, the sheet's carried column is used
    r = empty_report()
    r.figures["A.open"] = figure("A.open", 1, last=4)
    r.figures["A.carried_in"] = figure("A.carried_in", 4)
    assert "A.carry" not in run(r)[0]


def test_large_change_asks_for_an_explanation_until_given() -> None:
    r = empty_report()
    r.figures["A.accepted"] = figure("A.accepted", 88, last=427)
    r.figures["A.closed"] = figure("A.closed", 88, last=420)
    found, _ = check_figures(r, catalogue(), rules())
    changes = [f for f in found if f.rule == "yoy.change"]
    assert {f.location.figure for f in changes} == {"A.accepted", "A.closed"}
    assert "减少79.4%" in changes[0].message
    set_explanation(r, "A.accepted", "复议体制改革后案件集中到市级办理")
    found, _ = check_figures(r, catalogue(), rules())
    assert {f.location.figure for f in found if f.rule == "yoy.change"} == {"A.closed"}
    small = empty_report()
    small.figures["C.issued"] = figure("C.issued", 3, last=1)
    assert "yoy.change" not in run(small)[0]


def test_user_rules_add_replace_and_disable(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "ours.json").write_text(json.dumps({
        "format": "fzdesk-rules", "version": 1, "rules": [
            {"id": "our.petitions", "relation": "range", "code": "J.petitions", "max": 50, "severity": "info",
             "message": "信访{value}件，超过本乡预警线{max}件。"},
            {"id": "K.briefings_min", "relation": "range", "code": "K.briefings", "min": 4, "severity": "warning"},
            {"id": "C.reviewed", "disabled": True},
        ]}, ensure_ascii=False), encoding="utf-8")
    (folder / "broken.json").write_text("{", encoding="utf-8")
    ruleset = load_rules(tmp_path)
    assert ruleset.get("C.reviewed") is None
    assert ruleset.get("K.briefings_min").minimum == Decimal(4)  # type: ignore[union-attr]
    assert any("broken.json" in p for p in ruleset.problems)
    r = figures(empty_report(), J_petitions=60, K_briefings=3)
    found, _ = check_figures(r, catalogue(), ruleset)
    by_rule = {f.rule: f for f in found}
    assert by_rule["our.petitions"].message == "信访60件，超过本乡预警线50件。"
    assert by_rule["our.petitions"].severity is Severity.INFO
    assert "K.briefings_min" in by_rule


def test_bad_rule_is_rejected() -> None:
    with pytest.raises(ValueError):
        parse_rules({"format": "fzdesk-rules", "rules": [{"id": "x", "relation": "sum_eq", "left": ["A.closed"]}]})
    with pytest.raises(ValueError):
        parse_rules({"format": "fzdesk-rules", "rules": [{"id": "x", "relation": "median"}]})
