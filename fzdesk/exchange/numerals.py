"""Chinese numerals (一 .. 九十九, 二〇二三) and full-width digits as ints."""

from __future__ import annotations

import re

CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "o": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def small_chinese(text: str) -> int | None:
    """一 .. 九十九 as an int (十, 十二, 二十, 二十一), else None."""
    if not text or any(c not in CN_DIGITS and c != "十" for c in text):
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = CN_DIGITS[tens] if tens else 1
        o = CN_DIGITS[ones] if ones else 0
        return t * 10 + o if len(tens) <= 1 and len(ones) <= 1 else None
    return CN_DIGITS[text] if len(text) == 1 else None


def year_number(text: str) -> int | None:
    """"2023", "２０２３", "二〇二三" or the mixed "二0二三" clerks type, as an int."""
    text = text.translate(FULL_DIGITS)
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if len(text) == 4 and all(c in CN_DIGITS or c == "0" for c in text) and not text.isdigit():
        return int("".join(str(CN_DIGITS.get(c, 0)) for c in text))
    return None
