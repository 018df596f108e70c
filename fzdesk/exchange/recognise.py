"""Recognising a hand-written report: title, 主送, opening, the five blocks and their items, 署名 and date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from fzdesk import resources
from fzdesk.domain.model import BODY_BLOCKS, Block, Item, Numbering, Report, Section, Unit, UnitType, derive_title
from fzdesk.domain.naming import block_name
from fzdesk.exchange.package import UnreadableFile
from fzdesk.exchange.repair import MARKER, ORGAN_END, SENTENCE_END, fix_spaces, join_broken, line_width
from fzdesk.exchange.source import SourceParagraph

_NUM = "一二三四五六七八九十"
LEVEL1 = re.compile(rf"^([{_NUM}]{{1,3}})\s*[、.．]\s*(.+)$")
ITEM = re.compile(rf"^[（(]\s*([{_NUM}]{{1,3}})\s*[）)]\s*(.*)$")
LEVEL1_COMMA = re.compile(rf"^([{_NUM}]{{1,3}})\s*[，,]\s*(.+)$")
#: "第一部分 主要举措和成效", "第二章：……", or the number alone ("第一部分") with the heading on the next line.
PART = re.compile(rf"^第\s*([{_NUM}]{{1,3}}|\d{{1,2}})\s*(?:部分|章|篇)\s*[、：:.．，,\s]*(.*)$")
YISHI = re.compile(rf"^([{_NUM}]{{1,3}})是\s*(.*)$")
#: Items numbered "1." "1、" or "（1）" "(1)" where a block has no （一）; never "1.5万元" (a digit follows), but
#: "4.2024年工作安排" (a year follows).
ARABIC_ITEMS = (re.compile(r"^(\d{1,2})\s*[.．、](?:(?!\d)|(?=\d{4}\s*年))\s*(.*)$"),
                re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*(.*)$"),
                # "1.1" "1.2" under a "1." heading (Word's multi-level decimal list); never "1.5万元"
                re.compile(r"^\d{1,2}[.．](\d{1,2})(?![\d.．万亿千百%％元件个人次份场项余多])\s*(.*)$"),
                # "①" "②" and "⑴" "⑵" (one character each), "⒈" "⒉", and "1）" "2)" with only the closing bracket
                re.compile(r"^([①-⑳])\s*(.*)$"), re.compile(r"^([⑴-⒇])\s*(.*)$"),
                re.compile(r"^([⒈-⒛])\s*(.*)$"), re.compile(r"^(\d{1,2})\s*[）)]\s*(.*)$"))
#: The first of each run of one-character numbers ("①" "⑴" "⒈"): their value is the distance from it.
_NUMBER_CHARS = "①⑴⒈"


def item_number(text: str) -> int:
    """An item marker's number: "3" or "３" -> 3, "③" / "⑶" / "⒊" -> 3."""
    if text.isdecimal():  # (isdigit() is true of "①" too)
        return int(text)
    return next(ord(text) - ord(first) + 1 for first in _NUMBER_CHARS if 0 <= ord(text) - ord(first) < 20)
DOC_NUMBER = re.compile(r"[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d+\s*号|签发人")
CLOSING = re.compile(r"^(特此报告|专此报告|以上报告|特此报送)")
#: The closing written at the end of the last paragraph, after its final sentence.
INLINE_CLOSING = re.compile(r"(?<=[。！？；”])\s*((?:特此报告|专此报告|特此报送)[。！.!]?)\s*$")

#: Words in a level-1 heading and what they say about its block; the best total wins.
BLOCK_WORDS: dict[Block, tuple[tuple[str, float], ...]] = {
    Block.RESPONSIBILITY: (("第一责任人", 6), ("履行", 2), ("职责", 2), ("主要负责人", 3), ("负责人", 1),
                           ("党政主要", 2), ("法治建设责任", 4), ("压实", 1), ("履职", 2), ("党的领导", 2),
                           ("带头", 2), ("领导干部", 1)),
    Block.MEASURES: (("举措", 4), ("成效", 4), ("工作情况", 3), ("主要做法", 4), ("做法", 2), ("成绩", 2),
                     ("开展情况", 2), ("推进情况", 2), ("主要工作", 3), ("亮点", 3), ("特色", 2), ("创新", 1),
                     ("措施", 2), ("完成情况", 3), ("回顾", 3), ("总体情况", 2), ("基本情况", 1)),
    Block.SHORTCOMINGS: (("不足", 4), ("问题", 4), ("差距", 4), ("原因", 3), ("短板", 3), ("薄弱", 2), ("整改", 2)),
    Block.PLANS: (("安排", 4), ("计划", 4), ("打算", 4), ("思路", 4), ("下一年", 3), ("下一步", 3), ("明年", 2),
                  ("今后", 2), ("展望", 2), ("重点", 1)),
    Block.OTHER: (("其他", 5), ("其它", 5), ("需要报告", 2), ("需要说明", 3)),
}
#: The blocks named as the window's step list names them (fzdesk.domain.naming), in warnings and the preview.
BLOCK_NAMES = {block: block_name(block) for block in Block}
TITLE_MAX = 60  # an item title longer than this is a sentence of the body
NOT_A_REPORT = ("这个文件不像是法治政府建设情况报告：没有“……关于……年度法治政府建设情况的报告”这样的标题，"
                "没有能对应报告各部分的“一、”“二、”标题，全文也没有提到“法治”。"
                "请确认选择的是上一年度的法治政府建设情况报告（Word 文档或文本文件）。")


@dataclass
class Unplaced:
    """Text the importer could not put anywhere, with the reason and where it was."""

    text: str
    reason: str


@dataclass
class Recognised:
    unit: Unit
    report: Report
    unplaced: list[Unplaced] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: level-1 headings as written and the block each was mapped to
    mapping: list[tuple[str, Block]] = field(default_factory=list)


def block_scores(heading: str, year: int | None = None) -> dict[Block, float]:
    text = heading
    scores = {b: sum(w for word, w in words if word in text) for b, words in BLOCK_WORDS.items()}
    if year and f"{year + 1}年" in text:
        scores[Block.PLANS] += 3
    elif year and f"{year}年" in text:  # "2023年工作回顾": the year reported on
        scores[Block.MEASURES] += 1
    if "下一年度" in text or "下年度" in text:
        scores[Block.PLANS] += 1
    return scores


def classify_heading(heading: str, year: int | None = None) -> Block | None:
    scores = block_scores(heading, year)
    best = max(scores.values())
    if best <= 0:
        return None
    return next(b for b in BODY_BLOCKS if scores[b] == best)


# ----- numbers and dates -----------------------------------------------------------------------------------
_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "o": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_FULL = str.maketrans("０１２３４５６７８９", "0123456789")


def small_chinese(text: str) -> int | None:
    """一 .. 九十九 as an int (十, 十二, 二十, 二十一), else None."""
    if not text or any(c not in _CN_DIGITS and c != "十" for c in text):
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _CN_DIGITS[tens] if tens else 1
        o = _CN_DIGITS[ones] if ones else 0
        return t * 10 + o if len(tens) <= 1 and len(ones) <= 1 else None
    return _CN_DIGITS[text] if len(text) == 1 else None


def _year(text: str) -> int | None:
    """"2023", "２０２３", "二〇二三" or the mixed "二0二三" clerks type, as an int."""
    text = text.translate(_FULL)
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if len(text) == 4 and all(c in _CN_DIGITS or c == "0" for c in text) and not text.isdigit():
        return int("".join(str(_CN_DIGITS.get(c, 0)) for c in text))
    return None


_DATE = re.compile(r"^([\d０-９〇零○ＯOo一二三四五六七八九]{4})年([\d０-９一二三四五六七八九十]{1,3})月"
                   r"([\d０-９一二三四五六七八九十]{1,3})[日号]$")
#: 2024.1.15, 2024/1/15, 2024-01-15 (full-width too): a four-digit year first, the same separator twice.
_NUMERIC_DATE = re.compile(r"^(\d{4})([./-])(\d{1,2})\2(\d{1,2})[日号]?$")
_DATE_FORMS = str.maketrans("０１２３４５６７８９．／－—", "0123456789./--")
#: How a line that meant to be a date starts: a year and then 年 or a separator.
DATE_LIKE = re.compile(r"^[\d０-９〇零○ＯOo一二三四五六七八九]{4}\s*[年./\-．／－]")


def parse_date(text: str) -> dt.date | None:
    """2023年12月15日, 2024年1月3日, 二〇二三年十二月十五日, 2024年元月15日, 2024.1.15, 2024/1/15, 2024-01-15 (spaces
    and full-width digits allowed) -> a date; anything else, or a day that does not exist, None (never a guess)."""
    bare = re.sub(r"\s+", "", text).replace("元月", "一月").replace("廿", "二十").replace("卅", "三十")
    numeric = _NUMERIC_DATE.match(bare.translate(_DATE_FORMS))
    if numeric:
        return _valid(*(int(g) for g in numeric.group(1, 3, 4)))
    m = _DATE.match(bare)
    if not m:
        return None
    month, day = (int(g.translate(_FULL)) if g.translate(_FULL).isdigit() else small_chinese(g)
                  for g in m.group(2, 3))
    return _valid(_year(m.group(1)), month, day)


def _valid(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_year(title: str) -> int | None:
    m = re.search(r"([\d０-９]{4}|[〇零○ＯOo一二三四五六七八九]{4})\s*年", title)
    return _year(m.group(1)) if m else None


# ----- organs ----------------------------------------------------------------------------------------------
_JOINT = re.compile(r"^(中共.+?(?:委员会|工作委员会|党委|党工委))(.+)$")


def split_organs(text: str) -> list[str]:
    """"中共××委员会 ××人民政府" -> both; PDF letter-spacing ("沈 丘 县") is joined back first."""
    tokens = [t for t in re.split(r"[\s\u3000]+", text.strip()) if t]
    if not tokens:
        return []
    if len(tokens) > 2 and all(len(t) <= 2 for t in tokens):
        tokens = ["".join(tokens)]
    merged: list[str] = []
    for t in tokens:
        if merged and (len(t) < 3 or not merged[-1].endswith(ORGAN_END)):
            merged[-1] += t
        else:
            merged.append(t)
    if len(merged) == 1:
        m = _JOINT.match(merged[0])
        if m and m.group(2).endswith(ORGAN_END) and len(m.group(2)) >= 3:
            return [m.group(1), m.group(2)]
    return merged


def looks_like_organ(text: str) -> bool:
    bare = re.sub(r"[\s\u3000]+", "", text)
    return 2 <= len(bare) <= 40 and not any(p in bare for p in "。，；：！？") and bare.endswith(ORGAN_END)


def guess_unit_type(organs: list[str]) -> UnitType:
    if len(organs) >= 2:
        return UnitType.JOINT
    name = organs[0] if organs else ""
    if re.search(r"(乡|镇)(人民政府|党委|委员会)?$|街道(办事处|党工委)?$", name):
        return UnitType.TOWNSHIP
    if name:
        return UnitType.DEPARTMENT
    return UnitType.OTHER


# ----- the recogniser --------------------------------------------------------------------------------------
def _clean(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\ufeff", "").strip(" \t\u3000")


class _Reader:
    def __init__(self, paragraphs: list[SourceParagraph]) -> None:
        self.lines: list[str] = []
        self.outline: list[int | None] = []
        self.unplaced: list[Unplaced] = []
        self.warnings: list[str] = []
        #: each table row and text-box paragraph: the index of the line after it, its cells, its unplaced entry
        self.table_rows: list[tuple[int, list[str], Unplaced]] = []
        #: a table row's cells as they stand (empty ones kept, in their columns), by id() of its unplaced entry
        self.table_cells: dict[int, list[str]] = {}
        self.page_numbers = 0  # page-number lines of a text copied from a PDF, left out
        body_started = False
        for p in paragraphs:
            text = _clean(p.shown)
            if not text:
                continue
            if p.in_table:
                self.unplaced.append(Unplaced(text, "表格中的内容（数字可在“数据”页填写）"))
                self.table_rows.append((len(self.lines), [c for c in map(_clean, text.split("\t")) if c],
                                        self.unplaced[-1]))
                self.table_cells[id(self.unplaced[-1])] = [fix_spaces(_clean(c)) for c in p.shown.split("\t")]
                continue
            if p.in_text_box and body_started:  # (one above all the text holds the title: read as the head's)
                # (the 署名 and date set in a text box over the seal are read as the tail's)
                self.unplaced.append(Unplaced(text, "文本框中的文字"))
                self.table_rows.append((len(self.lines), [text], self.unplaced[-1]))
                continue
            if PAGE_NUMBER.match(text):
                self.page_numbers += 1
                continue
            self.lines.append(text)
            self.outline.append(p.outline_level)
            body_started = body_started or not p.in_text_box

    def join_lines(self, i: int, j: int) -> None:
        """Lines i..j become one; the table rows and text boxes after them keep their place."""
        self.lines[i:j + 1] = ["".join(self.lines[i:j + 1])]
        del self.outline[i + 1:j + 1]
        self.table_rows = [(at if at <= i else max(i + 1, at - (j - i)), cells, entry)
                           for at, cells, entry in self.table_rows]

    def remove_line(self, i: int) -> None:
        """Takes line i out; the table rows and text boxes after it keep their place."""
        del self.lines[i], self.outline[i]
        self.table_rows = [(at - (at > i), cells, entry) for at, cells, entry in self.table_rows]


#: A page number on its own line, as text copied from a PDF has them: "— 2 —", "- 3 -", "第5页 共8页", "5/8".
PAGE_NUMBER = re.compile(r"^(?:[—\-－–]{1,2}\s*\d{1,3}\s*[—\-－–]{1,2}"
                         r"|第\s*\d{1,3}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,3}\s*页)?"
                         r"|\d{1,3}\s*[/／]\s*\d{1,3})$")


def _title_like(text: str) -> bool:
    """The title line: has 报告, and 关于 or ends in 报告; not a sentence (。) or a 主送 line (：)."""
    return ("报告" in text and len(text) <= 80 and not text.endswith(("。", "：", ":"))
            and ("关于" in text or text.endswith("报告")))


def _join_broken_title(r: _Reader, start: int) -> None:
    """A title broken over lines ("…关于2023年度法治政府建设" / "情况的报告") becomes one line: a head line with 关于
    and no 报告 is joined with the following line(s) up to the first one that ends in 报告 (3 at most, none a
    sentence or a 主送 line). Otherwise the first part would be taken for an organ line above the title."""
    lines = r.lines
    for i in range(start, min(len(lines), start + 8)):
        first = fix_spaces(lines[i])
        if "关于" not in first or "报告" in first or first.endswith(tuple(SENTENCE_END)):
            continue
        for j in range(i + 1, min(len(lines), i + 4)):
            part = fix_spaces(lines[j])
            if any(p in part for p in "。：:；;"):
                return
            if part.endswith("报告"):
                if _title_like(fix_spaces("".join(lines[i:j + 1]))):
                    r.join_lines(i, j)
                return
            if "报告" in part:
                return
        return


def recognise(paragraphs: list[SourceParagraph]) -> Recognised:
    """The report a hand-written text most likely is; what could not be placed and doubts as warnings."""
    r = _Reader(paragraphs)
    lines = r.lines
    if not lines:
        raise UnreadableFile("文件正文中没有文字（表格之外），没有可导入的内容。")
    # --- head: 发文字号, title (organ lines + 关于…报告), 主送
    pos = 0
    while pos < len(lines) and pos < 4 and DOC_NUMBER.search(lines[pos]) and len(lines[pos]) <= 40:
        r.unplaced.append(Unplaced(lines[pos], "发文字号或签发人（可在导出选项中填写）"))
        pos += 1
    _join_broken_title(r, pos)
    # spaces removed first: a title copied from a PDF is letter-spaced ("关 于 2023 年 度 … 报 告")
    title_at = next((i for i in range(pos, min(len(lines), pos + 8)) if _title_like(fix_spaces(lines[i]))), None)
    organs: list[str] = []
    title = ""
    if title_at is None:
        r.warnings.append("没有找到标题（“……关于……年度法治政府建设情况的报告”），年度和发文机关需要手工填写。")
    else:
        before = [b for b in lines[pos:title_at] if not _masthead(r, b)]
        title_line = lines[title_at]
        about = re.search(r"关[\s\u3000]*于", title_line)
        prefix, sep = (title_line[:about.start()], about.group()) if about else ("", "")
        organ_lines = [b for b in before if looks_like_organ(b) or len(b) <= 30]
        organ_lines = _drop_repeated_organs(r, organ_lines, prefix if sep else "")
        for b in organ_lines:
            organs += split_organs(b)
        if sep and prefix.strip():
            organs += split_organs(prefix)
        elif not sep and not organ_lines:  # "××局2023年度法治政府建设情况报告": the organ stands before the year
            at_year = re.search(r"([\d０-９]{4}|[〇零○ＯOo一二三四五六七八九]{4})\s*年", title_line)
            if at_year and looks_like_organ(title_line[:at_year.start()]):
                organs += split_organs(title_line[:at_year.start()])
        organs = [fix_spaces(o) for o in organs if o.strip()]
        title = fix_spaces("".join(o for o in organ_lines) + title_line)
        pos = title_at + 1
    year = find_year(title) if title else None
    recipient = ""
    if pos < len(lines):
        cand = fix_spaces(lines[pos])
        if cand.endswith(("：", ":")) and len(cand) <= 60 and "。" not in cand and not MARKER.match(cand):
            recipient = fix_spaces(cand.rstrip("：:"))
            pos += 1
        elif title_at is not None and looks_like_organ(cand) and not MARKER.match(cand):
            recipient = cand  # "沈丘县人民政府" under the title without its colon: it started the opening
            pos += 1
            r.warnings.append(f"标题下一行“{cand}”后面没有冒号，已按主送机关读入。")
    if not recipient:
        r.warnings.append("没有找到主送机关（标题下一行、以冒号结尾）。")
    # --- 附注 and 版记 (GB/T 9704) at the very end: never 署名, date or text of the last block
    colophon = _strip_colophon(r, pos)
    if _strip_appendix(r, pos):  # the 附注 stands before the 附件 pages, the 版记 after them
        colophon = _strip_colophon(r, pos) | colophon
    _strip_seal_marks(r, pos)
    # --- tail: 特此报告, 附件, 署名, 成文日期
    end = len(lines)
    closing_at = next((i for i in range(len(lines) - 1, pos - 1, -1) if CLOSING.match(fix_spaces(lines[i]))), None)
    closing_inline = ""
    tail_start = closing_at + 1 if closing_at is not None else None
    if tail_start is None:  # no closing line: the tail is the date and the organ lines before it
        i = end
        while i > pos and (parse_date(lines[i - 1]) or looks_like_organ(lines[i - 1]) or _doubtful_date(lines[i - 1])
                           or lines[i - 1].startswith("附件") or _signed_date(lines[i - 1])):
            i -= 1
        tail_start = i
        inline = INLINE_CLOSING.search(lines[i - 1]) if i > pos else None
        if inline:  # "……社会氛围。特此报告。": the closing ends the last paragraph
            lines[i - 1] = lines[i - 1][:inline.start()].rstrip()
            closing_inline = fix_spaces(inline.group(1))
        else:
            r.warnings.append("没有找到结尾语“特此报告。”。")
    date: dt.date | None = None
    signers: list[str] = []
    attachments: list[str] = []
    doubtful = ""  # a line that meant to be the date but is none ("2024.1", "2024年2月30日")
    for line in _tail_lines(r, closing_at, tail_start):
        d = parse_date(line)
        signed = _signed_date(line) if d is None and date is None else None
        if d and date is None:
            date = d
        elif signed is not None:
            signers += [fix_spaces(o) for o in split_organs(signed[0])]
            date = signed[1]
        elif line.startswith("附件"):
            attachments.append(re.sub(r"^附件[：:]\s*(\d+[.．、]\s*)?", "", fix_spaces(line)))
        elif attachments and not signers and date is None and re.match(r"^\d+\s*[.．、]", line):
            attachments.append(re.sub(r"^\d+\s*[.．、]\s*", "", fix_spaces(line)))  # "2.……" under "附件：1.……"
        elif looks_like_organ(line) and date is None:
            signers += [fix_spaces(o) for o in split_organs(line)]
        else:
            r.unplaced.append(Unplaced(line, "结尾之后无法归类的文字"))
            doubtful = doubtful or (fix_spaces(line) if _doubtful_date(line) else "")
    if date is None and doubtful:
        r.warnings.append(f"“{doubtful}”不是一个确切的成文日期（应写年、月、日，且这一天存在），没有采用；"
                          "请导入后在“报告信息”页填写成文日期。")
    elif date is None:
        r.warnings.append("没有找到成文日期。")
    body_end = closing_at if closing_at is not None else tail_start
    # --- body: opening, then level-1 headings and their content
    heads = level1_headings([fix_spaces(x) for x in lines], r.outline, pos, body_end, year)
    if any(PART.match(fix_spaces(lines[h.at])) for h in heads):  # "一、" items under "第一部分" headings
        lines[pos:body_end] = [_level2(fix_spaces(x)) for x in lines[pos:body_end]]
    first = heads[0][0] if heads else body_end
    width = line_width([fix_spaces(x) for x in lines[pos:body_end]])
    body = _BodyText(r, width)
    opening = body.text(pos, first, [], "开头")
    sections = [Section(Block.OPENING, "", Numbering.NONE, [Item("", opening)] if opening else [])]
    if not opening:
        r.warnings.append("没有找到开头段落。")
    mapping: list[tuple[str, Block]] = []
    taken: dict[Block, Section] = {}
    parts: list[tuple[str, list[str]]] = []
    for n, (_, heading, after, rest) in enumerate(heads):
        stop = heads[n + 1][0] if n + 1 < len(heads) else body_end
        content = body.text(after, stop, [rest] * bool(rest), heading)
        parts += _combined_parts(heading, content, year, r.warnings) or [(heading, content)]
    for heading, content in parts:
        block = _choose_block(heading, year, taken, r.warnings)
        numbering, items, lead = split_items(content)
        if lead and block is not None:  # (an unplaced heading's content is listed whole below)
            numbering, items = keep_lead_in(content, numbering, items, lead)
            r.warnings.append(f"“{heading}”下、第一条之前的引导语“{_short(lead[0])}”已按原文保留在这一部分的开头；"
                              "为保持原文顺序，这一部分不自动编号，原文的编号（如“一是”）留在文字中。")
        if block is None:
            r.unplaced.append(Unplaced("\n".join([heading, *content]),
                                       f"标题“{heading}”无法对应到报告的五个部分"))
            continue
        mapping.append((heading, block))
        if block in taken:  # a second heading of the same block: its content becomes an item of the first
            taken[block].items.append(Item(heading, [p for i in items for p in _flat(i)]))
            r.warnings.append(f"“{heading}”与前面的标题属于同一部分（{BLOCK_NAMES[block]}），已并入为其中一项。")
            continue
        if block is Block.OTHER and [p.strip("。.") for p in content] in (["无"], ["没有"], ["暂无"]):
            numbering, items = Numbering.NONE, []  # 无: complete, and left out of the document
        section = Section(block, heading, numbering, items, omitted=block is Block.OTHER and not items)
        taken[block] = section
        sections.append(section)
    if title_at is None and not mapping and not any("法治" in line for line in lines):
        raise UnreadableFile(NOT_A_REPORT)
    if not heads:
        r.warnings.append("没有找到“一、”“二、”这样的一级标题，正文都放在了开头部分。")
    for block in BODY_BLOCKS:
        if block not in taken:
            if block is Block.OTHER:
                sections.append(Section(Block.OTHER, "其他需要报告的情况", Numbering.NONE, [], omitted=True))
            else:
                at = next((n for n, s in enumerate(sections) if s.block is Block.OTHER), len(sections))
                sections.insert(at, Section(block, "", Numbering.HEADINGS, []))
                r.warnings.append(f"没有找到“{BLOCK_NAMES[block]}”部分，已留空。")
    closing_text = fix_spaces(lines[closing_at]) if closing_at is not None else closing_inline
    sections.append(Section(Block.CLOSING, "", Numbering.NONE, [Item("", [closing_text])] if closing_text else []))
    repaired = body.joins
    if repaired:
        r.warnings.append(f"修复了{repaired}处从 PDF 复制造成的断行。")
    if r.page_numbers:
        r.warnings.append(f"去掉了{r.page_numbers}个单独成行的页码（如“— 2 —”，从 PDF 复制时带入）。")
    organs = organs or signers
    if signers and organs and [re.sub(r"\s", "", s) for s in signers] != [re.sub(r"\s", "", o) for o in organs]:
        r.warnings.append(f"署名（{'、'.join(signers)}）与标题中的发文机关（{'、'.join(organs)}）不一致，采用署名。")
        organs = signers
    if year is None:
        r.warnings.append("没有从标题中认出报告年度。")
    if title and organs and year and re.sub(r"\s", "", title) == re.sub(r"\s", "", derive_title(organs, year)):
        title = ""  # the conventional title: derived again from the organs and the year
    unit_type = guess_unit_type(organs)
    name = organs[-1] if organs else ""
    unit = Unit(name=name, unit_type=unit_type, organs=list(organs), recipient=recipient,
                cc=colophon.get("cc", ""), contact=colophon.get("contact", ""))
    report = Report(unit_id=None, year=year or 0, title=title, recipient=recipient, organs=list(organs), date=date,
                    sections=sections, attachments=attachments,
                    catalogue_version=resources.catalogue().version)
    return Recognised(unit, report, r.unplaced, r.warnings, mapping)


class _BodyText:
    """The paragraphs of the opening and of each block: the lines, with PDF breaks repaired, and the tables that
    stand among them turned into paragraphs where they stood (they were listed as unplaced and their text lost
    from the block)."""

    def __init__(self, r: _Reader, width: int | None) -> None:
        self.r = r
        self.width = width
        self.joins = 0

    def text(self, start: int, stop: int, first: list[str], where: str) -> list[str]:
        """lines[start:stop] after first, with the tables standing before lines start..stop among them."""
        tables: dict[int, list[list[str]]] = {}
        for at, _, entry in self.r.table_rows:
            cells = self.r.table_cells.get(id(entry))
            if cells is not None and start <= at <= stop and any(u is entry for u in self.r.unplaced):
                tables.setdefault(at, []).append(cells)
                self.r.unplaced.remove(entry)
        out: list[str] = []
        run = list(first)
        for k in range(start, stop + 1):
            if k in tables:
                out += self._repaired(run)
                run = []
                rows = table_paragraphs(tables[k])
                out += rows
                self.r.warnings.append(f"“{_short(where, 20)}”中的表格已按行转成{len(rows)}段文字，放在原来的位置；"
                                       "导出的报告中它不再是表格，请核对。")
            if k < stop:
                run.append(fix_spaces(self.r.lines[k]))
        return out + self._repaired(run)

    def _repaired(self, run: list[str]) -> list[str]:
        got, joins = join_broken(run, width=self.width)
        self.joins += joins
        return got


_SERIAL = re.compile(r"^(序号|编号|序)$")
#: A unit in a column's or row's name: "行政处罚（件）", "金额(万元)", "（单位：次）".
_UNIT_IN_NAME = re.compile(r"^(.*?)[（(]\s*(?:单位[：:]\s*)?"
                           r"(件|次|人|人次|场|场次|个|项|条|份|家|期|名|万元|元|%|％)\s*[)）]$")
_YEAR_NAME = re.compile(r"^\d{4}\s*年(?:度)?$")
#: Column names that say only "the value": left out of the sentence ("办理行政复议案件5件", not "…数量5件").
_VALUE_NAMES = {"数量", "数值", "数据", "数目", "合计", "总数", "完成数", "完成情况", "情况", "内容",
                "件数", "次数", "人数"}


def _has_number(cell: str) -> bool:
    return bool(re.search(r"\d", cell)) and not _YEAR_NAME.match(cell)


def _value(cell: str, unit: str) -> str:
    """A cell's value with the unit its column or row names ("12" under "行政处罚（件）": "12件")."""
    return cell + unit if unit and re.fullmatch(r"[\d.,，]+", cell) else cell


def table_paragraphs(rows: list[list[str]]) -> list[str]:
    """A table in the body as sentences, one per row, that read as the report would say them and that the
    figure finder reads: "办理行政复议案件5件。" for a name and a number (a unit in brackets after the name goes
    after the number), "执法检查：2023年36次，2022年30次。" under a header row naming the columns, cells joined
    with "，" otherwise. A 序号 column is left out; empty cells too."""
    width = max(len(row) for row in rows)
    grid = [row + [""] * (width - len(row)) for row in rows]
    serial = [c for c in range(width) if _SERIAL.match(grid[0][c])] if len(grid) > 1 else []
    counted = [row[0] for row in grid if row[0]]  # 1, 2, 3 … down the first column, with or without its 序号
    if not serial and len(counted) >= 2 and any(
            [c.rstrip(".、．") for c in counted[k:]] == [str(n) for n in range(1, len(counted) - k + 1)]
            for k in (0, 1)):
        serial = [0]
    grid = [[cell for c, cell in enumerate(row) if c not in serial] for row in grid]
    grid = [row for row in grid if any(row)]
    if not grid:
        return []
    header = (len(grid) > 1 and not any(_has_number(c) for c in grid[0])
              and any(_has_number(c) for row in grid[1:] for c in row))
    names: list[tuple[str, str]] = []  # the header's column names and units
    if header:
        names = [(m.group(1).strip(), m.group(2)) if (m := _UNIT_IN_NAME.match(c)) else (c, "") for c in grid[0]]
        grid = grid[1:]
    out = []
    for row in grid:
        label, unit = (m.group(1).strip(), m.group(2)) if (m := _UNIT_IN_NAME.match(row[0])) else (row[0], "")
        clauses: list[str] = []
        for c in range(1, len(row)):
            if not row[c]:
                continue
            name, column_unit = names[c] if names else ("", "")
            value = _value(row[c], unit or column_unit)
            shown = name if name and (_YEAR_NAME.match(name) or (name not in _VALUE_NAMES and len(row) > 2)) else ""
            clauses.append(f"{shown}{'' if not shown or _starts_number(value) else '：'}{value}")
        by_year = any(_YEAR_NAME.match(n) for n, _ in names)
        sentence = _row_sentence(label, clauses, by_year,
                                 starts_with_number=_starts_number(next((v for v in row[1:] if v), "")))
        out.append(sentence if sentence[-1:] in SENTENCE_END else sentence + "。")
    return out


def _starts_number(text: str) -> bool:
    return bool(re.match(r"^(?:近|约)?[\d０-９]", text))


def _row_sentence(label: str, clauses: list[str], by_year: bool, *, starts_with_number: bool) -> str:
    """One row: "行政处罚12件", "执法检查36次，行政处罚12件" (names and values side by side), "2023年执法检查36次，
    2022年30次" (the year first, so the figure finder takes the number after the name), "事项：内容"."""
    if not label or not clauses:
        return "，".join([label, *clauses] if label else clauses)
    if by_year and (year := re.match(r"^(\d{4}\s*年度?)(.*)$", clauses[0])):
        return "，".join([f"{year.group(1)}{label}{year.group(2)}", *clauses[1:]])
    cells = [label, *clauses]
    if len(cells) > 2 and len(cells) % 2 == 0 and all(_starts_number(c) == (k % 2 == 1) for k, c in enumerate(cells)):
        return "，".join(cells[k] + cells[k + 1] for k in range(0, len(cells), 2))
    if label[-1].isdigit():  # two numbers never run together ("1" "2" is no "12")
        return "，".join(cells)
    return label + ("" if starts_with_number and _starts_number(clauses[0]) else "：") + "，".join(clauses)


def _level2(text: str) -> str:
    """"一、加强组织领导" written as the item it is under a "第一部分" heading: "（一）加强组织领导"."""
    m = LEVEL1.match(text)
    return f"（{m.group(1)}）{m.group(2)}" if m else text


def _heading_text(text: str) -> str | None:
    """A level-1 heading's text without its number, when it can be one: at most 60 characters, no final 。."""
    text = text.strip()
    return text if text and len(text) <= TITLE_MAX and not text.endswith("。") else None


class Heading(NamedTuple):
    """A level-1 heading: its line, its text without the number, the line its content starts at, and the text
    after it on its own line ("三、存在的不足。一是……": "一是……")."""

    at: int
    text: str
    after: int
    rest: str = ""


#: A level-1 heading written as a sentence ("一、主要举措和成效。") is at most this long without its 。.
SENTENCE_HEADING_MAX = 40


def _numbered_heading(text: str, year: int | None) -> tuple[str, str] | None:
    """The text after a "一、" / "第一部分" number as (heading, rest): the whole when it can be a heading; else its
    first sentence when short and naming a block ("主要举措和成效。" or "存在的不足。一是……")."""
    run_in = re.match(rf"^([^：:。]{{1,{SENTENCE_HEADING_MAX}}})[：:]\s*(\S.*)$", text)  # "主要举措和成效：2023年，……"
    if run_in and classify_heading(run_in.group(1), year) is not None and (
            any(p in run_in.group(2) for p in "，。；") or len(run_in.group(2)) > 30):  # text, not a subtitle
        return run_in.group(1).strip(), run_in.group(2).strip()
    whole = _heading_text(text)
    if whole is not None:
        return whole, ""
    head, _, rest = text.partition("。")
    if 0 < len(head) <= SENTENCE_HEADING_MAX and (not rest.strip() or classify_heading(head, year) is not None):
        return head.strip(), rest.strip()
    return None


def level1_headings(lines: list[str], outline: list[int | None], start: int, end: int,
                    year: int | None) -> list[Heading]:
    """The level-1 headings among lines[start:end].

    "一、" headings, "第一部分" / "第一章" / "第一篇" headings (the number alone on its line takes the next short
    line as its text) and Heading 1 paragraphs; when there are none of these, "1." / "1、" headings, provided
    their numbers run 1, 2, 3 … and at least two of them name different blocks (otherwise they are items).
    """
    heads: list[Heading] = []
    # under "第一部分" headings, "一、" numbers the items (recognise writes them as "（一）")
    parts = any(PART.match(lines[i]) for i in range(start, end))
    i = start
    while i < end:
        text = lines[i]
        m = PART.match(text) if parts else LEVEL1.match(text) or PART.match(text)
        found = _numbered_heading(m.group(2), year) if m and m.group(2) else None
        typo = None if m or parts else LEVEL1_COMMA.match(text)  # "一，主要举措和成效": a comma typed for 、
        if typo and _heading_text(typo.group(2)) and classify_heading(typo.group(2), year) is not None:
            found = (typo.group(2).strip(), "")
        if m and m.re is PART and not m.group(2) and i + 1 < end and "。" not in lines[i + 1]:
            heading = _heading_text(lines[i + 1])  # "第一部分" / "主要举措和成效" on two lines
            if heading is not None:
                heads.append(Heading(i, heading, i + 2))
                i += 2
                continue
        if found is not None:
            heads.append(Heading(i, found[0], i + 1, found[1]))
        elif outline[i] == 0 and "。" not in text and _heading_text(text) is not None:
            bare = ARABIC_ITEMS[0].match(text)
            heads.append(Heading(i, bare.group(2).strip() if bare and bare.group(2).strip() else text, i + 1))
        i += 1
    return heads or _arabic_headings(lines, start, end, year)


def _arabic_headings(lines: list[str], start: int, end: int, year: int | None) -> list[Heading]:
    """"1.主要举措和成效" (or "（一）主要举措和成效") headings of a document without "一、" ones: all the short lines
    numbered so, or else those that name a block, when their numbers run 1, 2, 3 … and they name at least two
    different blocks. "1." is tried first; "（一）" at the top level is for short reports."""
    for pattern in (ARABIC_ITEMS[0], ITEM):
        found = [(i, number, heading) for i in range(start, end)
                 if (m := pattern.match(lines[i])) and (heading := _heading_text(m.group(2))) is not None
                 and (number := int(m.group(1)) if m.group(1).isdigit() else small_chinese(m.group(1))) is not None]
        for candidates in (found, [f for f in found if classify_heading(f[2], year) is not None]):
            blocks = {classify_heading(heading, year) for _, _, heading in candidates} - {None}
            if [n for _, n, _ in candidates] == list(range(1, len(candidates) + 1)) and len(blocks) >= 2:
                return [Heading(i, heading, i + 1) for i, _, heading in candidates]
    return []


def _tail_lines(r: _Reader, closing_at: int | None, tail_start: int) -> list[str]:
    """The lines after the closing line, with the cells of a table there that holds only organs and dates (a
    borderless table clerks use to place the 署名 and 成文日期), which are then no longer unplaced."""
    cells: dict[int, list[str]] = {}
    for at, row, entry in r.table_rows:
        if closing_at is not None and closing_at < at <= len(r.lines) and all(
                parse_date(c) or looks_like_organ(c) or _signed_date(c) for c in row):
            cells.setdefault(at, []).extend(row)
            r.unplaced.remove(entry)
    out: list[str] = []
    for i in range(tail_start, len(r.lines) + 1):
        out += cells.get(i, [])
        out += r.lines[i:i + 1]
    return out


_NOTE = re.compile(r"^[（(](此件|此页|本件|联系人|联系电话)[^）)]*[）)]$")
_COPY_TO = re.compile(r"^(抄送|抄报|分送)[：:]\s*(.+?)[。.]?$")
_PRINTED = re.compile(r"(\d{4}|[〇零○ＯOo一二三四五六七八九]{4})年.{1,6}月.{1,4}日印发$")
_CONTACT = re.compile(r"^[（(]联系人[：:]\s*([^，,；;）)]+)[，,；;\s]*(?:联系)?电话[：:]\s*([\d\-－ ]+)[）)]$")


def _strip_colophon(r: _Reader, pos: int) -> dict[str, str]:
    """Takes the 附注 ("（此件公开发布）", "（联系人：……）") and the 版记 (抄送, "……2024年1月16日印发") off the end
    of the lines, so the 署名 and date before them are found. 抄送 and the contact become the unit's usual ones;
    the rest is listed as unplaced with what it is."""
    found: dict[str, str] = {}
    taken: list[Unplaced] = []
    while len(r.lines) > pos + 1:
        line = fix_spaces(r.lines[-1])
        bare = re.sub(r"\s+", "", line)
        copy_to, contact = _COPY_TO.match(bare), _CONTACT.match(line)
        if copy_to:
            found["cc"] = copy_to.group(2)
        elif contact:
            found["contact"] = f"{contact.group(1).strip()} {contact.group(2).strip()}"
        elif _NOTE.match(bare):
            taken.append(Unplaced(line, "附注（导出的报告不带附注，需要时请在导出的 Word 文档中补上）"))
        elif _PRINTED.search(bare) and len(bare) <= 60:
            taken.append(Unplaced(line, "版记的印发机关和印发日期（导出报送稿时按报告信息自动生成）"))
        else:
            break
        r.lines.pop()
        r.outline.pop()
    r.unplaced += reversed(taken)
    named = [f"{n}“{found[k]}”" for k, n in (("cc", "常用抄送"), ("contact", "联系人")) if k in found]
    if named:
        r.warnings.append(f"文末的{'和'.join(named)}已读出，导入时填入单位信息中空着的栏目（不改动已填写的）。")
    return found


_MASTHEAD = re.compile(r"^(.{2,40}?)(文件|文电|简报)$")


def _masthead(r: _Reader, line: str) -> bool:
    """A 版头 line above the title (the red "××人民政府办公室文件", 发文字号, 签发人): listed as unplaced, never
    taken for an issuing organ (it made the organs "××文件", "×政办〔2024〕3号" and put them in the title)."""
    bare = re.sub(r"[\s\u3000]+", "", line)
    if DOC_NUMBER.search(bare) and len(bare) <= 40:
        r.unplaced.append(Unplaced(fix_spaces(line), "发文字号或签发人（可在导出选项中填写）"))
        return True
    if _MASTHEAD.match(bare) and not any(p in bare for p in "，。；："):
        r.unplaced.append(Unplaced(fix_spaces(line), "版头的发文机关标志（导出时按发文机关生成）"))
        return True
    return False


def _drop_repeated_organs(r: _Reader, organ_lines: list[str], prefix: str) -> list[str]:
    """Organ lines above the title without the 版头: a line naming only organs that a later line or the title
    itself names again ("××办公室" / "××办公室关于……", or the same organ line twice), listed as unplaced."""
    kept = []
    for n, line in enumerate(organ_lines):
        later = {fix_spaces(o) for b in [*organ_lines[n + 1:], prefix] for o in split_organs(b) if b.strip()}
        if later and {fix_spaces(o) for o in split_organs(line)} <= later:
            r.unplaced.append(Unplaced(fix_spaces(line), "版头的发文机关标志（导出时按发文机关生成）"))
        else:
            kept.append(line)
    return kept


def _combined_parts(heading: str, content: list[str], year: int | None,
                    warnings: list[str]) -> list[tuple[str, list[str]]] | None:
    """A heading naming two blocks ("存在的问题和下一步工作打算") whose items are one per block ("（一）存在的问题",
    "（二）下一步工作打算"): each item as a heading of its own block, its text as the block's content. Else None."""
    scores = block_scores(heading, year)
    if sum(score > 0 for score in scores.values()) < 2:
        return None
    numbering, items, lead = split_items(content)
    if lead or numbering not in (Numbering.HEADINGS, Numbering.INLINE) or len(items) < 2:
        return None
    blocks = [classify_heading(item.title, year) if item.title else None for item in items]
    if None in blocks or len(set(blocks)) != len(blocks) or any(scores[b] <= 0 for b in blocks if b is not None):
        return None
    names = "”“".join(BLOCK_NAMES[b] for b in blocks if b is not None)
    titles = "”“".join(i.title for i in items)
    warnings.append(f"“{heading}”包含报告的两个部分，已按其下的“{titles}”分别放入“{names}”。")
    return [(item.title, item.paragraphs) for item in items]


#: The first line of an attachment's page after the date: "附件", "附件1", "附件一：".
APPENDIX_MARK = re.compile(r"^附件[\d一二三四五六七八九十]{0,2}[：:]?$")


def _strip_appendix(r: _Reader, pos: int) -> bool:
    """Takes the attachments' pages (from a "附件" / "附件1" line standing alone within 8 lines after a date to the
    end) off the lines: they are listed as unplaced, never read as 附件 names, 署名 or text of the last block."""
    for k in range(pos + 1, len(r.lines)):
        if APPENDIX_MARK.match(re.sub(r"\s+", "", r.lines[k])) and any(
                parse_date(b) or _signed_date(b) for b in r.lines[max(pos, k - 8):k]):
            r.unplaced.append(Unplaced("\n".join(fix_spaces(x) for x in r.lines[k:]),
                                       "附件的正文（不导入；其中的数字可在“数据”页填写）"))
            del r.lines[k:], r.outline[k:]
            return True
    return False


_SEAL = re.compile(r"[（(]\s*(?:盖章|印章|公章|章|签章|签字盖章)\s*[)）]$")


def _strip_seal_marks(r: _Reader, pos: int) -> None:
    """"（盖章）" beside or under the 署名 (in the last 10 lines): taken off, so the 署名 is read as one (a line
    with only the mark is listed as unplaced); without 特此报告 they were glued into the last block."""
    for i in range(len(r.lines) - 1, max(pos, len(r.lines) - 10) - 1, -1):
        line = fix_spaces(r.lines[i])
        mark = _SEAL.search(line)
        if mark and not line[:mark.start()].strip():
            r.unplaced.append(Unplaced(line, "盖章处的提示（导出的报告在署名处盖章，不需要写出）"))
            r.remove_line(i)
        elif mark and looks_like_organ(line[:mark.start()]):
            r.lines[i] = line[:mark.start()].strip()


def _doubtful_date(line: str) -> bool:
    """A short line that starts like a date ("2024.1", "2024年2月30日") but is not one parse_date reads."""
    bare = re.sub(r"\s+", "", line)
    return len(bare) <= 16 and bool(DATE_LIKE.match(bare)) and parse_date(bare) is None


def _signed_date(line: str) -> tuple[str, dt.date] | None:
    """"沈丘县人民政府办公室    2024年1月15日": the 署名 and the 成文日期 spaced apart on one line."""
    for m in re.finditer(r"[\s\u3000]+", line):
        d = parse_date(line[m.end():])
        if d is not None and looks_like_organ(line[:m.start()]):
            return line[:m.start()], d
    return None


def _flat(item: Item) -> list[str]:
    return ([item.title] if item.title else []) + item.paragraphs


def _choose_block(heading: str, year: int | None, taken: dict[Block, Section], warnings: list[str]) -> Block | None:
    scores = block_scores(heading, year)
    ranked = sorted((b for b in BODY_BLOCKS if scores[b] > 0), key=lambda b: -scores[b])
    if not ranked:
        return None
    for block in ranked:
        if block not in taken:
            return block
    return ranked[0]


# ----- items -----------------------------------------------------------------------------------------------
def _colon_title(text: str, limit: int = TITLE_MAX) -> tuple[str, str] | None:
    """"加强组织领导：成立了……" -> ("加强组织领导", "成立了……"): the text before the first "：" is the title a reader
    sees when it comes before any 。, is short and is a phrase (no comma or semicolon in it), and what follows is a
    sentence (or nothing), not a subtitle."""
    m = re.match(r"^([^。：:，,；;]+)[：:]\s*(.*)$", text)
    if m is None or len(m.group(1).strip()) > limit:
        return None
    rest = m.group(2).strip()
    if rest and not any(p in rest for p in "，。；,;") and len(rest) <= 30:
        return None  # "坚持高位推动：压实第一责任人职责": a title with its subtitle, not a title and its text
    return m.group(1).strip(), rest


def _title_and_body(text: str, limit: int = TITLE_MAX) -> tuple[str, list[str]]:
    """"标题。正文" or "标题：正文" -> ("标题", ["正文"]); a first sentence longer than limit stays in the body."""
    colon = _colon_title(text, limit)
    if colon is not None:
        return colon[0], [colon[1]] if colon[1] else []
    head, sep, rest = text.partition("。")
    if sep and len(head) <= limit:
        return head.strip(), [rest.strip()] if rest.strip() else []
    if not sep and len(text) <= limit:
        return text.strip(), []
    return "", [text]


def _sequence_ok(numbers: list[str]) -> bool:
    from fzdesk.domain.numbering import chinese_number

    return numbers == [chinese_number(n) for n in range(1, len(numbers) + 1)]


def split_items(content: list[str]) -> tuple[Numbering, list[Item], list[str]]:
    """A block's paragraphs as items: （一） headings or inline, 一是 paragraphs, inline 一是…二是…, or plain.

    Returns the numbering style, the items and any lead-in paragraphs before the first numbered item.
    """
    if not content:
        return Numbering.HEADINGS, [], []
    content = [piece for p in content for piece in _expand_inline_items(p)]
    if any(ITEM.match(p) for p in content):
        return _split_marked(content, ITEM, yishi=False)
    arabic = _arabic_items(content)
    if arabic is not None:
        marked = _split_marked(content, arabic, yishi=False)
        if marked[2]:  # a lead-in: keep_lead_in would relabel "1." as "（一）", so the block stays as written
            return Numbering.NONE, [Item("", list(content))], []
        return marked
    content = [piece for p in content for piece in _expand_yishi(p)]
    if any(YISHI.match(p) for p in content):
        return _split_marked(content, YISHI, yishi=True)
    for n, p in enumerate(content):
        parts = split_inline_yishi(p)
        if parts:
            lead, pieces = parts
            items = [Item(*_title_and_body(piece, 40)) for piece in pieces]
            if n + 1 < len(content):  # what follows the list stays with its last item
                items[-1].paragraphs += content[n + 1:]
            leads = content[:n] + ([lead] if lead else [])
            return Numbering.YISHI, items, leads
    return Numbering.NONE, [Item("", list(content))], []


def _arabic_items(content: list[str]) -> re.Pattern[str] | None:
    """The pattern of "1." or "（1）" items when the first numbered paragraph has one (before any 一是) and its
    numbers run 1, 2, 3 …; a marker of the other form inside an item stays in the item's text."""
    firsts = [(next((n for n, p in enumerate(content) if pattern.match(p)), len(content)), k)
              for k, pattern in enumerate(ARABIC_ITEMS)]
    at, k = min(firsts)
    yishi_at = next((n for n, p in enumerate(content) if YISHI.match(p)), len(content))
    if at >= min(yishi_at, len(content)):
        return None
    pattern = ARABIC_ITEMS[k]
    numbers = [item_number(m.group(1)) for p in content if (m := pattern.match(p))]
    return pattern if numbers == list(range(1, len(numbers) + 1)) else None


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def keep_lead_in(content: list[str], numbering: Numbering, items: list[Item],
                 lead: list[str]) -> tuple[Numbering, list[Item]]:
    """A lead-in before the first numbered item ("虽然……存在一些不足：") has no place in a numbered list (the
    program would number it), so the block keeps the source's order unnumbered: a list written inside one
    paragraph ("……不足：一是A；二是B。") stays that paragraph as written; otherwise the lead-in is the first item
    and each item keeps its typed number ("（一）", "一是") at the start of its title or first paragraph."""
    if not all(p in content for p in lead):  # the lead-in is the start of the paragraph that holds the list
        return Numbering.NONE, [Item("", list(content))]
    from fzdesk.domain.numbering import item_label

    kept = [Item("", list(lead))]
    for n, item in enumerate(items, start=1):
        label = item_label(numbering, n)
        if item.title:
            kept.append(Item(label + item.title, item.paragraphs))
        else:
            kept.append(Item("", [label + p if k == 0 else p for k, p in enumerate(item.paragraphs)]))
    return Numbering.NONE, kept


def _split_marked(content: list[str], pattern: re.Pattern[str], *,
                  yishi: bool) -> tuple[Numbering, list[Item], list[str]]:
    lead: list[str] = []
    items: list[Item] = []
    headings = inline = 0
    for p in content:
        m = pattern.match(p)
        if not m:
            if items:
                items[-1].paragraphs.append(p)
            else:
                lead.append(p)
            continue
        rest = m.group(2).strip()
        if yishi:
            items.append(Item(*_title_and_body(rest, 40)))
            continue
        bare = rest.rstrip("。")
        colon = _colon_title(rest)
        if colon is not None and not colon[1]:  # "（一）加强组织领导：" with its text below
            items.append(Item(colon[0]))
            headings += 1
        elif colon is None and "。" not in bare and len(bare) <= 50 and \
                rest[-1:] not in SENTENCE_END.replace("。", ""):
            items.append(Item(bare))
            headings += 1
        else:
            items.append(Item(*_title_and_body(rest)))
            inline += 1
    if yishi:
        return Numbering.YISHI, items, lead
    return (Numbering.HEADINGS if headings >= inline else Numbering.INLINE), items, lead


def _expand_inline_items(paragraph: str) -> list[str]:
    """"（一）A。（二）B。" (or "（一）A。二、B。", as "一、" items under a "第一部分" heading read) typed as one
    paragraph -> ["（一）A。", "（二）B。"]: each next number in turn, right after a sentence end (。；), starts an
    item."""
    m = ITEM.match(paragraph)
    n = small_chinese(m.group(1)) if m else None
    if n is None:
        return [paragraph]
    from fzdesk.domain.numbering import chinese_number

    out: list[str] = []
    label, start = "", 0
    at = m.end(1) if m else 0
    while (nxt := re.compile(rf"(?<=[。；;])\s*(?:[（(]{chinese_number(n + 1)}[）)]|{chinese_number(n + 1)}、)")
           .search(paragraph, at)) is not None:
        out.append(label + paragraph[start:nxt.start()].strip())
        n += 1
        label, start, at = f"（{chinese_number(n)}）", nxt.end(), nxt.end()
    return [*out, label + paragraph[start:].strip()] if out else [paragraph]


def _expand_yishi(paragraph: str) -> list[str]:
    """"一是A；二是B。" (a paragraph that is only the list) -> ["一是A；", "二是B。"]."""
    parts = split_inline_yishi(paragraph)
    if parts is None or parts[0]:
        return [paragraph]
    from fzdesk.domain.numbering import chinese_number

    return [f"{chinese_number(n)}是{piece}" for n, piece in enumerate(parts[1], start=1)]


_INLINE_YISHI = re.compile(rf"([{_NUM}]{{1,3}})是")


def split_inline_yishi(text: str) -> tuple[str, list[str]] | None:
    """"……不足：一是A；二是B；三是C。" -> ("……不足：", ["A；", "B；", "C。"]) when 一是, 二是 … follow in order."""
    from fzdesk.domain.numbering import chinese_number

    cuts: list[tuple[int, int]] = []
    expected = 1
    for m in _INLINE_YISHI.finditer(text):
        if m.group(1) == chinese_number(expected) and (m.start() == 0 or text[m.start() - 1] in "：:，,；;。 "):
            cuts.append((m.start(), m.end()))
            expected += 1
    if len(cuts) < 2:
        return None
    pieces = [text[cuts[n][1]:(cuts[n + 1][0] if n + 1 < len(cuts) else len(text))].strip() for n in range(len(cuts))]
    return text[:cuts[0][0]].strip(), pieces
