"""较去年 statements held to last year's figures: the change written against the change there was."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from fzdesk.checks.figures import Sheet
from fzdesk.checks.findings import Category, FigureFix, Finding, Severity, TextFix, make_key
from fzdesk.checks.numbers import Mention, fmt
from fzdesk.checks.prose_ties import ParagraphScan, Tie
from fzdesk.checks.text import Para
from fzdesk.checks.yoy_subject import yoy_subject


class _Change(NamedTuple):
    """A 较去年 statement worked out for one figure."""

    code: str
    this: Decimal
    implied: Decimal  # last year's value the statement implies
    last: Decimal | None  # last year's value known
    agrees: bool | None  # None: nothing to compare with
    actual: Decimal | None = None
    pct: Decimal | None = None  # the actual relative change, for a % statement


def _work_out(code: str, this: Decimal, mention: Mention, up: bool, sheet: Sheet) -> _Change | None:
    delta = mention.value
    if mention.percent:
        factor = 1 + (delta if up else -delta) / 100
        if factor <= 0:
            return None
        implied = (this / factor).quantize(Decimal("0.01"))
    else:
        implied = this - delta if up else this + delta
    last = sheet.last(code)
    if last is None:
        return _Change(code, this, implied, None, None)
    actual = this - last
    if mention.percent:
        if last == 0:
            return None
        pct = (actual / last * 100).copy_abs()
        tolerance = Decimal(1).scaleb(-_decimals(delta))
        agrees = abs(pct - delta) < tolerance and (actual > 0) == up
        return _Change(code, this, implied, last, agrees, actual, pct)
    agrees = (actual == delta and up) or (-actual == delta and not up)
    return _Change(code, this, implied, last, agrees, actual)


def yoy_finding(para: Para, m: re.Match[str], mention: Mention, ties: list[Tie], scan: ParagraphScan, sheet: Sheet,
         year: int, since: int = 0) -> Finding | None:
    if mention.approx is not None:
        return None
    if m.group("y") and int(m.group("y")) != year - 1:
        return None
    if para.text.endswith(("分别", "均", "都", "同样"), 0, m.start()):
        return None  # 分别较去年减少339件、20件, 均较去年增长10%: several figures at once, not checked
    subject = yoy_subject(para, m, mention, ties, scan, since)
    if subject is None:
        return None
    up = bool(m.group("up"))
    if len(subject.codes) > 1:
        return _yoy_unclear(para, m, mention, ties, subject.codes, up, sheet)
    code = subject.codes[0]
    figure = sheet.figures.get(code)
    this: Decimal | None = figure.exact if figure is not None else None
    if this is None and subject.tie is not None and subject.tie.mention.approx is None:
        this = subject.tie.mention.value
    if this is None:
        return None
    change = _work_out(code, this, mention, up, sheet)
    if change is None or change.agrees:
        return None
    delta = mention.value
    unit = sheet.unit(code)
    name = sheet.name(code)
    statement = para.text[m.start():mention.end]
    loc = para.loc(m.start(), mention.end)
    points = mention.unit == "个百分点"
    implied, last = change.implied, change.last
    values: dict[str, object] = {"code": code, "this": this, "change": delta, "implied_last": implied}
    key = make_key("prose.yoy", loc, statement)
    if last is None:
        if implied < 0:
            return Finding("prose.yoy", Category.TEXT, Severity.WARNING,
                           f"按“{statement}”推算，去年{name}为{fmt(implied)}{unit}，是负数：请核对。", loc,
                           para.excerpt(m.start(), mention.end), values, key)
        shown = (f"{fmt(implied)}{'%' if points else unit}" if not mention.percent
                 else f"约{fmt(_as_counted(implied, unit))}{unit}")
        return Finding("prose.yoy", Category.TEXT, Severity.INFO,
                       f"按今年{fmt(this)}{unit}和“{statement}”推算，去年{name}为{shown}（没有去年的数字可核对）。",
                       loc, para.excerpt(m.start(), mention.end), values, key)
    values["last"] = last
    actual = change.actual
    assert actual is not None
    if change.pct is not None:
        right = f"{'增长' if actual > 0 else '下降'}{fmt(change.pct.quantize(Decimal('0.1')))}%"
    else:
        words = ("提高", "下降", "个百分点") if points else ("增加", "减少", unit)  # a rate moves in points, not %
        right = f"{words[0] if actual > 0 else words[1]}{fmt(abs(actual))}{words[2]}"
    message = f"文中说{name}“{statement}”，但去年为{fmt(last)}{unit}、今年为{fmt(this)}{unit}，实际是{right}。"
    verb = m.group("up") or m.group("down")
    fix_text = para.text[m.start():m.end()].replace(verb, words[0] if actual > 0 else words[1]) \
        if not mention.percent else None
    fixes: list[TextFix | FigureFix] = []
    if actual == 0:  # not 实际是减少0件: the figure did not move
        message = f"文中说{name}“{statement}”，但去年为{fmt(last)}{unit}、今年为{fmt(this)}{unit}，实际与去年持平。"
        fixes.append(TextFix("改为“与去年持平”", loc, statement, "与去年持平"))
    elif fix_text is not None:
        fixes.append(TextFix(f"改为“{right}”", loc, statement, f"{fix_text}{fmt(abs(actual))}{mention.unit}"))
    values["actual_change"] = actual
    return Finding("prose.yoy", Category.TEXT, Severity.WARNING, message, loc, para.excerpt(m.start(), mention.end),
                   values, key, fixes)


def _yoy_unclear(para: Para, m: re.Match[str], mention: Mention, ties: list[Tie], codes: tuple[str, ...],
                 up: bool, sheet: Sheet) -> Finding | None:
    """受理88件，审结63件，较去年减少339件: a reader cannot tell which figure changed. Silent when one reading agrees
    with last year's figures; else a 提示 that names the readings, never a mismatch against a guessed one."""
    changes: list[_Change] = []
    for code in codes:
        figure = sheet.figures.get(code)
        this = figure.exact if figure is not None else None
        if this is None:
            tie = next((t for t in reversed(ties) if t.code == code and t.mention.start < m.start()), None)
            this = tie.mention.value if tie is not None and tie.mention.approx is None else None
        change = _work_out(code, this, mention, up, sheet) if this is not None else None
        if change is not None and change.agrees:
            return None
        if change is not None:
            changes.append(change)
    statement = para.text[m.start():mention.end]
    names = "、".join(f"{sheet.short(c)}" for c in codes)
    readings = []
    if len(changes) > 3:  # a long sentence: only the readings last year's figures can be set against, if few
        changes = [c for c in changes if c.last is not None]
        changes = changes if len(changes) <= 3 else []
    for change in changes:
        unit = sheet.unit(change.code)
        about = "约" if mention.percent else ""
        implied = fmt(_as_counted(change.implied, unit) if mention.percent else change.implied)
        if change.last is None:
            readings.append(f"若指{sheet.short(change.code)}，去年应为{about}{implied}{unit}")
        else:
            readings.append(f"若指{sheet.short(change.code)}，去年应为{about}{implied}{unit}"
                            f"（去年实为{fmt(change.last)}{unit}）")
    marker = para.text[m.start():m.start("up" if up else "down")].rstrip("，,")
    message = (f"“{statement}”前面有{names}{len(codes)}个数字，看不出说的是哪一个，无法核对"
               + (f"：{'；'.join(readings)}" if readings else "")
               + f"。请在“{marker}”前写明说的是哪一项，如“{_figure_noun(sheet, codes[0])}{statement}”。")
    loc = para.loc(m.start(), mention.end)
    values: dict[str, object] = {"codes": list(codes), "change": mention.value}
    return Finding("prose.yoy_unclear", Category.TEXT, Severity.INFO, message, loc,
                   para.excerpt(m.start(), mention.end), values, make_key("prose.yoy_unclear", loc, statement))


def _as_counted(value: Decimal, unit: str) -> Decimal:
    """A value implied by a % change, as it is counted: 1185.25件 -> 1185件; 万元 and % keep two decimals."""
    return value if unit in ("万元", "%") else value.quantize(Decimal(1))


def _figure_noun(sheet: Sheet, code: str) -> str:
    """受理 -> 受理数 (as it goes before 较去年), 办结率 and 受理总数 as they are."""
    short = sheet.short(code)
    return short if short.endswith(("数", "率", "额", "量")) else f"{short}数"


def _decimals(value: Decimal) -> int:
    exp = value.normalize().as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0
