"""The 数据 step: the indicator catalogue as a sheet, grouped by family, saved figure by figure."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from fzdesk import resources
from fzdesk.domain.catalogue import Indicator
from fzdesk.domain.figure_text import (
    CHOICE_LABELS,
    Choice,
    Entry,
    advice,
    format_entry,
)
from fzdesk.domain.model import Report
from fzdesk.storage.store import Store
from fzdesk.ui import style
from fzdesk.ui.autosave import Autosaver
from fzdesk.ui.elided_label import ElidedLabel
from fzdesk.ui.figure_clipboard import FigureClipboard
from fzdesk.ui.figure_commands import FigureCommands
from fzdesk.ui.figure_delegate import REDO_KEYS, UNDO_KEYS, FigureDelegate
from fzdesk.ui.figure_model import COL_CHOICE, COL_VALUE, FigureModel, kind_hint
from fzdesk.ui.figure_view import FigureView

#: Keys that set a figure's 填写方式 while the sheet has the focus (pinyin: jin, duo, bu, zhun-que).
CHOICE_KEYS: dict[Choice, str] = {
    Choice.NEAR: "Ctrl+J",
    Choice.OVER: "Ctrl+D",
    Choice.NA: "Ctrl+B",
    Choice.EXACT: "Ctrl+E",
    Choice.EMPTY: "Delete",
}
HISTORY_KEY = "Ctrl+H"
#: The colour of a refusal or a remark under the sheet (what was done is in the text's own colour).
PROBLEM_TINT = "#9a3b00"
#: The keys a clerk needs most; the others stand beside their entries in the right-click menu (and in F1's help).
KEY_LEGEND = "回车：下一项　Delete：清空　Ctrl+Z：撤销　Ctrl+V：粘贴一整列　右键：更多"
#: From this text size on, the legend (two lines and more) is left out: the rows of figures need the height.
LEGEND_MAX_POINT_SIZE = 18


class FigureSheet(QWidget):
    """Every indicator of the catalogue with its state, this year's and last year's value."""

    changed = Signal()
    large_text = Signal(bool)  # the text size went over LEGEND_MAX_POINT_SIZE (True) or back (False)

    def __init__(self, store: Store, parent: QWidget | None = None, saver: Autosaver | None = None) -> None:
        """saver: the window's, which keeps and retries writes that fail (the sheet alone has one of its own)."""
        super().__init__(parent)
        self.store = store
        self.report: Report | None = None
        self.keep_message = False
        self.says_unsaved = False  # the message says figures are not saved yet (put right once they are)
        self.saver = saver if saver is not None else Autosaver(self)
        self.model = FigureModel(store, resources.catalogue(), self.saver, self)
        self.model.saved.connect(self._saved)
        self.model.failed.connect(self._warn)
        self.model.not_saved.connect(lambda _reason: self._show_unsaved())
        self.model.stored.connect(self._stored)
        self.model.value_wanted.connect(self._ask_value)

        self.search = QLineEdit()
        self.search.setPlaceholderText("查找指标（Ctrl+F），如：受理、出庭")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("查找指标")
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("查找指标…") + 40)
        self.family_filter = QComboBox()
        self.family_filter.setAccessibleName("按类别显示")
        # as wide as 全部类别, not as the longest family: at large text sizes the bar must fit the page
        self.family_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        average = max(1, self.family_filter.fontMetrics().averageCharWidth())
        self.family_filter.setMinimumContentsLength(
            -(-self.family_filter.fontMetrics().horizontalAdvance("全部类别") // average))
        self.family_filter.addItem("全部类别", "")
        for family in self.model.families:
            self.family_filter.addItem(family.name, family.code)
        self.only_empty = QCheckBox("只看未填")
        self.progress_label = QLabel()
        bar = self._bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.family_filter, 2)
        bar.addWidget(self.only_empty)
        bar.addStretch(1)
        bar.addWidget(self.progress_label)

        self.view = FigureView()
        self.view.setAccessibleName("数据表")
        self.view.setModel(self.model)
        self.clipboard = FigureClipboard(self)
        self.commands = FigureCommands(self)
        self.delegate = FigureDelegate(self.view)
        self.delegate.refused.connect(self._warn)
        self.delegate.paste_wanted.connect(self.clipboard.paste_from_editor)
        self.delegate.undo_wanted.connect(self.commands.undo_from_editor)
        self.view.setItemDelegate(self.delegate)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        # a block of cells, as in Excel: Shift+arrows or a drag (Ctrl+click's scattered cells cannot be copied)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        # a single click edits (see _clicked): no SelectedClicked, whose delay would swallow quick typing
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setTabKeyNavigation(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.clicked.connect(self._clicked)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.font_changed.connect(self._font_changed)
        self._fitting = False
        self._widths_by_hand = False  # the clerk dragged a column's edge: a resize of the window keeps the widths
        self.view.header().sectionResized.connect(self._section_resized)
        self.view.resized.connect(lambda: None if self._widths_by_hand else self._size_columns())
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long name cut keeps its end: 被申请…请求
        self._size_columns()

        # the lines under the table take the height left by the table's three rows: a long message at a large
        # text size no longer pushes the help below the screen (the page had to be scrolled); what does not fit
        # ends in … and is shown whole as the tooltip, or by a click
        self.help_title = ElidedLabel()
        title_font = QFont()  # only the weight: the size keeps following the window's text size
        title_font.setBold(True)
        self.help_title.setFont(title_font)
        self.help_text = ElidedLabel()
        # figures shown but not saved yet: said here until they are (no Enter or other message wipes it)
        self.unsaved_note = ElidedLabel(max_lines=2)
        self.unsaved_note.setObjectName("unsavedNote")
        _tint(self.unsaved_note, PROBLEM_TINT)
        self.unsaved_note.hide()
        self.message = ElidedLabel(min_lines=2, max_lines=3)  # the table keeps the rest
        self.legend = ElidedLabel(KEY_LEGEND)
        _tint(self.legend, "#57606a")
        pane = QVBoxLayout()
        pane.setSpacing(4)
        for label in (self.unsaved_note, self.message, self.help_title, self.help_text, self.legend):
            pane.addWidget(label)

        layout = self._outer = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(pane)

        self.setFocusProxy(self.view)
        self._make_actions()
        self.search.textChanged.connect(self._apply_filter)
        self.search.returnPressed.connect(self._to_first_found)
        self.family_filter.currentIndexChanged.connect(self._apply_filter)
        self.only_empty.toggled.connect(self._apply_filter)
        self._show_help(QModelIndex())
        self._fit_text_size()

    # ----- the interface the main window uses ------------------------------------------------------
    def set_report(self, report: Report) -> None:
        self.report = report
        self.model.set_report(report)
        self._show_unsaved()
        root = QModelIndex()
        for family in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(family, root, True)
        self.view.expandAll()
        self._apply_filter()
        self._update_progress()
        first = self.view.neighbour(QModelIndex(), 1)
        if first.isValid():
            self.view.setCurrentIndex(first)

    def progress(self) -> tuple[int, int]:
        return self.model.progress()

    # ----- actions ---------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        self.choice_actions: dict[Choice, QAction] = {}
        for choice in (Choice.EXACT, Choice.NEAR, Choice.OVER, Choice.NA, Choice.EMPTY):
            label = "清空（未填）" if choice is Choice.EMPTY else f"设为{CHOICE_LABELS[choice]}"
            action = QAction(label, self)
            action.setShortcut(QKeySequence(CHOICE_KEYS[choice]))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, c=choice: self.commands.choose_current(c))
            self.view.addAction(action)
            self.choice_actions[choice] = action
        self.history_action = QAction("历史版本…", self)
        self.history_action.setShortcut(QKeySequence(HISTORY_KEY))
        self.history_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.history_action.triggered.connect(self.commands.show_history)
        self.view.addAction(self.history_action)
        find = QAction("查找指标", self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self._find)
        self.addAction(find)
        self.undo_action = self._action("撤销", UNDO_KEYS, self.commands.undo)
        self.redo_action = self._action("重做", REDO_KEYS, self.commands.redo)
        keys = QKeySequence.StandardKey
        self.paste_action = self._action("粘贴", (QKeySequence(keys.Paste).toString(),), self.clipboard.paste)
        self.copy_action = self._action("复制", (QKeySequence(keys.Copy).toString(),), self.clipboard.copy)
        self.copy_all_action = self._action("复制整张表（可粘贴到Excel）", (), self.clipboard.copy_all)

    def _action(self, label: str, keys: tuple[str, ...], slot: Callable[[], object]) -> QAction:
        action = QAction(label, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _=False: slot())
        self.view.addAction(action)
        return action

    def current_code(self) -> str | None:
        indicator = self.model.indicator(self.view.currentIndex())
        return indicator.code if indicator else None

    def finish_editing(self) -> None:
        """Saves what is being typed before a shortcut or a menu acts on the figure."""
        if self.view.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()  # the open cell editor is a child of the viewport
        while editor is not None and editor.parentWidget() is not self.view.viewport():
            editor = editor.parentWidget()
        if editor is not None:
            self.view.commitData(editor)
            self.view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)  # viewport coordinates
        menu = style.fit_menu_texts(QMenu(self))
        self.undo_action.setEnabled(self.model.can_undo())
        self.redo_action.setEnabled(self.model.can_redo())
        for action in (self.undo_action, self.redo_action):
            menu.addAction(action)
        menu.addSeparator()
        if self.model.indicator(index) is None:
            # a family's heading (or the empty space under the last row) holds no figure: what concerns the
            # whole sheet, and showing only this family (the menu did not open at all here)
            menu.addAction(self.copy_all_action)
            if index.isValid():
                family = self.model.families[index.row()]
                menu.addSeparator()
                only = menu.addAction(f"只看“{family.name}”")
                only.triggered.connect(lambda _=False, code=family.code: self._show_only(code))
            if self.family_filter.currentIndex() > 0:
                menu.addAction("显示全部类别").triggered.connect(lambda _=False: self._show_only(""))
            menu.exec(self.view.viewport().mapToGlobal(pos))
            self.undo_action.setEnabled(True)
            self.redo_action.setEnabled(True)
            return
        if not self.view.selectionModel().isSelected(index):  # a right click inside a block keeps the block
            self.view.setCurrentIndex(index)
        menu.addAction(self.copy_action)
        menu.addAction(self.paste_action)
        menu.addAction(self.copy_all_action)
        menu.addSeparator()
        menu.addAction(self.history_action)
        menu.addSeparator()
        for action in self.choice_actions.values():
            menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        self.undo_action.setEnabled(True)  # the keys say when there is nothing to undo
        self.redo_action.setEnabled(True)

    def _show_only(self, family_code: str) -> None:
        self.family_filter.setCurrentIndex(max(0, self.family_filter.findData(family_code)))

    # ----- messages and the figures selected -------------------------------------------------------
    def tell(self, text: str) -> None:
        if text:  # "" when saving failed: the model said why already
            self.show_message(text, problem=False)
            self.keep_message = True

    def show_message(self, text: str, *, problem: bool) -> None:
        """A message under the sheet: a refusal or a remark in PROBLEM_TINT, what was done (copied, pasted, undone)
        in the text's own colour (all of them in the problem's colour made "已复制……" read as an error)."""
        _tint(self.message, PROBLEM_TINT if problem else self.palette().color(QPalette.ColorRole.WindowText).name())
        self.message.setText(text)
        self.says_unsaved = False  # (the paste's message sets it after: "……还没能保存")

    def selection(self) -> tuple[list[Indicator], list[int]]:
        """The block of cells selected: its figures in the sheet's order (rows hidden by 查找 or a filter left out,
        as Excel leaves out filtered rows) and its columns shown, left to right."""
        indexes = [i for i in self.view.selectionModel().selectedIndexes() if self.model.indicator(i) is not None]
        codes = {self.model.indicator(i).code for i in indexes}  # type: ignore[union-attr]
        header = self.view.header()
        columns = sorted({i.column() for i in indexes if not self.view.isColumnHidden(i.column())},
                         key=header.visualIndex)
        return [ind for ind in self.figures_from(QModelIndex()) if ind.code in codes], columns

    def figures_from(self, index: QModelIndex) -> list[Indicator]:
        """The figures shown from index's row down, in the sheet's order: family headings (which hold no figure,
        only the count filled) and rows hidden by the search or a filter are passed over."""
        out: list[Indicator] = []
        start = (index.parent().row(), index.row())
        for family in range(self.model.rowCount()):
            top = self.model.index(family, 0)
            if self.view.isRowHidden(family, QModelIndex()) or not self.view.isExpanded(top):
                continue
            for row, ind in enumerate(self.model.rows[family]):
                if (family, row) >= start and not self.view.isRowHidden(row, top):
                    out.append(ind)
        return out

    # ----- reacting --------------------------------------------------------------------------------
    def _saved(self, code: str) -> None:
        indicator = resources.catalogue()[code]
        remark = advice(indicator.name, indicator.kind, self.model.entry(code))
        self.show_message(remark or "", problem=True)
        self.keep_message = remark is not None  # Enter or Tab moves on at once: keep the remark that long
        self._update_progress()
        self._show_help(self.view.currentIndex())
        self.changed.emit()

    def _warn(self, text: str) -> None:
        self.show_message(text, problem=True)
        self.keep_message = bool(text)  # the Enter that was refused moves on at once: the reason stays that long

    def _show_unsaved(self) -> None:
        """The line above the messages while figures are shown but not saved: which, why, and what happens now."""
        codes = self.model.unsaved_codes()
        if not codes:
            self.unsaved_note.clear()
            self.unsaved_note.hide()
            return
        # what matters first (cut short at a large text size, the rest is in the tooltip): not saved, and why
        which = f"“{self.model.catalogue[codes[0]].name}”" if len(codes) == 1 else f"{len(codes)}项数据"
        reason = self.model.unsaved_reason() or "写入数据文件失败"
        self.unsaved_note.setText(
            f"{which}没有保存：{reason}。{'这个数' if len(codes) == 1 else '这些数'}还在表里（橙色底），程序每隔几秒"
            f"自动重试，保存上以后这行字会消失。{self.model.unsaved_advice()}")
        self.unsaved_note.show()

    def _stored(self) -> None:
        """Figures kept for a retry were written at last (a message that said they were not is put right)."""
        self._show_unsaved()
        if self.says_unsaved and not self.model.unsaved_codes():
            self.show_message("刚才没能保存的数现在都已保存。", problem=False)
        self.changed.emit()

    def _ask_value(self, index: QModelIndex) -> None:
        persistent = QPersistentModelIndex(index)

        def open_editor() -> None:
            if persistent.isValid() and self.view.state() != QAbstractItemView.State.EditingState:
                target = self.model.index(persistent.row(), COL_VALUE, persistent.parent())
                self.view.setCurrentIndex(target)
                self.view.edit(target)

        self.show_message("请在“本年度”一栏填上数值。", problem=True)
        QTimer.singleShot(0, open_editor)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self.model.indicator(current) != self.model.indicator(previous):
            if not self.keep_message:
                self.message.clear()
                self.says_unsaved = False
            self.keep_message = False
        self._show_help(current)

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() not in (COL_CHOICE, COL_VALUE) or self.model.indicator(index) is None:
            return
        if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            return  # Shift+click makes a block of cells to copy or paste onto, as in Excel: no editor
        if self.view.state() != QAbstractItemView.State.EditingState:
            self.view.edit(index)
        combo = QApplication.focusWidget()
        if index.column() == COL_CHOICE and isinstance(combo, QComboBox) and not combo.view().isVisible():
            combo.showPopup()

    def _update_progress(self) -> None:
        done, total = self.progress()
        self.progress_label.setToolTip(f"共 {total} 项，已填 {done} 项（标为不涉及的也算已填）")
        self._fit_bar()

    def _fit_bar(self) -> None:
        """已填 5/100 above the table; only 5/100 when the bar would not fit the page's width otherwise (28 pt on
        1024x768: the page had to be scrolled sideways). The label asks for no more than the short form, so the
        page's width never depends on the text chosen here."""
        done, total = self.progress()
        full, short = f"已填 {done}/{total}", f"{done}/{total}"
        bar = self._bar
        margins = self._outer.contentsMargins()
        needed = (self.search.minimumSizeHint().width() + self.family_filter.sizeHint().width()
                  + self.only_empty.sizeHint().width() + self.progress_label.fontMetrics().horizontalAdvance(full)
                  + 4 * bar.spacing() + margins.left() + margins.right() + 8)
        self.progress_label.setText(full if needed <= self.width() else short)
        self.progress_label.setMinimumWidth(self.progress_label.fontMetrics().horizontalAdvance(short) + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_bar()

    def _show_help(self, index: QModelIndex | QPersistentModelIndex) -> None:
        indicator = self.model.indicator(index)
        if indicator is None:
            self.help_title.setText("选中一项查看说明")
            self.help_text.setText("每项数据改完即保存。不清楚准确数时，直接键入“近百”“近100”或“60000余”"
                                   "（或填数字后按 Ctrl+J / Ctrl+D）；本单位没有这项工作，键入“不涉及”或按 Ctrl+B。")
            return
        family = self.model.families[self.model.index_of(indicator.code).parent().row()]
        self.help_title.setText(f"{family.name} · {indicator.name}（{indicator.unit}，{kind_hint(indicator)}）")
        figure = self.report.figures.get(indicator.code) if self.report else None
        last = format_entry(Entry(figure.last_state, figure.last_value, figure.last_approx), "—") if figure else "—"
        self.help_text.setText(f"{indicator.help or indicator.name}　　上年度：{last}")

    def _find(self) -> None:
        """Ctrl+F: the cursor in 查找指标, what was looked for last selected (typing replaces it)."""
        self.search.setFocus()
        self.search.selectAll()

    def _to_first_found(self) -> None:
        """Enter in 查找指标: the cursor goes to the first figure found, ready for typing."""
        first = self.view.neighbour(QModelIndex(), 1)
        if first.isValid():
            self.view.setCurrentIndex(first)
            self.view.scrollTo(first)
            self.view.setFocus()

    def _apply_filter(self) -> None:
        words = self.search.text().strip()
        family_code = self.family_filter.currentData() or ""
        only_empty = self.only_empty.isChecked()
        root = QModelIndex()
        for row, family in enumerate(self.model.families):
            top = self.model.index(row, 0)
            shown = 0
            for child, ind in enumerate(self.model.rows[row]):
                match = (not family_code or family.code == family_code) and (
                    not words or any(words in text for text in (ind.name, ind.help, family.name, *ind.words)))
                if only_empty and self.model.entry(ind.code).filled:
                    match = False
                self.view.setRowHidden(child, top, not match)
                shown += match
            self.view.setRowHidden(row, root, shown == 0)

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        """A column's width changed not by the fitting: a drag, unless it is the column that takes the rest."""
        header = self.view.header()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        if not self._fitting and index != shown[-1]:  # the last column shown takes the rest: not a drag
            self._widths_by_hand = True

    def _size_columns(self) -> None:
        self._fitting = True
        try:
            self.view.fit_columns([ind.name for ind in self.model.indicators()])
        finally:
            self._fitting = False

    def _fit_text_size(self) -> None:
        """At a large text size the key legend (and the page's line above the sheet) are left out, and the table keeps
        at least three rows' height."""
        large = self.view.font().pointSize() > LEGEND_MAX_POINT_SIZE
        self.legend.setVisible(not large)
        self.large_text.emit(large)
        metrics = self.view.fontMetrics()
        self.view.setMinimumHeight(self.view.header().sizeHint().height() + 3 * (metrics.height() + 14) + 8)

    def _font_changed(self) -> None:
        """The window's text size reached the table: wider columns, rows measured again, open editor moved."""
        self._widths_by_hand = False  # widths dragged at another size would cut the text now
        self._size_columns()
        self._fit_text_size()
        self._fit_bar()
        self.view.scheduleDelayedItemsLayout()  # uniform row heights are measured once per layout


def _tint(label: QLabel, colour: str) -> None:
    """Colours a label's text through its palette (a style sheet would stop it following the text size)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)
