"""`fzdesk --self-test`: every stage passes on a good install, and a failing stage fails the run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fzdesk import cli, selftest


def test_all_stages_pass(capsys: pytest.CaptureFixture[str]) -> None:
    assert selftest.run(verbose=True) == 0
    out, err = capsys.readouterr()
    assert out.count("\n") == 1 and "自检通过" in out
    for name, _ in selftest.STAGES:
        assert f"{name}：通过" in err


def test_a_failing_stage_fails_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    def broken(ctx: selftest.Context) -> str:
        raise OSError("磁盘已满")

    ran: list[str] = []

    def later(ctx: selftest.Context) -> str:
        ran.append("later")
        return ""

    assert selftest.run(stages=[("数据库", selftest.stage_store), ("导出", broken), ("之后", later)]) == 1
    out, err = capsys.readouterr()
    assert out.strip().endswith("自检失败：导出：OSError: 磁盘已满")
    assert "Traceback" in err
    assert ran == []


def test_a_wrong_round_trip_is_caught() -> None:
    with pytest.raises(AssertionError, match="differs"):
        selftest._same("report", 1, 2)


def test_without_ids_leaves_the_original_alone() -> None:
    unit = selftest.sample_unit()
    unit.id = 7
    report = selftest.sample_report(unit)
    report.sections[0].id = 3
    stripped = selftest.without_ids(report)
    assert stripped.unit_id is None and stripped.sections[0].id is None
    assert report.unit_id == 7 and report.sections[0].id == 3


def test_command_line_flag(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--self-test"]) == 0
    assert "自检通过" in capsys.readouterr().out


def test_runs_headless_in_a_fresh_interpreter() -> None:
    """As the bundle runs it: no display, a new process, exit status 0 and one line on stdout."""
    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    result = subprocess.run([sys.executable, "-m", "fzdesk", "--self-test"], capture_output=True, text=True,
                            encoding="utf-8", env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("\n") == 1


def test_checks_that_find_nothing_fail_the_check_stage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fzdesk.checks import engine
    from fzdesk.checks.findings import CheckResult

    ctx = selftest.Context(tmp_path)
    selftest.stage_store(ctx)
    monkeypatch.setattr(engine, "check_report", lambda *args, **kwargs: CheckResult())
    with pytest.raises(AssertionError, match="missed"):
        selftest.stage_check(ctx)


def test_an_import_that_changes_the_report_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fzdesk.exchange import importer

    ctx = selftest.Context(tmp_path)
    for stage in (selftest.stage_store, selftest.stage_export):
        stage(ctx)
    real = importer.open_import

    def lossy(path: Path) -> importer.ImportPreview:
        preview = real(path)
        preview.report.sections[1].items.pop()
        return preview

    monkeypatch.setattr(importer, "open_import", lossy)
    with pytest.raises(AssertionError, match="after import"):
        selftest.stage_import(ctx)
