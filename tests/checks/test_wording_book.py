"""The unit's wording dictionary behind 工具 → 本单位用语词典…: each class's entries, checked before they are saved,
saved atomically in <data>/wording/user.json, and a broken user.json reported, never written over."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from fzdesk.checks.wording import UserFileError, add_exception, load_wording, read_user, write_user
from fzdesk.checks.wording_book import CLASSES, Section, WordingBook, check_pair, shipped_items, split_pair
from fzdesk.patience import RETRY_PAUSES
from tests.checks.test_wording import found
from tests.test_patience import held, pretend_windows


def section(class_key: str, list_key: str | None = None) -> Section:
    cls = next(c for c in CLASSES if c.key == class_key)
    return next(s for s in cls.sections if list_key is None or s.key == list_key)


def user_json(folder: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((folder / "wording" / "user.json").read_text(encoding="utf-8"))
    return data


def test_the_ten_classes_of_wording_md_and_the_exceptions_are_listed() -> None:
    assert [c.key for c in CLASSES] == ["fazhi", "slogans", "terms", "documents", "quantities", "official",
                                        "mechanics", "numbering", "years", "structure", "exceptions"]
    assert all(c.name and c.explanation and c.sections for c in CLASSES)
    assert "法制政府 → 法治政府" in shipped_items(section("fazhi"))
    assert "近" in shipped_items(section("quantities", "near"))
    assert "APP" in shipped_items(section("mechanics"))
    assert "法制审核（“法制”不提示）" in shipped_items(section("exceptions"))
    assert "特此报告" in shipped_items(section("structure", "closing"))
    assert shipped_items(section("terms")) and all("→" in t for t in shipped_items(section("terms")))


def test_a_pair_added_to_a_class_is_checked_as_that_class(tmp_path: Path) -> None:
    book = WordingBook(tmp_path)
    assert book.add(section("official"), " 法治带头人 ", "推进法治建设第一责任人") == \
        "已添加“法治带头人”应为“推进法治建设第一责任人”。"
    assert user_json(tmp_path)["entries"] == [
        {"wrong": "法治带头人", "right": "推进法治建设第一责任人", "class": "official"}]
    assert [i.text for i in book.user_items(section("official"))] == ["法治带头人 → 推进法治建设第一责任人"]
    assert book.user_items(section("terms")) == []
    assert found("落实法治带头人职责。", folder=tmp_path) == ["wording.official"]
    # entries without a class (written by add_term before) stay 错别字
    assert load_wording(tmp_path).entries["法治带头人"].cls == "official"


def test_a_fix_that_contains_the_wrong_form_is_not_found_again(tmp_path: Path) -> None:
    WordingBook(tmp_path).add(section("terms"), "法治副校长", "校园法治副校长")
    entry = user_json(tmp_path)["entries"][0]  # type: ignore[index]
    assert entry["exceptions"] == ["校园法治副校长"]
    assert found("聘请法治副校长。", folder=tmp_path) == ["wording.terms"]
    assert found("聘请校园法治副校长。", folder=tmp_path) == []


@pytest.mark.parametrize(("wrong", "right", "says"), [
    ("", "沈丘县", "请填写错误写法"),
    ("沈邱县", "  ", "请填写正确写法"),
    ("沈丘县", "沈丘县", "相同"),
    ("帐", "账", "只有一个字"),
    ("12", "十二", "标点、数字或字母"),
    ("法治政府", "法制政府", "是词典里的正确写法"),
    ("截止目前", "截至目前", "内置的“错别字”里已有"),
    ("沈邱县→沈丘县", "沈丘县", "分别填在两栏"),
])
def test_bad_pairs_are_refused_with_what_to_do(tmp_path: Path, wrong: str, right: str, says: str) -> None:
    book = WordingBook(tmp_path)
    with pytest.raises(ValueError, match=says):
        book.add(section("terms"), wrong, right)
    assert not (tmp_path / "wording" / "user.json").exists()


def test_a_pair_typed_in_one_field_is_split() -> None:
    assert split_pair("沈邱县→沈丘县") == ("沈邱县", "沈丘县")
    assert split_pair("沈邱县->沈丘县") == ("沈邱县", "沈丘县")
    assert split_pair("沈邱县") is None
    assert check_pair({}, "terms", "沈邱县 = 沈丘县", "") == ("沈邱县", "沈丘县")
    with pytest.raises(ValueError, match="请填写正确写法"):
        check_pair({}, "terms", "沈邱县→", "")


def test_duplicates_and_changes(tmp_path: Path) -> None:
    book = WordingBook(tmp_path)
    book.add(section("terms"), "沈邱县", "沈丘县")
    with pytest.raises(ValueError, match="已添加过“沈邱县”→“沈丘县”（在“错别字”里）"):
        book.add(section("fazhi"), "沈邱县", "沈丘")
    assert book.replace(section("terms"), "沈邱县", "沈邱县", "沈丘县人民政府") == \
        "已修改为“沈邱县”应为“沈丘县人民政府”。"
    assert [i.text for i in book.user_items(section("terms"))] == ["沈邱县 → 沈丘县人民政府"]
    book.replace(section("terms"), "沈邱县", "沈邱", "沈丘")
    assert [e["wrong"] for e in user_json(tmp_path)["entries"]] == ["沈邱"]  # type: ignore[union-attr]
    assert book.remove(section("terms"), "沈邱") == "已删除“沈邱”。"
    assert user_json(tmp_path)["entries"] == []
    # a failed change leaves the old entry in place
    book.add(section("terms"), "沈邱县", "沈丘县")
    with pytest.raises(ValueError):
        book.replace(section("terms"), "沈邱县", "沈邱县", "")
    assert [e["wrong"] for e in user_json(tmp_path)["entries"]] == ["沈邱县"]  # type: ignore[union-attr]


def test_list_words_latin_words_and_exceptions(tmp_path: Path) -> None:
    book = WordingBook(tmp_path)
    book.add(section("structure", "causes"), "症结")
    book.add(section("mechanics"), "NFC")
    book.add(section("exceptions"), "法制副校长")
    data = user_json(tmp_path)
    assert data["lists"] == {"causes": ["症结"]}
    assert data["latin_allowed"] == ["NFC"] and data["exceptions"] == ["法制副校长"]
    wording = load_wording(tmp_path)
    assert "症结" in wording.words("causes") and "NFC" in wording.latin_allowed
    assert found("聘请法制副校长。", folder=tmp_path) == []
    assert [i.text for i in book.user_items(section("structure", "causes"))] == ["症结"]
    assert book.user_items(section("structure", "future")) == []
    book.remove(section("structure", "causes"), "症结")
    assert "lists" not in user_json(tmp_path)


@pytest.mark.parametrize(("where", "word", "says"), [
    (("structure", "causes"), " ", "请填写词语"),
    (("structure", "causes"), "原因", "内置词表里已有"),
    (("structure", "causes"), "的", "几乎每段文字都有"),
    (("structure", "requests"), "请", "只有一个字"),
    (("years", "current_after"), "年", "几乎每段文字都有"),
    (("mechanics", None), "中文", "不是英文词"),
    (("mechanics", None), "APP", "内置词表里已有"),
    (("exceptions", None), "法", "至少要有两个字"),
    (("exceptions", None), "依法行政", "没有任何会被提示的写法"),
    (("exceptions", None), "法制审核", "内置词表里已有"),
])
def test_bad_words_are_refused(tmp_path: Path, where: tuple[str, str | None], word: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        WordingBook(tmp_path).add(section(*where), word)
    assert not (tmp_path / "wording" / "user.json").exists()


def test_one_character_words_stay_allowed_where_the_shipped_lists_have_them(tmp_path: Path) -> None:
    book = WordingBook(tmp_path)
    book.add(section("quantities", "near"), "约")
    with pytest.raises(ValueError, match="已经添加过"):
        book.add(section("quantities", "near"), "约")
    assert user_json(tmp_path)["lists"] == {"near": ["约"]}


def test_a_broken_user_file_is_reported_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "wording" / "user.json"
    path.parent.mkdir()
    path.write_text('{"format": "fzdesk-wording", "entries": [', encoding="utf-8")
    book = WordingBook(tmp_path)
    assert "无法读取：第1行" in book.problem
    with pytest.raises(ValueError, match="现在不能修改"):
        book.add(section("terms"), "沈邱县", "沈丘县")
    with pytest.raises(UserFileError):
        add_exception(tmp_path, "法制副校长")
    assert path.read_text(encoding="utf-8") == '{"format": "fzdesk-wording", "entries": ['
    kept = book.set_broken_file_aside()
    assert kept.name.startswith("user.json.损坏-") and kept.read_text(encoding="utf-8").endswith("[")
    assert book.problem == "" and load_wording(tmp_path).problems == []  # the kept copy is not read as a dictionary
    book.add(section("terms"), "沈邱县", "沈丘县")
    assert user_json(tmp_path)["entries"] == [{"wrong": "沈邱县", "right": "沈丘县", "class": "terms"}]


@pytest.mark.parametrize("text", ['[1]', '{"format": "other"}', '{"format": "fzdesk-wording", "entries": [1]}',
                                  '{"format": "fzdesk-wording", "lists": {"near": "近"}}'])
def test_a_user_file_of_the_wrong_shape_is_reported(tmp_path: Path, text: str) -> None:
    (tmp_path / "wording").mkdir()
    (tmp_path / "wording" / "user.json").write_text(text, encoding="utf-8")
    with pytest.raises(UserFileError, match="无法读取"):
        read_user(tmp_path)


def test_a_file_broken_while_the_dictionary_is_open_is_not_written_over(tmp_path: Path) -> None:
    book = WordingBook(tmp_path)
    book.add(section("terms"), "沈邱县", "沈丘县")
    path = tmp_path / "wording" / "user.json"
    path.write_text("{oops", encoding="utf-8")
    with pytest.raises(ValueError, match="没有保存"):
        book.add(section("terms"), "郑洲", "郑州")
    assert path.read_text(encoding="utf-8") == "{oops" and book.problem


def test_a_file_changed_elsewhere_is_read_again_before_a_change(tmp_path: Path) -> None:
    book = WordingBook(tmp_path)
    book.add(section("terms"), "沈邱县", "沈丘县")
    add_exception(tmp_path, "法制副校长")  # 这不是错误 from a finding, while the dialog is open
    with pytest.raises(ValueError, match="已重新读取"):
        book.add(section("terms"), "郑洲", "郑州")
    book.add(section("terms"), "郑洲", "郑州")
    data = user_json(tmp_path)
    assert data["exceptions"] == ["法制副校长"] and len(data["entries"]) == 2  # type: ignore[arg-type]


def test_writing_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = WordingBook(tmp_path)
    book.add(section("terms"), "沈邱县", "沈丘县")
    before = (tmp_path / "wording" / "user.json").read_bytes()

    def fail(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_user(tmp_path, {"format": "fzdesk-wording", "entries": []})
    assert (tmp_path / "wording" / "user.json").read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "wording").iterdir()) == ["user.json"]



def test_a_user_file_an_antivirus_holds_for_a_moment_is_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    pretend_windows(monkeypatch)
    book = WordingBook(tmp_path)
    real = os.replace
    tries = []

    def scanned(src: os.PathLike[str], dst: os.PathLike[str]) -> None:
        tries.append(dst)
        if len(tries) <= 2:
            raise held(32)
        real(src, dst)

    monkeypatch.setattr(os, "replace", scanned)
    book.add(section("terms"), "沈邱县", "沈丘县")
    assert len(tries) == 3
    assert user_json(tmp_path)["entries"] == [{"wrong": "沈邱县", "right": "沈丘县", "class": "terms"}]
    assert sorted(p.name for p in (tmp_path / "wording").iterdir()) == ["user.json"]


def test_a_user_file_held_for_good_is_left_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pauses = pretend_windows(monkeypatch)
    book = WordingBook(tmp_path)
    book.add(section("terms"), "沈邱县", "沈丘县")
    before = (tmp_path / "wording" / "user.json").read_bytes()
    monkeypatch.setattr(os, "replace", lambda src, dst: (_ for _ in ()).throw(held(32)))
    with pytest.raises(PermissionError):
        book.add(section("terms"), "槐店回族镇政府", "槐店回族镇人民政府")
    assert len(pauses) == len(RETRY_PAUSES)
    assert (tmp_path / "wording" / "user.json").read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "wording").iterdir()) == ["user.json"]
