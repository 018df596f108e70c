"""Items as clerks number and title them: ①②③, ⑴⑵, ⒈⒉, 1）2）, （1）(2) of mixed widths, and titles ending in "：".
Each form used to leave the block as one unnumbered paragraph run, or the whole sentence as the item's title."""

from __future__ import annotations

import pytest

from fzdesk.domain.model import Block, Numbering, Section
from fzdesk.exchange import recognise as rec
from fzdesk.exchange.repair import MARKER
from fzdesk.exchange.source import SourceParagraph


def _measures(items: list[str]) -> Section:
    lines = ["临河县司法局关于2023年度法治政府建设情况的报告", "临河县人民政府：",
             "2023年，我局扎实推进法治政府建设。现将有关情况报告如下：",
             "一、履行推进法治建设第一责任人职责情况", "局主要负责人带头学法。",
             "二、主要举措和成效", *items,
             "三、存在的不足和原因", "执法人员力量不足。", "四、2024年工作安排", "加强执法队伍建设。",
             "特此报告。", "临河县司法局", "2024年1月15日"]
    section = rec.recognise([SourceParagraph(line) for line in lines]).report.section(Block.MEASURES)
    assert section is not None
    return section


@pytest.mark.parametrize("labels", [["①", "②", "③"], ["⑴", "⑵", "⑶"], ["⒈", "⒉", "⒊"], ["1）", "2）", "3）"],
                                    ["1)", "2)", "3)"], ["（1)", "(2）", "（３）"], ["１）", "２）", "３）"]])
def test_circled_and_bracketed_numbers_are_items(labels: list[str]) -> None:
    section = _measures([f"{labels[0]}规范行政执法。全年开展执法检查36次。", f"{labels[1]}化解矛盾纠纷。调解纠纷86件。",
                         "调解成功82件。", f"{labels[2]}深化普法宣传。开展“法律进村”活动24场。"])
    assert section.numbering is Numbering.INLINE
    assert [(i.title, i.paragraphs) for i in section.items] == [
        ("规范行政执法", ["全年开展执法检查36次。"]), ("化解矛盾纠纷", ["调解纠纷86件。", "调解成功82件。"]),
        ("深化普法宣传", ["开展“法律进村”活动24场。"])]


def test_circled_numbers_out_of_order_stay_text() -> None:
    """①③ is no list (a number was skipped or they count something else): the block stays as written."""
    section = _measures(["①规范行政执法。全年开展执法检查36次。", "③深化普法宣传。开展活动24场。"])
    assert section.numbering is Numbering.NONE and section.items[0].paragraphs[0].startswith("①")


def test_circled_sub_items_inside_numbered_items_stay_in_their_text() -> None:
    section = _measures(["（1）规范行政执法", "①开展执法检查36次；②办理行政处罚案件12件。",
                         "（2）化解矛盾纠纷", "调解纠纷86件。"])
    assert [(i.title, i.paragraphs) for i in section.items] == [
        ("规范行政执法", ["①开展执法检查36次；②办理行政处罚案件12件。"]), ("化解矛盾纠纷", ["调解纠纷86件。"])]


def test_the_new_markers_stop_a_pdf_line_join() -> None:
    """A line ending mid-sentence is never run into a numbered line below it."""
    assert all(MARKER.match(x) for x in ("⑵化解矛盾纠纷", "⒉化解矛盾纠纷", "2）化解矛盾纠纷"))
    assert not MARKER.match("2023年，我局")


@pytest.mark.parametrize("items", [
    ["一是加强组织领导：成立了以局长为组长的领导小组。", "二是完善制度机制：制定了法治政府建设工作要点。"],
    ["（一）加强组织领导：成立了以局长为组长的领导小组。", "（二）完善制度机制：制定了法治政府建设工作要点。"],
    ["1.加强组织领导：成立了以局长为组长的领导小组。", "2.完善制度机制：制定了法治政府建设工作要点。"],
    ["①加强组织领导：成立了以局长为组长的领导小组。", "②完善制度机制：制定了法治政府建设工作要点。"],
])
def test_a_title_ending_in_a_colon(items: list[str]) -> None:
    """"一是加强组织领导：成立了……" was one title of the whole sentence (or no title): the reader sees
    "加强组织领导" as the title and what follows the colon as its text."""
    section = _measures(items)
    assert [(i.title, i.paragraphs) for i in section.items] == [
        ("加强组织领导", ["成立了以局长为组长的领导小组。"]), ("完善制度机制", ["制定了法治政府建设工作要点。"])]


def test_a_colon_title_with_its_text_below() -> None:
    section = _measures(["（一）加强组织领导：", "成立了以局长为组长的领导小组。",
                         "（二）完善制度机制：", "制定了工作要点。"])
    assert section.numbering is Numbering.HEADINGS
    assert [(i.title, i.paragraphs) for i in section.items] == [
        ("加强组织领导", ["成立了以局长为组长的领导小组。"]), ("完善制度机制", ["制定了工作要点。"])]


@pytest.mark.parametrize(("text", "title", "body"), [
    # a comma before the colon: a sentence, never cut at its colon
    ("一是局党组在学法方面，坚持以下做法：会前学法。", "局党组在学法方面，坚持以下做法：会前学法", []),
    # the 。 comes first: the title ends there
    ("一是加强领导。具体做法是：成立领导小组。", "加强领导", ["具体做法是：成立领导小组。"]),
])
def test_a_colon_after_a_sentence_part_is_no_title_end(text: str, title: str, body: list[str]) -> None:
    section = _measures([text, "二是完善制度。制定工作要点。"])
    assert (section.items[0].title, section.items[0].paragraphs) == (title, body)


def test_numbered_items_typed_in_one_paragraph() -> None:
    """"（一）A。（二）B。" in one paragraph: the second item was glued into the first one's text."""
    section = _measures(["（一）规范行政执法。开展执法检查36次；（二）化解矛盾纠纷。调解纠纷86件。"])
    assert [(i.title, i.paragraphs) for i in section.items] == [
        ("规范行政执法", ["开展执法检查36次；"]), ("化解矛盾纠纷", ["调解纠纷86件。"])]


def test_items_in_one_paragraph_under_a_part_heading() -> None:
    """A development zone's "第三部分" heading over "一、A。二、B。" in one paragraph: one item held both."""
    lines = ["临河经济技术开发区管理委员会关于2023年度法治政府建设情况的报告", "临河县人民政府：",
             "2023年，开发区全面推进依法行政。现将有关情况报告如下：",
             "第一部分 主要负责人履行推进法治建设第一责任人职责情况", "一、强化组织领导。听取法治建设汇报4次。",
             "第二部分 主要举措和成效", "一、规范行政执法。全年开展执法检查45次。",
             "第三部分 存在的问题和不足", "一、法治宣传的针对性不强。二、执法队伍专业化水平不高。",
             "第四部分 2024年工作安排", "一、加强执法人员培训。",
             "特此报告。", "临河经济技术开发区管理委员会", "2024年1月18日"]
    got = rec.recognise([SourceParagraph(line) for line in lines]).report.section(Block.SHORTCOMINGS)
    assert got is not None and [(i.title, i.paragraphs) for i in got.items] == [
        ("法治宣传的针对性不强", []), ("执法队伍专业化水平不高", [])]


def test_a_number_inside_a_sentence_starts_no_item() -> None:
    section = _measures(["（一）规范行政执法，配合做好二、三季度检查。", "（二）化解矛盾纠纷。"])
    assert [i.title for i in section.items] == ["规范行政执法，配合做好二、三季度检查", "化解矛盾纠纷"]


@pytest.mark.parametrize("item", ["（一）坚持高位推动：压实第一责任人职责", "1.坚持高位推动：压实第一责任人职责"])
def test_a_title_with_a_subtitle_after_its_colon_stays_whole(item: str) -> None:
    """"坚持高位推动：压实第一责任人职责" (a phrase after the colon, no sentence in it) is one title, as fzdesk
    exports such a title as a heading line."""
    section = _measures([item, "局党组定期研究法治工作。"])
    assert section.items[0].title == "坚持高位推动：压实第一责任人职责"
