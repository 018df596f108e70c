"""The PDF's text layer: what copying or searching the PDF gives is the report's text, never radicals."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from fzdesk import resources
from fzdesk.domain.model import Block, Item
from fzdesk.export.docx_writer import export_docx
from fzdesk.export.options import ExportOptions
from fzdesk.export.pdf_text import RADICALS, fix_to_unicode, nfkc_twin
from fzdesk.typeset.pdf import write_pdf
from tests.export.docx_read import paragraphs
from tests.export.sample import sample_report, sample_unit

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils reads the PDF")

#: Ideographs whose Kangxi-radical or supplement twins (⼈⺠⼤⼯⼚⻅⻛⻓⻔⻚⻋⻢⻄⾼⾯) share their glyph in Noto CJK.
TWINS = "人民大工厂见风长门页车马西高面"


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def normalised(text: str) -> str:
    return re.sub(r"—\d+—", "", re.sub(r"\s+", "", text))


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> tuple[Path, str]:
    """The sample with one more paragraph full of twinned characters, as a PDF, and its document text."""
    report = sample_report()
    measures = next(s for s in report.sections if s.block is Block.MEASURES)
    measures.items.append(Item("", [f"{TWINS}各方面工作长效推进，见到实效。"]))
    unit, catalogue = sample_unit(), resources.catalogue()
    path = write_pdf(report, unit, tmp_path_factory.mktemp("pdf") / "report.pdf", ExportOptions(), catalogue)
    docx = export_docx(report, unit, ExportOptions(), catalogue).data
    return path, normalised("".join(p.text for p in paragraphs(docx)))


@needs_poppler
def test_the_text_layer_is_the_report_text(written: tuple[Path, str]) -> None:
    path, expected = written
    text = pdf_text(path)
    assert "沈丘县人民政府" in text
    assert TWINS in normalised(text)
    assert not [c for c in text if ord(c) in RADICALS], "radicals in the text layer"
    assert normalised(text) == expected


@needs_poppler
def test_the_repaired_pdf_is_well_formed(written: tuple[Path, str]) -> None:
    info = subprocess.run(["pdfinfo", str(written[0])], capture_output=True, text=True, check=True)
    assert info.stderr == "", info.stderr
    assert "Pages:" in info.stdout


def _pdf(cmap: bytes) -> bytes:
    """A one-page PDF whose font has the given ToUnicode CMap, with an exact cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length 0 >>\nstream\n\nendstream",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
        b"<< /Producer (test) >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


CMAP = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<0000> <FFFF>\n"
        b"endcodespacerange\n2 beginbfrange\n<0001> <0003> [<2F08> <0041> <2EA0>]\n<0004> <0005> <2F24>\n"
        b"endbfrange\n1 beginbfchar\n<0006> <2F2F>\nendbfchar\nendcmap\nend\nend")


def _to_unicode(data: bytes) -> dict[str, str]:
    stream = re.search(rb"6 0 obj\n<< /Length (\d+) >>\nstream\n", data)
    assert stream
    body = data[stream.end():stream.end() + int(stream.group(1))]
    assert data[stream.end() + int(stream.group(1)):].startswith(b"\nendstream")
    return {m.group(1).decode(): chr(int(m.group(2), 16))
            for m in re.finditer(rb"<([0-9A-F]{4})> <([0-9A-F]{4})>", body.split(b"endcodespacerange")[1])}


def test_radical_entries_point_at_their_ideographs_and_the_offsets_follow() -> None:
    fixed = fix_to_unicode(_pdf(CMAP), {0x2EA0: 0x6C11})
    # ⼈ → 人 and ⼯ → 工 by their compatibility decomposition, ⺠ → 民 by the twin the font gives.
    assert _to_unicode(fixed) == {"0001": "人", "0002": "A", "0003": "民", "0004": "大", "0005": "女", "0006": "工"}
    xref = int(re.findall(rb"startxref\n(\d+)", fixed)[-1])
    assert fixed[xref:].startswith(b"xref\n0 8\n")
    rows = fixed[xref + len(b"xref\n0 8\n"):].split(b"\n")[1:8]
    for number, row in enumerate(rows, start=1):
        assert fixed[int(row[:10]):].startswith(b"%d 0 obj" % number)


def test_a_range_that_starts_at_a_radical_keeps_its_other_codes() -> None:
    # <0004> <0005> <2F24> means 0004 → ⼤ U+2F24 and 0005 → ⼥ U+2F25: each gets its own ideograph.
    mapped = _to_unicode(fix_to_unicode(_pdf(CMAP)))
    assert (mapped["0004"], mapped["0005"]) == ("大", "女")


def test_a_pdf_without_radicals_is_left_byte_for_byte() -> None:
    plain = _pdf(CMAP.replace(b"<2F08>", b"<4EBA>").replace(b"<2EA0>", b"<6C11>").replace(b"<2F24>", b"<0061>")
                 .replace(b"<2F2F>", b"<5DE5>"))
    assert fix_to_unicode(plain) == plain


def test_every_kangxi_radical_has_an_ideograph_twin() -> None:
    for code in range(0x2F00, 0x2FD6):
        twin = nfkc_twin(code)
        assert twin is not None and 0x4E00 <= twin <= 0x9FFF, hex(code)
