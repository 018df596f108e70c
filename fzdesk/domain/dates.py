"""Dates as reports and the window write them."""

from __future__ import annotations

import datetime as dt


def written_date(date: dt.date) -> str:
    """2023年12月15日: Arabic numerals without zero padding (GB/T 9704's 成文日期, and every date the clerk reads)."""
    return f"{date.year}年{date.month}月{date.day}日"
