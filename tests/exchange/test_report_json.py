"""The report JSON: every field written, read back losslessly, and bad data refused in Chinese."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from fzdesk import __version__, resources
from fzdesk.domain.model import Block, FigureState, FigureValue, Report, Unit
from fzdesk.exchange import report_json
from fzdesk.exchange.report_json import NewerFormatError, ReportDataError
from tests import factories
from tests.exchange import strategies


def _sample() -> tuple[Report, Unit]:
    u = factories.unit()
    u.id = 7
    r = factories.report(u)
    r.dismissals = [report_json.Dismissal("A.sum", "已向复议办核实")]
    r.attachments = ["2023年度法治政府建设数据表"]
    return r, u


def test_writes_the_documented_fields() -> None:
    r, u = _sample()
    data = report_json.to_data(r, u, resources.catalogue())
    assert data["format"] == "fzdesk-report"
    assert data["version"] == report_json.VERSION
    assert data["app_version"] == __version__
    assert data["unit"]["organs"] == ["沈丘县人民政府办公室"]
    assert data["unit"]["type"] == "department"
    assert data["unit"]["recipient"] == "沈丘县人民政府"
    assert data["unit"]["cc"] == "县委依法治县办"
    assert data["year"] == 2023
    assert data["date"] == "2023-12-15"
    assert data["display_title"] == "沈丘县人民政府办公室关于2023年度法治政府建设情况的报告"
    blocks = [s["block"] for s in data["sections"]]
    assert blocks[0] == "opening" and blocks[-1] == "closing"
    assert set(blocks) == {b.value for b in Block}
    first = data["sections"][1]
    assert set(first) == {"block", "heading", "numbering", "omitted", "items"}
    assert set(first["items"][0]) == {"title", "paragraphs", "carried_over"}
    accepted = next(f for f in data["figures"] if f["code"] == "A.accepted")
    assert accepted == {
        "code": "A.accepted", "name": "受理", "family": "A", "family_name": "行政复议", "unit": "件",
        "state": "number", "value": "88", "approx": None, "last_state": "empty", "last_value": None,
        "last_approx": None, "explanation": ""}
    assert data["dismissals"] == [{"key": "A.sum", "reason": "已向复议办核实"}]
    assert data["attachments"] == ["2023年度法治政府建设数据表"]


def test_every_written_key_is_documented() -> None:
    r, u = _sample()
    text = (Path(__file__).resolve().parents[2] / "docs" / "report-json.md").read_text(encoding="utf-8")
    data = report_json.to_data(r, u, resources.catalogue())
    keys = set(data) | set(data["unit"]) | set(data["sections"][0]) | set(data["sections"][0]["items"][0])
    keys |= set(data["figures"][0]) | set(data["dismissals"][0])
    missing = sorted(k for k in keys if f"`{k}`" not in text)
    assert not missing


def test_round_trip_is_exact_for_the_sample() -> None:
    r, u = _sample()
    got = report_json.loads(report_json.dumps(r, u, resources.catalogue()))
    _strip_ids(r)
    u.id = None
    assert got.report == r
    assert got.unit == u
    assert got.app_version == __version__


def test_figures_keep_decimal_digits() -> None:
    r, u = _sample()
    r.figures = {"H.exam_pass": FigureValue("H.exam_pass", FigureState.NUMBER, Decimal("100.00"),
                                            last_state=FigureState.NUMBER, last_value=Decimal("1E+3"))}
    data = report_json.to_data(r, u)
    assert data["figures"][0]["value"] == "100.00"
    back = report_json.from_data(json.loads(json.dumps(data))).report.figures["H.exam_pass"]
    assert str(back.value) == "100.00" and str(back.last_value) == "1E+3"


def _strip_ids(r: Report) -> None:
    r.id = None
    r.unit_id = None
    for s in r.sections:
        s.id = None
        for i in s.items:
            i.id = None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(report=strategies.reports(), unit=strategies.units)
def test_round_trip_of_any_report(report: Report, unit: Unit) -> None:
    text = report_json.dumps(report, unit, resources.catalogue())
    got = report_json.loads(text.encode("utf-8"))
    assert got.report == report
    assert got.unit == unit
    assert report_json.dumps(got.report, got.unit, resources.catalogue()) == text


def _data() -> dict[str, Any]:
    r, u = _sample()
    return report_json.to_data(r, u)


def test_a_newer_version_is_refused_with_a_message() -> None:
    data = _data()
    data["version"] = report_json.VERSION + 1
    data["app_version"] = "9.0"
    with pytest.raises(NewerFormatError, match="升级"):
        report_json.from_data(data)


def test_unknown_top_level_keys_are_kept_aside() -> None:
    data = _data()
    data["checklist_from_the_future"] = [1]
    assert report_json.from_data(data).extra == {"checklist_from_the_future": [1]}


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d.update(format="other"), "不是 fzdesk 的报告数据文件"),
    (lambda d: d.pop("year"), "缺少“year”"),
    (lambda d: d.update(year="2023"), "“year”应当是整数"),
    (lambda d: d.update(year=20233), "不是有效的年份"),
    (lambda d: d["unit"].update(name=""), "单位名称"),
    (lambda d: d.update(unit=[]), "unit"),
    (lambda d: d["sections"][1].update(block="intro"), "sections\\[1\\].block"),
    (lambda d: d["sections"][1]["items"][0].update(paragraphs="x"), "paragraphs”应当是文字的列表"),
    (lambda d: d["figures"][0].update(value="八十八"), "不是数字"),
    (lambda d: d["figures"][0].update(value="NaN"), "不是数字"),
    (lambda d: d["figures"][0].update(state="number", value=None), "是空的"),
    (lambda d: d["figures"].append(dict(d["figures"][0])), "出现了两次"),
    (lambda d: d.update(date="2023/12/15"), "成文日期"),
    (lambda d: d["sections"][0].update(omitted="yes"), "true 或 false"),
])
def test_bad_data_is_refused_in_chinese(mutate: Any, message: str) -> None:
    data = _data()
    mutate(data)
    with pytest.raises(ReportDataError, match=message):
        report_json.from_data(data)


@pytest.mark.parametrize("text", [b"", b"   ", b"{\"format\": \"fzdesk-rep", b"\xff\xfe\x00x", b"[1, 2]"])
def test_broken_text_is_refused(text: bytes) -> None:
    with pytest.raises(ReportDataError):
        report_json.loads(text)


def test_plan_checks_are_written_with_links_as_positions() -> None:
    from fzdesk.domain.checklist import PlanCheck, PlanStatus

    r, u = _sample()
    for n, section in enumerate(r.sections):
        for m, item in enumerate(section.items):
            item.id = 100 * n + m
    target = r.sections[2].items[1]
    checks = [PlanCheck("完善机制", "一是完善机制。……", PlanStatus.DONE, target.id, "已在第二部分写明"),
              PlanCheck("加强宣传")]
    data = report_json.to_data(r, u, plan_checks=checks)
    assert data["plan_checks"][0] == {"plan": "完善机制", "detail": "一是完善机制。……", "status": "done",
                                      "item": [2, 1], "note": "已在第二部分写明"}
    got = report_json.from_data(json.loads(json.dumps(data)))
    assert [c.plan for c in got.plan_checks] == ["完善机制", "加强宣传"]
    assert got.plan_checks[0].status is PlanStatus.DONE
    assert got.plan_links == [(2, 1), None]
    data["plan_checks"][0]["item"] = [2, 99]
    with pytest.raises(ReportDataError, match=r"plan_checks\[0\]\.item"):
        report_json.from_data(data)


def test_the_issue_date_is_written_only_when_set_and_read_back() -> None:
    r, u = _sample()
    assert "issued_on" not in report_json.to_data(r, u)  # the 成文日期: files stay as before
    r.issued_on = dt.date(2024, 1, 8)
    data = report_json.to_data(r, u)
    assert data["issued_on"] == "2024-01-08"
    assert report_json.from_data(json.loads(json.dumps(data))).report.issued_on == dt.date(2024, 1, 8)
    data["issued_on"] = "2024年1月8日"
    with pytest.raises(ReportDataError, match="印发日期“2024年1月8日”不是 YYYY-MM-DD"):
        report_json.from_data(data)
