"""The Qt diet of build.spec: which plugins, translations and libraries stay in the bundle (Linux and Windows),
and shiboken's support modules compiled for it."""

from __future__ import annotations

import importlib.util
import marshal
import types
from pathlib import Path

import pytest

from scripts.bundle_filter import PYTHON_EXCLUDES, QT_EXCLUDES, keep_entry
from scripts.shiboken_support import compile_support


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6\\plugins\\platforms\\qwindows.dll",
    "PySide6\\plugins\\styles\\qmodernwindowsstyle.dll",
    "PySide6/Qt/plugins/imageformats/libqico.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "PySide6\\translations\\qtbase_zh_CN.qm",
    "PySide6/Qt/lib/libQt6Core.so.6",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt/lib/libQt6DBus.so.6",
    "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    "PySide6\\Qt6Gui.dll",
    "PySide6\\msvcp140.dll",
    "python311.dll",
    "PySide6/Qt/lib/libicudata.so.73",
    "resources/catalogue/indicators.json",
    "docx/templates/default.docx",
])
def test_kept(dest: str) -> None:
    assert keep_entry(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6\\plugins\\imageformats\\qpdf.dll",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/translations/qt_zh_CN.qm",
    "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt/lib/libQt6Quick.so.6",
    "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6",
    "PySide6\\Qt6Svg.dll",
    "PySide6\\Qt6Pdf.dll",
    "PySide6\\opengl32sw.dll",
    "PySide6\\d3dcompiler_47.dll",
])
def test_dropped(dest: str) -> None:
    assert not keep_entry(dest)


def test_the_modules_fzdesk_uses_are_not_excluded() -> None:
    for module in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "lxml.etree", "sqlite3", "hashlib"):
        assert module not in QT_EXCLUDES + PYTHON_EXCLUDES


def test_shiboken_s_support_modules_are_compiled_for_the_bundle(tmp_path: Path) -> None:
    datas = compile_support(tmp_path)
    folder = tmp_path / "files.dir"
    written = {Path(source).relative_to(folder).as_posix(): destination for source, destination in datas}
    assert written["shibokensupport/signature/loader.pyc"] == str(Path("shiboken6", "files.dir",
                                                                       "shibokensupport", "signature"))
    assert written["shibokensupport/__init__.pyc"] == str(Path("shiboken6", "files.dir", "shibokensupport"))
    assert not list(folder.rglob("*.py"))  # bytecode only: the import system loads a .pyc that has no source
    for source, _ in datas:
        data = Path(source).read_bytes()
        assert data[:4] == importlib.util.MAGIC_NUMBER
        assert isinstance(marshal.loads(data[16:]), types.CodeType)
