"""The frozen one-folder bundle: built by build.spec in a temporary folder, then run as a clerk's PC would."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fzdesk.domain.model import Unit
from fzdesk.storage.store import Store

REPO = Path(__file__).resolve().parent.parent
LIMIT_MB = 120
WINDOWS = sys.platform == "win32"

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None, reason="PyInstaller not installed"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(REPO / "build.spec")],
                   cwd=REPO, check=True, capture_output=True, timeout=900)
    return out / "dist" / "fzdesk"


def _exe(bundle: Path, name: str = "fzdesk") -> Path:
    return bundle / (f"{name}-cli.exe" if WINDOWS else name)


def _headless_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["FZDESK_DATA"] = str(tmp_path / "data")
    return env


def test_self_test_passes_without_a_display(bundle: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(_exe(bundle)), "--self-test"], capture_output=True, text=True, encoding="utf-8",
                            env=_headless_env(tmp_path), timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("\n") == 1 and "自检通过" in result.stdout


def test_version_comes_from_the_package_metadata(bundle: Path, tmp_path: Path) -> None:
    from fzdesk import __version__

    result = subprocess.run([str(_exe(bundle)), "--version"], capture_output=True, text=True,
                            env=_headless_env(tmp_path), timeout=60, check=True)
    assert result.stdout.strip() == f"fzdesk {__version__}"
    assert "+source" not in result.stdout


def test_size_and_contents(bundle: Path) -> None:
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= LIMIT_MB * 2**20, f"bundle is {size / 2**20:.0f} MB"
    internal = bundle / "_internal"
    assert (internal / "resources" / "catalogue" / "indicators.json").is_file()
    assert (internal / "resources" / "icons" / "fzdesk.png").is_file()
    assert list(internal.glob("docx/templates/*"))
    metadata = [*internal.glob("fzdesk-*.dist-info/METADATA"), *internal.glob("fzdesk*.egg-info/PKG-INFO")]
    assert metadata  # a wheel install gives a dist-info, an editable one an egg-info
    translations = sorted(p.name for p in internal.rglob("*.qm"))
    assert translations == ["qtbase_zh_CN.qm"]
    plugins = {p.parent.name for p in internal.rglob("plugins/*/*")}
    assert {"platforms", "imageformats"} <= plugins
    assert not plugins & {"tls", "networkinformation", "sqldrivers", "qmltooling", "printsupport", "designer"}
    names = {p.name for p in internal.rglob("*")}
    assert not {n for n in names if "Qt6Network" in n or "Qt6Qml" in n or "Qt6Quick" in n}


def test_no_symbolic_links_so_it_copies_onto_a_fat_stick(bundle: Path) -> None:
    """FAT and exFAT cannot hold links: `cp -r` or a file manager reported an error for each one."""
    assert not [str(p.relative_to(bundle)) for p in bundle.rglob("*") if p.is_symlink()]


def test_start_runs_only_the_runtime_hooks_the_bare_window_runs(bundle: Path) -> None:
    """Each runtime hook runs on every start (multiprocessing's cost ~12 ms, pkgutil's ~1 ms): only the two a
    bare PySide6 window gets as well, frozen with the same options (benchmarks/bench_bundle.py)."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(_exe(bundle)))
    scripts = {name for name, entry in archive.toc.items() if entry[-1] == "s"}
    assert scripts == {"pyiboot01_bootstrap", "pyi_rth_inspect", "pyi_rth_pyside6", "__main__"}


def test_python_modules_are_stored_not_deflated(bundle: Path) -> None:
    """Inflating the modules imported before the first paint cost ~7 ms of the start (build.spec)."""
    from PyInstaller.archive.readers import CArchiveReader

    modules = CArchiveReader(str(_exe(bundle))).open_embedded_archive("PYZ.pyz")
    for name in ("fzdesk.app", "fzdesk.ui.main_window", "fzdesk.storage.store", "dataclasses"):
        stored_length = modules.toc[name][2]
        assert stored_length >= len(modules.extract(name, raw=True)), name
    assert "asyncio" not in modules.toc and "_pydecimal" not in modules.toc  # scripts/bundle_filter.py


def test_shiboken_s_support_modules_are_shipped_compiled_and_read(bundle: Path, tmp_path: Path) -> None:
    """scripts/shiboken_support.py: shiboken6 loads them from files.dir instead of compiling them (~13 ms)."""
    support = bundle / "_internal" / "shiboken6" / "files.dir"
    compiled = {p.relative_to(support).as_posix() for p in support.rglob("*.pyc")}
    assert {"shibokensupport/__init__.pyc", "shibokensupport/signature/loader.pyc"} <= compiled
    assert not list(support.rglob("*.py"))
    broken = tmp_path / "broken"  # a copy (hard links) whose loader module is damaged: shiboken must stop on it
    shutil.copytree(bundle, broken, symlinks=True, copy_function=os.link)
    loader = broken / "_internal" / "shiboken6" / "files.dir" / "shibokensupport" / "signature" / "loader.pyc"
    loader.unlink()
    loader.write_bytes(b"not bytecode")
    result = subprocess.run([str(_exe(broken)), "--version"], capture_output=True, text=True,
                            env=_headless_env(tmp_path), timeout=60, check=False)
    assert result.returncode != 0 and "shibokensupport" in result.stderr


@pytest.mark.skipif(WINDOWS or shutil.which("ldd") is None, reason="ldd is Linux's")
def test_every_qt_library_resolves_inside_the_bundle(bundle: Path) -> None:
    """A library left out by the Qt diet but still needed would show as 'not found' here."""
    missing = []
    for lib in bundle.rglob("*.so*"):
        if lib.is_symlink() or not lib.is_file():
            continue
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, check=False).stdout
        missing += [f"{lib.name}: {line.strip()}" for line in out.splitlines() if "not found" in line]
    assert not missing


@pytest.mark.skipif(WINDOWS or shutil.which("xvfb-run") is None, reason="needs xvfb-run")
def test_window_starts_on_x11(bundle: Path, tmp_path: Path) -> None:
    env = _headless_env(tmp_path)
    env["FZDESK_QUIT_WHEN_IDLE"] = "1"
    result = subprocess.run(["xvfb-run", "-a", str(bundle / "fzdesk")], capture_output=True, text=True, env=env,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "qt.qpa" not in result.stderr and "Could not load" not in result.stderr, result.stderr
    assert (tmp_path / "data" / "fzdesk.sqlite").is_file()


def test_portable_folder_beside_the_program_holds_the_data(bundle: Path, tmp_path: Path) -> None:
    """sys.executable, sys._MEIPASS and the fzdesk-data rule as they really are in the frozen program."""
    env = _headless_env(tmp_path)
    del env["FZDESK_DATA"]
    env["XDG_DATA_HOME"] = env["APPDATA"] = str(tmp_path / "user")  # never the real per-user folder
    portable = bundle / "fzdesk-data"
    portable.mkdir()
    try:
        with Store.open(portable, daily_backup=False) as store:
            store.save_unit(Unit(name="便携测试镇人民政府", organs=["便携测试镇人民政府"]))
        result = subprocess.run([str(_exe(bundle)), "list"], capture_output=True, text=True, encoding="utf-8",
                                env=env, timeout=60, check=False)
        assert result.returncode == 0, result.stderr
        assert "便携测试镇人民政府" in result.stdout
        assert not (tmp_path / "user").exists()  # the per-user folder was not touched
        # issue 6: data already in this PC's per-user folder do not win over the folder beside the program
        with Store.open(tmp_path / "user" / "fzdesk", daily_backup=False) as store:
            store.save_unit(Unit(name="本机用户单位", organs=["本机用户单位"]))
        before = (tmp_path / "user" / "fzdesk" / "fzdesk.sqlite").read_bytes()
        result = subprocess.run([str(_exe(bundle)), "list"], capture_output=True, text=True, encoding="utf-8",
                                env=env, timeout=60, check=False)
        assert result.returncode == 0, result.stderr
        assert "便携测试镇人民政府" in result.stdout and "本机用户单位" not in result.stdout
        assert (tmp_path / "user" / "fzdesk" / "fzdesk.sqlite").read_bytes() == before
    finally:
        shutil.rmtree(portable)
