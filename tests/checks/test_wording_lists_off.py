"""A shipped word of a pattern check's list (含糊的数量 near/over, 报告结构 …) switched off for one unit
(工具 → 本单位用语词典…): stored as "lists_disabled" in its user.json, taken out of the merged list, refused
for what is not a shipped plain word of that list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fzdesk.checks import check_paragraph, check_report
from fzdesk.checks.wording import UserFileError, load_wording, read_user, shipped_wording
from fzdesk.checks.wording_book import OFF_LABEL, Section, WordingBook
from fzdesk.domain.model import Block
from tests.checks.helpers import catalogue, rules
from tests.checks.test_engine import clean_report
from tests.checks.test_wording import found
from tests.checks.test_wording_book import section, user_json

NEAR = section("quantities", "near")
TEXT = "召开专题会议近十余次。"


def write_user_file(folder: Path, data: object) -> Path:
    path = folder / "wording" / "user.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_shipped_list_word_is_switched_off_and_on_again(tmp_path: Path) -> None:
    book = WordingBook(tmp_path)
    assert found(TEXT, folder=tmp_path) == ["wording.near_over"]
    entry = next(i for i in book.shipped_entries(NEAR) if i.key == "近")
    assert entry.switchable and not entry.off and entry.text == "近"
    assert book.switch_off(NEAR, "近") == \
        "已停用程序自带的词语“近”（表示“不到”的约数说法），本单位的报告不再按它提示。"
    data = user_json(tmp_path)
    assert data["lists_disabled"] == {"near": ["近"]} and "lists" not in data and data["entries"] == []
    entry = next(i for i in book.shipped_entries(NEAR) if i.key == "近")
    assert entry.off and entry.text == "近" + OFF_LABEL
    assert book.user_items(NEAR) == []  # listed once: among the shipped words
    assert found(TEXT, folder=tmp_path) == []
    assert found("召开专题会议将近十余次。", folder=tmp_path) == ["wording.near_over"]  # the other words stay
    assert found(TEXT) == ["wording.near_over"]  # no data folder: the shipped words
    assert next(i for i in WordingBook(tmp_path).shipped_entries(NEAR) if i.key == "近").off  # read anew
    assert book.switch_on(NEAR, "近") == "已重新启用程序自带的词语“近”（表示“不到”的约数说法）。"
    assert "lists_disabled" not in user_json(tmp_path)
    assert found(TEXT, folder=tmp_path) == ["wording.near_over"]


def test_the_merge_takes_the_words_out_for_that_units_folder_only(tmp_path: Path) -> None:
    mine, other = tmp_path / "mine", tmp_path / "other"
    write_user_file(mine, {"format": "fzdesk-wording", "lists_disabled": {"near": ["近"], "causes": ["究其原因"]}})
    write_user_file(other, {"format": "fzdesk-wording", "lists": {"near": ["约"]}})
    wording = load_wording(mine)
    assert wording.problems == []
    assert "近" not in wording.words("near") and "将近" in wording.words("near")
    assert "究其原因" not in wording.words("causes") and wording.words("causes")
    assert not wording.regex("near").fullmatch("近") and wording.regex("near").fullmatch("将近")
    assert "受.{1,12}影响" in wording.alternation("causes")  # the list's patterns are not touched
    # another unit and the shipped dictionaries keep the word
    assert {"近", "约"} <= set(load_wording(other).words("near"))
    assert "近" in load_wording().words("near") and "近" in shipped_wording().words("near")
    assert load_wording(mine).words("near") == wording.words("near")  # loading again gives the same


def test_switching_keeps_the_units_other_entries_and_lists(tmp_path: Path) -> None:
    book = WordingBook(tmp_path)
    book.add(NEAR, "约")
    book.add(section("terms"), "沈邱县", "沈丘县")
    book.switch_off(section("terms"), "截止目前")
    book.switch_off(NEAR, "近")
    book.switch_off(NEAR, "接近")
    # a closing word is not itself reported: switching it off says so without "不再按它提示"
    assert book.switch_off(section("structure", "closing"), "特此报告") == \
        "已停用程序自带的词语“特此报告”（报告结尾的结束语，没有时提醒），本单位的报告检查时不再认这个词。"
    book.switch_on(NEAR, "近")
    data = user_json(tmp_path)
    assert data["lists"] == {"near": ["约"]}
    assert data["lists_disabled"] == {"near": ["接近"], "closing": ["特此报告"]}
    assert data["entries"] == [{"wrong": "沈邱县", "right": "沈丘县", "class": "terms"},
                               {"wrong": "截止目前", "disabled": True}]
    words = load_wording(tmp_path).words("near")
    assert "约" in words and "接近" not in words and "近" in words


@pytest.mark.parametrize(("sect", "word", "says"), [
    (NEAR, "余", "不是这个词表（表示“不到”的约数说法）里程序自带的词语"),  # shipped, but in the other list
    (NEAR, "大约", "不是这个词表"),  # nowhere
    (section("structure", "causes"), "受.{1,12}影响", "不是这个词表"),  # a pattern (regular expression)
    (section("exceptions"), "法制审核", "不是“不算错误的词语（例外）”里程序自带的词条"),  # a shipped exception
    (section("mechanics"), "APP", "不是“复制粘贴的痕迹”里程序自带的词条"),
])
def test_only_plain_shipped_words_of_the_list_can_be_switched(tmp_path: Path, sect: Section, word: str,
                                                              says: str) -> None:
    book = WordingBook(tmp_path)
    with pytest.raises(ValueError, match=says):
        book.switch_off(sect, word)
    with pytest.raises(ValueError, match=says):
        book.switch_on(sect, word)
    assert not (tmp_path / "wording" / "user.json").exists()


def test_the_units_own_word_is_deleted_not_switched_off(tmp_path: Path) -> None:
    book = WordingBook(tmp_path)
    book.add(NEAR, "约")
    before = (tmp_path / "wording" / "user.json").read_bytes()
    with pytest.raises(ValueError, match=r"本单位自己添加的词语，不必停用.*删除选中的"):
        book.switch_off(NEAR, "约")
    assert (tmp_path / "wording" / "user.json").read_bytes() == before
    assert not any(i.switchable and i.key == "约" for i in book.shipped_entries(NEAR))


def test_switching_twice_says_so_and_writes_nothing(tmp_path: Path) -> None:
    book = WordingBook(tmp_path)
    with pytest.raises(ValueError, match="程序自带的词语“近”（表示“不到”的约数说法）本来就在使用中"):
        book.switch_on(NEAR, "近")
    assert not (tmp_path / "wording" / "user.json").exists()
    book.switch_off(NEAR, "近")
    before = (tmp_path / "wording" / "user.json").read_bytes()
    with pytest.raises(ValueError, match="本单位已经停用了"):
        book.switch_off(NEAR, "近")
    assert (tmp_path / "wording" / "user.json").read_bytes() == before
    # adding the switched-off word as the unit's own says where to switch it on
    with pytest.raises(ValueError, match=r"本单位已停用程序自带的词语“近”.*重新启用选中的"):
        book.add(NEAR, "近")
    assert (tmp_path / "wording" / "user.json").read_bytes() == before


@pytest.mark.parametrize("lists_disabled", [["近"], {"near": "近"}, {"near": [1]}])
def test_a_badly_shaped_lists_disabled_is_reported_and_nothing_is_switched(tmp_path: Path,
                                                                           lists_disabled: object) -> None:
    path = write_user_file(tmp_path, {"format": "fzdesk-wording", "lists_disabled": lists_disabled})
    text = path.read_text(encoding="utf-8")
    with pytest.raises(UserFileError, match="无法读取：lists_disabled 应为“词表名: 停用的词语列表”"):
        read_user(tmp_path)
    book = WordingBook(tmp_path)
    assert "lists_disabled 应为" in book.problem
    for change in (book.switch_off, book.switch_on):
        with pytest.raises(ValueError, match="现在不能修改"):
            change(NEAR, "近")
    assert path.read_text(encoding="utf-8") == text
    # the checks say the file cannot be read and keep the shipped words
    wording = load_wording(tmp_path)
    assert any("lists_disabled" in p for p in wording.problems) and "近" in wording.words("near")


def test_an_old_user_file_without_lists_disabled_loads_and_is_kept(tmp_path: Path) -> None:
    old = {"format": "fzdesk-wording", "version": 1, "class": "terms", "entries": [], "exceptions": [],
           "lists": {"causes": ["症结"]}}
    write_user_file(tmp_path, old)
    book = WordingBook(tmp_path)
    assert book.problem == "" and not any(i.off for i in book.shipped_entries(NEAR))
    book.switch_off(NEAR, "近")
    assert user_json(tmp_path) == {**old, "lists_disabled": {"near": ["近"]}}


def test_the_engine_honours_it_in_the_full_check_and_the_paragraph_recheck(tmp_path: Path) -> None:
    report, unit = clean_report()
    measures = report.section(Block.MEASURES)
    assert measures is not None
    measures.items[0].paragraphs = [TEXT]

    def rules_found() -> tuple[list[str], list[str]]:
        wording = load_wording(tmp_path)
        full = [f.rule for f in check_report(report, unit, catalogue(), rules(), wording).findings
                if f.rule == "wording.near_over"]
        para = [f.rule for f in check_paragraph(report, catalogue(), wording, Block.MEASURES, 0, 0)
                if f.rule == "wording.near_over"]
        return full, para

    assert rules_found() == (["wording.near_over"], ["wording.near_over"])
    WordingBook(tmp_path).switch_off(NEAR, "近")
    assert rules_found() == ([], [])
    WordingBook(tmp_path).switch_on(NEAR, "近")
    assert rules_found() == (["wording.near_over"], ["wording.near_over"])
