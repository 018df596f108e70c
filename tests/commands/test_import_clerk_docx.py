"""`fzdesk import` of a township clerk's own Word report (tests/exchange/clerk_docx.py): printed and stored."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest

from fzdesk.cli import main
from fzdesk.domain.model import Block
from fzdesk.storage.store import Store
from tests import factories
from tests.exchange import clerk_docx


def test_the_township_report_imports_with_its_date_blocks_and_colophon(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = clerk_docx.township_docx(tmp_path / "石桥镇.docx")
    data = tmp_path / "data"
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["--data", str(data), "import", str(path), "--yes", "--figures", "all"]) == 0
    out = capsys.readouterr().out
    assert "成文日期：2024年1月15日" in out and "成文日期：（未识别）" not in out
    assert f"  主要举措和成效：{clerk_docx.HEADINGS[1]}，3项" in out
    assert out.count(clerk_docx.BOX_NOTE) == 1
    assert "版记的印发机关和印发日期" in out
    assert "提示：文末的常用抄送“县委依法治县办”已读出，导入时填入单位信息中空着的栏目" in out
    assert "新建单位的常用抄送“县委依法治县办”取自文件末尾。" in out
    with Store.open(data) as store:
        [summary] = store.reports()
        report = store.load_report(summary.id)
        assert report.date == dt.date(2024, 1, 15)
        assert [s.heading for s in report.body_sections if s.heading][:4] == clerk_docx.HEADINGS
        shortcomings = report.section(Block.SHORTCOMINGS)
        assert shortcomings is not None and len(shortcomings.items) == 2
        assert len(report.figures) == 4  # the four numbers found in the prose, all taken (--figures all)
        [unit] = store.units()
        assert unit.cc == "县委依法治县办"


def test_the_same_year_again_with_yes_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = clerk_docx.township_docx(tmp_path / "石桥镇.docx")
    data = tmp_path / "data"
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["--data", str(data), "import", str(path), "--yes"]) == 0
    before = factories.dump_folder(data)
    capsys.readouterr()
    assert main(["--data", str(data), "import", str(path), "--yes"]) == 2
    assert "2023" in capsys.readouterr().err
    assert factories.dump_folder(data) == before
