"""`fzdesk import`: prints what it found, asks on stdin, imports in one go or changes nothing."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from fzdesk import resources
from fzdesk.cli import main
from fzdesk.domain.model import Block
from fzdesk.exchange import report_json
from fzdesk.storage.store import Store
from tests import factories
from tests.exchange import samples


@pytest.fixture
def county(tmp_path: Path) -> Path:
    path = tmp_path / "县政府办2023.txt"
    path.write_text(samples.county_text(), encoding="utf-8")
    return path


def _run(monkeypatch: pytest.MonkeyPatch, answers: str, *argv: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(answers))
    return main(list(argv))


def test_yes_imports_and_prints_what_was_found(tmp_path: Path, county: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    assert _run(monkeypatch, "", "--data", str(data), "import", str(county), "--yes") == 0
    out = capsys.readouterr().out
    assert "单位：沈丘县人民政府办公室" in out and "年度：2023" in out
    assert "主要举措和成效：法治政府建设的主要举措和成效，5项" in out
    assert "无法归类的文字" not in out  # the 不足 block's lead-in is kept (and said so), not left out
    assert "提示：“存在的不足、原因和问题整改情况”下、第一条之前的引导语“虽然我办今年" in out
    assert "已导入：2023年度报告" in out and "数据表：没有填入数字（正文中找到" in out and "都没有确认填入" in out
    with Store.open(data) as store:
        [summary] = store.reports()
        assert summary.year == 2023 and store.load_report(summary.id).figures == {}
        shortcomings = store.load_report(summary.id).section(Block.SHORTCOMINGS)
        assert shortcomings is not None
        lead = "虽然我办今年法治政府建设取得明显成效，但同时也存在一些不足：一是"
        assert shortcomings.items[0].paragraphs[0].startswith(lead)


def test_answers_on_stdin_accept_figures_one_by_one(tmp_path: Path, county: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    from fzdesk.exchange.importer import open_import

    n = len(open_import(county).figures)
    answers = "y\n" + "n\n" * (n - 1) + "y\n"  # accept the first figure, reject the others, then import
    assert _run(monkeypatch, answers, "--data", str(data), "import", str(county)) == 0
    out = capsys.readouterr().out
    assert "原文：" in out and "数据表：1项（从正文中确认填入）" in out
    with Store.open(data) as store:
        [summary] = store.reports()
        assert len(store.load_report(summary.id).figures) == 1


def test_no_input_means_no(tmp_path: Path, county: Path, capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    assert _run(monkeypatch, "", "--data", str(data), "import", str(county), "--figures", "none") == 1
    assert "已取消，数据未作任何改动" in capsys.readouterr().out
    with Store.open(data) as store:
        assert store.units() == []


def test_an_existing_year_with_yes_needs_existing(tmp_path: Path, county: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    assert _run(monkeypatch, "", "--data", str(data), "import", str(county), "--yes") == 0
    before = factories.dump_folder(data)
    assert _run(monkeypatch, "", "--data", str(data), "import", str(county), "--yes") == 2
    err = capsys.readouterr().err
    assert "已有2023年度的报告" in err and "--existing" in err
    assert factories.dump_folder(data) == before
    assert _run(monkeypatch, "c\n", "--data", str(data), "import", str(county), "--figures", "none") == 1
    assert factories.dump_folder(data) == before
    assert _run(monkeypatch, "k\ny\n", "--data", str(data), "import", str(county), "--figures", "none") == 0
    assert _run(monkeypatch, "", "--data", str(data), "import", str(county), "--yes", "--existing", "replace") == 0
    with Store.open(data) as store:
        assert len(store.reports()) == 1  # replace took both same-year reports' place


def test_another_units_file_is_asked_about(tmp_path: Path, county: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.save_unit(factories.unit("沈丘县司法局"))
    before = factories.dump_folder(data)
    assert _run(monkeypatch, "n\n", "--data", str(data), "import", str(county), "--unit", "沈丘县司法局") == 1
    assert ("这个文件属于另一个单位“沈丘县人民政府办公室”，不是“沈丘县司法局”。确定要把它导入到“沈丘县司法局”名下吗？"
            in capsys.readouterr().out)
    assert factories.dump_folder(data) == before
    assert _run(monkeypatch, "", "--data", str(data), "import", str(county), "--unit", "没有的单位", "--yes") == 2
    assert "找不到单位" in capsys.readouterr().err
    assert _run(monkeypatch, "", "--data", str(data), "import", str(county), "--unit", "沈丘县司法局", "--yes") == 0
    with Store.open(data) as store:
        assert [u.name for u in store.units()] == ["沈丘县司法局"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("a.doc", b"\xd0\xcf\x11\xe0" + b"\0" * 64, "另存为"),
    ("a.docx", b"", "空"),
    ("a.docx", b"PK\x03\x04garbage", "不是 Word 文档"),
])
def test_bad_files_fail_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    data = tmp_path / "data"
    assert _run(monkeypatch, "", "--data", str(data), "import", str(path), "--yes") == 2
    assert message in capsys.readouterr().err
    assert factories.dump_folder(data) == []


def test_a_newer_data_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    u = factories.unit()
    data_json = report_json.to_data(factories.report(u), u, resources.catalogue())
    data_json["version"] = 99
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data_json, ensure_ascii=False), encoding="utf-8")
    assert _run(monkeypatch, "", "--data", str(tmp_path / "data"), "import", str(path), "--yes") == 2
    assert "升级" in capsys.readouterr().err


def test_year_can_be_given_when_the_file_does_not_say(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "no-title.txt"
    path.write_text("县政府：\n一、主要举措和成效\n做了工作。\n特此报告。\n", encoding="utf-8")
    data = tmp_path / "data"
    assert _run(monkeypatch, "", "--data", str(data), "import", str(path), "--yes") == 2
    assert "年度" in capsys.readouterr().err
    assert _run(monkeypatch, "", "--data", str(data), "import", str(path), "--yes", "--year", "2023",
                "--unit", "县司法局") == 2  # no such unit yet
    with Store.open(data) as store:
        store.save_unit(factories.unit("县司法局"))
    assert _run(monkeypatch, "", "--data", str(data), "import", str(path), "--yes", "--year", "2023",
                "--unit", "县司法局") == 0
    with Store.open(data) as store:
        assert [r.year for r in store.reports()] == [2023]


def test_the_command_runs_as_a_program(tmp_path: Path, county: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "fzdesk", "--data", str(tmp_path / "data"), "import", str(county)],
                          input="", capture_output=True, text=True, encoding="utf-8", timeout=60, check=False)
    assert done.returncode == 1
    assert "沈丘县人民政府办公室" in done.stdout and "已取消" in done.stdout
