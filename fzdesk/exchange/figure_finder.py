"""Figures of the indicator catalogue found in the prose, each with its sentence, for the user to accept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from fzdesk import resources
from fzdesk.domain.catalogue import Catalogue, Indicator, Kind
from fzdesk.domain.figure_text import chinese_value
from fzdesk.domain.model import Approx, FigureState, FigureValue

#: Words that place a sentence in a family; a short or shared indicator word counts only in such a sentence.
FAMILY_CONTEXT: dict[str, tuple[str, ...]] = {
    "A": ("复议", "被申请人"), "B": ("诉讼", "应诉", "出庭"), "C": ("规范性文件",), "D": ("决策",),
    "E": ("法律顾问", "合同"), "F": ("公开",), "G": ("12345", "热线", "诉求", "工单", "问政"),
    "H": ("普法", "法治宣传", "宣传", "考试", "法律知识", "法治培训", "普法培训"), "I": ("执法", "处罚", "许可"),
    "J": ("信访", "纠纷", "调解"), "K": ("学法", "法治工作", "法治政府建设"),
    "L": ("政务服务", "网上", "线上"),
}
_MEASURE = "件宗起份条次场期人名块页家个项卷"
_CN = "零〇一二两三四五六七八九十百千万"
NUMBER = re.compile(
    rf"(?P<near>近|将近|接近)?(?P<num>\d+(?:\.\d+)?|[{_CN}]+)(?P<over>余|多)?(?P<wan>万)?(?P<over2>余|多)?"
    rf"(?P<unit>%|％|万元|元|人次|场次|[{_MEASURE}])?")
#: Between an indicator's word and its number: a few characters (共, 达, 为, 了, 相关文件…), or "、…均为".
_FILLER = re.compile(r"(?:[^，。；：（）()\d]{0,10}?均(?:为|达到?|是)?|[^，。；、：（）()\d]{0,6}?)"
                     r"(?=[\d近将接零〇一二两三四五六七八九十百千万])")
_SENTENCES = re.compile(r"[^。！？；]+[。！？；]?")
_OPEN, _CLOSE = "（(", "）)"


@dataclass(frozen=True)
class _Scope:
    """What prose.json says about where a number is the year's figure (the checks read the same file)."""

    period: re.Pattern[str]  # groups "whole" (全年, 2023年) and "part" (第3季度, 5月, 上半年)
    markers: tuple[str, ...]  # 其中
    parts: frozenset[str]  # indicators that may follow 其中
    sides: tuple[tuple[tuple[str, ...], dict[str, str]], ...]  # 被申请人: result words name the respondent's figures
    context_words: frozenset[str]  # longer words that still need a family context word
    units: dict[str, tuple[str, ...]]  # an indicator's unit -> the measure words that may follow its number


@cache
def _scope() -> _Scope:
    config = resources.load_json("rules", "prose.json")
    periods = config["periods"]
    return _Scope(re.compile(f"(?P<whole>{periods['whole']})|(?P<part>{periods['part']})"),
                  tuple(config.get("part_markers", ())), frozenset(config.get("parts", ())),
                  tuple((tuple(s["markers"]), dict(s["codes"])) for s in config.get("sides", ())),
                  frozenset(config.get("context_words", ())),
                  {unit: tuple(words) for unit, words in config.get("units", {}).items()})


def _depth(text: str, pos: int) -> int:
    return max(0, sum(text.count(ch, 0, pos) for ch in _OPEN) - sum(text.count(ch, 0, pos) for ch in _CLOSE))


def _in_scope(sentence: str, num_at: int, code: str, scope: _Scope) -> bool:
    """Not a quarter's or a month's number (第3季度受理5件), and after 其中 only a part (其中维持38件; not
    其中联合检查6次 as the inspections)."""
    last = None
    for last in scope.period.finditer(sentence, 0, num_at):  # noqa: B007 - the last match decides
        pass
    if last is not None and last.group("part"):
        return False
    if code in scope.parts:
        return True
    for marker in scope.markers:
        at = sentence.rfind(marker, 0, num_at)
        if at >= 0 and _depth(sentence, at) <= _depth(sentence, num_at):
            return False
    return True


def _side(sentence: str, at: int, code: str, scope: _Scope) -> str:
    for markers, mapping in scope.sides:
        if code in mapping and any(sentence.find(marker, 0, at) >= 0 for marker in markers):
            return mapping[code]
    return code


@dataclass
class FigureCandidate:
    """A figure the prose seems to state: the user accepts or rejects it."""

    code: str
    name: str
    unit: str
    state: FigureState
    value: Decimal
    approx: Approx | None
    sentence: str
    word: str
    note: str = ""

    def figure(self, existing: FigureValue | None = None) -> FigureValue:
        """This year's value applied onto a figure (keeping last year's columns of an existing one)."""
        f = FigureValue(self.code) if existing is None else FigureValue(**vars(existing))
        f.state, f.value, f.approx = self.state, self.value, self.approx
        return f


def _unit_fits(indicator: Indicator, unit: str | None) -> bool:
    if indicator.kind is Kind.RATE:
        return unit in ("%", "％")
    if indicator.kind is Kind.AMOUNT:
        return unit in ("万元", "元")
    if unit is None or unit in ("%", "％", "万元", "元"):
        return False
    return unit in _scope().units.get(indicator.unit, (indicator.unit,))  # 组织执法人员培训2期 is no head count


_words_of: list[tuple[Catalogue, list[tuple[str, Indicator, bool]]]] = []  # the last catalogue's words


def _words(catalogue: Catalogue) -> list[tuple[str, Indicator, bool]]:
    """(word, indicator, needs family context), longest words first; kept for the catalogue last asked about."""
    if _words_of and _words_of[0][0] is catalogue:
        return _words_of[0][1]
    words = _catalogue_words(catalogue)
    _words_of[:] = [(catalogue, words)]
    return words


def _catalogue_words(catalogue: Catalogue) -> list[tuple[str, Indicator, bool]]:
    owners: dict[str, set[str]] = {}
    for ind in catalogue.indicators:
        for w in ind.words:
            owners.setdefault(w, set()).add(ind.code)
    needy = _scope().context_words
    out = [(w, ind, len(w) < 4 or len(owners[w]) > 1 or w in needy) for ind in catalogue.indicators for w in ind.words]
    return sorted(out, key=lambda t: -len(t[0]))


def find_figures(paragraphs: list[str], catalogue: Catalogue) -> list[FigureCandidate]:
    """Every catalogue figure the prose states, in text order; a code may come more than once."""
    text = "\n".join(paragraphs)
    words = [w for w in _words(catalogue) if w[0] in text]  # a few dozen of the catalogue's words, not hundreds
    found: list[tuple[int, FigureCandidate]] = []
    offset = 0
    for paragraph in paragraphs:
        here = [w for w in words if w[0] in paragraph]
        if not here:
            offset += len(paragraph) + 1
            continue
        for m in _SENTENCES.finditer(paragraph):
            sentence = m.group().strip()
            for at, cand in _in_sentence(sentence, here, catalogue):
                found.append((offset + m.start() + at, cand))
        offset += len(paragraph) + 1
    found.sort(key=lambda t: t[0])
    return [c for _, c in found]


def _in_sentence(sentence: str, words: list[tuple[str, Indicator, bool]],
                 catalogue: Catalogue) -> list[tuple[int, FigureCandidate]]:
    scope = _scope()
    used: list[tuple[int, int]] = []  # spans of numbers already taken
    codes: set[str] = set()
    out: list[tuple[int, FigureCandidate]] = []
    context: dict[str, bool] = {}
    for word, ind, needs_context in words:
        if word not in sentence or ind.code in codes:
            continue
        if needs_context:
            if ind.family not in context:
                context[ind.family] = any(c in sentence for c in FAMILY_CONTEXT.get(ind.family, ()))
            if not context[ind.family]:
                continue
        start = 0
        while (at := sentence.find(word, start)) >= 0:
            start = at + 1
            tail = sentence[at + len(word):]
            filler = _FILLER.match(tail)
            if filler is None:
                continue
            num_at = at + len(word) + filler.end()
            n = NUMBER.match(sentence, num_at)
            shared = "均" in filler.group()  # "参与率、合格率均为100%": one number for several words
            if n is None or not n.group("num") or (not shared and any(a <= num_at < b for a, b in used)):
                continue
            side = catalogue.get(_side(sentence, at, ind.code, scope)) or ind
            if side.code in codes or not _in_scope(sentence, num_at, side.code, scope):
                continue
            cand = _candidate(side, word, sentence, n)
            if cand is None:
                continue
            if not shared:
                used.append((n.start(), n.end()))
            codes.add(side.code)
            out.append((at, cand))
            break
    return out


def _candidate(ind: Indicator, word: str, sentence: str, n: re.Match[str]) -> FigureCandidate | None:
    unit = n.group("unit")
    if n.group("wan") and unit in (None, "元"):
        unit = "万元" if unit == "元" else unit
    if not _unit_fits(ind, unit):
        return None
    value = chinese_value(n.group("num"))
    if value is None:
        return None
    if n.group("wan") and not (ind.kind is Kind.AMOUNT and unit == "万元"):
        value *= 10000
    if unit == "元" and ind.kind is Kind.AMOUNT and ind.unit == "万元":
        value /= 10000
    near = bool(n.group("near"))
    over = bool(n.group("over") or n.group("over2"))
    note = "“近”与“余”同时使用，意思自相矛盾，请核对。" if near and over else ""
    approx = Approx.NEAR if near else Approx.OVER if over else None
    state = FigureState.APPROX if approx else FigureState.NUMBER
    if ind.kind is Kind.COUNT and value != value.to_integral_value():
        return None
    value = Decimal(int(value)) if value == value.to_integral_value() else value.normalize()
    return FigureCandidate(ind.code, ind.name, ind.unit, state, value, approx, sentence, word, note)
