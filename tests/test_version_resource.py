"""The Windows version resource build.spec gives both executables, read back with PyInstaller's own parser on Linux."""

from __future__ import annotations

import argparse
import ast
import importlib
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from fzdesk import APP_NAME
from scripts.version_resource import PRERELEASE, version_numbers, write_version_file

pytest.importorskip("PyInstaller")


@pytest.fixture
def versioninfo(monkeypatch: pytest.MonkeyPatch) -> Any:
    """PyInstaller.utils.win32.versioninfo, importable off Windows: it imports pefile (installed with PyInstaller on
    Windows only) and PyInstaller.compat.win32api (None off Windows) at its top, but its text parser uses
    neither. (Its binary form cannot be checked here: it packs with the native 'L', 8 bytes on Linux, 4 on Windows.)"""
    import PyInstaller.compat

    try:
        importlib.import_module("pefile")
    except ImportError:
        monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    if not hasattr(PyInstaller.compat, "win32api"):
        monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    return importlib.import_module("PyInstaller.utils.win32.versioninfo")


def _strings(info: Any) -> dict[str, str]:
    table = info.kids[0].kids[0]
    return {s.name: s.val for s in table.kids}


def _fixed_numbers(info: Any) -> tuple[int, int, int, int]:
    ffi = info.ffi
    return (ffi.fileVersionMS >> 16, ffi.fileVersionMS & 0xFFFF, ffi.fileVersionLS >> 16, ffi.fileVersionLS & 0xFFFF)


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)),
    ("1.2", (1, 2, 0, 0)),
    ("3", (3, 0, 0, 0)),
    ("0.1.0.dev3", (0, 1, 0, 0)),
    ("1.0rc1", (1, 0, 0, 0)),
    ("2.5.1.post2", (2, 5, 1, 0)),
    ("1.2.3.4", (1, 2, 3, 4)),
    ("1!2.3", (2, 3, 0, 0)),
    ("0.0.0+source", (0, 0, 0, 0)),
])
def test_the_package_version_maps_to_four_numbers(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert version_numbers(version) == numbers


@pytest.mark.parametrize("version", ["1.2.3.4.5", "2024.70000", "", "最新版", "1.x"])
def test_a_version_windows_cannot_hold_is_refused(version: str) -> None:
    with pytest.raises(ValueError):
        version_numbers(version)


@pytest.mark.parametrize(("version", "numbers", "prerelease"), [
    ("0.1.0", (0, 1, 0, 0), False),
    ("1.2", (1, 2, 0, 0), False),
    ("0.1.0.dev3", (0, 1, 0, 0), True),
])
def test_pyinstaller_reads_the_version_file(tmp_path: Path, versioninfo: Any, version: str,
                                           numbers: tuple[int, int, int, int], prerelease: bool) -> None:
    path = write_version_file(tmp_path / "version", version, exe_name="fzdesk-cli.exe",
                              description=APP_NAME + "（命令行）", product=APP_NAME, company=APP_NAME)
    info = versioninfo.load_version_info_from_text_file(str(path))
    assert _fixed_numbers(info) == numbers
    assert (info.ffi.productVersionMS, info.ffi.productVersionLS) == (info.ffi.fileVersionMS, info.ffi.fileVersionLS)
    assert bool(info.ffi.fileFlags & PRERELEASE) is prerelease
    assert _strings(info) == {
        "CompanyName": "法治政府建设年度报告助手",
        "FileDescription": "法治政府建设年度报告助手（命令行）",
        "FileVersion": ".".join(map(str, numbers)),
        "InternalName": "fzdesk-cli",
        "OriginalFilename": "fzdesk-cli.exe",
        "ProductName": "法治政府建设年度报告助手",
        "ProductVersion": version,
    }
    assert info.kids[0].kids[0].name == "080404B0"  # Simplified Chinese, Unicode
    assert info.kids[1].kids[0].kids == [2052, 1200]  # the Translation Explorer looks the table up by


def _spec_function(name: str, **names: object) -> Any:
    """A function of build.spec (which only runs inside PyInstaller), compiled alone with the names it uses."""
    spec = (Path(__file__).resolve().parent.parent / "build.spec").read_text(encoding="utf-8")
    node = next(n for n in ast.parse(spec).body if isinstance(n, ast.FunctionDef) and n.name == name)
    scope: dict[str, object] = {"Path": Path, **names}
    exec(compile(ast.Module([node], []), "build.spec", "exec"), scope)
    return scope[name]


def test_the_spec_writes_a_version_file_for_each_windows_exe(tmp_path: Path, versioninfo: Any) -> None:
    import fzdesk

    version_file = _spec_function("version_file", WINDOWS=True, options=argparse.Namespace(bare=False),
                                  workpath=str(tmp_path))
    for exe, description in (("fzdesk", APP_NAME), ("fzdesk-cli", APP_NAME + "（命令行）")):
        info = versioninfo.load_version_info_from_text_file(version_file(exe, description.removeprefix(APP_NAME)))
        assert _strings(info)["OriginalFilename"] == exe + ".exe"
        assert _strings(info)["FileDescription"] == description
        assert _strings(info)["ProductVersion"] == fzdesk.__version__
        assert _fixed_numbers(info) == version_numbers(fzdesk.__version__)


@pytest.mark.parametrize("windows, bare", [(False, False), (True, True)])
def test_no_version_file_off_windows_or_for_the_bare_benchmark(tmp_path: Path, windows: bool, bare: bool) -> None:
    version_file = _spec_function("version_file", WINDOWS=windows, options=argparse.Namespace(bare=bare),
                                  workpath=str(tmp_path))
    assert version_file("fzdesk", "") is None
    assert list(tmp_path.iterdir()) == []
