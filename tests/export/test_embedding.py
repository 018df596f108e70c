"""The exported .docx carries the report JSON and the text hash; an edit in Word is detected."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx

from fzdesk import resources
from fzdesk.exchange import report_json
from fzdesk.exchange.embedded import read_embedded
from fzdesk.export.docx_writer import export_docx
from fzdesk.export.options import ExportOptions
from fzdesk.typeset.paged import foot_pages
from tests.export.docx_read import part
from tests.export.sample import sample_report, sample_unit

REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _export(tmp_path: Path, **options: object) -> tuple[Path, str]:
    exported = export_docx(sample_report(), sample_unit(), ExportOptions(**options),  # type: ignore[arg-type]
                           resources.catalogue(), pages=foot_pages)
    path = tmp_path / "report.docx"
    path.write_bytes(exported.data)
    return path, exported.json_text


def test_custom_xml_part_is_related_from_the_main_document(tmp_path: Path) -> None:
    path, _ = _export(tmp_path)
    data = path.read_bytes()
    rels = part(data, "word/_rels/document.xml.rels")
    targets = {r.get("Target"): r.get("Type") for r in rels.iter(f"{REL_NS}Relationship")}
    assert targets["../customXml/item1.xml"].endswith("/customXml")
    props = part(data, "customXml/_rels/item1.xml.rels")
    assert [r.get("Target") for r in props.iter(f"{REL_NS}Relationship")] == ["itemProps1.xml"]
    types = zipfile.ZipFile(path).read("[Content_Types].xml").decode()
    assert 'PartName="/customXml/itemProps1.xml"' in types


def test_reading_back_gives_the_same_json_and_an_unchanged_hash(tmp_path: Path) -> None:
    path, json_text = _export(tmp_path, figures_annex=True)
    found = read_embedded(path)
    assert found is not None
    assert found.json_text == json_text
    assert not found.text_changed
    imported = report_json.loads(found.json_text)
    assert imported.report.year == 2023
    assert json.loads(found.json_text) == json.loads(report_json.dumps(sample_report(), sample_unit(),
                                                                       resources.catalogue()))


def test_an_edit_in_word_changes_the_detected_hash(tmp_path: Path) -> None:
    path, _ = _export(tmp_path)
    document = docx.Document(str(path))
    para = next(p for p in document.paragraphs if p.text.startswith("特此报告"))
    para.runs[0].text = "特此报告，请审阅。"
    edited = tmp_path / "edited.docx"
    document.save(str(edited))
    found = read_embedded(edited)
    assert found is not None and found.text_changed


def test_python_docx_opens_the_export(tmp_path: Path) -> None:
    path, _ = _export(tmp_path, figures_annex=True)
    document = docx.Document(io.BytesIO(path.read_bytes()))
    assert document.paragraphs[2].text == "沈丘县人民政府："
    assert len(document.tables) == 1
