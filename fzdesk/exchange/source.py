"""The paragraphs of a hand-written report, from .txt or .docx, with Word's automatic numbering made visible."""

from __future__ import annotations

import copy
import dataclasses
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from fzdesk.domain.numbering import chinese_number
from fzdesk.exchange.embedded import paragraph_text
from fzdesk.exchange.package import W_NS, DocxPackage, UnreadableFile, parse_xml
from fzdesk.exchange.repair import MARKER

MAX_TEXT_BYTES = 16 * 1024 * 1024

_W = f"{{{W_NS}}}"
_TEXT_BOX = f"{_W}txbxContent"
#: Word writes a text box twice: as a shape, and in mc:Fallback as a VML copy for older readers.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


@dataclass
class SourceParagraph:
    """One paragraph as written; label is the number Word draws in front of it (not part of its text)."""

    text: str
    label: str = ""
    outline_level: int | None = None  # 0 for a 标题 1 / Heading 1 style or outline level 1
    in_table: bool = False
    in_text_box: bool = False

    @property
    def shown(self) -> str:
        """The paragraph as the reader sees it: the automatic number, then the text."""
        return self.label + self.text


# ----- plain text ------------------------------------------------------------------------------------------
SAVE_AS_UTF8 = ("请用记事本打开它，选“另存为”，编码选“UTF-8”后保存再导入；"
                "或者把文字复制到 Word 里，另存为 .docx 后再导入。")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
#: Fewer Han characters than this say too little about the encoding to judge it.
MIN_HAN_TO_JUDGE = 10
#: A GB18030 reading with fewer of its Han characters among the 3,755 common ones is not Chinese text but
#: another encoding read wrongly (Big5 read as GB18030 gives about 30%, UTF-16 or Shift-JIS 0%; reports ~99%).
MIN_COMMON_SHARE = 0.6


@cache
def common_han() -> frozenset[str]:
    """The 3,755 common characters (GB 2312 level 1, rows 16-55), taken from Python's own gb2312 codec."""
    return frozenset(bytes([row, cell]).decode("gb2312") for row in range(0xB0, 0xD8) for cell in range(0xA1, 0xFF)
                     if (row, cell) not in ((0xD7, 0xFA), (0xD7, 0xFB), (0xD7, 0xFC), (0xD7, 0xFD), (0xD7, 0xFE)))


def plausible_chinese(text: str) -> bool:
    """False when most Han characters are rare ones: the bytes were in another encoding (Big5, UTF-16 …)."""
    han = _HAN.findall(text)
    if len(han) < MIN_HAN_TO_JUDGE:
        return True
    common = common_han()
    return sum(c in common for c in han) >= MIN_COMMON_SHARE * len(han)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (what Chinese Windows Notepad writes).

    A GB18030 reading that gives mostly rare characters is refused: the file is in another encoding (Big5 from
    a traditional-Chinese system, UTF-16 without its BOM, …) and would import as garbage.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise UnreadableFile("无法识别这个文本文件的编码（既不是 UTF-8，也不是 GBK/GB18030）。"
                             + SAVE_AS_UTF8) from None
    if not plausible_chinese(text):
        raise UnreadableFile("这个文本文件的编码无法识别：按简体中文（GBK/GB18030）读出来几乎都是乱码，"
                             "它可能是繁体中文（Big5）或其他编码保存的。" + SAVE_AS_UTF8)
    return text


def read_txt(path: Path) -> list[SourceParagraph]:
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile("这个文件是空的（0 字节），没有可导入的内容。")
    if size > MAX_TEXT_BYTES:
        raise UnreadableFile("这个文本文件太大，不像是一份年度报告，程序拒绝读取。")
    text = decode_text(path.read_bytes())
    if "\x00" in text:
        raise UnreadableFile("这个文件不是文本文件。请导入 .docx 或 .txt 文件。")
    return [SourceParagraph(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


# ----- Word's automatic numbering --------------------------------------------------------------------------
_CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
                    "taiwaneseCountingThousand", "japaneseCounting", "ideographDigital"}
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"


def format_number(fmt: str, n: int) -> str:
    if fmt in _CHINESE_FORMATS and 0 < n < 1000:
        return chinese_number(n)
    if fmt == "decimalFullWidth":
        return str(n).translate(_FULL_WIDTH)
    if fmt == "ideographTraditional" and 0 < n <= 10:
        return _HEAVENLY[n - 1]
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


class Numbering:
    """numbering.xml: each list's levels, and the counters as the document goes."""

    def __init__(self, root: Any | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, str] = {}
        self.overrides: dict[tuple[str, int], int] = {}
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        for ab in root.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in ab.iter(f"{_W}lvl"):
                level = _Level()
                for tag, attr in (("numFmt", "fmt"), ("lvlText", "text")):
                    el = lvl.find(f"{_W}{tag}")
                    if el is not None and el.get(f"{_W}val") is not None:
                        setattr(level, attr, el.get(f"{_W}val"))
                start = lvl.find(f"{_W}start")
                if start is not None:
                    level.start = _int(start.get(f"{_W}val"), 1)
                levels[_int(lvl.get(f"{_W}ilvl"), 0)] = level
            self.abstract[ab.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iter(f"{_W}num"):
            ab_id = num.find(f"{_W}abstractNumId")
            num_id = num.get(f"{_W}numId", "")
            if ab_id is not None:
                self.nums[num_id] = ab_id.get(f"{_W}val", "")
            for ov in num.iter(f"{_W}lvlOverride"):
                so = ov.find(f"{_W}startOverride")
                if so is not None:
                    self.overrides[(num_id, _int(ov.get(f"{_W}ilvl"), 0))] = _int(so.get(f"{_W}val"), 1)

    def label(self, num_id: str, ilvl: int) -> str:
        """The next label of a list at a level ("一、", "（二）"), advancing its counter."""
        levels = self.abstract.get(self.nums.get(num_id, ""), {})
        if num_id == "0" or ilvl not in levels or not 0 <= ilvl < 9:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        if counters[ilvl] == 0:
            counters[ilvl] = self.overrides.get((num_id, ilvl), levels[ilvl].start)
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        text = levels[ilvl].text
        for n in range(ilvl + 1):
            value = counters[n] or (levels[n].start if n in levels else 1)
            text = text.replace(f"%{n + 1}", format_number(levels[n].fmt if n in levels else "decimal", value))
        return text


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


@dataclass
class _Style:
    num: tuple[str, int] | None = None
    outline: int | None = None
    based_on: str | None = None


def _num_pr(ppr: Any) -> tuple[str, int] | None:
    if ppr is None:
        return None
    num = ppr.find(f"{_W}numPr")
    if num is None:
        return None
    num_id = num.find(f"{_W}numId")
    ilvl = num.find(f"{_W}ilvl")
    return (num_id.get(f"{_W}val", "0") if num_id is not None else "",
            _int(ilvl.get(f"{_W}val") if ilvl is not None else None, 0))


def _outline(ppr: Any) -> int | None:
    el = ppr.find(f"{_W}outlineLvl") if ppr is not None else None
    return _int(el.get(f"{_W}val"), 9) if el is not None else None


class Styles:
    """styles.xml: the numbering and outline level a paragraph style gives (following w:basedOn)."""

    def __init__(self, root: Any | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default = ""
        if root is None:
            return
        for st in root.iter(f"{_W}style"):
            if st.get(f"{_W}type") != "paragraph":
                continue
            sid = st.get(f"{_W}styleId", "")
            ppr = st.find(f"{_W}pPr")
            name = st.find(f"{_W}name")
            outline = _outline(ppr)
            if outline is None and name is not None:
                lowered = (name.get(f"{_W}val") or "").lower().replace(" ", "")
                if lowered in ("heading1", "标题1"):
                    outline = 0
            based = st.find(f"{_W}basedOn")
            self.styles[sid] = _Style(_num_pr(ppr), outline, based.get(f"{_W}val") if based is not None else None)
            if st.get(f"{_W}default") in ("1", "true"):
                self.default = sid

    def resolve(self, sid: str) -> tuple[tuple[str, int] | None, int | None]:
        num: tuple[str, int] | None = None
        outline: int | None = None
        seen = set()
        while sid and sid not in seen and sid in self.styles:
            seen.add(sid)
            st = self.styles[sid]
            num = num or st.num
            outline = st.outline if outline is None else outline
            sid = st.based_on or ""
        return num, outline


# ----- .docx -----------------------------------------------------------------------------------------------
def _part_name(package: DocxPackage, rel_type_suffix: str) -> str | None:
    for rel_type, name in package.relationships(package.document_name).values():
        if rel_type.endswith(rel_type_suffix) and package.has(name):
            return name
    return None


def _optional_xml(package: DocxPackage, rel_type_suffix: str) -> Any | None:
    name = _part_name(package, rel_type_suffix)
    return package.xml(name) if name is not None else None


#: Start tags of the styles Styles never reads (it reads paragraph styles only), in either quote style.
_OTHER_STYLE_TYPES = tuple(f"w:type={q}{t}{q}".encode() for t in ("character", "table", "numbering") for q in "\"'")


def paragraph_styles_xml(data: bytes) -> Any:
    """styles.xml parsed without its character, table and numbering styles, which Styles does not read.

    python-docx's template and some generators write 300 KB of such styles, longer to parse than the whole
    document. The part is cut at each "<w:style " (Word's own prefix) with bytes operations; a style whose
    start tag does not say it is of another type is kept. Anything unusual (a comment, CDATA or DOCTYPE, another
    prefix, a style tag not followed by a space, a style without its closing tag, a part that does not end with
    </w:styles>, a cut that does not parse) is parsed whole, with parse_xml's checks.
    """
    chunks = data.split(b"<w:style ")
    head = chunks[0]
    root_at = head.find(b"<w:styles ")
    root_end = head.find(b">", root_at)
    if (b"<!" in data or len(chunks) == 1 or root_at < 0 or root_end < 0 or head[root_end - 1:root_end] == b"/"
            or f'xmlns:w="{W_NS}"'.encode() not in head[root_at:root_end]
            or data.count(b"<w:style") - data.count(b"<w:styles") != len(chunks) - 1  # "<w:style\n" …
            or not data.rstrip().endswith(b"</w:styles>")):
        return parse_xml(data)
    kept = [head[:root_end + 1]]
    for chunk in chunks[1:]:
        tag_end = chunk.find(b">")
        if tag_end < 0:
            return parse_xml(data)
        if any(t in chunk[:tag_end] for t in _OTHER_STYLE_TYPES):
            continue
        if chunk[tag_end - 1:tag_end] == b"/":
            kept.append(b"<w:style " + chunk[:tag_end + 1])
            continue
        close = chunk.find(b"</w:style>")
        if close < 0:
            return parse_xml(data)
        kept.append(b"<w:style " + chunk[:close + len(b"</w:style>")])
    kept.append(b"</w:styles>")
    try:
        return parse_xml(b"".join(kept))
    except UnreadableFile:
        return parse_xml(data)


def read_docx(package: DocxPackage) -> list[SourceParagraph]:
    """The body's paragraphs in order; a table's rows become paragraphs marked in_table (cells tab-separated),
    each followed by the rows of the tables nested in it; text boxes become paragraphs marked in_text_box."""
    root = package.xml(package.document_name)
    styles_name = _part_name(package, "/styles")
    styles = Styles(paragraph_styles_xml(package.read(styles_name)) if styles_name is not None else None)
    numbering = Numbering(_optional_xml(package, "/numbering"))
    body = root.find(f"{_W}body")
    if body is None:
        raise UnreadableFile("这个 Word 文档没有正文。")
    return _Walker(styles, numbering).content(body)


_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
#: Elements that only wrap content (content controls, custom XML): their content counts as the parent's.
_SDT, _SDT_CONTENT, _CUSTOM_XML = f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"


def _unwrapped(parent: Any, tag: str) -> list[Any]:
    """parent's children of this tag, looking through content controls and custom XML wrapped around them."""
    out = []
    for el in parent:
        if el.tag == tag:
            out.append(el)
        elif el.tag == _SDT:
            inner = el.find(_SDT_CONTENT)
            out += _unwrapped(inner, tag) if inner is not None else []
        elif el.tag == _CUSTOM_XML:
            out += _unwrapped(el, tag)
    return out


class _Walker:
    """Block-level content in document order, each text once: a table cell's paragraphs are its row's text, a
    nested table's rows and a text box's paragraphs come after, never inside the text that holds them."""

    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering

    def content(self, parent: Any, in_text_box: bool = False) -> list[SourceParagraph]:
        out: list[SourceParagraph] = []
        held: tuple[SourceParagraph, list[SourceParagraph]] | None = None  # a paragraph whose mark was deleted
        for el in parent:
            if el.tag != _P and held is not None:
                out += split_at_breaks(held[0]) + held[1]
                held = None
            if el.tag == _P:
                paragraph = _paragraph(el, self.styles, self.numbering)
                paragraph.in_text_box = in_text_box
                boxes = self.text_boxes(el)
                if held is not None:  # Word shows the two as one paragraph once the deletion is accepted
                    paragraph = _joined(held[0], paragraph)
                    boxes = held[1] + boxes
                    held = None
                if _mark_deleted(el):
                    held = (paragraph, boxes)
                    continue
                out += split_at_breaks(paragraph)
                out += boxes
            elif el.tag == _TBL:
                out += self.table(el)
            elif el.tag == _SDT:
                inner = el.find(_SDT_CONTENT)
                out += self.content(inner, in_text_box) if inner is not None else []
            elif el.tag == _CUSTOM_XML:
                out += self.content(el, in_text_box)
        if held is not None:
            out += split_at_breaks(held[0]) + held[1]
        return out

    def table(self, tbl: Any) -> list[SourceParagraph]:
        rows = _unwrapped(tbl, _TR)
        grid = [_unwrapped(tr, _TC) for tr in rows]
        if len(grid) == 1 and len(grid[0]) == 1:  # a frame (one cell) around the text, as some templates have
            return self.content(grid[0][0])
        out: list[SourceParagraph] = []
        for tr in rows:
            cells: list[str] = []
            after: list[SourceParagraph] = []
            for tc in _unwrapped(tr, _TC):
                inner = self.content(tc)
                own = [p for p in inner if not p.in_table and not p.in_text_box]
                cells.append("".join(p.shown for p in own))
                after += [p for p in inner if p.in_table or p.in_text_box]
            out.append(SourceParagraph("\t".join(cells), in_table=True))
            out += after
        return out

    def text_boxes(self, p: Any) -> list[SourceParagraph]:
        """The text boxes anchored in a paragraph, once each: never Word's VML copy in mc:Fallback, and a box
        inside another box belongs to the paragraph of that box."""
        out = []
        for box in p.iter(_TEXT_BOX):
            if any(a.tag in (_FALLBACK, _TEXT_BOX) for a in _ancestors_within(box, p)):
                continue
            out += [dataclasses.replace(x, in_table=False, in_text_box=True) if x.in_table else x
                    for x in self.content(box, in_text_box=True)]
        return out


#: A manual line break (Shift+Enter) after one of these ends a paragraph; elsewhere it only wraps a line.
_BREAK_ENDS = "。！？；：!?;:"


def split_at_breaks(paragraph: SourceParagraph) -> list[SourceParagraph]:
    """A paragraph with manual line breaks (Shift+Enter, common in text pasted from a web page or WPS) as the
    paragraphs it shows: a break after a sentence or after a numbered heading ("（一）加强组织领导") starts a new
    one; a break inside a sentence (a title or a line wrapped by hand) is only taken out."""
    if "\n" not in paragraph.text:
        return [paragraph]
    pieces: list[str] = []
    for part in paragraph.text.split("\n"):
        if pieces:
            last = ((paragraph.label if len(pieces) == 1 else "") + pieces[-1]).strip(" \t\u3000")
            heading = bool(MARKER.match(last)) and "。" not in last and len(last) <= 50
            if not last or not (last[-1] in _BREAK_ENDS or heading):
                pieces[-1] += part
                continue
        pieces.append(part)
    pieces = [p for p in pieces if p.strip()] or [""]
    first = dataclasses.replace(paragraph, text=pieces[0])
    return [first, *(SourceParagraph(p, in_table=paragraph.in_table, in_text_box=paragraph.in_text_box)
                     for p in pieces[1:])]


_MARK_DELETED = (f"{_W}pPr/{_W}rPr/{_W}del", f"{_W}pPr/{_W}rPr/{_W}moveFrom")


def _mark_deleted(p: Any) -> bool:
    """The paragraph mark is a tracked deletion: accepted, the paragraph runs on into the next one."""
    return any(p.find(path) is not None for path in _MARK_DELETED)


def _joined(first: SourceParagraph, second: SourceParagraph) -> SourceParagraph:
    """Two paragraphs joined by accepting a deleted paragraph mark: the text of both, and the number and level
    of the first one unless all its text was deleted too."""
    if not first.text.strip():
        return second
    return dataclasses.replace(first, text=first.text + second.text)


def _ancestors_within(el: Any, top: Any) -> list[Any]:
    out = []
    for a in el.iterancestors():
        if a is top:
            break
        out.append(a)
    return out


def _paragraph(p: Any, styles: Styles, numbering: Numbering) -> SourceParagraph:
    ppr = p.find(f"{_W}pPr")
    style_el = ppr.find(f"{_W}pStyle") if ppr is not None else None
    sid = style_el.get(f"{_W}val", "") if style_el is not None else styles.default
    style_num, style_outline = styles.resolve(sid)
    own = _num_pr(ppr)
    num = own if own is not None else style_num
    if own is not None and own[0] == "" and style_num is not None:  # only w:ilvl given: the style's list
        num = (style_num[0], own[1])
    outline = _outline(ppr)
    text = _own_text(p)
    label = numbering.label(*num) if num is not None and text.strip() else ""
    return SourceParagraph(text, label, outline if outline is not None else style_outline)


def _own_text(p: Any) -> str:
    """A paragraph's text without the text boxes anchored in it (they are paragraphs of their own)."""
    if p.find(f".//{_TEXT_BOX}") is None:
        return paragraph_text(p)
    bare = copy.deepcopy(p)
    for el in list(bare.iter(_TEXT_BOX, _FALLBACK)):
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    return paragraph_text(bare)
