"""Opening a .docx safely: bounded zip members (no zip bombs) and XML without DOCTYPE or entities."""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from pathlib import Path
from typing import IO, Any

from lxml import etree  # type: ignore[import-untyped]

#: A report .docx is well under this; anything larger is refused before it is opened.
MAX_FILE_BYTES = 100 * 1024 * 1024
#: One XML part may not expand to more than this (a 300-page document.xml is about 10 MB).
MAX_PART_BYTES = 48 * 1024 * 1024
#: All the parts read from one file together.
MAX_TOTAL_BYTES = 96 * 1024 * 1024
#: Expansion ratio above which a large member is taken for a zip bomb (real XML compresses 5-30x).
MAX_RATIO = 200
RATIO_APPLIES_ABOVE = 1024 * 1024
MAX_MEMBERS = 5000

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


class UnreadableFile(ValueError):
    """A file that cannot or must not be imported; the message is Chinese and says what to do."""


NOT_A_DOCX = "这个文件不是 Word 文档（.docx），或者已经损坏、不完整。请用 Word 或 WPS 打开后另存为 .docx 再导入。"
UNSAFE = ("这个文档含有外部实体或文档类型声明（DOCTYPE），可能不安全，程序拒绝读取。"
          "请在 Word 中另存为新的 .docx 再导入。")
TOO_BIG = "这个文件太大或者解压后异常庞大（可能是压缩炸弹），程序拒绝读取。"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def parse_xml(data: bytes) -> Any:
    """The root element of an XML part; refuses a DOCTYPE (and so any entity declaration) outright."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise UnreadableFile(UNSAFE)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<") or data[:4] == b"\x00\x00\xfe\xff":
        # UTF-16/32 parts: Word never writes them, and the scan above could not see a DOCTYPE in them
        raise UnreadableFile(UNSAFE)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError:
        raise UnreadableFile(NOT_A_DOCX) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise UnreadableFile(UNSAFE)
    return root


class DocxPackage:
    """The members of a .docx zip, read one at a time within the limits above."""

    def __init__(self, source: str | Path | IO[bytes]) -> None:
        if isinstance(source, str | Path):
            size = Path(source).stat().st_size
            if size == 0:
                raise UnreadableFile("这个文件是空的（0 字节），没有可导入的内容。")
            if size > MAX_FILE_BYTES:
                raise UnreadableFile(TOO_BIG)
        try:
            self.zip = zipfile.ZipFile(source)
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise UnreadableFile(NOT_A_DOCX) from None
        if len(infos) > MAX_MEMBERS:
            raise UnreadableFile(TOO_BIG)
        self.infos = {i.filename: i for i in infos}
        self._read = 0
        if "[Content_Types].xml" not in self.infos:
            raise UnreadableFile(NOT_A_DOCX)
        self.document_name = self._main_document()

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> DocxPackage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def names(self) -> list[str]:
        return list(self.infos)

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str) -> bytes:
        info = self.infos.get(name)
        if info is None:
            raise UnreadableFile(NOT_A_DOCX)
        if info.file_size > MAX_PART_BYTES or self._read + info.file_size > MAX_TOTAL_BYTES:
            raise UnreadableFile(TOO_BIG)
        if info.file_size > RATIO_APPLIES_ABOVE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnreadableFile(TOO_BIG)
        try:
            with self.zip.open(info) as fh:
                data = fh.read(MAX_PART_BYTES + 1)  # never trust the declared size alone
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
            raise UnreadableFile(NOT_A_DOCX) from None
        if len(data) > MAX_PART_BYTES:
            raise UnreadableFile(TOO_BIG)
        self._read += len(data)
        return data

    def xml(self, name: str) -> Any:
        return parse_xml(self.read(name))

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, target part name) of a part ("" for the package)."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels):
            return {}
        out = {}
        for rel in self.xml(rels).iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id", "")] = (rel.get("Type", ""), name)
        return out

    def _main_document(self) -> str:
        for rel_type, name in self.relationships("").values():
            if rel_type == OFFICE_DOCUMENT and self.has(name):
                return name
        if self.has("word/document.xml"):
            return "word/document.xml"
        raise UnreadableFile(NOT_A_DOCX)
