"""Which values a figure may hold, by the catalogue kind: counts whole and not negative, amounts and rates not
negative (what the sheet lets a clerk type). A percentage over 100 can be held (the sheet saves it with a remark
and the *_max figure rules report it as an error), so it is a remark here, not a refusal."""

from __future__ import annotations

from decimal import Decimal

from fzdesk.domain.catalogue import Catalogue, Indicator, Kind
from fzdesk.domain.figure_text import format_number
from fzdesk.domain.model import FigureValue

#: The largest value of a rate whose unit is "%".
PERCENT_MAX = Decimal(100)


def value_problem(indicator: Indicator | None, value: Decimal | None) -> str | None:
    """Why value cannot be this indicator's figure (Chinese, without the figure's name), or None when it can.

    An indicator the catalogue does not know (a newer catalogue's) is only held to being a finite number >= 0."""
    if value is None:
        return None
    if not value.is_finite():
        return "不是有效的数字"
    text = format_number(value)
    unit = indicator.unit if indicator else ""
    if value < 0:
        return f"是负数（{text}{unit}），数据表中的数字不能小于0"
    if indicator is None:
        return None
    if indicator.kind is Kind.COUNT and value != value.to_integral_value():
        return f"是“{text}”，但这一项是计数（单位：{unit}），只能是整数"
    return None


def over_percent(indicator: Indicator | None, value: Decimal | None) -> bool:
    """A percentage over 100: impossible for a rate, kept so the checks can show it, never passed silently."""
    return (indicator is not None and indicator.kind is Kind.RATE and indicator.unit == "%" and value is not None
            and value.is_finite() and value > PERCENT_MAX)


def figure_label(code: str, catalogue: Catalogue) -> str:
    """“行政复议·受理”（A.accepted）: the name a clerk knows, with the code the file uses."""
    indicator = catalogue.get(code)
    if indicator is None:
        return f"“{code}”"
    family = next((f.name + "·" for f in catalogue.families if f.code == indicator.family), "")
    return f"“{family}{indicator.name}”（{code}）"


def figure_problems(figure: FigureValue, catalogue: Catalogue, *, last_year: bool = True) -> list[str]:
    """Chinese sentences naming the figure and the value for each of its values that cannot be stored."""
    indicator = catalogue.get(figure.code)
    label = figure_label(figure.code, catalogue)
    out = []
    checked = [("本年", figure.value)] + ([("上年", figure.last_value)] if last_year else [])
    for which, value in checked:
        problem = value_problem(indicator, value)
        if problem:
            out.append(f"数字{label}的{which}值{problem}。")
    return out


def figure_remarks(figure: FigureValue, catalogue: Catalogue) -> list[str]:
    """Chinese sentences for values that can be stored but are wrong (a percentage over 100)."""
    indicator = catalogue.get(figure.code)
    return [f"数字{figure_label(figure.code, catalogue)}的{which}值是{format_number(value)}%，比率不能超过100%，"
            "导入后检查时会报错，请核对。"
            for which, value in (("本年", figure.value), ("上年", figure.last_value))
            if value is not None and over_percent(indicator, value)]
