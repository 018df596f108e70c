"""The one naming source for the wizard's steps: the window's step list, 检查, `fzdesk check` and export use it."""

from __future__ import annotations

from fzdesk.domain.model import BODY_BLOCKS, Block, Report
from fzdesk.domain.numbering import chinese_number

#: The five blocks' short names as the step list shows them (numbered in the report's order: 一、第一责任人履职).
BLOCK_NAMES: dict[Block, str] = {
    Block.RESPONSIBILITY: "第一责任人履职",
    Block.MEASURES: "主要举措和成效",
    Block.SHORTCOMINGS: "不足和原因",
    Block.PLANS: "下一年度安排",
    Block.OTHER: "其他情况",
}
#: The steps that are not one of the five blocks, by key ("report" is the 报告信息 step).
OTHER_STEPS: dict[str, str] = {
    "unit": "单位信息", "report": "报告信息", Block.OPENING.value: "开头", "figures": "数据",
    Block.CLOSING.value: "结尾与附件", "check": "检查", "export": "导出",
}
#: A finding's location names the 报告信息 step "info" (its report-level fields).
INFO_STEP = "info"


def block_name(block: Block) -> str:
    """The short name of a block, unnumbered: 第一责任人履职; 开头 and 结尾与附件 for the other two."""
    return BLOCK_NAMES.get(block) or OTHER_STEPS.get(block.value, block.value)


def plain_step_titles() -> dict[str, str]:
    """Every step's title by key, the blocks unnumbered (when no report says their order)."""
    titles = {**OTHER_STEPS, **{block.value: name for block, name in BLOCK_NAMES.items()}}
    titles[INFO_STEP] = titles["report"]
    return titles


def step_titles(report: Report | None) -> dict[str, str]:
    """Every step's title by key, the five blocks numbered in the report's order (一、第一责任人履职 …).
    The 报告信息 step answers to both "report" (the window's key) and "info" (a finding's location step)."""
    order = [s.block for s in report.body_sections] if report and report.body_sections else list(BODY_BLOCKS)
    titles = dict(OTHER_STEPS)
    for n, block in enumerate(order, start=1):
        titles[block.value] = f"{chinese_number(n)}、{BLOCK_NAMES[block]}"
    for block in BODY_BLOCKS:  # a report without one of the blocks still names it
        titles.setdefault(block.value, BLOCK_NAMES[block])
    titles[INFO_STEP] = titles["report"]
    return titles


def step_title(step: str, report: Report | None = None) -> str:
    """One step's title: numbered in the report's order when a report is given, else unnumbered."""
    return (step_titles(report) if report is not None else plain_step_titles()).get(step, step)
