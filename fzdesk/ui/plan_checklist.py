"""Last year's 下一年度安排 as a checklist in the measures block: each plan marked and linked to this year's item."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fzdesk.domain.checklist import PlanCheck, PlanStatus
from fzdesk.domain.model import Section
from fzdesk.storage.checklist import plan_checks
from fzdesk.ui import style
from fzdesk.ui.kept_edits import kept_marks, write_plan_mark
from fzdesk.ui.pages.base import Session

#: The order of the choices; keys 0-3 in the plan list choose them.
STATUSES = (PlanStatus.UNMARKED, PlanStatus.DONE, PlanStatus.PARTIAL, PlanStatus.NOT_DONE)
NO_LINK = "（未关联本年条目）"


def load_checks(session: Session) -> list[PlanCheck]:
    report = session.report
    if report is None or report.id is None:
        return []
    return kept_marks(session.saver, plan_checks(session.store, report.id))  # (with the marks kept for a retry)


def unmarked(checks: list[PlanCheck]) -> int:
    return sum(c.status is PlanStatus.UNMARKED for c in checks)


class PlanChecklist(QWidget):
    """The plans of last year's report; each status and link is saved at once."""

    changed = Signal()
    show_item = Signal(int)  # an item id of this year's measures block

    def __init__(self, session: Session, section: Section, checks: list[PlanCheck],
                 label_of: Callable[[int], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.section = section  # this year's measures block
        self.checks = checks
        self.label_of = label_of
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        style.hint(self.summary)
        self.summary.setToolTip("逐项标记去年安排的落实情况，并选出本部分中写这项工作的条目")
        layout.addWidget(self.summary)
        self.plans = QListWidget()
        style.item_list(self.plans)
        self.plans.setAccessibleName("上年安排")
        self.plans.setWordWrap(True)
        self.plans.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.plans.setToolTip("选中一项安排后按 1 已落实、2 部分落实、3 未落实、0 取消标记")
        self.plans.installEventFilter(self)
        layout.addWidget(self.plans, 3)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setTabChangesFocus(True)
        self.detail.setAccessibleName("去年的原文（只读）")
        self.detail.setToolTip("去年报告中这一项安排的原文")
        layout.addWidget(self.detail, 1)
        form = QFormLayout()
        self.status = QComboBox()
        self.status.setAccessibleName("落实情况")
        for status in STATUSES:
            self.status.addItem(status.label, status)
        self.link = QComboBox()
        self.link.setAccessibleName("对应本年条目")
        self.link.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # 9, not 10: with 10 the three columns were 7 px too wide for last year's pane beside the editor at
        # 1280x800 once the item's title keeps 10 characters (docs/ui-large-text.md)
        self.link.setMinimumContentsLength(9)
        form.addRow("落实情况", self.status)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link, 1)
        self.go = QPushButton("转到")
        self.go.setToolTip("在左边打开这一条目")
        link_row.addWidget(self.go)
        form.addRow("本年条目", link_row)
        layout.addLayout(form)
        self.refresh_items()
        self._fill(0)
        self.plans.currentRowChanged.connect(self._show)
        self.status.activated.connect(lambda _i: self.set_status(PlanStatus(self.status.currentData())))
        self.link.activated.connect(lambda _i: self.set_link(self.link.currentData()))
        self.go.clicked.connect(self._go)

    # ----- showing -------------------------------------------------------------------------------
    def tab_title(self) -> str:
        left = unmarked(self.checks)
        return f"安排落实（{left}项未标记）" if left else "安排落实（已全部标记）"

    def current(self) -> PlanCheck | None:
        row = self.plans.currentRow()
        return self.checks[row] if 0 <= row < len(self.checks) else None

    def _item_name(self, item_id: int | None) -> str:
        for n, item in enumerate(self.section.items):
            if item.id == item_id:
                first = item.title.strip() or (item.paragraphs[0] if item.paragraphs else "（空白条目）")
                return f"{self.label_of(n) or '· '}{first[:24]}"
        return ""

    def _row_text(self, n: int, check: PlanCheck) -> str:
        linked = self._item_name(check.item_id)
        text = f"{n + 1}. 【{check.status.label}】{check.plan}"
        return f"{text}\n　→ {linked}" if linked else text

    def _fill(self, row: int) -> None:
        self.plans.blockSignals(True)
        self.plans.clear()
        for n, check in enumerate(self.checks):
            self.plans.addItem(self._row_text(n, check))
        self.plans.setCurrentRow(min(row, len(self.checks) - 1))
        self.plans.blockSignals(False)
        self._show(self.plans.currentRow())

    def _update_summary(self) -> None:
        left = unmarked(self.checks)
        total = len(self.checks)
        self.summary.setText(f"去年的“下一年度安排”共{total}项，"
                             + (f"还有{left}项没有标记落实情况。" if left else "已全部标记。"))

    def _show(self, row: int) -> None:
        check = self.current()
        self._update_summary()
        for w in (self.status, self.link, self.go):
            w.setEnabled(check is not None)
        if check is None:
            self.detail.clear()
            return
        self.detail.setPlainText(check.detail or check.plan)
        self.status.setCurrentIndex(STATUSES.index(check.status))
        index = self.link.findData(check.item_id) if check.item_id is not None else 0
        self.link.setCurrentIndex(max(index, 0))
        self.go.setEnabled(check.item_id is not None)

    def refresh_items(self) -> None:
        """This year's items changed (added, deleted, moved, retitled): the link choices and the rows follow."""
        ids = {item.id for item in self.section.items}
        for check in self.checks:
            if check.item_id is not None and check.item_id not in ids:
                check.item_id = None  # the item was deleted: the store set the link to NULL
        self.link.blockSignals(True)
        self.link.clear()
        self.link.addItem(NO_LINK, None)
        for item in self.section.items:
            if item.id is not None:
                self.link.addItem(self._item_name(item.id), item.id)
        self.link.blockSignals(False)
        self._fill(max(self.plans.currentRow(), 0))

    # ----- editing -------------------------------------------------------------------------------
    def set_status(self, status: PlanStatus) -> None:
        check = self.current()
        if check is None or check.id is None or check.status is status:
            return
        check.status = status
        self._save(check.id, status=status)
        self._after_edit()

    def set_link(self, item_id: int | None) -> None:
        check = self.current()
        if check is None or check.id is None or check.item_id == item_id:
            return
        check.item_id = item_id
        self._save(check.id, item_id=item_id)
        self._after_edit()

    def _save(self, check_id: int, **fields: object) -> None:
        """Through the window's saver: a write that fails (the disk full) is kept on screen, retried and said once."""
        write_plan_mark(self.session.saver, self.session.store, check_id, **fields)

    def _after_edit(self) -> None:
        row = self.plans.currentRow()
        self.plans.item(row).setText(self._row_text(row, self.checks[row]))
        self._show(row)
        self.changed.emit()

    def _go(self) -> None:
        check = self.current()
        if check is not None and check.item_id is not None:
            self.show_item.emit(check.item_id)

    _KEYS: ClassVar[dict[Qt.Key, int]] = {Qt.Key.Key_0: 0, Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keys 1/2/3/0 in the plan list mark the selected plan (已落实/部分落实/未落实/未标记)."""
        if watched is self.plans and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            choice = self._KEYS.get(Qt.Key(event.key()))
            if choice is not None and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                                            Qt.KeyboardModifier.KeypadModifier):
                self.set_status(STATUSES[choice])
                return True
        return super().eventFilter(watched, event)
