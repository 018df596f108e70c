"""Numbering written inside one paragraph: （1）…（2）…（4）, ①②④, 第一，…第三，, 1.…2.…4. (lists.inline)."""

from __future__ import annotations

import re

from fzdesk.checks.findings import Category, Finding, Severity, TextFix
from fzdesk.checks.language import finding, text_fix
from fzdesk.checks.numbers import parse_chinese
from fzdesk.checks.text import Para
from fzdesk.checks.wording import NumberingStyle, Wording, shipped_wording
from fzdesk.domain.numbering import chinese_number


def numeral_value(numerals: str, text: str) -> int | None:
    if numerals == "arabic":
        return int(text)
    if numerals == "circled":
        return ord(text) - 0x2460 + 1
    value = parse_chinese(text)
    return int(value) if value is not None else None


def _numeral(numerals: str, n: int) -> str:
    if numerals == "arabic":
        return str(n)
    if numerals == "circled":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    return chinese_number(n)


class _Marker:
    """One number of a paragraph's own numbering: 第四 in “第四，”, with the span of its numeral."""

    __slots__ = ("end", "label", "num_end", "num_start", "start", "value")

    def __init__(self, text: str, m: re.Match[str], group: str, value: int) -> None:
        whole = m.group()
        self.start = m.start() + len(whole) - len(whole.lstrip())
        self.end = m.end()
        self.num_start, self.num_end = m.span(group)
        self.value = value
        self.label = text[self.start:self.end].rstrip("，,：:")

    def relabel(self, text: str, numeral: str) -> str:
        return text[self.start:self.num_start] + numeral + text[self.num_end:self.start + len(self.label)]


def inline_numbering_findings(para: Para, wording: Wording | None = None) -> list[Finding]:
    """Numbering written inside one paragraph ((1)…(2)…(4), ①②④, 第一，…第三，): each run from 1 counts up
    without gaps, repeats or going back (styles: "sequences" of numbering.json). A run that does not start at 1
    (a citation, or a list begun in the paragraph before) is judged only from its second number on."""
    wording = wording or shipped_wording()
    styles, pattern = wording.numbering
    text = para.text
    if pattern is None or len(text) < 4:
        return []
    runs: dict[int, list[_Marker]] = {}
    for m in pattern.finditer(text):
        i = int(m.lastgroup[1:]) if m.lastgroup and m.lastgroup.startswith("s") else -1
        if i < 0:
            continue
        value = numeral_value(styles[i].numerals, m.group(f"n{i}"))
        if value is not None and value > 0:
            runs.setdefault(i, []).append(_Marker(text, m, f"n{i}", value))
    out: list[Finding] = []
    for i, markers in runs.items():
        if len(markers) > 1:
            out.extend(_run_findings(para, styles[i], markers))
    return out


def _run_findings(para: Para, style: NumberingStyle, markers: list[_Marker]) -> list[Finding]:
    text = para.text
    out: list[Finding] = []
    previous: _Marker | None = None
    misordered = False  # the run's numbers are all there, in the wrong order: said once
    restarted: _Marker | None = None  # the last number before a second （1） of the paragraph
    for k, mk in enumerate(markers):
        if mk.value == 1 or previous is None:
            restarted = previous if mk.value == 1 else None
            previous, misordered = mk, False
            continue
        expected = previous.value + 1
        if mk.value != expected and restarted is not None and previous.value == 1 \
                and mk.value == restarted.value + 1 \
                and not any(ch in text[restarted.end:previous.start] for ch in "。！？"):
            # （1）甲；（2）乙；（1）丙；（3）丁 in one sentence: not a new list but a slip at the second （1）
            meant = previous.relabel(text, _numeral(style.numerals, restarted.value + 1))
            message = (f"段内编号“{previous.label}”重复了：前面已经有“{previous.label}”，"
                       f"后面又接着“{mk.label}”，这里应是“{meant}”？")
            out.append(finding("lists.inline", Category.WORDING, Severity.WARNING, para, previous.start,
                               previous.start + len(previous.label), message,
                               {"found": 1, "expected": restarted.value + 1, "style": style.name}))
            previous, restarted = mk, None
            continue
        if mk.value != expected:
            right = mk.relabel(text, _numeral(style.numerals, expected))
            values: dict[str, object] = {"found": mk.value, "expected": expected, "style": style.name}
            fixes: list[TextFix] = []
            later = _until_restart(markers[k + 1:])
            if mk.value == previous.value:
                message = f"段内编号“{mk.label}”重复了：前面已经有“{previous.label}”。"
            elif mk.value < previous.value:
                if misordered:
                    previous = mk
                    continue
                message = f"段内编号顺序颠倒：“{mk.label}”写在了“{previous.label}”之后。"
            elif any(x.value == expected for x in later):
                misordered = True
                message = (f"段内编号顺序颠倒：“{previous.label}”之后是“{mk.label}”，“{right}”写在了后面"
                           f"（文字调换过位置？）。")
            else:
                message = f"段内编号“{previous.label}”之后应是“{right}”，这里写成了“{mk.label}”。"
            if mk.value >= previous.value and not misordered:
                fix = _renumber(para, style, markers[k:], expected)
                if fix is not None:
                    fixes.append(fix)
            out.append(finding("lists.inline", Category.WORDING, Severity.WARNING, para, mk.start,
                               mk.start + len(mk.label), message, values, fixes))
        previous = mk
    return out


def _until_restart(markers: list[_Marker]) -> list[_Marker]:
    for n, mk in enumerate(markers):
        if mk.value == 1:
            return markers[:n]
    return markers


def _renumber(para: Para, style: NumberingStyle, rest: list[_Marker], expected: int) -> TextFix | None:
    """(1)(2)(4)(5) -> (1)(2)(3)(4): offered when the numbers from the wrong one to the run's end count up by one
    (else moving one number would not mend the run)."""
    run = [rest[0]]
    for mk in rest[1:]:
        if mk.value == 1:
            break
        if mk.value != run[-1].value + 1:
            return None
        run.append(mk)
    text = para.text
    pieces, at = [], run[0].num_start
    for n, mk in enumerate(run):
        pieces.append(text[at:mk.num_start] + _numeral(style.numerals, expected + n))
        at = mk.num_end
    new = "".join(pieces)
    olds = "".join(f"“{mk.label}”" for mk in run)
    news = "".join(f"“{mk.relabel(text, _numeral(style.numerals, expected + n))}”" for n, mk in enumerate(run))
    label = f"改为{news}" if len(run) == 1 else f"重新编号：{olds}依次改为{news}"
    return text_fix(para, run[0].num_start, run[-1].num_end, new, label)
