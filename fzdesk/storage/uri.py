"""SQLite URIs for files whose path holds any character: '#', '%' and '?' (a Windows user name may hold # and %,
and SQLite reads them as the URI's fragment, escapes and query), and Windows UNC paths (\\\\server\\share)."""

from __future__ import annotations

import os
from pathlib import PurePath

_ESCAPES = (("%", "%25"), ("?", "%3F"), ("#", "%23"))


def read_only_uri(path: str | os.PathLike[str] | PurePath) -> str:
    """A URI that opens the file at path read-only (sqlite3.connect(..., uri=True)). Path.as_uri() is not one
    for a UNC path: it names the server as the URI's authority, which SQLite refuses."""
    text = os.fspath(path)
    for char, escaped in _ESCAPES:
        text = text.replace(char, escaped)
    # "file:" then the path; one starting with "/" after an empty authority, so that "//x" stays a path
    return f"{'file://' if text.startswith('/') else 'file:'}{text}?mode=ro"
