"""A shipped wording entry switched off for one unit (工具 → 本单位用语词典…): stored in its user.json, listed as
程序自带 and 已停用, and no longer reported by the full check nor by the paragraph re-check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fzdesk.checks import check_paragraph, check_report
from fzdesk.checks.wording import UserFileError, load_wording, read_user
from fzdesk.checks.wording_book import OFF_LABEL, WordingBook
from fzdesk.domain.model import Block
from tests.checks.helpers import catalogue, rules
from tests.checks.test_engine import clean_report
from tests.checks.test_wording import found
from tests.checks.test_wording_book import section, user_json


def shipped_texts(book: WordingBook, class_key: str) -> list[str]:
    return [i.text for i in book.shipped_entries(section(class_key))]


def test_a_shipped_entry_is_switched_off_and_on_again(tmp_path: Path) -> None:
    book = WordingBook(tmp_path)
    assert found("截止目前，已完成。", folder=tmp_path) == ["wording.terms"]
    assert book.switch_off(section("terms"), "截止目前") == \
        "已停用程序自带的“截止目前”→“截至目前”，本单位的报告不再提示它。"
    assert user_json(tmp_path)["entries"] == [{"wrong": "截止目前", "disabled": True}]
    assert f"截止目前 → 截至目前{OFF_LABEL}" in shipped_texts(book, "terms")
    entry = next(i for i in book.shipped_entries(section("terms")) if i.key == "截止目前")
    assert entry.switchable and entry.off
    assert book.user_items(section("terms")) == []  # listed once: among the shipped entries
    assert found("截止目前，已完成。", folder=tmp_path) == []
    assert found("扛实主题责任。", folder=tmp_path) == ["wording.terms"]  # the other entries stay
    assert found("截止目前，已完成。") == ["wording.terms"]  # other units (no data folder) are not touched
    # the book read anew (the dialog opened again) sees it off
    assert next(i for i in WordingBook(tmp_path).shipped_entries(section("terms")) if i.key == "截止目前").off
    assert book.switch_on(section("terms"), "截止目前") == "已重新启用程序自带的“截止目前”→“截至目前”。"
    assert user_json(tmp_path)["entries"] == []
    assert "截止目前 → 截至目前" in shipped_texts(book, "terms")
    assert found("截止目前，已完成。", folder=tmp_path) == ["wording.terms"]


def test_switching_keeps_the_units_other_entries(tmp_path: Path) -> None:
    book = WordingBook(tmp_path)
    book.add(section("terms"), "沈邱县", "沈丘县")
    book.add(section("exceptions"), "法制副校长")
    book.switch_off(section("fazhi"), "法制政府")
    book.switch_on(section("fazhi"), "法制政府")
    book.switch_off(section("fazhi"), "法制政府")
    data = user_json(tmp_path)
    assert data["entries"] == [{"wrong": "沈邱县", "right": "沈丘县", "class": "terms"},
                               {"wrong": "法制政府", "disabled": True}]
    assert data["exceptions"] == ["法制副校长"] and data["version"] == 1


@pytest.mark.parametrize(("cls", "wrong", "says"), [
    ("fazhi", "截止目前", "不是“法制与法治”里程序自带的词条"),  # shipped, but in another class
    ("terms", "沈邱县", "不是“错别字”里程序自带的词条"),
])
def test_only_shipped_entries_of_the_class_can_be_switched(tmp_path: Path, cls: str, wrong: str, says: str) -> None:
    book = WordingBook(tmp_path)
    with pytest.raises(ValueError, match=says):
        book.switch_off(section(cls), wrong)
    with pytest.raises(ValueError, match=says):
        book.switch_on(section(cls), wrong)
    assert not (tmp_path / "wording" / "user.json").exists()


def test_switching_twice_says_so_and_writes_nothing(tmp_path: Path) -> None:
    book = WordingBook(tmp_path)
    with pytest.raises(ValueError, match="本来就在使用中"):
        book.switch_on(section("terms"), "截止目前")
    assert not (tmp_path / "wording" / "user.json").exists()
    book.switch_off(section("terms"), "截止目前")
    before = (tmp_path / "wording" / "user.json").read_bytes()
    with pytest.raises(ValueError, match="已经停用了"):
        book.switch_off(section("terms"), "截止目前")
    assert (tmp_path / "wording" / "user.json").read_bytes() == before
    # adding the switched-off wrong form as the unit's own entry says where to switch it on
    with pytest.raises(ValueError, match="重新启用选中的"):
        book.add(section("terms"), "截止目前", "截至目前")


def test_an_old_user_file_without_switched_off_entries_loads_and_is_kept(tmp_path: Path) -> None:
    old = {"format": "fzdesk-wording", "version": 1, "class": "terms", "title": "本单位添加的用语",
           "severity": "warning", "message": "“{wrong}”疑为“{right}”之误。",
           "entries": [{"wrong": "沈邱县", "right": "沈丘县", "severity": "warning"}]}  # written by add_term
    path = tmp_path / "wording" / "user.json"
    path.parent.mkdir()
    path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    book = WordingBook(tmp_path)
    assert book.problem == "" and not any(i.off for i in book.shipped_entries(section("terms")))
    book.switch_off(section("terms"), "截止目前")
    assert user_json(tmp_path)["entries"] == [*old["entries"], {"wrong": "截止目前", "disabled": True}]
    assert found("沈邱县人民政府截止目前已完成。", folder=tmp_path) == ["wording.terms"]


@pytest.mark.parametrize("text", [
    '{"format": "fzdesk-wording", "entries": [{"wrong": "截止目前", "disabled": "yes"}]}',
    '{"format": "fzdesk-wording", "entries": [{"wrong": "截止目前", "disabled": true}',
])
def test_a_broken_file_is_reported_and_nothing_is_switched(tmp_path: Path, text: str) -> None:
    path = tmp_path / "wording" / "user.json"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserFileError, match="无法读取"):
        read_user(tmp_path)
    book = WordingBook(tmp_path)
    assert "无法读取" in book.problem
    with pytest.raises(ValueError, match="现在不能修改"):
        book.switch_off(section("terms"), "截止目前")
    with pytest.raises(ValueError, match="现在不能修改"):
        book.switch_on(section("terms"), "截止目前")
    assert path.read_text(encoding="utf-8") == text


def test_the_engine_honours_it_in_the_full_check_and_the_paragraph_recheck(tmp_path: Path) -> None:
    report, unit = clean_report()
    measures = report.section(Block.MEASURES)
    assert measures is not None
    measures.items[0].paragraphs = ["截止目前，已完成年度任务。"]

    def rules_found() -> tuple[list[str], list[str]]:
        wording = load_wording(tmp_path)
        full = [f.rule for f in check_report(report, unit, catalogue(), rules(), wording).findings
                if f.rule.startswith("wording.")]
        para = [f.rule for f in check_paragraph(report, catalogue(), wording, Block.MEASURES, 0, 0)
                if f.rule.startswith("wording.")]
        return full, para

    assert rules_found() == (["wording.terms"], ["wording.terms"])
    WordingBook(tmp_path).switch_off(section("terms"), "截止目前")
    assert rules_found() == ([], [])
    WordingBook(tmp_path).switch_on(section("terms"), "截止目前")
    assert rules_found() == (["wording.terms"], ["wording.terms"])
