"""Reports as clerks really write them in Word/WPS: what the user-style pass over import found wrong."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from fzdesk.domain.model import Block
from fzdesk.exchange import recognise as rec
from fzdesk.exchange.importer import open_import
from fzdesk.exchange.source import SourceParagraph
from tests.exchange import samples
from tests.exchange.test_recognise import MEASURE_TITLES


def _county(replace: dict[str, list[str]], drop_closing: bool = False) -> rec.Recognised:
    text: list[str] = []
    for line in samples.lines(samples.county_text()):
        key = next((k for k in replace if line.startswith(k)), None)
        text += replace[key] if key is not None else [line]
    if drop_closing:
        text.remove("特此报告。")
    return rec.recognise([SourceParagraph(line) for line in text])


@pytest.mark.parametrize("heading", ["一、单位负责人履行推进法治建设第一责任人职责情况。",
                                     "第一部分 单位负责人履行推进法治建设第一责任人职责情况。"])
def test_a_level1_heading_ending_in_a_full_stop(heading: str) -> None:
    """"一、……情况。" was no heading: the block and its text went into the opening."""
    got = _county({"一、": [heading]})
    section = got.report.section(Block.RESPONSIBILITY)
    assert section is not None and section.heading == "单位负责人履行推进法治建设第一责任人职责情况"
    assert section.items and section.items[0].paragraphs[0].startswith("我办严格履行")
    opening = got.report.section(Block.OPENING)
    assert opening is not None and len(opening.items[0].paragraphs) == 1


def test_a_level1_heading_run_into_its_text() -> None:
    """"三、存在的不足和原因。虽然……" in one paragraph: the heading and the text it starts are both kept."""
    run_in = "三、存在的不足和原因。虽然我办今年法治政府建设取得明显成效，但同时也存在一些不足。"
    got = _county({"三、": [], "虽然我办": [run_in]})
    section = got.report.section(Block.SHORTCOMINGS)
    assert section is not None and section.heading == "存在的不足和原因"
    assert section.items[0].paragraphs == ["虽然我办今年法治政府建设取得明显成效，但同时也存在一些不足。"]
    measures = got.report.section(Block.MEASURES)
    assert measures is not None and not any("虽然" in p for i in measures.items for p in i.paragraphs)


def test_a_numbered_sentence_that_names_no_block_is_no_heading() -> None:
    """"一、……。……" whose first sentence names no block stays text (an inline item of the block above)."""
    got = _county({"三、": ["一、狠抓落实。全年开展各类活动20余次。"]})
    assert [b for _, b in got.mapping] == [Block.RESPONSIBILITY, Block.MEASURES, Block.PLANS]


COLOPHONS = {
    "附注": (["（此件公开发布）"], [("（此件公开发布）", "附注")], {}),
    "附注和联系人": (["（此件公开发布）", "（联系人：张三，联系电话：0394-5123456）"], [("（此件公开发布）", "附注")],
                {"contact": "张三 0394-5123456"}),
    "版记": (["抄送：县委依法治县办。", "沈丘县人民政府办公室      2024年1月16日印发"],
           [("沈丘县人民政府办公室2024年1月16日印发", "版记")], {"cc": "县委依法治县办"}),
}


@pytest.mark.parametrize("closing", [True, False])
@pytest.mark.parametrize("kind", COLOPHONS)
def test_the_note_and_colophon_after_the_date(kind: str, closing: bool) -> None:
    """GB/T 9704's 附注 and 版记 after the date: without 特此报告 they hid the 署名 and date, which were glued
    into the last block; with it they were "无法归类". 抄送 and the contact now fill the new unit's fields."""
    extra, unplaced, unit = COLOPHONS[kind]
    text = samples.lines(samples.county_text())
    text[-1:] = ["沈丘县人民政府办公室", "2024年1月15日", *extra]
    if not closing:
        text.remove("特此报告。")
    got = rec.recognise([SourceParagraph(line) for line in text])
    assert got.report.date == dt.date(2024, 1, 15) and got.report.organs == ["沈丘县人民政府办公室"]
    assert [(u.text, u.reason[:len(r)]) for u, (_, r) in zip(got.unplaced, unplaced, strict=True)] == unplaced
    assert (got.unit.cc, got.unit.contact) == (unit.get("cc", ""), unit.get("contact", ""))
    plans = got.report.section(Block.PLANS)
    assert plans is not None and plans.items[-1].paragraphs[-1].endswith("良好社会氛围。")


def _with_breaks(tmp_path: Path, paragraphs: list[list[str]]) -> Path:
    """A .docx whose paragraphs hold manual line breaks (Shift+Enter) between the given parts."""
    document = docx.Document()
    for parts in paragraphs:
        p = document.add_paragraph(parts[0])
        for part in parts[1:]:
            run = p.add_run()
            run.add_break(WD_BREAK.LINE)
            run.add_text(part)
    path = tmp_path / "breaks.docx"
    document.save(str(path))
    return path


def test_manual_line_breaks_between_heading_and_text(tmp_path: Path) -> None:
    """Text pasted from a web page: heading and text in one paragraph split by Shift+Enter. They were glued, so
    "（一）加强组织领导" took the first sentence of its text into its title."""
    lines = samples.lines(samples.county_text())
    grouped: list[list[str]] = []
    for line in lines:
        if grouped and re.match(r"^（[一二三四五]）", grouped[-1][0]) and len(grouped[-1]) == 1:
            grouped[-1].append(line)
        else:
            grouped.append([line])
    preview = open_import(_with_breaks(tmp_path, grouped))
    measures = preview.report.section(Block.MEASURES)
    assert measures is not None and [i.title for i in measures.items] == MEASURE_TITLES
    assert all(i.paragraphs for i in measures.items)


def test_a_line_break_inside_a_sentence_only_wraps(tmp_path: Path) -> None:
    """A title and a sentence wrapped by hand stay one line each."""
    lines = samples.lines(samples.county_text())
    at = next(n for n, x in enumerate(lines) if x.startswith("我办严格履行"))
    rows = [[x] for x in lines]
    rows[1] = ["关于2023年度法治政府", "建设情况的报告"]
    rows[at] = [lines[at][:25], lines[at][25:]]
    preview = open_import(_with_breaks(tmp_path, rows))
    assert preview.report.year == 2023 and preview.report.organs == ["沈丘县人民政府办公室"]
    section = preview.report.section(Block.RESPONSIBILITY)
    assert section is not None and section.items[0].paragraphs[0] == lines[at]


MASTHEADS = {
    "红头和发文字号": ["沈丘县人民政府办公室文件", "沈政办〔2024〕3号"],
    "红头、发文字号和签发人": ["沈丘县人民政府办公室文件", "沈政办〔2024〕3号", "签发人：张  三"],
    "机关名称的版头": ["沈丘县人民政府办公室", "沈政办〔2024〕3号", "签发人：张三"],
}


@pytest.mark.parametrize("kind", MASTHEADS)
def test_a_masthead_above_the_title_is_no_organ(kind: str) -> None:
    """A 版头 above the title became issuing organs ("××文件", "沈政办〔2024〕3号", "签发人：张三") and so part of
    the title the export writes."""
    text = samples.lines(samples.county_text())
    text[0:1] = [*MASTHEADS[kind], "沈丘县人民政府办公室"]
    got = rec.recognise([SourceParagraph(line) for line in text])
    assert got.report.organs == ["沈丘县人民政府办公室"] and got.unit.name == "沈丘县人民政府办公室"
    assert got.report.title == "" and got.report.year == 2023  # the conventional title, derived
    assert sorted(u.text for u in got.unplaced) == sorted(x.replace("  ", "") for x in MASTHEADS[kind])
    assert all(("发文字号" in u.reason) != ("版头" in u.reason) for u in got.unplaced)


@pytest.mark.parametrize("number", ["— 2 —", "- 3 -", "－4－", "第 5 页 共 8 页", "第5页", "5/8"])
def test_page_numbers_copied_from_a_pdf_are_left_out(number: str) -> None:
    """Text copied out of last year's PDF carries its page numbers on lines of their own: they ended up in the
    report as paragraphs ("— 2 —" in the middle of 主要举措和成效)."""
    text = samples.lines(samples.county_text())
    at = next(n for n, x in enumerate(text) if x.startswith("（三）"))
    text[at:at] = [number]
    text[2:2] = [number]
    got = rec.recognise([SourceParagraph(line) for line in text])
    bare = number.replace(" ", "")
    assert not any(bare in p.replace(" ", "") for s in got.report.sections for i in s.items
                   for p in (i.title, *i.paragraphs))
    measures = got.report.section(Block.MEASURES)
    assert measures is not None and [i.title for i in measures.items] == MEASURE_TITLES
    assert "去掉了2个单独成行的页码（如“— 2 —”，从 PDF 复制时带入）。" in got.warnings


def test_a_sentence_broken_by_a_page_number_is_joined() -> None:
    text = samples.lines(samples.county_text())
    at = next(n for n, x in enumerate(text) if x.startswith("我办严格履行"))
    whole = text[at]
    cut = whole.index("，") + 1
    text[at:at + 1] = [whole[:cut], "— 2 —", whole[cut:]]
    got = rec.recognise([SourceParagraph(line) for line in text])
    section = got.report.section(Block.RESPONSIBILITY)
    assert section is not None and section.items[0].paragraphs == [whole]


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    """A report saved with revisions still tracked (审阅 → 修订): text moved within the document came twice (its
    old place, w:moveFrom, and its new one) and deleted text written as w:t by WPS stayed in."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    lines = samples.lines(samples.county_text())
    at = next(n for n, x in enumerate(lines) if x.startswith("我办严格履行"))
    for n, line in enumerate(lines):
        p = document.add_paragraph(line)
        if n == at:
            p._p.append(parse_xml(f'<w:moveFrom {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t>全年召开会议4次。'
                                  "</w:t></w:r></w:moveFrom>"))
            p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:t>（删去的话）</w:t>'
                                  "</w:r></w:del>"))
            p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="3" w:author="a"><w:r><w:t>（补充的话）</w:t>'
                                  "</w:r></w:ins>"))
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    section = open_import(path).report.section(Block.RESPONSIBILITY)
    assert section is not None and section.items[0].paragraphs == [lines[at] + "（补充的话）"]


_COMBINED = ["××镇人民政府关于2023年度法治政府建设情况的报告", "××县人民政府：",
             "2023年，我镇扎实推进法治政府建设。现将有关情况报告如下：",
             "一、主要举措和成效", "（一）加强组织领导", "成立领导小组。", "（二）规范行政执法", "开展执法检查12次。",
             "二、存在的问题和下一步工作打算", "（一）存在的问题", "一是执法力量不足；二是法治宣传不够深入。",
             "（二）下一步工作打算", "一是加强执法队伍建设；二是深化普法宣传。",
             "特此报告。", "××镇人民政府", "2024年1月10日"]


def test_one_heading_for_shortcomings_and_plans_is_split_by_its_items() -> None:
    """"二、存在的问题和下一步工作打算" with "（一）存在的问题" "（二）下一步工作打算" under it: everything went into
    the plans (the problems listed as plans) and 不足和原因 was left empty."""
    got = rec.recognise([SourceParagraph(line) for line in _COMBINED])
    shortcomings, plans = got.report.section(Block.SHORTCOMINGS), got.report.section(Block.PLANS)
    assert shortcomings is not None and shortcomings.heading == "存在的问题"
    assert [i.title for i in shortcomings.items] == ["执法力量不足；", "法治宣传不够深入"]
    assert plans is not None and plans.heading == "下一步工作打算"
    assert [i.title for i in plans.items] == ["加强执法队伍建设；", "深化普法宣传"]
    assert any("包含报告的两个部分" in w and "“不足和原因”“下一年度安排”" in w for w in got.warnings)
    assert not any("不足和原因”部分，已留空" in w for w in got.warnings)


def test_a_two_block_heading_with_ordinary_items_stays_one_block() -> None:
    text = [*_COMBINED[:9], "（一）加强执法队伍建设", "招录执法人员3名。", "（二）深化普法宣传", "开展活动10场。",
            *_COMBINED[-3:]]
    got = rec.recognise([SourceParagraph(line) for line in text])
    plans = got.report.section(Block.PLANS)
    assert plans is not None and plans.heading == "存在的问题和下一步工作打算" and len(plans.items) == 2
    assert not any("包含报告的两个部分" in w for w in got.warnings)


@pytest.mark.parametrize("closing", [True, False])
@pytest.mark.parametrize("mark", ["附件", "附件1", "附件一："])
def test_the_attachment_pages_after_the_date(tmp_path: Path, mark: str, closing: bool) -> None:
    """The data table attached after the date ("附件" on a new page, its title, the table): "附件" was read as a
    second attachment named "附件"; without 特此报告 the pages hid the 署名 and date (glued into the plans)."""
    document = docx.Document()
    lines = samples.lines(samples.county_text())
    at = lines.index("特此报告。")
    lines[at + 1:] = ["附件：2023年度法治政府建设数据统计表", "沈丘县人民政府办公室", "2023年12月15日"]
    if not closing:
        lines.remove("特此报告。")
    for line in lines:
        document.add_paragraph(line)
    document.add_page_break()
    document.add_paragraph(mark)
    document.add_paragraph("2023年度法治政府建设数据统计表")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "数值"
    table.cell(1, 0).text, table.cell(1, 1).text = "行政复议受理", "88件"
    path = tmp_path / "appendix.docx"
    document.save(str(path))
    preview = open_import(path)
    report = preview.report
    assert report.date == dt.date(2023, 12, 15) and report.organs == ["沈丘县人民政府办公室"]
    assert report.attachments == ["2023年度法治政府建设数据统计表"]
    assert (f"{mark}\n2023年度法治政府建设数据统计表", "附件的正文（不导入；其中的数字可在“数据”页填写）") in [
        (u.text, u.reason) for u in preview.unplaced]
    plans = report.section(Block.PLANS)
    assert plans is not None and plans.items[-1].paragraphs[-1].endswith("良好社会氛围。")


@pytest.mark.parametrize("recipient", ["沈丘县人民政府", "县委、县政府", "沈丘县人民政府 "])
def test_a_recipient_without_its_colon(recipient: str) -> None:
    """"沈丘县人民政府" under the title without "：" was taken as the first paragraph of the opening."""
    text = samples.lines(samples.county_text())
    text[text.index("沈丘县人民政府：")] = recipient
    got = rec.recognise([SourceParagraph(line) for line in text])
    assert got.report.recipient == recipient.strip()
    opening = got.report.section(Block.OPENING)
    assert opening is not None and opening.items[0].paragraphs[0].startswith("2023年")
    assert any("后面没有冒号，已按主送机关读入" in w for w in got.warnings)


def test_an_opening_sentence_under_the_title_is_no_recipient() -> None:
    text = samples.lines(samples.county_text())
    text.remove("沈丘县人民政府：")
    got = rec.recognise([SourceParagraph(line) for line in text])
    assert got.report.recipient == "" and any("没有找到主送机关" in w for w in got.warnings)


@pytest.mark.parametrize("closing", ["特此报告。", "特此报告", " 特此报告！", "专此报告。"])
def test_the_closing_at_the_end_of_the_last_paragraph(closing: str) -> None:
    """"……社会氛围。特此报告。" in one paragraph: the preview said 没有找到结尾语 and the last item carried the
    closing, which the export then wrote twice."""
    text = samples.lines(samples.county_text())
    at = text.index("特此报告。")
    text[at - 1] += closing
    del text[at]
    got = rec.recognise([SourceParagraph(line) for line in text])
    plans = got.report.section(Block.PLANS)
    assert plans is not None and plans.items[-1].paragraphs[-1].endswith("良好社会氛围。")
    ending = got.report.section(Block.CLOSING)
    assert ending is not None and ending.items[0].paragraphs == [closing.strip()]
    assert not any("结尾语" in w for w in got.warnings) and got.report.date == dt.date(2023, 12, 15)


def test_a_closing_phrase_inside_a_sentence_stays() -> None:
    text = samples.lines(samples.county_text())
    at = text.index("特此报告。")
    text[at - 1] += "现将有关情况特此报告"
    del text[at]
    got = rec.recognise([SourceParagraph(line) for line in text])
    plans = got.report.section(Block.PLANS)
    assert plans is not None and plans.items[-1].paragraphs[-1].endswith("现将有关情况特此报告")


def test_a_level1_heading_run_into_its_text_after_a_colon() -> None:
    run_in = "三、存在的不足和原因：虽然我办今年法治政府建设取得明显成效，但同时也存在一些不足。"
    got = _county({"三、": [], "虽然我办": [run_in]})
    section = got.report.section(Block.SHORTCOMINGS)
    assert section is not None and section.heading == "存在的不足和原因"
    assert section.items[0].paragraphs == ["虽然我办今年法治政府建设取得明显成效，但同时也存在一些不足。"]


def test_a_level1_heading_with_a_subtitle_after_its_colon_stays_whole() -> None:
    got = _county({"二、": ["二、法治政府建设的主要举措和成效：坚持依法行政"]})
    measures = got.report.section(Block.MEASURES)
    assert measures is not None and measures.heading == "法治政府建设的主要举措和成效：坚持依法行政"
    assert len(measures.items) == 5


@pytest.mark.parametrize("closing", [True, False])
@pytest.mark.parametrize("tail", [["沈丘县人民政府办公室（盖章）", "2024年1月15日"],
                                  ["沈丘县人民政府办公室", "（盖章）", "2024年1月15日"],
                                  ["沈丘县人民政府办公室（章）", "2024.1.15"]])
def test_a_seal_mark_at_the_signature(tail: list[str], closing: bool) -> None:
    """"（盖章）" beside or under the 署名: the 署名 line was listed as 无法归类, and without 特此报告 it was glued
    into the last block."""
    text = samples.lines(samples.county_text())
    text[-1:] = tail
    if not closing:
        text.remove("特此报告。")
    got = rec.recognise([SourceParagraph(line) for line in text])
    assert got.report.organs == ["沈丘县人民政府办公室"] and got.report.date == dt.date(2024, 1, 15)
    assert [u.text for u in got.unplaced] == (["（盖章）"] if "（盖章）" in tail else [])
    plans = got.report.section(Block.PLANS)
    assert plans is not None and plans.items[-1].paragraphs[-1].endswith("良好社会氛围。")


def test_a_seal_mark_before_a_signature_table(tmp_path: Path) -> None:
    """A line taken out before the borderless 署名 table leaves the table where it was."""
    document = docx.Document()
    for line in samples.lines(samples.county_text())[:-1]:
        document.add_paragraph(line)
    document.add_paragraph("（盖章）")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 1).text, table.cell(1, 1).text = "沈丘县人民政府办公室", "2024年1月15日"
    path = tmp_path / "seal-table.docx"
    document.save(str(path))
    preview = open_import(path)
    assert preview.report.organs == ["沈丘县人民政府办公室"] and preview.report.date == dt.date(2024, 1, 15)
    assert [u.text for u in preview.unplaced] == ["（盖章）"]
