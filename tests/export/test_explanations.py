"""The 说明 sentence of a large change: in the body (the unit's default) closing 主要举措和成效, or not at all
when the unit chose the annex's 说明 column; the preview draws the same text."""

from __future__ import annotations

from typing import Any

from fzdesk import resources
from fzdesk.domain.model import Block, Numbering
from fzdesk.exchange.embedded import read_embedded
from fzdesk.export.docx_writer import build, export_docx
from fzdesk.export.options import ExportOptions
from fzdesk.export.wordml import paragraph_texts
from tests.export.docx_read import paragraphs
from tests.export.sample import MEASURES, sample_report, sample_unit

SENTENCE = "需要说明的是：行政复议方面，受理88件，较去年减少339件，主要原因是复议渠道前移，案件减少。"


def texts(data: bytes) -> list[str]:
    return [p.text for p in paragraphs(data)]


def test_the_sentence_closes_the_measures_block_and_is_hashed_with_the_text(tmp_path: Any) -> None:
    exported = export_docx(sample_report(), sample_unit(), ExportOptions(), resources.catalogue())
    ps = texts(exported.data)
    assert ps.count(SENTENCE) == 1
    at = ps.index(SENTENCE)
    assert ps[at - 1].endswith(MEASURES[-1][1][-20:])  # after the last measure's text
    assert ps[at + 1].startswith("三、")  # before the next block's heading
    path = tmp_path / "r.docx"
    path.write_bytes(exported.data)
    found = read_embedded(path)
    assert found is not None and not found.text_changed


def test_the_annex_choice_leaves_the_body_without_it_but_the_annex_explains() -> None:
    unit = sample_unit()
    unit.options["explanations"] = "annex"
    data = export_docx(sample_report(), unit, ExportOptions(figures_annex=True), resources.catalogue()).data
    ps = texts(data)
    assert not any(p.startswith("需要说明的是") for p in ps)
    assert "复议渠道前移，案件减少" in ps  # the annex table's 说明 cell


def test_the_annex_choice_with_the_annex_switched_off_keeps_the_sentence_in_the_body() -> None:
    unit = sample_unit()
    unit.options["explanations"] = "annex"
    ps = texts(export_docx(sample_report(), unit, ExportOptions(figures_annex=False), resources.catalogue()).data)
    assert ps.count(SENTENCE) == 1  # else the explanation would be printed nowhere


def test_without_a_measures_block_it_closes_the_last_block() -> None:
    report = sample_report(Numbering.HEADINGS)
    report.sections = [s for s in report.sections if s.block is not Block.MEASURES]
    ps = [t for t in paragraph_texts(build(report, sample_unit(), ExportOptions(), resources.catalogue()))]
    at = ps.index(SENTENCE)
    assert ps[at + 1] == "特此报告。"


def test_the_preview_lays_out_the_same_paragraphs(qapp: Any) -> None:
    from fzdesk.typeset.paged import PagedReport

    paged = PagedReport(sample_report(), sample_unit(), ExportOptions(), resources.catalogue())
    assert SENTENCE in paged.doc.toPlainText().replace("\u2029", "\n").split("\n")
