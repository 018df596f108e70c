"""检查收到的报告's table: one row per received file, problems first, the names elided in the middle on one line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from fzdesk.review.batch import attention_key, year_state
from fzdesk.review.reading import ReviewedFile
from fzdesk.ui import style

COLUMNS = ("文件名", "单位", "年度", "来源", "成文日期", "问题", "提示", "与去年比较", "状态")
PROBLEM_COLUMN = 5
STATE_COLUMN = 8
ROW = Qt.ItemDataRole.UserRole  # a cell's row in the dialog's list of files (the table is sorted)


def spoken(row: ReviewedFile, state: str) -> str:
    """What a screen reader reads for the row's file name: the row's gist (the counts and 状态 lie far to the right)."""
    if not row.readable:
        return f"{row.name}，{state}"
    year = f"{row.year}年度" if row.year else "未识别年度"
    return f"{row.name}，{row.unit_name}，{year}，{row.errors}个问题，{row.hints}条提示，{state}"


class _Item(QTableWidgetItem):
    """A cell sorted by its key when it has one (问题: the files to act on first), by its number when it has one
    (提示, 年度), else by its text."""

    key: tuple[int, int, str] | None = None

    def __lt__(self, other: QTableWidgetItem) -> bool:
        theirs_key = getattr(other, "key", None)
        if self.key is not None and theirs_key is not None:
            return bool(self.key < theirs_key)
        mine, theirs = self.data(Qt.ItemDataRole.EditRole), other.data(Qt.ItemDataRole.EditRole)
        if isinstance(mine, int) and isinstance(theirs, int):
            return mine < theirs
        if isinstance(mine, int) != isinstance(theirs, int):
            return isinstance(mine, int)  # numbers before the blanks of unread files
        return bool(self.text() < other.text())


class ReviewTable(QTableWidget):
    """The files read so far, a row each, sorted problems first; each cell knows its file's index (ROW)."""

    def __init__(self) -> None:
        super().__init__(0, len(COLUMNS))
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.setAccessibleName("收到的报告，每行一个文件")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        # problems first: the files that could not be read, then those with 错误 (most first), then other 状态
        header.setSortIndicator(PROBLEM_COLUMN, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)  # see fit_names
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)  # (单位: a joint report names two organs)
        header.setStretchLastSection(True)  # 状态
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # 王集乡\…（修改稿）.docx: the ends tell files apart
        # one line per cell: wrapped (Qt's default), a long name was cut line by line, its end lost (王集…政…)
        self.setWordWrap(False)

    def follow_text_size(self, font: QFont) -> None:
        """The column titles and the rows' height at the dialog's text size: Qt gives the header a font of its own
        (the platform's small header font), which a dialog's font does not reach."""
        self.horizontalHeader().setFont(font)
        self.verticalHeader().setDefaultSectionSize(QFontMetrics(font).height() + 10)

    def append(self, row: ReviewedFile, index: int) -> None:
        """A row for the file, whose index in the dialog's list of files is index."""
        self.setSortingEnabled(False)
        at = self.rowCount()
        self.insertRow(at)
        values: list[str | int | None] = [row.name, row.unit_name, row.year, str(row.source or ""),
                                          row.date.isoformat() if row.date else "",
                                          row.errors if row.readable else None,
                                          row.hints if row.readable else None, row.last_year, row.state_text]
        for column, value in enumerate(values):
            item = _Item()
            if isinstance(value, int):
                item.setData(Qt.ItemDataRole.EditRole, value)
            else:
                item.setText(value or "")
            item.setData(ROW, index)
            if column == 0:
                item.setToolTip(str(row.path))
            elif column == 1:
                item.setToolTip(row.unit_name)
            if column == PROBLEM_COLUMN:
                item.key = attention_key(row)
            self.setItem(at, column, item)
        self.setSortingEnabled(True)
        self.fit_names()

    def fit_names(self) -> None:
        """The file names as wide as they are, up to 18 characters and a third of the table, the units up to 14
        characters and a quarter (a long name is elided; its tooltip is whole): at the largest text size on a small
        screen the counts and 状态 still show beside them (a joint report's two organs pushed them out of sight)."""
        em = QFontMetrics(self.font()).horizontalAdvance("字")
        header = self.horizontalHeader()
        for column, ems, share in ((0, 18, 3), (1, 14, 4)):
            most = min(ems * em, self.viewport().width() // share)
            self.setColumnWidth(column, min(max(self.sizeHintForColumn(column), header.sectionSizeHint(column)), most))

    def refresh_marks(self, rows: list[ReviewedFile], year: int | None) -> None:
        """Duplicates and other years are known only for the whole batch (rows, marked): their 状态 is written
        again, and the rows sorted again."""
        for at in range(self.rowCount()):
            item = self.item(at, STATE_COLUMN)
            assert item is not None
            row = rows[int(item.data(ROW))]
            item.setText(year_state(row, year))
            item.setForeground(QBrush(QColor(style.ERROR_COLOUR)) if item.text() != "正常" else QBrush())
            item.setToolTip(row.detail or item.text())
            name = self.item(at, 0)
            assert name is not None
            name.setData(Qt.ItemDataRole.AccessibleTextRole, spoken(row, item.text()))
            problems = self.item(at, PROBLEM_COLUMN)
            assert isinstance(problems, _Item)
            problems.key = attention_key(row)
            problems.setForeground(QBrush(QColor(style.ERROR_COLOUR)) if row.errors else QBrush())
        header = self.horizontalHeader()
        self.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def selected_index(self) -> int | None:
        """The index (in the dialog's list of files) of the selected row's file."""
        items = self.selectedItems()
        return int(items[0].data(ROW)) if items else None
