"""Step states: empty, in progress and complete, for each kind of step."""

from __future__ import annotations

import datetime as dt

from fzdesk.domain.model import Block, FigureState, FigureValue, Item, Numbering, Report, Section, Unit
from fzdesk.domain.progress import (
    Progress,
    block_progress,
    closing_progress,
    figure_counts,
    figures_progress,
    report_info_progress,
    text_progress,
    unit_progress,
)


def test_unit_needs_name_organ_and_recipient() -> None:
    assert unit_progress(None) is Progress.EMPTY
    assert unit_progress(Unit(name="")) is Progress.EMPTY
    assert unit_progress(Unit(name="某镇人民政府")) is Progress.PARTIAL
    assert unit_progress(Unit(name="某镇人民政府", organs=["某镇人民政府"], recipient="某县人民政府")) is Progress.DONE


def test_report_info_needs_every_field() -> None:
    r = Report(unit_id=1, year=2023)
    assert report_info_progress(None) is Progress.EMPTY
    assert report_info_progress(r) is Progress.EMPTY
    r.recipient = "某县人民政府"
    r.organs = ["某镇人民政府"]
    assert report_info_progress(r) is Progress.PARTIAL
    r.date = dt.date(2023, 12, 15)
    assert report_info_progress(r) is Progress.DONE


def test_text_untouched_default_is_in_progress() -> None:
    s = Section(Block.OPENING, items=[Item("", ["默认开头。"])])
    assert text_progress(s, "默认开头。") is Progress.PARTIAL
    s.items[0].paragraphs = ["本单位的开头。"]
    assert text_progress(s, "默认开头。") is Progress.DONE
    s.items[0].paragraphs = []
    assert text_progress(s) is Progress.EMPTY


def test_block_states_and_the_omitted_block_five() -> None:
    s = Section(Block.MEASURES, "主要举措和成效", Numbering.HEADINGS, [Item("标题一"), Item("标题二")])
    assert block_progress(s) is Progress.EMPTY
    s.items[0].paragraphs = ["正文。"]
    assert block_progress(s) is Progress.PARTIAL
    s.items[1].paragraphs = ["正文。"]
    assert block_progress(s) is Progress.DONE
    s.heading = ""
    assert block_progress(s) is Progress.PARTIAL
    other = Section(Block.OTHER, "其他需要报告的情况")
    assert block_progress(other) is Progress.EMPTY
    other.omitted = True
    assert block_progress(other) is Progress.DONE


def test_figures_and_closing() -> None:
    assert figures_progress(0, 10) is Progress.EMPTY
    assert figures_progress(3, 10) is Progress.PARTIAL
    assert figures_progress(10, 10) is Progress.DONE
    r = Report(unit_id=1, year=2023, figures={"A": FigureValue("A", FigureState.NA),
                                               "B": FigureValue("B"), "Z": FigureValue("Z", FigureState.NA)})
    assert figure_counts(r, ["A", "B", "C"]) == (1, 3)
    assert closing_progress(r, checked=False) is Progress.EMPTY
    assert closing_progress(r, checked=True) is Progress.EMPTY  # ticked, but the text was deleted since
    r.sections = [Section(Block.CLOSING, items=[Item("", ["特此报告。"])])]
    assert closing_progress(r, checked=False) is Progress.PARTIAL  # the program's text, never looked at
    assert closing_progress(r, checked=True) is Progress.DONE
    r.sections[0].items[0].carried_over = True  # last year's closing copied in, not yet reviewed
    assert closing_progress(r, checked=True) is Progress.PARTIAL
    assert closing_progress(None, checked=True) is Progress.EMPTY


def test_a_block_or_text_still_holding_last_years_words_is_in_progress() -> None:
    from fzdesk.domain.model import Block, Item, Section
    from fzdesk.domain.progress import Progress, block_progress, text_progress

    reviewed = Item("规范执法", ["全年办理案件12件。"])
    copied = Item("普法宣传", ["去年的文字。"], carried_over=True)
    assert block_progress(Section(Block.MEASURES, "二、主要举措", items=[reviewed])) is Progress.DONE
    assert block_progress(Section(Block.MEASURES, "二、主要举措", items=[reviewed, copied])) is Progress.PARTIAL
    old_opening = Section(Block.OPENING, items=[Item("", ["去年的开头。"], carried_over=True)])
    assert text_progress(old_opening) is Progress.PARTIAL
    assert text_progress(Section(Block.OPENING, items=[Item("", ["今年的开头。"])])) is Progress.DONE


def test_what_is_missing_is_empty_exactly_when_the_step_is_complete() -> None:
    from fzdesk.domain.progress import missing_note, report_info_missing, unit_missing

    for organs, recipient in ((["某镇人民政府"], "某县人民政府"), ([], "某县人民政府"), (["某镇人民政府"], ""),
                              ([], "")):
        unit = Unit(name="某镇人民政府", organs=organs, recipient=recipient)
        assert (not unit_missing(unit)) == (unit_progress(unit) is Progress.DONE)
        report = Report(unit_id=1, year=2025, recipient=recipient, organs=organs, date=dt.date(2026, 1, 5))
        assert (not report_info_missing(report)) == (report_info_progress(report) is Progress.DONE)
    assert unit_missing(Unit(name="某镇人民政府")) == ["发文机关", "常用主送机关"]
    assert report_info_missing(Report(unit_id=1, year=2025, recipient="某县人民政府", organs=["某镇人民政府"])) == [
        "成文日期"]
    assert missing_note(["成文日期"]) == "还需填写：成文日期。填好后，左边这一步显示“已完成”。"
    assert missing_note([]) == "本步骤已填写完整。"
