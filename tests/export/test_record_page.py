"""The 版记's page decided in plain Python from the pages a predictor gives; the .docx writer never lays out itself.

No Qt here: the predictors are stubs that say where a layout would put the 版记 (Qt's, fzdesk.typeset.paged
.foot_pages, is tested with LibreOffice in test_render_record*.py).
"""

from __future__ import annotations

import io
import zipfile

import pytest

from fzdesk import resources
from fzdesk.export.docx_writer import build, export_docx
from fzdesk.export.layout import Element, Para
from fzdesk.export.options import ExportOptions, FontSet, Variant
from fzdesk.export.record_page import NoPagePredictor, has_record, on_even_page
from tests.export.sample import sample_report, sample_unit

SUBMITTED = ExportOptions(variant=Variant.SUBMITTED)


class Stub:
    """A predictor that answers the same pages every time and counts its calls."""

    def __init__(self, pages: tuple[int, int] | None) -> None:
        self.pages = pages
        self.calls: list[int] = []

    def __call__(self, elements: list[Element], font_set: FontSet, /) -> tuple[int, int] | None:
        self.calls.append(len(elements))
        return self.pages


def submitted() -> list[Element]:
    return build(sample_report(), sample_unit(), SUBMITTED, resources.catalogue())


def first_foot(elements: list[Element]) -> int:
    return next(i for i, e in enumerate(elements) if isinstance(e, Para) and e.foot)


def test_a_record_predicted_on_an_even_page_stays_where_it_is() -> None:
    elements = submitted()
    assert has_record(elements)
    assert on_even_page(elements, SUBMITTED.font_set, Stub((6, 6))) == elements


def test_a_record_under_text_on_an_odd_page_goes_to_the_next_page() -> None:
    elements = submitted()
    placed = on_even_page(elements, SUBMITTED.font_set, Stub((5, 5)))
    at = first_foot(elements)
    assert placed[:at] == elements[:at] and placed[at + 1:] == elements[at:]
    assert placed[at] == Para([], page_break_before=True)


def test_a_record_pushed_onto_an_odd_page_of_its_own_leaves_that_page_blank_and_unnumbered() -> None:
    elements = submitted()
    placed = on_even_page(elements, SUBMITTED.font_set, Stub((5, 4)))
    at = first_foot(elements)
    assert placed[at:at + 2] == [Para([], page_break_before=True, unnumbered=True), Para([], page_break_before=True)]
    assert placed[at + 2:] == elements[at:]


def test_a_submitted_copy_without_a_predictor_is_refused_not_written_with_its_record_anywhere() -> None:
    with pytest.raises(NoPagePredictor, match="foot_pages"):
        export_docx(sample_report(), sample_unit(), SUBMITTED, resources.catalogue())


def test_a_public_copy_needs_no_predictor_and_never_calls_one() -> None:
    stub = Stub((5, 5))
    with_stub = export_docx(sample_report(), sample_unit(), ExportOptions(), resources.catalogue(), pages=stub)
    without = export_docx(sample_report(), sample_unit(), ExportOptions(), resources.catalogue())
    assert stub.calls == []
    assert with_stub.text_hash == without.text_hash


def test_a_submitted_copy_without_a_record_needs_no_predictor() -> None:
    unit = sample_unit()
    unit.cc = ""
    options = ExportOptions(variant=Variant.SUBMITTED, imprint=False)  # no 抄送, no 印发 line: no 版记
    assert not has_record(build(sample_report(), unit, options, resources.catalogue()))
    export_docx(sample_report(), unit, options, resources.catalogue())


def document_xml(data: bytes) -> tuple[str, list[str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8"), z.namelist()


def test_the_docx_follows_the_predictor() -> None:
    """The predictor is asked once, about the document as built, and its answer is what the .docx carries: a page
    break before the 版记, or a blank page and a section without page numbers."""
    stays, breaks, blank = Stub((6, 6)), Stub((5, 5)), Stub((5, 4))
    documents = {}
    for stub in (stays, breaks, blank):
        data = export_docx(sample_report(), sample_unit(), SUBMITTED, resources.catalogue(), pages=stub).data
        documents[stub.pages] = document_xml(data)
        assert stub.calls == [len(submitted())]
    (even, even_parts), (odd, odd_parts), (empty, empty_parts) = documents.values()
    assert odd.count("<w:pageBreakBefore/>") == even.count("<w:pageBreakBefore/>") + 1
    assert odd.count("<w:sectPr>") == even.count("<w:sectPr>") == 1
    assert empty.count("<w:sectPr>") == 2
    assert "word/footer3.xml" in empty_parts and "word/footer3.xml" not in odd_parts + even_parts
