"""Years in the text: last year's year left in copied text; plans that do not speak of the coming year."""

from __future__ import annotations

import re
from functools import cache

from fzdesk.checks.findings import Category, Finding, Severity
from fzdesk.checks.language import finding, text_fix
from fzdesk.checks.text import Para
from fzdesk.checks.wording import Wording, shipped_wording
from fzdesk.domain.model import Block

YEAR_RE = re.compile(r"(?=\d)(?<![\d〇])(\d{4})(?=年)")
# Last year's year left in text: the words before it that compare ("compare_before") and the tails after it that
# speak of the current year ("current_after") are lists of resources/wording/years.json (units may add theirs).
_PLAN = ("年将", "年要", "年计划", "年重点", "年工作安排", "年主要安排", "年的安排", "年工作思路",
         "年法治政府建设主要安排", "年度推进", "年度法治政府建设", "年度主要安排", "年度工作安排")
_DATE = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?")
#: What may stand between a clause's start and a year that frames the clause: 一是, （一）, 1., 在, 到 …
_FRAME_LEAD = re.compile(r"(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|"
                         r"[一二三四五六七八九十]+、)?\s*(?:在|于|到|至|今年即|即)?\s*$")
_CLAUSE_START = "。！？；!?;，,：:\n"
_BASIS = re.compile(r"基础上|的基础|的成效|的成绩|的经验")
#: Words that first mark a sentence's tense after the year: looking back (已, 以来, 取得 …) or forward (将, 继续 …).
_TENSE = re.compile(r"(?P<past>已经|已|业已|以来|取得了?|完成了|实现了|开展了|回顾|过去的?一年)|"
                    r"(?P<future>将|要|拟|计划|力争|争取|继续|持续|进一步|着力|重点|确保|谋划|打算|努力)")
_PAST_BLOCKS = (Block.OPENING, Block.RESPONSIBILITY, Block.MEASURES, Block.SHORTCOMINGS, Block.CLOSING)


@cache
def _compare_re(words: str) -> re.Pattern[str]:
    return re.compile(f"(?:{words})\\s*$")


def year_findings(para: Para, year: int, wording: Wording | None = None) -> list[Finding]:
    out: list[Finding] = []
    text = para.text
    if "年" not in text:
        return out
    wording = wording or shipped_wording()
    compare = _compare_re(wording.alternation("compare_before"))
    current = wording.words("current_after")
    for m in YEAR_RE.finditer(text):
        value = int(m.group(1))
        after = text[m.end():m.end() + 8]
        before = text[max(0, m.start() - 6):m.start()]
        if para.block in _PAST_BLOCKS and value == year - 1:
            if compare.search(before) or (m.start() > 0 and text[m.start() - 1] in "《（("):
                continue
            if any(after.startswith(tail) for tail in current) and not after.startswith("年度相比"):
                out.append(finding(
                    "years.previous", Category.DATES, Severity.WARNING, para, m.start(), m.end(),
                    f"这里写的是{value}年，报告年度是{year}年：是否沿用了去年报告的文字？",
                    {"found": value, "year": year},
                    [text_fix(para, m.start(), m.end(), str(year))]))
            elif para.carried_over:
                # copied from last year's report and not edited: its dates ("2023年5月") are last year's
                date = _DATE.match(text, m.start())
                end = date.end() if date else m.end()
                out.append(finding(
                    "years.carried_previous", Category.DATES, Severity.WARNING, para, m.start(), end,
                    f"这段是从去年报告复制的，还写着去年的{'日期' if date else '年份'}“{text[m.start():end]}”"
                    f"（报告年度是{year}年）：请改成今年的情况。", {"found": value, "year": year}))
        elif para.block is Block.PLANS and value <= year:
            is_heading = para.item_index < 0
            if is_heading or any(after.startswith(tail) for tail in _PLAN) or _plans_year(text, m.start(), m.end()):
                out.append(finding(
                    "years.plans", Category.DATES, Severity.WARNING, para, m.start(), m.end(),
                    f"下一年度的安排应针对{year + 1}年，这里写的是{value}年。", {"found": value, "expected": year + 1},
                    [text_fix(para, m.start(), m.end(), str(year + 1))]))
    return out


def _plans_year(text: str, start: int, end: int) -> bool:
    """In the plans block, a year that frames its clause ("2023年，我局将…", "一是2023年继续深化…") in a sentence
    that does not look back: the first tense word after the year is not 已/以来/取得/完成了 … ("2023年已完成…" is a
    bridge from the year's results, left alone). Plans speak of the future even without 将, so a framing year
    with no tense word at all is reported too ("2023年，我局深化改革…")."""
    clause = max(text.rfind(ch, 0, start) for ch in _CLAUSE_START) + 1
    if not _FRAME_LEAD.fullmatch(text, clause, start):
        return False
    clause_end = min((i for i in (text.find(ch, end) for ch in _CLAUSE_START) if i >= 0), default=len(text))
    if _BASIS.search(text, end, clause_end):
        return False  # 在2023年工作的基础上，…: the year qualifies a noun, it does not frame the plan
    stop = min((i for i in (text.find(ch, end) for ch in "。！？；!?;") if i >= 0), default=len(text))
    tense = _TENSE.search(text, end, stop)
    return tense is None or tense.group("future") is not None
