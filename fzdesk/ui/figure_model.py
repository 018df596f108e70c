"""The figure sheet's item model: family headings, and under each its indicators in six columns."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from shiboken6 import isValid

from fzdesk import resources
from fzdesk.domain.catalogue import Catalogue, Family, Indicator, Kind
from fzdesk.domain.figure_text import (
    CHOICE_LABELS,
    Choice,
    Entry,
    entry_for_choice,
    format_entry,
    format_number,
    typed_entry,
)
from fzdesk.domain.figure_values import figure_problems
from fzdesk.domain.model import FigureState, FigureValue, Report
from fzdesk.storage.store import Store
from fzdesk.ui.autosave import Autosaver
from fzdesk.ui.figure_saving import UnsavedFigures, key_of
from fzdesk.ui.figure_undo import Step, UndoHistory

COL_NAME, COL_CHOICE, COL_VALUE, COL_UNIT, COL_LAST, COL_HELP = range(6)
HEADERS = ("指标", "填写方式", "本年度", "单位", "上年度", "说明")
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

# calm colours: text stays dark; states differ by a soft background and a word, never by colour alone
_INK = QColor("#1f2328")
_MUTED = QColor("#8c959f")
_APPROX_INK, _APPROX_BG = QColor("#7a4b00"), QColor("#fff4d6")
_NA_INK, _NA_BG = QColor("#57606a"), QColor("#eef0f2")
_FAMILY_BG = QColor("#e3ecf5")
#: A figure shown but not yet saved (the disk full, the stick pulled): the warning tint, and words in its tooltip.
_UNSAVED_INK, _UNSAVED_BG = QColor("#9a3b00"), QColor("#ffd9c2")
_MARK_COLOURS = {"error": QColor("#c62828"), "warning": QColor("#e65100"), "info": QColor("#1565c0")}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def entry_of(figure: FigureValue | None) -> Entry:
    return Entry(figure.state, figure.value, figure.approx) if figure else Entry()


def kind_hint(indicator: Indicator) -> str:
    if indicator.kind is Kind.COUNT:
        return "只填整数"
    if indicator.kind is Kind.RATE:
        return "百分数，可带小数，如 98.5"
    return "可带小数"


class FigureModel(QAbstractItemModel):
    """Two levels: family headings, and under each the indicators of the report's catalogue version."""

    saved = Signal(str)  # code of a figure just changed (shown, and saved or kept for a retry: see not_saved)
    failed = Signal(str)  # a Chinese message: the figure was refused (a value its kind forbids), nothing changed
    not_saved = Signal(str)  # the reason the figures just changed could not be written; kept, retried
    stored = Signal()  # figures kept for a retry were written at last
    value_wanted = Signal(QModelIndex)  # a choice was made that needs a number typed

    def __init__(self, store: Store, catalogue: Catalogue, saver: Autosaver, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.saver = saver  # the window's: a figure that cannot be written is kept and retried with the text
        self.unsaved: UnsavedFigures | None = None  # this report's figures shown but not yet in the store
        self.catalogue = catalogue
        self.families: list[Family] = list(catalogue.families)
        self.rows: list[list[Indicator]] = []
        self._where: dict[str, tuple[int, int]] = {}
        self.report: Report | None = None
        self.pending: dict[str, Choice] = {}
        self.marks: dict[str, list[Any]] = {}  # code -> the checks' open findings on it (see set_marks)
        self.undo_history = UndoHistory()  # this report's edits only: cleared when another report is shown
        self.last_undone: list[str] = []  # the codes the last undo or redo wrote (the sheet shows the first)
        self._take_indicators(catalogue.version)

    def _take_indicators(self, version: int) -> None:
        """Indicators added by a later catalogue stay out of a report written with an older one."""
        self.rows = [[i for i in self.catalogue.of_family(f.code) if i.since <= version] for f in self.families]
        self._where = {ind.code: (f, r) for f, inds in enumerate(self.rows) for r, ind in enumerate(inds)}

    # ----- binding ---------------------------------------------------------------------------------
    def set_report(self, report: Report | None) -> None:
        self.beginResetModel()
        if report is not self.report:
            self.undo_history.clear()
        self.report = report
        self.unsaved = self._take_unsaved(report)
        self.pending.clear()
        self._take_indicators(report.catalogue_version if report else self.catalogue.version)
        self.endResetModel()

    def _take_unsaved(self, report: Report | None) -> UnsavedFigures | None:
        """The report's figures kept for a retry: a sheet built anew on a report read again from the store shows
        them as they will be stored (stored plus pending), and takes over their write."""
        if report is None or report.id is None:
            return None
        kept = self.saver.queued(key_of(report.id))
        if not isinstance(kept, UnsavedFigures):
            return UnsavedFigures(self.store, report, self._written)
        kept.move_to(report)
        kept.done = self._written
        return kept

    def unsaved_codes(self) -> list[str]:
        """The figures shown that are not in the store yet (their write kept, retried)."""
        return [c for c in self.unsaved.codes if c in self._where] if self.unsaved else []

    def unsaved_reason(self) -> str:
        return self.unsaved.reason if self.unsaved else ""

    def unsaved_advice(self) -> str:
        return self.unsaved.advice if self.unsaved else ""

    def _written(self, unsaved: UnsavedFigures, codes: list[str]) -> None:
        """A write of figures landed: the ones kept for a retry lose their mark."""
        if not isValid(self) or unsaved is not self.unsaved:
            return  # the sheet is gone (another report opened) or shows another report: the write still counts
        for code in codes:
            if code in self._where:
                self._row_changed(code)
        self.stored.emit()

    def indicators(self) -> list[Indicator]:
        return [ind for inds in self.rows for ind in inds]

    def entry(self, code: str) -> Entry:
        return entry_of(self.report.figures.get(code) if self.report else None)

    def indicator(self, index: _Index) -> Indicator | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.rows[index.internalId() - 1][index.row()]

    def index_of(self, code: str, column: int = COL_VALUE) -> QModelIndex:
        family, row = self._where[code]
        return self.index(row, column, self.index(family, 0))

    def progress(self) -> tuple[int, int]:
        codes = list(self._where)
        return sum(1 for c in codes if self.entry(c).filled), len(codes)

    def family_progress(self, family: int) -> tuple[int, int]:
        inds = self.rows[family]
        return sum(1 for i in inds if self.entry(i.code).filled), len(inds)

    def set_marks(self, marks: dict[str, list[Any]]) -> None:
        """Marks figures with findings (objects with .severity and .message): a coloured dot and a tooltip."""
        changed = set(marks) | set(self.marks)
        self.marks = {code: list(found) for code, found in marks.items() if code in self._where}
        for code in changed:
            if code in self._where:
                index = self.index_of(code, COL_NAME)
                self.dataChanged.emit(index, index)

    def _mark_data(self, code: str, role: int) -> Any:
        found = self.marks.get(code)
        if not found:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            worst = min(found, key=lambda f: f.severity.rank)
            return _MARK_COLOURS.get(worst.severity.value)
        return "\n".join(f"{f.severity.label}：{f.message}" for f in found)

    # ----- editing ---------------------------------------------------------------------------------
    def set_entry(self, code: str, new: Entry, *, merge: object | None = None) -> bool:
        """Saves a figure at once (its own transaction, with history) and updates the report in memory; one undo
        step (merge: the open editor's token, whose later saves join that step)."""
        return self.set_entries({code: new}, merge=merge)

    def set_entries(self, new: dict[str, Entry], *, pasted: bool = False, merge: object | None = None,
                    record: bool = True) -> bool:
        """Updates the report in memory and saves the figures at once in one transaction (all or none, each with its
        history). A write that fails (the disk full, the stick pulled) keeps them on screen, marked, and is kept by
        the Autosaver and retried (not_saved says why); False only when a value is refused and nothing changed.

        record: the change is one undo step (False for undo and redo themselves)."""
        report = self.report
        if report is None or report.id is None or self.unsaved is None:
            return False
        changed = {code: entry for code, entry in new.items() if entry != self.entry(code)}
        if not changed:
            return True
        before = {code: self.entry(code) for code in changed}
        saved: dict[str, FigureValue] = {}
        for code, entry in changed.items():
            figure = report.figures.get(code) or FigureValue(code)
            saved[code] = FigureValue(code, entry.state, entry.value, entry.approx, figure.last_state,
                                      figure.last_value, figure.last_approx, figure.explanation)
        for figure in saved.values():  # a value the catalogue kind forbids (e.g. a rate over 100%): refused
            problems = figure_problems(figure, resources.catalogue(), last_year=False)
            if problems:
                self.failed.emit(problems[0] + "没有保存。")
                return False
        for code, figure in saved.items():
            if code in report.figures:
                old = report.figures[code]
                old.state, old.value, old.approx = figure.state, figure.value, figure.approx
            else:
                report.figures[code] = figure
            if not record or figure.state is not FigureState.EMPTY:  # no 填写方式 waiting for a number now
                self.pending.pop(code, None)
        if record:
            self.undo_history.record(Step(before, dict(changed), pasted, merge))
        self.unsaved.add(list(changed))
        written = self.saver.write_now(key_of(report.id), self.unsaved)
        for code in changed:
            self._row_changed(code)
        for code in changed:
            self.saved.emit(code)
        if not written:
            self.not_saved.emit(self.unsaved.reason or self.saver.last_error)
        return True

    def can_undo(self) -> bool:
        return bool(self.undo_history.done)

    def can_redo(self) -> bool:
        return bool(self.undo_history.undone)

    def undo(self) -> str:
        """Takes the newest edit back (saved at once, in the history too); says what was done, in Chinese."""
        history = self.undo_history
        self.last_undone = []
        if not history.done:
            return "没有可以撤销的修改。"
        step = history.done[-1]
        stale = self._stale(step.after)
        if stale:
            history.done.pop()
            return stale + "这一步不能撤销了。"
        if not self.set_entries(step.before, record=False):
            return ""
        self.last_undone = list(step.before)
        history.done.pop()
        step.merge = None
        history.undone.append(step)
        return "已撤销" + self._describe(step, step.before) + "。按 Ctrl+Y 可以重做。"

    def redo(self) -> str:
        history = self.undo_history
        self.last_undone = []
        if not history.undone:
            return "没有可以重做的修改。"
        step = history.undone[-1]
        stale = self._stale(step.before)
        if stale:
            history.undone.pop()
            return stale + "这一步不能重做了。"
        if not self.set_entries(step.after, record=False):
            return ""
        self.last_undone = list(step.after)
        history.undone.pop()
        history.done.append(step)
        return "已重做" + self._describe(step, step.after) + "。按 Ctrl+Z 可以再撤销。"

    def _stale(self, expected: dict[str, Entry]) -> str:
        """Why a step no longer applies: a figure of it changed since by other means (a check's fix)."""
        for code, entry in expected.items():
            if self.entry(code) != entry:
                ind = self.catalogue[code]
                now = format_entry(self.entry(code), "未填")
                return f"“{ind.name}”后来在别处改过（现在是{now}），"
        return ""

    def _describe(self, step: Step, result: dict[str, Entry]) -> str:
        """“审结”改回 63 / 粘贴的 5 个数（“收到申请”到“审结”）."""
        codes = list(result)
        names = [self.catalogue[code].name for code in codes]
        if step.pasted or len(codes) > 1:
            span = f"“{names[0]}”到“{names[-1]}”" if len(names) > 1 else f"“{names[0]}”"
            return f"粘贴的{len(codes)}个数（{span}）" if step.pasted else f"{len(codes)}个数的修改（{span}）"
        return f"：“{names[0]}”现在是{format_entry(result[codes[0]], '未填')}"

    def choose(self, code: str, choice: Choice) -> bool:
        """Applies a 填写方式; when it needs a number that is not there yet, waits for one."""
        new = entry_for_choice(self.entry(code), choice)
        if new is None:
            self.pending[code] = choice
            self._row_changed(code)
            self.value_wanted.emit(self.index_of(code))
            return True
        self.pending.pop(code, None)
        return self.set_entry(code, new)

    def type_value(self, code: str, text: str, *, merge: object | None = None) -> bool:
        ind = self.indicator(self.index_of(code))
        assert ind is not None
        try:
            new = typed_entry(self.entry(code), text, ind.integral, ind.unit, self.pending.get(code))
        except ValueError as exc:
            self.failed.emit(f"“{ind.name}”：{exc}")
            return False
        if new.filled:
            self.pending.pop(code, None)
        return self.set_entry(code, new, merge=merge)

    def _row_changed(self, code: str) -> None:
        family, _ = self._where[code]
        self.dataChanged.emit(self.index_of(code, COL_NAME), self.index_of(code, COL_HELP))
        top = self.index(family, 0)
        self.dataChanged.emit(top, top)

    # ----- the Qt model interface ----------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self.families)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.rows[parent.row()])
        return 0

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"　{HEADERS[section]}" if section == COL_HELP else HEADERS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if section in (COL_VALUE, COL_LAST) else _LEFT
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (COL_CHOICE, COL_VALUE) and self.report is not None and self.report.id is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._family_data(index.row(), role)
        ind = self.rows[index.internalId() - 1][index.row()]
        if role == CODE_ROLE:
            return ind.code
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{ind.name}（{ind.unit}，{kind_hint(ind)}）：{ind.help}" if ind.help else ind.name
            marked = self._mark_data(ind.code, role)
            tip = f"{marked}\n\n{tip}" if marked else tip
            return f"{self._unsaved_tip()}\n\n{tip}" if self._is_unsaved(ind.code) else tip
        column = index.column()
        if role == Qt.ItemDataRole.AccessibleTextRole and column != COL_NAME:
            # a screen reader moving down 本年度 says which figure each number is ("88" alone said nothing)
            shown = self.data(index, Qt.ItemDataRole.DisplayRole)
            said = f"{ind.name}（{ind.unit}），{HEADERS[column]}：{shown if shown not in (None, '', '—') else '未填'}"
            unsaved = column in (COL_CHOICE, COL_VALUE) and self._is_unsaved(ind.code)
            return f"{said}，没有保存" if unsaved else said  # (the tint alone says nothing to a screen reader)
        if column == COL_NAME and role == Qt.ItemDataRole.DecorationRole:
            return self._mark_data(ind.code, role)
        if column == COL_NAME:
            return ind.name if role == Qt.ItemDataRole.DisplayRole else None
        if column == COL_HELP:
            return {Qt.ItemDataRole.DisplayRole: ind.help,
                    Qt.ItemDataRole.ForegroundRole: QBrush(_MUTED)}.get(Qt.ItemDataRole(role))
        if column == COL_UNIT:
            return {Qt.ItemDataRole.DisplayRole: ind.unit,
                    Qt.ItemDataRole.ForegroundRole: QBrush(_NA_INK)}.get(Qt.ItemDataRole(role))
        if column == COL_LAST:
            return self._last_data(ind, role)
        return self._entry_data(ind, column, role)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        ind = self.indicator(index)
        if ind is None or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() == COL_VALUE:
            return self.type_value(ind.code, str(value or ""))
        if index.column() == COL_CHOICE:
            return self.choose(ind.code, Choice(value))
        return False

    # ----- what each cell shows -------------------------------------------------------------------
    def _family_data(self, row: int, role: int) -> Any:
        family = self.families[row]
        if role == Qt.ItemDataRole.DisplayRole:
            done, total = self.family_progress(row)
            return f"{family.name}　　已填 {done} / {total}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_FAMILY_BG)
        if role == Qt.ItemDataRole.ToolTipRole:
            return family.help or family.name
        return None

    def _is_unsaved(self, code: str) -> bool:
        return self.unsaved is not None and code in self.unsaved.codes

    def _unsaved_tip(self) -> str:
        reason = self.unsaved_reason()
        return (f"没有保存：{reason or '写入数据文件失败'}。这个数还在程序里，程序每隔几秒自动重试，"
                "保存上以后这里的底色会消失。")

    def _entry_data(self, ind: Indicator, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole) and self._is_unsaved(ind.code):
            return QBrush(_UNSAVED_INK if role == Qt.ItemDataRole.ForegroundRole else _UNSAVED_BG)
        entry = self.entry(ind.code)
        pending = self.pending.get(ind.code)
        choice = pending or entry.choice
        if role == Qt.ItemDataRole.EditRole:
            if column == COL_CHOICE:
                return choice.value
            shown = entry.value if entry.state in (FigureState.NUMBER, FigureState.APPROX) else None
            return "" if shown is None else format_number(shown)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_CHOICE:
                return CHOICE_LABELS[choice]
            if pending and entry.choice is not pending:
                return "请填数值"
            return format_entry(entry)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == COL_VALUE else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            if choice is Choice.EMPTY or (pending and column == COL_VALUE):
                return QBrush(_MUTED)
            if choice in (Choice.NEAR, Choice.OVER):
                return QBrush(_APPROX_INK)
            if column == COL_CHOICE or choice is Choice.NA:
                return QBrush(_NA_INK)
            return QBrush(_INK)
        if role == Qt.ItemDataRole.BackgroundRole:
            if choice in (Choice.NEAR, Choice.OVER):
                return QBrush(_APPROX_BG)
            if choice is Choice.NA:
                return QBrush(_NA_BG)
        return None

    def _last_data(self, ind: Indicator, role: int) -> Any:
        figure = self.report.figures.get(ind.code) if self.report else None
        last = Entry(figure.last_state, figure.last_value, figure.last_approx) if figure else Entry()
        if role == Qt.ItemDataRole.DisplayRole:
            return format_entry(last, empty="—")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_NA_INK if last.filled else _MUTED)
        return None
