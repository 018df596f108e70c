"""Reads the font configuration on another core while Python imports the program (Linux only).

The window's first text (the status bar, in practice) makes Qt read the font configuration through fontconfig's
FcInit(): about 110 XML files (/etc/fonts/conf.d, and the descriptions of those in conf.avail) and the font
caches, ~4 ms on the window's thread. FcInit() keeps what it read as fontconfig's process-wide configuration, so
when it has run once, Qt's call returns at once. start_fontconfig() runs it first, before Qt and fzdesk are
imported (~30 ms of interpreter work), in a native thread that goes straight into FcInit (pthread_create with
FcInit as the start routine): the thread never runs Python, so it neither holds nor waits for the GIL.

fontconfig is thread-safe since 2.10: should Qt ask while the thread is still reading, both read and fontconfig
keeps one result and frees the other (Qt's text is the same either way). FcInit takes no argument and returns an
int; as a start routine it is handed one pointer it does not read, and what it returns is never read (the thread
is detached), which every calling convention Linux runs on (x86-64, AArch64, LoongArch) allows.
Stdlib only; nothing happens on other systems or where libfontconfig cannot be loaded.
"""

from __future__ import annotations

import sys

FONTCONFIG = "libfontconfig.so.1"

_started = False


def start_fontconfig() -> bool:
    """Starts fontconfig's initialisation in a native thread; True if the thread was started (once a process)."""
    global _started
    if _started or not sys.platform.startswith("linux"):
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
    _started = True
    return True
