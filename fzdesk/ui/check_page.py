"""Step 检查: every finding by severity and step; a click jumps to the place; fix, dismiss, explain from here."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from fzdesk.checks.findings import Finding, Severity, Unchecked
from fzdesk.domain.naming import step_titles
from fzdesk.ui.check_actions import EXPLANATION_CHOICES, dictionary_word
from fzdesk.ui.findings_model import FINDING_ROLE, FindingsModel
from fzdesk.ui.pages.base import Page, Session, buddy_label

if TYPE_CHECKING:
    from fzdesk.ui.check_hooks import CheckController

HINT = ("程序一边写一边检查：数字是否对得上、文字里的数字与“数据”表是否一致、常见用语错误、结构和日期。"
        "单击一条问题（或按回车）转到原文；选中后可在下方一键修改或忽略。"
        "“错误”要忽略必须写明理由，理由随报告保存。")


class FindingsView(QTreeView):
    """The list: Enter jumps to the finding (Qt's activated is not sent for Enter on every platform)."""

    def __init__(self, jump: object) -> None:
        super().__init__()
        self._jump = jump

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._jump(self.currentIndex())  # type: ignore[operator]
            event.accept()
            return
        super().keyPressEvent(event)


class CheckPage(Page):
    def __init__(self, session: Session, controller: CheckController, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.controller = controller
        self.do = controller.actions
        self.outer.addWidget(self.hint(HINT))
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.recheck = QPushButton("重新检查(&K)")
        self.recheck.setToolTip("立即检查全文（F5）")
        top.addWidget(self.summary, 1)
        top.addWidget(self.recheck)
        self.outer.addLayout(top)
        choice_row = QHBoxLayout()
        self.explanations = QComboBox()
        for value, text in EXPLANATION_CHOICES:
            self.explanations.addItem(text, value)
        self.explanations.setAccessibleName("较大变化的说明写在哪里")
        choice_row.addWidget(buddy_label("较大变化的说明(&X)：", self.explanations))
        choice_row.addWidget(self.explanations)
        choice_row.addStretch(1)
        self.outer.addLayout(choice_row)

        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        self.model = FindingsModel()
        self.view = FindingsView(self._activated)
        self.view.setModel(self.model)
        self.view.setAccessibleName("检查结果")
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        self.view.setUniformRowHeights(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.resizeSection(2, 260)
        split.addWidget(self.view)
        split.addWidget(self._detail_pane())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 190])
        self.outer.addWidget(split, 1)

        self.recheck.clicked.connect(self.do.check_now)
        self.explanations.currentIndexChanged.connect(
            lambda: self.do.set_explanations_choice(str(self.explanations.currentData())))
        self.view.clicked.connect(self._activated)
        self.view.selectionModel().currentChanged.connect(lambda cur, _prev: self._show_detail(cur))
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.reload()

    def _detail_pane(self) -> QWidget:
        pane = QFrame()
        pane.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(pane)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        explain_row = QHBoxLayout()
        self.explanation = QLineEdit()
        self.explanation.setPlaceholderText("一句话说明变化的原因，例如：今年开展专项整治，案件集中办结")
        self.explanation.setAccessibleName("变化原因说明")
        self.explanation_label = buddy_label("原因说明(&Y)：", self.explanation)
        self.save_explanation = QPushButton("保存说明(&S)")
        explain_row.addWidget(self.explanation_label)
        explain_row.addWidget(self.explanation, 1)
        explain_row.addWidget(self.save_explanation)
        layout.addLayout(explain_row)
        buttons = QHBoxLayout()
        self.go_button = QPushButton("转到原文(&O)")
        self.fix_buttons = [QPushButton(), QPushButton()]
        self.dismiss_button = QPushButton("忽略…(&I)")
        self.restore_button = QPushButton("恢复(&R)")
        self.exception_button = QPushButton("这不是错误（加入例外）(&B)…")
        for b in (self.go_button, *self.fix_buttons, self.dismiss_button, self.restore_button,
                  self.exception_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.go_button.clicked.connect(lambda: self._activated(self.view.currentIndex()))
        for n, b in enumerate(self.fix_buttons):
            b.clicked.connect(lambda _=False, n=n: self._fix(n))
        self.dismiss_button.clicked.connect(self._dismiss)
        self.restore_button.clicked.connect(self._restore)
        self.exception_button.clicked.connect(self._exception)
        self.save_explanation.clicked.connect(self._explain)
        self.explanation.returnPressed.connect(self._explain)
        return pane

    def first_focus(self) -> QWidget:
        return self.view

    def reload(self) -> None:
        self.explanations.blockSignals(True)
        self.explanations.setCurrentIndex(max(0, self.explanations.findData(self.do.explanations_choice())))
        self.explanations.blockSignals(False)
        self.show_result()

    # ----- the list ------------------------------------------------------------------------------
    def show_result(self) -> None:
        runner = self.controller.runner
        result = runner.result
        current = self.current()
        key = current.key if isinstance(current, Finding) else current.rule if current else None
        steps = self.controller.window.steps
        titles = {("info" if s.key == "report" else s.key): s.title for s in steps}
        order = {("info" if s.key == "report" else s.key): i for i, s in enumerate(steps)}
        self.model.fill(result, titles, order)
        self.view.expandAll()
        counts = {s: sum(1 for f in result.open_findings if f.severity is s) for s in Severity}
        dismissed = sum(1 for f in result.findings if f.dismissed)
        if not runner.checked:
            text = "还没有检查。"
        elif not result.open_findings:
            text = "没有发现问题。"
        else:
            text = (f"错误 {counts[Severity.ERROR]} 条，警告 {counts[Severity.WARNING]} 条，"
                    f"提示 {counts[Severity.INFO]} 条")
        extra = [f"已忽略 {dismissed} 条"] if dismissed else []
        if result.unchecked:
            extra.append(f"{len(result.unchecked)} 条规则缺少数据无法检查")
        self.summary.setText(text + (f"（{'，'.join(extra)}）" if extra else ""))
        index = self.index_of_key(key) if key else QModelIndex()
        if index.isValid():
            self.view.setCurrentIndex(index)
        self._show_detail(self.view.currentIndex())

    def index_of_key(self, key: str) -> QModelIndex:
        """The row of the finding with this key (or the 无法检查 rule with this id)."""
        def walk(parent: QModelIndex) -> QModelIndex:
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                data = index.data(FINDING_ROLE)
                if (isinstance(data, Finding) and data.key == key) or (isinstance(data, Unchecked)
                                                                       and data.rule == key):
                    return index
                found = walk(index)
                if found.isValid():
                    return found
            return QModelIndex()
        return walk(QModelIndex())

    def findings(self) -> list[Finding | Unchecked]:
        """Every row's finding, in the order shown (for tests and the screen reader)."""
        out: list[Finding | Unchecked] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                data = index.data(FINDING_ROLE)
                if data is not None:
                    out.append(data)
                walk(index)
        walk(QModelIndex())
        return out

    def current(self) -> Finding | Unchecked | None:
        data = self.view.currentIndex().siblingAtColumn(0).data(FINDING_ROLE)
        return data if isinstance(data, Finding | Unchecked) else None

    def _activated(self, index: QModelIndex) -> None:
        data = index.siblingAtColumn(0).data(FINDING_ROLE)
        if isinstance(data, Finding | Unchecked):
            self.controller.jump(data)

    # ----- the selected finding ------------------------------------------------------------------
    def _show_detail(self, index: QModelIndex) -> None:
        data = index.siblingAtColumn(0).data(FINDING_ROLE)
        finding = data if isinstance(data, Finding) else None
        for b in (*self.fix_buttons, self.dismiss_button, self.restore_button, self.exception_button):
            b.setVisible(False)
        self.go_button.setEnabled(data is not None)
        code = self.do.explanation_code(finding) if finding and not finding.dismissed else None
        for w in (self.explanation, self.explanation_label, self.save_explanation):
            w.setVisible(code is not None)
        if isinstance(data, Unchecked):
            self.detail.setText(f"【无法检查】{data.message}")
            return
        if finding is None:
            self.detail.setText("选中一条问题，这里显示详细内容和可以做的操作。")
            return
        where = finding.location.describe(step_titles(self.session.report))
        lines = [f"【{finding.severity.label}】{finding.message}", f"位置：{where}"]
        if finding.excerpt:
            lines.append(f"原文：…{finding.excerpt}…")
        if finding.dismissed:
            lines.append(f"已忽略。理由：{finding.reason or '（未写）'}")
        self.detail.setText("\n".join(lines))
        if finding.dismissed:
            self.restore_button.setVisible(True)
            return
        for n, (button, fix) in enumerate(zip(self.fix_buttons, finding.fixes, strict=False)):
            button.setText(f"{fix.label}(&{n + 1})")
            button.setVisible(True)
        self.dismiss_button.setVisible(True)
        self.exception_button.setVisible(dictionary_word(finding))

    def _fix(self, n: int) -> None:
        finding = self.current()
        if isinstance(finding, Finding) and n < len(finding.fixes):
            self.do.apply_fix(finding.fixes[n])
            self.view.setFocus()

    def _dismiss(self) -> None:
        finding = self.current()
        if isinstance(finding, Finding):
            self.do.dismiss(finding)

    def _restore(self) -> None:
        finding = self.current()
        if isinstance(finding, Finding):
            self.do.restore(finding)

    def _exception(self) -> None:
        finding = self.current()
        if isinstance(finding, Finding):
            self.do.add_exception(finding)

    def _explain(self) -> None:
        finding = self.current()
        code = self.do.explanation_code(finding) if isinstance(finding, Finding) else None
        text = self.explanation.text().strip()
        if code is None or not text:
            return
        self.do.set_explanation(code, text)
        self.explanation.clear()

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        finding = self.current()
        if finding is None:
            return
        menu = QMenu(self)
        menu.addAction("转到原文", lambda: self._activated(index))
        if isinstance(finding, Finding):
            if finding.dismissed:
                menu.addAction("恢复", self._restore)
            else:
                for n, fix in enumerate(finding.fixes):
                    action = menu.addAction(fix.label)
                    action.triggered.connect(partial(self._fix, n))
                menu.addAction("忽略…", self._dismiss)
                if dictionary_word(finding):
                    menu.addAction("这不是错误（加入例外）…", self._exception)
        menu.exec(self.view.viewport().mapToGlobal(pos))
