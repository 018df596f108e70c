"""Chinese numbering that the program applies to blocks and items."""

from __future__ import annotations

import pytest

from fzdesk.domain.model import Block, Numbering
from fzdesk.domain.numbering import block_label, chinese_number, item_label, numbered_sections
from tests import factories


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (99, "九十九"),
     (100, "一百"), (101, "一百零一"), (110, "一百一十"), (999, "九百九十九")],
)
def test_chinese_number(n: int, text: str) -> None:
    assert chinese_number(n) == text


@pytest.mark.parametrize("n", [0, -1, 1000])
def test_chinese_number_out_of_range(n: int) -> None:
    with pytest.raises(ValueError):
        chinese_number(n)


def test_labels() -> None:
    assert block_label(3) == "三、"
    assert item_label(Numbering.HEADINGS, 2) == "（二）"
    assert item_label(Numbering.INLINE, 12) == "（十二）"
    assert item_label(Numbering.YISHI, 4) == "四是"
    assert item_label(Numbering.NONE, 4) == ""


def test_omitted_block_five_is_not_numbered() -> None:
    report = factories.report(factories.unit())
    other = report.section(Block.OTHER)
    assert other is not None
    assert [label for label, _ in numbered_sections(report)] == ["一、", "二、", "三、", "四、", "五、"]
    other.omitted = True
    numbered = numbered_sections(report)
    assert [label for label, _ in numbered] == ["一、", "二、", "三、", "四、"]
    assert Block.OTHER not in [s.block for _, s in numbered]
