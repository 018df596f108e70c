"""The program run from a USB stick: what it needs when that stick is pulled is loaded while the stick is there.

The bundle's Python modules and resources are read from the stick as they are first used (start-up stays light
that way). When the stick is pulled while the clerk types, the save fails with DataGone and the window must say
so and offer 重新保存/保存到其他文件夹/稍后重试; before this, that code was loaded only then, from the pulled
stick: the import failed, nothing was said, the retries never started and the status bar still read 已保存.
The Qt libraries' code is paged in from the stick as it is first run too: showing that message box ran code not
run before, and the program died of SIGBUS (Linux, the stick's FUSE driver gone). So the libraries the program
has mapped are read once, in a thread, into the system's file cache, which the pages then come from.
"""

from __future__ import annotations

import importlib
import sys
import threading
from pathlib import Path

from fzdesk import portable

_CHUNK = 1 << 20

#: The modules the save-failure and data-gone paths import on first use (autosave, main_window, data_gone).
NEEDED_WHEN_PULLED = (
    "fzdesk.storage.trouble",
    "fzdesk.ui.ask",
    "fzdesk.ui.data_gone",
    "fzdesk.ui.file_dialogs",
    "fzdesk.ui.qt_texts",
    "fzdesk.export.drives",
)


def runs_from_stick() -> bool:
    """True for the frozen program started from a removable drive."""
    exe = portable.executable_dir()
    return exe is not None and portable.is_removable(exe)


def load_while_the_stick_is_there() -> None:
    """Loads NEEDED_WHEN_PULLED and the Chinese texts of Qt's file dialog (read from resources/ on the stick)
    when the program runs from a stick; nothing otherwise."""
    if not runs_from_stick():
        return
    for name in NEEDED_WHEN_PULLED:
        importlib.import_module(name)
    from fzdesk.ui.qt_texts import complete_qt_translation

    complete_qt_translation()
    exe = portable.executable_dir()
    if exe is not None:
        threading.Thread(target=read_into_cache, args=(mapped_files(exe),), name="fzdesk-stick-cache",
                         daemon=True).start()


def mapped_files(folder: Path, maps: Path = Path("/proc/self/maps")) -> list[Path]:
    """The program's files under folder that it has mapped into memory (its libraries); on Windows, where there is
    no such list, its .dll and .pyd files."""
    if sys.platform == "win32":
        return sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".dll", ".pyd"))
    try:
        lines = maps.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    root = str(folder).rstrip("/") + "/"
    found = {line.split(maxsplit=5)[5] for line in lines if len(line.split(maxsplit=5)) == 6}
    return sorted(Path(name) for name in found if name.startswith(root))


def read_into_cache(files: list[Path]) -> None:
    """Reads each file once (its contents are dropped; the system keeps them in its file cache)."""
    for path in files:
        try:
            with path.open("rb", buffering=0) as f:
                while f.read(_CHUNK):
                    pass
        except OSError:
            return  # the stick is gone already: nothing more to read
