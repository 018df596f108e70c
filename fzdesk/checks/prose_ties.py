"""Numbers in a paragraph tied to the indicator they count, and its 较去年 statements."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from fzdesk.checks.numbers import Mention, find_numbers
from fzdesk.checks.prose_index import ProseIndex
from fzdesk.checks.text import SENTENCE_END, sentence_bounds
from fzdesk.domain.catalogue import Kind

OPEN_BRACKETS, CLOSE_BRACKETS = "（(", "）)"
CLAUSE_END = SENTENCE_END + "，,："
YOY_RE = re.compile(r"(?:(?:相?较于?|比|与)(?:去年|上年度?|上一年度?|前一年|(?P<y>\d{4})年度?)|同比)"
                    r"(?:同期)?(?:相比)?[，,]?(?:(?P<down>减少|下降|降低|少)|(?P<up>增加|增长|上升|提高|多))了?")

_YOY_HINT = re.compile(r"去年|上年|上一年|前一年|同比|\d{4}年")
_PERIOD_HINT = "季月半日天周"  # every period word (prose.json "periods.part") holds one of these


@dataclass(frozen=True)
class Tie:
    """A number in the prose and the indicator it counts."""

    code: str
    mention: Mention


def _depth(text: str, pos: int) -> int:
    """How many brackets are open at a position."""
    opens = sum(text.count(ch, 0, pos) for ch in OPEN_BRACKETS)
    closes = sum(text.count(ch, 0, pos) for ch in CLOSE_BRACKETS)
    return max(0, opens - closes)


def unit_fits(index: ProseIndex, code: str, mention: Mention) -> bool:
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
            codes = [c for c in codes if unit_fits(self.index, c, mention)]
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
