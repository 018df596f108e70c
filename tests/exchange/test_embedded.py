"""The data embedded in an exported .docx: written through python-docx, found again, edits detected."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx

from fzdesk import resources
from fzdesk.exchange import embedded, report_json
from tests import factories


def _exported(path: Path, extra_text: str = "") -> str:
    u = factories.unit()
    r = factories.report(u)
    json_text = report_json.dumps(r, u, resources.catalogue())
    document = docx.Document()
    document.add_paragraph(r.display_title)
    document.add_paragraph("")
    document.add_paragraph("  沈丘县人民政府：")
    run = document.add_paragraph("一、第一部分").add_run("\t制表")
    run.add_break()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "受理"
    table.cell(0, 1).text = "88"
    document.add_paragraph(extra_text)
    embedded.embed_in_document(document, json_text)
    document.save(str(path))
    return json_text


def test_embedded_json_is_found_with_an_unchanged_hash(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    json_text = _exported(path)
    found = embedded.read_embedded(path)
    assert found is not None
    assert found.json_text == json_text
    assert not found.text_changed
    assert report_json.loads(found.json_text).report.year == 2023


def test_the_hash_is_the_documented_normalisation(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    _exported(path)
    with zipfile.ZipFile(path) as z:
        texts = embedded.paragraph_texts(z.read("word/document.xml"))
    assert "一、第一部分\t制表\n" in texts
    assert "受理" in texts  # table cells are paragraphs too
    found = embedded.read_embedded(path)
    assert found is not None
    assert found.stored_hash == embedded.document_text_hash(texts)
    # python-docx's own paragraph texts give the same hash when there is no table
    plain = docx.Document()
    for text in ("标题", "", " 正文 "):
        plain.add_paragraph(text)
    assert embedded.document_text_hash([p.text for p in plain.paragraphs]) == embedded.document_text_hash(
        embedded.paragraph_texts(plain.element))
    assert embedded.document_text_hash(["a", "", " b "]) == embedded.document_text_hash(["a", "b"])


def test_an_edit_after_export_is_detected_and_the_part_survives_a_resave(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    json_text = _exported(path)
    document = docx.Document(str(path))
    document.paragraphs[0].text = "改过的标题"
    document.save(str(path))
    found = embedded.read_embedded(path)
    assert found is not None
    assert found.text_changed
    assert found.json_text == json_text


def test_package_parts_are_declared(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    _exported(path)
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
        item_rels = z.read("customXml/_rels/item1.xml.rels").decode()
    assert "customXml/item1.xml" in names and "customXml/itemProps1.xml" in names
    assert embedded.CUSTOM_XML_REL in rels and "../customXml/item1.xml" in rels
    assert embedded.CUSTOM_XML_PROPS_TYPE in types
    assert "itemProps1.xml" in item_rels


def test_xml_unsafe_characters_survive(tmp_path: Path) -> None:
    text = '{"x": "a\ufffeb\uffff]]></fz:json>&<"}'
    part = embedded.custom_xml(text, "0" * 64)
    root = embedded.parse_xml(part)
    got = root.find(f"{{{embedded.NS}}}json").text
    import json

    assert json.loads(got) == json.loads(text)


def test_a_hand_written_document_has_no_embedded_data(tmp_path: Path) -> None:
    path = tmp_path / "h.docx"
    document = docx.Document()
    document.add_paragraph("正文")
    document.save(str(path))
    assert embedded.read_embedded(path) is None
