"""What the figure sheet's keys and menu do to figures: set a 填写方式, bring back a version, undo and redo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemDelegate, QDialog, QWidget

from fzdesk import resources
from fzdesk.domain.catalogue import Indicator
from fzdesk.domain.figure_text import CHOICE_LABELS, Choice, entry_for_choice, entry_from_dict, format_entry
from fzdesk.ui.figure_delegate import ValueEditor
from fzdesk.ui.figure_model import COL_VALUE
from fzdesk.ui.history_dialog import HistoryDialog

if TYPE_CHECKING:
    from fzdesk.ui.figure_sheet import FigureSheet


class FigureCommands:
    """填写方式 (Ctrl+J, Ctrl+D, Ctrl+B, Ctrl+E, Delete), 历史版本 (Ctrl+H), 撤销 and 重做 on the sheet's figures."""

    def __init__(self, sheet: FigureSheet) -> None:
        self.sheet, self.model, self.view = sheet, sheet.model, sheet.view

    def choose_current(self, choice: Choice) -> None:
        selected, _columns = self.sheet.selection()
        if len(selected) > 1:
            self.choose_block(selected, choice)
            return
        code = self.sheet.current_code()
        if code is None:
            return
        self.sheet.finish_editing()
        before = self.model.entry(code)
        if self.model.choose(code, choice) and before.filled and not self.model.entry(code).filled:
            # Delete is pressed by mistake, too: say what went and how to get it back
            name = resources.catalogue()[code].name
            self.sheet.tell(f"已清空“{name}”（原来是{format_entry(before)}）。按 Ctrl+Z 可以恢复。")

    def choose_block(self, figures: list[Indicator], choice: Choice) -> None:
        """Delete, 不涉及 (or another 填写方式) on a block of figures: all of them, saved together as one step; a
        figure with no number to make an approximation of is left as it is, and the message says so."""
        self.sheet.finish_editing()
        new = {ind.code: entry for ind in figures
               if (entry := entry_for_choice(self.model.entry(ind.code), choice)) is not None}
        if new and not self.model.set_entries(new):
            return
        span = f"“{figures[0].name}”到“{figures[-1].name}”"
        done = "清空了" if choice is Choice.EMPTY else f"设为{CHOICE_LABELS[choice]}："
        skipped = f"；{len(figures) - len(new)}项还没有数，没有改" if len(new) < len(figures) else ""
        self.sheet.tell(f"已把{len(figures)}项（{span}）{done}{len(new)}项{skipped}。按 Ctrl+Z 可以整次撤销。"
                        if new else f"选中的{len(figures)}项（{span}）都还没有数，没有改。请先填上数。")

    def show_history(self) -> None:
        code = self.sheet.current_code()
        if code is None or self.sheet.report is None or self.sheet.report.id is None:
            return
        self.sheet.finish_editing()
        indicator = resources.catalogue()[code]
        dialog = HistoryDialog(self.sheet.store, self.sheet.report.id, f"figure:{code}", "value", indicator.name,
                               self.sheet)
        if dialog.exec() == QDialog.DialogCode.Accepted and isinstance(dialog.chosen_value, dict):
            self.model.pending.pop(code, None)
            self.model.set_entry(code, entry_from_dict(dialog.chosen_value))

    def undo(self) -> None:
        self.sheet.finish_editing()
        self.sheet.tell(self.model.undo())
        self.show_undone()

    def redo(self) -> None:
        self.sheet.finish_editing()
        self.sheet.tell(self.model.redo())
        self.show_undone()

    def show_undone(self) -> None:
        """The cursor goes to the (first) figure undone or redone, scrolled into view, as a spreadsheet does: the
        clerk sees what came back."""
        if not self.model.last_undone:
            return
        column = self.view.currentIndex().column()
        target = self.model.index_of(self.model.last_undone[0], column if column >= 0 else COL_VALUE)
        self.view.setCurrentIndex(target)  # the message stays (tell kept it for this move)
        self.view.scrollTo(target)

    def undo_from_editor(self, editor: QWidget, redo: bool) -> None:
        """Ctrl+Z / Ctrl+Y in a cell's editor where nothing was typed: the editor closes, the sheet undoes."""
        if isinstance(editor, ValueEditor):
            editor.revert()
        self.view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.view.setFocus()
        if redo:
            self.redo()
        else:
            self.undo()
