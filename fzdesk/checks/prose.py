"""Prose against figures: numbers near an indicator's words compared with the sheet; 较去年 statements."""

from __future__ import annotations

from decimal import Decimal

from fzdesk.checks.figures import Sheet
from fzdesk.checks.findings import Category, FigureFix, Finding, Severity, TextFix, make_key
from fzdesk.checks.numbers import Mention, approx_contains, fmt, fmt_written, rounds_to
from fzdesk.checks.prose_index import ProseIndex
from fzdesk.checks.prose_sums import arithmetic_findings
from fzdesk.checks.prose_ties import Tie, tie_numbers
from fzdesk.checks.prose_yoy import yoy_finding
from fzdesk.checks.rules import Rule
from fzdesk.checks.text import Para
from fzdesk.domain.model import Approx, FigureState


def _sheet_admits(figure_state: FigureState, value: Decimal, approx: Approx | None, mention: Mention,
                  indicator_unit: str) -> bool:
    written = mention.value / 10000 if indicator_unit == "万元" and mention.unit == "元" else mention.value
    if figure_state is FigureState.NUMBER:
        if mention.approx is Approx.OVER and mention.step is not None:
            return written <= value < written + mention.step  # 2.5万余: 25000 up to 26000, not up to 35000
        if approx_contains(written, mention.approx, value):
            return True
        # 99.5% for 99.52%, 1.2万人次 for 12345: the sheet's figure to the last digit written (never 100% for less)
        return (mention.approx is None and mention.step is not None and not (mention.percent and written == 100)
                and rounds_to(written, value, mention.step))
    if mention.approx is None:
        return approx_contains(value, approx, written)
    return mention.approx == approx and written == value


def prose_findings(para: Para, index: ProseIndex, sheet: Sheet, year: int,
                   rate_rules: tuple[Rule, ...] = (),
                   arithmetic: dict[str, tuple[Rule, ...]] | None = None) -> list[Finding]:
    """arithmetic: the figure rules by code (prose_sums.rules_by_code), to hold the paragraph's own numbers to
    them where the sheet is empty."""
    ties, yoy, scan = tie_numbers(index, para.text)
    out: list[Finding] = []
    if rate_rules and ties:
        out.extend(_full_rates(para, ties, rate_rules, sheet))
    if arithmetic and len(ties) > 0:
        out.extend(arithmetic_findings(para, [(t.code, t.mention) for t in ties], sheet, arithmetic))
    for tie in ties:
        f = _compare(para, tie, sheet)
        if f is not None:
            out.append(f)
    since = 0  # the end of the statement before: the figures before it had their own 较去年
    for m, mention in yoy:
        f = yoy_finding(para, m, mention, ties, scan, sheet, year, since)
        if f is not None:
            out.append(f)
        since = mention.end
    return out


def _full_rates(para: Para, ties: list[Tie], rate_rules: tuple[Rule, ...], sheet: Sheet) -> list[Finding]:
    """The text says a rate is 100% while the counts it gives differ (办结1180件……办结率100%)."""
    first: dict[str, Tie] = {}
    for tie in ties:
        first.setdefault(tie.code, tie)
    out: list[Finding] = []
    for rule in rate_rules:
        rate, num, den = first.get(rule.code), first.get(rule.left[0]), first.get(rule.right[0])
        if rate is None or num is None or den is None or rate.mention.value != 100:
            continue
        if rate.mention.approx or num.mention.approx or den.mention.approx or num.mention.value == den.mention.value:
            continue
        m = rate.mention
        loc = para.loc(m.start, m.end)
        message = (f"文中{sheet.short(rule.code)}写的是100%，但文中{sheet.short(num.code)}“{num.mention.text}”、"
                   f"{sheet.short(den.code)}“{den.mention.text}”两数不等。")
        out.append(Finding("prose.rate100", Category.TEXT, Severity.ERROR, message, loc,
                           para.excerpt(m.start, m.end),
                           {"rate": m.value, "numerator": num.mention.value, "denominator": den.mention.value},
                           make_key("prose.rate100", loc, rule.code)))
    return out


def _compare(para: Para, tie: Tie, sheet: Sheet) -> Finding | None:
    figure = sheet.figures.get(tie.code)
    if figure is None or figure.state is FigureState.EMPTY:
        return None
    m = tie.mention
    unit = sheet.unit(tie.code)
    name = sheet.name(tie.code)
    loc = para.loc(m.start, m.end)
    written = m.text
    num_end = m.end - len(m.unit) if m.unit_written else m.end  # 百分之九十五 is replaced whole, by 90%
    take_state = FigureState.APPROX if m.approx else FigureState.NUMBER
    take_value = m.value / 10000 if unit == "万元" and m.unit == "元" else m.value
    take = FigureFix(f"把文中的“{written}”填入数据表", tie.code, take_state.value, take_value,
                     m.approx.value if m.approx else None)
    if figure.state is FigureState.NA:
        message = f"数据表中{name}填的是“不涉及”，文中却写了“{written}”。"
        return Finding("prose.mismatch", Category.TEXT, Severity.WARNING, message, loc, para.excerpt(m.start, m.end),
                       {"code": tie.code, "text": written, "sheet": "不涉及"},
                       make_key("prose.mismatch", loc, f"{tie.code}:{written}"), [take])
    assert figure.value is not None
    if _sheet_admits(figure.state, figure.value, figure.approx, m, unit):
        return None
    sheet_text = fmt_written(figure.value, figure.approx)
    message = f"文中写{name}“{written}”，但数据表中为{sheet_text}{unit}。"
    put = TextFix(f"把文中改为“{sheet_text}{m.unit}”", para.loc(m.start, num_end), para.text[m.start:num_end],
                  (sheet_text if m.unit != "元" else fmt(figure.value * 10000)) + ("" if m.unit_written else m.unit))
    return Finding("prose.mismatch", Category.TEXT, Severity.WARNING, message, loc, para.excerpt(m.start, m.end),
                   {"code": tie.code, "text": m.value, "text_approx": m.approx.value if m.approx else None,
                    "sheet": figure.value, "sheet_approx": figure.approx.value if figure.approx else None},
                   make_key("prose.mismatch", loc, f"{tie.code}:{written}"), [put, take])
