"""Nothing is lost in rendering: the text LibreOffice prints is the document's text, in order, every mark.

A justified line that ends in a closing mark which LibreOffice hangs into the margin used to lose the mark
(LibreOffice reads w:overflowPunct inverted, and its justified lines drop some hanging marks when painting).
The second test makes such line ends on purpose: the longest sample paragraphs, shifted by 0 to 27
characters, so that every character of them falls once on the 28th and 29th position of a line.
"""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from fzdesk import resources
from fzdesk.domain.model import Block, Item, Report
from fzdesk.export.docx_writer import export_docx
from fzdesk.export.options import ExportOptions
from tests.export.docx_read import paragraphs
from tests.export.render import render_pdf, soffice
from tests.export.sample import MEASURES, sample_report, sample_unit

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(soffice() is None or shutil.which("pdftotext") is None,
                       reason="LibreOffice and poppler-utils render the document"),
]

PAGE_NUMBER = re.compile(r"—\d+—")


def normalised(text: str) -> str:
    """Text without white space and without the page numbers "— N —"."""
    return PAGE_NUMBER.sub("", re.sub(r"\s+", "", text))


def differences(expected: str, printed: str) -> list[str]:
    """Each place where the printed text differs from the document's, with a little context."""
    out = []
    matcher = difflib.SequenceMatcher(None, expected, printed, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            out.append(f"{op} …{expected[max(0, i1 - 8):i1]}[{expected[i1:i2]}→{printed[j1:j2]}]{expected[i2:i2 + 4]}…")
    return out


def rendered_text(tmp_path: Path, report: Report) -> tuple[str, str]:
    """The document's paragraph text and the text of LibreOffice's PDF of it, both normalised."""
    exported = export_docx(report, sample_unit(), ExportOptions(), resources.catalogue())
    docx = tmp_path / "report.docx"
    docx.write_bytes(exported.data)
    pdf = render_pdf(docx, tmp_path)
    printed = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return normalised("".join(p.text for p in paragraphs(exported.data))), normalised(printed)


def test_every_character_of_the_sample_is_printed(tmp_path: Path) -> None:
    expected, printed = rendered_text(tmp_path, sample_report())
    assert "近百件。" in expected and len(expected) > 2000
    assert printed == expected, differences(expected, printed)


def test_line_end_punctuation_survives_every_line_break(tmp_path: Path) -> None:
    report = sample_report()
    measures = next(s for s in report.sections if s.block is Block.MEASURES)
    bodies = [body for _title, body in MEASURES[1:4]]
    # "（一）" and an inline title come before each body: the shifts move every character through the line end.
    measures.items = [Item("", ["依" * shift + body]) for body in bodies for shift in range(28)]
    expected, printed = rendered_text(tmp_path, report)
    assert expected.count("，") > 1000
    assert printed == expected, differences(expected, printed)
