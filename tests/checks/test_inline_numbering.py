"""Numbering inside a paragraph: （1）…（2）…（4）, ①②④, 第一，…第三，, 1.…2.…4.: gaps, repeats, order, fixes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fzdesk import resources
from fzdesk.checks.engine import check_paragraph, check_report
from fzdesk.checks.findings import Finding, TextFix
from fzdesk.checks.fixes import apply_text_fix
from fzdesk.checks.lists import section_list_findings
from fzdesk.checks.paragraph_numbering import inline_numbering_findings
from fzdesk.checks.text import Para
from fzdesk.checks.wording import load_wording, shipped_wording
from fzdesk.domain.model import Block, Item, Numbering, Report, Section
from tests.checks.helpers import empty_report, rules


def inline(text: str) -> list[Finding]:
    return inline_numbering_findings(Para(Block.MEASURES, 0, 11, 0, text), shipped_wording())


def report_with(text: str) -> Report:
    r = empty_report()
    r.sections = [Section(Block.MEASURES, "", Numbering.HEADINGS, [Item("", [text], id=11)], id=1)]
    return r


def fixed(text: str, f: Finding) -> str:
    r = report_with(text)
    (fix,) = f.fixes
    assert isinstance(fix, TextFix)
    return apply_text_fix(r, fix)


@pytest.mark.parametrize("text", [
    "主要做法：（1）建立台账；（2）定期会商；（3）跟踪问效。",
    "一要强化组织：①压实责任；②抓好落实；③加强督查。",
    "第一，加强组织领导。第二，完善制度机制。第三，强化督查考核。",
    "措施：1.建立台账；2.定期会商；3.跟踪问效。",
    "具体为：（一）完善制度；（二）加强培训；（三）强化宣传。",
    "（1）甲；（2）乙。另设：（1）丙；（2）丁。",  # two lists in one paragraph
    "全市综合考评排名第一，获评第三名。",  # 第一 not numbering
    "依据第（2）项和第（4）项规定执行。",  # citations
    "依据《条例》第十二条（2）项规定办理。",
    "受理1.5万件，增长3.2%，共12.5万元。",  # decimals
    "一、二季度受理复议申请12件。",
    "（2）乙；（3）丙。",  # a list begun in the paragraph before: judged from its second number on
])
def test_sequences_that_are_right_or_not_numbering_are_silent(text: str) -> None:
    assert inline(text) == []


def test_a_gap_is_reported_with_the_number_expected_and_fixed() -> None:
    text = "主要做法：（1）建立台账；（2）定期会商；（4）跟踪问效。"
    (f,) = inline(text)
    assert f.rule == "lists.inline"
    assert f.message == "段内编号“（2）”之后应是“（3）”，这里写成了“（4）”。"
    assert text[f.location.start:f.location.end] == "（4）"
    assert f.fixes[0].label == "改为“（3）”"
    assert fixed(text, f) == "主要做法：（1）建立台账；（2）定期会商；（3）跟踪问效。"


def test_a_gap_renumbers_the_rest_of_the_run() -> None:
    text = "第一，加强组织领导。第二，完善制度。第四，强化督查。第五，严格考核。"
    (f,) = inline(text)
    assert f.message == "段内编号“第二”之后应是“第三”，这里写成了“第四”。"
    assert f.fixes[0].label == "重新编号：“第四”“第五”依次改为“第三”“第四”"
    assert fixed(text, f) == "第一，加强组织领导。第二，完善制度。第三，强化督查。第四，严格考核。"
    text = "措施：1.建立台账；2.定期会商；3.跟踪问效；5.严格考核；6.总结提升。"
    (f,) = inline(text)
    assert fixed(text, f) == "措施：1.建立台账；2.定期会商；3.跟踪问效；4.严格考核；5.总结提升。"


def test_a_repeat_is_reported_and_fixed() -> None:
    text = "一要强化组织：①压实责任；②抓好落实；②加强督查；③严格考核。"
    (f,) = inline(text)
    assert f.message == "段内编号“②”重复了：前面已经有“②”。"
    assert fixed(text, f) == "一要强化组织：①压实责任；②抓好落实；③加强督查；④严格考核。"


def test_numbers_in_the_wrong_order_are_said_once_without_a_fix() -> None:
    (f,) = inline("（一）完善制度；（三）强化宣传；（二）加强培训。")
    assert f.message == "段内编号顺序颠倒：“（一）”之后是“（三）”，“（二）”写在了后面（文字调换过位置？）。"
    assert f.fixes == []
    (f,) = inline("（1）甲；（2）乙；（3）丙；（2）丁。")
    assert f.message == "段内编号顺序颠倒：“（2）”写在了“（3）”之后。" and f.fixes == []


def test_a_second_one_that_the_list_goes_on_after_is_a_slip() -> None:
    (f,) = inline("（1）甲；（2）乙；（1）丙；（3）丁。")
    assert f.message == "段内编号“（1）”重复了：前面已经有“（1）”，后面又接着“（3）”，这里应是“（3）”？"
    assert f.location.start == 10 and f.fixes == []


def test_a_gap_in_a_run_not_begun_here_is_still_seen() -> None:
    (f,) = inline("（3）丙；（5）丁。")
    assert "应是“（4）”" in f.message


def test_yishi_gap_and_repeat_inside_a_paragraph_offer_a_renumbering() -> None:
    text = "存在不足：一是制度不完善；二是能力不足；四是宣传不够；五是考核不严。"
    (f,) = section_list_findings(Section(Block.SHORTCOMINGS, "", Numbering.NONE, [Item("", [text], id=11)]))
    assert f.rule == "lists.yishi" and f.fixes[0].label == "重新编号：“四是”“五是”依次改为“三是”“四是”"
    r = report_with(text)
    r.sections[0].block = Block.SHORTCOMINGS
    (fix,) = f.fixes
    assert isinstance(fix, TextFix)
    assert apply_text_fix(r, fix) == "存在不足：一是制度不完善；二是能力不足；三是宣传不够；四是考核不严。"
    text = "一是甲；二是乙；二是丙。"
    (f,) = section_list_findings(Section(Block.SHORTCOMINGS, "", Numbering.NONE, [Item("", [text], id=11)]))
    assert f.fixes[0].label == "改为“三是”"
    # a list that starts at 二是 may have lost its first item: no renumbering offered
    (f,) = section_list_findings(Section(Block.SHORTCOMINGS, "", Numbering.NONE, [Item("", ["二是乙；三是丙。"])]))
    assert f.fixes == []


def test_the_engine_runs_it_in_the_report_and_while_typing() -> None:
    text = "主要做法：（1）建立台账；（2）定期会商；（4）跟踪问效。"
    r = report_with(text)
    wording = shipped_wording()
    result = check_report(r, None, resources.catalogue(), rules(), wording)
    assert [f.rule for f in result.findings].count("lists.inline") == 1
    typed = check_paragraph(r, resources.catalogue(), wording, Block.MEASURES, 0, 0, text)
    assert [f.rule for f in typed] == ["lists.inline"]


def test_styles_are_data_a_unit_can_switch_off_or_add(tmp_path: Path) -> None:
    folder = tmp_path / "wording"
    folder.mkdir()
    (folder / "user.json").write_text(json.dumps({
        "format": "fzdesk-wording", "entries": [],
        "sequences": [{"name": "第一，", "disabled": True},
                      {"name": "甲乙", "numerals": "chinese", "pattern": "〔(?P<n>[一二三四五六七八九十])〕"}]}),
        encoding="utf-8")
    wording = load_wording(tmp_path)
    assert wording.problems == []
    para = Para(Block.MEASURES, 0, 11, 0, "第一，甲。第三，乙。〔一〕丙；〔三〕丁。")
    (f,) = inline_numbering_findings(para, wording)
    assert f.message == "段内编号“〔一〕”之后应是“〔二〕”，这里写成了“〔三〕”。"


@pytest.mark.parametrize(("entry", "problem"), [
    ({"name": "x", "numerals": "roman", "pattern": "(?P<n>I)"}, "numerals"),
    ({"name": "x", "numerals": "arabic", "pattern": "(\\d)"}, "(?P<n>…)"),
    ({"name": "x", "numerals": "arabic", "pattern": "(?P<n>\\d"}, "不是有效的正则表达式"),
    ({"numerals": "arabic", "pattern": "(?P<n>\\d)"}, "name"),
])
def test_a_bad_style_in_a_units_file_is_reported_not_fatal(tmp_path: Path, entry: dict[str, object],
                                                           problem: str) -> None:
    folder = tmp_path / "wording"
    folder.mkdir()
    (folder / "mine.json").write_text(json.dumps({"format": "fzdesk-wording", "sequences": [entry]}),
                                      encoding="utf-8")
    wording = load_wording(tmp_path)
    (message,) = wording.problems
    assert "mine.json 无法读取" in message and problem in message
    assert set(wording.sequences) == set(shipped_wording().sequences)


def test_a_list_begun_inside_a_paragraph_may_go_on_at_the_start_of_the_next() -> None:
    section = Section(Block.MEASURES, "", Numbering.NONE, [
        Item("", ["主要做法：（1）建立台账；（2）定期会商。", "（3）跟踪问效；（4）严格考核。"])])
    assert section_list_findings(section, shipped_wording()) == []
    section.items[0].paragraphs[1] = "（4）跟踪问效。"
    (f,) = section_list_findings(section, shipped_wording())
    assert f.rule == "lists.numbering" and f.message == "手工输入的编号“（4）”不连续：这里应为第3个。"


def test_a_new_list_in_a_new_sentence_with_a_gap_is_a_gap() -> None:
    (f,) = inline("工作包括：（1）甲；（2）乙。措施包括：（1）丙；（3）丁。")
    assert f.message == "段内编号“（1）”之后应是“（2）”，这里写成了“（3）”。"
