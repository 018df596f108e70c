"""The figure rules over the numbers a paragraph gives, when the sheet does not hold them: 审结30件（维持18件、
撤销4件、驳回5件） does not add up, 办结1270件÷受理1280件 is not 99.8%, 持证30人 is more than 执法人员28人."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from fzdesk.checks.figures import Sheet, rate_admits
from fzdesk.checks.findings import Category, Finding, Severity, TextFix, make_key
from fzdesk.checks.numbers import Mention, fmt
from fzdesk.checks.rules import Rule, RuleSet
from fzdesk.checks.text import Para
from fzdesk.domain.model import FigureState

RULE = "prose.arithmetic"
_RELATIONS = ("sum_eq", "sum_le", "eq", "le", "rate", "range")
HUNDRED = Decimal(100)
_by_code: dict[int, tuple[RuleSet, dict[str, tuple[Rule, ...]]]] = {}


def rules_by_code(rules: RuleSet) -> dict[str, tuple[Rule, ...]]:
    """The rules prose can be held to, by each code they name (built once per rule set)."""
    cached = _by_code.get(id(rules))
    if cached is None or cached[0] is not rules:
        index: dict[str, list[Rule]] = {}
        for rule in rules.rules:
            if rule.relation in _RELATIONS:
                for code in dict.fromkeys(rule.codes):
                    index.setdefault(code, []).append(rule)
        cached = (rules, {code: tuple(found) for code, found in index.items()})
        _by_code[id(rules)] = cached
    return cached[1]


class _Side:
    """One side of a relation as the paragraph gives it: the sum of the numbers written, which codes were
    written, and whether a part that may be left unsaid (optional) is missing (then the side may be larger)."""

    def __init__(self, rule: Rule, codes: tuple[str, ...], text: dict[str, Mention],
                 settled: frozenset[str] = frozenset()) -> None:
        self.present = sorted((c for c in codes if c in text), key=lambda c: text[c].start)  # as written
        self.total = sum((text[c].value for c in self.present), Decimal(0))
        self.open = any(c not in text and c in rule.optional and c not in settled for c in codes)
        self.complete = all(c in text or c in rule.optional for c in codes) and bool(self.present)


def arithmetic_findings(para: Para, ties: list[tuple[str, Mention]], sheet: Sheet,
                        index: dict[str, tuple[Rule, ...]]) -> list[Finding]:
    """ties: (code, number) in the order written; a code written twice with different numbers is left out, and so
    is every rule that names a figure the sheet holds (the sheet's own checks and prose.mismatch speak for it)."""
    text: dict[str, Mention] = {}
    twice: set[str] = set()
    figures = sheet.figures
    for code, mention in ties:
        if mention.approx is not None or code not in index:
            continue
        held = figures.get(code)
        if held is not None and held.state is not FigureState.EMPTY:
            continue  # every rule naming it is the sheet's (below): nothing to hold this number to
        known = text.setdefault(code, mention)
        if known.value != mention.value:
            twice.add(code)
    for code in twice:
        del text[code]
    if not text:
        return []
    settled = _settled(text, index)
    out: list[Finding] = []
    seen: set[str] = set()
    for code in list(text):
        for rule in index[code]:
            if rule.id in seen:
                continue
            seen.add(rule.id)
            if any(sheet.figures.get(c) is not None and sheet.figures[c].state is not FigureState.EMPTY
                   for c in rule.codes):
                continue
            f = _evaluate(para, rule, text, sheet, settled)
            if f is not None:
                out.append(f)
    return out


def _settled(text: dict[str, Mention], index: dict[str, tuple[Rule, ...]]) -> frozenset[str]:
    """Parts the text shows to be 0: 审结110件，其中维持72件……终止8件 adds up exactly, so the results it does not
    name (变更, 确认无效 …) are none, and a 纠错率 computed from it is not short of a part."""
    zero: set[str] = set()
    for code in text:
        for rule in index[code]:
            if rule.relation != "sum_eq" or len(rule.left) != 1 or rule.left[0] != code:
                continue
            parts = [c for c in rule.right if c in text]
            if parts and all(c in text or c in rule.optional for c in rule.right) \
                    and sum((text[c].value for c in parts), Decimal(0)) == text[code].value:
                zero.update(c for c in rule.right if c not in text)
    return frozenset(zero)


def _evaluate(para: Para, rule: Rule, text: dict[str, Mention], sheet: Sheet,
              settled: frozenset[str] = frozenset()) -> Finding | None:
    if rule.relation == "range":
        return _range(para, rule, text, sheet)
    if rule.relation == "rate":
        return _rate(para, rule, text, sheet, settled)
    return _sums(para, rule, text, sheet, settled)


def _names(sheet: Sheet, codes: list[str]) -> str:
    return "、".join(sheet.short(c) for c in codes)


def _finding(para: Para, rule: Rule, anchor: Mention, severity: Severity, message: str,
             values: dict[str, object], fixes: list[TextFix] | None = None) -> Finding:
    loc = para.loc(anchor.start, anchor.end)
    return Finding(RULE, Category.TEXT, severity, message, loc, para.excerpt(anchor.start, anchor.end),
                   {"rule": rule.id, **values}, make_key(RULE, loc, f"{rule.id}:{anchor.text}"), list(fixes or []))


def _severity(rule: Rule) -> Severity:
    """Numbers tied from prose may be tied wrongly: never more than a warning."""
    return Severity.INFO if rule.severity is Severity.INFO else Severity.WARNING


def _sums(para: Para, rule: Rule, text: dict[str, Mention], sheet: Sheet,
          settled: frozenset[str]) -> Finding | None:
    left, right = _Side(rule, rule.left, text, settled), _Side(rule, rule.right, text, settled)
    if not (left.complete and right.complete):
        return None
    equality = rule.relation in ("sum_eq", "eq") or (bool(rule.exhaustive_if) and rule.exhaustive_if in text)
    diff = left.total - right.total
    if abs(diff) <= rule.tolerance or (not equality and diff <= rule.tolerance):
        return None
    # the side that falls short may lack a part the text did not name (上年结转, a result not listed)
    short = left if diff < 0 else right
    severity = Severity.INFO if short.open else _severity(rule)
    lunit, runit = (text[side.present[0]].unit or sheet.unit(side.present[0]) for side in (left, right))
    lname = _named(sheet, left.present)
    rname = _named(sheet, right.present)
    if equality:
        message = (f"文中{lname}{fmt(left.total)}{lunit}，{rname}{fmt(right.total)}{runit}，两者应相等，"
                   f"相差{fmt(abs(diff))}{runit}。")
    else:
        message = f"文中{lname}{fmt(left.total)}{lunit}，多于{rname}{fmt(right.total)}{runit}。"
    if short.open:
        message += "如还有文中没有写出的项目，请一并写明；否则请核对。"
    anchor_codes = rule.left if len(rule.left) == 1 else rule.right if len(rule.right) == 1 else left.present
    anchor = text.get(anchor_codes[0]) or text[left.present[0]]
    return _finding(para, rule, anchor, severity, message,
                    {"left": left.total, "right": right.total, "diff": abs(diff)})


def _named(sheet: Sheet, codes: list[str]) -> str:
    """受理 / 维持、撤销、驳回合计 (a sum of several is said to be one)."""
    return sheet.short(codes[0]) if len(codes) == 1 else f"{_names(sheet, codes)}合计"


def _rate(para: Para, rule: Rule, text: dict[str, Mention], sheet: Sheet,
          settled: frozenset[str]) -> Finding | None:
    rate = text.get(rule.code)
    if rate is None or rate.value == HUNDRED:  # a written 100% with differing counts is prose.rate100's
        return None
    num, den = _Side(rule, rule.left, text, settled), _Side(rule, rule.right, text, settled)
    if not (num.complete and den.complete) or den.total == 0:
        return None
    expected = num.total / den.total * HUNDRED
    if rate_admits(rate.value, expected) or (rule.tolerance and abs(rate.value - expected) <= rule.tolerance):
        return None
    exponent = rate.value.as_tuple().exponent
    step = Decimal(1).scaleb(min(exponent, 0) if isinstance(exponent, int) else 0)  # as many decimals as written
    right = expected.quantize(step, ROUND_HALF_UP)
    unit = text[den.present[0]].unit or sheet.unit(rule.right[0])  # the measure word as written (起, 人次)
    name = sheet.short(rule.code)
    exact = fmt(expected.quantize(Decimal("0.01")))
    message = (f"文中{name}写的是{rate.text}，但按文中{_named(sheet, num.present)}{fmt(num.total)}{unit}÷"
               f"{_named(sheet, den.present)}{fmt(den.total)}{unit}计算应为{exact}%。")
    severity = _severity(rule)
    fixes: list[TextFix] = []
    # a part left unsaid would raise the numerator (or the denominator): it may explain a rate written higher
    # (or lower) than the text's numbers give, never the other way
    if (num.open and rate.value > expected) or (den.open and rate.value < expected):
        severity = Severity.INFO
        message += "如还有文中没有写出的项目，请一并写明；否则请核对。"
    elif rate.unit_written:
        old = para.text[rate.num_start:rate.num_end]
        fixes.append(TextFix(f"改为“{fmt(right)}%”", para.loc(rate.num_start, rate.num_end), old, fmt(right)))
    return _finding(para, rule, rate, severity, message, {"rate": rate.value, "expected": expected}, fixes)


def _range(para: Para, rule: Rule, text: dict[str, Mention], sheet: Sheet) -> Finding | None:
    written = text.get(rule.code)
    if written is None:
        return None
    value = written.value
    high = rule.maximum is not None and value > rule.maximum
    low = rule.minimum is not None and value < rule.minimum
    if not (high or low):
        return None
    unit = sheet.unit(rule.code)
    name = sheet.short(rule.code)
    if high:
        message = f"文中{name}写的是{written.text}，不应超过{fmt(rule.maximum)}{unit}。"
    else:
        message = f"文中{name}写的是{written.text}，少于{fmt(rule.minimum)}{unit}（{rule.title or rule.id}）。"
    return _finding(para, rule, written, _severity(rule), message, {"value": value})
