"""`fzdesk import` says where the figures of the sheet came from: the file's own report data, or the prose."""

from __future__ import annotations

import io
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from fzdesk import resources
from fzdesk.cli import main
from fzdesk.domain.model import FigureState, FigureValue
from fzdesk.export.docx_writer import export_docx
from fzdesk.storage.store import Store
from tests import factories


def test_a_docx_the_program_exported_reports_its_embedded_figures(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    unit = factories.unit()
    report = factories.report(unit, 2025)
    report.figures["A.open"] = FigureValue("A.open", FigureState.NUMBER, Decimal(25))
    assert len(report.figures) == 6  # numbers, an approximation and a 不涉及
    path = tmp_path / "exported.docx"
    path.write_bytes(export_docx(report, unit, catalogue=resources.catalogue()).data)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    data = tmp_path / "data"
    assert main(["--data", str(data), "import", str(path), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "填入数字0个" not in out
    assert "\n  第一责任人履职：" in out and "\n  第一责任人职责：" not in out  # the blocks named as the step list
    lines = out.splitlines()
    assert lines.count("数据表：6项（来自文件中的报告数据）") == 2  # in the preview and after the import
    assert lines[-1] == "数据表：6项（来自文件中的报告数据）" and lines[-2].startswith("已导入：2025年度报告")
    with Store.open(data) as store:
        [summary] = store.reports()
        assert len(store.load_report(summary.id).figures) == 6
