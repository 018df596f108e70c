"""检查收到的报告's table: one row per received file, problems first, the names elided in the middle on one line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from fzdesk.review.batch import attention_key, year_state
from fzdesk.review.reading import ReviewedFile
from fzdesk.ui import style

#: 错误, 警告 and 提示 apart, in the 检查 step's words (Severity.label): a 提示 column counting 警告 too hid them.
COLUMNS = ("文件名", "单位", "年度", "来源", "成文日期", "错误", "警告", "提示", "与去年比较", "状态")
PROBLEM_COLUMN = 5  # 错误: sorted problems first (attention_key)
STATE_COLUMN = 9
#: The least the names, the units and 状态 keep (in characters) when the table is narrower than its columns want.
NAME_EMS, UNIT_EMS, STATE_EMS = 9, 7, 12
ROW = Qt.ItemDataRole.UserRole  # a cell's row in the dialog's list of files (the table is sorted)


def spoken(row: ReviewedFile, state: str) -> str:
    """What a screen reader reads for the row's file name: the row's gist (the counts and 状态 lie far to the right)."""
    if not row.readable:
        return f"{row.name}，{state}"
    year = f"{row.year}年度" if row.year else "未识别年度"
    return (f"{row.name}，{row.unit_name}，{year}，错误{row.errors}条，警告{row.warnings}条，提示{row.infos}条，"
            f"{state}")


class _Item(QTableWidgetItem):
    """A cell sorted by its key when it has one (错误: the files to act on first), by its number when it has one
    (警告, 提示, 年度), else by its text."""

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
                                          row.warnings if row.readable else None,
                                          row.infos if row.readable else None, row.last_year, row.state_text]
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
                _red(item, row.errors > 0)  # at once, not only when the whole batch is read
            elif column == STATE_COLUMN:
                _red(item, item.text() not in ("", "正常"))
            self.setItem(at, column, item)
        self.setSortingEnabled(True)
        self.fit_names()

    def fit_names(self) -> None:
        """The file names as wide as they are, up to 18 characters and a third of the table, the units up to 14
        characters and a quarter (a long name is elided; its tooltip is whole): at the largest text size on a small
        screen the counts and 状态 still show beside them (a joint report's two organs pushed them out of sight).
        When the columns would still be wider than the table, the names and units give way (down to NAME_EMS and
        UNIT_EMS) so that 状态 keeps STATE_EMS: at 1366x768 and the default text size 状态 lay behind a sideways scroll
        bar once 错误, 警告 and 提示 had a column each."""
        em = QFontMetrics(self.font()).horizontalAdvance("字")
        header = self.horizontalHeader()
        room = self.viewport().width()

        def wanted(column: int) -> int:
            return max(self.sizeHintForColumn(column), header.sectionSizeHint(column))

        widths = [min(wanted(column), ems * em, room // share) for column, ems, share in ((0, 18, 3), (1, 14, 4))]
        others = sum(wanted(column) for column in range(2, STATE_COLUMN))
        over = sum(widths) + others + min(wanted(STATE_COLUMN), STATE_EMS * em) - room
        floors = [min(widths[0], NAME_EMS * em), min(widths[1], UNIT_EMS * em)]
        give = [width - floor for width, floor in zip(widths, floors, strict=True)]
        spare: int = sum(give)
        if over > 0 and spare > 0:
            cut = min(over, spare)
            widths = [width - cut * g // spare for width, g in zip(widths, give, strict=True)]
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_names()

    def refresh_marks(self, rows: list[ReviewedFile], year: int | None) -> None:
        """Duplicates and other years are known only for the whole batch (rows, marked): their 状态 is written
        again, and the rows sorted again."""
        for at in range(self.rowCount()):
            item = self.item(at, STATE_COLUMN)
            assert item is not None
            row = rows[int(item.data(ROW))]
            item.setText(year_state(row, year))
            _red(item, item.text() != "正常")
            item.setToolTip(row.detail or item.text())
            name = self.item(at, 0)
            assert name is not None
            name.setData(Qt.ItemDataRole.AccessibleTextRole, spoken(row, item.text()))
            problems = self.item(at, PROBLEM_COLUMN)
            assert isinstance(problems, _Item)
            problems.key = attention_key(row)
            _red(problems, row.errors > 0)
        header = self.horizontalHeader()
        self.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.fit_names()  # (状态 has its words now)

    def selected_index(self) -> int | None:
        """The index (in the dialog's list of files) of the selected row's file."""
        items = self.selectedItems()
        return int(items[0].data(ROW)) if items else None


def _red(item: QTableWidgetItem, red: bool) -> None:
    """A cell in the error colour, or in the table's own."""
    item.setForeground(QBrush(QColor(style.ERROR_COLOUR)) if red else QBrush())
