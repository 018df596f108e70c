"""An item title's end in the document: a list's ；/，/、 (or a half-width mark) left at its end is not printed with a
second stop after it; a heading line carries no such mark."""

from __future__ import annotations

import pytest

from fzdesk.domain.model import Block, Item, Numbering, Section
from fzdesk.export.body import section_paras
from fzdesk.export.options import ExportOptions


def first_item(numbering: Numbering, title: str, body: str = "成立领导小组。") -> str:
    section = Section(Block.MEASURES, "主要举措和成效", numbering, [Item(title, [body])])
    return "".join(r.text for r in section_paras("二、", section, ExportOptions())[1].runs)


@pytest.mark.parametrize("title", [f"加强组织领导{end}" for end in ("；", ";", "，", ",", "、", "", "。", ".", "； ")])
def test_a_yishi_title_ends_with_one_full_stop(title: str) -> None:
    assert first_item(Numbering.YISHI, title) == "一是加强组织领导。成立领导小组。"
    assert first_item(Numbering.INLINE, title) == "（一）加强组织领导。成立领导小组。"


@pytest.mark.parametrize(("title", "shown"), [("加强组织领导：", "加强组织领导："), ("加强组织领导:", "加强组织领导："),
                                              ("是否到位？", "是否到位？"), ("是否到位?", "是否到位？")])
def test_a_colon_or_question_mark_is_kept_full_width(title: str, shown: str) -> None:
    assert first_item(Numbering.YISHI, title) == f"一是{shown}成立领导小组。"


@pytest.mark.parametrize("title", ["加强组织领导；", "加强组织领导,", "加强组织领导、", "加强组织领导"])
def test_a_heading_line_carries_no_list_mark(title: str) -> None:
    assert first_item(Numbering.HEADINGS, title) == "（一）加强组织领导"
