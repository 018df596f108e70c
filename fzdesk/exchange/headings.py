"""Level-1 headings of a hand-written report and the block each one names."""

from __future__ import annotations

import re
from typing import NamedTuple

from fzdesk.domain.model import BODY_BLOCKS, Block, Numbering, Section
from fzdesk.domain.naming import block_name
from fzdesk.exchange.block_items import TITLE_MAX, split_items
from fzdesk.exchange.markers import ARABIC_ITEMS, ITEM, LEVEL1, LEVEL1_COMMA, PART
from fzdesk.exchange.numerals import small_chinese

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


def choose_block(heading: str, year: int | None, taken: dict[Block, Section], warnings: list[str]) -> Block | None:
    scores = block_scores(heading, year)
    ranked = sorted((b for b in BODY_BLOCKS if scores[b] > 0), key=lambda b: -scores[b])
    if not ranked:
        return None
    for block in ranked:
        if block not in taken:
            return block
    return ranked[0]


def as_item_heading(text: str) -> str:
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


def combined_parts(heading: str, content: list[str], year: int | None,
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
