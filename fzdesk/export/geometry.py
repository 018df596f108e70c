"""GB/T 9704-2012 page geometry in twips (1/20 pt) and font sizes in half-points."""

from __future__ import annotations

import re

PAGE_WIDTH = 11906  # A4 210 mm
PAGE_HEIGHT = 16838  # 297 mm
MARGIN_TOP = 2098  # 37 mm
MARGIN_BOTTOM = 1984  # 35 mm
MARGIN_LEFT = 1587  # 28 mm
MARGIN_RIGHT = 1474  # 26 mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8845: the 156 mm block (rounding of the margins)
TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # 12756: the 225 mm block
#: 22 lines in 12756 twips; 580 would fit only 21 (the trap in gbt9704.md).
LINE_PITCH = 579
LINES_PER_PAGE = 22
#: The page number's dash sits 7 mm under the text block: footer distance from the paper's bottom edge.
#: Word and LibreOffice put the bottom of the footer's line there, and the dash lies 2.9 mm above it (the
#: middle of a 14 pt line): 35 - 7 - 2.9 mm.
FOOTER_DISTANCE = 1423  # 25.1 mm

SIZE_TITLE = 44  # 二号 22 pt
SIZE_BODY = 32  # 三号 16 pt
SIZE_PAGE_NUMBER = 28  # 四号 14 pt
SIZE_TABLE = 24  # 小四 12 pt, inside the annex table
SIZE_RECORD = 28  # 四号, the 版记

#: Character spacing of body runs, in twips (-5 = -0.25 pt): 28 characters of 16 pt fit 156 mm.
CONDENSE = -5
#: One body character: 16 pt less the condensing.
CHAR = 20 * SIZE_BODY // 2 + CONDENSE  # 315
#: A half-width digit or Latin letter of the body (Times New Roman digits are half an em).
HALF_CHAR = 20 * SIZE_BODY // 4 + CONDENSE  # 155
#: One character of the page number (14 pt).
PAGE_NUMBER_CHAR = 20 * SIZE_PAGE_NUMBER // 2  # 280
CHARS_PER_LINE = 28
#: Width of the text block used for layout: 28 condensed characters fit, 29 do not.
LAYOUT_WIDTH = 8844


#: The space renderers put between a Chinese character and a digit or Latin letter (autospacing): LibreOffice
#: printed "2023年12月15日" 9.1 characters wide, 2.1 more than its characters (5 such places).
AUTOSPACE = 2 * CHAR // 5


def text_width(text: str) -> int:
    """Estimated width of body text in twips: full-width characters one CHAR, ASCII half of one, and the
    autospacing wherever a digit or Latin letter meets Chinese."""
    plain = sum(HALF_CHAR if ord(c) < 0x2000 else CHAR for c in text)
    return plain + AUTOSPACE * len(re.findall(r"(?<=[\u3400-\u9fff])[0-9A-Za-z]|[0-9A-Za-z](?=[\u3400-\u9fff])", text))


def chars(n: float) -> int:
    """n body characters in twips."""
    return round(n * CHAR)
