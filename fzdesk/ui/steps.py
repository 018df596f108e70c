"""The wizard's steps in order, with their titles, for a report's configured block order."""

from __future__ import annotations

from dataclasses import dataclass

from fzdesk.domain.model import BODY_BLOCKS, Block, Report
from fzdesk.domain.numbering import chinese_number

BLOCK_NAMES = {
    Block.RESPONSIBILITY: "第一责任人履职",
    Block.MEASURES: "主要举措和成效",
    Block.SHORTCOMINGS: "不足和原因",
    Block.PLANS: "下一年度安排",
    Block.OTHER: "其他情况",
}


def block_name(block: Block) -> str:
    return BLOCK_NAMES.get(block, block.value)


@dataclass(frozen=True)
class Step:
    key: str  # "unit", "report", "opening", a Block value, "figures", "closing", "check", "export"
    title: str
    block: Block | None = None


def steps_for(report: Report | None) -> list[Step]:
    """单位信息 → 报告信息 → 开头 → the five blocks in the report's order → 数据 → 结尾与附件 → 检查 → 导出."""
    order = [s.block for s in report.body_sections] if report else list(BODY_BLOCKS)
    steps = [Step("unit", "单位信息"), Step("report", "报告信息"), Step("opening", "开头", Block.OPENING)]
    for n, block in enumerate(order, start=1):
        steps.append(Step(block.value, f"{chinese_number(n)}、{block_name(block)}", block))
    steps += [Step("figures", "数据"), Step("closing", "结尾与附件", Block.CLOSING), Step("check", "检查"),
              Step("export", "导出")]
    return steps
