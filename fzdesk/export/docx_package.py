"""The .docx zip: content types for every part, relationships, document properties."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from fzdesk.export.wordml import XML_DECL, esc

PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"

#: Part name -> content type of every part the writer may emit (besides .rels and plain .xml defaults).
OVERRIDES = {
    "/word/document.xml": f"{MAIN_TYPE}.document.main+xml",
    "/word/styles.xml": f"{MAIN_TYPE}.styles+xml",
    "/word/settings.xml": f"{MAIN_TYPE}.settings+xml",
    "/word/fontTable.xml": f"{MAIN_TYPE}.fontTable+xml",
    "/word/footer1.xml": f"{MAIN_TYPE}.footer+xml",
    "/word/footer2.xml": f"{MAIN_TYPE}.footer+xml",
    "/word/footer3.xml": f"{MAIN_TYPE}.footer+xml",
    "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    "/customXml/itemProps1.xml": "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
}


def rels_xml(rels: list[tuple[str, str, str]]) -> str:
    """A relationships part from (id, type, target) triples."""
    body = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{esc(target)}"/>' for rid, kind, target in rels)
    return f'{XML_DECL}<Relationships xmlns="{PKG_REL_NS}">{body}</Relationships>'


def content_types_xml(parts: list[str]) -> str:
    overrides = "".join(f'<Override PartName="{name}" ContentType="{OVERRIDES[name]}"/>'
                        for name in parts if name in OVERRIDES)
    return (f'{XML_DECL}<Types xmlns="{CT_NS}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f"{overrides}</Types>")


def core_xml(title: str, author: str, when: dt.datetime) -> str:
    stamp = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f'{XML_DECL}<cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{esc(title)}</dc:title><dc:creator>{esc(author)}</dc:creator>"
        f"<cp:lastModifiedBy>{esc(author)}</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def app_xml(version: str) -> str:
    return (f'{XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"<Application>fzdesk {esc(version)}</Application></Properties>")


def zip_parts(parts: dict[str, bytes | str]) -> bytes:
    """The package bytes; [Content_Types].xml first, as Office writes it."""
    names = ["/" + n for n in parts]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr("[Content_Types].xml", content_types_xml(names))
        for name, data in parts.items():
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()
