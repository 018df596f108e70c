"""Which values a figure may hold by its catalogue kind; remarks for percentages over 100."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fzdesk import resources
from fzdesk.domain.figure_values import figure_problems, figure_remarks, value_problem
from fzdesk.domain.model import FigureState, FigureValue

CAT = resources.catalogue()


@pytest.mark.parametrize(("code", "value"), [
    ("A.accepted", "0"), ("A.accepted", "88"), ("A.accepted", "88.0"), ("I.fines", "12.5"), ("I.fines", "0.01"),
    ("B.appearance_rate", "98.5"), ("B.appearance_rate", "100"), ("B.appearance_rate", "128.78"),
    ("Z.newer", "5.5"),
])
def test_values_the_sheet_can_hold(code: str, value: str) -> None:
    assert value_problem(CAT.get(code), Decimal(value)) is None


@pytest.mark.parametrize(("code", "value", "said"), [
    ("A.accepted", "12.5", "是“12.5”，但这一项是计数（单位：件），只能是整数"),
    ("A.closed", "-3", "是负数（-3件），数据表中的数字不能小于0"),
    ("I.fines", "-0.5", "是负数（-0.5万元）"),
    ("B.appearance_rate", "-1", "是负数（-1%）"),
    ("Z.newer", "-2", "是负数（-2）"),
    ("A.accepted", "NaN", "不是有效的数字"),
    ("A.accepted", "Infinity", "不是有效的数字"),
])
def test_values_refused(code: str, value: str, said: str) -> None:
    problem = value_problem(CAT.get(code), Decimal(value))
    assert problem is not None and said in problem


def test_problems_name_the_figure_and_which_year() -> None:
    figure = FigureValue("A.closed", FigureState.NUMBER, Decimal(-3), last_state=FigureState.NUMBER,
                         last_value=Decimal("7.5"))
    assert figure_problems(figure, CAT) == [
        "数字“行政复议·审结”（A.closed）的本年值是负数（-3件），数据表中的数字不能小于0。",
        "数字“行政复议·审结”（A.closed）的上年值是“7.5”，但这一项是计数（单位：件），只能是整数。"]
    assert len(figure_problems(figure, CAT, last_year=False)) == 1
    assert figure_problems(FigureValue("A.closed", FigureState.EMPTY), CAT) == []


def test_a_percentage_over_100_is_a_remark_not_a_refusal() -> None:
    figure = FigureValue("A.correction_rate", FigureState.NUMBER, Decimal("120"))
    assert figure_problems(figure, CAT) == []
    assert figure_remarks(figure, CAT) == [
        "数字“行政复议·纠错率”（A.correction_rate）的本年值是120%，比率不能超过100%，导入后检查时会报错，请核对。"]
    assert figure_remarks(FigureValue("A.correction_rate", FigureState.NUMBER, Decimal(100)), CAT) == []
    assert figure_remarks(FigureValue("A.accepted", FigureState.NUMBER, Decimal(120)), CAT) == []
