"""Balanced title breaks: whole words, natural break points, an even shape."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fzdesk.export.title import TITLE_CHARS, break_title, width


def test_short_title_is_one_line() -> None:
    assert break_title("关于2023年度法治政府建设情况的报告") == ["关于2023年度法治政府建设情况的报告"]


def test_department_title_breaks_before_guanyu() -> None:
    organ = "沈丘县人民政府办公室"
    assert break_title(f"{organ}关于2023年度法治政府建设情况的报告", [organ]) == [
        organ, "关于2023年度法治政府建设情况的报告"]


def test_joint_title_names_both_organs_and_breaks_between_them() -> None:
    organs = ["中共沈丘县周营镇委员会", "沈丘县周营镇人民政府"]
    lines = break_title(f"{organs[0]} {organs[1]}关于2023年度法治政府建设情况的报告", organs)
    assert lines == [organs[0], organs[1], "关于2023年度法治政府建设情况的报告"]


def test_short_joint_organs_share_a_line() -> None:
    organs = ["中共某镇委员会", "某镇人民政府"]
    lines = break_title(f"{organs[0]} {organs[1]}关于2023年度法治政府建设情况的报告", organs)
    assert lines == ["中共某镇委员会 某镇人民政府", "关于2023年度法治政府建设情况的报告"]


def test_year_is_never_split() -> None:
    title = "某某某某某某某某某某某某某某某关于2023年度法治政府建设情况的报告"
    for line in break_title(title):
        assert "202" not in line or "2023" in line


def test_an_organ_longer_than_a_line_still_fits() -> None:
    organ = "某某省某某市某某县某某乡镇人民政府某某某某某某办公室"
    lines = break_title(f"{organ}关于2023年度法治政府建设情况的报告", [organ])
    assert all(width(line) <= TITLE_CHARS for line in lines)
    assert "".join(lines) == f"{organ}关于2023年度法治政府建设情况的报告"


@given(st.text(alphabet="县镇人民政府办公室委员会司法局中共沈丘", min_size=1, max_size=40))
def test_every_break_keeps_the_text_and_fits(organ: str) -> None:
    title = f"{organ}关于2023年度法治政府建设情况的报告"
    lines = break_title(title, [organ])
    assert "".join(lines) == title
    assert all(line and width(line) <= TITLE_CHARS for line in lines)
    assert 1 <= len(lines) <= 4
