"""Waiting a moment for a file another program holds: on Windows an antivirus or the search indexer opens each new
file for a moment, and a rename, replace or removal then fails with a sharing violation that is gone two seconds on.

Used by the export's hand-off (fzdesk.export.handoff), the data folder's move (fzdesk.datamove) and the unit's
wording file (fzdesk.checks.wording). Elsewhere than on Windows nothing is retried: a PermissionError there is
not a passing state.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

#: Windows' sharing violation (32), lock violation (33) and access denied (5, what an antivirus holding a file that
#: is being deleted or renamed gives too).
SHARING = frozenset({32, 33, 5})
#: The pauses between tries (seconds, about two in all) before the last error is raised.
RETRY_PAUSES = (0.1, 0.2, 0.3, 0.5, 0.9)

P = ParamSpec("P")
R = TypeVar("R")


def on_windows() -> bool:
    return sys.platform == "win32"


def patiently(action: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """action(*args, **kwargs), tried again for about two seconds on Windows while another program holds the file
    (a PermissionError whose winerror is a sharing violation or access denied); the last error is raised."""
    for pause in (*RETRY_PAUSES, None) if on_windows() else (None,):
        try:
            return action(*args, **kwargs)
        except PermissionError as exc:
            if pause is None or getattr(exc, "winerror", 32) not in SHARING:
                raise
            time.sleep(pause)
    raise AssertionError("unreachable: the last try returns or raises")  # pragma: no cover
