"""Opening the window must not pay for the subcommands' imports (checks, export, import): start-up time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fzdesk import cli
from tests import factories

FAKE_APP = (
    "import sys, types\n"
    "app = types.ModuleType('fzdesk.app')\n"
    "app.run_gui = lambda data, opened, first: print('window', data) or 0\n"
    "sys.modules['fzdesk.app'] = app\n"
    "opening = types.ModuleType('fzdesk.opening')\n"
    "opening.open_with_first_report = lambda data: (None, None)\n"
    "sys.modules['fzdesk.opening'] = opening\n"
    "from fzdesk.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print(sorted(m for m in sys.modules if m.startswith(('fzdesk.commands', 'fzdesk.checks', 'fzdesk.export'))))\n"
    "raise SystemExit(code)\n"
)


def test_starting_the_window_imports_no_subcommand() -> None:
    result = subprocess.run([sys.executable, "-c", FAKE_APP, "--data", "list"], capture_output=True, text=True,
                            check=True)
    window, loaded = result.stdout.splitlines()
    assert window == "window list"  # "list" was the folder's name, not the subcommand
    assert loaded == "[]"


@pytest.mark.parametrize(("arguments", "expected"), [
    ([], False),
    (["--data", "D"], False),
    (["--data=D"], False),
    (["--self-test"], False),
    (["--data", "list"], False),
    (["list"], True),
    (["--data", "D", "check", "--json"], True),
    (["--help"], True),
    (["-h"], True),
])
def test_which_arguments_name_a_command(arguments: list[str], expected: bool) -> None:
    assert cli._names_a_command(arguments) is expected


def test_help_still_lists_the_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "list" in capsys.readouterr().out


def test_unknown_option_without_a_command_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["--bogus"])
    assert exc.value.code == 2


GC_PROBE = (
    "import gc, sys, types\n"
    "app = types.ModuleType('fzdesk.app')\n"
    "app.run_gui = lambda data, opened, first: print('collector on' if gc.isenabled() else 'collector off') or 0\n"
    "sys.modules['fzdesk.app'] = app\n"
    "opening = types.ModuleType('fzdesk.opening')\n"
    "opening.open_with_first_report = lambda data: (None, None)\n"
    "sys.modules['fzdesk.opening'] = opening\n"
    "from fzdesk.cli import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


def test_the_window_starts_with_the_garbage_collector_off() -> None:
    """fzdesk.app.run_gui turns it on again after the first paint (tests/ui/test_startup.py)."""
    result = subprocess.run([sys.executable, "-c", GC_PROBE, "--data", "D"], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "collector off"


@pytest.mark.parametrize("arguments", [
    [], ["--data", "D"], ["--data=D"], ["--data", ""], ["--data", "数据 文件夹"], ["--data=a=b"],
])
def test_arguments_that_only_start_the_window_are_read_as_argparse_reads_them(arguments: list[str]) -> None:
    window = cli._window_data(arguments)
    assert window is not None
    args = cli.build_parser(with_commands=False).parse_args(arguments)
    assert window == (args.data,) and args.command is None and not args.self_test


@pytest.mark.parametrize("arguments", [
    ["--data"], ["--data="], ["--data", "-x"], ["--dat", "D"], ["--data", "D", "--data", "E"], ["--self-test"],
    ["--version"], ["-h"], ["list"], ["--data", "D", "list"], ["--foo"],
])
def test_anything_else_is_left_to_argparse(arguments: list[str]) -> None:
    assert cli._window_data(arguments) is None


def test_starting_the_window_does_not_load_argparse() -> None:
    probe = FAKE_APP.replace("print(sorted(", "print('argparse' in sys.modules, sorted(")
    result = subprocess.run([sys.executable, "-c", probe, "--data", "D"], capture_output=True, text=True,
                            check=True)
    assert result.stdout.splitlines()[1].startswith("False")


OPEN_PROBE = (
    "import sys, types\n"
    "import fzdesk.opening as opening\n"
    "real = opening.open_for_window\n"
    "def watched(data):\n"
    "    print('qt loaded' if 'PySide6.QtGui' in sys.modules else 'qt not loaded yet')\n"
    "    return real(data)\n"
    "opening.open_for_window = watched\n"
    "app = types.ModuleType('fzdesk.app')\n"
    "app.run_gui = lambda data, opened, first: print(type(opened).__name__, data, first.report.year) or 0\n"
    "sys.modules['fzdesk.app'] = app\n"
    "from fzdesk.cli import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


def test_the_window_s_store_is_opened_before_qt_is_loaded(tmp_path: Path) -> None:
    """fzdesk.opening: the store's opening overlaps the Qt libraries' loading on another core."""
    folder = tmp_path / "数据"
    factories.two_years_folder(folder)
    result = subprocess.run([sys.executable, "-c", OPEN_PROBE, "--data", str(folder)], capture_output=True,
                            text=True, encoding="utf-8", check=True, timeout=60,
                            env=dict(os.environ, PYTHONIOENCODING="utf-8"))  # (a Chinese path, on any Windows)
    assert result.stdout.splitlines() == ["qt not loaded yet", f"Store {folder} 2023"]  # and the report to show


COLLECTIONS_PROBE = (
    "import gc\n"
    "collections = []\n"
    "gc.callbacks.append(lambda phase, info: phase == 'stop' and collections.append(info['generation']))\n"
    "import fzdesk.cli as cli\n"
    "gc.set_threshold(1)  # a collection at every allocation while the collector is on\n"
    "before = len(collections)\n"
    "cli._prepare_window()\n"
    "print(collections[before:])\n"
)


def test_the_collector_is_off_before_the_window_s_imports() -> None:
    """Importing the C extensions before the preload made four young and one older collection (~0.5 ms)."""
    result = subprocess.run([sys.executable, "-c", COLLECTIONS_PROBE], capture_output=True, text=True, check=True,
                            timeout=60)
    assert result.stdout.strip() == "[]"
