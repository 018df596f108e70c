"""The 数据 step: the indicator catalogue as a sheet, grouped by family, saved figure by figure."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QKeyEvent, QKeySequence, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from fzdesk import resources
from fzdesk.domain.catalogue import Indicator
from fzdesk.domain.figure_paste import PasteError, PasteRow, clipboard_cells, plan_paste
from fzdesk.domain.figure_text import (
    CHOICE_LABELS,
    Choice,
    Entry,
    advice,
    entry_for_choice,
    entry_from_dict,
    format_entry,
)
from fzdesk.domain.model import Report
from fzdesk.storage.store import Store
from fzdesk.ui.elided_label import ElidedLabel
from fzdesk.ui.figure_delegate import REDO_KEYS, UNDO_KEYS, FigureDelegate, ValueEditor
from fzdesk.ui.figure_model import COL_CHOICE, COL_HELP, COL_LAST, COL_NAME, COL_UNIT, COL_VALUE, FigureModel, kind_hint
from fzdesk.ui.history_dialog import HistoryDialog

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


class FigureView(QTreeView):
    """A tree whose Tab and Enter go from one figure's value to the next, skipping headings."""

    #: The view's own font changed (the window's text size reaches it through the style sheet, often after
    #: the sheet's FontChange, and when a page is built at a saved size, only the view hears of it).
    font_changed = Signal()
    resized = Signal()  # the columns are fitted to the width again

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.font_changed.emit()

    def neighbour(self, index: QModelIndex, step: int) -> QModelIndex:
        model = self.model()
        positions: list[QModelIndex] = []
        for family in range(model.rowCount()):
            top = model.index(family, 0)
            if self.isRowHidden(family, QModelIndex()) or not self.isExpanded(top):
                continue
            positions.extend(model.index(row, COL_VALUE, top) for row in range(model.rowCount(top))
                             if not self.isRowHidden(row, top))
        if not positions:
            return QModelIndex()
        keys = [(p.parent().row(), p.row()) for p in positions]
        if index.isValid() and index.parent().isValid():
            here = (index.parent().row(), index.row())
        elif index.isValid():
            here = (index.row(), -1)
        else:
            here = (-1, -1)
        if step > 0:
            later = [p for p, k in zip(positions, keys, strict=True) if k > here]
            return later[0] if later else QModelIndex()
        earlier = [p for p, k in zip(positions, keys, strict=True) if k < here]
        return earlier[-1] if earlier else QModelIndex()

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        if action is QAbstractItemView.CursorAction.MoveNext:
            return self.neighbour(self.currentIndex(), 1)
        if action is QAbstractItemView.CursorAction.MovePrevious:
            return self.neighbour(self.currentIndex(), -1)
        current = self.currentIndex()
        sideways = {QAbstractItemView.CursorAction.MoveLeft: -1, QAbstractItemView.CursorAction.MoveRight: 1}
        if action in sideways and current.parent().isValid():  # a figure: Left and Right go along its row
            shown = [c for c in range(self.model().columnCount()) if not self.isColumnHidden(c)]
            place = shown.index(current.column()) if current.column() in shown else 0
            return current.siblingAtColumn(shown[min(max(place + sideways[action], 0), len(shown) - 1)])
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            target = self.neighbour(self.currentIndex(), 1)
            if target.isValid():
                self.setCurrentIndex(target)
            event.accept()
            return
        current = self.currentIndex()
        if (event.key() == Qt.Key.Key_Backspace and current.parent().isValid()
                and self.state() != self.State.EditingState):
            # Backspace on a figure, as in Excel: its 本年度 opens emptied, ready for the new number (it did nothing)
            target = current.siblingAtColumn(COL_VALUE)
            self.setCurrentIndex(target)
            if self.edit(target, QAbstractItemView.EditTrigger.AnyKeyPressed, event):
                event.accept()
                return
        typed = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if (plain and typed and typed.isprintable() and current.parent().isValid()
                and current.column() not in (COL_CHOICE, COL_VALUE) and self.state() != self.State.EditingState):
            # typing on a figure's name, unit or 上年度 (reached with the arrow keys) is meant for its 本年度:
            # the key was lost before
            self.setCurrentIndex(current.siblingAtColumn(COL_VALUE))
        super().keyPressEvent(event)


class FigureSheet(QWidget):
    """Every indicator of the catalogue with its state, this year's and last year's value."""

    changed = Signal()
    large_text = Signal(bool)  # the text size went over LEGEND_MAX_POINT_SIZE (True) or back (False)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.report: Report | None = None
        self._keep_message = False
        self.model = FigureModel(store, resources.catalogue(), self)
        self.model.saved.connect(self._saved)
        self.model.failed.connect(self._warn)
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
        self.delegate = FigureDelegate(self.view)
        self.delegate.refused.connect(self._warn)
        self.delegate.paste_wanted.connect(self._paste_from_editor)
        self.delegate.undo_wanted.connect(self._undo_from_editor)
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
        self.message = ElidedLabel(min_lines=2, max_lines=3)  # the table keeps the rest
        self.legend = ElidedLabel(KEY_LEGEND)
        _tint(self.legend, "#57606a")
        pane = QVBoxLayout()
        pane.setSpacing(4)
        for label in (self.message, self.help_title, self.help_text, self.legend):  # a refusal next to the table
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
            action.triggered.connect(lambda _=False, c=choice: self.choose_current(c))
            self.view.addAction(action)
            self.choice_actions[choice] = action
        self.history_action = QAction("历史版本…", self)
        self.history_action.setShortcut(QKeySequence(HISTORY_KEY))
        self.history_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.history_action.triggered.connect(self.show_history)
        self.view.addAction(self.history_action)
        find = QAction("查找指标", self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self._find)
        self.addAction(find)
        self.undo_action = self._action("撤销", UNDO_KEYS, self.undo)
        self.redo_action = self._action("重做", REDO_KEYS, self.redo)
        self.paste_action = self._action("粘贴", (QKeySequence(QKeySequence.StandardKey.Paste).toString(),), self.paste)
        self.copy_action = self._action("复制", (QKeySequence(QKeySequence.StandardKey.Copy).toString(),), self.copy)
        self.copy_all_action = self._action("复制整张表（可粘贴到Excel）", (), self.copy_all)

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

    def _finish_editing(self) -> None:
        """Saves what is being typed before a shortcut or a menu acts on the figure."""
        if self.view.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()  # the open cell editor is a child of the viewport
        while editor is not None and editor.parentWidget() is not self.view.viewport():
            editor = editor.parentWidget()
        if editor is not None:
            self.view.commitData(editor)
            self.view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def choose_current(self, choice: Choice) -> None:
        selected, _columns = self.selection()
        if len(selected) > 1:
            self._choose_block(selected, choice)
            return
        code = self.current_code()
        if code is None:
            return
        self._finish_editing()
        before = self.model.entry(code)
        if self.model.choose(code, choice) and before.filled and not self.model.entry(code).filled:
            # Delete is pressed by mistake, too: say what went and how to get it back
            name = resources.catalogue()[code].name
            self._tell(f"已清空“{name}”（原来是{format_entry(before)}）。按 Ctrl+Z 可以恢复。")

    def _choose_block(self, figures: list[Indicator], choice: Choice) -> None:
        """Delete, 不涉及 (or another 填写方式) on a block of figures: all of them, saved together as one step; a
        figure with no number to make an approximation of is left as it is, and the message says so."""
        self._finish_editing()
        new = {ind.code: entry for ind in figures
               if (entry := entry_for_choice(self.model.entry(ind.code), choice)) is not None}
        if new and not self.model.set_entries(new):
            return
        span = f"“{figures[0].name}”到“{figures[-1].name}”"
        done = "清空了" if choice is Choice.EMPTY else f"设为{CHOICE_LABELS[choice]}："
        skipped = f"；{len(figures) - len(new)}项还没有数，没有改" if len(new) < len(figures) else ""
        self._tell(f"已把{len(figures)}项（{span}）{done}{len(new)}项{skipped}。按 Ctrl+Z 可以整次撤销。"
                   if new else f"选中的{len(figures)}项（{span}）都还没有数，没有改。请先填上数。")

    def show_history(self) -> None:
        code = self.current_code()
        if code is None or self.report is None or self.report.id is None:
            return
        self._finish_editing()
        indicator = resources.catalogue()[code]
        dialog = HistoryDialog(self.store, self.report.id, f"figure:{code}", "value", indicator.name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and isinstance(dialog.chosen_value, dict):
            self.model.pending.pop(code, None)
            self.model.set_entry(code, entry_from_dict(dialog.chosen_value))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)  # viewport coordinates
        menu = QMenu(self)
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

    # ----- undo, redo, copy and paste --------------------------------------------------------------
    def undo(self) -> None:
        self._finish_editing()
        self._tell(self.model.undo())
        self._show_undone()

    def redo(self) -> None:
        self._finish_editing()
        self._tell(self.model.redo())
        self._show_undone()

    def _show_undone(self) -> None:
        """The cursor goes to the (first) figure undone or redone, scrolled into view, as a spreadsheet does: the
        clerk sees what came back."""
        if not self.model.last_undone:
            return
        column = self.view.currentIndex().column()
        target = self.model.index_of(self.model.last_undone[0], column if column >= 0 else COL_VALUE)
        self.view.setCurrentIndex(target)  # the message stays (_tell kept it for this move)
        self.view.scrollTo(target)

    def _undo_from_editor(self, editor: QWidget, redo: bool) -> None:
        """Ctrl+Z / Ctrl+Y in a cell's editor where nothing was typed: the editor closes, the sheet undoes."""
        if isinstance(editor, ValueEditor):
            editor.revert()
        self.view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.view.setFocus()
        if redo:
            self.redo()
        else:
            self.undo()

    def _tell(self, text: str) -> None:
        if text:  # "" when saving failed: the model said why already
            self._show(text, problem=False)
            self._keep_message = True

    def _show(self, text: str, *, problem: bool) -> None:
        """A message under the sheet: a refusal or a remark in PROBLEM_TINT, what was done (copied, pasted, undone)
        in the text's own colour (all of them in the problem's colour made "已复制……" read as an error)."""
        _tint(self.message, PROBLEM_TINT if problem else self.palette().color(QPalette.ColorRole.WindowText).name())
        self.message.setText(text)

    def selection(self) -> tuple[list[Indicator], list[int]]:
        """The block of cells selected: its figures in the sheet's order (rows hidden by 查找 or a filter left out,
        as Excel leaves out filtered rows) and its columns shown, left to right."""
        indexes = [i for i in self.view.selectionModel().selectedIndexes() if self.model.indicator(i) is not None]
        codes = {self.model.indicator(i).code for i in indexes}  # type: ignore[union-attr]
        header = self.view.header()
        columns = sorted({i.column() for i in indexes if not self.view.isColumnHidden(i.column())},
                         key=header.visualIndex)
        return [ind for ind in self._figures_from(QModelIndex()) if ind.code in codes], columns

    def _cell_text(self, indicator: Indicator, column: int) -> str:
        """A cell as Excel should get it: a figure as the report writes it (88, 近100, 不涉及), nothing for none."""
        if column == COL_VALUE:
            return format_entry(self.model.entry(indicator.code))
        if column == COL_LAST:
            figure = self.report.figures.get(indicator.code) if self.report else None
            return format_entry(Entry(figure.last_state, figure.last_value, figure.last_approx)) if figure else ""
        return str(self.model.index_of(indicator.code, column).data() or "")

    def copy(self) -> None:
        """The selected cells as Excel reads them: a tab between cells, a line end after each row; one cell as its
        bare text (pasted into a cell being typed in, it adds no line end)."""
        figures, columns = self.selection()
        index = self.view.currentIndex()
        if len(figures) * len(columns) <= 1:
            indicator = self.model.indicator(index)
            if indicator is None:
                return
            text = self._cell_text(indicator, index.column())
            QApplication.clipboard().setText(text)
            self._show(f"已复制“{indicator.name}”：{text or '（空）'}", problem=False)
            return
        rows = ["\t".join(_excel_cell(self._cell_text(ind, column)) for column in columns) for ind in figures]
        QApplication.clipboard().setText("\r\n".join(rows) + "\r\n")
        span = f"“{figures[0].name}”到“{figures[-1].name}”" if len(figures) > 1 else f"“{figures[0].name}”"
        self._tell(f"已复制{len(figures)}行{len(columns)}列（{span}），可以在Excel或WPS表格里粘贴。")

    def copy_all(self) -> None:
        """Every figure as a table Excel/WPS take as it is: 类别, 指标, 填写方式, 本年度, 单位, 上年度 (numbers as
        numbers; its 本年度 column can be pasted back)."""
        lines = ["类别\t指标\t填写方式\t本年度\t单位\t上年度"]
        report = self.report
        for family, indicators in zip(self.model.families, self.model.rows, strict=True):
            for ind in indicators:
                entry = self.model.entry(ind.code)
                figure = report.figures.get(ind.code) if report else None
                last = Entry(figure.last_state, figure.last_value, figure.last_approx) if figure else Entry()
                lines.append("\t".join((family.name, ind.name, CHOICE_LABELS[entry.choice], format_entry(entry),
                                        ind.unit, format_entry(last))))
        QApplication.clipboard().setText("\r\n".join(lines) + "\r\n")
        self._tell(f"已复制整张表（{len(lines) - 1}项），可以在Excel或WPS表格里粘贴。")

    def _paste_from_editor(self, editor: QWidget) -> None:
        """Several cells pasted into an open 本年度 editor: what was typed there is put back, the cells spread."""
        if isinstance(editor, ValueEditor):
            editor.revert()
        self.view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.paste()

    def paste(self) -> None:
        """Pastes the clipboard from the current figure down (and from 填写方式 across to 本年度), as one step; onto a
        block of cells from its top left, as Excel does, and one value copied onto a block into each of its
        figures."""
        index = self.view.currentIndex()
        selected, columns = self.selection()
        block = len(selected) * len(columns) > 1
        if block:
            index = self.model.index_of(selected[0].code, columns[0])
        first = self.model.indicator(index)
        if first is None:
            self._show("请先点一下要粘贴的第一项（“本年度”一栏），再按 Ctrl+V。", problem=True)
            return
        self._finish_editing()
        cells = clipboard_cells(QApplication.clipboard().text())
        figures = self._figures_from(index)
        if block and len(cells) == 1 and len(cells[0]) == 1 and len(selected) > 1:
            figures, cells = selected, cells * len(selected)  # one value for every figure selected
            with_choice = columns == [COL_CHOICE]
        else:
            with_choice = index.column() == COL_CHOICE
        rows = [PasteRow(ind, self.model.entry(ind.code), self.model.pending.get(ind.code)) for ind in figures]
        try:
            planned = plan_paste(cells, rows, with_choice=with_choice)
        except PasteError as exc:
            self._show(str(exc), problem=True)
            self._keep_message = True
            return
        if not self.model.set_entries(planned, pasted=True):
            return
        names = [ind.name for ind in figures][:len(planned)]
        span = f"“{names[0]}”到“{names[-1]}”" if len(names) > 1 else f"“{names[0]}”"
        catalogue = resources.catalogue()
        remarks = [r for code in planned
                   if (r := advice(catalogue[code].name, catalogue[code].kind, self.model.entry(code)))]
        if len(remarks) > 3:  # a whole column pasted one row off: one sentence, not a wall of them
            remarks = [f"其中有{len(remarks)}个百分数超过了100%，请核对是否粘贴错了行。"]
        self._show(f"已粘贴{len(planned)}个数（{span}），已保存。按 Ctrl+Z 可以整次撤销。" + "".join(remarks),
                   problem=bool(remarks))
        self._keep_message = True
        last = self.model.index_of(list(planned)[-1], index.column() if len(cells[0]) == 1 else COL_VALUE)
        self.view.setCurrentIndex(last)
        self.view.scrollTo(last)

    def _figures_from(self, index: QModelIndex) -> list[Indicator]:
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
        self._show(remark or "", problem=True)
        self._keep_message = remark is not None  # Enter or Tab moves on at once: keep the remark that long
        self._update_progress()
        self._show_help(self.view.currentIndex())
        self.changed.emit()

    def _warn(self, text: str) -> None:
        self._show(text, problem=True)

    def _ask_value(self, index: QModelIndex) -> None:
        persistent = QPersistentModelIndex(index)

        def open_editor() -> None:
            if persistent.isValid() and self.view.state() != QAbstractItemView.State.EditingState:
                target = self.model.index(persistent.row(), COL_VALUE, persistent.parent())
                self.view.setCurrentIndex(target)
                self.view.edit(target)

        self._show("请在“本年度”一栏填上数值。", problem=True)
        QTimer.singleShot(0, open_editor)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self.model.indicator(current) != self.model.indicator(previous):
            if not self._keep_message:
                self.message.clear()
            self._keep_message = False
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
            self._fit_columns()
        finally:
            self._fitting = False

    def _fit_columns(self) -> None:
        """Column widths from the font (no measuring of every cell: that is what makes big sheets slow), fitted to
        the view's width so that the name and 本年度 of a figure are seen together (no sideways scrolling, which
        at a large text size hid the names): a long name is cut in its middle (the help below shows it whole),
        and when even that is too wide, 上年度 (also shown below) makes room."""
        header = self.view.header()
        header.setStretchLastSection(True)
        metrics = self.view.fontMetrics()
        longest = max((ind.name for ind in self.model.indicators()), key=metrics.horizontalAdvance, default="")
        indent = self.view.indentation() + 16
        widths = {COL_NAME: metrics.horizontalAdvance(longest) + indent,
                  COL_CHOICE: metrics.horizontalAdvance("约数·余▾") + 32,
                  COL_VALUE: metrics.horizontalAdvance("000000000.00") + 24,
                  COL_UNIT: metrics.horizontalAdvance("人次") + 24,
                  COL_LAST: metrics.horizontalAdvance("000000000.00") + 24}
        room = self.view.viewport().width()
        least_name = metrics.horizontalAdvance("被申请复议") + indent
        # narrow (a large text size on a small screen): numbers of up to 7 digits and 2 decimals, then without
        # 上年度, then without 单位 (both stand in the help under the table); 说明 only when a few words fit
        hidden: set[int] = set()
        for drop in (COL_LAST, COL_UNIT):
            if least_name + sum(w for c, w in widths.items() if c != COL_NAME and c not in hidden) <= room:
                break
            widths[COL_VALUE] = metrics.horizontalAdvance("0000000.00") + 24
            hidden.add(drop)
        others = sum(w for c, w in widths.items() if c != COL_NAME and c not in hidden)
        widths[COL_NAME] = max(least_name, min(widths[COL_NAME], room - others))
        if room - others - widths[COL_NAME] < metrics.horizontalAdvance("说明说明说明"):
            hidden.add(COL_HELP)  # the last column shown takes the rest
        for column in (COL_UNIT, COL_LAST, COL_HELP):
            self.view.setColumnHidden(column, column in hidden)
        widths[COL_HELP] = max(header.minimumSectionSize(), room - others - widths[COL_NAME])
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

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


def _excel_cell(text: str) -> str:
    """A cell's text as Excel writes it on the clipboard: in quotes when it holds a tab, a line end or a quote."""
    if any(c in text for c in '\t\r\n"'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _tint(label: QLabel, colour: str) -> None:
    """Colours a label's text through its palette (a style sheet would stop it following the text size)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)
