"""What a 较去年 statement is about: the figure a reader takes it to speak of, or several nobody can tell apart."""

from __future__ import annotations

import re
from typing import NamedTuple

from fzdesk.checks.numbers import Mention
from fzdesk.checks.prose_index import ProseIndex
from fzdesk.checks.prose_ties import CLAUSE_END, CLOSE_BRACKETS, OPEN_BRACKETS, ParagraphScan, Tie, unit_fits
from fzdesk.checks.text import Para, sentence_bounds
from fzdesk.domain.catalogue import Kind


def _level(text: str, a: int, b: int) -> bool:
    """Are a and b inside the same number of brackets (as many opened as closed between them)?"""
    return (text.count("（", a, b) + text.count("(", a, b)) == (text.count("）", a, b) + text.count(")", a, b))


def _change_fits(index: ProseIndex, code: str, mention: Mention) -> bool:
    """Can a change written like this be a change of that figure? 个百分点 only of a rate, a % of anything (a
    relative change), a count in the figure's own measure words."""
    ind = index.catalogue.get(code)
    if ind is None:
        return False
    if mention.unit == "个百分点":
        return ind.kind is Kind.RATE
    return mention.percent or unit_fits(index, code, mention)


def _clause_start(text: str, sentence_start: int, pos: int) -> int:
    """Where the clause holding pos begins: after the last ，：；。 before it outside brackets closed before pos
    (受理88件（结案63件，维持38件）较去年…: the comma inside the bracket does not end the clause)."""
    nested = 0
    for i in range(pos - 1, sentence_start - 1, -1):
        ch = text[i]
        if ch in CLOSE_BRACKETS:
            nested += 1
        elif ch in OPEN_BRACKETS:
            nested = max(0, nested - 1)
        elif nested == 0 and ch in CLAUSE_END:
            return i + 1
    return sentence_start


class YoySubject(NamedTuple):
    """What a 较去年 statement is about: one code (with its number in the sentence, if any), or several that a
    reader cannot tell apart (受理88件，审结63件，较去年减少339件)."""

    codes: tuple[str, ...]
    tie: Tie | None = None


def yoy_subject(para: Para, m: re.Match[str], mention: Mention, ties: list[Tie],
                 scan: ParagraphScan, since: int = 0) -> YoySubject | None:
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
        return YoySubject((code,), tie)
    fitting = [t for t in in_sentence if _change_fits(index, t.code, mention)]
    codes = tuple(dict.fromkeys(t.code for t in fitting))
    if not codes:
        return None
    if len(codes) == 1:
        return YoySubject(codes, fitting[-1])
    return YoySubject(codes)
