"""Rough edges of the command line: answers from a pipe, output into `head`, a file without a year, and a
failed or cancelled import into a new data folder (nothing may be created there)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fzdesk.cli import main
from fzdesk.commands import import_report
from fzdesk.exchange.apply import ImportConflict
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


def test_each_prompt_starts_a_line_when_answers_come_from_a_pipe_and_run_out(
        tmp_path: Path, county: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run(monkeypatch, "y\nn\n", "--data", str(tmp_path / "data"), "import", str(county)) == 1
    out = capsys.readouterr().out
    prompts = [line for line in out.splitlines() if "[y/N]" in line]
    assert len(prompts) >= 3  # y, n, then end of input for every other figure and the import itself
    assert prompts[0].endswith("[y/N] y") and prompts[1].endswith("[y/N] n")
    assert all(p.endswith("[y/N] ") for p in prompts[2:])  # no answer: the line ends, nothing runs on
    assert "[y/N]   原文" not in out and all(line.count("[y/N]") == 1 for line in prompts)
    assert out.rstrip().endswith("已取消，数据未作任何改动。")


def test_existing_question_answered_by_end_of_input_ends_its_line(
        tmp_path: Path, county: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    assert _run(monkeypatch, "", "--data", str(data), "import", str(county), "--yes") == 0
    capsys.readouterr()
    assert _run(monkeypatch, "", "--data", str(data), "import", str(county)) == 1
    out = capsys.readouterr().out
    assert "其他 = 取消 ：\n已取消，数据未作任何改动。" in out


def test_a_file_without_a_year_asks_for_year_option(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "无年度.txt"
    path.write_text(re.sub(r"20\d\d年度?", "今年", samples.county_text()), encoding="utf-8")
    data = tmp_path / "data"
    assert _run(monkeypatch, "", "--data", str(data), "import", str(path), "--yes") == 2
    err = capsys.readouterr().err
    assert "没有认出这份报告是哪一年度的。请加上 --year YYYY 指明年度（例如 --year 2023）" in err
    assert "请先填写年度" not in err
    assert not data.exists()
    assert _run(monkeypatch, "", "--data", str(data), "import", str(path), "--yes", "--year", "2023") == 0
    with Store.open(data) as store:
        assert [r.year for r in store.reports()] == [2023]


@pytest.mark.parametrize("answers", ["", "n\n" * 40], ids=["end of input", "no to everything"])
def test_a_cancelled_import_creates_no_data_folder(tmp_path: Path, county: Path, answers: str,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "new" / "data"
    assert _run(monkeypatch, answers, "--data", str(data), "import", str(county)) == 1
    assert "已取消" in capsys.readouterr().out
    assert not (tmp_path / "new").exists()


def test_a_cancelled_import_leaves_an_existing_empty_folder_empty(tmp_path: Path, county: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "说明.txt").write_text("别的文件", encoding="utf-8")
    assert _run(monkeypatch, "", "--data", str(data), "import", str(county)) == 1
    assert [p.name for p in data.iterdir()] == ["说明.txt"]


def test_an_import_that_fails_while_writing_removes_the_store_it_created(
        tmp_path: Path, county: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    real = import_report.apply_import

    def failing(store: Store, *args: object, **kwargs: object) -> int:
        with store.transaction():
            real(store, *args, **kwargs)  # type: ignore[arg-type]
            raise ImportConflict("写入时出错。")

    monkeypatch.setattr(import_report, "apply_import", failing)
    assert _run(monkeypatch, "", "--data", str(data), "import", str(county), "--yes") == 2
    assert "写入时出错。数据未作任何改动。" in capsys.readouterr().err
    assert not data.exists()


def test_a_failed_import_never_removes_an_existing_store(tmp_path: Path, county: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.save_unit(factories.unit("沈丘县司法局"))

    def failing(*args: object, **kwargs: object) -> int:
        raise ImportConflict("写入时出错。")

    monkeypatch.setattr(import_report, "apply_import", failing)
    assert _run(monkeypatch, "", "--data", str(data), "import", str(county), "--yes") == 2
    with Store.open(data) as store:
        assert [u.name for u in store.units()] == ["沈丘县司法局"]


def test_output_into_a_reader_that_stops_early_ends_quietly(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store, store.transaction():
        for n in range(3000):
            store.save_unit(factories.unit(f"第{n:04d}号单位"))
    process = subprocess.Popen([sys.executable, "-m", "fzdesk", "--data", str(data), "list"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # as `head -1` does
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    assert process.wait(timeout=60) == 1
    assert "第0000号单位" in first.decode("utf-8")
    assert stderr == ""  # no BrokenPipeError traceback, no "Exception ignored" from the exit flush
