"""A paragraph mark deleted with 修订 on (审阅 → 修订): Word, once the deletion is accepted, shows the paragraph and
the next one as one. The importer read them as two (a sentence cut in half, or an item split off its text)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from fzdesk.domain.model import Block
from fzdesk.exchange.importer import open_import
from fzdesk.exchange.package import DocxPackage
from fzdesk.exchange.source import read_docx
from tests.exchange import samples

_DELETED_MARK = f'<w:rPr {nsdecls("w")}><w:del w:id="9" w:author="张三" w:date="2024-01-10T09:00:00Z"/></w:rPr>'


def _delete_mark(paragraph: docx.text.paragraph.Paragraph, tag: str = "del") -> None:
    paragraph._p.get_or_add_pPr().append(parse_xml(_DELETED_MARK.replace("w:del ", f"w:{tag} ")))


EXTRA = "全年召开专题会议4次，研究解决法治建设重大问题。"


def _county(tmp_path: Path, at: str, *, tag: str = "del", deleted_line: str = "") -> tuple[Path, str]:
    """The county report with a paragraph EXTRA after the one starting with at, whose mark is deleted (the clerk
    ran the two together with 修订 on); deleted_line: a whole line deleted (its text and its mark) before it."""
    document = docx.Document()
    whole = ""
    for line in samples.lines(samples.county_text()):
        if not line.startswith(at):
            document.add_paragraph(line)
            continue
        whole = line + EXTRA
        if deleted_line:
            gone = document.add_paragraph()
            gone._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="8" w:author="张三"><w:r>'
                                     f"<w:delText>{deleted_line}</w:delText></w:r></w:del>"))
            _delete_mark(gone, tag)
        _delete_mark(document.add_paragraph(line), tag)
        document.add_paragraph(EXTRA)
    path = tmp_path / "tracked-mark.docx"
    document.save(str(path))
    return path, whole


def test_a_deleted_paragraph_mark_joins_the_two_paragraphs(tmp_path: Path) -> None:
    path, whole = _county(tmp_path, "我办严格履行")
    section = open_import(path).report.section(Block.RESPONSIBILITY)
    assert section is not None and section.items[0].paragraphs == [whole]


def test_a_mark_moved_away_joins_them_too(tmp_path: Path) -> None:
    path, whole = _county(tmp_path, "我办严格履行", tag="moveFrom")
    section = open_import(path).report.section(Block.RESPONSIBILITY)
    assert section is not None and section.items[0].paragraphs == [whole]


def test_a_whole_line_deleted_leaves_the_next_paragraph_as_it_was(tmp_path: Path) -> None:
    path, whole = _county(tmp_path, "我办严格履行", deleted_line="（这一段已删去）")
    section = open_import(path).report.section(Block.RESPONSIBILITY)
    assert section is not None and section.items[0].paragraphs == [whole]
    assert whole.startswith("我办严格履行")
    text = "".join(p for s in open_import(path).report.sections for i in s.items for p in (i.title, *i.paragraphs))
    assert "这一段已删去" not in text


def test_the_joined_paragraph_keeps_the_first_ones_number(tmp_path: Path) -> None:
    """Word's automatic number of the first paragraph stays in front of the joined text; the text box anchored
    in the first paragraph comes after the joined paragraph, never inside it."""
    from tests.exchange.clerk_docx import text_box_run

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="71"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="71"><w:abstractNumId w:val="71"/></w:num>'))
    first = document.add_paragraph("主要举措")
    first._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="71"/></w:numPr>'))
    first._p.append(parse_xml(text_box_run("注：数据截至12月")))
    _delete_mark(first)
    document.add_paragraph("和成效")
    document.add_paragraph("全年办理行政复议案件5件。")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    with DocxPackage(path) as package:
        got = [(p.shown, p.in_text_box) for p in read_docx(package)]
    assert got == [("一、主要举措和成效", False), ("注：数据截至12月", True), ("全年办理行政复议案件5件。", False)]
