"""Wording dictionaries (resources/wording/*.json, merged with <data>/wording/*.json), compiled once into one
trie-shaped regular expression so that a paragraph is scanned in a single pass."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from fzdesk.checks.findings import Severity
from fzdesk.paths import resource
from fzdesk.patience import patiently

WORDING_FORMAT = "fzdesk-wording"
USER_FILE = "user.json"
DICTIONARY_CLASSES = ("fazhi", "slogans", "terms", "documents", "official")


@dataclass(frozen=True)
class Entry:
    """A wrong form, the right one, and the phrases around it where the wrong form is in fact right."""

    wrong: str
    right: str
    cls: str
    severity: Severity
    message: str
    exceptions: tuple[str, ...] = ()
    after: int | None = None  # only in reports for a year after this one
    source: str = "shipped"


NUMERALS = ("arabic", "chinese", "circled")


@dataclass(frozen=True)
class NumberingStyle:
    """One way of numbering within a paragraph: a regular expression whose group "n" is the number, written in
    arabic, chinese or circled numerals; first: the characters a marker can begin with (lets the scan skip the
    rest of the text; empty: not known, every place is tried)."""

    name: str
    pattern: str
    numerals: str
    first: str = ""


@dataclass
class Wording:
    entries: dict[str, Entry] = field(default_factory=dict)  # by wrong form
    exceptions: tuple[str, ...] = ()  # phrases that are always right (the unit's own)
    titles: dict[str, str] = field(default_factory=dict)  # class -> Chinese title
    latin_allowed: frozenset[str] = frozenset()
    paragraph_end: str = "。！？：；…”）》"
    pairs: tuple[tuple[str, str], ...] = (("（", "）"), ("《", "》"), ("“", "”"))
    period_message: str = ""
    successors: tuple[dict[str, Any], ...] = ()
    #: Word lists of the pattern checks (classes 5, 8, 9, 10 and the structure checks), by name: "near",
    #: "causes", … Every file may add words ("lists"); a few forms are regular expressions ("patterns").
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    patterns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Numbering written inside a paragraph ((1)…(2)…, ①②, 第一，…第二，…), by name: numbering.json "sequences".
    sequences: dict[str, NumberingStyle] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    pattern: re.Pattern[str] | None = None
    numbering: tuple[tuple[NumberingStyle, ...], re.Pattern[str] | None] = ((), None)

    def compile(self) -> None:
        words = list(self.entries)
        self.pattern = re.compile(trie_regex(words)) if words else None
        styles = tuple(self.sequences.values())
        self.numbering = (styles, numbering_regex(styles))

    def words(self, name: str) -> tuple[str, ...]:
        return self.lists.get(name, ())

    def alternation(self, name: str) -> str:
        """The list's words (escaped, longest first) and patterns as one regex alternation, without a group."""
        return _alternation(self.lists.get(name, ()), self.patterns.get(name, ()))

    def regex(self, name: str) -> re.Pattern[str]:
        """The alternation compiled (once per content); a list nobody filled matches nothing."""
        return _compiled(self.alternation(name))


def numbering_regex(styles: tuple[NumberingStyle, ...]) -> re.Pattern[str] | None:
    """All numbering styles in one alternation; style i's number is group n{i}."""
    if not styles:
        return None
    def first(chars: str) -> str:
        return "".join(sorted({re.escape(ch) for ch in chars}))

    if not all(style.first for style in styles):
        return re.compile("|".join(f"(?P<s{i}>{style.pattern.replace('(?P<n>', f'(?P<n{i}>')})"
                                   for i, style in enumerate(styles)))
    # first-character tests, for all and per style, let the scan skip most of the text and most alternatives
    alternatives = "|".join(f"(?=[{first(style.first)}])(?P<s{i}>{style.pattern.replace('(?P<n>', f'(?P<n{i}>')})"
                            for i, style in enumerate(styles))
    return re.compile(f"(?=[{first(''.join(style.first for style in styles))}])(?:{alternatives})")


@cache
def _alternation(words: tuple[str, ...], patterns: tuple[str, ...]) -> str:
    parts = [*patterns, *(re.escape(w) for w in sorted(words, key=len, reverse=True))]
    return "|".join(parts) if parts else "(?!)"


@cache
def _compiled(alternation: str) -> re.Pattern[str]:
    return re.compile(alternation)


def trie_regex(words: list[str]) -> str:
    """One regex matching any of the words, longest first, with shared prefixes merged (a trie)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        end = "" in node
        branches: list[str] = []
        singles: list[str] = []
        for ch in sorted(k for k in node if k):
            child = node[ch]
            if list(child) == [""]:
                singles.append(re.escape(ch))
            else:
                branches.append(re.escape(ch) + build(child))
        if singles:
            branches.append(singles[0] if len(singles) == 1 else "[" + "".join(singles) + "]")
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
        return body

    return build(trie)


def _entry(raw: dict[str, Any], defaults: dict[str, Any], source: str) -> Entry:
    return Entry(
        wrong=raw["wrong"],
        right=raw.get("right", ""),
        cls=raw.get("class") or defaults.get("class", "terms"),  # the unit's user.json names it per entry
        severity=Severity(raw.get("severity", defaults.get("severity", "warning"))),
        message=raw.get("message", defaults.get("message", "")) or "“{wrong}”应为“{right}”。",
        exceptions=tuple(raw.get("exceptions", ())),
        after=raw.get("after"),
        source=source,
    )


def _merge(wording: Wording, data: dict[str, Any], source: str) -> None:
    if data.get("format") != WORDING_FORMAT:
        raise ValueError("format 应为 fzdesk-wording")
    off = data.get("lists_disabled", {})
    if not _is_word_lists(off):  # checked before anything of the file is merged
        raise ValueError("lists_disabled 应为“词表名: 停用的词语列表”")
    cls = data.get("class", "terms")
    if data.get("title"):
        wording.titles[cls] = data["title"]
    for raw in data.get("entries", []):
        if raw.get("disabled"):
            wording.entries.pop(raw["wrong"], None)
        else:
            wording.entries[raw["wrong"]] = _entry(raw, data, source)
    wording.exceptions = (*wording.exceptions, *data.get("exceptions", ()))
    if "latin_allowed" in data:
        wording.latin_allowed = wording.latin_allowed | frozenset(data["latin_allowed"])
    if "paragraph_end" in data:
        wording.paragraph_end = data["paragraph_end"]
    if "pairs" in data:
        wording.pairs = tuple((a, b) for a, b in data["pairs"])
    for key, target in (("lists", wording.lists), ("patterns", wording.patterns)):
        for name, words in data.get(key, {}).items():
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise ValueError(f"{key}.{name} 应为非空词语的列表")
            if key == "patterns":
                for w in words:
                    try:
                        re.compile(w)
                    except re.error as exc:
                        raise ValueError(f"{key}.{name} 中的“{w}”不是有效的正则表达式（{exc}）") from None
            known = target.get(name, ())
            target[name] = (*known, *(w for w in dict.fromkeys(words) if w not in known))
    for raw in data.get("sequences", ()):
        _merge_sequence(wording, raw)
    # the shipped list words this unit switched off (工具 → 本单位用语词典…): read after the shipped files
    for name, words in off.items():
        if name in wording.lists:
            wording.lists[name] = tuple(w for w in wording.lists[name] if w not in words)
    periods = data.get("periods")
    if periods:
        wording.period_message = periods.get("message", wording.period_message)
        wording.successors = (*wording.successors, *periods.get("successors", ()))


def _merge_sequence(wording: Wording, raw: object) -> None:
    """A numbering style of "sequences": the same name replaces, "disabled": true removes it."""
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"]:
        raise ValueError("sequences 的每一项应有 name")
    name = raw["name"]
    if raw.get("disabled") is True:
        wording.sequences.pop(name, None)
        return
    pattern, numerals = raw.get("pattern"), raw.get("numerals")
    if numerals not in NUMERALS:
        raise ValueError(f"sequences 中“{name}”的 numerals 应为 {'、'.join(NUMERALS)} 之一")
    if not isinstance(pattern, str):
        raise ValueError(f"sequences 中“{name}”缺少 pattern")
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"sequences 中“{name}”的 pattern 不是有效的正则表达式（{exc}）") from None
    if "n" not in compiled.groupindex:
        raise ValueError(f"sequences 中“{name}”的 pattern 应有表示序号的分组 (?P<n>…)")
    first = raw.get("first", "")
    if not isinstance(first, str):
        raise ValueError(f"sequences 中“{name}”的 first 应为字符串（编号可能开头的字符）")
    wording.sequences[name] = NumberingStyle(name, pattern, numerals, first)


def _is_word_lists(value: object) -> bool:
    """{"name": ["word", …], …}: the shape of "lists" and "lists_disabled"."""
    return isinstance(value, dict) and all(isinstance(v, list) and all(isinstance(w, str) for w in v)
                                           for v in value.values())


def load_wording(data_folder: Path | None = None) -> Wording:
    """The shipped dictionaries, then the unit's files in <data>/wording/ (same wrong form replaces)."""
    wording = Wording()
    for path in sorted(resource("wording").glob("*.json")):
        _merge(wording, json.loads(path.read_text(encoding="utf-8")), "shipped")
    if data_folder is not None and (data_folder / "wording").is_dir():
        for path in sorted((data_folder / "wording").glob("*.json")):
            try:
                _merge(wording, json.loads(path.read_text(encoding="utf-8")), path.name)
            except (OSError, ValueError, KeyError, TypeError) as exc:
                wording.problems.append(f"自定义用语文件 {path.name} 无法读取：{exc}")
    wording.compile()
    return wording


@cache
def shipped_wording() -> Wording:
    """The shipped dictionaries alone (loaded once): what a check uses when it is given no Wording."""
    return load_wording()


def add_list_word(data_folder: Path, name: str, word: str) -> None:
    """The unit's own word in one of the pattern checks' lists (e.g. a way of naming causes in block 2)."""
    word = word.strip()
    if not word:
        raise ValueError("词语不能为空。")
    if name not in LIST_TITLES:
        raise ValueError(f"没有名为“{name}”的词表。")
    data = _read_user(data_folder)
    words = data.setdefault("lists", {}).setdefault(name, [])
    if word not in words:
        words.append(word)
    _write_user(data_folder, data)


#: The lists a unit may extend from the window (工具 → 本单位用语词典…), with what they are for.
LIST_TITLES = {
    "causes": "“存在的不足”中表示原因的说法（如“究其原因”）",
    "future": "“下一年度安排”中表示今后的说法（如“下一步”）",
    "requests": "报告中不得夹带的请示用语（如“请予批准”）",
    "results": "表示成效或数字的说法（沿用去年文字时提醒更新）",
    "near": "表示“不到”的约数说法（如“近”“将近”）",
    "over": "表示“超过”的约数说法（如“余”“多”）",
    "count_measures": "“九个一”一类提法中逐项列举的量词（如“一次”“一批”）",
    "announced_nouns": "“存在三个方面的不足：”一类预告条数的名词（如“方面”“点”）",
    "compare_before": "去年年份前表示比较的说法（如“较”“对照”），这时写去年的年份是对的",
    "closing": "报告结尾的结束语（如“特此报告”），没有时提醒",
    "current_after": "去年年份后表示“今年”的说法（如“年，我局”），沿用去年文字时提醒",
    "lookback_after": "句首年份后表示回顾、比较或年内时段的说法（如“年以来”“年起”“年下半年”），不提醒",
    "lookback_words": "句首是往年年份的句子里，表示回顾或比较的词（如“至今”“相比”），有这些词时不提醒",
}


class UserFileError(ValueError):
    """<data>/wording/user.json exists but cannot be read: it is reported, never overwritten."""


def _user_path(data_folder: Path) -> Path:
    return data_folder / "wording" / USER_FILE


def new_user_data() -> dict[str, Any]:
    return {"format": WORDING_FORMAT, "version": 1, "class": "terms", "title": "本单位添加的用语",
            "severity": "warning", "message": "“{wrong}”疑为“{right}”之误。", "entries": [], "exceptions": []}


def _user_shape_problem(data: object) -> str | None:
    if not isinstance(data, dict):
        return "内容不是一个 JSON 对象"
    if data.get("format") != WORDING_FORMAT:
        return "format 应为 fzdesk-wording"
    entries = data.get("entries", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("wrong"), str)
                                                for e in entries):
        return "entries 应为词条的列表，每条都有 wrong"
    if not all(isinstance(e.get("disabled", False), bool) for e in entries):
        return "词条的 disabled 应为 true 或 false"
    for key in ("exceptions", "latin_allowed"):
        words = data.get(key, [])
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            return f"{key} 应为词语的列表"
    if not _is_word_lists(data.get("lists", {})):
        return "lists 应为“词表名: 词语列表”"
    if not _is_word_lists(data.get("lists_disabled", {})):
        return "lists_disabled 应为“词表名: 停用的词语列表”，例如 {\"near\": [\"近\"]}"
    return None


def read_user(data_folder: Path) -> dict[str, Any]:
    """The unit's user.json (a new empty one when there is none); UserFileError when it cannot be read."""
    path = _user_path(data_folder)
    if not path.exists():
        return new_user_data()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise UserFileError(f"本单位的用语文件 {path} 无法读取：第{exc.lineno}行第{exc.colno}列格式有误。") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserFileError(f"本单位的用语文件 {path} 无法读取：{exc}") from None
    problem = _user_shape_problem(data)
    if problem:
        raise UserFileError(f"本单位的用语文件 {path} 无法读取：{problem}。")
    assert isinstance(data, dict)
    data.setdefault("entries", [])
    data.setdefault("exceptions", [])
    return data


def write_user(data_folder: Path, data: dict[str, Any]) -> None:
    """Writes user.json atomically: a temporary file beside it, flushed to disk, then put in its place (waited for
    about two seconds on Windows while another program holds it; then the OSError is raised, the old file intact)."""
    path = _user_path(data_folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(USER_FILE + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8") as out:
            out.write(json.dumps(data, ensure_ascii=False, indent=1))
            out.flush()
            os.fsync(out.fileno())
        patiently(os.replace, tmp, path)  # an antivirus or the indexer reading the fresh file is waited for
    finally:
        tmp.unlink(missing_ok=True)


_read_user = read_user
_write_user = write_user


def add_term(data_folder: Path, wrong: str, right: str, *, severity: str = "warning",
             exceptions: tuple[str, ...] = ()) -> None:
    """The unit's own fixed term: "wrong" in the text is reported with "right" as the fix."""
    wrong, right = wrong.strip(), right.strip()
    if not wrong or wrong == right:
        raise ValueError("错误写法不能为空，也不能与正确写法相同。")
    Severity(severity)
    data = _read_user(data_folder)
    data["entries"] = [e for e in data["entries"] if e["wrong"] != wrong]
    entry: dict[str, Any] = {"wrong": wrong, "right": right, "severity": severity}
    if exceptions:
        entry["exceptions"] = list(exceptions)
    data["entries"].append(entry)
    _write_user(data_folder, data)


def add_exception(data_folder: Path, phrase: str) -> None:
    """A phrase that is always right in this unit's reports (e.g. 县司法局法制股): silences matches inside it."""
    phrase = phrase.strip()
    if not phrase:
        raise ValueError("例外词语不能为空。")
    data = _read_user(data_folder)
    if phrase not in data.setdefault("exceptions", []):
        data["exceptions"].append(phrase)
    _write_user(data_folder, data)


def disable_entry(data_folder: Path, wrong: str) -> None:
    """Turns a shipped entry off for this unit."""
    data = _read_user(data_folder)
    data["entries"] = [e for e in data["entries"] if e["wrong"] != wrong]
    data["entries"].append({"wrong": wrong, "disabled": True})
    _write_user(data_folder, data)


def excepted(text: str, start: int, end: int, phrases: tuple[str, ...]) -> bool:
    """Is the span [start, end) inside an occurrence of one of the phrases?"""
    for phrase in phrases:
        lo = max(0, end - len(phrase))
        hi = min(len(text), start + len(phrase))
        pos = text.find(phrase, lo, hi)
        while pos != -1:
            if pos <= start and pos + len(phrase) >= end:
                return True
            pos = text.find(phrase, pos + 1, hi)
    return False
