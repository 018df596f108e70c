"""A paragraph's runs cut where LibreOffice changes font (Latin vs Chinese) and where it autospaces between them.

The .docx names Times New Roman for digits and Latin letters (`w:ascii`, `w:hAnsi`) and the Chinese face for the
rest. LibreOffice sets each script in its own font and, between a Latin letter or digit and a Chinese character,
inserts a kerning portion of a fifth of the font size (sw/source/core/text/itrform2.cxx, "The distance between
two different scripts is set to 20% of the fontheight"; not next to punctuation). Qt's layout (paged.py) has to
do the same to break the lines where LibreOffice does.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from fzdesk.export.layout import Run


@dataclass(frozen=True)
class Segment:
    """A piece of one run's text that LibreOffice sets as one portion, or the part of it before a portion end."""

    run: int  # index of the run the text belongs to
    text: str
    latin: bool  # set in the Latin face (Times New Roman)
    #: The segment ends a portion: LibreOffice adds no character spacing after a portion's last character (the
    #: -0.25 pt condensing is lost there) and puts the autospacing there instead.
    end: bool = False
    kern: int = 0  # twips of autospacing after the segment's last character (only where end is set)


def is_weak(c: str) -> bool:
    """Characters that take the script of the one before them: spaces and general punctuation (— “ ” …)."""
    return c == " " or 0x2000 <= ord(c) < 0x2070


def is_latin(c: str) -> bool:
    """Characters LibreOffice sets in the Latin face: the Basic Latin and Latin-1 to Latin Extended blocks,
    punctuation such as % and . included (not only letters and digits)."""
    return 0x21 <= ord(c) < 0x7F or 0xA0 <= ord(c) < 0x250


def _letter_or_digit(c: str) -> bool:
    return unicodedata.category(c)[0] in "LN"


def segments(runs: list[Run]) -> list[Segment]:
    """The runs' text cut into LibreOffice's portions: at every change of script and of run format."""
    chars: list[tuple[int, str, bool]] = []
    for index, run in enumerate(runs):
        for c in run.text:
            chars.append((index, c, is_latin(c)))
    # A weak character takes the script of the one before it (at the start: of the first one after it).
    strong = [latin for _, c, latin in chars if not is_weak(c)]
    latin = strong[0] if strong else False
    for i, (index, c, _) in enumerate(chars):
        if not is_weak(c):
            latin = is_latin(c)
        chars[i] = (index, c, latin)

    def key(i: int) -> tuple[object, ...]:
        run = runs[chars[i][0]]
        return run.role, run.bold, run.size, run.spacing, chars[i][2]

    out: list[Segment] = []
    text = ""
    for i, (index, c, latin) in enumerate(chars):
        text += c
        following = chars[i + 1] if i + 1 < len(chars) else None
        end = following is None or key(i + 1) != key(i)
        kern = 0
        if following is not None and following[2] != latin and _letter_or_digit(c) \
                and _letter_or_digit(following[1]):
            kern = runs[index].size * 10 // 5  # a fifth of the font size (half-points to twips)
        if end or following is None or following[0] != index:
            out.append(Segment(index, text, latin, end, kern))
            text = ""
    return out
