"""Figures as the user types and reads them: parsing, formatting and the five ways to fill one in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from fzdesk.domain.catalogue import Kind
from fzdesk.domain.model import Approx, FigureState

#: Digits before and after the decimal point that an entry may hold.
MAX_INT_DIGITS = 12
MAX_FRACTION_DIGITS = 4

_FULLWIDTH = str.maketrans("０１２３４５６７８９．。－％", "0123456789..-%")
_COUNT_RE = re.compile(rf"\d{{0,{MAX_INT_DIGITS}}}")
_DECIMAL_RE = re.compile(rf"\d{{0,{MAX_INT_DIGITS}}}(\.\d{{0,{MAX_FRACTION_DIGITS}}})?")


class Choice(StrEnum):
    """How a figure is filled in, as the user picks it (state and kind of approximation in one)."""

    EMPTY = "empty"
    EXACT = "exact"
    NEAR = "near"  # 近100: just under
    OVER = "over"  # 60000余: a little over
    NA = "na"  # 不涉及


CHOICE_LABELS: dict[Choice, str] = {
    Choice.EMPTY: "未填",
    Choice.EXACT: "准确数",
    Choice.NEAR: "约数·近",
    Choice.OVER: "约数·余",
    Choice.NA: "不涉及",
}

CHOICE_HINTS: dict[Choice, str] = {
    Choice.EMPTY: "还没有填写",
    Choice.EXACT: "一个准确的数",
    Choice.NEAR: "略少于所填的数，如“近100”",
    Choice.OVER: "略多于所填的数，如“60000余”",
    Choice.NA: "本单位不涉及这项工作",
}


@dataclass(frozen=True)
class Entry:
    """One figure's state, value and kind of approximation, as stored."""

    state: FigureState = FigureState.EMPTY
    value: Decimal | None = None
    approx: Approx | None = None

    @property
    def choice(self) -> Choice:
        if self.state is FigureState.NUMBER:
            return Choice.EXACT
        if self.state is FigureState.APPROX:
            return Choice.OVER if self.approx is Approx.OVER else Choice.NEAR
        if self.state is FigureState.NA:
            return Choice.NA
        return Choice.EMPTY

    @property
    def filled(self) -> bool:
        """True when the user has dealt with the figure (a number, an approximation or 不涉及)."""
        return self.state is not FigureState.EMPTY


#: A thousands separator as Excel shows and copies it ("1,234", "12,345,678.5"): a comma (or ，) between a digit
#: and exactly three digits. "1,23" or "5,6" keep theirs and are refused.
_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")


def normalize_digits(text: str) -> str:
    """Full-width digits and points (typed through a Chinese input method) as ASCII, spaces dropped, and the line
    end or tab around a pasted cell ("128\\r\\n" from Excel) too: a figure never holds them; so are thousands
    separators ("1,234")."""
    return _THOUSANDS.sub("", text.strip().translate(_FULLWIDTH).replace(" ", "").replace("\u3000", ""))


def check_partial(text: str, integral: bool) -> bool:
    """True when text can still become a valid entry (what a validator accepts while typing)."""
    pattern = _COUNT_RE if integral else _DECIMAL_RE
    return pattern.fullmatch(normalize_digits(text)) is not None


def refusal(text: str, integral: bool) -> str | None:
    """A Chinese explanation of why text cannot be typed, or None when it can."""
    if check_partial(text, integral):
        return None
    plain = normalize_digits(text)
    if "-" in plain:
        return "不能填负数。"
    if integral and "." in plain:
        return "这一项是计数，只能填整数。"
    if re.fullmatch(r"[\d.]*", plain):
        if plain.count(".") > 1:
            return "只能有一个小数点。"
        whole, _, fraction = plain.partition(".")
        if len(fraction) > MAX_FRACTION_DIGITS:
            return f"最多保留{MAX_FRACTION_DIGITS}位小数。"
        if len(whole) > MAX_INT_DIGITS:
            return "数字太长了。"
    return TYPING_HINT


#: What can be typed into a figure's cell, said wherever a figure is refused.
TYPING_HINT = "请填数字，如 12；约数直接写“近100”“近百”“60000余”，本单位没有这项工作写“不涉及”。"
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERALS = "".join(_CN_DIGITS) + "".join(_CN_UNITS) + "万"
_TYPED_RE = re.compile(rf"(?P<near>近|将近|接近)?(?P<num>[\d.]+|[{CN_NUMERALS}]+?)(?P<wan>万)?(?P<over>余|多)?")


def chinese_value(text: str) -> Decimal | None:
    """"百" 100, "千" 1000, "两万" 20000, "三十五" 35, "十" 10, "一百二十" 120; digits pass through."""
    try:
        return Decimal(text)
    except InvalidOperation:
        pass
    total = section = 0
    digit: int | None = None
    for c in text:
        if c in _CN_DIGITS:
            digit = _CN_DIGITS[c]
        elif c in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[c]
            digit = None
        elif c == "万":
            total += (section + (digit or 0)) * 10000
            section, digit = 0, None
        else:
            return None
    value = total + section + (digit or 0)
    return Decimal(value) if value else None


def read_typed(text: str, integral: bool, unit: str = "") -> Entry | None:
    """What the user typed into a figure's cell: a number (Entry of state NUMBER), an approximation
    ("近百", "近100", "60000余", "6万多"), "不涉及", or None for an empty cell.

    Raises ValueError with a Chinese message saying what is wrong and what to type instead; never reads a
    different number than the one typed (no dropped points or signs).
    """
    plain = normalize_digits(text)
    if unit and len(plain) > len(unit) and plain.endswith(unit):
        plain = plain[: -len(unit)]  # "12件", "98.5%": the indicator's own unit may follow
    if plain in ("", "."):
        return None
    if plain == "不涉及":
        return Entry(FigureState.NA)
    if "-" in plain:
        raise ValueError("不能是负数：请去掉“-”。")
    found = _TYPED_RE.fullmatch(plain)
    if found is None:
        shown = text.strip() if len(text.strip()) <= 12 else text.strip()[:12] + "…"
        raise ValueError(f"“{shown}”不是数字。{TYPING_HINT}")
    near, over, number = bool(found["near"]), bool(found["over"]), found["num"]
    if near and over:
        raise ValueError("“近”和“余”不能同时用：近100 是略少于100，100余 是略多于100。")
    if re.fullmatch(r"[\d.]+", number):
        why = None if check_partial(number, integral=False) else refusal(number, integral=False)
        if why:
            raise ValueError(why)
        value = Decimal(number)
    else:
        parsed = chinese_value(number)
        if parsed is None:
            raise ValueError(f"“{text.strip()}”不是数字。{TYPING_HINT}")
        value = parsed
    if found["wan"]:
        value = (value * 10000).normalize()
        value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
    if integral and value != value.to_integral_value():
        raise ValueError("这一项是件数，只能填整数，不能有小数。")
    if len(format_number(value).partition(".")[0]) > MAX_INT_DIGITS:
        raise ValueError("数字太长了。")
    if integral:
        value = Decimal(int(value))
    if near or over:
        return Entry(FigureState.APPROX, value, Approx.OVER if over else Approx.NEAR)
    return Entry(FigureState.NUMBER, value)


def typed_entry(current: Entry, text: str, integral: bool, unit: str = "", pending: Choice | None = None) -> Entry:
    """The figure after the user typed text into it: a plain number keeps the figure's kind (or the
    pending choice), "近…"/"…余"/"不涉及" set their own. ValueError (Chinese) when text is not a figure."""
    typed = read_typed(text, integral, unit)
    if typed is None:
        return entry_for_value(current, None, pending)
    if typed.state is FigureState.NUMBER:
        return entry_for_value(current, typed.value, pending)
    return typed


def parse_number(text: str, integral: bool) -> Decimal | None:
    """The number typed, or None for an empty entry; ValueError when text is not a valid entry."""
    plain = normalize_digits(text)
    if not check_partial(plain, integral):
        raise ValueError(refusal(plain, integral) or text)
    if plain in ("", "."):
        return None
    try:
        return Decimal(plain)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only decimals
        raise ValueError(text) from exc


def format_number(value: Decimal) -> str:
    """A number as typed, never in exponent form ("100", "12.5", "0.20")."""
    return format(value, "f")


def format_entry(entry: Entry, empty: str = "") -> str:
    """The figure as it reads in a report: "88", "近100", "60000余", "不涉及" (empty for not filled)."""
    if entry.state is FigureState.NA:
        return "不涉及"
    if entry.value is None or entry.state is FigureState.EMPTY:
        return empty
    number = format_number(entry.value)
    if entry.state is FigureState.APPROX:
        return f"{number}余" if entry.approx is Approx.OVER else f"近{number}"
    return number


def entry_for_choice(current: Entry, choice: Choice) -> Entry | None:
    """The entry after the user picked choice; None when a number must be typed first."""
    if choice is Choice.EMPTY:
        return Entry()
    if choice is Choice.NA:
        return Entry(FigureState.NA)
    if current.value is None or current.state not in (FigureState.NUMBER, FigureState.APPROX):
        return None
    if choice is Choice.EXACT:
        return Entry(FigureState.NUMBER, current.value)
    return Entry(FigureState.APPROX, current.value, Approx.OVER if choice is Choice.OVER else Approx.NEAR)


def entry_for_value(current: Entry, value: Decimal | None, pending: Choice | None = None) -> Entry:
    """The entry after the user typed value (None: cleared) into a figure, keeping its kind.

    pending is a choice made before any number was there (e.g. 约数·近 on an empty figure).
    Clearing a 不涉及 or an empty figure leaves it as it is.
    """
    if value is None:
        return current if current.state in (FigureState.NA, FigureState.EMPTY) else Entry()
    choice = pending if pending in (Choice.EXACT, Choice.NEAR, Choice.OVER) else current.choice
    if choice is Choice.NEAR:
        return Entry(FigureState.APPROX, value, Approx.NEAR)
    if choice is Choice.OVER:
        return Entry(FigureState.APPROX, value, Approx.OVER)
    return Entry(FigureState.NUMBER, value)


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    """The form the store keeps in the history: {"state", "value", "approx"}."""
    return {
        "state": entry.state.value,
        "value": None if entry.value is None else str(entry.value),
        "approx": entry.approx.value if entry.approx else None,
    }


def entry_from_dict(data: dict[str, Any] | None) -> Entry:
    """Reads a history value back; anything missing or unknown reads as not filled."""
    if not data:
        return Entry()
    try:
        state = FigureState(data.get("state") or FigureState.EMPTY.value)
        raw = data.get("value")
        value = None if raw in (None, "") else Decimal(str(raw))
        approx = Approx(data["approx"]) if data.get("approx") else None
    except (ValueError, InvalidOperation):
        return Entry()
    if state is FigureState.APPROX and approx is None:
        approx = Approx.NEAR
    return Entry(state, value, approx if state is FigureState.APPROX else None)


def advice(name: str, kind: Kind, entry: Entry) -> str | None:
    """A gentle Chinese remark on a figure just saved that looks wrong, else None (the checks say more)."""
    if kind is Kind.RATE and entry.value is not None and entry.value > 100:
        return f"“{name}”超过了100%，请核对。"
    return None


def describe_entry(entry: Entry) -> str:
    """A one-line Chinese description, e.g. "约数·近：近100" or "未填"."""
    text = format_entry(entry)
    label = CHOICE_LABELS[entry.choice]
    if entry.state in (FigureState.NUMBER, FigureState.APPROX) and text:
        return f"{label}：{text}"
    return label
