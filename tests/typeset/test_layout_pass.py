"""The Qt layout pass that places the 版记 (and lays out the PDF) runs once over the whole document."""

from __future__ import annotations

from typing import Any

from fzdesk import resources
from fzdesk.export.docx_writer import build
from fzdesk.export.options import ExportOptions, Variant
from fzdesk.typeset.paged import _Painter, layout_device
from tests.export.sample import sample_report, sample_unit


def test_the_document_is_laid_out_once_not_after_every_insertion(qapp: Any) -> None:
    """Each insertion into a QTextDocument outside an edit block lays it out again from that point: the 报送稿's
    export took 1.7 s for a 30,000-character report (24 ms before it had a layout pass)."""
    options = ExportOptions(variant=Variant.SUBMITTED)
    elements = build(sample_report(), sample_unit(), options, resources.catalogue())
    painter = _Painter(options.font_set, layout_device())
    changes: list[int] = []
    painter.doc.contentsChange.connect(lambda *args: changes.append(1))
    painter.build(elements)
    assert len(elements) > 20
    assert len(changes) <= 3, f"the document was laid out {len(changes)} times"
