"""Text as the store keeps it: line ends as "\\n", no control character that a Word document cannot hold."""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Characters XML 1.0 (and so Word) cannot carry: C0 controls other than tab, line feed and carriage return,
#: and the two non-characters U+FFFE / U+FFFF. A carriage return is kept by XML only as a line feed.
WORD_CANNOT_HOLD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def storable(text: str) -> str:
    """"\\r\\n" and a lone "\\r" become "\\n"; characters Word cannot hold (pasted from elsewhere) are dropped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return WORD_CANNOT_HOLD.sub("", text)


def storable_list(texts: Iterable[str]) -> list[str]:
    return [storable(t) for t in texts]
