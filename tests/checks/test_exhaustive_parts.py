"""12345 hotline sources and 政务公开's 其中 list: at most the total, and equal to it once their 其他 part is filled
(the list is then the whole list). The real published error: sources summing to 195,532 against 284,406."""

from __future__ import annotations

import pytest

from fzdesk.checks.figures import check_figures
from fzdesk.checks.findings import Severity
from fzdesk.checks.rules import parse_rules
from fzdesk.domain.model import Report
from tests.checks.helpers import catalogue, empty_report, figures, rules

TOTAL = 284406
SOURCES = {"G_people_daily": 12000, "G_provincial": 123532, "G_online": 60000}  # 195,532 as published


def run(report: Report) -> tuple[dict[str, object], dict[str, str]]:
    found, unchecked = check_figures(report, catalogue(), rules())
    return {f.rule: f for f in found}, {u.rule: u.message for u in unchecked}


def hotline(**values: object) -> Report:
    return figures(empty_report(), G_total=TOTAL, **values)


@pytest.mark.parametrize(("other", "shown"), [(0, "0件"), ("na", "不涉及")])
def test_the_published_hotline_error_fires_once_the_other_part_is_filled(other: object, shown: str) -> None:
    found, _ = run(hotline(**SOURCES, G_other=other))
    f = found["G.parts"]
    assert f.severity is Severity.ERROR  # type: ignore[attr-defined]
    assert f.message == (  # type: ignore[attr-defined]
        f"诉求受理总数284406件，已填其他来源{shown}，视为各来源已列全；但各来源合计195532件，与总数相差88874件，"
        "两者应相等。")
    assert f.values["exhaustive"] is True  # type: ignore[attr-defined]


def test_the_same_figures_without_the_other_part_are_at_most_and_say_what_is_unknown() -> None:
    found, unchecked = run(hotline(**SOURCES))
    assert "G.parts" not in found  # 195,532 ≤ 284,406: not provably wrong
    assert "G.parts" in unchecked  # but not silent either: the gap is shown, with what to do
    assert "195532件" in unchecked["G.parts"] and "少88874件" in unchecked["G.parts"]
    assert "请填写“其他来源”（没有填0）" in unchecked["G.parts"]


def test_a_complete_list_is_silent() -> None:
    found, unchecked = run(hotline(**SOURCES, G_other=TOTAL - 195532))
    assert "G.parts" not in found and "G.parts" not in unchecked
    found, unchecked = run(hotline(G_people_daily=TOTAL))  # one source is all of it: nothing open
    assert "G.parts" not in found and "G.parts" not in unchecked


def test_parts_over_the_total_are_an_error_either_way() -> None:
    found, _ = run(hotline(G_people_daily=TOTAL, G_provincial=6))
    assert found["G.parts"].message == "诉求受理总数284406件，但各来源合计284412件，超过了总数6件。"  # type: ignore[attr-defined]
    found, _ = run(hotline(G_people_daily=TOTAL, G_provincial=6, G_other=0))
    assert "相差6件" in found["G.parts"].message  # type: ignore[attr-defined]


def test_an_approximate_other_part_makes_the_sum_unchecked_not_wrong() -> None:
    found, unchecked = run(hotline(**SOURCES, G_other="80000余"))
    assert "G.parts" not in found and "约数" in unchecked["G.parts"]


def test_government_information_parts() -> None:
    base = {"F_published": 120, "F_published_policy": 30, "F_published_interpretation": 20}
    found, unchecked = run(figures(empty_report(), **base, F_published_other=70))
    assert "F.parts" not in found and "F.parts" not in unchecked
    found, _ = run(figures(empty_report(), **base, F_published_other=60))
    assert found["F.parts"].message == (  # type: ignore[attr-defined]
        "主动公开信息120条，已填其他信息60条，视为各项已列全；但“其中”各项合计110条，与总数相差10条，两者应相等。")
    found, unchecked = run(figures(empty_report(), **base))
    assert "F.parts" not in found and "少70条" in unchecked["F.parts"]
    found, _ = run(figures(empty_report(), **base, F_published_other=80))
    assert "相差10条" in found["F.parts"].message  # type: ignore[attr-defined]


def test_a_version_1_report_keeps_the_at_most_check_without_the_new_other_part() -> None:
    r = figures(empty_report(), F_published=120, F_published_policy=30, F_published_interpretation=20)
    r.catalogue_version = 1  # its sheet has no 其他信息 row: the list can only be "at most"
    found, unchecked = run(r)
    assert "F.parts" not in found and "F.parts" not in unchecked
    r = figures(r, F_published_policy=130)
    found, _ = run(r)
    assert "超过了总数" in found["F.parts"].message  # type: ignore[attr-defined]


def test_exhaustive_if_is_validated() -> None:
    with pytest.raises(ValueError, match="exhaustive_if"):
        parse_rules({"format": "fzdesk-rules", "rules": [
            {"id": "x", "relation": "sum_eq", "left": ["G.total"], "right": ["G.other"], "exhaustive_if": "G.other"}]})
    with pytest.raises(ValueError, match="exhaustive_if"):
        parse_rules({"format": "fzdesk-rules", "rules": [
            {"id": "x", "relation": "sum_le", "left": ["G.online"], "right": ["G.total"], "exhaustive_if": "G.other"}]})


def test_a_unit_rule_may_declare_its_own_exhaustive_part() -> None:
    ruleset = parse_rules({"format": "fzdesk-rules", "rules": [
        {"id": "our.penalties", "relation": "sum_le", "severity": "error", "exhaustive_if": "I.penalties_other",
         "left": ["I.penalties_warning", "I.penalties_fine", "I.penalties_other"], "right": ["I.penalties"],
         "optional": ["I.penalties_warning", "I.penalties_fine", "I.penalties_other"]}]})
    r = figures(empty_report(), I_penalties=10, I_penalties_fine=7, I_penalties_other=1)
    (f,) = check_figures(r, catalogue(), ruleset)[0]
    assert "视为各项已列全" in f.message and "相差2件" in f.message
