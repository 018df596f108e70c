"""Export options, remembered per unit in Unit.options under the "export" key."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from typing import Any

from fzdesk.domain.model import Unit

OPTIONS_KEY = "export"


class FontSet(StrEnum):
    GB = "gb"  # 仿宋_GB2312 / 楷体_GB2312 / 黑体 / 方正小标宋简体 (government PCs)
    WINDOWS = "windows"  # 仿宋 / 楷体 / 黑体 / 宋体 (a stock Windows)


class Variant(StrEnum):
    SUBMITTED = "submitted"  # 报送稿: optional 发文字号 and 签发人, 抄送 in a 版记
    PUBLIC = "public"  # 公开稿: no 版头, no 签发人, no 版记


class PageNumbers(StrEnum):
    OUTSIDE = "outside"  # odd pages right, even pages left (GB/T 9704)
    CENTRED = "centred"


@dataclass
class ExportOptions:
    """What the clerk chose for the document; every default follows GB/T 9704-2012."""

    font_set: FontSet = FontSet.GB
    variant: Variant = Variant.PUBLIC
    doc_number: str = ""  # 发文字号, 报送稿 only
    signer: str = ""  # 签发人, 报送稿 only
    bold_level2: bool = False  # bold （一） headings (conv.)
    figures_annex: bool = False
    page_numbers: PageNumbers = PageNumbers.OUTSIDE
    seal_space: bool = False  # leave room for a seal: date 4 characters from the right, 署名 centred above
    imprint: bool = True  # 报送稿: 印发机关 and 印发日期 in the 版记 (GB/T 9704-2012 7.4.3)
    issuer: str = ""  # 印发机关; empty: the first issuing organ's 办公室 (closing.default_issuer)

    def __post_init__(self) -> None:
        # Plain strings (from JSON or a caller) become the enums, so comparisons by identity hold.
        self.font_set = FontSet(self.font_set)
        self.variant = Variant(self.variant)
        self.page_numbers = PageNumbers(self.page_numbers)

    def to_dict(self) -> dict[str, Any]:
        return {k: (v.value if isinstance(v, StrEnum) else v) for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, data: object) -> ExportOptions:
        """Reads stored options; unknown keys and bad values fall back to the defaults."""
        out = cls()
        if not isinstance(data, dict):
            return out
        converters: dict[str, Any] = {
            "font_set": FontSet, "variant": Variant, "page_numbers": PageNumbers,
            "doc_number": str, "signer": str, "bold_level2": bool, "figures_annex": bool, "seal_space": bool,
            "imprint": bool, "issuer": str,
        }
        for f in fields(cls):
            if f.name in data:
                try:
                    setattr(out, f.name, converters[f.name](data[f.name]))
                except (ValueError, TypeError):
                    continue
        return out


#: The year in a 发文字号: 〔2024〕, or the brackets clerks type for it ([2024], （2024）, (2024), 【2024】).
_DOC_NUMBER_YEAR = re.compile(r"[〔\[（(【](\d{4})[〕\]）)】]")


def stale_doc_number_year(doc_number: str, written: dt.date | None) -> int | None:
    """The 发文字号's year when it is not the 成文日期's: the 发文字号 is remembered per unit, so next year's
    report starts with last year's. None when they agree, or when either has no year."""
    match = _DOC_NUMBER_YEAR.search(doc_number)
    if match is None or written is None:
        return None
    year = int(match.group(1))
    return None if year == written.year else year


def unit_options(unit: Unit) -> ExportOptions:
    return ExportOptions.from_dict(unit.options.get(OPTIONS_KEY))


def remember(unit: Unit, options: ExportOptions) -> None:
    """Puts the options into the unit's profile; the caller saves it (Store.save_unit)."""
    unit.options[OPTIONS_KEY] = options.to_dict()
