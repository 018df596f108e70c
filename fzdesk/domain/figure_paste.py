"""Cells pasted from Excel or WPS onto the figure sheet: read as a block, each value checked as if typed."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from fzdesk.domain.catalogue import Indicator
from fzdesk.domain.figure_text import (
    CHOICE_LABELS,
    Choice,
    Entry,
    entry_for_choice,
    normalize_digits,
    typed_entry,
)

#: What a clerk may find in a 填写方式 column (the sheet's own words, and the short ones).
CHOICE_WORDS: dict[str, Choice] = {
    **{label: choice for choice, label in CHOICE_LABELS.items()},
    "准确": Choice.EXACT, "约数近": Choice.NEAR, "近": Choice.NEAR, "约数余": Choice.OVER, "余": Choice.OVER,
    "约数·多": Choice.OVER, "多": Choice.OVER, "空": Choice.EMPTY,
}
_SHOWN_MAX = 16


class PasteError(ValueError):
    """A paste that cannot be made; the message says in Chinese what is wrong and what to do."""


@dataclass(frozen=True)
class PasteRow:
    """One figure the paste reaches: its indicator, what it holds now and a 填写方式 picked but not yet saved."""

    indicator: Indicator
    current: Entry
    pending: Choice | None = None


def clipboard_cells(text: str) -> list[list[str]]:
    """The rows of cells Excel/WPS put on the clipboard: a tab between cells, a line end after every row (also
    the last), a cell holding a line end or a tab in quotes. An empty line is one empty cell; short rows are
    padded so that the block is a rectangle."""
    rows = [row or [""] for row in csv.reader(io.StringIO(text, newline=""), delimiter="\t")]
    width = max((len(row) for row in rows), default=0)
    return [row + [""] * (width - len(row)) for row in rows]


def shown(text: str) -> str:
    """A pasted value as a message quotes it (a long one cut)."""
    text = text.strip()
    return text if len(text) <= _SHOWN_MAX else text[:_SHOWN_MAX] + "…"


class _BadCell(ValueError):
    """One pasted cell that cannot be used: the cell's text and why (Chinese, without the figure's name)."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(reason)
        self.text = text
        self.reason = reason.rstrip("。")


def _choice(text: str) -> Choice | None:
    """The 填写方式 a cell names, None for an empty cell."""
    plain = normalize_digits(text).replace("・", "·").replace(".", "·")
    if not plain:
        return None
    if plain in CHOICE_WORDS:
        return CHOICE_WORDS[plain]
    raise _BadCell(text, f"这不是填写方式，填写方式只能是{'、'.join(CHOICE_LABELS[c] for c in Choice)}之一")


def _names_choice(text: str) -> bool:
    try:
        return _choice(text) is not None
    except _BadCell:
        return False


def _entry(row: PasteRow, choice_text: str | None, value_text: str) -> Entry:
    """The figure after the paste; _BadCell when a cell is not usable."""
    ind = row.indicator
    choice = None if choice_text is None else _choice(choice_text)
    plain = normalize_digits(value_text)
    if choice in (Choice.NA, Choice.EMPTY):
        if plain not in ("", "不涉及"):
            raise _BadCell(value_text, f"填写方式是“{CHOICE_LABELS[choice]}”，本年度却有数：两栏只能留一个")
        return Entry() if choice is Choice.EMPTY else entry_for_choice(row.current, Choice.NA) or Entry()
    if choice is not None and not plain:
        new = entry_for_choice(row.current, choice)
        if new is None:
            raise _BadCell(choice_text or "", f"填写方式是“{CHOICE_LABELS[choice]}”，但本年度没有数")
        return new
    try:
        return typed_entry(row.current, value_text, ind.integral, ind.unit, choice or row.pending)
    except ValueError as exc:
        raise _BadCell(value_text, str(exc)) from exc


def plan_paste(cells: Sequence[Sequence[str]], rows: Sequence[PasteRow], with_choice: bool) -> dict[str, Entry]:
    """The figures a paste makes, by code: cells[i] goes to rows[i]; with_choice when the block starts in the
    填写方式 column (then a second column is 本年度). Raises PasteError naming the first bad value and its row;
    nothing is to be written then."""
    if not cells:
        raise PasteError("剪贴板里没有可以粘贴的内容。请先在表格里选中数字，按 Ctrl+C 复制。")
    width = len(cells[0])
    if with_choice and width == 1 and not any(_names_choice(line[0]) for line in cells):
        with_choice = False  # numbers pasted on 填写方式 (clicked one cell too far left): meant for 本年度
    room = 2 if with_choice else 1
    if width > room:
        where = "“填写方式”和“本年度”两栏" if with_choice else "“本年度”一栏"
        raise PasteError(f"复制的内容有{width}列，这里只有{where}可以填，没有粘贴。"
                         "请在表格软件里只选数字那一列，复制后再粘贴。")
    if len(cells) > len(rows):
        last = rows[-1].indicator.name if rows else ""
        raise PasteError(f"复制的内容有{len(cells)}行，从这一格往下到“{last}”只有{len(rows)}项，没有粘贴。"
                         "请少选几行再复制，或从更靠上的一项开始粘贴。")
    planned: dict[str, Entry] = {}
    for number, (line, row) in enumerate(zip(cells, rows, strict=False), start=1):
        value_text = line[-1] if not with_choice or width == 2 else ""
        choice_text = line[0] if with_choice else None
        try:
            planned[row.indicator.code] = _entry(row, choice_text, value_text)
        except _BadCell as bad:
            raise PasteError(f"没有粘贴：第{number}行“{row.indicator.name}”粘贴的是“{shown(bad.text)}”——{bad.reason}。"
                             "这次粘贴一个数也没有填入。请在表格软件里改正这个数后重新复制、粘贴，"
                             "或在这一格直接键入。") from bad
    return planned
