"""structure.organs_unit: a report signed by a body other than the unit (another unit's file started from)."""

from __future__ import annotations

from fzdesk.checks.findings import Finding, Severity
from fzdesk.checks.structure import structure_findings
from fzdesk.domain.model import Unit, UnitType
from fzdesk.domain.naming import step_title
from fzdesk.domain.progress import report_info_missing
from fzdesk.domain.signing import foreign_organs
from tests import factories

HONGQI = "红旗街道办事处"


def hongqi(**kw: object) -> Unit:
    unit = Unit(HONGQI, short_name="红旗街道", organs=[HONGQI], recipient="青山县人民政府")
    for name, value in kw.items():
        setattr(unit, name, value)
    return unit


def organ_findings(organs: list[str], unit: Unit | None) -> list[Finding]:
    report = factories.report(unit or hongqi())
    report.organs = organs
    return [f for f in structure_findings(report, unit) if f.rule == "structure.organs_unit"]


def test_another_bodys_signature_is_reported_naming_both() -> None:
    (f,) = organ_findings(["青山镇人民政府"], hongqi())
    assert f.severity is Severity.WARNING
    assert f.message == ("署名机关“青山镇人民政府”与本单位“红旗街道办事处”不符："
                         "请在“报告信息”一步改为本单位的署名。")
    assert f.location.step == "info" and f.location.field == "organs"
    assert f.values == {"organs": ["青山镇人民政府"], "unit": HONGQI}
    (joint,) = organ_findings(["中共青山镇委员会", "青山镇人民政府"], hongqi())
    assert "署名机关“中共青山镇委员会、青山镇人民政府”" in joint.message


def test_the_step_named_is_the_wizards() -> None:
    """The message sends the clerk to the step that holds 署名机关 (report_info_missing names it there)."""
    assert step_title("report") == "报告信息"
    report = factories.report(hongqi())
    report.organs = []
    assert "署名机关" in report_info_missing(report)


def test_the_units_own_signature_is_not_reported() -> None:
    assert organ_findings([HONGQI], hongqi()) == []
    assert organ_findings(["中共红旗街道工作委员会", HONGQI], hongqi(unit_type=UnitType.JOINT)) == []
    assert organ_findings(["中共红旗街道工作委员会"], hongqi()) == []  # the short name
    assert organ_findings(["红旗街道 办事处"], hongqi()) == []  # spaces (PDF letter-spacing) do not count
    # organs equal to the profile's, though they do not name the unit
    office = Unit("县法治办", organs=["中共青山县委全面依法治县委员会办公室"])
    assert organ_findings(["中共青山县委全面依法治县委员会办公室"], office) == []
    assert len(organ_findings(["青山县司法局"], office)) == 1


def test_nothing_to_judge_is_not_reported() -> None:
    assert organ_findings([], hongqi()) == []  # structure.signature says it
    assert organ_findings(["青山镇人民政府"], None) == []  # no unit (a report checked alone)
    nameless = Unit("")
    assert organ_findings(["青山镇人民政府"], nameless) == []
    assert not foreign_organs(["青山镇人民政府"], nameless)
    assert not foreign_organs(["  "], hongqi())


def test_a_short_name_alone_counts_only_when_the_unit_has_one() -> None:
    assert organ_findings(["红旗街道"], hongqi()) == []
    assert len(organ_findings(["红旗街道"], hongqi(short_name=""))) == 1
