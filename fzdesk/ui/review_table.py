"""检查收到的报告's table: one row per received file, problems first, the names elided in the middle on one line."""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableWidget, QTableWidgetItem

from fzdesk.review.batch import attention_key, year_state
from fzdesk.review.reading import LAST_YEAR_CARRIED, LAST_YEAR_NONE, ReviewedFile
from fzdesk.ui import style

#: 错误, 警告 and 提示 apart, in the 检查 step's words (Severity.label): a 提示 column counting 警告 too hid them.
COLUMNS = ("文件名", "单位", "年度", "来源", "成文日期", "错误", "警告", "提示", "与去年比较", "状态")
PROBLEM_COLUMN = 5  # 错误: sorted problems first (attention_key)
SOURCE_COLUMN, LAST_YEAR_COLUMN, STATE_COLUMN = 3, 8, 9
#: The least the names and the units keep (in characters) when the table is narrower than its columns want, and the
#: most 状态 keeps before they give way: 14 characters and the cell's margins hold every 状态 but a file that is both
#: of another year and a duplicate (the table's short words, ReviewedFile.state(short=True)).
NAME_EMS, UNIT_EMS, STATE_EMS = 9, 7, 14
#: 来源 at most (本程序导出（后在Word中改过） is elided, whole in its tooltip): Word文件识别 shows whole.
SOURCE_EMS = 7
#: 与去年比较 in the table, in full in the cell's tooltip, the details and the CSV: 未核对（无上年数） took 9
#: characters on almost every row, more than its title.
LAST_YEAR_WORDS = {LAST_YEAR_CARRIED: "已核对", LAST_YEAR_NONE: "未核对"}
ROW = Qt.ItemDataRole.UserRole  # a cell's row in the dialog's list of files (the table is sorted)


def visible_name(name: str) -> str:
    """The file's name as the table shows it (name: ReviewedFile.name): without the folder it lies in when its own
    name already names that folder (付井镇\\付井镇人民政府关于2023年度…的报告.docx → 付井镇人民政府关于2023年度…
    的报告.docx), so that the column's room goes to what tells a township's files apart (the end:
    …报告（修改稿）.docx) and the start still says whose it is. 王集乡\\报告.docx keeps its folder: there only the
    folder says whose it is. Folders above stay (2023\\付井镇\\付井镇报告.docx → 2023\\付井镇报告.docx). The tooltip
    and the screen reader have the whole path."""
    parts = PurePath(name).parts
    if len(parts) >= 2 and parts[-2] in parts[-1]:
        return str(PurePath(*parts[:-2], parts[-1]))
    return name


def spoken(row: ReviewedFile, state: str) -> str:
    """What a screen reader reads for the row's file name: the row's gist (the counts and 状态 lie far to the right)."""
    if not row.readable:
        return f"{row.name}，{state}"
    year = f"{row.year}年度" if row.year else "未识别年度"
    return (f"{row.name}，{row.unit_name}，{year}，错误{row.errors}条，警告{row.warnings}条，提示{row.infos}条，"
            f"{state}")


def state_key(row: ReviewedFile, state: str) -> tuple[int, int, str]:
    """Where a file comes when the table is sorted by 状态 (state: the cell's words): the files that could not be read
    together, then the other 状态 that are not 正常, a 状态's files together, then 正常. By the words alone 空文件
    came between 正常 and 重复, away from the other unreadable files."""
    group = 0 if not row.readable else 2 if state == "正常" else 1
    return group, 0, f"{state}\n{row.name}"


class _Item(QTableWidgetItem):
    """A cell sorted by its key when it has one (错误: the files to act on first; 状态: state_key), by its number
    when it has one (警告, 提示, 年度), else by its text."""

    key: tuple[int, int, str] | None = None
    order: str | None = None  # 文件名: the whole name, folder first (the cell may show it without its folder)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        theirs_key = getattr(other, "key", None)
        if self.key is not None and theirs_key is not None:
            return bool(self.key < theirs_key)
        theirs_order = getattr(other, "order", None)
        if self.order is not None and theirs_order is not None:
            return bool(self.order < theirs_order)
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
        # every width is fit_names's (单位: a joint report names two organs); the sorted column's arrow needs room
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # 状态
        header.sortIndicatorChanged.connect(self.fit_names)
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
        values: list[str | int | None] = [visible_name(row.name), row.unit_name, row.year, str(row.source or ""),
                                          row.date.isoformat() if row.date else "",
                                          row.errors if row.readable else None,
                                          row.warnings if row.readable else None,
                                          row.infos if row.readable else None,
                                          LAST_YEAR_WORDS.get(row.last_year, row.last_year), row.state(short=True)]
        for column, value in enumerate(values):
            item = _Item()
            if isinstance(value, int):
                item.setData(Qt.ItemDataRole.EditRole, value)
            else:
                item.setText(value or "")
            item.setData(ROW, index)
            if column == 0:
                item.setToolTip(str(row.path))
                item.order = row.name
            elif column == 1:
                item.setToolTip(row.unit_name)
            elif column in (SOURCE_COLUMN, LAST_YEAR_COLUMN):
                item.setToolTip(str(row.source or "") if column == SOURCE_COLUMN else row.last_year)
            if column == PROBLEM_COLUMN:
                _mark_problems(item, row)  # at once, not only when the whole batch is read
            elif column == STATE_COLUMN:
                _mark_state(item, row, row.state(short=True), row.state_text)
            self.setItem(at, column, item)
        self.setSortingEnabled(True)
        self.fit_names()

    def fit_names(self) -> None:
        """年度 to 与去年比较 as wide as their cells or their titles (the sorted column's with room for its arrow;
        来源 at most SOURCE_EMS); the file names as wide as they are, up to 18 characters and a third of the table,
        the units up to 14 characters and a quarter (a long name is elided; its tooltip is whole): at the largest
        text size on a small screen the counts and 状态 still show beside them (a joint report's two organs pushed
        them out of sight). When the columns would still be wider than the table, the names and units give way (down
        to NAME_EMS and UNIT_EMS) so that 状态 keeps up to STATE_EMS. At 1366x768 and the default text size the
        counts were as wide as their titles with an arrow each, the names were cut to 9 characters
        (付井镇/付井…告.docx) and 状态 to 12 (不是Word文…c/.wps）)."""
        em = QFontMetrics(self.font()).horizontalAdvance("字")
        room = self.viewport().width()
        margins = self._cell_margins()

        def wanted(column: int) -> int:
            return max(self.sizeHintForColumn(column), self._title_width(column))

        middle = [min(wanted(column), SOURCE_EMS * em + margins) if column == SOURCE_COLUMN else wanted(column)
                  for column in range(2, STATE_COLUMN)]
        for column, width in enumerate(middle, start=2):
            self.setColumnWidth(column, width)
        widths = [min(wanted(column), ems * em, room // share) for column, ems, share in ((0, 18, 3), (1, 14, 4))]
        state = min(wanted(STATE_COLUMN), STATE_EMS * em + margins)
        over = sum(widths) + sum(middle) + state - room
        floors = [min(widths[0], NAME_EMS * em), min(widths[1], UNIT_EMS * em)]
        give = [width - floor for width, floor in zip(widths, floors, strict=True)]
        spare: int = sum(give)
        if over > 0 and spare > 0:
            cut = min(over, spare)
            widths = [width - -(-cut * g // spare) for width, g in zip(widths, give, strict=True)]  # (rounded up)
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)
        # 状态 takes the rest of the table; when the table scrolls sideways (28 pt on 1024x768) it keeps its width
        # (the stretched last column fell to Qt's default 100 px there)
        stretch = over <= spare
        self.horizontalHeader().setStretchLastSection(stretch)
        if not stretch:
            self.setColumnWidth(STATE_COLUMN, state)

    def _title_width(self, column: int) -> int:
        """What the column's title needs: Qt's size hint keeps room for the sort arrow in every column (71 px for 错误
        at 14 pt, its digits need 30), so only the sorted column gets it."""
        header = self.horizontalHeader()
        if header.sortIndicatorSection() == column:
            return header.sectionSizeHint(column)
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        metrics = QFontMetrics(header.font())
        return metrics.horizontalAdvance(COLUMNS[column]) + 2 * margin + metrics.horizontalAdvance("字") // 2

    def _cell_margins(self) -> int:
        """What a cell takes from its column's width besides its text: the text's margins (as the style draws an
        item's text) and the grid line."""
        return 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1) + 1

    def text_room(self, column: int) -> int:
        """How wide a text the column's cells show unelided."""
        return self.columnWidth(column) - self._cell_margins()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_names()

    def refresh_marks(self, rows: list[ReviewedFile], year: int | None) -> None:
        """Duplicates and other years are known only for the whole batch (rows, marked): their 状态 is written
        again, and the rows sorted again. Two rows that would show one name (付井镇报告.docx beside
        付井镇\\付井镇报告.docx) show it with its folder."""
        self.setSortingEnabled(False)  # (a cell's new text would move its row at once)
        seen = Counter(visible_name(rows[int(self._cell(at, 0).data(ROW))].name) for at in range(self.rowCount()))
        for at in range(self.rowCount()):
            item = self._cell(at, STATE_COLUMN)
            row = rows[int(item.data(ROW))]
            whole = year_state(row, year)
            assert isinstance(item, _Item)
            _mark_state(item, row, year_state(row, year, short=True), whole)
            name = self._cell(at, 0)
            name.setText(visible_name(row.name) if seen[visible_name(row.name)] == 1 else row.name)
            name.setData(Qt.ItemDataRole.AccessibleTextRole, spoken(row, whole))
            problems = self.item(at, PROBLEM_COLUMN)
            assert isinstance(problems, _Item)
            _mark_problems(problems, row)
        self.setSortingEnabled(True)
        header = self.horizontalHeader()
        self.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.fit_names()  # (状态 has its words now)

    def _cell(self, at: int, column: int) -> QTableWidgetItem:
        item = self.item(at, column)
        assert item is not None
        return item

    def selected_index(self) -> int | None:
        """The index (in the dialog's list of files) of the selected row's file."""
        items = self.selectedItems()
        return int(items[0].data(ROW)) if items else None


def _mark_problems(item: _Item, row: ReviewedFile) -> None:
    """The 错误 cell: sorted problems first (attention_key), red when the file has errors."""
    item.key = attention_key(row)
    _red(item, row.errors > 0)


def _mark_state(item: _Item, row: ReviewedFile, shown: str, whole: str) -> None:
    """The 状态 cell: its short words (shown), sorted by state_key, red unless 正常, the full words (whole) as tip."""
    item.setText(shown)
    item.key = state_key(row, shown)
    _red(item, shown != "正常")
    item.setToolTip(_state_tip(row, whole))


def _state_tip(row: ReviewedFile, whole: str) -> str:
    """The 状态 cell's tooltip: the 状态 in full words, and the reader's message for a file it could not read."""
    return "\n".join(dict.fromkeys(text for text in (whole, row.detail) if text))


def _red(item: QTableWidgetItem, red: bool) -> None:
    """A cell in the error colour, or in the table's own."""
    item.setForeground(QBrush(QColor(style.ERROR_COLOUR)) if red else QBrush())
