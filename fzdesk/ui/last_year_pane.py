"""Last year's text of a block beside this year's editor, read-only, with 复制到本年, 全部复制 and 撤销复制."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fzdesk.domain.model import Block, Item, Report, Section
from fzdesk.domain.numbering import item_label
from fzdesk.exchange.carry import CopyResult, already_copied, copy_items, replace_text, undo_copy
from fzdesk.exchange.new_year import previous_report
from fzdesk.ui import style
from fzdesk.ui.font_room import Column, keep_lines, keep_rows
from fzdesk.ui.pages.base import Session

VISIBLE_SETTING = "last_year_pane_visible"
TOGGLE_KEYS = "Ctrl+Shift+L"
STALE_TIP = "这一条是从去年报告复制来的，还没有修改。改动文字后标记自动消失；检查会提醒其中去年的数字和年份。"
# what the pane shows at least, at any text size: 3 of last year's items below the editor (a large text size), 2
# beside it (its rows wrap there, and 3 made the page scroll from 15 pt on 1366x768), and 3 lines of the one selected
LIST_ROWS, BESIDE_ROWS, TEXT_LINES = 3, 2, 3
STALE_BACKGROUND, STALE_TEXT = "#fff3cd", "#7a4f00"  # amber note, dark brown text and box


def last_year_report(session: Session) -> Report | None:
    """Last year's report of the open report's unit (the year before, in the store), or None."""
    report = session.report
    if report is None or report.unit_id is None:
        return None
    return previous_report(session.store, report)


def pane_visible(session: Session) -> bool:
    return bool(session.store.setting(VISIBLE_SETTING, True))


def stale_badge() -> QLabel:
    """The 未更新 marker shown beside an editor whose text was copied from last year and not edited since."""
    badge = QLabel("未更新")
    badge.setObjectName("staleBadge")
    # colours, box and bold set in code, not by a style sheet: a sheet kept the mark at its first text size when
    # the clerk enlarged the text (视图 → 放大文字)
    palette = badge.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(STALE_BACKGROUND))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(STALE_TEXT))
    badge.setPalette(palette)
    badge.setAutoFillBackground(True)
    badge.setFrameShape(QFrame.Shape.Box)  # (a plain box is drawn in the text's colour)
    badge.setContentsMargins(6, 1, 6, 1)
    style.strong(badge)  # bold at the inherited size
    badge.setToolTip(STALE_TIP)
    badge.setAccessibleName("未更新：从去年报告复制，尚未修改")
    return badge


def stale_bar() -> tuple[QWidget, QLabel, QPushButton]:
    """The bar shown above an editor whose text is 未更新: the marker, what it means, and 无需修改."""
    bar = QWidget()
    row = QHBoxLayout(bar)
    row.setContentsMargins(0, 0, 0, 0)
    badge = stale_badge()
    note = QLabel("从去年的报告复制，还没有修改：请按今年的情况改写。")
    style.hint(note)
    note.setWordWrap(True)
    button = QPushButton("无需修改(&S)")
    button.setToolTip("沿用去年的这段文字仍然符合今年的情况：去掉“未更新”标记")
    row.addWidget(badge)
    row.addWidget(note, 1)
    row.addWidget(button)
    return bar, badge, button


def _item_text(item: Item) -> str:
    return "\n".join(p for p in (item.title.strip(), *item.paragraphs) if p)


class LastYearPane(Column):
    """Shows last year's items of one block; copies one or all into this year's section (single: the one text)."""

    copied = Signal(object)  # the CopyResult (or an empty one after 撤销复制)

    def __init__(self, session: Session, section: Section, last: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.section = section  # this year's
        self.last_year = last.year
        self.last_section = last.section(section.block)
        self.single = section.block in (Block.OPENING, Block.CLOSING)
        self._undo: CopyResult | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        heading = self.last_section.heading if self.last_section and self.last_section.heading else ""
        self.header = QLabel(f"{last.year}年度报告中的这一部分（只读）" + (f"：{heading}" if heading else ""))
        style.hint(self.header)
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        list_label = QLabel("上年条目(&X)", self)
        self.items = QListWidget(self)
        style.item_list(self.items)
        self.items.setAccessibleName("上年条目")
        self.items.setWordWrap(True)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        list_label.setBuddy(self.items)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("上年条目全文（只读）")
        self.text.setTabChangesFocus(True)
        self.text.setObjectName("lastYearText")
        # at any text size, the page scrolling where the window has less room (LIST_ROWS)
        self._rows_kept = keep_rows(self.items, BESIDE_ROWS)
        keep_lines(self.text, TEXT_LINES)
        self.empty = QLabel(f"{last.year}年度的报告中这一部分没有内容。")
        style.hint(self.empty)
        self.empty.setWordWrap(True)
        if not self.single:
            layout.addWidget(list_label)
            layout.addWidget(self.items, 3)
        else:
            list_label.hide()
            self.items.hide()
        layout.addWidget(self.text, 2)
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.copy_one = QPushButton("复制到本年(&C)")
        self.copy_all = QPushButton("全部复制(&K)")
        self.undo = QPushButton("撤销复制(&Z)")
        self.copy_one.setToolTip("把选中的上年条目复制为本年的初稿，标记为“未更新”，修改后标记消失")
        self.copy_all.setToolTip("把上年这一部分的全部条目复制为本年的初稿（本年已有的不重复复制）")
        self.undo.setToolTip("撤销刚才的复制（复制后已经修改过的条目保留）")
        for b in (self.copy_one, self.copy_all):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.copy_all.setVisible(not self.single)  # (only once in a layout: a parentless widget would pop up)
        self.status = QLabel()
        style.hint(self.status)
        self.status.setWordWrap(True)
        done = QHBoxLayout()
        done.addWidget(self.status, 1)
        done.addWidget(self.undo, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(done)
        self.refresh()
        self.items.currentRowChanged.connect(self._show)
        self.copy_one.clicked.connect(self.copy_current)
        self.copy_all.clicked.connect(self.copy_everything)
        self.undo.clicked.connect(self.undo_last)

    def stand_below(self, below: bool) -> None:
        """The pane is below the editor, full width (its list keeps 3 rows), or beside it (2)."""
        self._rows_kept.set_rows(LIST_ROWS if below else BESIDE_ROWS)

    # ----- showing -------------------------------------------------------------------------------
    @property
    def last_items(self) -> list[Item]:
        if self.last_section is None or self.last_section.omitted:
            return []
        return [i for i in self.last_section.items if i.title.strip() or i.paragraphs]

    def _row_text(self, index: int, item: Item) -> str:
        assert self.last_section is not None
        label = item_label(self.last_section.numbering, index + 1)
        first = item.title.strip() or (item.paragraphs[0] if item.paragraphs else "")
        if len(first) > 60:
            first = first[:60] + "……"
        mark = "　✓ 本年已有" if already_copied(self.section, item) else ""
        return f"{label or '· '}{first}{mark}"

    def refresh(self) -> None:
        """Shows last year's items again, marking those already in this year's block."""
        items = self.last_items
        row = max(self.items.currentRow(), 0)
        self.items.blockSignals(True)
        self.items.clear()
        for n, item in enumerate(items):
            self.items.addItem(self._row_text(n, item))
        self.items.setCurrentRow(min(row, len(items) - 1) if items else -1)
        self.items.blockSignals(False)
        self.empty.setVisible(not items)
        self.text.setVisible(bool(items))
        self.copy_all.setEnabled(any(not already_copied(self.section, i) for i in items))
        self.undo.setEnabled(self._undo is not None)
        self._show(self.items.currentRow() if not self.single else 0)

    def _show(self, row: int) -> None:
        items = self.last_items
        item = items[row] if 0 <= row < len(items) else None
        self.text.setPlainText(_item_text(item) if item else "")
        self.copy_one.setEnabled(item is not None and not already_copied(self.section, item))

    # ----- copying -------------------------------------------------------------------------------
    def copy_current(self) -> None:
        items = self.last_items
        row = 0 if self.single else self.items.currentRow()
        if not 0 <= row < len(items):
            return
        if self.single:
            self._replace(items[row])
        else:
            self._copy([items[row]])

    def copy_everything(self) -> None:
        self._copy(self.last_items)

    def _copy(self, items: list[Item]) -> None:
        self.session.saver.flush()
        try:
            result = copy_items(self.session.store, self.section, items)
        except Exception as exc:  # the transaction was rolled back: nothing changed
            self._failed(exc)
            return
        if result.count:
            self._undo = result
            text = f"已复制{result.count}条到本年，标记为“未更新”，修改后标记消失。"
        else:
            text = "这些条目本年已经有了，没有重复复制。"
        if result.skipped and result.count:
            text += f"另有{result.skipped}条本年已有，没有重复复制。"
        self.status.setText(text)
        self.refresh()
        self.copied.emit(result)

    def _replace(self, last: Item) -> None:
        assert self.section.items and self.section.items[0].id is not None
        current = self.section.items[0]
        if current.paragraphs or current.title.strip():
            answer = QMessageBox.question(
                self, "复制上年内容", f"用{self.last_year}年度的文字替换本年现有的文字吗？\n"
                "现有文字保存在“历史版本”里，也可以马上按“撤销复制”恢复。",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.session.saver.flush()
        try:
            result = replace_text(self.session.store, current, last)
        except Exception as exc:
            self._failed(exc)
            return
        self._undo = result
        self.status.setText("已复制到本年，标记为“未更新”，修改后标记消失。")
        self.refresh()
        self.copied.emit(result)

    def undo_last(self) -> None:
        if self._undo is None:
            return
        self.session.saver.flush()
        try:
            count = undo_copy(self.session.store, self.section, self._undo)
        except Exception as exc:
            self._failed(exc)
            return
        self._undo = None
        self.status.setText(f"已撤销复制（{count}条）。" if count else "复制来的条目都已修改过，没有撤销。")
        self.refresh()
        self.copied.emit(CopyResult())

    def _failed(self, exc: Exception) -> None:
        QMessageBox.critical(self, "复制失败", f"没能复制，本年的报告没有改动。请检查磁盘空间后再试。\n\n原因：{exc}")
