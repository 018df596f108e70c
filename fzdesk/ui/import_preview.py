"""What a file to import holds, read-only: sections and items, figures (candidates to accept), what was not placed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fzdesk import resources
from fzdesk.domain.model import Approx, Block, FigureState, FigureValue, Item, Section
from fzdesk.domain.numbering import item_label
from fzdesk.exchange.figure_finder import FigureCandidate
from fzdesk.exchange.headings import BLOCK_NAMES
from fzdesk.exchange.importer import ImportPreview

TEXT_ROLE = Qt.ItemDataRole.UserRole


def figure_text(state: FigureState, value: object, approx: Approx | None) -> str:
    """"88", "近100", "60000余", "不涉及", "" (not filled)."""
    if state is FigureState.NA:
        return "不涉及"
    if value is None or state is FigureState.EMPTY:
        return ""
    number = format(value, "f")
    if state is FigureState.APPROX:
        return f"{number}余" if approx is Approx.OVER else f"近{number}"
    return number


def _item_text(item: Item) -> str:
    return "\n\n".join(x for x in (item.title, *item.paragraphs) if x)


def _section_title(section: Section) -> str:
    name = BLOCK_NAMES[section.block]
    if section.block in (Block.OPENING, Block.CLOSING):
        return name
    omitted = "（标记为“无”）" if section.omitted else ""
    return f"{name}：{section.heading or '（没有标题）'}{omitted}"


class ContentView(QSplitter):
    """The sections as a tree (block, heading, items); the selected node's whole text beside it."""

    def __init__(self) -> None:
        super().__init__()
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("报告的各部分和条目")
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setAccessibleName("所选部分的全文")
        self.text.setPlaceholderText("在左边选择一部分或一项，这里显示它的全文。")
        self.addWidget(self.tree)
        self.addWidget(self.text)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 1)
        self.setSizes([520, 260])
        self.tree.currentItemChanged.connect(self._show)

    def show_report(self, preview: ImportPreview) -> None:
        self.tree.clear()
        for section in preview.report.sections:
            if section.block in (Block.OPENING, Block.CLOSING) and not section.items:
                continue
            node = QTreeWidgetItem([f"{_section_title(section)}（{len(section.items)}项）"
                                    if section.block not in (Block.OPENING, Block.CLOSING)
                                    else _section_title(section)])
            node.setData(0, TEXT_ROLE, "\n\n".join([section.heading, *map(_item_text, section.items)]).strip())
            node.setToolTip(0, node.text(0))
            font = node.font(0)
            font.setBold(True)
            node.setFont(0, font)
            self.tree.addTopLevelItem(node)
            if section.block in (Block.OPENING, Block.CLOSING):
                continue
            for index, item in enumerate(section.items, 1):
                head = item.title or (item.paragraphs[0] if item.paragraphs else "")
                if len(head) > 48:
                    head = head[:47] + "…"
                child = QTreeWidgetItem([f"{item_label(section.numbering, index)}{head}"])
                child.setData(0, TEXT_ROLE, _item_text(item))
                child.setToolTip(0, _item_text(item)[:300])
                node.addChild(child)
        self.tree.expandAll()
        self.text.clear()
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)

    def _show(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        self.text.setPlainText(str(current.data(0, TEXT_ROLE) or "") if current is not None else "")


class FiguresView(QWidget):
    """The data file's figure sheet, or the figures found in the prose, each to accept (ticked) or reject."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("数字")
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.accept_all = QPushButton("全部采用(&A)")
        self.reject_all = QPushButton("全部不用(&R)")
        self.count = QLabel()
        self.count.setWordWrap(True)  # (in one line it made the import dialog too wide at a large text size)
        for w in (self.accept_all, self.reject_all):
            buttons.addWidget(w)
        buttons.addWidget(self.count, 1)
        layout.addLayout(buttons)
        self.candidates: list[FigureCandidate] = []
        self.accept_all.clicked.connect(lambda: self._set_all(True))
        self.reject_all.clicked.connect(lambda: self._set_all(False))
        self.table.itemChanged.connect(self._changed)

    # ----- filling ---------------------------------------------------------------------------------
    def show_preview(self, preview: ImportPreview) -> None:
        self.table.blockSignals(True)
        self.table.clearContents()
        self.candidates = list(preview.figures)
        if preview.figures:
            self._show_candidates(preview.figures)
        else:
            self._show_sheet(preview.report.figures)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        self._count()

    def _show_candidates(self, candidates: list[FigureCandidate]) -> None:
        self.note.setText("下面这些数字是从正文里找出来的，可能有误。请对照原文逐个核对：打勾的填入数据表，"
                          "不打勾的不填。同一个指标找到几处时，只能采用其中一处。")
        self.table.setColumnCount(3)
        self.table.setHorizontalHeaderLabels(["采用  指标", "数字", "原文"])
        self.table.setRowCount(len(candidates))
        for row, c in enumerate(candidates):
            name = QTableWidgetItem(c.name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Unchecked)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(f"{figure_text(c.state, c.value, c.approx)}{c.unit}"))
            sentence = c.sentence + (f"\n注意：{c.note}" if c.note else "")
            self.table.setItem(row, 2, QTableWidgetItem(sentence))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for w in (self.accept_all, self.reject_all, self.count):
            w.setVisible(True)

    def _show_sheet(self, figures: dict[str, FigureValue]) -> None:
        catalogue = resources.catalogue()
        filled = [f for f in figures.values()
                  if f.state is not FigureState.EMPTY or f.last_state is not FigureState.EMPTY]
        order = {ind.code: i for i, ind in enumerate(catalogue.indicators)}
        filled.sort(key=lambda f: order.get(f.code, len(order)))
        self.note.setText("数据表中的数字随报告一起导入。" if filled else "这个文件里没有数据表中的数字。")
        self.table.setColumnCount(4)
        self.table.setHorizontalHeaderLabels(["指标", "本年", "上年", "说明"])
        self.table.setRowCount(len(filled))
        for row, f in enumerate(filled):
            ind = catalogue.get(f.code)
            unit = ind.unit if ind else ""
            this = figure_text(f.state, f.value, f.approx)
            last = figure_text(f.last_state, f.last_value, f.last_approx)
            cells = [ind.name if ind else f.code, this + unit if this and this != "不涉及" else this,
                     last + unit if last and last != "不涉及" else last, f.explanation]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for w in (self.accept_all, self.reject_all, self.count):
            w.setVisible(False)

    # ----- accepting -------------------------------------------------------------------------------
    def accepted(self) -> list[FigureCandidate]:
        """The candidates ticked by the user, in text order."""
        return [c for row, c in enumerate(self.candidates) if self.is_accepted(row)]

    def is_accepted(self, row: int) -> bool:
        cell = self.table.item(row, 0)
        return cell is not None and cell.checkState() == Qt.CheckState.Checked

    def set_accepted(self, row: int, accepted: bool) -> None:
        cell = self.table.item(row, 0)
        if cell is not None:
            cell.setCheckState(Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked)

    def _set_all(self, accepted: bool) -> None:
        self.table.blockSignals(True)
        seen: set[str] = set()
        for row, c in enumerate(self.candidates):
            self.set_accepted(row, accepted and c.code not in seen)  # of one indicator: its first place only
            seen.add(c.code)
        self.table.blockSignals(False)
        self._count()

    def _changed(self, cell: QTableWidgetItem) -> None:
        row = cell.row()
        if cell.column() != 0 or not 0 <= row < len(self.candidates):
            return
        if self.is_accepted(row):  # one value per indicator: ticking one unticks the others of its code
            self.table.blockSignals(True)
            for other, c in enumerate(self.candidates):
                if other != row and c.code == self.candidates[row].code:
                    self.set_accepted(other, False)
            self.table.blockSignals(False)
        self._count()

    def _count(self) -> None:
        n = len(self.accepted())
        self.count.setText(f"已采用 {n} 个，共找到 {len(self.candidates)} 个")


class PreviewTabs(QTabWidget):
    """内容 / 数字 / 未能归类 of one preview."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("导入预览")
        self.content = ContentView()
        self.figures = FiguresView()
        self.unplaced = QPlainTextEdit(readOnly=True)
        self.unplaced.setAccessibleName("未能归类的文字和提示")
        self.addTab(self.content, "")
        self.addTab(self.figures, "")
        self.addTab(self.unplaced, "")

    def show_preview(self, preview: ImportPreview) -> None:
        self.content.show_report(preview)
        self.figures.show_preview(preview)
        items = sum(len(s.items) for s in preview.report.body_sections)
        self.setTabText(0, f"内容（{items}项）")
        if preview.figures:
            self.setTabText(1, f"正文中的数字（{len(preview.figures)}）")
        else:
            self.setTabText(1, f"数据表（{self.figures.table.rowCount()}）")
        lines = [f"【无法归类】{u.reason}：\n{u.text}\n" for u in preview.unplaced]
        lines += [f"【提示】{w}" for w in preview.warnings]
        self.unplaced.setPlainText("\n".join(lines) or "所有文字都已归入报告的各部分。")
        self.setTabText(2, f"未能归类和提示（{len(preview.unplaced) + len(preview.warnings)}）")
