"""The numbers that mark headings and items (一、 （一） 第一部分 一是 1. ① ⑴ ⒈) and the values they hold."""

from __future__ import annotations

import re

_NUM = "一二三四五六七八九十"
LEVEL1 = re.compile(rf"^([{_NUM}]{{1,3}})\s*[、.．]\s*(.+)$")
ITEM = re.compile(rf"^[（(]\s*([{_NUM}]{{1,3}})\s*[）)]\s*(.*)$")
LEVEL1_COMMA = re.compile(rf"^([{_NUM}]{{1,3}})\s*[，,]\s*(.+)$")
#: "第一部分 主要举措和成效", "第二章：……", or the number alone ("第一部分") with the heading on the next line.
PART = re.compile(rf"^第\s*([{_NUM}]{{1,3}}|\d{{1,2}})\s*(?:部分|章|篇)\s*[、：:.．，,\s]*(.*)$")
YISHI = re.compile(rf"^([{_NUM}]{{1,3}})是\s*(.*)$")
#: 一是, 二是 … anywhere in a paragraph ("……不足：一是A；二是B。").
INLINE_YISHI = re.compile(rf"([{_NUM}]{{1,3}})是")
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
