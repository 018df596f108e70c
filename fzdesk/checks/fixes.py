"""Applies a finding's one-click fix to the report: a text replacement or a figure value."""

from __future__ import annotations

from fzdesk.checks.findings import FigureFix, TextFix
from fzdesk.domain.model import Approx, Block, FigureState, FigureValue, Item, Report, Section


class StaleFix(ValueError):
    """The text changed since the check ran: the fix no longer applies (re-check first)."""


def _target(report: Report, fix: TextFix) -> tuple[Section, Item | None]:
    loc = fix.location
    section = report.section(Block(loc.step))
    if section is None or loc.item_index is None:
        raise StaleFix("找不到这段文字。")
    if loc.item_index < 0:
        return section, None
    if loc.item_index >= len(section.items):
        raise StaleFix("找不到这段文字。")
    return section, section.items[loc.item_index]


def apply_text_fix(report: Report, fix: TextFix) -> str:
    """Replaces the span in the report's paragraph (or title/heading); returns the new text of that paragraph."""
    loc = fix.location
    section, item = _target(report, fix)
    if item is None:
        text = section.heading
    elif loc.paragraph is not None and loc.paragraph < 0:
        text = item.title
    else:
        if loc.paragraph is None or loc.paragraph >= len(item.paragraphs):
            raise StaleFix("找不到这段文字。")
        text = item.paragraphs[loc.paragraph]
    start, end = loc.start or 0, loc.end if loc.end is not None else 0
    if text[start:end] != fix.old:
        raise StaleFix("这段文字已经改动，请重新检查后再修改。")
    new = text[:start] + fix.new + text[end:]
    if item is None:
        section.heading = new
    elif loc.paragraph is not None and loc.paragraph < 0:
        item.title = new
        item.carried_over = False  # an edit, as the Store counts it when it saves the title
    else:
        assert loc.paragraph is not None
        item.paragraphs[loc.paragraph] = new
        item.carried_over = False
    return new


def apply_figure_fix(report: Report, fix: FigureFix) -> FigureValue:
    """Puts the value into the sheet, keeping last year's column and the explanation; returns the figure."""
    figure = report.figures.get(fix.code) or FigureValue(fix.code)
    figure.state = FigureState(fix.state)
    figure.value = fix.value
    figure.approx = Approx(fix.approx) if fix.approx else None
    report.figures[fix.code] = figure
    return figure
