"""The package checker itself catches what Word would repair."""

from __future__ import annotations

import io
import zipfile

from fzdesk import resources
from fzdesk.export.docx_writer import export_docx
from fzdesk.export.options import ExportOptions
from tests.export.ooxml import check_package
from tests.export.sample import sample_report, sample_unit


def _good() -> bytes:
    return export_docx(sample_report(), sample_unit(), ExportOptions(figures_annex=True), resources.catalogue()).data


def _edit(data: bytes, name: str, change: object = None, *, drop: bool = False) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename == name and drop:
                continue
            payload = src.read(info.filename)
            if info.filename == name and callable(change):
                payload = change(payload)
            dst.writestr(info.filename, payload)
    return out.getvalue()


def test_the_export_passes() -> None:
    assert check_package(_good()) == []


def test_out_of_order_paragraph_properties_are_caught() -> None:
    def swap(xml: bytes) -> bytes:
        return xml.replace(b'<w:jc w:val="both"/>', b"", 1).replace(b"<w:pPr>", b'<w:pPr><w:jc w:val="both"/>', 1)

    errors = check_package(_edit(_good(), "word/document.xml", swap))
    assert any("pPr: pStyle out of order" in e for e in errors)


def test_run_properties_order_is_checked() -> None:
    def swap(xml: bytes) -> bytes:
        return xml.replace(b'<w:sz w:val="32"/><w:szCs w:val="32"/>', b"", 1).replace(
            b"<w:rPr><w:rFonts", b'<w:rPr><w:sz w:val="32"/><w:szCs w:val="32"/><w:rFonts', 1)

    assert any("rPr: rFonts out of order" in e for e in check_package(_edit(_good(), "word/document.xml", swap)))


def test_missing_part_and_bad_xml_are_caught() -> None:
    errors = check_package(_edit(_good(), "word/footer2.xml", drop=True))
    assert any("footer2.xml" in e and "missing" in e for e in errors)
    errors = check_package(_edit(_good(), "word/styles.xml", lambda b: b[:-10]))
    assert any("not well-formed" in e for e in errors)


def test_part_without_content_type_is_caught() -> None:
    data = _good()
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr("word/media/image1.png", b"\x89PNG")
    assert any("image1.png: no content type" in e for e in check_package(out.getvalue()))
