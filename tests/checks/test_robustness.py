"""Any text, however mangled, is checked without a crash, and every span and fix points at the text itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fzdesk.checks import check_paragraph
from fzdesk.checks.findings import TextFix
from fzdesk.checks.fixes import apply_text_fix
from fzdesk.checks.numbers import find_numbers
from fzdesk.checks.wording import load_wording
from fzdesk.domain.model import Block, Item, Numbering, Report, Section
from tests.checks.helpers import catalogue, figures

ALPHABET = ("行政复议受理审结维持撤销驳回件次人余近百千万两十一二三四五是个进法制治政府建设第一责任人推进"
            "主题体谁执普较去年减少增加同比%％.,，。、；：（）()《》“”0123456789 \u3000ABCxyz—-")
WORDING = load_wording()


def _report(text: str) -> Report:
    r = figures(Report(unit_id=1, year=2023), A_accepted=88, A_closed=63, A_upheld="近40", H_exam_pass=100)
    r.sections = [Section(Block.MEASURES, "", Numbering.NONE, [Item("", [text], id=1)], id=1)]
    return r


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120))
def test_any_text_checks_cleanly_and_fixes_apply(text: str) -> None:
    report = _report(text)
    findings = check_paragraph(report, catalogue(), WORDING, Block.MEASURES, 0, 0)
    for f in findings:
        loc = f.location
        if loc.start is not None:
            assert loc.end is not None and 0 <= loc.start <= loc.end <= len(text)
        for fix in f.fixes:
            if isinstance(fix, TextFix):
                assert text[fix.location.start or 0:fix.location.end] == fix.old
                fresh = _report(text)
                new = apply_text_fix(fresh, fix)
                assert new == text[:fix.location.start] + fix.new + text[fix.location.end:]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_numbers_are_found_inside_their_span(text: str) -> None:
    for m in find_numbers(text):
        assert text[m.start:m.end] == m.text
        assert m.start <= m.num_start < m.num_end <= m.end
        assert m.value >= 0
