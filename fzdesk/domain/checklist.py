"""Last year's 下一年度安排 as this year's checklist: each plan marked 已落实/部分落实/未落实 and linked."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PlanStatus(StrEnum):
    UNMARKED = "unmarked"  # not looked at yet
    DONE = "done"  # 已落实
    PARTIAL = "partial"  # 部分落实
    NOT_DONE = "not_done"  # 未落实

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    PlanStatus.UNMARKED: "未标记",
    PlanStatus.DONE: "已落实",
    PlanStatus.PARTIAL: "部分落实",
    PlanStatus.NOT_DONE: "未落实",
}


@dataclass
class PlanCheck:
    """One of last year's plan items, to be accounted for in this year's measures block."""

    plan: str  # the plan as last year's report put it: the item's title, or its first sentence
    detail: str = ""  # the whole of last year's item, shown on demand
    status: PlanStatus = PlanStatus.UNMARKED
    item_id: int | None = None  # this year's item (of any block) that reports on it
    note: str = ""
    id: int | None = None
