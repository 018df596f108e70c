"""Chinese numbering applied by the program: 一、 for blocks, （一） / 一是 for items."""

from __future__ import annotations

from fzdesk.domain.model import Block, Numbering, Report, Section

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 99 -> 九十九, 100 -> 一百 (up to 999)."""
    if not 0 < n < 1000:
        raise ValueError(f"cannot number {n} in Chinese")
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += _DIGITS[hundreds] + "百"
        if rest and tens == 0:
            return out + "零" + _DIGITS[ones]
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    if ones:
        out += _DIGITS[ones]
    return out


def block_label(index: int) -> str:
    """Level-1 heading label: 一、 二、 …"""
    return f"{chinese_number(index)}、"


def item_label(style: Numbering, index: int) -> str:
    """The label put before an item's title (or first paragraph) for a numbering style."""
    if style in (Numbering.HEADINGS, Numbering.INLINE):
        return f"（{chinese_number(index)}）"
    if style is Numbering.YISHI:
        return f"{chinese_number(index)}是"
    return ""


def numbered_sections(report: Report) -> list[tuple[str, Section]]:
    """The body sections that go into the document, each with its level-1 label."""
    out: list[tuple[str, Section]] = []
    for section in report.body_sections:
        if section.block is Block.OTHER and section.omitted:
            continue
        out.append((block_label(len(out) + 1), section))
    return out
