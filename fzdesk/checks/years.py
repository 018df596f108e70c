"""Years in the text: last year's year left in copied text; an old year opening a sentence of the opening or the
results; plans that do not speak of the coming year."""

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
#: Where a sentence opened by an older year is a slip ("2023年，在县委…" in a 2026 report): the opening and the
#: blocks that report the year's results.
_STALE_BLOCKS = (Block.OPENING, Block.RESPONSIBILITY, Block.MEASURES)
_SENTENCE_START = "。！？；!?;\n"
#: What may stand between a sentence's start and the year that opens it: 一是, （一）, 1., 在, 于.
_OPEN_LEAD = re.compile(r"(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|"
                        r"[一二三四五六七八九十]+、)?\s*(?:在|于)?\s*")
_MONTH = re.compile(r"\d{4}年\d{1,2}月")
_DESCRIBED = ("年是", "年既是", "年也是", "年作为", "年为“", "年系")


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
            elif para.block in _STALE_BLOCKS and _opens_sentence(text, m.start(), m.end(), year, wording):
                out.append(_stale(para, m.start(), m.end(), value, year))
        elif para.block in _STALE_BLOCKS and value < year and _opens_sentence(text, m.start(), m.end(), year,
                                                                             wording):
            out.append(_stale(para, m.start(), m.end(), value, year))
        elif para.block is Block.PLANS and value <= year:
            is_heading = para.item_index < 0
            if (is_heading or any(after.startswith(tail) for tail in _PLAN)
                    or _plans_year(text, m.start(), m.end(), year + 1)):
                out.append(finding(
                    "years.plans", Category.DATES, Severity.WARNING, para, m.start(), m.end(),
                    f"下一年度的安排应针对{year + 1}年，这里写的是{value}年。", {"found": value, "expected": year + 1},
                    [text_fix(para, m.start(), m.end(), str(year + 1))]))
    return out


def _stale(para: Para, start: int, end: int, value: int, year: int) -> Finding:
    where = "开头" if para.block is Block.OPENING else "这句话开头"
    return finding("years.stale", Category.DATES, Severity.WARNING, para, start, end,
                   f"{where}写的是{value}年，本报告是{year}年度：是否沿用了旧报告的文字？",
                   {"found": value, "year": year}, [text_fix(para, start, end, str(year))])


def _opens_sentence(text: str, start: int, end: int, year: int, wording: Wording) -> bool:
    """An older year that opens its sentence as the year the sentence is about ("2023年，在县委…", "一是2023年
    我局…") and not a look-back or comparison: not followed by 以来/起/至/相比 … (years.json lookback_after), not a
    date with its month, not inside a document's title 《…》, and the sentence does not also speak of the report
    year or compare (years.json lookback_words: 以来, 至今, 相比 …: "2021年，我县被命名为…，至今保持…")."""
    sentence = max(text.rfind(ch, 0, start) for ch in _SENTENCE_START) + 1
    if not _OPEN_LEAD.fullmatch(text, sentence, start):
        return False
    tail = text[end:end + 6]
    if any(tail.startswith(w) for w in wording.words("lookback_after")) or _MONTH.match(text, start):
        return False
    if text.rfind("《", 0, start) > text.rfind("》", 0, start):
        return False
    stop = min((i for i in (text.find(ch, end) for ch in _SENTENCE_START) if i >= 0), default=len(text))
    rest = text[end:stop]
    return f"{year}年" not in rest and not any(w in rest for w in wording.words("lookback_words"))


def _plans_year(text: str, start: int, end: int, next_year: int) -> bool:
    """In the plans block, a year that frames its clause ("2023年，我局将…", "一是2023年继续深化…") in a sentence
    that does not look back: the first tense word after the year is not 已/以来/取得/完成了 … ("2023年已完成…" is a
    bridge from the year's results, left alone). Plans speak of the future even without 将, so a framing year
    with no tense word at all is reported too ("2023年，我局深化改革…")."""
    clause = max(text.rfind(ch, 0, start) for ch in _CLAUSE_START) + 1
    if not _FRAME_LEAD.fullmatch(text, clause, start):
        return False
    stop = min((i for i in (text.find(ch, end) for ch in "。！？；!?;") if i >= 0), default=len(text))
    if text.startswith(_DESCRIBED, end) and f"{next_year}年" in text[end:stop]:
        return False  # 2025年是“十四五”收官之年，2026年是…开局之年: what the year is, on the way to the next
    clause_end = min((i for i in (text.find(ch, end) for ch in _CLAUSE_START) if i >= 0), default=len(text))
    if _BASIS.search(text, end, clause_end):
        return False  # 在2023年工作的基础上，…: the year qualifies a noun, it does not frame the plan
    tense = _TENSE.search(text, end, stop)
    return tense is None or tense.group("future") is not None
