"""fzdesk.font_warmup: fontconfig's configuration is read in a native thread, once, on Linux only."""

from __future__ import annotations

import ctypes
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fzdesk import font_warmup


def fontconfig_available() -> bool:
    try:
        ctypes.CDLL(font_warmup.FONTCONFIG)
    except OSError:
        return False
    return sys.platform.startswith("linux")


needs_fontconfig = pytest.mark.skipif(not fontconfig_available(), reason="Linux with libfontconfig only")

PROBE = textwrap.dedent("""
    import sys, time
    from fzdesk.font_warmup import start_fontconfig
    first, second = start_fontconfig(), start_fontconfig()
    time.sleep(1.0)  # the thread reads one small file: done in milliseconds
    print("started", first, second, flush=True)
""")


@needs_fontconfig
def test_the_thread_reads_the_configuration_once_and_python_never_calls_it(tmp_path: Path) -> None:
    """FC_DEBUG=1024 makes fontconfig print every configuration file it loads: the file is loaded once, by the
    thread (the probe itself never calls FcInit), and a second start does nothing."""
    config = tmp_path / "fonts.conf"
    config.write_text("<?xml version='1.0'?>\n<fontconfig><dir>" + str(tmp_path / "fonts") + "</dir></fontconfig>\n",
                      encoding="utf-8")
    env = {"FONTCONFIG_FILE": str(config), "FC_DEBUG": "1024", "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True,
                            timeout=60, cwd=tmp_path)
    assert result.stdout.count(f"Loading config file from {config}") == 2  # fontconfig prints it, then "... done"
    assert f"Loading config file from {config} done" in result.stdout
    assert "started True False" in result.stdout


def test_nothing_happens_on_other_systems(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(font_warmup, "_started", False)
    monkeypatch.setattr(sys, "platform", "win32")
    loaded: list[object] = []
    monkeypatch.setattr(ctypes, "CDLL", lambda *args: loaded.append(args))
    assert font_warmup.start_fontconfig() is False
    assert loaded == []


def test_a_missing_library_is_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(font_warmup, "_started", False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(font_warmup, "FONTCONFIG", "libfzdesk-no-such-library.so.0")
    assert font_warmup.start_fontconfig() is False
    assert font_warmup._started is False


WINDOW_PROBE = textwrap.dedent("""
    import atexit, sys, types
    import fzdesk.font_warmup as warmup
    calls = []
    warmup.start_fontconfig = lambda: calls.append("qt imported" if "PySide6" in sys.modules else "first") or True
    atexit.register(lambda: print("fontconfig:", calls))
    app = types.ModuleType("fzdesk.app")
    app.run_gui = lambda data: 0
    sys.modules["fzdesk.app"] = app
    from fzdesk.cli import main
    raise SystemExit(main(sys.argv[1:]))
""")


@pytest.mark.parametrize(("arguments", "expected"), [
    (["--data", "D"], "fontconfig: ['first']"),
    ([], "fontconfig: ['first']"),
    (["--version"], "fontconfig: []"),
    (["--data", "D", "list"], "fontconfig: []"),
])
def test_only_the_window_starts_it_before_qt(arguments: list[str], expected: str, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", WINDOW_PROBE, *arguments], capture_output=True, text=True,
                            timeout=60, cwd=tmp_path)
    assert result.stdout.splitlines()[-1] == expected
