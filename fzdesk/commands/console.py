"""The subcommands' standard streams on Windows: Chinese a GBK pipe cannot hold, and no console at all."""

from __future__ import annotations

import os
import sys
from typing import TextIO

#: Python's names of Windows' Chinese code page 936 (a redirected `fzdesk-cli list > 单位.txt` writes in it).
_GBK = {"cp936", "gbk", "gb2312", "ms936", "936"}


def prepare() -> None:
    """Before a subcommand runs. Output in code page 936 (redirected to a file or a pipe; the console itself is
    UTF-16 to Python) is written as GB18030, GBK's superset: a rare character of a place name (㙟) is kept, not
    written as "?", and what GBK holds is the same bytes. A stream that is missing (the windowed fzdesk.exe has
    no console) becomes the null device: the command runs, silently, instead of failing on its first print."""
    for name in ("stdout", "stderr"):
        stream: TextIO | None = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (for the process's life)
            continue
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding in _GBK and reconfigure is not None:
            reconfigure(encoding="gb18030", errors="replace")
    if sys.stdin is None:  # a question of `fzdesk import` is then no answer: the import is cancelled
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115
