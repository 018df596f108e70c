"""Parsing and formatting figures, and what each choice of 填写方式 does to a figure."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fzdesk.domain.catalogue import Kind
from fzdesk.domain.figure_text import (
    Choice,
    Entry,
    advice,
    check_partial,
    describe_entry,
    entry_for_choice,
    entry_for_value,
    entry_from_dict,
    entry_to_dict,
    format_entry,
    format_number,
    parse_number,
    read_typed,
    refusal,
    typed_entry,
)
from fzdesk.domain.model import Approx, FigureState

N, A, NA, E = FigureState.NUMBER, FigureState.APPROX, FigureState.NA, FigureState.EMPTY


@pytest.mark.parametrize(
    ("entry", "text"),
    [
        (Entry(), ""),
        (Entry(N, Decimal(88)), "88"),
        (Entry(N, Decimal("12.50")), "12.50"),
        (Entry(A, Decimal(100), Approx.NEAR), "近100"),
        (Entry(A, Decimal(60000), Approx.OVER), "60000余"),
        (Entry(NA), "不涉及"),
        (Entry(N, Decimal("1E+2")), "100"),
    ],
)
def test_format_entry(entry: Entry, text: str) -> None:
    assert format_entry(entry) == text


def test_format_entry_placeholder_for_empty() -> None:
    assert format_entry(Entry(), empty="—") == "—"


@pytest.mark.parametrize("text", ["", "0", "12", "123456789012", "1,000", "12,345,678", "1，000"])
def test_count_accepts_digits(text: str) -> None:
    assert check_partial(text, integral=True)  # (a thousands separator as Excel copies it, too)


@pytest.mark.parametrize("text", ["12.5", "-3", "1e3", "近", "1,00", "1,0000", "5,6", "1,234,5", "1234567890123",
                                  "12."])
def test_count_refuses_everything_else(text: str) -> None:
    assert not check_partial(text, integral=True)
    assert refusal(text, integral=True)


@pytest.mark.parametrize("text", ["12.5", "0.2", ".", "12.", "128.7800"])
def test_decimal_accepts(text: str) -> None:
    assert check_partial(text, integral=False)


@pytest.mark.parametrize("text", ["-1", "1.2.3", "12.34567", "百", "5%"])
def test_decimal_refuses(text: str) -> None:
    assert not check_partial(text, integral=False)


@pytest.mark.parametrize(("text", "integral", "value"), [
    ("1,234", True, 1234),
    ("12,345,678", True, 12345678),
    ("1,234.56", False, Decimal("1234.56")),
    ("1，234件", True, 1234),
])
def test_a_figure_with_thousands_separators_reads_as_its_number(text: str, integral: bool, value: Decimal) -> None:
    assert read_typed(text, integral, "件") == Entry(FigureState.NUMBER, Decimal(value))


def test_refusal_messages_say_why() -> None:
    assert "整数" in (refusal("12.5", integral=True) or "")
    assert "负数" in (refusal("-1", integral=False) or "")
    assert "小数" in (refusal("1.23456", integral=False) or "")
    assert "近100" in (refusal("abc", integral=True) or "")
    assert refusal("12", integral=True) is None


def test_fullwidth_digits_are_accepted() -> None:
    assert check_partial("１２３", integral=True)
    assert parse_number("１２．５", integral=False) == Decimal("12.5")


def test_parse_number() -> None:
    assert parse_number("", integral=True) is None
    assert parse_number(".", integral=False) is None
    assert parse_number("007", integral=True) == Decimal(7)
    assert parse_number("12.", integral=False) == Decimal(12)
    with pytest.raises(ValueError, match="整数"):
        parse_number("12.5", integral=True)


def test_choices_with_a_number() -> None:
    exact = Entry(N, Decimal(100))
    assert entry_for_choice(exact, Choice.NEAR) == Entry(A, Decimal(100), Approx.NEAR)
    assert entry_for_choice(exact, Choice.OVER) == Entry(A, Decimal(100), Approx.OVER)
    assert entry_for_choice(Entry(A, Decimal(5), Approx.NEAR), Choice.EXACT) == Entry(N, Decimal(5))
    assert entry_for_choice(exact, Choice.NA) == Entry(NA)
    assert entry_for_choice(exact, Choice.EMPTY) == Entry()


def test_choices_without_a_number_wait_for_one() -> None:
    assert entry_for_choice(Entry(), Choice.NEAR) is None
    assert entry_for_choice(Entry(NA), Choice.EXACT) is None
    assert entry_for_choice(Entry(), Choice.NA) == Entry(NA)


def test_typing_keeps_the_kind() -> None:
    near = Entry(A, Decimal(100), Approx.NEAR)
    assert entry_for_value(near, Decimal(90)) == Entry(A, Decimal(90), Approx.NEAR)
    assert entry_for_value(Entry(NA), Decimal(3)) == Entry(N, Decimal(3))
    assert entry_for_value(Entry(), Decimal(3), pending=Choice.OVER) == Entry(A, Decimal(3), Approx.OVER)
    assert entry_for_value(near, Decimal(3), pending=Choice.EXACT) == Entry(N, Decimal(3))


def test_clearing() -> None:
    assert entry_for_value(Entry(N, Decimal(1)), None) == Entry()
    assert entry_for_value(Entry(NA), None) == Entry(NA)


def test_choice_of_entry() -> None:
    assert Entry().choice is Choice.EMPTY
    assert Entry(NA).choice is Choice.NA
    assert Entry(A, Decimal(1), Approx.OVER).choice is Choice.OVER
    assert not Entry().filled
    assert Entry(NA).filled


def test_describe_entry() -> None:
    assert describe_entry(Entry(A, Decimal(100), Approx.NEAR)) == "约数·近：近100"
    assert describe_entry(Entry()) == "未填"
    assert describe_entry(Entry(NA)) == "不涉及"


def test_advice_on_rates_over_100() -> None:
    assert "100%" in (advice("出庭率", Kind.RATE, Entry(N, Decimal("128.78"))) or "")
    assert advice("出庭率", Kind.RATE, Entry(N, Decimal(100))) is None
    assert advice("受理", Kind.COUNT, Entry(N, Decimal(500))) is None


def test_from_dict_tolerates_rubbish() -> None:
    assert entry_from_dict(None) == Entry()
    assert entry_from_dict({"state": "bogus"}) == Entry()
    assert entry_from_dict({"state": "approx", "value": "5", "approx": None}) == Entry(A, Decimal(5), Approx.NEAR)


entries = st.one_of(
    st.just(Entry()),
    st.just(Entry(NA)),
    st.builds(lambda v: Entry(N, v), st.decimals(min_value=0, max_value=10**9, places=2)),
    st.builds(lambda v, k: Entry(A, v, k), st.integers(0, 10**9).map(Decimal), st.sampled_from(Approx)),
)


@given(entries)
def test_dict_round_trip(entry: Entry) -> None:
    assert entry_from_dict(entry_to_dict(entry)) == entry


@given(st.decimals(min_value=0, max_value=10**11, places=4))
def test_typed_text_round_trip(value: Decimal) -> None:
    assert parse_number(format_number(value), integral=False) == value


@given(st.integers(min_value=0, max_value=10**11))
def test_count_round_trip(value: int) -> None:
    assert parse_number(format_number(Decimal(value)), integral=True) == value


@pytest.mark.parametrize(("text", "integral", "unit", "expected"), [
    ("近百", True, "件", Entry(A, Decimal(100), Approx.NEAR)),
    ("近十", True, "件", Entry(A, Decimal(10), Approx.NEAR)),
    ("近100", True, "件", Entry(A, Decimal(100), Approx.NEAR)),
    ("60000余", True, "件", Entry(A, Decimal(60000), Approx.OVER)),
    ("6万多", True, "人次", Entry(A, Decimal(60000), Approx.OVER)),
    ("1.5万", True, "件", Entry(N, Decimal(15000))),
    ("不涉及", True, "件", Entry(NA)),
    ("12件", True, "件", Entry(N, Decimal(12))),
    ("98.5%", False, "%", Entry(N, Decimal("98.5"))),
    ("９８．５％", False, "%", Entry(N, Decimal("98.5"))),
    ("", True, "件", None),
])
def test_read_typed(text: str, integral: bool, unit: str, expected: Entry | None) -> None:
    assert read_typed(text, integral, unit) == expected


@pytest.mark.parametrize(("text", "integral", "says"), [
    ("1.5", True, "只能填整数"),
    ("-3", True, "不能是负数"),
    ("－3", False, "不能是负数"),
    ("abc", True, "不是数字"),
    ("近100余", True, "不能同时用"),
    ("1.23456", False, "小数"),
    ("1.2.3", False, "小数点"),
    ("1234567890123", True, "太长"),
    ("近", True, "不是数字"),
])
def test_read_typed_refuses_and_says_why(text: str, integral: bool, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        read_typed(text, integral, "件")


def test_typed_number_keeps_the_kind_typed_approximation_sets_its_own() -> None:
    near = Entry(A, Decimal(100), Approx.NEAR)
    assert typed_entry(near, "120", True) == Entry(A, Decimal(120), Approx.NEAR)
    assert typed_entry(near, "120余", True) == Entry(A, Decimal(120), Approx.OVER)
    assert typed_entry(Entry(), "5", True, pending=Choice.OVER) == Entry(A, Decimal(5), Approx.OVER)
    assert typed_entry(near, "", True) == Entry()


@given(st.integers(min_value=0, max_value=10**11))
def test_formatted_figures_read_back(value: int) -> None:
    for entry in (Entry(N, Decimal(value)), Entry(A, Decimal(value), Approx.NEAR),
                  Entry(A, Decimal(value), Approx.OVER)):
        assert read_typed(format_entry(entry), integral=True) == entry
