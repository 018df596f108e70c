"""Filling an outline's text: kept apart from the outline's classes, which the window's start-up does not need
(the 开头 step's state compares the report's opening with the outline's opening text only)."""

from __future__ import annotations


def fill(template: str, year: int, organ: str) -> str:
    return template.replace("{year}", str(year)).replace("{next}", str(year + 1)).replace("{organ}", organ)
