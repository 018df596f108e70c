"""Items in the document: a blank item (no title, no body) is left out and takes no number."""

from __future__ import annotations

from fzdesk.domain.model import Block, Item, Numbering, Section
from fzdesk.export.body import has_content, section_paras
from fzdesk.export.options import ExportOptions


def texts(section: Section) -> list[str]:
    return ["".join(r.text for r in p.runs) for p in section_paras("二、", section, ExportOptions())]


def test_a_blank_item_is_skipped_and_the_numbers_close_up() -> None:
    section = Section(Block.MEASURES, "主要举措和成效", Numbering.HEADINGS, [
        Item("健全机制", ["全年召开会议4次。"]), Item("", ["  "]), Item("", []), Item("规范执法", ["开展评查。"])])
    assert texts(section) == ["二、主要举措和成效", "（一）健全机制", "全年召开会议4次。",
                              "（二）规范执法", "开展评查。"]


def test_a_title_without_body_is_still_printed_the_check_warns_of_it() -> None:
    section = Section(Block.MEASURES, "主要举措和成效", Numbering.HEADINGS, [Item("健全机制", []), Item("", [])])
    assert texts(section) == ["二、主要举措和成效", "（一）健全机制"]
    inline = Section(Block.MEASURES, "主要举措和成效", Numbering.INLINE, [Item("", []), Item("", ["只有正文。"])])
    assert texts(inline) == ["二、主要举措和成效", "（一）只有正文。"]


def test_what_counts_as_content() -> None:
    assert not has_content(Item(" ", ["", "  "]))
    assert has_content(Item("标题", [])) and has_content(Item("", ["正文"]))
