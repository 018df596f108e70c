"""Copy and paste on the figure sheet, as Excel and WPS give and take cells: a block, one cell, the whole sheet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemDelegate, QApplication, QWidget

from fzdesk import resources
from fzdesk.domain.catalogue import Indicator
from fzdesk.domain.figure_paste import PasteError, PasteRow, clipboard_cells, plan_paste
from fzdesk.domain.figure_text import CHOICE_LABELS, Entry, advice, format_entry
from fzdesk.ui.figure_delegate import ValueEditor
from fzdesk.ui.figure_model import COL_CHOICE, COL_LAST, COL_VALUE

if TYPE_CHECKING:
    from fzdesk.ui.figure_sheet import FigureSheet


class FigureClipboard:
    """The sheet's 复制, 复制整张表 and 粘贴."""

    def __init__(self, sheet: FigureSheet) -> None:
        self.sheet, self.model, self.view = sheet, sheet.model, sheet.view

    def cell_text(self, indicator: Indicator, column: int) -> str:
        """A cell as Excel should get it: a figure as the report writes it (88, 近100, 不涉及), nothing for none."""
        if column == COL_VALUE:
            return format_entry(self.model.entry(indicator.code))
        if column == COL_LAST:
            figure = self.sheet.report.figures.get(indicator.code) if self.sheet.report else None
            return format_entry(Entry(figure.last_state, figure.last_value, figure.last_approx)) if figure else ""
        return str(self.model.index_of(indicator.code, column).data() or "")

    def copy(self) -> None:
        """The selected cells as Excel reads them: a tab between cells, a line end after each row; one cell as its
        bare text (pasted into a cell being typed in, it adds no line end)."""
        figures, columns = self.sheet.selection()
        index = self.view.currentIndex()
        if len(figures) * len(columns) <= 1:
            indicator = self.model.indicator(index)
            if indicator is None:
                return
            text = self.cell_text(indicator, index.column())
            QApplication.clipboard().setText(text)
            self.sheet.show_message(f"已复制“{indicator.name}”：{text or '（空）'}", problem=False)
            return
        rows = ["\t".join(excel_cell(self.cell_text(ind, column)) for column in columns) for ind in figures]
        QApplication.clipboard().setText("\r\n".join(rows) + "\r\n")
        span = f"“{figures[0].name}”到“{figures[-1].name}”" if len(figures) > 1 else f"“{figures[0].name}”"
        self.sheet.tell(f"已复制{len(figures)}行{len(columns)}列（{span}），可以在Excel或WPS表格里粘贴。")

    def copy_all(self) -> None:
        """Every figure as a table Excel/WPS take as it is: 类别, 指标, 填写方式, 本年度, 单位, 上年度 (numbers as
        numbers; its 本年度 column can be pasted back)."""
        lines = ["类别\t指标\t填写方式\t本年度\t单位\t上年度"]
        report = self.sheet.report
        for family, indicators in zip(self.model.families, self.model.rows, strict=True):
            for ind in indicators:
                entry = self.model.entry(ind.code)
                figure = report.figures.get(ind.code) if report else None
                last = Entry(figure.last_state, figure.last_value, figure.last_approx) if figure else Entry()
                lines.append("\t".join((family.name, ind.name, CHOICE_LABELS[entry.choice], format_entry(entry),
                                        ind.unit, format_entry(last))))
        QApplication.clipboard().setText("\r\n".join(lines) + "\r\n")
        self.sheet.tell(f"已复制整张表（{len(lines) - 1}项），可以在Excel或WPS表格里粘贴。")

    def paste_from_editor(self, editor: QWidget) -> None:
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
        selected, columns = self.sheet.selection()
        block = len(selected) * len(columns) > 1
        if block:
            index = self.model.index_of(selected[0].code, columns[0])
        first = self.model.indicator(index)
        if first is None:
            self.sheet.show_message("请先点一下要粘贴的第一项（“本年度”一栏），再按 Ctrl+V。", problem=True)
            return
        self.sheet.finish_editing()
        cells = clipboard_cells(QApplication.clipboard().text())
        figures = self.sheet.figures_from(index)
        if block and len(cells) == 1 and len(cells[0]) == 1 and len(selected) > 1:
            figures, cells = selected, cells * len(selected)  # one value for every figure selected
            with_choice = columns == [COL_CHOICE]
        else:
            with_choice = index.column() == COL_CHOICE
        rows = [PasteRow(ind, self.model.entry(ind.code), self.model.pending.get(ind.code)) for ind in figures]
        try:
            planned = plan_paste(cells, rows, with_choice=with_choice)
        except PasteError as exc:
            self.sheet.show_message(str(exc), problem=True)
            self.sheet.keep_message = True
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
        unsaved = set(self.model.unsaved_codes()) & set(planned)
        saved = "还没能保存（原因见上），程序会自动重试" if unsaved else "已保存"
        self.sheet.show_message(f"已粘贴{len(planned)}个数（{span}），{saved}。按 Ctrl+Z 可以整次撤销。"
                                + "".join(remarks), problem=bool(remarks or unsaved))
        self.sheet.says_unsaved = bool(unsaved)
        self.sheet.keep_message = True
        last = self.model.index_of(list(planned)[-1], index.column() if len(cells[0]) == 1 else COL_VALUE)
        self.view.setCurrentIndex(last)
        self.view.scrollTo(last)


def excel_cell(text: str) -> str:
    """A cell's text as Excel writes it on the clipboard: in quotes when it holds a tab, a line end or a quote."""
    if any(c in text for c in '\t\r\n"'):
        return '"' + text.replace('"', '""') + '"'
    return text
