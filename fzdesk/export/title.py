"""Balanced line breaks for a long title: whole words only, preferably after an organ or before 关于."""

from __future__ import annotations

import itertools
import re

#: Characters of 22 pt that fit the 156 mm text block.
TITLE_CHARS = 20
#: Places a title may break, with how much a break there costs (0: the natural places).
_WORD_BREAKS = (("关于", 0), ("法治政府", 6), ("建设情况", 8), ("情况的报告", 9), ("的报告", 12))
_MAX_LINES = 4


#: The space Word and LibreOffice put between Chinese and digits or Latin letters (autospacing), in
#: characters: LibreOffice measured about 0.37 of a 22 pt character at each side of "2024".
AUTOSPACE = 0.4


def width(text: str) -> float:
    """Width in characters: ASCII (digits of the year) counts half, plus the autospacing at each place
    where a digit or Latin letter meets Chinese."""
    plain = sum(0.5 if ord(c) < 0x2000 else 1.0 for c in text)
    return plain + AUTOSPACE * len(re.findall(r"(?<=[^\x00-\x7f])[0-9A-Za-z]|[0-9A-Za-z](?=[^\x00-\x7f])", text))


def _candidates(title: str, organs: list[str]) -> dict[int, int]:
    """Break positions (index before which a line may start) with their cost."""
    out: dict[int, int] = {}

    def add(pos: int, cost: int) -> None:
        if 0 < pos < len(title):
            out[pos] = min(cost, out.get(pos, cost))

    for m in re.finditer(r"\s+", title):
        add(m.start(), 0)
        add(m.end(), 0)
    for organ in organs:
        organ = organ.strip()
        start = title.find(organ) if organ else -1
        if start >= 0:
            add(start, 0)
            add(start + len(organ), 0)
    for word, cost in _WORD_BREAKS:
        for m in re.finditer(re.escape(word), title):
            add(m.start(), cost)
    # Inside a long organ name: after an administrative level (县, 市, 镇 ...), never inside a number.
    for m in re.finditer(r"(?<=[省市县区镇乡街道委会局办])(?=[^\s\d年度关])", title):
        add(m.start(), 20)
    # Never break inside a run of digits or Latin letters.
    for m in re.finditer(r"[0-9A-Za-z]+", title):
        for pos in range(m.start() + 1, m.end()):
            out.pop(pos, None)
    return out


def _lines(title: str, cuts: tuple[int, ...]) -> list[str]:
    bounds = (0, *cuts, len(title))
    return [title[a:b].strip() for a, b in itertools.pairwise(bounds)]


def break_title(title: str, organs: list[str] | None = None, max_chars: float = TITLE_CHARS) -> list[str]:
    """The title's lines: as few as fit, as even as possible, broken only between whole words.

    The shape prefers a trapezoid (a short line above a longer one) to an inverted one.
    """
    title = title.strip()
    if width(title) <= max_chars:
        return [title]
    candidates = _candidates(title, organs or [])
    positions = sorted(candidates)
    best: tuple[float, list[str]] | None = None
    for n_breaks in range(1, _MAX_LINES):
        for cuts in itertools.combinations(positions, n_breaks):
            lines = _lines(title, cuts)
            widths = [width(line) for line in lines]
            if not all(lines) or max(widths) > max_chars:
                continue
            cost = max(widths) - min(widths) + sum(candidates[c] for c in cuts)
            cost += sum(0.5 for a, b in itertools.pairwise(widths) if a > b + 2)
            if best is None or cost < best[0]:
                best = (cost, lines)
        if best is not None:
            return best[1]
    # No whole-word break fits (an organ name longer than a line): cut by width.
    lines, line = [], ""
    for c in title:
        if width(line + c) > max_chars:
            lines.append(line.strip())
            line = ""
        line += c
    return [*lines, line.strip()]
