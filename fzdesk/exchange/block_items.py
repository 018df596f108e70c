"""A block's paragraphs as items: （一） headings or inline, 1. ① ⑴, 一是 paragraphs or inline, a lead-in kept."""

from __future__ import annotations

import re

from fzdesk.domain.model import Item, Numbering
from fzdesk.exchange.markers import ARABIC_ITEMS, INLINE_YISHI, ITEM, YISHI, item_number
from fzdesk.exchange.numerals import small_chinese
from fzdesk.exchange.repair import SENTENCE_END

TITLE_MAX = 60  # an item title longer than this is a sentence of the body


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


def split_inline_yishi(text: str) -> tuple[str, list[str]] | None:
    """"……不足：一是A；二是B；三是C。" -> ("……不足：", ["A；", "B；", "C。"]) when 一是, 二是 … follow in order."""
    from fzdesk.domain.numbering import chinese_number

    cuts: list[tuple[int, int]] = []
    expected = 1
    for m in INLINE_YISHI.finditer(text):
        if m.group(1) == chinese_number(expected) and (m.start() == 0 or text[m.start() - 1] in "：:，,；;。 "):
            cuts.append((m.start(), m.end()))
            expected += 1
    if len(cuts) < 2:
        return None
    pieces = [text[cuts[n][1]:(cuts[n + 1][0] if n + 1 < len(cuts) else len(text))].strip() for n in range(len(cuts))]
    return text[:cuts[0][0]].strip(), pieces
