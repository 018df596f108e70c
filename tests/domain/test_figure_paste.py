"""Reading cells pasted from Excel/WPS and planning what they make of the figures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fzdesk.domain.catalogue import Indicator, Kind
from fzdesk.domain.figure_paste import PasteError, PasteRow, clipboard_cells, plan_paste
from fzdesk.domain.figure_text import Choice, Entry
from fzdesk.domain.model import Approx, FigureState

COUNT = Indicator("A.received", "A", "收到申请", "件", Kind.COUNT)
COUNT2 = Indicator("A.accepted", "A", "受理", "件", Kind.COUNT)
RATE = Indicator("A.rate", "A", "纠错率", "%", Kind.RATE)


def rows(*indicators: Indicator) -> list[PasteRow]:
    return [PasteRow(ind, Entry()) for ind in indicators]


@pytest.mark.parametrize(("text", "cells"), [
    ("12\r\n34\r\n56\r\n", [["12"], ["34"], ["56"]]),  # Excel: a line end after every row
    ("12\n34", [["12"], ["34"]]),  # WPS on Linux, no last line end
    ("12\t3\r\n\r\n5\r\n", [["12", "3"], ["", ""], ["5", ""]]),  # an empty cell, a short row padded
    ('"1\n2"\t3\r\n', [["1\n2", "3"]]),  # a cell with a line end comes quoted
    ("", []),
])
def test_clipboard_cells(text: str, cells: list[list[str]]) -> None:
    assert clipboard_cells(text) == cells


@given(st.lists(st.lists(st.from_regex(r"[0-9,.近余万 ]{0,8}", fullmatch=True), min_size=2, max_size=2),
                min_size=1, max_size=6))
def test_a_block_as_excel_writes_it_reads_back(block: list[list[str]]) -> None:
    text = "".join("\t".join(row) + "\r\n" for row in block)
    assert clipboard_cells(text) == block


def test_a_column_is_read_as_typed() -> None:
    planned = plan_paste([["1,234"], ["近百"]], rows(COUNT, COUNT2), with_choice=False)
    assert planned == {"A.received": Entry(FigureState.NUMBER, Decimal(1234)),
                       "A.accepted": Entry(FigureState.APPROX, Decimal(100), Approx.NEAR)}


def test_an_empty_cell_clears_as_deleting_would() -> None:
    filled = [PasteRow(COUNT, Entry(FigureState.NUMBER, Decimal(5)))]
    assert plan_paste([[""]], filled, with_choice=False) == {"A.received": Entry()}


def test_a_pending_choice_is_kept_as_when_typing() -> None:
    waiting = [PasteRow(COUNT, Entry(), Choice.OVER)]
    assert plan_paste([["60000"]], waiting, with_choice=False) == {
        "A.received": Entry(FigureState.APPROX, Decimal(60000), Approx.OVER)}


def test_the_first_bad_value_is_named_with_its_row() -> None:
    with pytest.raises(PasteError) as caught:
        plan_paste([["12"], ["12.5"]], rows(COUNT, COUNT2), with_choice=False)
    message = str(caught.value)
    assert "第2行“受理”" in message and "“12.5”" in message and "整数" in message and "重新复制" in message


def test_too_many_rows_or_columns() -> None:
    with pytest.raises(PasteError, match=r"有3行.*只有2项"):
        plan_paste([["1"], ["2"], ["3"]], rows(COUNT, COUNT2), with_choice=False)
    with pytest.raises(PasteError, match="有2列"):
        plan_paste([["1", "件"]], rows(COUNT), with_choice=False)
    with pytest.raises(PasteError, match="有3列"):
        plan_paste([["准确数", "1", "件"]], rows(COUNT), with_choice=True)
    with pytest.raises(PasteError, match="没有可以粘贴"):
        plan_paste([], rows(COUNT), with_choice=False)


def test_choice_and_value_columns() -> None:
    planned = plan_paste([["约数·余", "60000"], ["不涉及", ""], ["准确数", "98.5"]], rows(COUNT, COUNT2, RATE),
                         with_choice=True)
    assert planned == {"A.received": Entry(FigureState.APPROX, Decimal(60000), Approx.OVER),
                       "A.accepted": Entry(FigureState.NA),
                       "A.rate": Entry(FigureState.NUMBER, Decimal("98.5"))}
    with pytest.raises(PasteError, match=r"“约数”.*不是填写方式"):
        plan_paste([["约数", "5"]], rows(COUNT), with_choice=True)
    with pytest.raises(PasteError, match="两栏只能留一个"):
        plan_paste([["不涉及", "5"]], rows(COUNT), with_choice=True)


def test_a_choice_column_alone_sets_the_choice_of_the_numbers_there() -> None:
    there = [PasteRow(COUNT, Entry(FigureState.NUMBER, Decimal(100)))]
    assert plan_paste([["约数·近"]], there, with_choice=True) == {
        "A.received": Entry(FigureState.APPROX, Decimal(100), Approx.NEAR)}
    with pytest.raises(PasteError, match="没有数"):
        plan_paste([["约数·近"]], rows(COUNT), with_choice=True)


def test_numbers_pasted_on_the_choice_column_are_meant_for_the_figures() -> None:
    assert plan_paste([["12"], ["近百"]], rows(COUNT, COUNT2), with_choice=True) == {
        "A.received": Entry(FigureState.NUMBER, Decimal(12)),
        "A.accepted": Entry(FigureState.APPROX, Decimal(100), Approx.NEAR)}
    with pytest.raises(PasteError, match="不是填写方式"):  # one choice word among them: a choice column, one bad
        plan_paste([["准确数"], ["12"]], [PasteRow(COUNT, Entry(FigureState.NUMBER, Decimal(5))), *rows(COUNT2)],
                   with_choice=True)
