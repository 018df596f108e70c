"""The 检查 step's list: findings grouped by severity and step, 无法检查 and 已忽略 apart (a QStandardItemModel)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from fzdesk import resources
from fzdesk.checks.findings import STEP_LABELS, CheckResult, Finding, Severity, Unchecked
from fzdesk.ui.highlighter import SEVERITY_COLOURS

FINDING_ROLE = Qt.ItemDataRole.UserRole + 10
HEADERS = ("问题", "位置", "原文")
_GREY = QColor("#8c959f")


def _row(texts: tuple[str, ...], finding: Finding | Unchecked | None = None,
         colour: QColor | None = None) -> list[QStandardItem]:
    items = []
    for text in texts:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setToolTip(text)
        if finding is not None:
            item.setData(finding, FINDING_ROLE)
        if colour is not None:
            item.setForeground(QBrush(colour))
        items.append(item)
    return items


def _group(text: str, colour: QColor | None = None) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    font = QFont(item.font())
    font.setBold(True)
    item.setFont(font)
    if colour is not None:
        item.setForeground(QBrush(colour))
    return item


def place(f: Finding) -> str:
    """Where in its step (the group row above already names the step): 第2项 · 第1段, 主送机关, 行政复议 · 受理."""
    return f.location.place(resources.catalogue()) or "整个部分"


def _excerpt(f: Finding) -> str:
    return f"…{f.excerpt}…" if f.excerpt else ""


class FindingsModel(QStandardItemModel):
    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalHeaderLabels(list(HEADERS))

    def fill(self, result: CheckResult, step_titles: dict[str, str], step_order: dict[str, int]) -> None:
        self.removeRows(0, self.rowCount())
        root = self.invisibleRootItem()

        labels = {**STEP_LABELS, **step_titles}

        def title(step: str) -> str:
            return labels.get(step, step)

        open_ = result.open_findings
        for severity in Severity:
            group = [f for f in open_ if f.severity is severity]
            if not group:
                continue
            head = _group(f"{severity.label}（{len(group)}）", SEVERITY_COLOURS[severity])
            root.appendRow([head, _group(""), _group("")])
            steps: dict[str, list[Finding]] = {}
            for f in group:
                steps.setdefault(f.location.step, []).append(f)
            for step in sorted(steps, key=lambda s: step_order.get(s, 50)):
                step_item = _group(f"{title(step)}（{len(steps[step])}）")
                head.appendRow([step_item, _group(""), _group("")])
                for f in steps[step]:
                    step_item.appendRow(_row((f.message, place(f), _excerpt(f)), f))
        if result.unchecked:
            head = _group(f"无法检查（{len(result.unchecked)}，缺少数据，不算问题）", _GREY)
            root.appendRow([head, _group(""), _group("")])
            for u in result.unchecked:
                head.appendRow(_row((u.message, "数据", ""), u))
        dismissed = [f for f in result.findings if f.dismissed]
        if dismissed:
            head = _group(f"已忽略（{len(dismissed)}）", _GREY)
            root.appendRow([head, _group(""), _group("")])
            for f in dismissed:
                reason = f"理由：{f.reason}" if f.reason else "（未写理由）"
                where = f.location.describe(labels, resources.catalogue())
                head.appendRow(_row((f"{f.severity.label}：{f.message}", where, reason), f, _GREY))
