"""Dates and years as clerks write them: 2023年12月15日, 二〇二三年十二月十五日, 2024.1.15, 二O二三年度."""

from __future__ import annotations

import datetime as dt
import re

from fzdesk.exchange.numerals import FULL_DIGITS, small_chinese, year_number

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
    month, day = (int(g.translate(FULL_DIGITS)) if g.translate(FULL_DIGITS).isdigit() else small_chinese(g)
                  for g in m.group(2, 3))
    return _valid(year_number(m.group(1)), month, day)


def _valid(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_year(title: str) -> int | None:
    m = re.search(r"([\d０-９]{4}|[〇零○ＯOo一二三四五六七八九]{4})\s*年", title)
    return year_number(m.group(1)) if m else None


def doubtful_date(line: str) -> bool:
    """A short line that starts like a date ("2024.1", "2024年2月30日") but is not one parse_date reads."""
    bare = re.sub(r"\s+", "", line)
    return len(bare) <= 16 and bool(DATE_LIKE.match(bare)) and parse_date(bare) is None
