"""Next year's 署名, title and opening are the unit's own, also when last year's report is another unit's file.

QA: a clerk of 红旗街道办事处 imported 青山镇's report (allowed after a warning) and started 2027 from it; the new
report's 标题, 署名机关 and generated 开头 all said 青山镇人民政府.
"""

from __future__ import annotations

from fzdesk.domain.model import Block, Report, Unit, UnitType
from fzdesk.domain.signing import foreign_organs
from fzdesk.exchange.new_year import next_year_report
from fzdesk.export.body import issuing_organs
from tests import factories

QINGSHAN = "青山镇人民政府"
HONGQI = "红旗街道办事处"


def qingshan_2026() -> Report:
    """青山镇's 2026 report with its own title, as imported under another unit."""
    other = Unit(QINGSHAN, short_name="青山镇", organs=[QINGSHAN], recipient="青山县人民政府")
    report = factories.report(other, 2026)
    report.title = f"{QINGSHAN}关于2026年度法治政府建设情况的报告"
    return report


def hongqi(organs: list[str] | None = None, short_name: str = "红旗街道") -> Unit:
    return Unit(HONGQI, short_name=short_name, organs=[HONGQI] if organs is None else organs,
                recipient="青山县人民政府", id=7)


def opening(report: Report) -> str:
    section = report.section(Block.OPENING)
    assert section is not None
    return section.items[0].paragraphs[0]


def test_the_units_own_organs_and_title_are_kept() -> None:
    unit = hongqi()
    last = factories.report(unit, 2026)
    last.title = f"{HONGQI}关于2026年度法治政府建设情况的报告（修订稿）"
    new = next_year_report(last, unit)
    assert new.organs == [HONGQI]
    assert new.title == f"{HONGQI}关于2027年度法治政府建设情况的报告（修订稿）"
    assert HONGQI in opening(new) and opening(new).startswith("2027年")


def test_another_units_organs_give_way_to_the_profiles() -> None:
    unit = hongqi()
    new = next_year_report(qingshan_2026(), unit)
    assert new.organs == [HONGQI]
    assert QINGSHAN not in opening(new) and HONGQI in opening(new)
    assert new.title == ""  # the title named 青山镇: the default one, built from the unit's organs, is used
    assert new.display_title == f"{HONGQI}关于2027年度法治政府建设情况的报告"
    assert issuing_organs(new, unit) == [HONGQI]  # what the export signs and puts in the title
    assert not foreign_organs(new.organs, unit)


def test_a_joint_profile_gives_both_organs() -> None:
    unit = hongqi(["中共红旗街道工作委员会", HONGQI])
    unit.unit_type = UnitType.JOINT
    new = next_year_report(qingshan_2026(), unit)
    assert new.organs == ["中共红旗街道工作委员会", HONGQI]
    assert "中共红旗街道工作委员会" in opening(new)
    assert new.display_title == f"中共红旗街道工作委员会 {HONGQI}关于2027年度法治政府建设情况的报告"


def test_a_profile_without_organs_signs_with_the_units_name() -> None:
    unit = hongqi([])
    new = next_year_report(qingshan_2026(), unit)
    assert new.organs == [HONGQI]
    assert HONGQI in opening(new)


def test_the_short_name_makes_organs_the_units_own() -> None:
    """Organs that name the unit by its short name (another form than the profile's) are kept."""
    unit = hongqi()
    last = factories.report(unit, 2026)
    last.organs = ["中共红旗街道工作委员会", "红旗街道"]
    last.title = "中共红旗街道工作委员会 红旗街道关于2026年度法治政府建设情况的报告"
    new = next_year_report(last, unit)
    assert new.organs == ["中共红旗街道工作委员会", "红旗街道"]
    assert new.title == "中共红旗街道工作委员会 红旗街道关于2027年度法治政府建设情况的报告"
    assert "中共红旗街道工作委员会" in opening(new)
    # without the short name, "红旗街道" alone does not name 红旗街道办事处: the profile's organs are used
    bare = hongqi(short_name="")
    last.organs = ["红旗街道"]
    assert next_year_report(last, bare).organs == [HONGQI]


def test_organs_equal_to_the_profiles_are_kept_even_if_they_do_not_name_the_unit() -> None:
    unit = Unit("县法治办", organs=["中共青山县委全面依法治县委员会办公室"], id=3)
    last = factories.report(unit, 2026)
    assert last.organs == ["中共青山县委全面依法治县委员会办公室"]
    assert next_year_report(last, unit).organs == ["中共青山县委全面依法治县委员会办公室"]


def test_a_title_of_another_unit_is_dropped_one_naming_neither_too() -> None:
    unit = hongqi()
    last = qingshan_2026()
    last.title = "关于2026年度法治政府建设情况的报告"  # names no one: the default (naming the unit) is better
    assert next_year_report(last, unit).title == ""
    last.title = f"{HONGQI}关于2026年度法治政府建设情况的报告"  # the clerk had already put the unit in it
    assert next_year_report(last, unit).title == f"{HONGQI}关于2027年度法治政府建设情况的报告"


def test_copied_text_stays_as_copied_and_is_marked_not_updated() -> None:
    unit = hongqi()
    last = qingshan_2026()
    new = next_year_report(last, unit, copy_text=True)
    assert new.organs == [HONGQI] and new.title == ""
    section = new.section(Block.OPENING)
    assert section is not None and section.items[0].carried_over
    assert opening(new) == opening(last)  # 青山镇's words, for the clerk to rewrite (marked 未更新)


def test_last_year_without_organs_takes_the_profiles() -> None:
    unit = hongqi()
    last = qingshan_2026()
    last.organs = []
    last.title = ""
    new = next_year_report(last, unit)
    assert new.organs == [HONGQI] and HONGQI in opening(new)


def test_another_units_addressee_gives_way_to_the_profiles() -> None:
    last = qingshan_2026()
    last.recipient = "青山镇党委"  # the other unit's own addressee, not this unit's
    unit = hongqi()
    assert next_year_report(last, unit).recipient == "青山县人民政府"  # the profile's
    unit.recipient = ""
    assert next_year_report(last, unit).recipient == "青山镇党委"  # nothing better known: kept, for the clerk


def test_the_units_own_addressee_is_kept_over_the_profiles() -> None:
    unit = hongqi()
    last = factories.report(unit, 2026)
    last.recipient = "青山县委、县政府"
    assert next_year_report(last, unit).recipient == "青山县委、县政府"
