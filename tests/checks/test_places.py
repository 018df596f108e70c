"""Places and step names as the clerk reads them: one naming source for the window, 检查 and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fzdesk.checks.findings import Location
from fzdesk.cli import main
from fzdesk.domain.model import Block, Dismissal
from fzdesk.domain.naming import step_titles
from fzdesk.storage.store import Store
from fzdesk.ui.steps import steps_for
from tests.checks.helpers import figures
from tests.checks.sample import sample_report, sample_unit


def test_a_figure_is_named_by_its_family_and_indicator_never_by_its_code() -> None:
    assert Location("figures", figure="A.accepted").describe() == "数据 · 行政复议 · 受理"
    assert Location("figures", figure="A.accepted").place() == "行政复议 · 受理"
    assert Location("figures", figure="Z.unknown").describe() == "数据 · Z.unknown"  # not in the catalogue


def test_the_opening_and_closing_have_no_items_to_name() -> None:
    assert Location("opening", 1, 0, 0).describe() == "开头 · 第1段"
    assert Location("opening", 1, 0, 2, 3, 5).place() == "第3段"
    assert Location("closing", 9, 0, 0).describe() == "结尾与附件 · 第1段"
    assert Location("opening").describe() == "开头"
    # the five blocks have items: they stay named
    assert Location("measures", 3, 0, 0).describe() == "主要举措和成效 · 第1项 · 第1段"
    assert Location("measures", 3, 1, -1).place() == "第2项 · 小标题"
    assert Location("measures", None, -1, 0).place() == "标题 · 第1段"


def test_step_names_come_from_one_source_numbered_in_the_reports_order() -> None:
    report = sample_report()
    titles = step_titles(report)
    window = {s.key: s.title for s in steps_for(report)}
    assert {k: titles[k] for k in window} == window
    assert titles["info"] == titles["report"] == "报告信息"
    assert titles[Block.RESPONSIBILITY.value] == "一、第一责任人履职"
    assert titles[Block.MEASURES.value] == "二、主要举措和成效"
    report.sections.sort(key=lambda s: s.block is not Block.MEASURES)  # the unit put 主要举措 first
    assert step_titles(report)[Block.MEASURES.value] == "一、主要举措和成效"
    assert {s.key: s.title for s in steps_for(report)}[Block.MEASURES.value] == "一、主要举措和成效"
    where = Location("info", field="recipient").describe(step_titles(report))
    assert where == "报告信息 · 主送机关"


def _store(folder: Path, dismissals: list[Dismissal]) -> None:
    with Store.open(folder) as store:
        unit = sample_unit()
        unit.id = None
        report = sample_report()
        report.unit_id = store.save_unit(unit)
        report.recipient = ""
        report.dismissals = dismissals
        figures(report, A_accepted=15, A_carried_in=0, A_closed=30, A_open=0)  # 15 ≠ 30: a sum error
        store.create_report(report)


def test_fzdesk_check_names_steps_and_figures_as_the_window_does(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _store(tmp_path, [Dismissal("A.balance|figures|A.accepted|", "年底才结案的一件计入了次年")])
    main(["--data", str(tmp_path), "check"])
    out = capsys.readouterr().out
    assert "A.accepted" not in out and "A.balance" not in out
    assert "（数据 · 行政复议 · 受理）" in out  # the dismissed figure error, by its family and name
    assert "  报告信息\n" in out and "基本信息" not in out
    assert "（一、第一责任人履职 · 第1项 · 第1段）" in out and "  一、第一责任人履职\n" in out
    assert "（第一责任人职责" not in out and "  第一责任人职责\n" not in out
    assert "开头 · 第1段" in out and "开头 · 第1项" not in out
    main(["--data", str(tmp_path), "check", "--json"])
    data = json.loads(capsys.readouterr().out)
    balance = next(d for d in data if d["rule"] == "A.balance")
    assert balance["status"] == "dismissed" and balance["place"] == "数据 · 行政复议 · 受理"
    assert balance["location"]["figure"] == "A.accepted"  # the code stays in the machine-readable location
