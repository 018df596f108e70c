"""Text in tables is read once: a text box in a cell (Word's shape and its VML copy), nested tables, content
controls around rows and cells. Each used to be doubled or tripled in the imported text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from fzdesk.domain.model import Block
from fzdesk.exchange.importer import open_import
from fzdesk.exchange.package import DocxPackage
from fzdesk.exchange.source import read_docx
from tests.exchange import samples

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
       ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
       ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
       ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
       ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"')


def _box_run(text: str) -> str:
    """A text box as Word 2010+ writes it: the shape in mc:Choice, a VML copy in mc:Fallback."""
    body = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    return (f"<w:r {_NS}><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic>"
            f"<a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx></wps:wsp>"
            "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
            f"<v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>")


def _read(document: docx.document.Document, tmp_path: Path) -> list[tuple[str, bool, bool]]:
    path = tmp_path / "t.docx"
    document.save(str(path))
    with DocxPackage(path) as package:
        return [(p.shown, p.in_table, p.in_text_box) for p in read_docx(package) if p.shown.strip()]


def test_a_text_box_in_a_table_cell_is_read_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "行政复议案件"
    cell = table.cell(0, 1)
    cell.text = "12件"
    cell.paragraphs[0]._p.append(parse_xml(_box_run("备注：含撤回2件")))
    assert _read(document, tmp_path) == [("行政复议案件\t12件", True, False), ("备注：含撤回2件", False, True)]


def test_a_nested_table_and_its_text_box_are_read_once(tmp_path: Path) -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "执法情况"
    inner = outer.cell(0, 1).add_table(rows=2, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "检查", "126次"
    inner.cell(1, 0).text, inner.cell(1, 1).text = "处罚", "45件"
    inner.cell(1, 1).paragraphs[0]._p.append(parse_xml(_box_run("罚没12.6万元")))
    assert _read(document, tmp_path) == [("执法情况\t", True, False), ("检查\t126次", True, False),
                                         ("处罚\t45件", True, False), ("罚没12.6万元", False, True)]


def test_content_controls_around_rows_and_cells(tmp_path: Path) -> None:
    """WPS and form templates wrap rows and cells in w:sdt; a paragraph-level w:sdt around a table too."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "普法活动", "36场"
    tbl = table._tbl
    tr = tbl.find(qn("w:tr"))
    tc = tr.findall(qn("w:tc"))[1]
    cell_sdt = parse_xml(f"<w:sdt {_NS}><w:sdtPr/><w:sdtContent/></w:sdt>")
    tr.replace(tc, cell_sdt)
    cell_sdt.find(qn("w:sdtContent")).append(tc)
    row_sdt = parse_xml(f"<w:sdt {_NS}><w:sdtPr/><w:sdtContent/></w:sdt>")
    tbl.replace(tr, row_sdt)
    row_sdt.find(qn("w:sdtContent")).append(tr)
    body_sdt = parse_xml(f"<w:sdt {_NS}><w:sdtPr/><w:sdtContent/></w:sdt>")
    tbl.addprevious(body_sdt)
    body_sdt.find(qn("w:sdtContent")).append(tbl)
    assert _read(document, tmp_path) == [("普法活动\t36场", True, False)]


def test_a_table_in_a_text_box_is_text_box_text(tmp_path: Path) -> None:
    document = docx.Document()
    p = document.add_paragraph("正文")
    table = ("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc>"
             "<w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
    run = _box_run("框内").replace("<w:p><w:r><w:t>框内</w:t></w:r></w:p>", table)
    p._p.append(parse_xml(run))
    assert _read(document, tmp_path) == [("正文", False, False), ("甲\t乙", False, True)]


def test_the_county_report_with_a_figures_table_holding_a_note(tmp_path: Path) -> None:
    """Imported through open_import: the note in the table's text box is listed once, the report intact."""
    document = docx.Document()
    for line in samples.lines(samples.county_text()):
        document.add_paragraph(line)
        if line.startswith("三、"):
            table = document.add_table(rows=1, cols=2)
            table.cell(0, 0).text, table.cell(0, 1).text = "行政诉讼案件", "3件"
            table.cell(0, 1).paragraphs[0]._p.append(parse_xml(_box_run("均已结案")))
    path = tmp_path / "county-table.docx"
    document.save(str(path))
    preview = open_import(path)
    assert [(u.text, u.reason) for u in preview.unplaced] == [("均已结案", "文本框中的文字")]
    shortcomings = preview.report.section(Block.SHORTCOMINGS)
    assert shortcomings is not None and shortcomings.items
    assert shortcomings.items[0].paragraphs[0] == "行政诉讼案件3件。"  # the table's text, where it stood
    text = "".join(p for s in preview.report.sections for i in s.items for p in (i.title, *i.paragraphs))
    assert "均已结案" not in text


def test_a_report_framed_in_a_one_cell_table(tmp_path: Path) -> None:
    """Some templates put the whole text in a one-cell table (a frame): the file was refused as having no text
    outside tables. The frame's paragraphs are the body now."""
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    lines = samples.lines(samples.county_text())
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)
    path = tmp_path / "frame.docx"
    document.save(str(path))
    preview = open_import(path)
    assert preview.report.organs == ["沈丘县人民政府办公室"] and preview.report.year == 2023
    measures = preview.report.section(Block.MEASURES)
    assert measures is not None and len(measures.items) == 5
    assert not preview.unplaced


def test_the_signature_and_date_in_a_text_box_over_the_seal(tmp_path: Path) -> None:
    """Clerks set the 署名 and 成文日期 in a text box to place them over the seal: the date was lost (no 成文日期)
    and both lines listed as text-box text."""
    document = docx.Document()
    lines = samples.lines(samples.county_text())
    for line in lines[:-1]:  # the date (last line) goes into the box
        p = document.add_paragraph(line)
    box = _box_run("沈丘县人民政府办公室").replace(
        "<w:p><w:r><w:t>沈丘县人民政府办公室</w:t></w:r></w:p>",
        "<w:p><w:r><w:t>沈丘县人民政府办公室</w:t></w:r></w:p><w:p><w:r><w:t>2024年1月15日</w:t></w:r></w:p>")
    p._p.append(parse_xml(box))  # anchored in 特此报告。
    path = tmp_path / "seal-box.docx"
    document.save(str(path))
    preview = open_import(path)
    assert preview.report.date == dt.date(2024, 1, 15)
    assert preview.report.organs == ["沈丘县人民政府办公室"]
    assert not preview.unplaced and not any("日期" in w for w in preview.warnings)


def test_a_text_box_in_the_body_with_a_date_stays_text_box_text(tmp_path: Path) -> None:
    document = docx.Document()
    for line in samples.lines(samples.county_text()):
        p = document.add_paragraph(line)
        if line.startswith("我办严格履行"):
            p._p.append(parse_xml(_box_run("2023年6月1日")))
    path = tmp_path / "body-box.docx"
    document.save(str(path))
    preview = open_import(path)
    assert preview.report.date == dt.date(2023, 12, 15)
    assert [(u.text, u.reason) for u in preview.unplaced] == [("2023年6月1日", "文本框中的文字")]


def test_a_title_set_in_a_text_box_at_the_top(tmp_path: Path) -> None:
    """Templates set the organ and the title in a text box at the top of the page: the title was not found, so
    neither the year nor the organ was recognised."""
    document = docx.Document()
    lines = samples.lines(samples.county_text())
    top = document.add_paragraph()
    box = _box_run(lines[0]).replace(f"<w:p><w:r><w:t>{lines[0]}</w:t></w:r></w:p>", "".join(
        f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines[:2]))
    top._p.append(parse_xml(box))
    for line in lines[2:]:
        document.add_paragraph(line)
    path = tmp_path / "title-box.docx"
    document.save(str(path))
    preview = open_import(path)
    assert preview.report.year == 2023 and preview.report.organs == ["沈丘县人民政府办公室"]
    assert preview.report.recipient == "沈丘县人民政府" and not preview.unplaced
