"""A block step: heading, numbering style, 无 for block 5, and the ordered items with their editor."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fzdesk import resources
from fzdesk.domain.model import Block, Item, Numbering, Section
from fzdesk.domain.numbering import item_label, numbered_sections
from fzdesk.domain.outline import fill
from fzdesk.ui import style
from fzdesk.ui.block_preview import item_preview
from fzdesk.ui.font_room import Column, keep_chars, keep_lines, keep_rows
from fzdesk.ui.kept_edits import save_text, write_text
from fzdesk.ui.last_year_pane import (
    TOGGLE_KEYS,
    LastYearPane,
    last_year_report,
    pane_visible,
    stale_bar,
)
from fzdesk.ui.pages.base import Session, buddy_label, open_history, page_shortcut, paragraphs
from fzdesk.ui.pages.report_page import move_block
from fzdesk.ui.pages.text_page import TextEditor
from fzdesk.ui.side_room import TOGGLE_TIP, SidePage, SidePlace, least_width, page_room
from fzdesk.ui.style import DEFAULT_POINT_SIZE

if TYPE_CHECKING:
    from fzdesk.exchange.carry import CopyResult
    from fzdesk.ui.plan_checklist import PlanChecklist

# what the editing parts keep at any text size; where the window has less room the page scrolls (docs/ui-large-text.md)
EDITOR_LINES = 5  # the item's text
TITLE_CHARS = 10  # the item's title
LIST_ROWS = 3  # the item list
PREVIEW_LINES = 2  # the preview: the block's heading and the item's start

NUMBERING_CHOICES = (
    (Numbering.HEADINGS, "（一）标题另起一段"),
    (Numbering.INLINE, "（一）标题。正文 同段"),
    (Numbering.YISHI, "一是……二是……"),
    (Numbering.NONE, "不编号"),
)


class ItemList(QListWidget):
    """The item list: Ctrl+Shift+Up/Down move the current item here too, instead of moving the cursor."""

    move_requested = Signal(int)
    _MOVES: ClassVar[dict[Qt.Key, int]] = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}

    def _move_of(self, event: QKeyEvent) -> int:
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        if event.modifiers() == ctrl_shift:
            return self._MOVES.get(Qt.Key(event.key()), 0)
        return 0

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self._move_of(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = self._move_of(event)
        if step:
            self.move_requested.emit(step)
            return
        super().keyPressEvent(event)


class BlockPage(SidePage):
    """Edits one of the five blocks of session.report."""

    order_changed = Signal()

    def __init__(self, session: Session, block: Block, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        assert session.report is not None
        section = session.report.section(block)
        assert section is not None and section.id is not None
        self.section: Section = section
        self.block = block
        unit_type = session.unit.unit_type if session.unit else None
        self.spec = resources.outline(unit_type).blocks[block] if unit_type else None
        if self.spec and self.spec.help:
            self.outer.addWidget(self.hint(self.spec.help))

        form = QFormLayout()
        self.heading = QLineEdit()
        self.heading.setAccessibleName("部分标题")
        self.reset_heading = QPushButton("恢复默认标题(&R)")
        self.reset_heading.setEnabled(self.spec is not None)
        row = QHBoxLayout()
        row.addWidget(self.heading, 1)
        row.addWidget(self.reset_heading)
        self.heading_history = QPushButton("标题历史…(&5)")
        self.heading_history.setAccessibleDescription("部分标题的历史版本")  # (the item's title has one too)
        row.addWidget(self.heading_history)
        form.addRow(buddy_label("部分标题(&L)", self.heading), row)
        self.numbering = QComboBox()
        # as wide as its longest choice at any text size ("（一）标题另起一段" was cut: 13 Latin widths)
        self.numbering.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for numbering, text in NUMBERING_CHOICES:
            self.numbering.addItem(text, numbering)
        self.block_up = QPushButton("本部分前移(&3)")
        self.block_down = QPushButton("本部分后移(&4)")
        self.block_up.setToolTip("把这一部分在报告中往前移一位")
        self.block_down.setToolTip("把这一部分在报告中往后移一位")
        self.row2 = QHBoxLayout()
        self.row2.addWidget(self.numbering)
        self.row2.addStretch(1)
        self.toggle_last_year = QPushButton("上年内容(&J)")
        self.toggle_last_year.setCheckable(True)
        self.toggle_last_year.setToolTip(TOGGLE_TIP)
        page_shortcut(self, self.toggle_last_year, TOGGLE_KEYS)
        # the three buttons beside the numbering, or on a line of their own below it when the text is too large
        # for one line (_arrange_buttons)
        self.block_buttons = QWidget()
        buttons_row = QHBoxLayout(self.block_buttons)
        buttons_row.setContentsMargins(0, 0, 0, 0)
        buttons_row.setSpacing(self.outer.spacing())  # as the line's own (a layout in a layout takes its parent's)
        buttons_row.addWidget(self.toggle_last_year)
        buttons_row.addWidget(self.block_up)
        buttons_row.addWidget(self.block_down)
        self.row2.addWidget(self.block_buttons)
        self.numbering_label = buddy_label("条目编号(&B)", self.numbering)
        form.addRow(self.numbering_label, self.row2)
        self.buttons_line = QHBoxLayout()
        self.buttons_line.setContentsMargins(0, 0, 0, 0)
        self.buttons_line.addStretch(1)
        form.addRow(self.buttons_line)
        self.form = form
        form.setRowVisible(self.buttons_line, False)
        self.outer.addLayout(form)
        self.omitted = QCheckBox("无（本部分不写入报告）(&O)")
        self.outer.addWidget(self.omitted)  # first: shown without a parent it was a window of its own for a moment,
        self.omitted.setVisible(block is Block.OTHER)  # which took the keyboard focus away from the program

        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.body.setChildrenCollapsible(False)
        # the list and editor, and below them last year's pane when the text is too large for it beside them: a
        # splitter gives each at least its minimum (a box layout gave the pane its wrapped height first and
        # squeezed the editor)
        self.column = QSplitter(Qt.Orientation.Vertical)
        self.column.setChildrenCollapsible(False)
        self.column.addWidget(self.body)
        self.outer.addWidget(self.column, 1)
        left = Column()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        items_label = QLabel("条目(&M)")
        self.items = ItemList()
        self.items.setAccessibleName("条目列表")
        style.item_list(self.items)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setWordWrap(True)
        keep_rows(self.items, LIST_ROWS)
        items_label.setBuddy(self.items)
        left_layout.addWidget(items_label)
        left_layout.addWidget(self.items, 1)
        self.add = self._button("添加条目(&A)", "Ctrl+Shift+N", "在当前条目后面添加一条")
        self.delete = self._button("删除条目(&D)", "Ctrl+Shift+Del", "删除当前条目")
        self.up = self._button("上移(&U)", "Ctrl+Shift+Up", "把当前条目上移，编号自动重排")
        self.down = self._button("下移(&W)", "Ctrl+Shift+Down", "把当前条目下移，编号自动重排")
        grid = QHBoxLayout()
        for b in (self.add, self.delete):
            grid.addWidget(b)
        grid2 = QHBoxLayout()
        for b in (self.up, self.down):
            grid2.addWidget(b)
        left_layout.addLayout(grid)
        left_layout.addLayout(grid2)
        self.body.addWidget(left)
        self.left = left

        right = Column()
        outer_right = QVBoxLayout(right)
        outer_right.setContentsMargins(8, 0, 0, 0)
        self.editor_box = QWidget()  # the current item's editor; hidden while the block has no item
        right_layout = QVBoxLayout(self.editor_box)
        right_layout.setContentsMargins(0, 0, 0, 0)
        outer_right.addWidget(self.editor_box, 1)
        head = QHBoxLayout()
        self.label = style.ItemNumber()
        self.label.setToolTip("编号由程序自动生成，无需输入")
        self.title = QLineEdit(placeholderText="条目标题（可不填）")
        self.title.setAccessibleName("条目标题")
        keep_chars(self.title, TITLE_CHARS)
        self.title_history = QPushButton("标题历史…(&Y)")
        self.title_history.setAccessibleDescription("本条目标题的历史版本")
        title_label = QLabel("标题(&I)")
        title_label.setBuddy(self.title)
        head.addWidget(self.label)
        head.addWidget(title_label)
        head.addWidget(self.title, 1)
        head.addWidget(self.title_history)
        right_layout.addLayout(head)
        body_row = QHBoxLayout()
        body_label = QLabel("正文(&1)：每段一行，回车另起一段")
        body_label.setWordWrap(True)  # narrow windows: wraps instead of widening the page
        self.body_history = QPushButton("历史版本…(&2)")
        body_row.addWidget(body_label, 1)
        body_row.addWidget(self.body_history)
        right_layout.addLayout(body_row)
        self.stale_bar, self.stale, self.stale_ok = stale_bar()
        right_layout.addWidget(self.stale_bar)
        self.text = TextEditor()
        self.text.setAccessibleName("条目正文")
        keep_lines(self.text, EDITOR_LINES)
        body_label.setBuddy(self.text)
        right_layout.addWidget(self.text, 1)
        self.preview = style.Preview()
        self.preview.setWordWrap(True)
        keep_lines(self.preview, PREVIEW_LINES)
        self.preview.setToolTip("预览：本条目在报告中的样子（只读）")
        right_layout.addWidget(self.preview)
        self.empty = QLabel("这一部分还没有条目。按“添加条目”（Ctrl+Shift+N）开始写。")
        style.hint(self.empty)
        self.empty.setWordWrap(True)
        outer_right.addWidget(self.empty)
        outer_right.addStretch(0)
        self.body.addWidget(right)
        self.right = right
        self.omitted_note = QLabel("本部分已标记为“无”，不会写入报告。需要填写时，取消勾选上面的“无”。")
        style.hint(self.omitted_note)
        self.omitted_note.setWordWrap(True)
        self.outer.addWidget(self.omitted_note)
        self.omitted_stretch = QWidget()
        self.outer.addWidget(self.omitted_stretch, 1)
        self._buttons_one_line = True  # the block's buttons beside the numbering
        self.place: SidePlace | None = None  # where last year's pane is (made below, once the pane is)
        self.body.setStretchFactor(0, 1)
        self.body.setStretchFactor(1, 3)
        self.side = self._build_side()
        if self.side is not None:
            self.body.addWidget(self.side)
            self.body.setStretchFactor(2, 2)
            self.body.setSizes([220, 520, 380])
        else:
            self.body.setSizes([280, 760])
        self.toggle_last_year.setVisible(self.side is not None)
        self.toggle_last_year.setChecked(self.side is not None and pane_visible(session))
        # last year's pane beside the editor, below it (large text) or folded away (fzdesk/ui/side_room.py)
        self.place = None if self.side is None else SidePlace(
            self.side, self.body, self.column, self.toggle_last_year, pane=self.last_year_pane,
            wanted=self.toggle_last_year.isChecked(), beside_sizes=[220, 520, 380], stretch=2)
        if self.side is not None:
            self.side.setVisible(self.toggle_last_year.isChecked())

        QWidget.setTabOrder(self.title, self.text)  # Tab: an item's title, its text, then the history buttons
        self.reload()
        self.heading.textEdited.connect(self._heading_edited)
        self.reset_heading.clicked.connect(self._reset_heading)
        self.heading_history.clicked.connect(self._heading_history)
        self.numbering.currentIndexChanged.connect(self._numbering_edited)
        self.omitted.toggled.connect(self._omitted_edited)
        self.block_up.clicked.connect(lambda: self._move_block(-1))
        self.block_down.clicked.connect(lambda: self._move_block(1))
        self.items.currentRowChanged.connect(self._show_item)
        self.add.clicked.connect(self.add_item)
        self.delete.clicked.connect(self.delete_item)
        self.up.clicked.connect(lambda: self.move_item(-1))
        self.items.move_requested.connect(self.move_item)
        self.down.clicked.connect(lambda: self.move_item(1))
        self.title.textEdited.connect(self._title_edited)
        self.text.textChanged.connect(self._text_edited)
        self.title_history.clicked.connect(lambda: self._history("title"))
        self.body_history.clicked.connect(lambda: self._history("body"))
        self.stale_ok.clicked.connect(self._mark_reviewed)
        self.toggle_last_year.toggled.connect(self._toggle_side)

    def _button(self, text: str, keys: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        page_shortcut(self, button, keys)
        button.setToolTip(f"{tip}（{QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)}）")
        return button

    def first_focus(self) -> QWidget:
        return self.text if self.section.items else self.heading

    # ----- last year: its text beside the editor, its plans as a checklist ------------------------
    def _build_side(self) -> QWidget | None:
        """Last year's text of this block (when last year's report is in the store) and, in the measures block,
        last year's plans as a checklist (when the report has one)."""
        last = last_year_report(self.session)
        self.last_year_pane: LastYearPane | None = None
        self.checklist: PlanChecklist | None = None
        self.side_tabs: QTabWidget | None = None
        if last is not None:
            self.last_year_pane = LastYearPane(self.session, self.section, last)
            self.last_year_pane.copied.connect(self._copied)
        if self.block is Block.MEASURES:
            from fzdesk.ui.plan_checklist import PlanChecklist, load_checks

            checks = load_checks(self.session)
            if checks:
                self.checklist = PlanChecklist(self.session, self.section, checks, self.label_of)
                self.checklist.changed.connect(self._checklist_changed)
                self.checklist.show_item.connect(self._select_item)
        if self.checklist is None:
            return self.last_year_pane
        tabs = QTabWidget()
        tabs.setAccessibleName("去年的内容和安排落实")
        tabs.setDocumentMode(True)
        if self.last_year_pane is not None:
            tabs.addTab(self.last_year_pane, "上年内容")
        tabs.addTab(self.checklist, self.checklist.tab_title())
        self.side_tabs = tabs
        return tabs

    # ----- the room the page has: three columns, two, or one above the other --------------------------
    # At the default text size and below, a window too narrow for last year's pane beside the editor folds the pane
    # (the toggle says why). At a larger text size the clerk chose larger text over seeing everything at once: the
    # pane goes below the editor, the list above the editor when the two do not fit side by side, and the buttons
    # beside the numbering onto a line of their own; the page then scrolls (vertically) in the window's page area.
    # (fzdesk/ui/side_room.py moves the pane; 开头 and 结尾 use it too.)
    def room_for_side(self) -> int:
        """The page width the editor needs with last year's pane beside it."""
        width = self._columns_width()
        if self.place is not None:
            width += self.place.width()
        return width

    def _columns_width(self) -> int:
        """The width the item list and the editor need side by side."""
        return least_width(self.left) + self.body.handleWidth() + least_width(self.right)

    def _numbering_line_width(self) -> int:
        """The width the numbering and the three buttons beside it need on one line."""
        spacing = max(self.form.horizontalSpacing(), 0) + 2 * max(self.row2.spacing(), 0)
        return (self.numbering_label.sizeHint().width() + self.numbering.sizeHint().width()
                + self.block_buttons.sizeHint().width() + spacing)

    def fit_side(self) -> None:
        room = page_room(self)
        larger = self.font().pointSize() > DEFAULT_POINT_SIZE
        if self.side_tabs is not None:
            # above the default size the tabs keep their whole titles (at 16 pt on 1366x768 beside the editor they
            # were cut to 安排落实（2项未 behind scroll arrows): the pane goes below where they do not fit beside.
            # At the default size and below the page is as before (a narrow window folds the pane).
            whole = self.side_tabs.tabBar().sizeHint().width() if larger else 0
            if self.side_tabs.minimumWidth() != whole:
                self.side_tabs.setMinimumWidth(whole)
        self._arrange_buttons(room >= self._numbering_line_width())
        stacked = larger and room < self._columns_width()
        if stacked != (self.body.orientation() == Qt.Orientation.Vertical):
            if stacked and self.place is not None and self.side is not None and self.side.parentWidget() is self.body:
                self.place.place(below=True)
            self.body.setOrientation(Qt.Orientation.Vertical if stacked else Qt.Orientation.Horizontal)
        if self.place is not None:
            self.place.fit(beside=not stacked and room >= self.room_for_side(), larger=larger)

    def _arrange_buttons(self, one_line: bool) -> None:
        """上年内容, 本部分前移 and 本部分后移 beside the numbering, or on a line of their own below it."""
        if self._buttons_one_line == one_line:
            return
        self._buttons_one_line = one_line
        (self.row2 if one_line else self.buttons_line).addWidget(self.block_buttons)
        self.form.setRowVisible(self.buttons_line, not one_line)

    def _toggle_side(self, on: bool) -> None:
        if self.side is None or self.place is None:
            return
        had_focus = self.side.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        self.want_side(on)
        if not on and had_focus:
            self.first_focus().setFocus()

    def _copied(self, result: CopyResult) -> None:
        """Last year's items were copied in (or the copy taken back): show them, the first copied one selected."""
        items = self.section.items
        rows = [n for n, item in enumerate(items) for step in result.steps if step.item is item]
        row = rows[0] if rows else min(max(self.current_index(), 0), len(items) - 1)
        self._fill_list(row)
        self.changed.emit()

    def _checklist_changed(self) -> None:
        if self.side_tabs is not None and self.checklist is not None:
            self.side_tabs.setTabText(self.side_tabs.indexOf(self.checklist), self.checklist.tab_title())
        self.changed.emit()

    def _select_item(self, item_id: int) -> None:
        row = next((n for n, i in enumerate(self.section.items) if i.id == item_id), -1)
        if row >= 0:
            self.items.setCurrentRow(row)
            self.text.setFocus()

    def _update_stale(self) -> None:
        item = self.current_item()
        self.stale_bar.setVisible(item is not None and item.carried_over)

    def _clear_stale(self, item: Item) -> None:
        """An edit: the store clears the 未更新 mark when it saves; the screen follows at once."""
        if item.carried_over:
            item.carried_over = False
            self._update_stale()

    def _mark_reviewed(self) -> None:
        item = self.current_item()
        if item is None or item.id is None:
            return
        item.carried_over = False  # through the saver: kept for a retry if the disk is full
        write_text(self.session.saver, self.session.store, "item", item.id, carried_over=False)
        self._update_stale()
        self._refresh_row()
        self.text.setFocus()
        self.changed.emit()

    # ----- showing -------------------------------------------------------------------------------
    @property
    def numbering_style(self) -> Numbering:
        return self.section.numbering

    def current_index(self) -> int:
        return self.items.currentRow()

    def current_item(self) -> Item | None:
        row = self.current_index()
        return self.section.items[row] if 0 <= row < len(self.section.items) else None

    def reload(self) -> None:
        self.heading.setText(self.section.heading)
        self.heading.setCursorPosition(0)  # a long heading shows its start (at a large text size it is cut)
        self.numbering.blockSignals(True)
        self.numbering.setCurrentIndex([s for s, _ in NUMBERING_CHOICES].index(self.section.numbering))
        self.numbering.blockSignals(False)
        self.omitted.blockSignals(True)
        self.omitted.setChecked(self.section.omitted)
        self.omitted.blockSignals(False)
        self._fill_list(0 if self.section.items else -1)
        self._update_enabled()

    def label_of(self, index: int) -> str:
        """The number label of the item at 0-based index, as the program applies it."""
        if index < 0:
            return ""
        return item_label(self.numbering_style, index + 1)

    def _list_text(self, index: int, item: Item) -> str:
        first = item.title.strip() or (item.paragraphs[0] if item.paragraphs else "") or "（空白条目）"
        if len(first) > 40:
            first = first[:40] + "……"
        label = self.label_of(index) or "· "
        return f"{label}【未更新】{first}" if item.carried_over else f"{label}{first}"

    def _fill_list(self, current: int) -> None:
        self.items.blockSignals(True)
        self.items.clear()
        for n, item in enumerate(self.section.items):
            self.items.addItem(self._list_text(n, item))
        self.items.setCurrentRow(current)
        self.items.blockSignals(False)
        self._show_item(current)
        if self.last_year_pane is not None:
            self.last_year_pane.refresh()
        if self.checklist is not None:
            self.checklist.refresh_items()

    def _refresh_row(self) -> None:
        row = self.current_index()
        item = self.current_item()
        if item is not None:
            list_item = self.items.item(row)
            text = self._list_text(row, item)
            if list_item.text() != text:
                list_item.setText(text)
        self._update_preview()

    def _show_item(self, row: int) -> None:
        item = self.current_item()
        self.editor_box.setVisible(item is not None)
        self.empty.setVisible(item is None)
        self.title.setText(item.title if item else "")
        self.title.setCursorPosition(0)  # a long title shows its start, not its end
        self.text.blockSignals(True)
        self.text.setPlainText(item.text if item else "")
        self.text.blockSignals(False)
        self.label.setText(self.label_of(row) or "（不编号）")
        self._update_stale()
        self._update_preview()
        self._update_enabled()

    def _update_preview(self) -> None:
        item = self.current_item()
        if item is None:
            self.preview.clear()
            return
        report = self.session.report
        assert report is not None
        label = next((lab for lab, s in numbered_sections(report) if s is self.section), "")
        text = item_preview(self.numbering_style, self.current_index() + 1, item)
        self.preview.setText(f"预览：{label}{self.section.heading}\n{text}")

    def _update_enabled(self) -> None:
        on = not self.section.omitted
        row = self.current_index()
        n = len(self.section.items)
        self.column.setVisible(on)
        self.omitted_note.setVisible(not on)
        self.omitted_stretch.setVisible(not on)
        self.add.setEnabled(on)
        self.delete.setEnabled(on and row >= 0)
        self.up.setEnabled(on and row > 0)
        self.down.setEnabled(on and 0 <= row < n - 1)

    # ----- editing -------------------------------------------------------------------------------
    def _save_section(self, **fields: object) -> None:
        sid = self.section.id
        assert sid is not None
        save_text(self.session.saver, self.session.store, "section", sid, **fields)
        self.changed.emit()

    def _heading_edited(self, text: str) -> None:
        self.section.heading = text.strip()
        self._save_section(heading=self.section.heading)
        self._update_preview()

    def _heading_history(self) -> None:
        sid = self.section.id
        assert sid is not None
        value = open_history(self, self.session, f"section:{sid}", "heading", "部分标题：历史版本")
        if value is None:
            return
        self.section.heading = value
        write_text(self.session.saver, self.session.store, "section", sid, heading=value)
        self.heading.setText(value)
        self._update_preview()
        self.changed.emit()

    def _reset_heading(self) -> None:
        report = self.session.report
        if self.spec is None or report is None:
            return
        organ = report.organs[0] if report.organs else ""
        self.heading.setText(fill(self.spec.heading, report.year, organ))
        self._heading_edited(self.heading.text())

    def _numbering_edited(self) -> None:
        self.section.numbering = Numbering(self.numbering.currentData())
        self._save_section(numbering=self.section.numbering)
        self.session.saver.flush()  # a choice, not typing: save it at once
        self._fill_list(self.current_index())

    def _omitted_edited(self, on: bool) -> None:
        self.section.omitted = on
        self._save_section(omitted=on)
        self.session.saver.flush()
        self._update_enabled()
        self._update_preview()

    def _move_block(self, step: int) -> None:
        if move_block(self.session, self.block, step, self):
            self._update_preview()
            self.order_changed.emit()

    def _title_edited(self, text: str) -> None:
        item = self.current_item()
        if item is None or item.id is None:
            return
        item.title = text.strip()
        self._clear_stale(item)
        iid = item.id
        save_text(self.session.saver, self.session.store, "item", iid, title=item.title)
        self._refresh_row()
        if self.checklist is not None:
            self.checklist.refresh_items()
        self.changed.emit()

    def _text_edited(self) -> None:
        item = self.current_item()
        if item is None or item.id is None:
            return
        new = paragraphs(self.text.toPlainText())
        if new == item.paragraphs:
            return  # a re-layout, not an edit
        item.paragraphs = new
        self._clear_stale(item)
        iid = item.id
        save_text(self.session.saver, self.session.store, "item", iid, paragraphs=item.paragraphs)
        self._refresh_row()
        self.changed.emit()

    def add_item(self) -> None:
        sid = self.section.id
        assert sid is not None
        self.session.saver.flush()
        position = self.current_index() + 1 if self.section.items else 0
        item = Item("", [])
        from fzdesk.ui.write_guard import attempt  # (loaded on first use: start-up stays fast)

        # written first: refused by the disk, the list and the model stay as they were
        if not attempt(self, "没能添加条目", lambda: self.session.store.add_item(sid, position, item)):
            return
        self.section.items.insert(position, item)
        self._fill_list(position)
        self.title.setFocus()
        self.changed.emit()

    def delete_item(self) -> None:
        item = self.current_item()
        if item is None or item.id is None:
            return
        row = self.current_index()
        if item.title.strip() or item.paragraphs:
            name = (self.label_of(row) + (item.title or (item.paragraphs[0] if item.paragraphs else "")))[:30]
            answer = QMessageBox.question(
                self, "删除条目", f"确定删除条目“{name}”吗？\n删除后，后面条目的编号会自动前移。",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.session.saver.flush()
        from fzdesk.ui.write_guard import attempt

        iid = item.id
        if not attempt(self, "没能删除条目", lambda: self.session.store.delete_item(iid)):
            return  # the item stays, in the list and in the data
        del self.section.items[row]
        self._fill_list(min(row, len(self.section.items) - 1))
        self.changed.emit()

    def move_item(self, step: int) -> None:
        row = self.current_index()
        target = row + step
        item = self.current_item()
        if item is None or item.id is None or not 0 <= target < len(self.section.items):
            return
        self.session.saver.flush()
        from fzdesk.ui.write_guard import attempt

        iid = item.id
        if not attempt(self, "没能移动条目", lambda: self.session.store.move_item(iid, target)):
            return  # the order unchanged
        items = self.section.items
        items.insert(target, items.pop(row))
        self._fill_list(target)
        self.changed.emit()

    def _history(self, field: str) -> None:
        item = self.current_item()
        if item is None or item.id is None:
            return
        label = self.label_of(self.current_index())
        what = "标题" if field == "title" else "正文"
        value = open_history(self, self.session, f"item:{item.id}", field, f"条目{label}的{what}：历史版本")
        if value is None:
            return
        before = (item.title, item.text)
        if field == "title":
            item.title = value
            write_text(self.session.saver, self.session.store, "item", item.id, title=value)
        else:
            item.paragraphs = paragraphs(value)
            write_text(self.session.saver, self.session.store, "item", item.id, paragraphs=item.paragraphs)
        if (item.title, item.text) != before:
            item.carried_over = False  # as the store did
        self._show_item(self.current_index())
        self._refresh_row()
        self.changed.emit()
