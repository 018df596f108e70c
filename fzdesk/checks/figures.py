"""Evaluates the figure rules over the sheet: findings for broken relations, 无法检查 for missing operands."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from fzdesk.checks.findings import Category, Finding, Location, Severity, Unchecked
from fzdesk.checks.numbers import fmt
from fzdesk.checks.rules import Rule, RuleSet
from fzdesk.domain.catalogue import Catalogue
from fzdesk.domain.model import FigureState, FigureValue, Report

_PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_.]+)\}")
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Operand:
    code: str
    state: FigureState
    value: Decimal | None  # NA counts as 0; EMPTY and APPROX have the value as written (APPROX) or None


class Sheet:
    """This year's and last year's figures, with names and units from the catalogue."""

    def __init__(self, report: Report, catalogue: Catalogue, last_year: Report | None = None) -> None:
        self.figures = report.figures
        self.catalogue = catalogue
        self.last_year = last_year

    def get(self, code: str) -> Operand:
        f = self.figures.get(code)
        if f is None:
            return Operand(code, FigureState.EMPTY, None)
        if f.state is FigureState.NA:
            return Operand(code, FigureState.NA, Decimal(0))
        return Operand(code, f.state, f.value)

    def last(self, code: str) -> Decimal | None:
        """Last year's exact value: from last year's report when given, else the sheet's carried column."""
        if self.last_year is not None:
            f = self.last_year.figures.get(code)
            if f is not None:
                if f.state is FigureState.NA:
                    return Decimal(0)
                return f.exact
        f = self.figures.get(code)
        if f is None:
            return None
        if f.last_state is FigureState.NA:
            return Decimal(0)
        return f.last_exact

    def name(self, code: str) -> str:
        ind = self.catalogue.get(code)
        if ind is None:
            return code
        family = self.catalogue.family(ind.family).name
        name = ind.name.removeprefix("其中：")
        return name if name.startswith(family[:2]) else f"{family}{name}"

    def short(self, code: str) -> str:
        ind = self.catalogue.get(code)
        return ind.name.removeprefix("其中：") if ind else code

    def unit(self, code: str) -> str:
        ind = self.catalogue.get(code)
        return ind.unit if ind else ""


NA_TEXT = "不涉及"


def fill(template: str, values: dict[str, str]) -> str:
    """The template with its {placeholders} filled. A figure marked 不涉及 reads "不涉及" and its unit after the
    placeholder goes ("不予受理{A.rejected}件" → "不予受理不涉及", never "不予受理0件")."""
    out: list[str] = []
    pos = 0
    for m in _PLACEHOLDER.finditer(template):
        out.append(template[pos:m.start()])
        out.append(values.get(m.group(1), m.group(0)))
        pos = m.end()
        unit = values.get(f"na-unit:{m.group(1)}")
        if unit and template.startswith(unit, pos):
            pos += len(unit)
    out.append(template[pos:])
    return "".join(out)


def check_figures(report: Report, catalogue: Catalogue, rules: RuleSet,
                  last_year: Report | None = None) -> tuple[list[Finding], list[Unchecked]]:
    sheet = Sheet(report, catalogue, last_year)
    findings: list[Finding] = []
    unchecked: list[Unchecked] = []
    newer = frozenset(i.code for i in catalogue.indicators if i.since > report.catalogue_version)
    for shipped in rules.rules:
        rule = _for_version(shipped, newer) if newer else shipped
        if rule is None:
            continue  # a report written with an older catalogue has no row for it: neither finding nor 无法检查
        evaluate = _EVALUATORS[rule.relation]
        f, u = evaluate(rule, sheet)
        findings.extend(f)
        unchecked.extend(u)
    return findings, unchecked


Result = tuple[list[Finding], list[Unchecked]]


def _for_version(rule: Rule, newer: frozenset[str]) -> Rule | None:
    """The rule as it applies to a report whose catalogue lacks the `newer` indicators: optional parts it cannot
    have are left out (its 其他 part too, so its list stays "at most"); a rule that needs one is skipped."""
    if not newer.intersection(rule.codes):
        return rule
    if rule.relation not in ("sum_eq", "sum_le", "rate", "yoy_change") or rule.code in newer:
        return None
    if any(c in newer and c not in rule.optional for c in (*rule.left, *rule.right)) and rule.relation != "yoy_change":
        return None
    left = tuple(c for c in rule.left if c not in newer)
    right = tuple(c for c in rule.right if c not in newer)
    if not left or (not right and rule.relation != "yoy_change"):
        return None
    exhaustive_if = "" if rule.exhaustive_if in newer else rule.exhaustive_if
    return replace(rule, left=left, right=right, exhaustive_if=exhaustive_if)


def _values(sheet: Sheet, codes: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for code in codes:
        op = sheet.get(code)
        if op.state is FigureState.NA:  # counted as 0 in the sums, but shown as what the clerk chose
            out[code] = NA_TEXT
            out[f"na-unit:{code}"] = sheet.unit(code)
        else:
            out[code] = fmt(op.value) if op.value is not None else "？"
        out[f"name:{code}"] = sheet.short(code)
    return out


def _finding(rule: Rule, sheet: Sheet, anchor: str, values: dict[str, str], raw: dict[str, object],
             default: str, message: str | None = None) -> Finding:
    message = fill((rule.message if message is None else message) or default, values)
    return Finding(rule.id, Category.FIGURES, rule.severity, message, Location("figures", figure=anchor),
                   values=raw)


def _all_blank(ops: list[Operand]) -> bool:
    """Nothing of the relation is filled (or all 不涉及): the family is not used, stay silent."""
    return all(op.state in (FigureState.EMPTY, FigureState.NA) for op in ops)


def _names(sheet: Sheet, codes: list[str]) -> str:
    return "、".join(sheet.short(c) for c in codes)


def _side(rule: Rule, sheet: Sheet, codes: tuple[str, ...]) -> tuple[Decimal | None, list[str], list[str]]:
    """Sum of one side; returns (sum or None, missing codes, approximate codes)."""
    total = Decimal(0)
    missing: list[str] = []
    approx: list[str] = []
    filled = 0
    for code in codes:
        op = sheet.get(code)
        if op.state is FigureState.APPROX:
            approx.append(code)
        elif op.state is FigureState.EMPTY:
            if code not in rule.optional:
                missing.append(code)
        else:
            filled += 1
            total += op.value or 0
    if filled == 0 and not missing and not approx:
        missing.extend(c for c in codes if sheet.get(c).state is FigureState.EMPTY)
    return (None if missing or approx else total), missing, approx


def _sums(rule: Rule, sheet: Sheet) -> Result:
    ops = [sheet.get(c) for c in (*rule.left, *rule.right)]
    if _all_blank(ops):
        return [], []
    left, lmiss, lapprox = _side(rule, sheet, rule.left)
    right, rmiss, rapprox = _side(rule, sheet, rule.right)
    approx = lapprox + rapprox
    if approx:
        return [], [Unchecked(rule.id, f"{rule.title or rule.id}：{_names(sheet, approx)}是约数，不参与精确计算。",
                              tuple(approx))]
    missing = lmiss + rmiss
    if missing or left is None or right is None:
        msg = f"{rule.title or rule.id}：{_names(sheet, missing)}未填，无法检查。"
        if rule.relation in ("sum_eq", "eq") and len(missing) == 1:
            implied = _implied(rule, sheet, missing[0])
            if implied is not None and implied >= 0:
                msg += f"按已填数字推算，{sheet.short(missing[0])}应为{fmt(implied)}{sheet.unit(missing[0])}。"
        return [], [Unchecked(rule.id, msg, tuple(missing))]
    diff = left - right
    exhaustive = bool(rule.exhaustive_if) and sheet.get(rule.exhaustive_if).state in (FigureState.NUMBER,
                                                                                      FigureState.NA)
    equality = rule.relation in ("sum_eq", "eq") or exhaustive
    ok = abs(diff) <= rule.tolerance if equality else diff <= rule.tolerance
    if ok:
        if rule.exhaustive_if and not exhaustive and -diff > rule.tolerance:
            return [], [_open_list(rule, sheet, left, right)]
        return [], []
    unit = sheet.unit(rule.left[0])
    values = _values(sheet, rule.codes)
    values.update(left=fmt(left), right=fmt(right), diff=fmt(abs(diff)), unit=unit)
    raw: dict[str, object] = {"left": left, "right": right, "diff": abs(diff)}
    raw.update({c: sheet.get(c).value for c in rule.codes})
    lname = "+".join(sheet.short(c) for c in rule.left)
    rname = "+".join(sheet.short(c) for c in rule.right)
    if exhaustive:
        default = (f"{lname}为{{left}}{unit}，但{rname}为{{right}}{unit}，相差{{diff}}{unit}"
                   f"（已填{sheet.short(rule.exhaustive_if)}，视为各项已列全，合计应等于总数）。")
        raw["exhaustive"] = True
        return [_finding(rule, sheet, rule.left[0], values, raw, default, rule.exhaustive_message)], []
    if rule.relation in ("sum_eq", "eq"):
        default = f"{lname}为{{left}}{unit}，但{rname}为{{right}}{unit}，相差{{diff}}{unit}。"
    else:
        default = f"{lname}为{{left}}{unit}，超过了{rname}{{right}}{unit}（多{{diff}}{unit}）。"
    return [_finding(rule, sheet, rule.left[0], values, raw, default)], []


def _open_list(rule: Rule, sheet: Sheet, left: Decimal, right: Decimal) -> Unchecked:
    """The parts fall short of the total and their 其他 part is empty: are they the whole list? Nobody can tell."""
    unit = sheet.unit(rule.right[0])
    other = sheet.short(rule.exhaustive_if)
    return Unchecked(rule.id, f"{rule.title or rule.id}：各项合计{fmt(left)}{unit}，比总数{fmt(right)}{unit}少"
                              f"{fmt(right - left)}{unit}，是否已列全无法判断。如已列全，请填写“{other}”"
                              f"（没有填0），合计就须等于总数。", (rule.exhaustive_if,))


def _implied(rule: Rule, sheet: Sheet, missing: str) -> Decimal | None:
    def side(codes: tuple[str, ...]) -> Decimal:
        return sum((sheet.get(c).value or Decimal(0) for c in codes if c != missing), Decimal(0))

    left, right = side(rule.left), side(rule.right)
    return right - left if missing in rule.left else left - right


def _decimals(value: Decimal) -> int:
    """Decimal places as written (97.0 has one, 97 none)."""
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def rate_admits(written: Decimal, exact: Decimal) -> bool:
    """A rate written with d decimals is right when it is the exact quotient rounded (half up) or truncated to d
    decimals: 9701 ÷ 10000 = 97.01% admits 97, 97.0 and 97.01, never 98 or 97.1."""
    step = Decimal(1).scaleb(-_decimals(written))
    return written in (exact.quantize(step, ROUND_HALF_UP), exact.quantize(step, ROUND_DOWN))


def _rate(rule: Rule, sheet: Sheet) -> Result:
    rate = sheet.get(rule.code)
    if rate.state in (FigureState.EMPTY, FigureState.NA):
        return [], []
    if rate.state is FigureState.APPROX:
        return [], [Unchecked(rule.id, f"{rule.title or rule.id}：{sheet.short(rule.code)}是约数，无法核对。",
                              (rule.code,))]
    num, nmiss, napprox = _side(rule, sheet, rule.left)
    den, dmiss, dapprox = _side(rule, sheet, rule.right)
    if num is None or den is None:
        gaps = nmiss + dmiss + napprox + dapprox
        return [], [Unchecked(rule.id, f"{rule.title or rule.id}：{_names(sheet, gaps)}未填或是约数，无法核对"
                                       f"{sheet.short(rule.code)}。", tuple(gaps))]
    assert rate.value is not None
    values = _values(sheet, rule.codes)
    values.update(rate=fmt(rate.value), num=fmt(num), den=fmt(den))
    raw: dict[str, object] = {"rate": rate.value, "numerator": num, "denominator": den}
    if den == 0:
        if rate.value == 0:
            return [], []
        default = f"{sheet.short(rule.code)}填的是{{rate}}%，但作为基数的{_names(sheet, list(rule.right))}为0。"
        return [_finding(rule, sheet, rule.code, values, raw, default)], []
    expected = num / den * HUNDRED
    values["expected"] = fmt(expected.quantize(Decimal("0.01")))
    raw["expected"] = expected.quantize(Decimal("0.01"))
    if rate.value == HUNDRED and num != den:
        unit = sheet.unit(rule.right[0])
        message = (f"{sheet.short(rule.code)}写的是100%，但{_names(sheet, list(rule.left))}共{fmt(num)}{unit}、"
                   f"{_names(sheet, list(rule.right))}为{fmt(den)}{unit}，两数不等，实为{values['expected']}%。")
        return [Finding(rule.id, Category.FIGURES, Severity.ERROR, message, Location("figures", figure=rule.code),
                        values=raw)], []
    if rate_admits(rate.value, expected) or (rule.tolerance and abs(rate.value - expected) <= rule.tolerance):
        return [], []
    default = (f"{sheet.short(rule.code)}填的是{{rate}}%，但按{_names(sheet, list(rule.left))}{{num}}÷"
               f"{_names(sheet, list(rule.right))}{{den}}计算应为{{expected}}%。")
    return [_finding(rule, sheet, rule.code, values, raw, default)], []


def _range(rule: Rule, sheet: Sheet) -> Result:
    op = sheet.get(rule.code)
    if op.state is not FigureState.NUMBER or op.value is None:
        return [], []
    low = rule.minimum is not None and op.value < rule.minimum
    high = rule.maximum is not None and op.value > rule.maximum
    if not (low or high):
        return [], []
    unit = sheet.unit(rule.code)
    values = _values(sheet, (rule.code,))
    values.update(value=fmt(op.value), min=fmt(rule.minimum), max=fmt(rule.maximum), unit=unit)
    default = (f"{sheet.short(rule.code)}为{{value}}{unit}，不应超过{{max}}{unit}。" if high
               else f"{sheet.short(rule.code)}为{{value}}{unit}，少于{{min}}{unit}。")
    return [_finding(rule, sheet, rule.code, values, {"value": op.value, "min": rule.minimum,
                                                       "max": rule.maximum}, default)], []


def _required_if(rule: Rule, sheet: Sheet) -> Result:
    op = sheet.get(rule.code)
    if op.state not in (FigureState.NUMBER, FigureState.APPROX) or not op.value:
        return [], []
    empty = [c for c in rule.right if sheet.get(c).state is FigureState.EMPTY]
    if not empty:
        return [], []
    values = _values(sheet, rule.codes)
    values.update(missing=_names(sheet, empty))
    default = f"已填{sheet.short(rule.code)}{{{rule.code}}}{sheet.unit(rule.code)}，还应填写{{missing}}。"
    return [_finding(rule, sheet, empty[0], values, {"missing": empty}, default)], []


def _together(rule: Rule, sheet: Sheet) -> Result:
    states = {c: sheet.get(c).state for c in rule.left}
    empty = [c for c, s in states.items() if s is FigureState.EMPTY]
    if not empty or len(empty) == len(states):
        return [], []
    filled = [c for c in rule.left if c not in empty]
    values = _values(sheet, rule.codes)
    values.update(missing=_names(sheet, empty), filled=_names(sheet, filled))
    default = "已填{filled}，{missing}也应一并填写（没有可填“不涉及”）。"
    return [_finding(rule, sheet, empty[0], values, {"missing": empty}, default)], []


def _yoy_carry(rule: Rule, sheet: Sheet) -> Result:
    last = sheet.last(rule.other)
    this = sheet.get(rule.code)
    if last is None:
        if this.state is FigureState.NUMBER:
            return [], [Unchecked(rule.id, f"{rule.title or rule.id}：没有去年的{sheet.short(rule.other)}，无法核对。",
                                  (rule.other,))]
        return [], []
    if this.state is FigureState.EMPTY:
        if last == 0:
            return [], []
        return [], [Unchecked(rule.id, f"{rule.title or rule.id}：{sheet.short(rule.code)}未填；去年"
                                       f"{sheet.short(rule.other)}为{fmt(last)}{sheet.unit(rule.code)}，应照此填写。",
                              (rule.code,))]
    if this.state is FigureState.APPROX or this.value is None or this.value == last:
        return [], []
    values = _values(sheet, rule.codes)
    values.update(this=fmt(this.value), last=fmt(last), unit=sheet.unit(rule.code))
    default = (f"今年的{sheet.short(rule.code)}为{{this}}{{unit}}，但去年年底{sheet.short(rule.other)}"
               f"为{{last}}{{unit}}，两者应相等。")
    return [_finding(rule, sheet, rule.code, values, {"this": this.value, "last": last}, default)], []


def _yoy_change(rule: Rule, sheet: Sheet) -> Result:
    out: list[Finding] = []
    for code in rule.left:
        this = sheet.get(code)
        last = sheet.last(code)
        if this.state is not FigureState.NUMBER or this.value is None or last is None:
            continue
        if max(this.value, last) < rule.min_base:
            continue
        figure = sheet.figures.get(code)
        if figure is not None and figure.explanation.strip():
            continue
        if last == 0:
            change = None
        else:
            change = (this.value - last) / last * HUNDRED
            if abs(change) < rule.threshold:
                continue
        values = _values(sheet, (code,))
        values.update(name=sheet.name(code), this=fmt(this.value), last=fmt(last), unit=sheet.unit(code),
                      change=fmt(abs(change).quantize(Decimal("0.1"))) if change is not None else "—",
                      direction="增加" if this.value > last else "减少")
        default = ("{name}今年{this}{unit}，去年{last}{unit}，{direction}{change}%，变化较大，"
                   "请写一句说明（可写入报告）。")
        f = _finding(rule, sheet, code, values, {"this": this.value, "last": last, "change": change}, default)
        f.key = f"{rule.id}|figures|{code}|"
        out.append(f)
    return out, []


_EVALUATORS: dict[str, Callable[[Rule, Sheet], Result]] = {
    "sum_eq": _sums, "sum_le": _sums, "eq": _sums, "le": _sums, "rate": _rate, "range": _range,
    "required_if": _required_if, "together": _together, "yoy_carry": _yoy_carry, "yoy_change": _yoy_change,
}


def set_explanation(report: Report, code: str, text: str) -> FigureValue:
    """Stores the one-line explanation a large change asks for (the caller saves the figure)."""
    figure = report.figures.setdefault(code, FigureValue(code))
    figure.explanation = text.strip()
    return figure
