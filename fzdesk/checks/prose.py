"""Prose against figures: numbers near an indicator's words compared with the sheet; 较去年 statements."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from fzdesk.checks.figures import Sheet
from fzdesk.checks.findings import Category, FigureFix, Finding, Severity, TextFix, make_key
from fzdesk.checks.numbers import Mention, approx_contains, find_numbers, fmt, fmt_written, rounds_to
from fzdesk.checks.prose_sums import arithmetic_findings
from fzdesk.checks.rules import Rule
from fzdesk.checks.text import SENTENCE_END, Para, sentence_bounds
from fzdesk.checks.wording import trie_regex
from fzdesk.domain.catalogue import Catalogue, Kind
from fzdesk.domain.model import Approx, FigureState
from fzdesk.paths import resource

_OPEN, _CLOSE = "（(", "）)"
CLAUSE_END = SENTENCE_END + "，,："
YOY_RE = re.compile(r"(?:(?:相?较于?|比|与)(?:去年|上年度?|上一年度?|前一年|(?P<y>\d{4})年度?)|同比)"
                    r"(?:同期)?(?:相比)?[，,]?(?:(?P<down>减少|下降|降低|少)|(?P<up>增加|增长|上升|提高|多))了?")

_YOY_HINT = re.compile(r"去年|上年|上一年|前一年|同比|\d{4}年")
_PERIOD_HINT = "季月半日天周"  # every period word (prose.json "periods.part") holds one of these


@dataclass
class ProseIndex:
    """The catalogue's naming words, compiled into one regex, with the family context words."""

    catalogue: Catalogue
    words: dict[str, list[str]] = field(default_factory=dict)  # word -> codes
    contexts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    units: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sentences: dict[str, Any] = field(default_factory=dict)
    window: int = 14
    short_word: int = 3
    pattern: re.Pattern[str] | None = None
    context_pattern: re.Pattern[str] | None = None
    context_family: dict[str, list[str]] = field(default_factory=dict)
    context_words: frozenset[str] = frozenset()  # longer words that still need a family context word
    period_pattern: re.Pattern[str] | None = None  # groups "whole" (全年, 2023年) and "part" (第3季度, 5月)
    part_markers: tuple[str, ...] = ()  # 其中: what follows is a part of a total
    change_pattern: re.Pattern[str] | None = None  # 增加(了) right before a number: a change, not the figure
    parts: frozenset[str] = frozenset()  # indicators that are themselves parts (results, 其中 items)
    rates: frozenset[str] = frozenset()  # indicators in %
    sides: tuple[tuple[tuple[str, ...], dict[str, str]], ...] = ()  # (markers, code -> code on that side)


def build_index(catalogue: Catalogue, config: dict[str, Any] | None = None) -> ProseIndex:
    if config is None:
        config = json.loads(resource("rules", "prose.json").read_text(encoding="utf-8"))
    index = ProseIndex(catalogue, window=int(config.get("window", 14)), short_word=int(config.get("short_word", 3)))
    for ind in catalogue.indicators:
        for word in ind.words:
            index.words.setdefault(word, []).append(ind.code)
    index.contexts = {k: tuple(v) for k, v in config.get("contexts", {}).items()}
    index.units = {k: tuple(v) for k, v in config.get("units", {}).items()}
    index.sentences = config.get("sentences", {})
    index.context_words = frozenset(config.get("context_words", ()))
    periods = config.get("periods")
    if periods:
        index.period_pattern = re.compile(f"(?P<whole>{periods['whole']})|(?P<part>{periods['part']})")
    index.part_markers = tuple(config.get("part_markers", ()))
    index.parts = frozenset(config.get("parts", ()))
    index.rates = frozenset(i.code for i in catalogue.indicators if i.kind is Kind.RATE)
    change_words = config.get("change_words", ())
    if change_words:
        index.change_pattern = re.compile(f"(?:{'|'.join(map(re.escape, change_words))})了?\\Z")
    index.sides = tuple((tuple(side["markers"]), dict(side["codes"])) for side in config.get("sides", ()))
    if index.words:
        index.pattern = re.compile(trie_regex(list(index.words)))
    for family, words in index.contexts.items():
        for word in words:
            index.context_family.setdefault(word, []).append(family)
    if index.context_family:
        index.context_pattern = re.compile(trie_regex(list(index.context_family)))
    return index


@dataclass(frozen=True)
class Tie:
    code: str
    mention: Mention


def _depth(text: str, pos: int) -> int:
    """How many brackets are open at a position."""
    opens = sum(text.count(ch, 0, pos) for ch in _OPEN)
    closes = sum(text.count(ch, 0, pos) for ch in _CLOSE)
    return max(0, opens - closes)


def _level(text: str, a: int, b: int) -> bool:
    """Are a and b inside the same number of brackets (as many opened as closed between them)?"""
    return (text.count("（", a, b) + text.count("(", a, b)) == (text.count("）", a, b) + text.count(")", a, b))


def _unit_fits(index: ProseIndex, code: str, mention: Mention) -> bool:
    ind = index.catalogue.get(code)
    if ind is None:
        return False
    if ind.kind is Kind.RATE:
        return mention.percent
    if mention.percent:
        return False
    if ind.unit == "万元" and mention.unit == "元":
        return True
    return mention.unit in index.units.get(ind.unit, (ind.unit,))


class ParagraphScan:
    """Word matches and family contexts of one paragraph, found once."""

    def __init__(self, index: ProseIndex, text: str) -> None:
        self.index, self.text = index, text
        self.words = [(m.start(), m.end(), m.group()) for m in index.pattern.finditer(text)] if index.pattern else []
        self._contexts: list[tuple[int, list[str]]] | None = None
        self._ends: list[int] | None = None  # the words' ends, for bisect
        self._sentences: dict[tuple[int, int], set[str]] = {}

    def families_in(self, start: int, end: int) -> set[str]:
        """Families whose context words occur in [start, end) (found on first use, cached per sentence)."""
        cached = self._sentences.get((start, end))
        if cached is not None:
            return cached
        if self._contexts is None:
            pattern = self.index.context_pattern
            self._contexts = ([(m.start(), self.index.context_family[m.group()]) for m in pattern.finditer(self.text)]
                              if pattern else [])
        found = {f for pos, fams in self._contexts if start <= pos < end for f in fams}
        self._sentences[(start, end)] = found
        return found

    def resolve(self, word: str, pos: int, mention: Mention | None,
                fits: Callable[[str], bool] | None = None) -> str | None:
        """The one code a word names here, or None when it is ambiguous (no guessing). fits: which codes may be
        meant (default: those whose measure word the mention's fits)."""
        codes = self.index.words.get(word, [])
        if fits is not None:
            codes = [c for c in codes if fits(c)]
        elif mention is not None:
            codes = [c for c in codes if _unit_fits(self.index, c, mention)]
        if not codes:
            return None
        families = {c.split(".")[0] for c in codes}
        needs_context = len(families) > 1 or len(word) <= self.index.short_word or word in self.index.context_words
        if needs_context:
            s, e = sentence_bounds(self.text, pos)
            present = self.families_in(s, e)
            if not present and s > 0 and self.text[s - 1] in "；;":
                # “……审结110件；尚未审结8件。”: a clause after a semicolon goes on with the sentence before it
                present = self.families_in(sentence_bounds(self.text, s - 1)[0], e)
            codes = [c for c in codes if c.split(".")[0] in present]
        if len(codes) != 1:
            return None
        return self._side(codes[0], pos)

    def _side(self, code: str, pos: int) -> str:
        """作为被申请人…维持3件: after a side's marker in the sentence, a result word names that side's figure."""
        for markers, mapping in self.index.sides:
            if code in mapping:
                s, _ = sentence_bounds(self.text, pos)
                if any(self.text.find(marker, s, pos) >= 0 for marker in markers):
                    return mapping[code]
        return code

    def in_scope(self, pos: int, code: str) -> bool:
        """A number stands for the year's figure: not after a period word (第3季度, 5月, 上半年) unless a whole-year
        word (全年, 2023年, 累计) comes later, and after 其中 only when the indicator is itself a part."""
        s, _ = sentence_bounds(self.text, pos)
        pattern = self.index.period_pattern
        if pattern is not None and any(self.text.find(ch, s, pos) >= 0 for ch in _PERIOD_HINT):
            last = None
            for last in pattern.finditer(self.text, s, pos):  # noqa: B007 - the last match decides
                pass
            if last is not None and last.group("part"):
                return False
        if code in self.index.parts or code in self.index.rates:
            return True  # a rate is never a part of a count: 其中维持72件……，纠错率13.6%
        for marker in self.index.part_markers:
            at = self.text.rfind(marker, s, pos)
            if at >= 0 and _depth(self.text, at) <= _depth(self.text, pos):
                return False  # 其中 still open here (not closed off by a bracket it was written in)
        return True

    def words_before(self, pos: int, limit: int) -> list[tuple[int, int, str]]:
        """The words in the same clause ending at most `limit` characters before pos, nearest first."""
        out = []
        if self._ends is None:
            self._ends = [end for _, end, _ in self.words]
        for k in range(bisect_right(self._ends, pos) - 1, -1, -1):
            start, end, word = self.words[k]
            if pos - end > limit:
                break
            if not any(ch in CLAUSE_END for ch in self.text[end:pos]):
                out.append((start, end, word))
        return out

    def word_before(self, pos: int, limit: int) -> tuple[int, int, str] | None:
        words = self.words_before(pos, limit)
        return words[0] if words else None


def tie_numbers(index: ProseIndex, text: str) -> tuple[list[Tie], list[tuple[re.Match[str], Mention]], ParagraphScan]:
    """Numbers tied to an indicator, and 较去年 statements with their number."""
    scan = ParagraphScan(index, text)
    if not scan.words:
        return [], [], scan
    mentions = find_numbers(text)
    yoy: list[tuple[re.Match[str], Mention]] = []
    yoy_starts: set[int] = set()
    for m in YOY_RE.finditer(text) if _YOY_HINT.search(text) else ():
        mention = next((x for x in mentions if m.end() <= x.start <= m.end() + 1), None)
        if mention is not None:
            yoy.append((m, mention))
            yoy_starts.add(mention.start)
    ties: list[Tie] = []
    for k, mention in enumerate(mentions):
        if mention.start in yoy_starts or mention.contradictory or mention.text.startswith("一"):
            continue
        if index.change_pattern and index.change_pattern.search(text, max(0, mention.start - 3), mention.start):
            continue  # 与去年相比，受理诉求增加20件: the change, not the year's figure
        before = mentions[k - 1] if k else None  # mentions are in order: a number between word and this is this one
        for hit in scan.words_before(mention.start, index.window)[:2]:
            if before is not None and before.start >= hit[1]:
                break
            if re.search(r"\d", text[hit[1]:mention.start]):
                break
            code = scan.resolve(hit[2], hit[0], mention)
            if code is not None:
                if scan.in_scope(mention.start, code):
                    ties.append(Tie(code, mention))
                break
    return ties, yoy, scan


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
        f = _yoy(para, m, mention, ties, scan, sheet, year, since)
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


def _change_fits(index: ProseIndex, code: str, mention: Mention) -> bool:
    """Can a change written like this be a change of that figure? 个百分点 only of a rate, a % of anything (a
    relative change), a count in the figure's own measure words."""
    ind = index.catalogue.get(code)
    if ind is None:
        return False
    if mention.unit == "个百分点":
        return ind.kind is Kind.RATE
    return mention.percent or _unit_fits(index, code, mention)


def _clause_start(text: str, sentence_start: int, pos: int) -> int:
    """Where the clause holding pos begins: after the last ，：；。 before it outside brackets closed before pos
    (受理88件（结案63件，维持38件）较去年…: the comma inside the bracket does not end the clause)."""
    nested = 0
    for i in range(pos - 1, sentence_start - 1, -1):
        ch = text[i]
        if ch in _CLOSE:
            nested += 1
        elif ch in _OPEN:
            nested = max(0, nested - 1)
        elif nested == 0 and ch in CLAUSE_END:
            return i + 1
    return sentence_start


class _Subject(NamedTuple):
    """What a 较去年 statement is about: one code (with its number in the sentence, if any), or several that a
    reader cannot tell apart (受理88件，审结63件，较去年减少339件)."""

    codes: tuple[str, ...]
    tie: Tie | None = None


def _yoy_subject(para: Para, m: re.Match[str], mention: Mention, ties: list[Tie],
                 scan: ParagraphScan, since: int = 0) -> _Subject | None:
    """The figure a 较去年 statement speaks of, as a reader finds it: the nearest figure word before it in its own
    clause (审结案件较去年减少10件, 受理88件较去年…); when its clause names none, the figure of the sentence before
    it, if only one of them can change that way (个百分点: a rate); else several, and nobody can tell."""
    text, index = para.text, scan.index
    start = m.start()
    s, _ = sentence_bounds(text, start)
    s = max(s, since)  # 受理88件，同比下降20%，审结63件，同比增长5%: the second is about 审结 alone
    in_sentence = [t for t in ties if s <= t.mention.start < start and _level(text, t.mention.start, start)]
    clause = _clause_start(text, s, start)
    for w_start, w_end, word in reversed(scan.words):
        if w_end > start:
            continue
        if w_start < clause:
            break
        if not _level(text, w_start, start):
            continue
        code = scan.resolve(word, w_start, None, lambda c: _change_fits(index, c, mention))
        if code is None:
            continue
        if not scan.in_scope(start, code):
            return None  # 第3季度受理5件，同比减少2件: not the year's figure
        tie = next((t for t in reversed(in_sentence) if t.code == code), None)
        return _Subject((code,), tie)
    fitting = [t for t in in_sentence if _change_fits(index, t.code, mention)]
    codes = tuple(dict.fromkeys(t.code for t in fitting))
    if not codes:
        return None
    if len(codes) == 1:
        return _Subject(codes, fitting[-1])
    return _Subject(codes)


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


def _yoy(para: Para, m: re.Match[str], mention: Mention, ties: list[Tie], scan: ParagraphScan, sheet: Sheet,
         year: int, since: int = 0) -> Finding | None:
    if mention.approx is not None:
        return None
    if m.group("y") and int(m.group("y")) != year - 1:
        return None
    if para.text.endswith(("分别", "均", "都", "同样"), 0, m.start()):
        return None  # 分别较去年减少339件、20件, 均较去年增长10%: several figures at once, not checked
    subject = _yoy_subject(para, m, mention, ties, scan, since)
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
