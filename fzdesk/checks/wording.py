"""Wording dictionaries (resources/wording/*.json, merged with <data>/wording/*.json), compiled once into one
trie-shaped regular expression so that a paragraph is scanned in a single pass."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fzdesk.checks.findings import Severity
from fzdesk.paths import resource

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
    problems: list[str] = field(default_factory=list)
    pattern: re.Pattern[str] | None = None

    def compile(self) -> None:
        words = list(self.entries)
        self.pattern = re.compile(trie_regex(words)) if words else None


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
        cls=defaults.get("class", "terms"),
        severity=Severity(raw.get("severity", defaults.get("severity", "warning"))),
        message=raw.get("message", defaults.get("message", "")) or "“{wrong}”应为“{right}”。",
        exceptions=tuple(raw.get("exceptions", ())),
        after=raw.get("after"),
        source=source,
    )


def _merge(wording: Wording, data: dict[str, Any], source: str) -> None:
    if data.get("format") != WORDING_FORMAT:
        raise ValueError("format 应为 fzdesk-wording")
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
    periods = data.get("periods")
    if periods:
        wording.period_message = periods.get("message", wording.period_message)
        wording.successors = (*wording.successors, *periods.get("successors", ()))


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


def _user_path(data_folder: Path) -> Path:
    return data_folder / "wording" / USER_FILE


def _read_user(data_folder: Path) -> dict[str, Any]:
    path = _user_path(data_folder)
    if path.exists():
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data
    return {"format": WORDING_FORMAT, "version": 1, "class": "terms", "title": "本单位添加的用语",
            "severity": "warning", "message": "“{wrong}”疑为“{right}”之误。", "entries": [], "exceptions": []}


def _write_user(data_folder: Path, data: dict[str, Any]) -> None:
    path = _user_path(data_folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)


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
