"""The paged preview: one image per page, drawn by the same code as the PDF."""

from __future__ import annotations

from typing import Any

from fzdesk import resources
from fzdesk.export.options import ExportOptions
from fzdesk.typeset.preview import preview_pages
from tests.export.sample import sample_report, sample_unit


def test_preview_has_the_pdf_pages_at_the_asked_resolution(qapp: Any) -> None:
    images = preview_pages(sample_report(), sample_unit(), ExportOptions(figures_annex=True),
                           resources.catalogue(), dpi=48)
    assert 5 <= len(images) <= 7
    first = images[0]
    assert (first.width(), first.height()) == (round(11906 * 48 / 1440), round(16838 * 48 / 1440))
    # Ink inside the text block, none in the left margin.
    def dark(x: int, y: int) -> bool:
        return bool(first.pixelColor(x, y).lightness() < 128)

    margin = [dark(x, y) for x in range(0, 40) for y in range(0, first.height())]
    block = [dark(x, y) for x in range(60, 330) for y in range(80, 480)]
    assert not any(margin)
    assert sum(block) > 500
