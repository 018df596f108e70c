"""Numbers as clerks write them: 88件, 60000余页, 两万余人次, 近百件, 12.5万元, 98.6%; and how to print them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from fzdesk.domain.model import Approx

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10000, "亿": 100000000}
CN_NUM = "零〇一二两三四五六七八九十百千万亿"

#: Measure words after a number, longest first (the regex needs that order).
UNITS = ("个百分点", "人次", "场次", "万元", "件次", "%", "％", "件", "宗", "起", "份", "条", "次", "场", "期", "轮",
         "人", "名", "块", "张", "页", "卷", "项", "家", "个", "册", "本", "元", "户", "村", "批", "篇", "余")

_ARABIC = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
_UNIT_RE = "|".join(re.escape(u) for u in UNITS if u != "余")
_CN_FRACTION = "零〇一二三四五六七八九"
NUMBER_RE = re.compile(
    rf"(?=[近将接\d{CN_NUM}])"  # a cheap first-character test lets the scan skip most of the text
    rf"百分之(?P<pct>{_ARABIC}|[{CN_NUM}]+(?:点[{_CN_FRACTION}]+)?)|"  # 百分之九十五, 百分之百: a percentage
    rf"(?P<near>近|将近|接近)?"
    rf"(?:(?P<arabic>{_ARABIC})(?=[万亿余多]|{_UNIT_RE})(?P<amult>万|亿)?|(?P<cn>[{CN_NUM}]+)(?=[余多]|{_UNIT_RE}))"
    rf"(?P<over>余|多)?"
    rf"(?P<unit>{_UNIT_RE})?"
)


@dataclass(frozen=True)
class Mention:
    """A number written in the text, with its span (start/end cover 近/余 and the unit)."""

    start: int
    end: int
    text: str
    value: Decimal
    approx: Approx | None
    unit: str
    contradictory: bool = False  # 近…余 together
    num_start: int = 0  # span of the digits alone (for replacing just the number)
    num_end: int = 0
    step: Decimal | None = None  # a rounded form (98.6%, 1.2万人次): the place of its last written digit

    @property
    def unit_written(self) -> bool:
        """False for 百分之九十: its unit is not written after the number."""
        return self.text.endswith(self.unit)

    @property
    def percent(self) -> bool:
        return self.unit in ("%", "％")


def parse_chinese(text: str) -> Decimal | None:
    """一百二十三 -> 123, 两万 -> 20000, 十 -> 10, 百 -> 100 (a bare 百/千 as in 近百, 近千)."""
    if not text:
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit = None
        elif ch in _CN_BIG:
            section += digit or 0
            total += (section or 1) * _CN_BIG[ch]
            section, digit = 0, None
        else:
            return None
    return Decimal(total + section + (digit or 0))


def parse_arabic(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None


def find_numbers(text: str) -> list[Mention]:
    """Every number with a measure word or 近/余 in a text. Bare Chinese numerals (一是, 统一) are skipped."""
    out: list[Mention] = []
    for m in NUMBER_RE.finditer(text):
        if m.group("pct"):
            pct = _percentage(m.group("pct"))
            if pct is not None:
                out.append(Mention(m.start(), m.end(), m.group(0), pct, None, "%", False, m.start("pct"),
                                   m.end("pct"), _last_place(pct)))
            continue
        near, arabic, amult, cn, over, unit = m.group("near", "arabic", "amult", "cn", "over", "unit")
        unit = unit or ""
        step: Decimal | None = None
        if arabic:
            value = parse_arabic(arabic)
            if value is None:
                continue
            if amult == "万" and unit == "元":
                unit = "万元"
            elif amult:
                scale = 10000 if amult == "万" else 100000000
                step = _last_place(value) * scale if unit != "元" else None  # 1.2万人次: to the nearest 1000
                value *= scale
            if unit in ("%", "％"):
                step = _last_place(value)
            num_start, num_end = m.start("arabic"), m.end("arabic")
        else:
            if not (unit or over or near) or (cn == "一" and not unit):
                continue
            if _looks_like_word(text, m.start("cn"), cn):
                continue
            value = parse_chinese(cn)
            if value is None:
                continue
            if unit != "元" and ("万" in cn or "亿" in cn):
                step = _trailing_place(value)  # 两万人次 as rounded as 2万人次; 一万二千 to the thousand
            num_start, num_end = m.start("cn"), m.end("cn")
        if not unit and not near and not over:
            continue
        approx = Approx.NEAR if near else Approx.OVER if over else None
        start = m.start()
        out.append(Mention(start, m.end(), m.group(0), value, approx, unit, bool(near and over),
                           num_start, num_end, step))
    return out


def _percentage(text: str) -> Decimal | None:
    """九十五 -> 95, 百 -> 100, 九十九点五 -> 99.5, 98.6 -> 98.6 (what follows 百分之)."""
    if text[0].isdigit():
        return parse_arabic(text)
    whole, _, fraction = text.partition("点")
    value = parse_chinese(whole)
    if value is None or not fraction:
        return value
    return value + Decimal("0." + "".join(str(_CN_DIGITS[ch]) for ch in fraction))


def _last_place(value: Decimal) -> Decimal:
    """The place of the last written digit: 98.6 -> 0.1, 99 -> 1."""
    exp = value.as_tuple().exponent
    return Decimal(1).scaleb(min(exp, 0) if isinstance(exp, int) else 0)


def _trailing_place(value: Decimal) -> Decimal:
    """The place of the last non-zero digit of a whole number: 20000 -> 10000, 12000 -> 1000, 100005 -> 1."""
    place, rest = Decimal(1), int(value)
    while rest and rest % 10 == 0:
        place, rest = place * 10, rest // 10
    return place


def rounds_to(written: Decimal, exact: Decimal, step: Decimal) -> bool:
    """Is written the exact value rounded (half up) or truncated to step? 99.52 -> 99.5 or 99; 12345 -> 1.2万."""
    units = exact / step
    return written in (units.quantize(Decimal(1), ROUND_HALF_UP) * step, units.quantize(Decimal(1), ROUND_DOWN) * step)


def _looks_like_word(text: str, start: int, cn: str) -> bool:
    """一次 in 进行一次专题部署 is a count of one; 一个 in 统一个 is not: skip single 一 glued to a word."""
    return cn == "一" and start > 0 and text[start - 1] in "统唯第之同单逐每任某另"


def leading_place(value: Decimal) -> Decimal:
    """The place of the leading digit: 60000 -> 10000, 100 -> 100, 13 -> 10."""
    v = abs(value)
    place = Decimal(1)
    while place * 10 <= v:
        place *= 10
    return place


def approx_contains(value: Decimal, approx: Approx | None, exact: Decimal) -> bool:
    """Does an approximate written value (近百, 60000余) admit an exact count?"""
    if approx is None:
        return exact == value
    place = leading_place(value)
    if approx is Approx.NEAR:
        return value - place <= exact <= value if value == place else value * Decimal("0.8") <= exact <= value
    return value <= exact < value + place


def fmt(value: Decimal | None) -> str:
    """88, 12.5, 128.78 (no exponent, no trailing zeros)."""
    if value is None:
        return "？"
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value.normalize(), "f")
    return text


def fmt_written(value: Decimal, approx: Approx | None) -> str:
    """How the sheet's value goes into text: 88, 近100, 60000余."""
    if approx is Approx.NEAR:
        return f"近{fmt(value)}"
    if approx is Approx.OVER:
        return f"{fmt(value)}余"
    return fmt(value)
