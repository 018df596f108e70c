"""The 版记 on an even page: the page breaks that put it there, decided from the pages a layout predicts.

Plain Python: the layout itself is Qt's (fzdesk.typeset.paged.foot_pages, the PDF's layout) and is handed in by
the caller as a PagePredictor, so that the .docx writer never loads Qt.
"""

from __future__ import annotations

from typing import Protocol

from fzdesk.export.layout import Element, Para
from fzdesk.export.options import FontSet


class PagePredictor(Protocol):
    """Where a layout of the elements puts the 版记: (the 版记's page, the page of the last line above it), both
    1-based, or None when the elements have no 版记."""

    def __call__(self, elements: list[Element], font_set: FontSet, /) -> tuple[int, int] | None: ...


class NoPagePredictor(ValueError):
    """A document with a 版记 (a 报送稿) was to be written without a page predictor: its 版记 could fall on an odd
    page, so nothing is written (a programming error: every export path passes fzdesk.typeset.paged.foot_pages)."""

    def __init__(self) -> None:
        super().__init__("a 报送稿 with a 版记 needs a page predictor (pages=fzdesk.typeset.paged.foot_pages) to put "
                         "the 版记 on an even page")


def has_record(elements: list[Element]) -> bool:
    """Whether the document has a 版记 (a foot paragraph)."""
    return any(isinstance(e, Para) and e.foot for e in elements)


def on_even_page(elements: list[Element], font_set: FontSet, pages: PagePredictor) -> list[Element]:
    """The 版记 on an even page, the back of the last sheet (GB/T 9704-2012 7.4.1: its last rule on the lower edge
    of the document's last page; the 公文 is printed on both sides). Where it would fall on an odd page, an empty
    paragraph with a page break before it carries it to the next page; where the text already filled that odd
    page's predecessor (the 版记 was pushed onto a page of its own), two of them leave that page blank.
    The pages are the predictor's layout of the same paragraphs; Word and LibreOffice break them at the same
    lines as Qt's (docs/export.md)."""
    predicted = pages(elements, font_set)
    if predicted is None or predicted[0] % 2 == 0:
        return elements
    record, text = predicted
    first = next(i for i, e in enumerate(elements) if isinstance(e, Para) and e.foot)
    if record > text:  # a blank page, then the 版记: neither is numbered (GB/T 9704-2012 7.5)
        breaks = [Para([], page_break_before=True, unnumbered=True), Para([], page_break_before=True)]
    else:
        breaks = [Para([], page_break_before=True)]
    return [*elements[:first], *breaks, *elements[first:]]
