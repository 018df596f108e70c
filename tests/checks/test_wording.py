"""Wording: each dictionary class fires on its slips and stays silent on the right forms and the exceptions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fzdesk.checks.language import language_findings
from fzdesk.checks.text import Para
from fzdesk.checks.wording import add_exception, add_term, disable_entry, load_wording, trie_regex
from fzdesk.domain.model import Block


def found(text: str, year: int = 2023, folder: Path | None = None, block: Block = Block.MEASURES) -> list[str]:
    para = Para(block, 0, 7, 0, text)
    return [f.rule for f in language_findings(para, load_wording(folder), year)]


@pytest.mark.parametrize(("text", "rule"), [
    ("大力推进法制政府建设。", "wording.fazhi"),
    ("提高运用法制思维和法制方式的能力。", "wording.fazhi"),
    ("深入推进依法制县工作。", "wording.fazhi"),
    ("大力推进“谁普法谁执法”工作。", "wording.slogans"),
    ("加大“管放服”改革力度。", "wording.slogans"),
    ("坚持和发展新时代“风桥经验”。", "wording.slogans"),
    ("扛实主题责任。", "wording.terms"),
    ("截止目前，已办结全部案件。", "wording.terms"),
    ("精心布署普法工作。", "wording.terms"),
    ("深入开展七五普法。", "wording.documents"),
    ("在全国法制宣传日开展宣传。", "wording.documents"),
    ("严格履行法治政府建设第一责任人职责。", "wording.official"),
    ("履行推进法治政府建设第一责任人职责。", "wording.official"),
    ("依据《法治政府建设实施纲要（2015—2020年）》开展工作。", "wording.period"),
    ("落实《某省法治政府建设规划(2016-2020年)》。", "wording.period"),
])
def test_slips_fire(text: str, rule: str) -> None:
    assert rule in found(text)


@pytest.mark.parametrize("text", [
    "大力推进法治政府建设，提高法治思维和法治方式的能力。",
    "严格落实重大执法决定法制审核制度，县司法局法制股、法制工作机构参与审查。",
    "依法制定规范性文件，完善领导干部学法制度。",
    "大力推进“谁执法谁普法”工作，加大“放管服”改革力度，严格执行“三重一大”制度。",
    "扛实主体责任，截至目前已部署到位。",
    "深入开展八五普法，在国家宪法日开展宣传。",
    "严格履行推进法治建设第一责任人职责。",
    "依据《法治政府建设实施纲要（2021—2025年）》开展工作。",
    "统筹安全生产第一责任人职责。",
    "新创建全国民主法治示范村（社区）2个。",
])
def test_right_forms_are_silent(text: str) -> None:
    assert found(text) == []


def test_the_old_name_of_the_democracy_and_rule_of_law_villages_gets_its_own_fix() -> None:
    """民主法制示范村 was only the general 法制 hint; it is now a warning naming 民主法治示范村 (and 社区)."""
    para = Para(Block.MEASURES, 0, 7, 0, "创建省级民主法制示范村3个、民主法制示范社区1个。")
    findings = language_findings(para, load_wording(None), 2023)
    assert [(f.rule, f.severity.value, f.message) for f in findings] == [
        ("wording.fazhi", "warning", "“民主法制示范村”应写作“民主法治示范村”（这里是“法治”，不是“法制”）。"),
        ("wording.fazhi", "warning", "“民主法制示范社区”应写作“民主法治示范社区”（这里是“法治”，不是“法制”）。"),
    ]


def test_year_conditions() -> None:
    assert "wording.documents" not in found("深入开展七五普法。", year=2019)
    assert "wording.period" not in found("依据《法治政府建设实施纲要（2015—2020年）》。", year=2020)
    assert "wording.documents" in found("深入开展八五普法。", year=2026)


def test_fix_replaces_the_slip() -> None:
    para = Para(Block.MEASURES, 0, 7, 0, "大力推进法制政府建设。")
    f = next(f for f in language_findings(para, load_wording(), 2023) if f.rule == "wording.fazhi")
    fix = f.fixes[0]
    assert (fix.location.start, fix.location.end, fix.old, fix.new) == (4, 8, "法制政府", "法治政府")  # type: ignore[union-attr]
    period = next(f for f in language_findings(
        Para(Block.MEASURES, 0, 7, 0, "依据《法治政府建设实施纲要（2015-2020年）》。"), load_wording(), 2023))
    assert period.fixes[0].new == "《法治政府建设实施纲要（2021—2025年）》"  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "rule"), [
    ("完成各项工作,取得明显成效。", "wording.halfwidth"),
    ("完成各项工作;取得明显成效。", "wording.halfwidth"),
    ("村(社区)法律顾问全覆盖。", "wording.halfwidth"),
    ("完成各项 工作，取得明显成效。", "wording.space"),
    ("完成各项工作，，取得明显成效。", "wording.doubled"),
    ("完成各项工作。。", "wording.doubled"),
    ("完成各项工作，取得明显成效，", "wording.paragraph_end"),
    ("完成各项工作，取得明显成效", "wording.paragraph_end"),
    ("学习《宪法《民法典》。", "wording.unbalanced"),
    ("开展“八五普法宣传。", "wording.unbalanced"),
    ("村（社区）法律顾问全覆盖）。", "wording.unbalanced"),
    ("使用chatgpt撰写材料。", "wording.latin"),
    ("召开专题会议近十余次。", "wording.near_over"),
    ("依据《某某规划（2021-2025年）》。", "wording.dash"),
    ("累计服务群众近两万余人次。", "wording.near_over"),
])
def test_mechanical_slips_fire(text: str, rule: str) -> None:
    assert rule in found(text)


@pytest.mark.parametrize("text", [
    "全年办理1,234件，罚没12.5万元，占比98.6%。",
    "开发政务服务APP，上线12345热线。",
    "村（社区）法律顾问全覆盖，学习《宪法》《民法典》，开展“八五”普法。",
    "召开专题会议十余次，服务群众近千人。",
    "依据《法治政府建设实施纲要（2021—2025年）》，编号2021-05号。",
    "现将有关情况报告如下：",
    "……",
])
def test_mechanics_silent_on_clean_text(text: str) -> None:
    assert found(text) == []


def test_headings_may_end_without_punctuation() -> None:
    para = Para(Block.MEASURES, -1, 1, 0, "主要举措和成效")
    assert language_findings(para, load_wording(), 2023) == []
    title = Para(Block.MEASURES, 0, 1, -1, "坚持党的领导")
    assert language_findings(title, load_wording(), 2023) == []


def test_unit_extends_the_dictionaries(tmp_path: Path) -> None:
    add_term(tmp_path, "沈邱县", "沈丘县")
    assert "wording.terms" in found("沈邱县人民政府。", folder=tmp_path)
    add_exception(tmp_path, "法制副校长")
    assert found("聘请法制副校长。", folder=tmp_path) == []
    assert found("聘请法制副校长。") != []
    disable_entry(tmp_path, "截止目前")
    assert found("截止目前，已完成。", folder=tmp_path) == []
    data = json.loads((tmp_path / "wording" / "user.json").read_text(encoding="utf-8"))
    assert data["format"] == "fzdesk-wording"
    with pytest.raises(ValueError):
        add_term(tmp_path, "", "沈丘县")


def test_broken_user_file_is_reported_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "wording").mkdir()
    (tmp_path / "wording" / "bad.json").write_text("[", encoding="utf-8")
    wording = load_wording(tmp_path)
    assert wording.problems and "bad.json" in wording.problems[0]
    assert wording.entries


def test_trie_regex_prefers_the_longest_word() -> None:
    import re

    pattern = re.compile(trie_regex(["法制", "法制政府", "法治", "依法制国", "a.b"]))
    assert [m.group() for m in pattern.finditer("法制政府与法制、依法制国，a.b axb")] == [
        "法制政府", "法制", "依法制国", "a.b"]
