"""Starting from last year: copied items left 未更新, last year's years and dates left in them, the plan checklist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fzdesk import resources
from fzdesk.checks.engine import check_paragraph, check_report
from fzdesk.checks.rules import load_rules
from fzdesk.checks.structure import carried_over_findings, plan_check_findings
from fzdesk.checks.text import Para
from fzdesk.checks.wording import load_wording
from fzdesk.cli import main
from fzdesk.domain.checklist import PlanCheck, PlanStatus
from fzdesk.domain.model import Block, Item, Report
from fzdesk.exchange.new_year import start_new_year
from fzdesk.storage import checklist
from fzdesk.storage.store import Store
from tests import factories


def years(text: str, *, carried: bool, block: Block = Block.MEASURES, year: int = 2024) -> list[str]:
    from fzdesk.checks.years import year_findings

    return [f.rule for f in year_findings(Para(block, 0, 1, 0, text, carried), year)]


@pytest.mark.parametrize("text", [
    "2023年5月，我办组织开展了法治培训。",
    "于2023年12月15日召开专题会议。",
    "2023年下半年，我办办理行政复议案件12件。",
])
def test_last_years_dates_left_in_copied_text_are_flagged(text: str) -> None:
    assert years(text, carried=True) == ["years.carried_previous"]
    assert years(text, carried=False) == []  # written this year: a date of last year may be meant


def test_the_whole_date_is_marked_and_named() -> None:
    from fzdesk.checks.years import year_findings

    text = "于2023年12月15日召开专题会议。"
    [found] = year_findings(Para(Block.OPENING, 0, 1, 0, text, True), 2024)
    assert text[found.location.start:found.location.end] == "2023年12月15日"  # type: ignore[misc]
    assert "去年的日期“2023年12月15日”" in found.message and "2024年" in found.message


@pytest.mark.parametrize("text", [
    "较2023年增长10%。",  # a comparison with last year
    "与2023年相比，案件减少。",
    "印发《2023年法治政府建设工作要点》。",  # a document's name
    "2024年5月，我办组织开展了法治培训。",  # this year's date
    "持续推进各项工作。",
])
def test_copied_text_without_last_years_dates_is_left_alone(text: str) -> None:
    assert years(text, carried=True) == []


def test_a_year_left_in_copied_text_is_reported_once() -> None:
    assert years("2023年，我办在县委、县政府的坚强领导下……", carried=True) == ["years.previous"]
    assert years("2023年将继续推进。", carried=True, block=Block.PLANS) == ["years.plans"]


def _report() -> Report:
    report = factories.report(factories.unit(), 2024)
    for section in report.sections:
        for n, item in enumerate(section.items):
            item.id = 100 * len(section.heading) + n
    return report


def _rules(report: Report) -> dict[str, list[int | None]]:
    out: dict[str, list[int | None]] = {}
    for f in carried_over_findings(report):
        out.setdefault(f.rule, []).append(f.location.item_index)
    return out


def test_every_carried_over_item_is_reported_warning_where_it_states_results() -> None:
    report = _report()
    measures, shortcomings, plans, closing = (report.section(b) for b in (
        Block.MEASURES, Block.SHORTCOMINGS, Block.PLANS, Block.CLOSING))
    assert measures and shortcomings and plans and closing
    measures.items[0] = Item("", ["全年受理行政复议案件12件，全部审结。"], carried_over=True, id=5)
    measures.items[1] = Item("", ["坚持党的领导，健全工作机制。"], carried_over=True, id=6)
    shortcomings.items[0] = Item("", ["法治宣传的方式有待创新。原因是投入不足。"], carried_over=True, id=7)
    plans.items[0] = Item("", ["持续推进2025年各项工作。"], carried_over=True, id=8)
    closing.items[0].carried_over = True  # 特此报告。: a formula, never worth a word
    found = carried_over_findings(report)
    assert [(f.rule, f.location.item_id) for f in found] == [
        ("structure.carried_over", 5), ("structure.carried_over_unchanged", 6),
        ("structure.carried_over_unchanged", 7), ("structure.carried_over_unchanged", 8)]
    assert [f.severity.value for f in found] == ["warning", "info", "info", "info"]
    assert "去年的安排" in found[3].message and "无需修改" in found[1].message


def test_edited_or_omitted_items_are_not_reported() -> None:
    report = _report()
    assert carried_over_findings(report) == []  # nothing copied
    other = report.section(Block.OTHER)
    assert other is not None
    other.items = [Item("", ["无。"], carried_over=True)]
    other.omitted = True
    assert carried_over_findings(report) == []


def test_unmarked_and_unlinked_plans() -> None:
    checks = [PlanCheck("完善法治宣传工作机制。"), PlanCheck("推进依法行政。", status=PlanStatus.DONE),
              PlanCheck("加强法治宣传教育。", status=PlanStatus.PARTIAL, item_id=12),
              PlanCheck("建设法治政府示范点。", status=PlanStatus.NOT_DONE)]
    found = {f.rule: f for f in plan_check_findings(checks)}
    assert set(found) == {"structure.plans_unmarked", "structure.plans_unlinked"}
    unmarked = found["structure.plans_unmarked"]
    assert unmarked.severity.value == "info" and unmarked.location.step == "measures"
    assert unmarked.values == {"unmarked": 1, "total": 4} and "（完善法治宣传工作机制）" in unmarked.message
    assert found["structure.plans_unlinked"].values == {"unlinked": 1}
    assert "推进依法行政" in found["structure.plans_unlinked"].message


def test_a_finished_checklist_or_none_says_nothing() -> None:
    assert plan_check_findings([]) == []
    assert plan_check_findings([PlanCheck("甲。", status=PlanStatus.DONE, item_id=3),
                                PlanCheck("乙。", status=PlanStatus.NOT_DONE)]) == []


def test_the_engine_and_the_quick_recheck_see_copied_text(tmp_path: Path) -> None:
    report = _report()
    measures = report.section(Block.MEASURES)
    assert measures is not None
    measures.items[0] = Item("", ["2023年5月，组织开展法治培训。"], carried_over=True, id=5)
    args = (resources.catalogue(), load_rules(tmp_path), load_wording(tmp_path))
    result = check_report(report, None, *args, plan_checks=[PlanCheck("推进依法行政。")])
    rules = {f.rule for f in result.findings}
    assert {"years.carried_previous", "structure.carried_over", "structure.plans_unmarked"} <= rules
    quick = check_paragraph(report, args[0], args[2], Block.MEASURES, 0, 0)
    assert [f.rule for f in quick if f.rule.startswith("years.")] == ["years.carried_previous"]
    measures.items[0].carried_over = False  # the clerk typed in it: the mark is gone
    quick = check_paragraph(report, args[0], args[2], Block.MEASURES, 0, 0)
    assert [f.rule for f in quick if f.rule.startswith("years.")] == []


def test_fzdesk_check_reports_the_unmarked_plans_of_a_new_year(store: Store, data_dir: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    unit = factories.unit()
    store.save_unit(unit)
    last = factories.report(unit, 2023)
    store.create_report(last)
    assert last.id is not None
    new_id = start_new_year(store, last.id)
    checks = checklist.plan_checks(store, new_id)
    assert len(checks) == 2
    store.close()

    def rules() -> list[str]:
        capsys.readouterr()
        main(["--data", str(data_dir), "check", "--unit", unit.name, "--year", "2024", "--json"])
        return [e["rule"] for e in json.loads(capsys.readouterr().out)]

    assert rules().count("structure.plans_unmarked") == 1
    with Store.open(data_dir) as again:
        for c in checks:
            assert c.id is not None
            checklist.update_plan_check(again, c.id, status=PlanStatus.NOT_DONE)
    assert "structure.plans_unmarked" not in rules()


@pytest.mark.parametrize("title", [True, False])
def test_a_one_click_fix_in_copied_text_is_an_edit(title: bool, tmp_path: Path) -> None:
    from fzdesk.checks.fixes import apply_text_fix

    report = _report()
    measures = report.section(Block.MEASURES)
    assert measures is not None
    text = "2023年，全面推进依法行政。"
    measures.items[0] = Item(text if title else "", [] if title else [text], carried_over=True, id=5)
    args = (resources.catalogue(), load_rules(tmp_path), load_wording(tmp_path))
    [found] = [f for f in check_report(report, None, *args).findings if f.rule == "years.previous"]
    assert found.location.paragraph == (-1 if title else 0)
    apply_text_fix(report, found.fixes[0])
    assert not measures.items[0].carried_over
    assert (measures.items[0].title if title else measures.items[0].paragraphs[0]).startswith("2024年")
