"""What build.spec leaves out of the bundle: Qt modules, plugins, libraries and translations fzdesk does not use.

fzdesk uses QtCore, QtGui (with its PDF writer) and QtWidgets, painted in software. Kept plugins: the
platforms xcb, offscreen and windows (+ GL integrations of xcb), Windows styles, the ico image format, the input
contexts Chinese input methods use (ibus, compose), and the xdg-desktop-portal theme. Translations: only
qtbase_zh_CN.qm.
"""

from __future__ import annotations

import re

_UNUSED_QT_MODULES = """
    Qt3DAnimation Qt3DCore Qt3DExtras Qt3DInput Qt3DLogic Qt3DRender QtBluetooth QtCharts QtConcurrent QtDBus
    QtDataVisualization QtDesigner QtGraphs QtHelp QtHttpServer QtLabsStyleKit QtLocation QtMultimedia
    QtMultimediaWidgets QtNetwork QtNetworkAuth QtNfc QtOpenGL QtOpenGLWidgets QtPdf QtPdfWidgets QtPositioning
    QtPrintSupport QtQml QtQmlFeatures QtQuick QtQuick3D QtQuickControls2 QtQuickTest QtQuickWidgets
    QtRemoteObjects QtScxml QtSensors QtSerialBus QtSerialPort QtSpatialAudio QtSql QtStateMachine QtSvg
    QtSvgWidgets QtTest QtTextToSpeech QtUiTools QtWebChannel QtWebEngineCore QtWebEngineQuick QtWebEngineWidgets
    QtWebSockets QtWebView QtXml
"""
#: PySide6 Python modules PyInstaller must not follow.
QT_EXCLUDES = [f"PySide6.{m}" for m in _UNUSED_QT_MODULES.split()]

#: Python modules the offline program never needs: no network (ssl; hashlib falls back to its built-in
#: sha256/md5), no terminal UI, only lxml.etree of lxml (what python-docx and fzdesk.exchange use), and no
#: process pools (fzdesk's worker is a thread; with multiprocessing in the bundle PyInstaller adds a runtime hook
#: that imports it, and subprocess, on every start: ~12 ms), and no doctest/debugger (lxml.doctestcompare pulls in
#: doctest -> pdb -> pydoc, runpy -> pkgutil, and with pkgutil PyInstaller adds a runtime hook that imports it on
#: every start, ~1 ms).
PYTHON_EXCLUDES = [
    "tkinter", "_tkinter", "ssl", "_ssl", "_hashlib", "readline", "curses", "_curses",
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.sax", "lxml.builder", "lxml.doctestcompare",
    "multiprocessing", "concurrent.futures.process", "doctest", "pdb", "pydoc",
    # stored uncompressed in the PYZ (build.spec), dead weight counts: asyncio only for typing_extensions'
    # @deprecated on a coroutine function; _pydecimal only where the C _decimal is missing (never in the bundle)
    "asyncio", "_pydecimal",
]

#: Plugin folder -> plugin names kept (file name without lib prefix and extension); folders absent: dropped.
KEEP_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {"qxcb", "qoffscreen", "qwindows"},
    "xcbglintegrations": None,  # all: tiny, and needed for a clean start on X11
    "styles": None,  # Windows 11 / Vista styles
    "imageformats": {"qico"},
    "platforminputcontexts": {"ibusplatforminputcontextplugin", "composeplatforminputcontextplugin"},
    "platformthemes": {"qxdgdesktopportal"},
}
KEEP_TRANSLATIONS = {"qtbase_zh_CN.qm"}

#: Qt libraries only the dropped modules and plugins need.
_DROPPED_LIBS = re.compile(
    r"(^|/)(lib)?Qt6(Network|Qml|Quick|Pdf|Svg|VirtualKeyboard|OpenGL|Wayland|EglFs|Lottie|Labs|Sql|Test|Designer|"
    r"Help|UiTools|Xml|Concurrent|PrintSupport|WlShell|ShaderTools|Multimedia|WebEngine|WebChannel|Positioning)"
    r"[A-Za-z0-9]*(\.so[.0-9]*|\.dll)$",
    re.IGNORECASE,
)
#: Windows: Mesa's software OpenGL and the D3D shader compiler serve Qt Quick / OpenGL, not QPainter widgets.
_DROPPED_WINDOWS_DLLS = re.compile(r"(^|/)(opengl32sw|d3dcompiler_\d+)\.dll$", re.IGNORECASE)
_PLUGIN = re.compile(r"(?:^|/)PySide6/(?:Qt/)?plugins/([^/]+)/(?:lib)?([^/.]+)[^/]*$")
_TRANSLATION = re.compile(r"(?:^|/)PySide6/(?:Qt/)?translations/([^/]+)$")


def keep_entry(dest: str) -> bool:
    """Whether a bundle entry (its destination path inside the bundle) stays."""
    path = dest.replace("\\", "/")
    plugin = _PLUGIN.search(path)
    if plugin:
        folder, stem = plugin.groups()
        if folder not in KEEP_PLUGINS:
            return False
        names = KEEP_PLUGINS[folder]
        return names is None or stem in names
    translation = _TRANSLATION.search(path)
    if translation:
        return translation.group(1) in KEEP_TRANSLATIONS
    return not (_DROPPED_LIBS.search(path) or _DROPPED_WINDOWS_DLLS.search(path))
