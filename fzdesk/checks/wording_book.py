"""The unit's wording dictionary as 工具 → 本单位用语词典… shows it: the ten wording classes, what ships with the
program (read-only, but a unit may switch entries and list words off) and what the unit added in
<data>/wording/user.json (add, change, remove, each saved at once)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from fzdesk.checks.wording import LIST_TITLES, USER_FILE, UserFileError, read_user, write_user
from fzdesk.paths import resource


@dataclass(frozen=True)
class Section:
    """One editable list of a class: wrong→right pairs, a word list of a pattern check, Latin words, exceptions."""

    kind: str  # "pairs", "list", "latin" or "exceptions"
    key: str  # the class (pairs), the list's name (list), "latin_allowed", "exceptions"
    title: str


@dataclass(frozen=True)
class WordingClass:
    key: str
    name: str
    explanation: str
    sections: tuple[Section, ...]


def _pairs(key: str) -> tuple[Section, ...]:
    return (Section("pairs", key, "错误写法 → 正确写法"),)


def _lists(*names: str) -> tuple[Section, ...]:
    return tuple(Section("list", n, LIST_TITLES[n]) for n in names)


#: The ten classes of wording.md, in its order, then the unit's exceptions (phrases that are never an error).
CLASSES: tuple[WordingClass, ...] = (
    WordingClass("fazhi", "法制与法治", "“法治政府”“法治建设”等说法误写成“法制”；法制审核、法制机构等才用“法制”。",
                 _pairs("fazhi")),
    WordingClass("slogans", "固定提法", "“谁执法谁普法”“放管服”“三重一大”“枫桥经验”等提法写错字或颠倒了顺序。",
                 _pairs("slogans")),
    WordingClass("terms", "错别字", "固定词语里常见的错别字，如“主题责任”应为“主体责任”，“截止目前”应为“截至目前”。",
                 _pairs("terms")),
    WordingClass("documents", "过期文件和旧名称", "已经到期的规划、纲要仍当作现行文件引用，或沿用改过的名称"
                 "（如“全国法制宣传日”已改为“国家宪法日”）。", _pairs("documents")),
    WordingClass("quantities", "含糊的数量", "“近十余次”这样“近”和“余”同用、自相矛盾的约数。",
                 _lists("near", "over")),
    WordingClass("official", "正式用语", "应写“推进法治建设第一责任人”等正式说法，其他写法提醒。",
                 _pairs("official")),
    WordingClass("mechanics", "复制粘贴的痕迹", "中文句子里夹着英文、半角标点或空格；这里列出可以夹在中文里的英文词"
                 "（如APP、PDF）。", (Section("latin", "latin_allowed", "可以夹在中文里的英文词"),)),
    WordingClass("numbering", "序号和列举", "“三个方面”“九个一”这类先说条数再逐项列举的写法，条数对不上时提醒。",
                 _lists("count_measures", "announced_nouns")),
    WordingClass("years", "年份", "沿用旧报告文字时留下的往年年份（如今年的报告开头写“2023年，……”）；"
                 "“较2022年”“2021年以来”这类比较和回顾里的往年年份是对的。",
                 _lists("compare_before", "current_after", "lookback_after", "lookback_words")),
    WordingClass("structure", "报告结构", "“存在的不足”要讲原因，“下一年度安排”要讲今后，不夹带请示用语，"
                 "沿用去年的成效要更新，结尾要有结束语。",
                 _lists("causes", "future", "requests", "results", "closing")),
    WordingClass("exceptions", "不算错误的词语（例外）", "出现在这些词语里的写法不再提示，例如“法制审核”里的“法制”。",
                 (Section("exceptions", "exceptions", "不算错误的词语"),)),
)

CLASS_NAMES = {c.key: c.name for c in CLASSES}

#: Lists whose words make a finding appear: a word of one character would be found in nearly every report.
TRIGGER_LISTS = frozenset({"requests", "results", "current_after"})
#: Characters found in every paragraph of every report: never a word of a list on their own.
COMMON_CHARACTERS = frozenset("的了是在和与及等我有一不为对中上下年月日人这其")
#: Lists whose words themselves are reported (a contradictory quantity, a request, a result to update …):
#: switching one of their words off means fewer findings. The other lists name what is looked for or excused.
PROMPTING_LISTS = frozenset({"near", "over", "requests", "results", "current_after"})
PAIR_SEPARATORS = ("→", "->", "=>", "—>", "＝", "=", "＞", ">")


@dataclass(frozen=True)
class UserItem:
    """One of the unit's own entries as listed: the text shown and the key that names it in user.json."""

    text: str
    key: str
    wrong: str = ""
    right: str = ""
    disabled: bool = False


@dataclass(frozen=True)
class ShippedItem:
    """One shipped entry as listed: its text, the wrong form that names it, and whether this unit switched it off."""

    text: str
    key: str
    switchable: bool = False  # wrong→right entries and plain list words can be switched off for a unit
    off: bool = False


OFF_LABEL = "（程序自带，本单位已停用）"


@cache
def _shipped_files() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(p.read_text(encoding="utf-8")) for p in sorted(resource("wording").glob("*.json")))


def shipped_items(section: Section) -> list[str]:
    """What ships for the section, as listed (greyed) in the dialog."""
    files = _shipped_files()
    if section.kind == "pairs":
        return [f"{e['wrong']} → {e.get('right', '')}" for d in files if d.get("class") == section.key
                for e in d.get("entries", ())]
    if section.kind == "list":
        return [w for d in files for w in d.get("lists", {}).get(section.key, ())]
    if section.kind == "latin":
        return [w for d in files for w in d.get("latin_allowed", ())]
    return [f"{x}（“{e['wrong']}”不提示）" for d in files for e in d.get("entries", ())
            for x in e.get("exceptions", ())]


def _shipped_pairs() -> dict[str, tuple[str, str]]:
    """wrong -> (right, class) of every shipped entry."""
    return {e["wrong"]: (e.get("right", ""), d.get("class", "terms")) for d in _shipped_files()
            for e in d.get("entries", ())}


def _shipped_words(section: Section) -> set[str]:
    if section.kind == "exceptions":
        return {x for d in _shipped_files() for e in d.get("entries", ()) for x in e.get("exceptions", ())}
    return set(shipped_items(section))


def list_purpose(name: str) -> str:
    """What a list is for, without its examples: "表示“不到”的约数说法"."""
    return re.sub(r"（[^）]*）$", "", re.sub(r"（如[^）]*）", "", LIST_TITLES.get(name, name)))


def broken_name(now: datetime | None = None) -> str:
    """The name a broken user.json is kept under (not *.json: the checks do not read it again)."""
    return f"{USER_FILE}.损坏-{(now or datetime.now()).strftime('%Y%m%d-%H%M%S')}"


class WordingBook:
    """The unit's user.json, read once and written again after each change. A file that cannot be read is
    reported (problem) and never written over: the book refuses changes until the clerk sets it aside."""

    def __init__(self, data_folder: Path) -> None:
        self.folder = data_folder
        self.data: dict[str, Any] = {}
        self.problem = ""
        self.reload()

    @property
    def path(self) -> Path:
        return self.folder / "wording" / USER_FILE

    def reload(self) -> None:
        try:
            self.data, self.problem = read_user(self.folder), ""
        except UserFileError as exc:
            self.data, self.problem = {}, str(exc)

    def set_broken_file_aside(self) -> Path:
        """Renames the unreadable user.json (kept for the clerk to mend) so that the unit can start anew."""
        target = self.path.with_name(broken_name())
        self.path.replace(target)
        self.reload()
        return target

    # ----- what is listed ------------------------------------------------------------------------
    def user_items(self, section: Section) -> list[UserItem]:
        data = self.data
        if section.kind == "pairs":
            shipped = _shipped_pairs()
            items = []
            for e in data.get("entries", ()):
                if e.get("disabled"):
                    if e["wrong"] not in shipped:  # a shipped one is listed (as switched off) on the left
                        items.append(UserItem(f"（停用）{e['wrong']}", e["wrong"], e["wrong"], disabled=True))
                elif (e.get("class") or data.get("class") or "terms") == section.key:
                    items.append(UserItem(f"{e['wrong']} → {e.get('right', '')}", e["wrong"], e["wrong"],
                                          e.get("right", "")))
            return items
        return [UserItem(w, w, w) for w in self._words(data, section)]

    def switched_off(self) -> set[str]:
        """The wrong forms of the shipped entries this unit switched off."""
        return {e["wrong"] for e in self.data.get("entries", ()) if e.get("disabled")}

    def list_words_off(self, name: str) -> set[str]:
        """The shipped words of the list this unit switched off ("lists_disabled" in user.json)."""
        return set(self.data.get("lists_disabled", {}).get(name, ()))

    def shipped_entries(self, section: Section) -> list[ShippedItem]:
        """What ships for the section; wrong→right entries and list words can be switched off, and say so when
        they are. Latin words and exceptions cannot."""
        if section.kind == "list":
            off = self.list_words_off(section.key)
            return [ShippedItem(w + (OFF_LABEL if w in off else ""), w, True, w in off)
                    for w in dict.fromkeys(shipped_items(section))]
        if section.kind != "pairs":
            return [ShippedItem(text, text) for text in shipped_items(section)]
        off = self.switched_off()
        return [ShippedItem(f"{e['wrong']} → {e.get('right', '')}" + (OFF_LABEL if e["wrong"] in off else ""),
                            e["wrong"], True, e["wrong"] in off)
                for d in _shipped_files() if d.get("class") == section.key for e in d.get("entries", ())]

    @staticmethod
    def _words(data: dict[str, Any], section: Section) -> list[str]:
        if section.kind == "list":
            return list(data.get("lists", {}).get(section.key, ()))
        return list(data.get(section.key, ()))

    # ----- changes -------------------------------------------------------------------------------
    def add(self, section: Section, first: str, second: str = "") -> str:
        """Adds an entry and saves at once; returns what the status line says. ValueError: what is wrong."""
        return self._change(section, None, first, second)

    def replace(self, section: Section, key: str, first: str, second: str = "") -> str:
        """Changes the entry named key (its wrong form or word) into the new one, in one save."""
        return self._change(section, key, first, second)

    def remove(self, section: Section, key: str) -> str:
        data = self._editable()
        self._drop(data, section, key)
        self._save(data)
        return f"已删除“{key}”。"

    def switch_off(self, section: Section, wrong: str) -> str:
        """Switches a shipped entry off for this unit ({"wrong": …, "disabled": true} in user.json), or a shipped
        word of a list ({"lists_disabled": {"near": ["近"]}})."""
        if section.kind == "list":
            return self._switch_word(section, wrong, off=True)
        right = self._shipped_pair(section, wrong)
        data = self._editable()
        if wrong in self.switched_off():
            raise ValueError(f"程序自带的“{wrong}”→“{right}”本单位已经停用了。")
        data["entries"] = [e for e in data.get("entries", ()) if e["wrong"] != wrong]
        data["entries"].append({"wrong": wrong, "disabled": True})
        self._save(data)
        return f"已停用程序自带的“{wrong}”→“{right}”，本单位的报告不再提示它。"

    def switch_on(self, section: Section, wrong: str) -> str:
        """Uses a shipped entry (or list word) again that this unit had switched off."""
        if section.kind == "list":
            return self._switch_word(section, wrong, off=False)
        right = self._shipped_pair(section, wrong)
        data = self._editable()
        if wrong not in self.switched_off():
            raise ValueError(f"程序自带的“{wrong}”→“{right}”本来就在使用中。")
        data["entries"] = [e for e in data.get("entries", ()) if not (e["wrong"] == wrong and e.get("disabled"))]
        self._save(data)
        return f"已重新启用程序自带的“{wrong}”→“{right}”。"

    def _switch_word(self, section: Section, word: str, off: bool) -> str:
        name = section.key
        what = list_purpose(name)
        if word not in shipped_items(section):
            if word in self._words(self.data, section):
                raise ValueError(f"“{word}”是本单位自己添加的词语，不必停用：不要时请在“本单位添加”里选中它，"
                                 "点“删除选中的”。")
            raise ValueError(f"“{word}”不是这个词表（{what}）里程序自带的词语，不能停用或启用。")
        data = self._editable()
        words = self.list_words_off(name)
        if off and word in words:
            raise ValueError(f"程序自带的词语“{word}”（{what}）本单位已经停用了。")
        if not off and word not in words:
            raise ValueError(f"程序自带的词语“{word}”（{what}）本来就在使用中。")
        lists_off: dict[str, list[str]] = data.setdefault("lists_disabled", {})
        if off:
            lists_off.setdefault(name, []).append(word)
        else:
            lists_off[name] = [w for w in lists_off.get(name, ()) if w != word]
            if not lists_off[name]:
                del lists_off[name]
            if not lists_off:
                del data["lists_disabled"]
        self._save(data)
        if not off:
            return f"已重新启用程序自带的词语“{word}”（{what}）。"
        effect = "本单位的报告不再按它提示" if name in PROMPTING_LISTS else "本单位的报告检查时不再认这个词"
        return f"已停用程序自带的词语“{word}”（{what}），{effect}。"

    @staticmethod
    def _shipped_pair(section: Section, wrong: str) -> str:
        shipped = _shipped_pairs().get(wrong)
        if section.kind != "pairs" or shipped is None or shipped[1] != section.key:
            where = next((c.name for c in CLASSES if section in c.sections), section.title)
            raise ValueError(f"“{wrong}”不是“{where}”里程序自带的词条，"
                             "不能停用或启用。")
        return shipped[0]

    def _editable(self) -> dict[str, Any]:
        """A copy of the unit's data to change and then _save; ValueError while the file cannot be read."""
        if self.problem:
            raise ValueError(self.problem + "为免丢失其中的内容，现在不能修改。")
        copied: dict[str, Any] = json.loads(json.dumps(self.data))
        return copied

    @staticmethod
    def _drop(data: dict[str, Any], section: Section, key: str) -> None:
        if section.kind == "pairs":
            data["entries"] = [e for e in data.get("entries", ()) if e["wrong"] != key]
        elif section.kind == "list":
            words = data.setdefault("lists", {}).get(section.key, [])
            data["lists"][section.key] = [w for w in words if w != key]
            if not data["lists"][section.key]:
                del data["lists"][section.key]
            if not data["lists"]:
                del data["lists"]
        else:
            data[section.key] = [w for w in data.get(section.key, ()) if w != key]

    def _change(self, section: Section, old: str | None, first: str, second: str) -> str:
        data = self._editable()
        if old is not None:
            self._drop(data, section, old)
        if section.kind == "pairs":
            wrong, right = check_pair(data, section.key, first, second)
            entry: dict[str, Any] = {"wrong": wrong, "right": right, "class": section.key}
            if wrong in right:  # the fix itself contains the wrong form: without this it is found again
                entry["exceptions"] = [right]
            data.setdefault("entries", []).append(entry)
            done = f"“{wrong}”应为“{right}”"
        else:
            word = check_word(data, section, first)
            if section.kind == "list":
                data.setdefault("lists", {}).setdefault(section.key, []).append(word)
            else:
                data.setdefault(section.key, []).append(word)
            done = f"“{word}”"
        self._save(data)
        return ("已修改为" if old is not None else "已添加") + done + "。"

    def _save(self, data: dict[str, Any]) -> None:
        # the file may have been changed or broken meanwhile (another window, an editor): never write over that
        try:
            on_disk = read_user(self.folder)
        except UserFileError as exc:
            self.data, self.problem = {}, str(exc)
            raise ValueError(self.problem + "为免丢失其中的内容，没有保存。") from None
        if on_disk != self.data:
            self.data = on_disk
            raise ValueError("用语文件刚被别处修改过，已重新读取。请再做一次这项修改。")
        write_user(self.folder, data)
        self.data = data


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", text)


def split_pair(text: str) -> tuple[str, str] | None:
    """"沈邱县→沈丘县" typed into one field: the two halves (None when there is no arrow)."""
    for sep in PAIR_SEPARATORS:
        if sep in text:
            wrong, _, right = text.partition(sep)
            return wrong, right
    return None


def check_pair(data: dict[str, Any], cls: str, wrong: str, right: str) -> tuple[str, str]:
    """The cleaned pair, or ValueError with what is wrong with it and what to do."""
    wrong, right = _clean(wrong), _clean(right)
    if not right:
        halves = split_pair(wrong)
        if halves is not None:
            wrong, right = halves
    if any(sep in wrong or sep in right for sep in PAIR_SEPARATORS):
        raise ValueError("错误写法和正确写法请分别填在两栏里，不要用箭头或等号连在一起。")
    if not wrong:
        raise ValueError("请填写错误写法（报告里不该出现的写法）。")
    if not right:
        raise ValueError("请填写正确写法（检查时提供的改正）。")
    if wrong == right:
        raise ValueError("错误写法和正确写法相同，这样的词条没有意义。")
    if len(wrong) < 2:
        raise ValueError(f"错误写法“{wrong}”只有一个字，几乎每篇报告都会出现。请写成包含它的完整词语"
                         "（例如“帐目”→“账目”）。")
    if re.fullmatch(r"[\W\d_a-zA-Z]+", wrong):
        raise ValueError("错误写法只有标点、数字或字母，会在每篇报告里提示。请写成完整的中文词语。")
    rights = {r for r, _ in _shipped_pairs().values()} | {e.get("right", "") for e in data.get("entries", ())
                                                           if not e.get("disabled")}
    if wrong in rights:
        raise ValueError(f"“{wrong}”是词典里的正确写法，把它当作错误会在每篇报告里提示。")
    for e in data.get("entries", ()):
        if e["wrong"] == wrong:
            if e.get("disabled"):
                raise ValueError(f"本单位已停用程序自带的“{wrong}”。如要重新使用，请在“程序自带”里选中它，"
                                 "点“重新启用选中的”。")
            where = CLASS_NAMES.get(e.get("class") or "terms", "")
            raise ValueError(f"本单位已添加过“{wrong}”→“{e.get('right', '')}”（在“{where}”里）。"
                             "如要改正确写法，请选中它后点“修改”。")
    shipped = _shipped_pairs().get(wrong)
    if shipped is not None:
        raise ValueError(f"内置的“{CLASS_NAMES.get(shipped[1], shipped[1])}”里已有“{wrong}”→“{shipped[0]}”，"
                         "不必再添加。")
    return wrong, right


def check_word(data: dict[str, Any], section: Section, word: str) -> str:
    """The cleaned word of a list, a Latin word or an exception, or ValueError with what is wrong."""
    word = _clean(word)
    if not word:
        raise ValueError("请填写词语。")
    if section.kind == "latin":
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.\-]*", word):
            raise ValueError(f"“{word}”不是英文词。这里只填可以夹在中文里的英文缩写或单词，如“NFC”。")
    elif word in COMMON_CHARACTERS:
        raise ValueError(f"“{word}”几乎每段文字都有，加入后这项检查每篇报告都会提示（或完全失去作用）。"
                         "请写成更完整的说法。")
    elif section.key in TRIGGER_LISTS and len(word) < 2:
        raise ValueError(f"“{word}”只有一个字，报告里到处都有，加入后几乎每篇报告都会提示。请写成完整的说法。")
    if section.kind == "exceptions":
        if len(word) < 2:
            raise ValueError("例外词语至少要有两个字，并包含被提示的写法（例如“法制审核”）。")
        wrongs = {w for w, _ in _shipped_pairs().items()} | {e["wrong"] for e in data.get("entries", ())
                                                            if not e.get("disabled")}
        if not any(w in word for w in wrongs):
            raise ValueError(f"“{word}”里没有任何会被提示的写法，加入例外不起作用。"
                             "例外词语应包含被提示的写法，例如“法制审核”包含“法制”。")
    if word in _shipped_words(section):
        if section.kind == "list" and word in data.get("lists_disabled", {}).get(section.key, ()):
            raise ValueError(f"本单位已停用程序自带的词语“{word}”。如要重新使用，请在“程序自带”里选中它，"
                             "点“重新启用选中的”。")
        raise ValueError(f"内置词表里已有“{word}”，不必再添加。")
    if word in WordingBook._words(data, section):
        raise ValueError(f"“{word}”已经添加过了。")
    return word
