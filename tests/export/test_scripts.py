"""A paragraph's runs cut into LibreOffice's portions: the Latin face, the lost condensing and the autospacing."""

from __future__ import annotations

from fzdesk.export.layout import Role, Run
from fzdesk.export.scripts import Segment, segments


def test_digits_between_chinese_are_a_latin_portion_set_apart_by_a_fifth_of_the_font_size() -> None:
    assert segments([Run("共7件，主办")]) == [
        Segment(0, "共", latin=False, end=True, kern=64),  # 16 pt: 320 twips / 5
        Segment(0, "7", latin=True, end=True, kern=64),
        Segment(0, "件，主办", latin=False, end=True),
    ]


def test_no_autospacing_next_to_punctuation() -> None:
    """LibreOffice puts no kerning portion where either side is a mark: "100%，" and "（2021"."""
    pieces = segments([Run("合格率均为100%，有效（2021—2025年）")])
    assert [(p.text, p.latin, p.kern) for p in pieces] == [
        ("合格率均为", False, 64), ("100%", True, 0), ("，有效（", False, 0), ("2021—2025", True, 64),
        ("年）", False, 0),
    ]


def test_a_weak_mark_takes_the_script_before_it() -> None:
    """The em dash after a digit is set in the Latin face, after a Chinese character in the Chinese one."""
    assert [p.latin for p in segments([Run("2021—中——")])] == [True, False]
    assert segments([Run("——中")])[0].latin is False


def test_a_change_of_run_format_ends_a_portion_but_the_same_format_does_not() -> None:
    heading, body = Run("（一）标题。", Role.KAI), Run("正文")
    assert [(p.text, p.end) for p in segments([heading, body])] == [("（一）标题。", True), ("正文", True)]
    assert [(p.text, p.end) for p in segments([Run("正文"), Run("续写")])] == [("正文", False), ("续写", True)]


def test_the_title_size_sets_the_autospacing() -> None:
    title = Run("关于2023年度", Role.TITLE, size=44)
    assert [p.kern for p in segments([title])] == [88, 88, 0]
