"""Repairs the text layer of Qt's PDF: ToUnicode entries that name a Kangxi radical instead of the ideograph.

Qt builds each embedded font's ToUnicode map by asking, for every code point from U+0000 upwards, which glyph
the font gives it, and keeps the first code point found for a glyph. Noto CJK (and other fonts) draw the
radical ⼈ U+2F08 and the ideograph 人 U+4EBA with one glyph, so the radical comes first and copying or
searching the PDF gives "沈丘县⼈⺠政府". The printed page is right; only the map is wrong. `fix_to_unicode`
rewrites those map entries (the streams are plain text in Qt's PDF) and shifts the cross-reference table.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
_BLOCK = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)


def is_radical(code: int) -> bool:
    return code in RADICALS


def nfkc_twin(code: int) -> int | None:
    """The unified ideograph a Kangxi radical decomposes to (most supplement radicals have none)."""
    text = unicodedata.normalize("NFKC", chr(code))
    return ord(text) if len(text) == 1 and text != chr(code) else None


def _entries(cmap: bytes) -> dict[int, bytes]:
    """The code -> UTF-16BE hex target of every bfchar and bfrange entry of a ToUnicode CMap."""
    out: dict[int, bytes] = {}
    for kind, body in _BLOCK.findall(cmap):
        if kind == b"bfchar":
            values = _HEX.findall(body)
            for src, dst in zip(values[::2], values[1::2], strict=True):
                out[int(src, 16)] = dst
            continue
        for line in re.finditer(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", body):
            lo, hi, dst = int(line.group(1), 16), int(line.group(2), 16), line.group(3)
            if dst.startswith(b"["):
                for code, value in zip(range(lo, hi + 1), _HEX.findall(dst), strict=False):
                    out[code] = value
            else:
                start = int(dst[1:-1], 16)
                width = len(dst) - 2
                for offset, code in enumerate(range(lo, hi + 1)):
                    out[code] = b"%0*X" % (width, start + offset)
    return out


def _retarget(entries: dict[int, bytes], twins: Mapping[int, int]) -> bool:
    changed = False
    for code, value in entries.items():
        if len(value) != 4:
            continue
        target = int(value, 16)
        twin = twins.get(target) or (nfkc_twin(target) if is_radical(target) else None)
        if twin is not None:
            entries[code] = b"%04X" % twin
            changed = True
    return changed


def _cmap_text(entries: dict[int, bytes]) -> bytes:
    """A ToUnicode CMap of bfchar entries, at most 100 to a block as the CMap format asks."""
    codes = sorted(entries)
    blocks = []
    for i in range(0, len(codes), 100):
        chunk = codes[i:i + 100]
        lines = b"".join(b"<%04X> <%s>\n" % (c, entries[c]) for c in chunk)
        blocks.append(b"%d beginbfchar\n%sendbfchar\n" % (len(chunk), lines))
    return (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            + b"".join(blocks)
            + b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")


def _xref(data: bytes) -> tuple[int, int, list[int]]:
    """The classic cross-reference table: its offset, its first object number and the objects' offsets."""
    start = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    head = re.compile(rb"xref\s+(\d+) (\d+)\s+").match(data, start)
    if head is None:
        raise ValueError("no classic cross-reference table")
    first, count = int(head.group(1)), int(head.group(2))
    rows = data[head.end():head.end() + 20 * count]
    return start, first, [int(rows[20 * i:20 * i + 10]) for i in range(count)]


def fix_to_unicode(data: bytes, twins: Mapping[int, int] | None = None) -> bytes:
    """The PDF with every ToUnicode entry that names a radical pointed at its ideograph (twins first, then NFKC),
    and every entry that names another key of twins at its value."""
    twins = twins or {}
    xref_at, first, offsets = _xref(data)
    edits: list[tuple[int, int, bytes]] = []  # (start, end, replacement) in the old bytes
    for number in sorted({int(n) for n in re.findall(rb"/ToUnicode (\d+) 0 R", data)}):
        at = offsets[number - first]
        obj = re.compile(rb"\d+ 0 obj\s*<<\s*/Length (\d+)\s*>>\s*stream\r?\n").match(data, at)
        if obj is None:
            continue
        length = int(obj.group(1))
        entries = _entries(data[obj.end():obj.end() + length])
        if not _retarget(entries, twins):
            continue
        stream = _cmap_text(entries)
        header = data[at:obj.end()].replace(b"/Length %d" % length, b"/Length %d" % len(stream), 1)
        edits.append((at, obj.end() + length, header + stream))
    if not edits:
        return data

    def shifted(offset: int) -> int:
        return offset + sum(len(new) - (end - start) for start, end, new in edits if end <= offset)

    edits.sort()
    out, last = [], 0
    for start, end, new in edits:
        out += [data[last:start], new]
        last = end
    body = b"".join([*out, data[last:xref_at]])
    head = re.compile(rb"xref\s+\d+ \d+\s+").match(data, xref_at)
    assert head is not None
    rows_at = head.end()
    rows = []
    for i, offset in enumerate(offsets):
        row = data[rows_at + 20 * i:rows_at + 20 * i + 20]
        rows.append(b"%010d" % shifted(offset) + row[10:] if row[17:18] == b"n" else row)
    tail = re.sub(rb"startxref\s+\d+", b"startxref\n%d" % len(body), data[rows_at + 20 * len(offsets):])
    return body + data[xref_at:rows_at] + b"".join(rows) + tail
