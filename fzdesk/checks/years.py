"""Years in the text: last year's year left in copied text; plans that do not speak of the coming year."""

from __future__ import annotations

import re

from fzdesk.checks.findings import Category, Finding, Severity
from fzdesk.checks.language import finding, text_fix
from fzdesk.checks.text import Para
from fzdesk.domain.model import Block

YEAR_RE = re.compile(r"(?=\d)(?<![\d〇])(\d{4})(?=年)")
_COMPARE = re.compile(r"(较|比|与|同|相比|对比|上年|去年|自|从|截至|截止|至|到|—|-|－|～|~)\s*$")
_CURRENT = ("年，", "年度", "年全年", "年共", "年我", "年本", "年以来，我", "年在")
_PLAN = ("年将", "年要", "年计划", "年重点", "年工作安排", "年主要安排", "年的安排", "年工作思路",
         "年法治政府建设主要安排", "年度推进", "年度法治政府建设", "年度主要安排", "年度工作安排")
_DATE = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?")
_PAST_BLOCKS = (Block.OPENING, Block.RESPONSIBILITY, Block.MEASURES, Block.SHORTCOMINGS, Block.CLOSING)


def year_findings(para: Para, year: int) -> list[Finding]:
    out: list[Finding] = []
    text = para.text
    if "年" not in text:
        return out
    for m in YEAR_RE.finditer(text):
        value = int(m.group(1))
        after = text[m.end():m.end() + 8]
        before = text[max(0, m.start() - 6):m.start()]
        if para.block in _PAST_BLOCKS and value == year - 1:
            if _COMPARE.search(before) or (m.start() > 0 and text[m.start() - 1] in "《（("):
                continue
            if any(after.startswith(tail) for tail in _CURRENT) and not after.startswith("年度相比"):
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
            if is_heading or any(after.startswith(tail) for tail in _PLAN):
                out.append(finding(
                    "years.plans", Category.DATES, Severity.WARNING, para, m.start(), m.end(),
                    f"下一年度的安排应针对{year + 1}年，这里写的是{value}年。", {"found": value, "expected": year + 1},
                    [text_fix(para, m.start(), m.end(), str(year + 1))]))
    return out
