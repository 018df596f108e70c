"""An OS-level lock on the data folder so that a second copy of the program cannot write to it."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import IO


class StoreLocked(RuntimeError):
    """Another running fzdesk holds the data folder."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"数据文件夹“{folder}”正由另一个正在运行的 fzdesk 使用。"
            "请切换到已经打开的窗口继续工作；如果确认没有其他窗口，请稍候再试。"
        )
        self.folder = folder


class FolderLock:
    """Held for the life of a Store; released by the OS if the process dies. The file stays empty."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._fh: IO[bytes] | None = None

    def acquire(self) -> None:
        fh = (self.folder / "fzdesk.lock").open("a+b")
        try:
            if sys.platform == "win32":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            raise StoreLocked(self.folder) from None
        # The lock is the OS's, not the file's content: nothing is written. Writing the process id (truncate,
        # write) changed the file on every start, ~0.5 ms, and up to 8 ms when ext4's journal was committing.
        self._fh = fh

    def release(self) -> None:
        if self._fh is None:
            return
        if sys.platform == "win32":
            import msvcrt

            self._fh.seek(0)
            with contextlib.suppress(OSError):
                msvcrt.locking(self._fh.fileno(), msvcrt.LK_UNLCK, 1)
        self._fh.close()  # closing releases an flock
        self._fh = None
