"""Level-1 headings numbered "1." / "1、" or "第一部分" / "第一章" are read as the five blocks, as "一、" ones are."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from fzdesk.domain.model import Block, Numbering
from fzdesk.exchange import block_items, headings
from fzdesk.exchange import recognise as rec
from fzdesk.exchange.importer import open_import
from fzdesk.exchange.source import SourceParagraph
from tests.exchange import samples

_CN = "一二三四五"
JOINT_BLOCKS = [Block.RESPONSIBILITY, Block.MEASURES, Block.SHORTCOMINGS, Block.PLANS]
JOINT_HEADINGS = ["履行推进法治政府建设第一责任人职责情况", "主要举措和成效", "存在的问题",
                  "2024年法治政府建设主要安排"]


def _renumbered(label: Callable[[int, str], list[str]]) -> list[str]:
    """The joint sample with its "一、" headings written another way."""
    out: list[str] = []
    for line in samples.lines(samples.JOINT):
        m = re.match(rf"^([{_CN}])、(.*)$", line)
        out += label(_CN.index(m.group(1)) + 1, m.group(2)) if m else [line]
    return out


FORMS: dict[str, Callable[[int, str], list[str]]] = {
    "1.": lambda n, t: [f"{n}.{t}"],
    "1．": lambda n, t: [f"{n}．{t}"],
    "1、": lambda n, t: [f"{n}、{t}"],
    "1. spaced": lambda n, t: [f"{n}. {t}"],
    "第一部分": lambda n, t: [f"第{_CN[n - 1]}部分 {t}"],
    "第一部分：": lambda n, t: [f"第{_CN[n - 1]}部分：{t}"],
    "第一章": lambda n, t: [f"第{_CN[n - 1]}章　{t}"],
    "第一部分 alone": lambda n, t: [f"第{_CN[n - 1]}部分", t],
}


@pytest.mark.parametrize("form", FORMS)
def test_other_level1_numbering_maps_onto_the_blocks(form: str) -> None:
    got = rec.recognise([SourceParagraph(x) for x in _renumbered(FORMS[form])])
    assert got.mapping == list(zip(JOINT_HEADINGS, JOINT_BLOCKS, strict=True))
    responsibility, measures, shortcomings, plans = (got.report.section(b) for b in JOINT_BLOCKS)
    assert responsibility is not None
    assert [i.title for i in responsibility.items][:2] == ["强化组织领导", "完善制度机制"]
    assert measures is not None and measures.numbering is Numbering.YISHI and len(measures.items) == 5
    assert shortcomings is not None and len(shortcomings.items) == 3
    assert plans is not None and len(plans.items) == 6
    assert not got.unplaced
    assert not any("已留空" in w or "一级标题" in w for w in got.warnings)


def test_arabic_headings_with_arabic_items_under_them() -> None:
    """"1." headings whose items are numbered "1." too: the headings are the numbered lines that name a block."""
    text = ["××镇人民政府关于2023年度法治政府建设情况的报告", "××县人民政府：", "2023年，我镇扎实推进法治政府建设。",
            "1.主要举措和成效", "1.加强组织领导", "成立领导小组。", "2.规范行政执法", "开展执法检查12次。",
            "2.存在的不足和原因", "基层执法力量薄弱。", "3.2024年工作安排", "1.深化普法", "2.规范执法",
            "特此报告。", "××镇人民政府", "2024年1月10日"]
    got = rec.recognise([SourceParagraph(x) for x in text])
    assert [b for _, b in got.mapping] == [Block.MEASURES, Block.SHORTCOMINGS, Block.PLANS]
    measures = got.report.section(Block.MEASURES)
    assert measures is not None and [i.title for i in measures.items] == ["加强组织领导", "规范行政执法"]
    plans = got.report.section(Block.PLANS)
    assert plans is not None and [i.title for i in plans.items] == ["深化普法", "规范执法"]


def test_numbered_paragraphs_naming_no_blocks_stay_text() -> None:
    """A report without headings whose "1." paragraphs are just a list is not cut into blocks by them."""
    text = ["××镇人民政府关于2023年度法治政府建设情况的报告", "××县人民政府：", "2023年我镇做了以下工作：",
            "1.加强组织领导", "2.规范行政执法", "3.深化普法宣传", "特此报告。", "2024年1月10日"]
    got = rec.recognise([SourceParagraph(x) for x in text])
    assert got.mapping == []
    opening = got.report.section(Block.OPENING)
    assert opening is not None
    assert opening.items[0].paragraphs[1:] == ["1.加强组织领导", "2.规范行政执法", "3.深化普法宣传"]


def test_heading1_style_drops_a_typed_arabic_number(tmp_path: Path) -> None:
    document = docx.Document()
    for line in _renumbered(FORMS["1."]):
        if re.match(r"^\d\.", line):
            document.add_heading(line, level=1)
        else:
            document.add_paragraph(line)
    path = tmp_path / "headings.docx"
    document.save(str(path))
    preview = open_import(path)
    assert preview.mapping == list(zip(JOINT_HEADINGS, JOINT_BLOCKS, strict=True))


def test_decimal_automatic_numbering_at_level_one(tmp_path: Path) -> None:
    """Word's automatic "%1." list on the level-1 headings (no typed number) is read as "1." headings."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    for line in samples.lines(samples.JOINT):
        m = re.match(rf"^[{_CN}]、(.*)$", line)
        p = document.add_paragraph(m.group(1) if m else line)
        if m:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="77"/></w:numPr>'))
    path = tmp_path / "auto.docx"
    document.save(str(path))
    assert open_import(path).mapping == list(zip(JOINT_HEADINGS, JOINT_BLOCKS, strict=True))


def test_dotted_items_under_arabic_headings() -> None:
    """Word's multi-level decimal list numbers the items under "1." as "1.1" "1.2": they stayed one block of text
    with their numbers in it."""
    text = ["××镇人民政府关于2023年度法治政府建设情况的报告", "××县人民政府：", "2023年，我镇扎实推进法治政府建设。",
            "1.主要举措和成效", "1.1加强组织领导", "成立领导小组。", "1.2 规范行政执法", "开展执法检查12次。",
            "2.存在的不足和原因", "基层执法力量薄弱。", "3.2024年工作安排", "3.1深化普法", "3.2规范执法",
            "特此报告。", "××镇人民政府", "2024年1月10日"]
    got = rec.recognise([SourceParagraph(x) for x in text])
    measures, plans = got.report.section(Block.MEASURES), got.report.section(Block.PLANS)
    assert measures is not None and [(i.title, i.paragraphs) for i in measures.items] == [
        ("加强组织领导", ["成立领导小组。"]), ("规范行政执法", ["开展执法检查12次。"])]
    assert plans is not None and [i.title for i in plans.items] == ["深化普法", "规范执法"]


@pytest.mark.parametrize("text", ["1.1万元用于普法。", "1.1%的案件被纠错。", "1.1余万人次参加。", "1.1.3条"])
def test_a_decimal_number_is_no_dotted_item(text: str) -> None:
    numbering, items, _ = block_items.split_items([text, "其余用于培训。"])
    assert numbering is Numbering.NONE and len(items) == 1


@pytest.mark.parametrize(("heading", "block"), [
    ("坚持党的领导，压实法治建设责任", Block.RESPONSIBILITY),
    ("领导干部带头尊法学法守法用法情况", Block.RESPONSIBILITY),
    ("法治政府建设总体情况", Block.MEASURES),
    ("推进法治政府建设的主要措施", Block.MEASURES),
    ("重点工作完成情况", Block.MEASURES),  # was taken for the plans (重点)
    ("2023年工作回顾", Block.MEASURES),
    ("基本情况", Block.MEASURES),
    ("整改落实情况", Block.SHORTCOMINGS),
    ("需要说明的情况", Block.OTHER),
    ("下一步工作措施", Block.PLANS),
    ("2023年存在的问题", Block.SHORTCOMINGS),
])
def test_more_heading_wordings_real_reports_use(heading: str, block: Block) -> None:
    """Headings from real reports that were left unplaced (their whole block listed as 无法归类) or mis-mapped."""
    assert headings.classify_heading(heading, 2023) is block


def test_chinese_numbered_items_under_part_headings() -> None:
    """Under "第一部分" headings, "一、" "二、" number the items: each was taken for a level-1 heading, named no
    block, and its text was listed as 无法归类."""
    text = ["××镇人民政府关于2023年度法治政府建设情况的报告", "××县人民政府：", "2023年，我镇扎实推进法治政府建设。",
            "第一部分 主要举措和成效", "一、加强组织领导", "成立领导小组。", "二、规范行政执法", "开展执法检查12次。",
            "第二部分 存在的不足和原因", "基层执法力量薄弱。", "第三部分 2024年工作安排", "一、深化普法",
            "二、规范执法", "特此报告。", "××镇人民政府", "2024年1月10日"]
    got = rec.recognise([SourceParagraph(x) for x in text])
    assert [b for _, b in got.mapping] == [Block.MEASURES, Block.SHORTCOMINGS, Block.PLANS]
    measures, plans = got.report.section(Block.MEASURES), got.report.section(Block.PLANS)
    assert measures is not None and measures.numbering is Numbering.HEADINGS
    assert [(i.title, i.paragraphs) for i in measures.items] == [
        ("加强组织领导", ["成立领导小组。"]), ("规范行政执法", ["开展执法检查12次。"])]
    assert plans is not None and [i.title for i in plans.items] == ["深化普法", "规范执法"]
    assert not got.unplaced


def test_bracketed_headings_at_the_top_level_of_a_short_report() -> None:
    """A short report with "（一）" "（二）" as its only headings: everything went into the opening."""
    text = ["××镇司法所关于2023年度法治政府建设情况的报告", "××镇人民政府：", "2023年，我所扎实推进法治建设。",
            "（一）主要举措和成效", "一是加强普法宣传。开展活动10场。", "二是化解矛盾纠纷。调解纠纷20件。",
            "（二）存在的不足和原因", "人员少，任务重。", "（三）下一步工作打算", "继续加强普法宣传。",
            "特此报告。", "××镇司法所", "2024年1月10日"]
    got = rec.recognise([SourceParagraph(x) for x in text])
    assert [b for _, b in got.mapping] == [Block.MEASURES, Block.SHORTCOMINGS, Block.PLANS]
    measures = got.report.section(Block.MEASURES)
    assert measures is not None and [i.title for i in measures.items] == ["加强普法宣传", "化解矛盾纠纷"]
    opening = got.report.section(Block.OPENING)
    assert opening is not None and opening.items[0].paragraphs == ["2023年，我所扎实推进法治建设。"]


def test_bracketed_items_of_an_unheaded_report_stay_in_the_opening() -> None:
    text = ["××镇司法所关于2023年度法治政府建设情况的报告", "××镇人民政府：", "2023年，我所做了以下工作：",
            "（一）加强普法宣传", "（二）化解矛盾纠纷", "特此报告。", "2024年1月10日"]
    got = rec.recognise([SourceParagraph(x) for x in text])
    assert got.mapping == []


def test_a_comma_typed_for_the_level1_mark() -> None:
    """"二，主要举措和成效" (a comma typed for 、): the heading was missed and its block ran into the one above."""
    got = rec.recognise([SourceParagraph(x) for x in _renumbered(lambda n, t: [f"{_CN[n - 1]}，{t}"])])
    assert got.mapping == list(zip(JOINT_HEADINGS, JOINT_BLOCKS, strict=True))


def test_a_sentence_after_a_comma_is_no_heading() -> None:
    text = samples.lines(samples.JOINT)
    at = text.index("二、主要举措和成效")
    text.insert(at, "一，二，三，四，全体干部依次发言。")
    got = rec.recognise([SourceParagraph(x) for x in text])
    assert got.mapping == list(zip(JOINT_HEADINGS, JOINT_BLOCKS, strict=True))
