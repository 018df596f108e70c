"""A hand-written report as a township clerk's Word/WPS file really looks: "1." headings from Word's own list,
"（1）" items, manual line breaks, a figures table with a note in a text box, 2024.1.15 and a 版记."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

TEXT_BOX_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
               ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
               ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
               ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
               ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
               ' xmlns:v="urn:schemas-microsoft-com:vml"')


def text_box_run(text: str) -> str:
    """A text box as Word 2010+ and WPS write it: the shape in mc:Choice, a VML copy in mc:Fallback."""
    body = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    return (f"<w:r {TEXT_BOX_NS}><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
            f"<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx>"
            "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
            f"<v:shape><v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>")


ORGAN = "临河县石桥镇人民政府"
HEADINGS = ["履行推进法治建设第一责任人职责情况", "2023年法治政府建设主要举措和成效",
            "存在的不足和原因", "2024年工作打算"]
MEASURES = ["规范行政执法", "化解矛盾纠纷", "深化普法宣传"]
BOX_NOTE = "注：执法检查含联合检查8次"


def township_docx(path: Path) -> Path:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="61"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="61"><w:abstractNumId w:val="61"/></w:num>'))

    def para(text: str, *, center: bool = False) -> docx.text.paragraph.Paragraph:
        p = document.add_paragraph(text)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return p

    def heading(text: str) -> None:
        p = para(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="61"/></w:numPr>'))

    def broken(first: str, second: str) -> None:  # Shift+Enter between an item's title and its text
        p = para(first)
        run = p.add_run()
        run.add_break(WD_BREAK.LINE)
        run.add_text(second)

    para(f"{ORGAN}关于2023年度", center=True)
    para("法治政府建设情况的报告", center=True)
    para("临河县人民政府：")
    para("\u3000\u30002023年，我镇深入学习贯彻习近平法治思想，扎实推进法治政府建设。现将有关情况报告如下：")
    heading(HEADINGS[0])
    para("\u3000\u3000镇党委书记、镇长带头学法，全年召开专题会议4次，研究部署法治政府建设工作。")
    heading(HEADINGS[1])
    broken(f"（1）{MEASURES[0]}", "全年开展执法检查36次，办理行政处罚案件12件。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "执法检查", "36次"
    table.cell(1, 0).text, table.cell(1, 1).text = "行政处罚", "12件"
    table.cell(0, 1).paragraphs[0]._p.append(parse_xml(text_box_run(BOX_NOTE)))
    broken(f"（2）{MEASURES[1]}", "排查调处矛盾纠纷86件，调解成功82件。")
    broken(f"（3）{MEASURES[2]}", "开展“法律进村”活动24场。")
    heading(HEADINGS[2])
    para("\u3000\u3000一是执法人员力量不足；二是部分村干部法治意识不强，原因是培训不够。")
    heading(HEADINGS[3])
    para("\u3000\u3000一是加强执法队伍建设；二是持续开展法治培训。")
    para("\u3000\u3000特此报告。")
    para(ORGAN).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    para("2024.1.15").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    para("（此件公开发布）")
    para("抄送：县委依法治县办。")
    para("临河县石桥镇党政综合办公室\u3000\u3000\u3000\u30002024年1月16日印发")
    document.save(str(path))
    return path
