"""The program icon drawn by scripts/make_icon.py: a 256 px PNG and a Windows .ico with the usual sizes."""

from __future__ import annotations

import struct

from fzdesk.paths import resource


def test_png_is_256_pixels_square() -> None:
    data = resource("icons", "fzdesk.png").read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", data[16:24]) == (256, 256)


def test_ico_holds_the_sizes_windows_asks_for() -> None:
    data = resource("icons", "fzdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for n in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * n: 22 + 16 * n])
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(data)
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes


def test_window_sizes_are_small_pngs_of_their_size() -> None:
    from fzdesk.app import WINDOW_ICON_SIZES

    for size in WINDOW_ICON_SIZES:
        data = resource("icons", "window", f"fzdesk-{size}.png").read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert struct.unpack(">II", data[16:24]) == (size, size)
