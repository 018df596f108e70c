"""Walks the text of a report: section headings, item titles and paragraphs, each with its place."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from fzdesk.checks.findings import Location
from fzdesk.domain.model import Block, Report, Section

SENTENCE_END = "。！？；!?;"


class Para(NamedTuple):
    """One piece of text. item_index -1 is the section heading; paragraph -1 an item's title. (A named tuple: a
    section's paragraphs are walked for every re-check while typing, and a frozen dataclass is slow to make.)"""

    block: Block
    item_index: int
    item_id: int | None
    paragraph: int
    text: str
    carried_over: bool = False

    @property
    def is_body(self) -> bool:
        return self.item_index >= 0 and self.paragraph >= 0

    def loc(self, start: int | None = None, end: int | None = None) -> Location:
        return Location(self.block.value, self.item_id, self.item_index, self.paragraph, start, end)

    def excerpt(self, start: int, end: int, margin: int = 8) -> str:
        """The text concerned with a few characters around it (the key uses it: keep it stable)."""
        return self.text[max(0, start - margin):end + margin]


def section_paragraphs(section: Section) -> Iterator[Para]:
    if section.heading:
        yield Para(section.block, -1, section.id, 0, section.heading)
    for index, item in enumerate(section.items):
        if item.title:
            yield Para(section.block, index, item.id, -1, item.title, item.carried_over)
        for pindex, text in enumerate(item.paragraphs):
            yield Para(section.block, index, item.id, pindex, text, item.carried_over)


def paragraphs(report: Report) -> Iterator[Para]:
    for section in report.sections:
        if section.omitted:
            continue
        yield from section_paragraphs(section)


def find_para(report: Report, block: Block, item_index: int, paragraph: int) -> Para | None:
    section = report.section(block)
    if section is None:
        return None
    for para in section_paragraphs(section):
        if para.item_index == item_index and para.paragraph == paragraph:
            return para
    return None


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence (between 。；！？) around a position."""
    start = max(text.rfind(ch, 0, pos) for ch in SENTENCE_END) + 1
    ends = [i for i in (text.find(ch, pos) for ch in SENTENCE_END) if i >= 0]
    return start, min(ends) if ends else len(text)
