"""Recognising hand-written reports: the real county sample as .txt and .docx, a joint report, damage."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest

from fzdesk.domain.model import Approx, Block, FigureState, Item, Numbering, Report, UnitType
from fzdesk.exchange import block_items, dates, headings, numerals
from fzdesk.exchange import recognise as rec
from fzdesk.exchange.importer import ImportPreview, SourceKind, open_import
from fzdesk.exchange.markers import LEVEL1
from fzdesk.exchange.repair import fix_spaces, join_broken
from tests.exchange import samples

MEASURE_TITLES = [
    "坚持高位推动，强化组织领导，不断开创我办法治政府建设新局面",
    "扛实主题责任，提高法治思维和法治能力，推进法治建设",
    "坚持问题导向，突出长效机制，不断推进政府办公室体系在法治轨道上规范运行",
    "落实政策法规，用心做好服务，依法维护服务对象合法权益",
    "狠抓法治宣传，提高用法水平，进一步形成良好氛围",
]


def _county_txt(tmp_path: Path) -> Path:
    path = tmp_path / "county.txt"
    path.write_text(samples.county_text(), encoding="utf-8")
    return path


def _blocks(report: Report) -> list[Block]:
    return [s.block for s in report.sections]


def _assert_county(preview: ImportPreview) -> None:
    r = preview.report
    assert r.year == 2023
    assert r.organs == ["沈丘县人民政府办公室"]
    assert r.title == ""  # the conventional title, derived again
    assert r.display_title == "沈丘县人民政府办公室关于2023年度法治政府建设情况的报告"
    assert r.recipient == "沈丘县人民政府"
    assert r.date == dt.date(2023, 12, 15)
    assert preview.unit.name == "沈丘县人民政府办公室"
    assert preview.unit.unit_type is UnitType.DEPARTMENT
    assert _blocks(r)[:5] == [Block.OPENING, Block.RESPONSIBILITY, Block.MEASURES, Block.SHORTCOMINGS, Block.PLANS]
    assert _blocks(r)[-1] is Block.CLOSING
    opening = r.sections[0].items[0].paragraphs
    assert len(opening) == 1 and opening[0].startswith("2023年，在县委") and opening[0].endswith("报告如下：")
    responsibility = r.section(Block.RESPONSIBILITY)
    assert responsibility is not None and responsibility.heading == "单位负责人履行推进法治建设第一责任人职责情况"
    measures = r.section(Block.MEASURES)
    assert measures is not None
    assert measures.numbering is Numbering.INLINE
    assert [i.title for i in measures.items] == MEASURE_TITLES
    assert measures.items[0].paragraphs[0].startswith("今年以来，政府办始终以")
    assert measures.items[3].paragraphs[0].startswith("一是依法高质量完成办文办会工作")  # nested 一是 stays text
    shortcomings = r.section(Block.SHORTCOMINGS)
    # "虽然……存在一些不足：一是……；四是……。" is one paragraph with a lead-in: kept as written, unnumbered
    assert shortcomings is not None and shortcomings.numbering is Numbering.NONE
    assert [(i.title, i.paragraphs) for i in shortcomings.items] == [("", [
        "虽然我办今年法治政府建设取得明显成效，但同时也存在一些不足：一是法治政府建设制度有待进一步完善；"
        "二是干部职工运用法治思维和法治方式解决问题的能力有待进一步提高；三是网站政务信息公开管理有待进一步加强；"
        "四是开展“谁普法谁执法”工作方式有待进一步创新。"])]
    plans = r.section(Block.PLANS)
    assert plans is not None and plans.numbering is Numbering.YISHI
    assert [i.title for i in plans.items] == ["完善法治法宣工作机制", "进一步强化推进依法行政", "不断加强法治宣传教育"]
    assert plans.items[0].paragraphs[0].startswith("将法治政府建设摆在工作全局的重要位置")
    other = r.section(Block.OTHER)
    assert other is not None and other.omitted
    closing = r.section(Block.CLOSING)
    assert closing is not None and closing.items[0].paragraphs == ["特此报告。"]
    # the lead-in before 一是 is kept, not lost nor left unplaced, and the preview says so
    assert not any("虽然我办今年" in u.text for u in preview.unplaced)
    said = "“存在的不足、原因和问题整改情况”下、第一条之前的引导语“虽然我办今年法治政府建设取得明显成效"
    assert any(w.startswith(said) and "已按原文保留" in w for w in preview.warnings)
    assert any(line.startswith("提示：") and "虽然我办今年" in line for line in preview.summary())


def test_the_county_sample_as_txt(tmp_path: Path) -> None:
    preview = open_import(_county_txt(tmp_path))
    assert preview.kind is SourceKind.TXT
    _assert_county(preview)
    assert preview.mapping[2] == ("存在的不足、原因和问题整改情况", Block.SHORTCOMINGS)


def test_the_county_sample_figures_are_candidates(tmp_path: Path) -> None:
    preview = open_import(_county_txt(tmp_path))
    found = {c.code: c for c in preview.figures}
    assert found["A.accepted"].value == Decimal(88)
    assert found["A.closed"].value == Decimal(63)
    assert found["A.upheld"].value == Decimal(38)
    assert found["A.terminated"].value == Decimal(13)
    assert "行政复议受理共88件" in found["A.accepted"].sentence
    assert found["D.items"].value == Decimal(7)
    docs = found["E.documents_reviewed"]
    assert (docs.state, docs.value, docs.approx) == (FigureState.APPROX, Decimal(100), Approx.NEAR)
    assert found["H.exam_pass"].value == Decimal(100)  # "参与率、合格率均为100%"
    assert found["H.exam_participation"].value == Decimal(100)
    assert "K.briefings" not in found  # "专题会议近十余次": a meeting is not 听取法治工作汇报
    assert "L.online_rate" not in found  # "优待证线上线下办理率达100%" is not 网上可办率
    assert preview.report.figures == {}  # candidates only: nothing applied


def test_the_county_sample_as_docx(tmp_path: Path) -> None:
    path = samples.write_docx(tmp_path / "county.docx", samples.lines(samples.county_text()))
    preview = open_import(path)
    assert preview.kind is SourceKind.DOCX
    _assert_county(preview)


@pytest.mark.parametrize("where", ["paragraph", "style"])
def test_word_automatic_numbering(tmp_path: Path, where: str) -> None:
    path = samples.write_docx(tmp_path / "auto.docx", samples.lines(samples.county_text()), auto_numbering=where)
    import docx

    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "单位负责人履行推进法治建设第一责任人职责情况" in texts  # the number is not in the text
    preview = open_import(path)
    _assert_county(preview)


def test_heading_style_without_typed_numbers(tmp_path: Path) -> None:
    text = [line.split("、", 1)[1] if LEVEL1.match(line) else line for line in samples.lines(samples.county_text())]
    path = tmp_path / "styled.docx"
    import docx

    document = docx.Document()
    for line in text:
        style = "Heading 1" if line in ("单位负责人履行推进法治建设第一责任人职责情况", "法治政府建设的主要举措和成效",
                                        "存在的不足、原因和问题整改情况", "下一年度法治政府建设的初步安排") else None
        document.add_paragraph(line, style=style)
    document.save(str(path))
    _assert_county(open_import(path))


def test_pdf_copy_damage_is_repaired(tmp_path: Path) -> None:
    clean = open_import(samples.write_docx(tmp_path / "clean.docx", samples.lines(samples.county_text())))
    path = samples.write_docx(tmp_path / "pdf.docx", samples.lines(samples.county_text()), pdf_damage=True)
    import docx

    assert len(docx.Document(str(path)).paragraphs) > len(samples.lines(samples.county_text())) + 20
    damaged = open_import(path)
    _assert_county(damaged)
    assert damaged.report.sections == clean.report.sections
    assert any("断行" in w for w in damaged.warnings)


def test_automatic_numbering_and_pdf_damage_together(tmp_path: Path) -> None:
    clean = open_import(samples.write_docx(tmp_path / "clean.docx", samples.lines(samples.county_text())))
    path = samples.write_docx(tmp_path / "both.docx", samples.lines(samples.county_text()),
                              auto_numbering="paragraph", pdf_damage=True)
    import docx

    paragraphs = docx.Document(str(path)).paragraphs
    assert not any(p.text.startswith("（一）") for p in paragraphs)  # the numbers are Word's, not typed
    assert len(paragraphs) > len(samples.lines(samples.county_text())) + 20
    damaged = open_import(path)
    _assert_county(damaged)
    assert damaged.report.sections == clean.report.sections


def test_a_joint_report_with_two_signatures_and_a_chinese_date(tmp_path: Path) -> None:
    path = tmp_path / "joint.txt"
    path.write_text(samples.JOINT, encoding="utf-8")
    preview = open_import(path)
    r = preview.report
    organs = ["中共临水经济开发区工作委员会", "临水经济开发区管理委员会"]
    assert r.organs == organs
    assert r.title == ""
    assert preview.unit.unit_type is UnitType.JOINT
    assert r.recipient == "市委、市政府"
    assert r.date == dt.date(2023, 12, 20)
    assert [s.block for s in r.body_sections] == [Block.RESPONSIBILITY, Block.MEASURES, Block.SHORTCOMINGS,
                                                  Block.PLANS, Block.OTHER]
    resp, measures, short, plans, _ = r.body_sections
    assert resp.numbering is Numbering.HEADINGS
    assert [i.title for i in resp.items] == ["强化组织领导", "完善制度机制", "带头依法决策", "抓好述法考核"]
    assert resp.items[0].paragraphs == ["党工委书记、管委会主任带头学法，全年听取法治工作汇报4次。"]
    assert measures.numbering is Numbering.YISHI and len(measures.items) == 5
    assert measures.items[1].title == "规范行政执法"
    assert short.heading == "存在的问题" and len(short.items) == 3
    assert plans.heading == "2024年法治政府建设主要安排" and len(plans.items) == 6
    assert not preview.unplaced
    found = {c.code: c for c in preview.figures}
    assert found["L.online_rate"].value == Decimal("98.5")
    assert found["I.fines"].value == Decimal("12.6")
    assert found["I.penalties"].value == Decimal(45)
    assert found["E.contracts"].value == Decimal(87)
    assert found["J.mediations_success"].value == Decimal(205)
    materials = found["H.materials"]
    assert (materials.value, materials.approx) == (Decimal(20000), Approx.OVER)


@pytest.mark.parametrize(("heading", "block"), [
    ("单位负责人履行推进法治建设第一责任人职责情况", Block.RESPONSIBILITY),
    ("党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况", Block.RESPONSIBILITY),
    ("法治政府建设的主要举措和成效", Block.MEASURES),
    ("2023年度法治政府建设工作情况", Block.MEASURES),
    ("存在的问题", Block.SHORTCOMINGS),
    ("存在的不足和原因", Block.SHORTCOMINGS),
    ("工作中的差距", Block.SHORTCOMINGS),
    ("2024年法治政府建设主要安排", Block.PLANS),
    ("下一步工作打算", Block.PLANS),
    ("下一年度工作思路", Block.PLANS),
    ("其他需要报告的情况", Block.OTHER),
])
def test_headings_are_mapped_whatever_their_wording(heading: str, block: Block) -> None:
    assert headings.classify_heading(heading, 2023) is block


@pytest.mark.parametrize(("text", "date"), [
    ("2023年12月15日", dt.date(2023, 12, 15)),
    ("2024年1月3日", dt.date(2024, 1, 3)),
    ("二〇二三年十二月十五日", dt.date(2023, 12, 15)),
    ("二○二四年一月三十一日", dt.date(2024, 1, 31)),
    ("2023 年 12 月 5 日", dt.date(2023, 12, 5)),
    ("2023年13月5日", None),
    ("特此报告。", None),
])
def test_dates(text: str, date: dt.date | None) -> None:
    assert dates.parse_date(text) == date


def test_space_repair_keeps_latin_words() -> None:
    assert fix_spaces("法 治 政 府 建 设") == "法治政府建设"
    assert fix_spaces("受理 88 件，GB/T 9704 标准") == "受理88件，GB/T 9704标准"


def test_joins_only_unambiguous_breaks() -> None:
    paragraphs = ["（一）加强组织领导", "今年以来，我们坚持以习近平新时代中国特色社会主义思想为指导，",
                  "深入学习贯彻习近平法治思想，扎实推进法治政府建设各项工作", "落到实处。", "二是完善制度。"]
    joined, n = join_broken(paragraphs)
    assert joined == ["（一）加强组织领导",
                      "今年以来，我们坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
                      "扎实推进法治政府建设各项工作落到实处。", "二是完善制度。"]
    assert n == 2


VARIANT = """临开发〔2024〕3号
中共临水经济开发区工作委员会
临水经济开发区管理委员会
关于二〇二三年度法治政府建设情况的报告
市委、市政府：
2023年，开发区扎实推进法治政府建设，现将有关情况报告如下：
一．主要举措和成效
（一）加强组织领导。全年召开会议5次。
强化责任落实。
（二）健全制度。制定规范性文件3件。
二．存在的问题及原因
部分干部法治意识不强，原因是学习不够。
三．下一步工作打算
继续加强学习。
四．其他需要报告的情况
无。
五．工作亮点
打造了品牌。
附件：2023年度法治政府建设数据表
中共临水经济开发区工作委员会
临水经济开发区管理委员会
2024年1月8日
"""


def test_a_variant_layout() -> None:
    """发文字号, organs on their own lines, a Chinese-numeral year, "一．" headings, inline items, 无, no 特此报告."""
    got = rec.recognise([rec.SourceParagraph(line) for line in VARIANT.splitlines()])
    r = got.report
    assert r.year == 2023
    assert r.organs == ["中共临水经济开发区工作委员会", "临水经济开发区管理委员会"]
    assert r.title.endswith("关于二〇二三年度法治政府建设情况的报告")  # kept as written: not the derived one
    assert r.date == dt.date(2024, 1, 8)
    assert r.attachments == ["2023年度法治政府建设数据表"]
    assert [s.block for s in r.sections] == [Block.OPENING, Block.MEASURES, Block.SHORTCOMINGS, Block.PLANS,
                                             Block.RESPONSIBILITY, Block.OTHER, Block.CLOSING]
    measures = r.sections[1]
    assert measures.numbering is Numbering.INLINE
    assert [(i.title, i.paragraphs) for i in measures.items] == [
        ("加强组织领导", ["全年召开会议5次。", "强化责任落实。"]), ("健全制度", ["制定规范性文件3件。"]),
        ("工作亮点", ["打造了品牌。"])]
    other = r.section(Block.OTHER)
    assert other is not None and other.omitted and other.items == []
    assert got.mapping[-1] == ("工作亮点", Block.MEASURES)
    assert any("并入" in w for w in got.warnings)  # 工作亮点 joined the measures as one more item
    assert any("未找到" in w or "没有找到“第一责任人履职”" in w for w in got.warnings)
    assert any("没有找到结尾语" in w for w in got.warnings)
    assert [u.text for u in got.unplaced] == ["临开发〔2024〕3号"]


def test_a_signature_that_differs_from_the_title_wins_with_a_warning() -> None:
    text = samples.lines(samples.county_text())
    text.insert(-1, "沈丘县政府办公室")
    got = rec.recognise([rec.SourceParagraph(line) for line in text])
    assert got.report.organs == ["沈丘县政府办公室"]
    assert any("署名" in w and "不一致" in w for w in got.warnings)
    assert got.report.title == "沈丘县人民政府办公室关于2023年度法治政府建设情况的报告"  # as written


LEAD_PARAGRAPHS = """沈丘县司法局关于2023年度法治政府建设情况的报告
沈丘县人民政府：
2023年，我局扎实推进法治政府建设。现将有关情况报告如下：
一、推进法治政府建设的主要举措和成效
全年围绕中心工作，主要做了以下几个方面的工作：
（一）加强组织领导
召开党组会议5次。
（二）健全制度机制
制定制度3项。
二、存在的不足和原因
一是制度建设有待加强。
二、下一年度工作安排
一是完善制度。
特此报告。
沈丘县司法局
2024年1月8日
"""


def test_a_lead_in_paragraph_before_numbered_items_is_the_first_item() -> None:
    """A lead-in paragraph before （一） headings: the block keeps the source's order unnumbered, the lead-in as its
    first item and each item with its typed number, so the exported text reads as the source."""
    got = rec.recognise([rec.SourceParagraph(line) for line in LEAD_PARAGRAPHS.splitlines()])
    measures = got.report.section(Block.MEASURES)
    assert measures is not None and measures.numbering is Numbering.NONE
    assert [(i.title, i.paragraphs) for i in measures.items] == [
        ("", ["全年围绕中心工作，主要做了以下几个方面的工作："]),
        ("（一）加强组织领导", ["召开党组会议5次。"]), ("（二）健全制度机制", ["制定制度3项。"])]
    assert not got.unplaced
    assert any("引导语“全年围绕中心工作，主要做了以下几个方面的工作：”已按原文保留" in w for w in got.warnings)
    shortcomings = got.report.section(Block.SHORTCOMINGS)  # no lead-in: numbered by the program as before
    assert shortcomings is not None and shortcomings.numbering is Numbering.YISHI


def test_keep_lead_in_puts_the_typed_number_before_an_untitled_items_text() -> None:
    numbering, items = block_items.keep_lead_in(["引导语：", "一是做了甲。", "二是做了乙。"], Numbering.YISHI,
                                        [Item("", ["做了甲。"]), Item("", ["做了乙。", "还有丙。"])], ["引导语："])
    assert numbering is Numbering.NONE
    assert [(i.title, i.paragraphs) for i in items] == [
        ("", ["引导语："]), ("", ["一是做了甲。"]), ("", ["二是做了乙。", "还有丙。"])]


PDF_HEAD_BODY = """2023 年，我 镇 在 县 委、县 政 府 的 坚 强 领 导 下，扎 实 推 进 法 治 政 府
建设。现将有关情况报告如下：
一、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人履职。
二、法治政府建设的主要举措和成效
（一）健全依法决策机制
我镇坚持依法行政，全年共办理行政复议案件 12 件，行政应诉案件
5 件。
三、存在的不足和原因
执法力量薄弱。
四、下一年度法治政府建设的初步安排
加强学习。
特此报告。"""


def _head(*head: str, signers: tuple[str, ...] = ("某某镇人民政府",)) -> rec.Recognised:
    lines = [*head, *PDF_HEAD_BODY.splitlines(), *signers, "2024年1月10日"]
    return rec.recognise([rec.SourceParagraph(line) for line in lines])


def _assert_head(got: rec.Recognised, organs: list[str]) -> None:
    r = got.report
    assert (r.year, r.organs, r.recipient, r.title) == (2023, organs, "某某县人民政府", "")
    assert r.sections[0].items[0].paragraphs == [
        "2023年，我镇在县委、县政府的坚强领导下，扎实推进法治政府建设。现将有关情况报告如下："]
    assert not any("标题" in w or "主送" in w or "年度" in w or "不一致" in w for w in got.warnings), got.warnings


def test_a_letter_spaced_title_from_a_pdf() -> None:
    """The title was searched for before the spaces were removed: year 0, 主送 lost, and the title and 主送 were
    joined into the opening ("…情况的报告某某县人民政府：")."""
    spaced = "某 某 镇 人 民 政 府 关 于 2023 年 度 法 治 政 府 建 设 情 况 的 报 告"
    _assert_head(_head(spaced, "某 某 县 人 民 政 府 ："), ["某某镇人民政府"])
    _assert_head(_head("中 共 某 某 镇 委 员 会 某 某 镇 人 民 政 府 关 于 2023 年 度 法 治 政 府 建 设 情 况 的 报 告",
                       "某某县人民政府：", signers=("中共某某镇委员会", "某某镇人民政府")),
                 ["中共某某镇委员会", "某某镇人民政府"])
    _assert_head(_head("某某县司法局 某某县财政局关于2023年度法治政府建设情况的报告", "某某县人民政府：",
                       signers=("某某县司法局", "某某县财政局")), ["某某县司法局", "某某县财政局"])


@pytest.mark.parametrize("head", [
    ("某某镇人民政府关于2023年度法治政府建设", "情况的报告"),
    ("某某镇人民政府", "关于2023年度法治政府建设", "情况的报告"),
    ("某某镇人民政府关于2023年度", "法治政府建设情况", "的报告"),
    ("某 某 镇 人 民 政 府 关 于 2023 年 度 法 治 政 府 建 设", "情 况 的 报 告"),
])
def test_a_title_broken_over_lines(head: tuple[str, ...]) -> None:
    """The first line of a broken title was taken for an organ line: a wrong 署名…不一致 warning."""
    _assert_head(_head(*head, "某某县人民政府："), ["某某镇人民政府"])


def test_a_line_with_guanyu_is_not_joined_past_a_sentence() -> None:
    got = _head("某某镇人民政府关于2023年度法治政府建设", "情况。", "某某县人民政府：")
    assert got.report.year == 0 and any("没有找到标题" in w for w in got.warnings)


def test_never_joined_after_a_title_nor_before_a_recipient_line() -> None:
    title = "某某镇人民政府关于2023年度法治政府建设情况的报告"
    assert join_broken([title, "某某县人民政府：", "2023年，我镇……"]) == (
        [title, "某某县人民政府：", "2023年，我镇……"], 0)
    assert join_broken(["主要情况如下", "县委依法治县办、县司法局："])[1] == 0
    # a PDF line break before an ordinary short line ending in ： still joins, and so does a sentence part
    assert join_broken(["我镇全年围绕中心任务重点开展了以下几个方面的", "工作："]) == (
        ["我镇全年围绕中心任务重点开展了以下几个方面的工作："], 1)
    assert join_broken(["我镇严格落实重大事项请示报告制度，全年向县人大常委会专题报告", "工作2次。"])[1] == 1


@pytest.mark.parametrize("label", ["{n}.", "{n}．", "{n}、", "（{n}）", "({n})"])
def test_items_numbered_with_arabic_numerals(label: str) -> None:
    """"1." / "（1）" items under a level-1 heading (no （一） in the block) are items like （一）, their numbers
    stripped; before, the block became one unnumbered item and the preview called "1.…" a lead-in."""
    text = [re.sub(r"^（([一二三四五])）", lambda m: label.format(n=numerals.small_chinese(m.group(1))), line)
            for line in samples.lines(samples.county_text())]
    got = rec.recognise([rec.SourceParagraph(line) for line in text])
    measures = got.report.section(Block.MEASURES)
    assert measures is not None and measures.numbering is Numbering.INLINE
    assert [i.title for i in measures.items] == MEASURE_TITLES
    assert measures.items[3].paragraphs[0].startswith("一是依法高质量完成办文办会工作")
    assert not any("引导语“" + label.format(n=1) in w for w in got.warnings)


def test_arabic_numbers_out_of_sequence_are_not_items() -> None:
    content = ["2023年全区共办理案件15件。", "3.5万元用于普法。"]
    numbering, items, lead = block_items.split_items(content)
    assert numbering is Numbering.NONE and items == [Item("", content)] and lead == []


_TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp>'
    "<wps:txbx><w:txbxContent><w:p><w:r><w:t>此处盖章</w:t></w:r></w:p></w:txbxContent></wps:txbx>"
    "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>此处盖章</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def test_a_text_box_is_neither_glued_to_its_paragraph_nor_doubled(tmp_path: Path) -> None:
    """Word writes a text box twice (the shape and a VML copy for old readers), inside the paragraph it is
    anchored to: its text was appended twice to that paragraph. It is listed once as unplaced text now."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    for line in samples.lines(samples.county_text()):
        p = document.add_paragraph(line)
        if line.startswith("我办严格履行"):
            p._p.append(parse_xml(_TEXT_BOX))
    path = tmp_path / "text-box.docx"
    document.save(str(path))
    preview = open_import(path)
    _assert_county(preview)
    responsibility = preview.report.section(Block.RESPONSIBILITY)
    assert responsibility is not None
    assert responsibility.items[0].paragraphs[0].endswith("将法治政府建设与业务工作同部署、同推进。")
    assert [(u.text, u.reason) for u in preview.unplaced] == [("此处盖章", "文本框中的文字")]


@pytest.mark.parametrize("tail", ["沈丘县人民政府办公室    2024年1月15日",
                                  "沈丘县人民政府办公室\u3000\u30002024 年 1 月 15 日",
                                  "沈丘县人民政府办公室\t二〇二四年一月十五日"])
@pytest.mark.parametrize("closing", [True, False])
def test_a_signature_and_date_on_one_line(tail: str, closing: bool) -> None:
    """署名 and 成文日期 spaced apart on one line: the date was lost (no date, the line unplaced)."""
    text = samples.lines(samples.county_text())
    text[-1] = tail
    if not closing:
        text.remove("特此报告。")
    got = rec.recognise([rec.SourceParagraph(line) for line in text])
    assert got.report.date == dt.date(2024, 1, 15)
    assert got.report.organs == ["沈丘县人民政府办公室"]
    assert not got.unplaced and not any("日期" in w or "署名" in w for w in got.warnings)
    plans = got.report.section(Block.PLANS)
    assert plans is not None and plans.items[-1].paragraphs[-1].endswith("良好社会氛围。")


def test_the_second_attachment_line_is_an_attachment() -> None:
    """GB/T 9704 writes several attachments as "附件：1.……" and, on the next lines, "2.……": the second one
    was left unplaced."""
    text = samples.lines(samples.county_text())
    text[-1:-1] = ["附件：1.2023年度法治政府建设数据表", "2.重大行政决策事项目录", "沈丘县人民政府办公室"]
    got = rec.recognise([rec.SourceParagraph(line) for line in text])
    assert got.report.attachments == ["2023年度法治政府建设数据表", "重大行政决策事项目录"]
    assert not got.unplaced and got.report.date == dt.date(2023, 12, 15)


@pytest.mark.parametrize("head", [("沈丘县人民政府办公室2023年度法治政府建设情况报告",),
                                  ("沈丘县人民政府办公室2023年法治政府建设年度报告",)])
def test_a_title_without_guanyu_names_its_organ(head: tuple[str, ...]) -> None:
    """"××办公室2023年度法治政府建设情况报告" on one line: the organ was not read, the unit had no name."""
    text = samples.lines(samples.county_text())
    text[0:2] = list(head)
    got = rec.recognise([rec.SourceParagraph(line) for line in text])
    assert got.report.organs == ["沈丘县人民政府办公室"] and got.unit.name == "沈丘县人民政府办公室"
    assert got.report.year == 2023 and got.report.title == head[0]


def test_signature_and_date_in_a_table_after_the_closing_line(tmp_path: Path) -> None:
    """Clerks set 署名 and 成文日期 in a borderless table to place them (a joint report's two organs side by side):
    the date and the organs were lost among 表格中的内容."""
    import docx

    document = docx.Document()
    text = samples.lines(samples.JOINT)
    for line in text[:-3]:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "中共临水经济开发区工作委员会", "临水经济开发区管理委员会"
    table.cell(1, 1).text = "二〇二三年十二月二十日"
    path = tmp_path / "table-signature.docx"
    document.save(str(path))
    preview = open_import(path)
    assert preview.report.date == dt.date(2023, 12, 20)
    assert preview.report.organs == ["中共临水经济开发区工作委员会", "临水经济开发区管理委员会"]
    assert not preview.unplaced and not any("署名" in w or "日期" in w for w in preview.warnings)


def test_a_table_of_an_organ_and_a_date_in_the_body_is_no_signature() -> None:
    """Only a table after the closing line is read as the 署名 and date; one in the body is the block's text."""
    text = [rec.SourceParagraph(line) for line in samples.lines(samples.county_text())]
    at = next(n for n, p in enumerate(text) if p.text.startswith("三、"))
    text[at:at] = [rec.SourceParagraph("沈丘县司法局\t2023年12月1日", in_table=True)]
    got = rec.recognise(text)
    assert not got.unplaced
    assert got.report.date == dt.date(2023, 12, 15) and got.report.organs == ["沈丘县人民政府办公室"]
    measures = got.report.section(Block.MEASURES)
    assert measures is not None and measures.items[-1].paragraphs[-1] == "沈丘县司法局2023年12月1日。"
