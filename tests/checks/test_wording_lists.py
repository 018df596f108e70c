"""The pattern checks' word lists (classes 5, 8, 9, 10 and the structure checks) come from resources/wording/*.json
and a unit extends them in <data>/wording/user.json: each list drives its check, shipped and extended."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fzdesk.checks.engine import check_report
from fzdesk.checks.language import dictionary_findings, near_over_findings
from fzdesk.checks.lists import named_count_findings
from fzdesk.checks.structure import block_findings, carried_over_findings
from fzdesk.checks.text import Para
from fzdesk.checks.wording import LIST_TITLES, add_list_word, load_wording, shipped_wording
from fzdesk.checks.years import year_findings
from fzdesk.domain.model import Block, Item
from tests import factories
from tests.checks.helpers import catalogue, rules

SHIPPED = ("near", "over", "count_measures", "announced_nouns", "causes", "future", "requests", "results", "closing",
           "compare_before", "current_after", "lookback_after", "lookback_words")


def _para(text: str, block: Block = Block.MEASURES) -> Para:
    return Para(block, 0, 1, 0, text)


def test_every_list_is_shipped_in_resources() -> None:
    wording = shipped_wording()
    for name in SHIPPED:
        assert wording.words(name), name
    assert {"quantities", "numbering", "years", "structure"} <= set(wording.titles)
    assert set(LIST_TITLES) <= set(SHIPPED)


def test_a_unit_extends_the_near_and_over_words(tmp_path: Path) -> None:
    assert near_over_findings(_para("全年开展培训约十余次。")) == []
    add_list_word(tmp_path, "near", "约")
    [f] = near_over_findings(_para("全年开展培训约十余次。"), load_wording(tmp_path))
    assert f.message == "“约十余”自相矛盾：“约”是不到，“余”是超过，只能用其一（“约十”或“十余”）。"
    assert [x.new for x in f.fixes] == ["约十", "十余"]
    # the shipped forms, with the word that was written
    [g] = near_over_findings(_para("开展活动将近二十多场。"))
    assert "“将近”是不到，“多”是超过" in g.message and [x.new for x in g.fixes] == ["将近二十", "二十多"]


def test_a_unit_extends_the_measures_of_a_named_count(tmp_path: Path) -> None:
    text = "推行“三个一”：一窗受理、一窗通办。"
    assert named_count_findings(_para(text)) == []  # 窗 is not a measure word it knows: no guessing
    add_list_word(tmp_path, "count_measures", "窗")
    [f] = named_count_findings(_para(text), load_wording(tmp_path))
    assert f.rule == "lists.named_count" and f.values == {"announced": 3, "listed": 2}


def test_a_unit_extends_the_words_for_causes(tmp_path: Path) -> None:
    report = factories.report(factories.unit())
    short = report.section(Block.SHORTCOMINGS)
    assert short is not None
    short.items = [Item("", ["制度建设不够完善，问题的症结是专业人员少。"])]
    assert "structure.causes" in [f.rule for f in block_findings(report)]
    add_list_word(tmp_path, "causes", "症结")
    assert "structure.causes" not in [f.rule for f in block_findings(report, load_wording(tmp_path))]
    # and through the whole check, with the unit's folder
    result = check_report(report, None, catalogue(), rules(), load_wording(tmp_path))
    assert "structure.causes" not in [f.rule for f in result.findings]


def test_requests_closing_and_future_words_from_the_list(tmp_path: Path) -> None:
    report = factories.report(factories.unit())
    measures = report.section(Block.MEASURES)
    assert measures is not None
    measures.items[0].paragraphs.append("以上意见妥否，请批示。")
    assert "structure.request" in [f.rule for f in block_findings(report)]
    measures.items[0].paragraphs[-1] = "特请县政府拨付经费。"
    assert "structure.request" not in [f.rule for f in block_findings(report)]
    add_list_word(tmp_path, "requests", "特请")
    assert "structure.request" in [f.rule for f in block_findings(report, load_wording(tmp_path))]


def test_a_unit_extends_the_results_words_of_carried_over_items(tmp_path: Path) -> None:
    report = factories.report(factories.unit())
    measures = report.section(Block.MEASURES)
    assert measures is not None
    measures.items = [Item("", ["坚持接待来访群众，化解矛盾纠纷。"], carried_over=True)]
    assert [f.rule for f in carried_over_findings(report)] == ["structure.carried_over_unchanged"]
    add_list_word(tmp_path, "results", "化解")
    assert [f.rule for f in carried_over_findings(report, load_wording(tmp_path))] == ["structure.carried_over"]


def test_a_unit_extends_the_comparison_words_before_last_year(tmp_path: Path) -> None:
    para = _para("对照2022年，我局共办理案件50件。")
    assert "years.previous" in [f.rule for f in year_findings(para, 2023)]
    add_list_word(tmp_path, "compare_before", "对照")
    assert year_findings(para, 2023, load_wording(tmp_path)) == []


@pytest.mark.parametrize(("wrong", "right"), [
    ("法律七近", "法律七进"), ("法律六近", "法律六进"), ("普法七近", "普法七进"), ("法律七尽", "法律七进")])
def test_slogans_of_the_seven_and_six_enters(wrong: str, right: str) -> None:
    [f] = dictionary_findings(_para(f"深入开展“{wrong}”活动。"), shipped_wording(), 2023)
    assert f.rule == "wording.slogans" and [x.new for x in f.fixes] == [right]
    assert dictionary_findings(_para(f"深入开展“{right}”活动。"), shipped_wording(), 2023) == []


def test_add_list_word_refuses_what_it_cannot_keep(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="不能为空"):
        add_list_word(tmp_path, "causes", "  ")
    with pytest.raises(ValueError, match="没有名为"):
        add_list_word(tmp_path, "no_such_list", "词")
    add_list_word(tmp_path, "causes", "症结")
    add_list_word(tmp_path, "causes", "症结")
    data = json.loads((tmp_path / "wording" / "user.json").read_text(encoding="utf-8"))
    assert data["lists"] == {"causes": ["症结"]}


def test_a_bad_list_in_a_users_file_is_reported_not_fatal(tmp_path: Path) -> None:
    folder = tmp_path / "wording"
    folder.mkdir()
    (folder / "mine.json").write_text(json.dumps({"format": "fzdesk-wording", "lists": {"causes": "症结"}}),
                                      encoding="utf-8")
    (folder / "bad-pattern.json").write_text(json.dumps({"format": "fzdesk-wording", "patterns": {"causes": ["("]}}),
                                             encoding="utf-8")
    wording = load_wording(tmp_path)
    assert len(wording.problems) == 2 and all("无法读取" in p for p in wording.problems)
    assert wording.words("causes") == shipped_wording().words("causes")
