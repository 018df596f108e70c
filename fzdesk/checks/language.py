"""Wording checks of one paragraph: dictionary slips, outdated plans, copy-and-paste marks, 近…余."""

from __future__ import annotations

import re
from functools import cache

from fzdesk.checks.findings import Category, Finding, Severity, TextFix, make_key
from fzdesk.checks.text import Para
from fzdesk.checks.wording import Wording, excepted, shipped_wording

CJK = "\u4e00-\u9fff"
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
HALFWIDTH_RE = re.compile(rf"(?<=[{CJK}])[,;:?!()]|[,;:?!()](?=[{CJK}])|(?<=[{CJK}])\.(?![\d.])")
SPACE_RE = re.compile(rf"(?<=[{CJK}，。、；：“”（）《》])[ \u3000\t\u00a0]+(?=[{CJK}，。、；：“”（）《》])")
LATIN_RE = re.compile(rf"(?<=[{CJK}])[A-Za-z][A-Za-z\-]*|[A-Za-z][A-Za-z\-]*(?=[{CJK}])")
_ANY_HALF = re.compile(r"[,;:?!().]")
_ANY_SPACE = re.compile(r"[ \u3000\t\u00a0]")
_ANY_LATIN = re.compile(r"[A-Za-z]")
_ADDRESS_MARKS = ".@/:"  # www.shenqiu.gov.cn, fzb@shenqiu.gov.cn, https://


def _in_address(text: str, start: int, end: int) -> bool:
    """Is the Latin word at [start, end) part of a web or e-mail address (a . @ / : joins it to more Latin)?"""
    after = text[end:end + 2]
    before = text[max(0, start - 2):start]
    return ((len(after) == 2 and after[0] in _ADDRESS_MARKS and _address_char(after[1]))
            or (len(before) == 2 and before[1] in _ADDRESS_MARKS and _address_char(before[0])))


def _address_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in _ADDRESS_MARKS)
YEAR_DASH_RE = re.compile(r"(?<=\d{4})\s*[-－~～]\s*(?=\d{4}年)")
DOUBLED_RE = re.compile(r"[，。、；：]{2,}")
_NUMERAL = r"[零〇一二两三四五六七八九十百千万\d]+"
PERIOD_RE = re.compile(r"《([^《》\n]{1,60}?)[（(](\d{4})年?\s*[-—–－~～至到]{1,2}\s*(\d{4})年?[)）]"
                       r"([^《》\n]{0,20})》")


def finding(rule: str, category: Category, severity: Severity, para: Para, start: int, end: int, message: str,
            values: dict[str, object] | None = None, fixes: list[TextFix] | None = None) -> Finding:
    loc = para.loc(start, end)
    matched = para.text[start:end]
    return Finding(rule, category, severity, message, loc, excerpt=para.excerpt(start, end),
                   values=values or {"text": matched}, key=make_key(rule, loc, matched), fixes=list(fixes or []))


def text_fix(para: Para, start: int, end: int, new: str, label: str = "") -> TextFix:
    old = para.text[start:end]
    return TextFix(label or f"改为“{new}”", para.loc(start, end), old, new)


def dictionary_findings(para: Para, wording: Wording, year: int) -> list[Finding]:
    out: list[Finding] = []
    if wording.pattern is None:
        return out
    text = para.text
    for m in wording.pattern.finditer(text):
        entry = wording.entries.get(m.group())
        if entry is None or (entry.after is not None and year <= entry.after):
            continue
        start, end = m.span()
        phrases = entry.exceptions + wording.exceptions
        if entry.wrong in entry.right:
            phrases = (*phrases, entry.right)
        if phrases and excepted(text, start, end, phrases):
            continue
        message = (entry.message.replace("{wrong}", entry.wrong).replace("{right}", entry.right)
                   .replace("{year}", str(year)))
        fixes = [text_fix(para, start, end, entry.right)] if entry.right else []
        out.append(finding(f"wording.{entry.cls}", Category.WORDING, entry.severity, para, start, end, message,
                           {"wrong": entry.wrong, "right": entry.right}, fixes))
    return out


def period_findings(para: Para, wording: Wording, year: int) -> list[Finding]:
    out: list[Finding] = []
    for m in PERIOD_RE.finditer(para.text):
        first, last = int(m.group(2)), int(m.group(3))
        if last >= year or first > last:
            continue
        name = m.group(0)
        message = (wording.period_message or "{name}的期限到{end}年为止，{year}年的报告不应作为现行文件引用。")
        message = message.replace("{name}", name).replace("{end}", str(last)).replace("{year}", str(year))
        fixes: list[TextFix] = []
        for successor in wording.successors:
            if successor.get("contains", "") in m.group(1):
                lo, hi = successor.get("period", [0, 0])
                if lo <= year <= hi:
                    message += f"现行的是{successor['current']}。"
                    fixes.append(text_fix(para, m.start(), m.end(), successor["current"]))
                break
        out.append(finding("wording.period", Category.WORDING, Severity.WARNING, para, m.start(), m.end(), message,
                           {"document": name, "start": first, "end": last, "year": year}, fixes))
    return out


def mechanical_findings(para: Para, wording: Wording) -> list[Finding]:
    text = para.text
    out: list[Finding] = []
    halfwidth = HALFWIDTH_RE.finditer(text) if _ANY_HALF.search(text) else ()
    for m in halfwidth:
        ch = m.group()
        full = _HALF[ch]
        out.append(finding("wording.halfwidth", Category.WORDING, Severity.WARNING, para, m.start(), m.end(),
                           f"中文句子里用了半角标点“{ch}”，应为全角“{full}”。", {"char": ch},
                           [text_fix(para, m.start(), m.end(), full)]))
    spaces = SPACE_RE.finditer(text) if _ANY_SPACE.search(text) else ()
    for m in spaces:
        out.append(finding("wording.space", Category.WORDING, Severity.WARNING, para, m.start(), m.end(),
                           "汉字之间有多余的空格（常见于从PDF或网页复制的文字）。", {"spaces": len(m.group())},
                           [text_fix(para, m.start(), m.end(), "", "删除空格")]))
    latin = LATIN_RE.finditer(text) if _ANY_LATIN.search(text) else ()
    for m in latin:
        word = m.group()
        if word in wording.latin_allowed or len(word) < 2 or _in_address(text, m.start(), m.end()):
            continue
        out.append(finding("wording.latin", Category.WORDING, Severity.INFO, para, m.start(), m.end(),
                           f"中文句子里夹有外文“{word}”，请确认是否为复制时带入。", {"word": word}))
    dashes = YEAR_DASH_RE.finditer(text) if "-" in text or "－" in text or "~" in text or "～" in text else ()
    for m in dashes:
        out.append(finding("wording.dash", Category.WORDING, Severity.INFO, para, m.start(), m.end(),
                           f"年份区间应使用一字线“—”（如2021—2025年），这里写的是“{m.group().strip()}”。",
                           {"mark": m.group()}, [text_fix(para, m.start(), m.end(), "—")]))
    for m in DOUBLED_RE.finditer(text):
        run = m.group()
        keep = "。" if "。" in run else run[0]
        out.append(finding("wording.doubled", Category.WORDING, Severity.WARNING, para, m.start(), m.end(),
                           f"标点重复：“{run}”。", {"punctuation": run}, [text_fix(para, m.start(), m.end(), keep)]))
    out.extend(_unbalanced(para, wording))
    if para.is_body:
        out.extend(_paragraph_end(para, wording))
    return out


def _unbalanced(para: Para, wording: Wording) -> list[Finding]:
    text = para.text
    out: list[Finding] = []
    for open_, close in wording.pairs:
        if open_ not in text and close not in text:
            continue
        first_bad = -1
        opens: list[int] = []
        for m in _pair_re(open_, close).finditer(text):
            if m.group() == open_:
                opens.append(m.start())
            elif not opens:
                first_bad = m.start()
                break
            else:
                opens.pop()
        if first_bad >= 0:
            out.append(finding("wording.unbalanced", Category.WORDING, Severity.WARNING, para, first_bad,
                               first_bad + 1, f"“{close}”前面缺少与之配对的“{open_}”。", {"mark": close}))
        elif opens:
            pos = opens[0]
            out.append(finding("wording.unbalanced", Category.WORDING, Severity.WARNING, para, pos, pos + 1,
                               f"“{open_}”没有配对的“{close}”。", {"mark": open_}))
    return out


@cache
def _pair_re(open_: str, close: str) -> re.Pattern[str]:
    return re.compile(f"{re.escape(open_)}|{re.escape(close)}")


def _paragraph_end(para: Para, wording: Wording) -> list[Finding]:
    stripped = para.text.rstrip()
    if len(stripped) < 4:
        return []
    last = stripped[-1]
    if last in wording.paragraph_end:
        return []
    pos = len(stripped) - 1
    if last in "，、,":
        return [finding("wording.paragraph_end", Category.WORDING, Severity.WARNING, para, pos, pos + 1,
                        f"段落以“{last}”结尾，句子没有写完或标点有误。", {"mark": last},
                        [text_fix(para, pos, pos + 1, "。")])]
    return [finding("wording.paragraph_end", Category.WORDING, Severity.WARNING, para, pos, pos + 1,
                    "段落末尾没有标点。", {"mark": last}, [text_fix(para, pos + 1, pos + 1, "。", "补上句号")])]


@cache
def _near_over_re(near: str, over: str) -> re.Pattern[str]:
    return re.compile(f"(?P<near>{near})(?P<number>{_NUMERAL})(?P<over>{over})")


def near_over_findings(para: Para, wording: Wording | None = None) -> list[Finding]:
    """“近十余次”: a word for "just under" (list "near" of quantities.json) and one for "over" ("over") around one
    number contradict each other."""
    wording = wording or shipped_wording()
    out: list[Finding] = []
    pattern = _near_over_re(wording.alternation("near"), wording.alternation("over"))
    for m in pattern.finditer(para.text):
        whole, number = m.group(), m.group("number")
        near, over = m.group("near") + number, number + m.group("over")
        fixes = [text_fix(para, m.start(), m.end(), near), text_fix(para, m.start(), m.end(), over)]
        out.append(finding("wording.near_over", Category.WORDING, Severity.WARNING, para, m.start(), m.end(),
                           f"“{whole}”自相矛盾：“{m.group('near')}”是不到，“{m.group('over')}”是超过，只能用其一"
                           f"（“{near}”或“{over}”）。", {"text": whole}, fixes))
    return out


def language_findings(para: Para, wording: Wording, year: int) -> list[Finding]:
    return [*dictionary_findings(para, wording, year), *period_findings(para, wording, year),
            *mechanical_findings(para, wording), *near_over_findings(para, wording)]
