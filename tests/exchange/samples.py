"""Sample reports for the import tests: the real county report, a joint report, and .docx versions of them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from fzdesk.exchange.repair import MARKER, SENTENCE_END

SAMPLES = Path("/work/shared/samples")
REPO_SAMPLE = Path(__file__).resolve().parent / "data" / "county_2023.txt"


def county_text() -> str:
    """The county office's 2023 report (the shared sample; a copy in the tests when the share is absent)."""
    found = sorted(SAMPLES.glob("*.txt")) if SAMPLES.is_dir() else []
    return (found[0] if found else REPO_SAMPLE).read_text(encoding="utf-8")


JOINT = """中共临水经济开发区工作委员会 临水经济开发区管理委员会
关于2023年度法治政府建设情况的报告

市委、市政府：
2023年，开发区党工委、管委会坚持以习近平新时代中国特色社会主义思想为指导，扎实推进法治政府建设。现将有关情况报告如下：
一、履行推进法治政府建设第一责任人职责情况
（一）强化组织领导
党工委书记、管委会主任带头学法，全年听取法治工作汇报4次。
（二）完善制度机制
制定了法治政府建设年度工作要点。
（三）带头依法决策
重大事项均经集体讨论决定。
（四）抓好述法考核
将述法纳入年度考核。
二、主要举措和成效
一是优化营商环境。全面推行“一网通办”，政务服务事项网上可办率达98.5%。
二是规范行政执法。全年开展执法检查126次，作出行政处罚45件，罚没金额12.6万元。
三是加强合同审查。审查合同87份，出具审查意见87份。
四是化解矛盾纠纷。排查调处矛盾纠纷213件，调解成功205件。
五是深化普法宣传。开展普法活动36场，发放宣传资料两万余份。
三、存在的问题
一是部分干部法治意识不强；二是执法队伍力量不足；三是基层法治建设存在短板，原因是投入不够。
四、2024年法治政府建设主要安排
（一）深入学习贯彻习近平法治思想
（二）持续优化营商环境
（三）严格规范公正文明执法
（四）加强行政复议应诉工作
（五）推进基层法治建设
（六）深化法治宣传教育
特此报告。

中共临水经济开发区工作委员会
临水经济开发区管理委员会
二〇二三年十二月二十日
"""


def lines(text: str) -> list[str]:
    return [x.strip() for x in text.splitlines() if x.strip()]


# ----- .docx versions ------------------------------------------------------------------------------------
_LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、")
_ITEM = re.compile(r"^（[一二三四五六七八九十]+）")

_NUMBERING = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
    '<w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
    '<w:lvlJc w:val="left"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
    '<w:lvlJc w:val="left"/></w:lvl>'
    "</w:abstractNum>"
)


def _add_numbering(document: Any) -> str:
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(_NUMBERING)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _num_pr(owner: Any, num_id: str, ilvl: int) -> None:
    element = owner._p if hasattr(owner, "_p") else owner.element
    ppr = element.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def damage(text: str, width: int = 31) -> list[str]:
    """What copying from a PDF does: spaces between some characters, the paragraph broken at line ends.

    Breaks are made only where a reader could tell (not after a full stop, not before a number marker).
    """
    spaced = re.sub(r"(法治)(政府)", r"\1 \2", text)
    spaced = re.sub(r"(建)(设)", "\\1\u3000\\2", spaced)
    out, rest = [], spaced
    while len(rest) > width + 10:
        cut = width
        while cut < len(rest) - 5 and (rest[cut - 1] in SENTENCE_END or MARKER.match(rest[cut:])
                                       or rest[cut - 1] == " " or rest[cut] in " \u3000"):
            cut += 1
        out.append(rest[:cut])
        rest = rest[cut:]
    return [*out, rest]


def write_docx(path: Path, text_lines: list[str], *, auto_numbering: str = "", pdf_damage: bool = False,
               heading_style: bool = False) -> Path:
    """The lines as a hand-written .docx.

    auto_numbering: "paragraph" puts Word's automatic numbering (w:numPr) on the level-1 headings and the
    （一） items instead of typed numbers; "style" puts it on a heading style the paragraphs use.
    """
    document = docx.Document()
    num_id = _add_numbering(document) if auto_numbering else ""
    style = None
    if auto_numbering == "style":
        style = document.styles.add_style("FzLevel1", 1)
        style.base_style = document.styles["Normal"]
        _num_pr(style, num_id, 0)
    body_started = False
    for line in text_lines:
        if line.endswith("：") and not body_started:
            body_started = True
            document.add_paragraph(line)
            continue
        if auto_numbering and _LEVEL1.match(line):
            p = document.add_paragraph(_LEVEL1.sub("", line), style=style)
            if style is None:
                _num_pr(p, num_id, 0)
            continue
        if auto_numbering == "paragraph" and _ITEM.match(line):
            pieces = damage(_ITEM.sub("", line)) if pdf_damage else [_ITEM.sub("", line)]
            _num_pr(document.add_paragraph(pieces[0]), num_id, 1)
            for piece in pieces[1:]:
                document.add_paragraph(piece)
            continue
        if heading_style and _LEVEL1.match(line):
            document.add_paragraph(line, style="Heading 1")
            continue
        if pdf_damage and body_started and len(line) > 45:
            for piece in damage(line):
                document.add_paragraph(piece)
            continue
        document.add_paragraph(line)
    document.save(str(path))
    return path
