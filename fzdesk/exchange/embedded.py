"""The report JSON embedded in an exported .docx as a custom XML part, with a hash of the document's text.

Contract with the exporter (docs/report-json.md, "Embedded in the .docx"): call
`embed_in_document(document, json_text)` on the python-docx Document as the last step before saving.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from fzdesk.domain.plain_text import storable
from fzdesk.exchange.package import W_NS, DocxPackage, parse_xml
from fzdesk.exchange.report_json import NewerFormatError, ReportDataError

NS = "urn:fzdesk:report"
#: The version of the custom XML part (<fz:report version="1">); a newer one is refused like a newer JSON.
PART_VERSION = 1
HASH_ALGORITHM = "sha256"
NORMALISATION = "fzdesk-text-1"
CUSTOM_XML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
CUSTOM_XML_PROPS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
CUSTOM_XML_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
DS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"

_W_P = f"{{{W_NS}}}p"
_W_T = f"{{{W_NS}}}t"
_W_TAB = f"{{{W_NS}}}tab"
_W_BR = f"{{{W_NS}}}br"
_W_CR = f"{{{W_NS}}}cr"
_W_BODY = f"{{{W_NS}}}body"
_W_DEL = f"{{{W_NS}}}del"
_W_MOVE_FROM = f"{{{W_NS}}}moveFrom"
#: Characters XML 1.0 cannot carry; inside JSON text they can only occur in strings, so \\uXXXX is exact.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Embedded:
    """What an fzdesk .docx carries: the JSON, the text hash at export, and the text hash now."""

    json_text: str
    stored_hash: str
    current_hash: str
    algorithm: str = HASH_ALGORITHM

    @property
    def text_changed(self) -> bool:
        return self.stored_hash != self.current_hash


# ----- the text hash -------------------------------------------------------------------------------------
def paragraph_text(p: Any) -> str:
    """A w:p's text: w:t runs, w:tab (in a run) as a tab, w:br/w:cr as a line break; as Word shows it with the
    tracked changes accepted (text in w:del or in w:moveFrom, the place moved text came from, left out)."""
    parts: list[str] = []
    tracked = p.find(f".//{_W_DEL}") is not None or p.find(f".//{_W_MOVE_FROM}") is not None
    for el in p.iter(_W_T, _W_TAB, _W_BR, _W_CR):
        if tracked and next(el.iterancestors(_W_DEL, _W_MOVE_FROM), None) is not None:
            continue
        if el.tag == _W_T:
            parts.append(el.text or "")
        elif el.tag == _W_TAB:
            if el.getparent() is not None and el.getparent().tag == f"{{{W_NS}}}r":
                parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def paragraph_texts(document: bytes | Any) -> list[str]:
    """The texts of every w:p under w:body, in document order (tables included), of document.xml."""
    root = parse_xml(document) if isinstance(document, bytes) else document
    body = root.find(_W_BODY) if root.tag != _W_BODY else root
    if body is None:
        return []
    return [paragraph_text(p) for p in body.iter(_W_P)]


def document_text_hash(texts: list[str]) -> str:
    """sha256 hex of the paragraphs stripped, empty ones dropped, joined with "\\n" (fzdesk-text-1).

    Each paragraph is first made storable (fzdesk.domain.plain_text): a carriage return becomes a line feed, as
    any XML parser reads it back, and characters Word cannot hold are dropped, as the exporter drops them; so
    the hash at export and the hash of the unchanged document read back agree whatever the text held.
    """
    normalised = "\n".join(t for t in (storable(t).strip() for t in texts) if t)
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


# ----- writing ---------------------------------------------------------------------------------------------
def custom_xml(json_text: str, text_hash: str) -> bytes:
    """The custom XML part: the JSON (XML-escaped) and the text hash, in the urn:fzdesk:report namespace."""
    safe = _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<fz:report xmlns:fz="{NS}" format="fzdesk-report" version="{PART_VERSION}">'
        f'<fz:text-hash algorithm={quoteattr(HASH_ALGORITHM)} normalisation={quoteattr(NORMALISATION)}>'
        f"{escape(text_hash)}</fz:text-hash>"
        f"<fz:json>{escape(safe)}</fz:json></fz:report>"
    ).encode()


def item_props_xml(item_id: str | None = None) -> bytes:
    """The customXml itemProps part that makes Word keep the custom XML part when it saves."""
    guid = item_id or "{" + str(uuid.uuid4()).upper() + "}"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<ds:datastoreItem ds:itemID="{guid}" xmlns:ds="{DS_NS}">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{NS}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode()


def embed_in_document(document: Any, json_text: str) -> str:
    """Adds the custom XML part to a python-docx Document (call it last, just before saving); returns the hash."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    text_hash = document_text_hash(paragraph_texts(document.element))
    main = document.part
    package = main.package
    item_name = package.next_partname("/customXml/item%d.xml")
    number = re.search(r"(\d+)\.xml$", str(item_name))
    assert number is not None
    item = Part(item_name, "application/xml", custom_xml(json_text, text_hash), package)
    props = Part(PackURI(f"/customXml/itemProps{number.group(1)}.xml"), CUSTOM_XML_PROPS_TYPE,
                 item_props_xml(), package)
    item.relate_to(props, CUSTOM_XML_PROPS_REL)
    main.relate_to(item, CUSTOM_XML_REL)
    return text_hash


# ----- reading ---------------------------------------------------------------------------------------------
def find_embedded(package: DocxPackage) -> Embedded | None:
    """The fzdesk data of an opened package, or None when it has none (a hand-written document)."""
    candidates = sorted(n for n in package.names() if re.fullmatch(r"customXml/item\d+\.xml", n))
    for name in candidates:
        root = package.xml(name)
        if root.tag != f"{{{NS}}}report":
            continue
        _refuse_newer_part(root)
        hash_el = root.find(f"{{{NS}}}text-hash")
        json_el = root.find(f"{{{NS}}}json")
        if hash_el is None or json_el is None:
            continue
        current = document_text_hash(paragraph_texts(package.xml(package.document_name)))
        return Embedded(json_el.text or "", (hash_el.text or "").strip(), current,
                        hash_el.get("algorithm", HASH_ALGORITHM))
    return None


def _refuse_newer_part(root: Any) -> None:
    """NewerFormatError (the newer-JSON message) when the part says a version this program does not know."""
    text = (root.get("version") or "1").strip()
    if not text.isdigit():
        raise ReportDataError(f"文档中内嵌的报告数据格式不对：版本号“{text[:20]}”无效。")
    if int(text) > PART_VERSION:
        json_el = root.find(f"{{{NS}}}json")
        app = re.search(r'"app_version"\s*:\s*"([^"\\]{0,40})"', json_el.text or "") if json_el is not None else None
        raise NewerFormatError(int(text), app.group(1) if app else "", supported=PART_VERSION)


def read_embedded(source: str | Path | IO[bytes]) -> Embedded | None:
    """Opens a .docx safely and returns its fzdesk data, or None; UnreadableFile when it cannot be read."""
    with DocxPackage(source) as package:
        return find_embedded(package)
