"""Work of the window's start-up done on another core while Python imports the program (Linux only).

Python runs on one core at a time; two pieces of the start-up are C work that needs no interpreter, and so run in
threads of their own while the window's thread imports Qt and fzdesk (~30 ms of interpreter work). The window's
thread starts one (preload_qt), which starts the other once it is done (start_fontconfig): the machines have two
cores, and the window's thread has one of them all along.

- preload_qt: loading QtGui's and QtWidgets' bindings and the X11 platform plugin (libQt6Gui, libQt6Widgets,
  libQt6XcbQpa and ~30 system libraries, relocated symbol by symbol) takes ~9 ms of `import PySide6.QtGui` and of
  QApplication(). dlopen() in a Python thread (a ctypes call, so without the GIL) does it while the window's thread
  opens the store and imports fzdesk's own modules; Python's and Qt's later dlopen() of the same files then find
  them loaded. The loader holds one lock while it loads: a C extension imported meanwhile would wait for all of
  it, so the caller imports the C extensions it needs first (fzdesk.cli; tests/test_warmup.py checks that none is
  loaded after). The files are opened with RTLD_LAZY: Qt's own libraries are linked with BIND_NOW and are
  relocated whole whatever the flag, but the PySide6 binding modules (thousands of calls into Qt each) and many
  system libraries are not, and lazily they bind only the functions the program calls, when first called. glibc
  does not relocate a loaded file again, so Python's own RTLD_NOW import of the bindings keeps them lazy. The
  thread took ~15 ms with RTLD_NOW and ~10 ms lazily (medians of 15, a fresh process each), and while it runs the
  window's thread waits for it at `import PySide6.QtGui` on a busy machine.
- start_fontconfig, once the libraries are loaded (libfontconfig is one of them): the window's first text makes
  Qt read the font configuration through fontconfig's FcInit(): about 110 XML files (/etc/fonts/conf.d, and the
  descriptions of those in conf.avail) and the font caches, ~4 ms. FcInit() keeps what it read as fontconfig's
  process-wide configuration, so once it has run, Qt's call returns at once. It runs while the window's thread
  imports Qt, ~20 ms before the first text. (Started before the preload, as it was, its reading ran beside the
  preload and the window's thread, three threads on two cores, and the window's thread reached Qt ~4 ms later:
  instrumented bundles, 30 alternating runs, first paint 183.4 -> 177.7 ms.) The thread is a native one that
  goes straight into FcInit (pthread_create with FcInit as the start routine): it never runs Python, so it
  neither holds nor waits for the GIL. fontconfig is thread-safe since 2.10: should Qt ask while the thread is
  still reading, both read and fontconfig keeps one result. FcInit takes no argument and returns an int; as a
  start routine it is handed one pointer it does not read and what it returns is never read (the thread is
  detached), which every calling convention Linux runs on (x86-64, AArch64, LoongArch) allows.

Stdlib only; nothing happens on other systems, or where a library cannot be found.
"""

from __future__ import annotations

import os
import sys
import threading

FONTCONFIG = "libfontconfig.so.1"
#: What the window loads anyway, relative to the PySide6 package folder.
QT_BINDINGS = ("QtGui.abi3.so", "QtWidgets.abi3.so")
XCB_PLUGIN = os.path.join("Qt", "plugins", "platforms", "libqxcb.so")
RTLD_LAZY = 1  # os.RTLD_LAZY, which the os module lacks on Windows (this module is imported there too)

_started: set[str] = set()
#: The preloading thread (tests wait for it) and the handles it got (never closed: the window needs them).
preloader: threading.Thread | None = None
handles: list[int] = []


def _on_linux(what: str) -> bool:
    """True the first time `what` is asked for on Linux."""
    if what in _started or not sys.platform.startswith("linux"):
        return False
    _started.add(what)
    return True


def start_fontconfig() -> bool:
    """Starts fontconfig's initialisation in a native thread; True if the thread was started (once a process)."""
    if not _on_linux("fontconfig"):
        return False
    import ctypes  # loaded already in the bundle (PyInstaller's bootstrap); ~1 ms from source

    try:
        fontconfig = ctypes.CDLL(FONTCONFIG)
        process = ctypes.CDLL(None)  # pthread_create: libc (glibc >= 2.34) or the libpthread loaded with Python
        fc_init = fontconfig.FcInit
        create, detach = process.pthread_create, process.pthread_detach
    except (OSError, AttributeError):
        return False
    create.argtypes = (ctypes.POINTER(ctypes.c_ulong), ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)
    create.restype = ctypes.c_int
    detach.argtypes = (ctypes.c_ulong,)
    detach.restype = ctypes.c_int
    thread = ctypes.c_ulong()
    if create(ctypes.byref(thread), None, ctypes.cast(fc_init, ctypes.c_void_p), None) != 0:
        return False  # no thread (limits): Qt reads the configuration itself, as before
    detach(thread)
    return True


def qt_libraries(environ: dict[str, str] | os._Environ[str] = os.environ) -> list[str]:
    """The files preload_qt loads: the bindings, and the X11 platform plugin when the window will use X11."""
    base = getattr(sys, "_MEIPASS", None)
    if base is not None:
        package = os.path.join(base, "PySide6")
    else:
        from importlib.util import find_spec

        spec = find_spec("PySide6")
        if spec is None or not spec.submodule_search_locations:
            return []
        package = next(iter(spec.submodule_search_locations))
    names = list(QT_BINDINGS)
    platform = environ.get("QT_QPA_PLATFORM", "")
    if (platform == "" and environ.get("DISPLAY")) or platform.startswith("xcb"):
        names.append(XCB_PLUGIN)
    return [path for path in (os.path.join(package, name) for name in names) if os.path.isfile(path)]


def preload_qt() -> bool:
    """Starts loading Qt's libraries in a thread, which then starts fontconfig's; True if it was started (once a
    process)."""
    global preloader
    if not _on_linux("qt"):
        return False
    preloader = threading.Thread(target=_preload, name="fzdesk-preload-qt", daemon=True)
    preloader.start()
    return True


def _preload() -> None:
    _load_qt()
    start_fontconfig()


def _load_qt() -> None:
    import ctypes

    try:
        dlopen = ctypes.CDLL(None).dlopen
    except (OSError, AttributeError):
        return
    dlopen.argtypes = (ctypes.c_char_p, ctypes.c_int)
    dlopen.restype = ctypes.c_void_p
    for path in qt_libraries():
        handle = dlopen(os.fsencode(path), RTLD_LAZY)  # the GIL is released for the call; failure: Qt's own error
        if handle:
            handles.append(handle)
