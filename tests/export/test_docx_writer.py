"""The exported document read back: GB/T 9704 page, fonts on every run, parts of the report in place."""

from __future__ import annotations

import datetime as dt

import pytest

from fzdesk import resources
from fzdesk.domain.model import Block, Item, Numbering, Report, Unit
from fzdesk.export.docx_writer import export_docx
from fzdesk.export.options import ExportOptions, FontSet, PageNumbers, Variant
from fzdesk.typeset.paged import foot_pages
from tests.export.docx_read import W, find, has_part, paragraphs, part
from tests.export.ooxml import check_package
from tests.export.sample import ORGAN, sample_report, sample_unit


def export(report: Report | None = None, unit: Unit | None = None, **options: object) -> bytes:
    opts = ExportOptions(**options)  # type: ignore[arg-type]
    return export_docx(report or sample_report(), unit or sample_unit(), opts, resources.catalogue(),
                       pages=foot_pages).data


@pytest.fixture(scope="module")
def doc() -> bytes:
    return export()


def test_page_is_a4_with_gbt9704_margins(doc: bytes) -> None:
    sect = part(doc, "word/document.xml").find(f"{W}body/{W}sectPr")
    size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")
    assert {k: margins.get(f"{W}{k}") for k in ("top", "bottom", "left", "right")} == {
        "top": "2098", "bottom": "1984", "left": "1587", "right": "1474"}
    grid = sect.find(f"{W}docGrid")
    assert grid.get(f"{W}type") is None, "no linesAndChars grid: LibreOffice renders it wrongly"


def test_every_body_line_has_the_exact_22_line_pitch(doc: bytes) -> None:
    for p in paragraphs(doc):
        if p.ppr("pStyle", "val") in ("FzBody", "FzTitle"):
            assert p.ppr("spacing", "line") == "579"
            assert p.ppr("spacing", "lineRule") == "exact"
    assert 22 * 579 <= 16838 - 2098 - 1984


def test_every_run_names_an_east_asian_font_and_times_for_latin() -> None:
    data = export(figures_annex=True, variant=Variant.SUBMITTED, doc_number="沈政办〔2024〕1号", signer="张三")
    for name in ("word/document.xml", "word/footer1.xml", "word/footer2.xml", "word/styles.xml"):
        root = part(data, name)
        for run in root.iter(f"{W}r"):
            fonts = run.find(f"{W}rPr/{W}rFonts")
            assert fonts is not None, f"{name}: a run without fonts"
            assert fonts.get(f"{W}eastAsia")
            expected = "宋体" if name.startswith("word/footer") else "Times New Roman"
            assert fonts.get(f"{W}ascii") == fonts.get(f"{W}hAnsi") == expected
        for style in root.iter(f"{W}style"):
            if style.get(f"{W}type") == "paragraph":
                assert style.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia")


def test_body_runs_are_condensed_16pt_fangsong(doc: bytes) -> None:
    p = find(doc, "2023年，在县委")
    run = p.runs[0].find(f"{W}rPr")
    assert run.find(f"{W}rFonts").get(f"{W}eastAsia") == "仿宋_GB2312"
    assert run.find(f"{W}sz").get(f"{W}val") == "32"
    assert run.find(f"{W}spacing").get(f"{W}val") == "-5"
    assert p.ppr("ind", "firstLine") == "630"


def test_title_is_centred_xiaobiaosong_22pt_broken_before_guanyu(doc: bytes) -> None:
    title = paragraphs(doc)[0]
    assert title.text == f"{ORGAN}\n关于2023年度法治政府建设情况的报告"
    assert title.ppr("jc", "val") == "center"
    assert set(title.fonts()) == {"方正小标宋简体"}
    assert title.runs[0].find(f"{W}rPr/{W}sz").get(f"{W}val") == "44"


def test_blank_line_then_recipient_flush_left_with_colon(doc: bytes) -> None:
    ps = paragraphs(doc)
    assert ps[1].text == ""
    assert ps[2].text == "沈丘县人民政府："
    assert ps[2].ppr("jc", "val") == "left"
    assert ps[2].ppr("ind", "firstLine") == "0"


def test_recipient_colon_is_normalised() -> None:
    r = sample_report()
    r.recipient = "沈丘县人民政府:"
    assert paragraphs(export(r))[2].text == "沈丘县人民政府："


def test_level1_headings_are_heiti_and_numbered_without_the_omitted_block(doc: bytes) -> None:
    headings = [p for p in paragraphs(doc) if p.fonts() and p.fonts()[0] == "黑体" and "、" in p.text[:3]]
    assert [h.text[:2] for h in headings] == ["一、", "二、", "三、", "四、"]
    assert not any("其他需要报告的情况" in p.text for p in paragraphs(doc))


def test_inline_item_is_kaiti_title_then_fangsong_body_in_one_paragraph(doc: bytes) -> None:
    p = find(doc, "（一）坚持高位推动")
    assert p.fonts() == ["楷体_GB2312", "仿宋_GB2312"]
    assert p.run_text(0) == "（一）坚持高位推动，强化组织领导，不断开创我办法治政府建设新局面。"
    assert p.run_text(1).startswith("今年以来")
    assert not p.bold(0)


def test_heading_items_stand_alone() -> None:
    data = export(sample_report(Numbering.HEADINGS))
    p = find(data, "（二）扛实主体责任")
    assert p.text == "（二）扛实主体责任，提高法治思维和法治能力，推进法治建设"
    assert p.fonts() == ["楷体_GB2312"]
    assert p.ppr("keepNext", "val") is None and p.el.find(f"{W}pPr/{W}keepNext") is not None


def test_yishi_items_are_inline_fangsong(doc: bytes) -> None:
    p = find(doc, "一是完善法治法宣工作机制。将法治政府建设")
    assert set(p.fonts()) == {"仿宋_GB2312"}
    assert find(doc, "三是不断加强法治宣传教育。")


def test_bold_second_level_headings_option() -> None:
    p = find(export(bold_level2=True), "（一）坚持高位推动")
    assert p.bold(0) and not p.bold(1)


def test_closing_and_signature_without_seal(doc: bytes) -> None:
    ps = [p.text for p in paragraphs(doc)]
    i = ps.index("特此报告。")
    assert ps[i + 1: i + 4] == ["", ORGAN, "2023年12月15日"]
    sig, date = paragraphs(doc)[i + 2], paragraphs(doc)[i + 3]
    # 署名 2 characters (630 twips) from the right: its start is 8844 - 630 - 10 characters.
    assert int(sig.ppr("ind", "left")) == 8844 - 630 - 10 * 315
    # The date starts 2 characters right of the 署名's start.
    assert int(date.ppr("ind", "left")) - int(sig.ppr("ind", "left")) == 630


def test_date_has_no_zero_padding() -> None:
    r = sample_report()
    r.date = dt.date(2024, 1, 3)
    assert find(export(r), "2024年1月3日")


def test_joint_report_signs_with_both_organs_one_line_each() -> None:
    organs = ["中共沈丘县周营镇委员会", "沈丘县周营镇人民政府"]
    r = sample_report()
    r.organs = organs
    data = export(r)
    assert paragraphs(data)[0].text.split("\n")[:2] == organs
    ps = [p.text for p in paragraphs(data)]
    i = ps.index(organs[0], 1)
    assert ps[i + 1] == organs[1] and ps[i + 2] == "2023年12月15日"
    lefts = {paragraphs(data)[i].ppr("ind", "left"), paragraphs(data)[i + 1].ppr("ind", "left")}
    assert len(lefts) == 1, "both organs start at the same place"


def test_seal_space_puts_the_date_4_characters_from_the_right() -> None:
    data = export(seal_space=True)
    ps = paragraphs(data)
    i = [p.text for p in ps].index("2023年12月15日")
    date, sig = ps[i], ps[i - 1]
    assert sig.text == ORGAN and [p.text for p in ps[i - 3:i - 1]] == ["", ""], "room for the seal"
    for p in (date, sig):
        assert p.ppr("jc", "val") == "center"
    box = (int(date.ppr("ind", "left")), int(date.ppr("ind", "right")))
    assert box == (int(sig.ppr("ind", "left")), int(sig.ppr("ind", "right"))), "centred in the same box"
    date_width = 8 * 155 + 3 * 315 + 5 * 126  # Times New Roman digits, condensed; autospacing at 5 places
    centre = (box[0] + 8844 - box[1]) / 2
    assert abs((8844 - centre - date_width / 2) - 4 * 315) <= 1, "the date ends 4 characters from the right"


def test_attachment_note_and_figures_annex() -> None:
    data = export(figures_annex=True)
    note = find(data, "附件：")
    assert note.text == "附件：2023年度法治政府建设主要数据"
    # The first line 2 characters in; a wrapped line under the name's first character, after "附件：".
    assert (note.ppr("ind", "left"), note.ppr("ind", "hanging")) == ("1575", "945")
    ps = [p.text for p in paragraphs(data)]
    assert ps[ps.index(note.text) - 1] == "" and ps[ps.index(note.text) - 2] == "特此报告。"
    # 特此报告, the 附件说明 and the 署名 keep with the next: the signature page never lacks body text
    at = ps.index(note.text)
    chain = paragraphs(data)[at - 2: ps.index("2023年12月15日")]
    assert [p.text for p in chain] == ["特此报告。", "", note.text, "", ORGAN]
    assert all(p.el.find(f"{W}pPr/{W}keepNext") is not None for p in chain)
    tbl = part(data, "word/document.xml").find(f".//{W}tbl")
    assert tbl.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
    assert tbl.find(f"{W}tblPr/{W}tblW").get(f"{W}w") == "8844"
    cols = [int(c.get(f"{W}w")) for c in tbl.iter(f"{W}gridCol")]
    assert sum(cols) == 8844 and len(cols) == 6
    texts = ["".join(t.text for t in tr.iter(f"{W}t")) for tr in tbl.iter(f"{W}tr")]
    assert texts[0] == "指标单位本年度上年度增减说明"
    assert any(t.startswith("受理件88427-339复议渠道前移") for t in texts)
    assert any("+1.5个百分点" in t for t in texts)
    assert any(t.startswith("罚没金额") and "不涉及" in t for t in texts)
    assert any(p.el.find(f"{W}pPr/{W}pageBreakBefore") is not None and p.text == "附件" for p in paragraphs(data))


def test_no_annex_by_default(doc: bytes) -> None:
    assert part(doc, "word/document.xml").find(f".//{W}tbl") is None
    assert not any(p.text.startswith("附件") for p in paragraphs(doc))


def test_page_numbers_odd_right_even_left() -> None:
    data = export()
    settings = part(data, "word/settings.xml")
    assert settings.find(f"{W}evenAndOddHeaders") is not None
    refs = {r.get(f"{W}type") for r in part(data, "word/document.xml").iter(f"{W}footerReference")}
    assert refs == {"default", "even"}
    odd, even = part(data, "word/footer1.xml"), part(data, "word/footer2.xml")
    assert odd.find(f".//{W}jc").get(f"{W}val") == "right"
    assert odd.find(f".//{W}ind").get(f"{W}right") == "280"
    assert even.find(f".//{W}jc").get(f"{W}val") == "left"
    assert even.find(f".//{W}ind").get(f"{W}left") == "280"
    for footer in (odd, even):
        assert "".join(t.text for t in footer.iter(f"{W}instrText")).strip() == "PAGE"
        assert "".join(t.text for t in footer.iter(f"{W}t")) == "— 1 —"
        sizes = {s.get(f"{W}val") for s in footer.iter(f"{W}sz")}
        assert sizes == {"28"}


def test_centred_page_numbers_use_one_footer() -> None:
    data = export(page_numbers=PageNumbers.CENTRED)
    assert part(data, "word/settings.xml").find(f"{W}evenAndOddHeaders") is None
    assert not has_part(data, "word/footer2.xml")
    assert part(data, "word/footer1.xml").find(f".//{W}jc").get(f"{W}val") == "center"


def test_windows_font_set() -> None:
    data = export(font_set=FontSet.WINDOWS)
    fonts = {f.get(f"{W}eastAsia") for f in part(data, "word/document.xml").iter(f"{W}rFonts")}
    assert fonts == {"仿宋", "楷体", "黑体", "宋体"}
    title = paragraphs(data)[0]
    assert title.bold(0), "宋体 standing in for 小标宋 is set bold"


def test_submitted_copy_has_doc_number_signer_and_record() -> None:
    data = export(variant=Variant.SUBMITTED, doc_number="沈政办〔2024〕1号", signer="张三")
    first = paragraphs(data)[0]
    assert first.text == "沈政办〔2024〕1号\t签发人：张三"
    assert first.fonts()[-1] == "楷体_GB2312"
    cc, imprint = [p for p in paragraphs(data) if p.text][-2:]
    assert (cc.text, imprint.text) == ("抄送：县委依法治县办。", "沈丘县人民政府办公室\t2023年12月15日印发")
    assert cc.el.find(f"{W}pPr/{W}pBdr/{W}top") is not None
    assert imprint.el.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None


def test_public_copy_has_neither() -> None:
    data = export(variant=Variant.PUBLIC, doc_number="沈政办〔2024〕1号", signer="张三")
    texts = [p.text for p in paragraphs(data)]
    assert not any("签发人" in t or "抄送" in t for t in texts)


def test_text_is_escaped_and_control_characters_dropped() -> None:
    r = sample_report()
    section = r.section(Block.SHORTCOMINGS)
    assert section is not None
    section.items = [Item("", ["A<B & C>D \"引号\" 含\x0b控制\x07字符"])]
    data = export(r)
    assert find(data, "A<B & C>D").text == "A<B & C>D \"引号\" 含控制字符"
    assert check_package(data) == []


@pytest.mark.parametrize("options", [
    {},
    {"figures_annex": True, "variant": Variant.SUBMITTED, "doc_number": "1号", "signer": "张三"},
    {"font_set": FontSet.WINDOWS, "page_numbers": PageNumbers.CENTRED, "seal_space": True, "bold_level2": True},
])
def test_package_opens_without_repair(options: dict[str, object]) -> None:
    assert check_package(export(**options)) == []


def test_factory_report_exports() -> None:
    from tests import factories

    u = factories.unit()
    data = export(factories.report(u), u, figures_annex=True)
    assert check_package(data) == []
