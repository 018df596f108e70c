"""Counted lists and hand-typed numbering: 一是…N是, “九个一”, （一）（二）… typed into the text."""

from __future__ import annotations

import re
from functools import cache

from fzdesk.checks.findings import Category, Finding, Severity, TextFix
from fzdesk.checks.language import finding, text_fix
from fzdesk.checks.numbers import parse_chinese
from fzdesk.checks.paragraph_numbering import numeral_value
from fzdesk.checks.text import Para, section_paragraphs
from fzdesk.checks.wording import Wording, shipped_wording
from fzdesk.domain.model import Numbering, Section
from fzdesk.domain.numbering import chinese_number

CN = "一二三四五六七八九十"
YISHI_RE = re.compile(rf"(?:^|(?<=[：；。，:;,！？\s]))([{CN}]{{1,3}})是")
NAMED_RE = re.compile(rf"“?([{CN}]{{1,3}})(个一|进)”?")
ENTER_RE = re.compile(r"(?:^|[、，；])进")
TYPED_RE = re.compile(rf"^\s*(?:（([{CN}]{{1,3}})）|([{CN}]{{1,3}})、|(\d{{1,2}})[.．、](?!\d)|（(\d{{1,2}})）)")


@cache
def _item_mark_re(measures: str) -> re.Pattern[str]:
    """“九个一” lists its items as 一次…, 一批…: 一 and a measure word (list "count_measures", numbering.json)."""
    return re.compile(f"一(?:{measures})")


@cache
def _announced_re(nouns: str) -> re.Pattern[str]:
    """“存在三个方面的不足：” (nouns: list "announced_nouns" of numbering.json)."""
    return re.compile(rf"([{CN}]{{1,2}})(?:个)?(?:{nouns})[^。；：:]{{0,14}}[：:]")


def yishi_findings(paras: list[Para]) -> list[Finding]:
    """一是、二是…: across one section, each run starting at 一是 must count up without gaps or repeats."""
    out: list[Finding] = []
    previous: int | None = None
    for para in paras:
        if "是" not in para.text:
            continue
        for m in YISHI_RE.finditer(para.text):
            n = parse_chinese(m.group(1))
            if n is None:
                continue
            value = int(n)
            label = m.group(0)
            if value == 1:
                previous = 1
                continue
            expected = 1 if previous is None else previous + 1
            if value != expected:
                if previous is not None and value == previous:
                    msg = f"“{label}”重复了：前面已经有“{label}”。"
                elif previous is None:
                    msg = f"从“{label}”开始，前面缺少“一是”。"
                else:
                    msg = f"“{chinese_number(previous)}是”之后应是“{chinese_number(expected)}是”，这里写成了“{label}”。"
                keep_going = previous is not None and value >= previous  # a gap or a repeat, not a missing 一是
                fixes = _yishi_renumber(para, m, value, expected) if keep_going else []
                out.append(finding("lists.yishi", Category.WORDING, Severity.WARNING, para, m.start(1), m.end(),
                                   msg, {"found": value, "expected": expected}, fixes))
            previous = value
    return out


def _yishi_renumber(para: Para, m: re.Match[str], value: int, expected: int) -> list[TextFix]:
    """一是…二是…四是…五是 -> …三是…四是, when the labels after the wrong one in its paragraph count up from it."""
    run = [m]
    for later in YISHI_RE.finditer(para.text, m.end()):
        n = parse_chinese(later.group(1))
        if n == 1:
            break
        if n != value + len(run):
            return []
        run.append(later)
    text = para.text
    new, at = "", run[0].start(1)
    for k, x in enumerate(run):
        new += text[at:x.start(1)] + chinese_number(expected + k)
        at = x.end(1)
    olds = "".join(f"“{x.group(0)}”" for x in run)
    news = "".join(f"“{chinese_number(expected + k)}是”" for k in range(len(run)))
    label = f"改为{news}" if len(run) == 1 else f"重新编号：{olds}依次改为{news}"
    return [text_fix(para, run[0].start(1), run[-1].end(1), new, label)]


def named_count_findings(para: Para, wording: Wording | None = None) -> list[Finding]:
    """“九个一”/“七进” followed by a list (after “：”) must list that many items; so must “三个方面：一是……”."""
    wording = wording or shipped_wording()
    out: list[Finding] = announced_count_findings(para, wording)
    text = para.text
    if "个一" not in text and "进" not in text:
        return out
    for m in NAMED_RE.finditer(text):
        n = parse_chinese(m.group(1))
        if n is None or n < 2:
            continue
        colon = text.find("：", m.end(), m.end() + 12)
        if colon < 0:
            continue
        stop = text.find("。", colon)
        body = text[colon + 1:stop if stop >= 0 else len(text)]
        marks = _item_mark_re(wording.alternation("count_measures")) if m.group(2) == "个一" else ENTER_RE
        count = len(marks.findall(body))
        if count and count != int(n):
            out.append(finding("lists.named_count", Category.WORDING, Severity.WARNING, para, m.start(), m.end(),
                               f"“{m.group(1)}{m.group(2)}”后面列出的是{count}项，与“{m.group(1)}”不符。",
                               {"announced": int(n), "listed": count}))
    return out


def announced_count_findings(para: Para, wording: Wording | None = None) -> list[Finding]:
    """“存在三个方面的不足：一是……二是……” must go on to 三是 and stop there."""
    text = para.text
    if "是" not in text:
        return []
    out: list[Finding] = []
    for m in _announced_re((wording or shipped_wording()).alternation("announced_nouns")).finditer(text):
        announced = parse_chinese(m.group(1))
        if announced is None or announced < 2:
            continue
        labels = [int(parse_chinese(x.group(1)) or 0) for x in YISHI_RE.finditer(text, m.end())]
        if not labels or labels[0] != 1:
            continue
        count = 1
        while count < len(labels) and labels[count] == count + 1:
            count += 1
        if count != int(announced):
            out.append(finding("lists.announced", Category.WORDING, Severity.WARNING, para, m.start(1), m.end(1),
                               f"前面说“{m.group(1)}”个方面，后面列了{count}条（一是……{chinese_number(count)}是）。",
                               {"announced": int(announced), "listed": count}))
    return out


#: The styles of TYPED_RE's groups, by their name in numbering.json "sequences" (to follow a list begun inline).
_TYPED_STYLES = {1: "（一）", 2: "一、", 3: "1.", 4: "（1）"}


def _last_inline(para: Para, style: int, wording: Wording) -> int | None:
    """The last number of a style written in the paragraph before (“主要做法：（1）…；（2）…。” goes on in the
    next paragraph with “（3）”), or None."""
    styles, pattern = wording.numbering
    name = _TYPED_STYLES[style]
    index = next((i for i, st in enumerate(styles) if st.name == name), None)
    if pattern is None or index is None:
        return None
    first = styles[index].first
    if first and not any(ch in para.text for ch in first):
        return None
    values = [m.group(f"n{index}") for m in pattern.finditer(para.text) if m.lastgroup == f"s{index}"]
    return numeral_value(styles[index].numerals, values[-1]) if values else None


def typed_numbering_findings(section: Section, wording: Wording | None = None) -> list[Finding]:
    """Numbers typed at the start of paragraphs: in sequence per style; doubled with the program's numbering."""
    out: list[Finding] = []
    last: dict[str, int] = {}
    before: list[Para] = []
    program_numbers = section.numbering in (Numbering.HEADINGS, Numbering.INLINE)
    level_reported = False
    for para in section_paragraphs(section):
        if para.item_index < 0:
            continue
        m = TYPED_RE.match(para.text)
        before.append(para)
        if m is None:
            continue
        style = next(i for i in range(1, 5) if m.group(i))
        raw = m.group(style)
        value = int(raw) if raw.isdigit() else int(parse_chinese(raw) or 0)
        key = str(style)
        label = m.group(0).strip()
        first_of_item = para.paragraph == (-1 if section.items[para.item_index].title else 0)
        if program_numbers and style == 1 and first_of_item:
            out.append(finding("lists.numbering", Category.WORDING, Severity.WARNING, para, m.start(), m.end(),
                               f"这一项由程序自动编号，文中又手工输入了“{label}”，导出后会出现两个编号。",
                               {"label": label}))
            continue
        if (style == 3 and "1" not in last and section.numbering is Numbering.NONE and not level_reported
                and value == 1):
            level_reported = True
            out.append(finding("lists.level", Category.WORDING, Severity.INFO, para, m.start(), m.end(),
                               f"“{label}”是第三层编号，前面没有第二层“（一）”：层级跳过了一级（一、→（一）→1.→（1））。",
                               {"label": label}))
        expected = last.get(key, 0) + 1
        if value != expected and value != 1:
            inline = _last_inline(before[-2], style, wording or shipped_wording()) if len(before) > 1 else None
            if inline is not None and inline >= expected:
                expected = inline + 1  # the list was begun inside an earlier paragraph and goes on here
        if value != expected and value != 1:
            out.append(finding("lists.numbering", Category.WORDING, Severity.WARNING, para, m.start(), m.end(),
                               f"手工输入的编号“{label}”不连续：这里应为第{expected}个。",
                               {"found": value, "expected": expected}))
        last[key] = value
    return out


def section_list_findings(section: Section, wording: Wording | None = None) -> list[Finding]:
    paras = [p for p in section_paragraphs(section) if p.item_index >= 0]
    return [*yishi_findings(paras), *typed_numbering_findings(section, wording)]
