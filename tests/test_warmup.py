"""fzdesk.warmup: fontconfig's configuration and Qt's libraries are loaded in threads of their own, once, on Linux
only, and before the window's thread needs them."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

from fzdesk import warmup
from tests import factories


def fontconfig_available() -> bool:
    try:
        ctypes.CDLL(warmup.FONTCONFIG)
    except OSError:
        return False
    return sys.platform.startswith("linux")


needs_fontconfig = pytest.mark.skipif(not fontconfig_available(), reason="Linux with libfontconfig only")

PROBE = textwrap.dedent("""
    import os, time
    from fzdesk.warmup import start_fontconfig
    first, second = start_fontconfig(), start_fontconfig()
    deadline = time.monotonic() + 30  # the native thread ends once FcInit returns (milliseconds for one small file):
    while len(os.listdir("/proc/self/task")) > 1 and time.monotonic() < deadline:  # no fixed sleep on a busy machine
        time.sleep(0.005)
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
    monkeypatch.setattr(warmup, "_started", set())
    monkeypatch.setattr(sys, "platform", "win32")
    loaded: list[object] = []
    monkeypatch.setattr(ctypes, "CDLL", lambda *args: loaded.append(args))
    assert warmup.start_fontconfig() is False
    assert warmup.preload_qt() is False
    assert loaded == [] and warmup.preloader is None


def test_a_missing_library_is_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warmup, "_started", set())
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(warmup, "FONTCONFIG", "libfzdesk-no-such-library.so.0")
    assert warmup.start_fontconfig() is False


WINDOW_PROBE = textwrap.dedent("""
    import atexit, sys, types
    import fzdesk.warmup as warmup
    calls = []
    warmup.preload_qt = lambda: calls.append("qt imported" if "PySide6" in sys.modules else "first") or True
    atexit.register(lambda: print("preload:", calls))
    app = types.ModuleType("fzdesk.app")
    app.run_gui = lambda data, opened, first: 0
    sys.modules["fzdesk.app"] = app
    opening = types.ModuleType("fzdesk.opening")  # (no store is opened: [] would mean the user's own folder)
    opening.open_with_first_report = lambda data: (None, None)
    sys.modules["fzdesk.opening"] = opening
    from fzdesk.cli import main
    raise SystemExit(main(sys.argv[1:]))
""")


@pytest.mark.parametrize(("arguments", "expected"), [
    (["--data", "D"], "preload: ['first']"),
    ([], "preload: ['first']"),
    (["--version"], "preload: []"),
    (["--data", "D", "list"], "preload: []"),
])
def test_only_the_window_starts_the_preload_before_qt(arguments: list[str], expected: str, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", WINDOW_PROBE, *arguments], capture_output=True, text=True,
                            timeout=60, cwd=tmp_path)
    assert result.stdout.splitlines()[-1] == expected


PRELOAD_PROBE = textwrap.dedent("""
    import sys
    from fzdesk import warmup
    started = warmup.preload_qt(), warmup.preload_qt()
    warmup.preloader.join(30)
    mapped = {line.split()[-1].rsplit("/", 1)[-1] for line in open("/proc/self/maps") if ".so" in line}
    print(started, sorted(m for m in mapped if m.startswith(("QtGui", "QtWidgets", "libqxcb", "libQt6Gui"))),
          "PySide6.QtGui" in sys.modules, len(warmup.handles))
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_the_libraries_are_loaded_without_importing_them() -> None:
    """QtGui's bindings and libQt6Gui are in the process, and PySide6.QtGui is still not imported."""
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-c", PRELOAD_PROBE], capture_output=True, text=True, env=env,
                            check=True, timeout=60)
    assert result.stdout.strip() == "(True, False) ['QtGui.abi3.so', 'QtWidgets.abi3.so', 'libQt6Gui.so.6'] False 2"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_the_libraries_are_opened_lazily_then_fontconfig_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    """RTLD_LAZY: the binding modules' thousands of calls into Qt are bound when first called, not all at once
    (~5 ms of the thread, which the window's thread waits for on a busy machine); fontconfig's reading follows,
    not beside the loading (two cores)."""
    opened: list[tuple[bytes, int]] = []

    def dlopen(path: bytes, mode: int) -> int:  # (a function: the preload sets its argtypes and restype)
        opened.append((path, mode))
        return 1

    monkeypatch.setattr(ctypes, "CDLL", lambda *args: types.SimpleNamespace(dlopen=dlopen))
    monkeypatch.setattr(warmup, "handles", [])
    monkeypatch.setattr(warmup, "start_fontconfig", lambda: opened.append((b"fontconfig", 0)) or True)
    warmup._preload()
    libraries = [os.fsencode(path) for path in warmup.qt_libraries()]
    assert [path for path, _ in opened] == [*libraries, b"fontconfig"]  # fontconfig's reading once they are loaded
    assert len(libraries) >= 2 and {mode for _, mode in opened[:-1]} == {os.RTLD_LAZY}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_fontconfig_starts_even_when_the_libraries_cannot_be_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[str] = []
    monkeypatch.setattr(warmup, "qt_libraries", lambda: ["/nonexistent/QtGui.abi3.so"])
    monkeypatch.setattr(warmup, "handles", [])
    monkeypatch.setattr(warmup, "start_fontconfig", lambda: started.append("fontconfig") or True)
    warmup._preload()
    assert warmup.handles == [] and started == ["fontconfig"]


@pytest.mark.parametrize(("environ", "xcb"), [
    ({"DISPLAY": ":0"}, True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, True),
    ({"QT_QPA_PLATFORM": "xcb:dpi=96"}, True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
    ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "wayland"}, False),
    ({}, False),
])
def test_the_x11_plugin_only_for_a_window_on_x11(environ: dict[str, str], xcb: bool) -> None:
    names = [Path(path).name for path in warmup.qt_libraries(environ)]
    assert names[:2] == ["QtGui.abi3.so", "QtWidgets.abi3.so"]
    assert ("libqxcb.so" in names) is xcb


def test_the_bundle_s_copy_of_pyside6_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    package = tmp_path / "PySide6"
    (package / "Qt" / "plugins" / "platforms").mkdir(parents=True)
    for name in ("QtGui.abi3.so", "QtWidgets.abi3.so", "Qt/plugins/platforms/libqxcb.so"):
        (package / name).write_bytes(b"")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert warmup.qt_libraries({"DISPLAY": ":1"}) == [str(package / "QtGui.abi3.so"),
                                                      str(package / "QtWidgets.abi3.so"),
                                                      str(package / "Qt" / "plugins" / "platforms" / "libqxcb.so")]


ORDER_PROBE = textwrap.dedent("""
    import builtins, sys
    from fzdesk import cli, warmup

    def extensions():
        return {name for name, module in list(sys.modules.items())
                if (getattr(module, "__file__", None) or "").endswith((".so", ".pyd"))}

    seen = {}
    warmup.preload_qt = lambda: seen.setdefault("preload", extensions()) and True
    real_import = builtins.__import__

    def watching(name, *args, **kwargs):
        if name.startswith("PySide6") and "qt" not in seen:
            seen["qt"] = extensions()
        return real_import(name, *args, **kwargs)

    cli._prepare_window()
    builtins.__import__ = watching
    from fzdesk.opening import open_with_first_report  # what cli.main does next
    opened, first = open_with_first_report(sys.argv[1])
    opened.close()
    import fzdesk.app
    print(sorted(seen["qt"] - seen["preload"]))
""")


def test_no_c_extension_is_loaded_between_the_preload_and_qt(tmp_path: Path) -> None:
    """While the preload thread holds the dynamic loader, a C extension imported by the window's thread would wait
    for all of it: cli._prepare_window loads the ones the store's opening and fzdesk.app need before Qt, and this
    notices a new one."""
    factories.two_years_folder(tmp_path / "data")  # a clerk's folder at today's schema, with reports to read
    result = subprocess.run([sys.executable, "-c", ORDER_PROBE, str(tmp_path / "data")], capture_output=True,
                            text=True, check=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stdout
