"""The two font sets: what government PCs have (GB) and what a stock Windows has."""

from __future__ import annotations

from dataclasses import dataclass

from fzdesk.export.layout import Role
from fzdesk.export.options import FontSet

LATIN = "Times New Roman"


@dataclass(frozen=True)
class FontInfo:
    """A font as fontTable.xml describes it: the name a PC without it maps to another font by."""

    name: str
    alt: str = ""  # the stock Windows font Word substitutes when this one is missing
    family: str = "modern"
    pitch: str = "fixed"


FONT_NAMES: dict[FontSet, dict[Role, str]] = {
    FontSet.GB: {
        Role.BODY: "仿宋_GB2312", Role.KAI: "楷体_GB2312", Role.HEI: "黑体", Role.TITLE: "方正小标宋简体",
        Role.SONG: "宋体",
    },
    FontSet.WINDOWS: {
        Role.BODY: "仿宋", Role.KAI: "楷体", Role.HEI: "黑体", Role.TITLE: "宋体", Role.SONG: "宋体",
    },
}

#: fontTable entries for every font the document may name.
FONT_TABLE: tuple[FontInfo, ...] = (
    FontInfo(LATIN, family="roman", pitch="variable"),
    FontInfo("仿宋_GB2312", alt="仿宋"),
    FontInfo("楷体_GB2312", alt="楷体"),
    FontInfo("方正小标宋简体", alt="宋体", family="script"),
    FontInfo("黑体", alt="SimHei"),
    FontInfo("宋体", alt="SimSun", family="auto", pitch="variable"),
    FontInfo("仿宋", alt="FangSong"),
    FontInfo("楷体", alt="KaiTi"),
)


def font_for(font_set: FontSet, role: Role) -> str:
    return FONT_NAMES[font_set][role]


def title_bold(font_set: FontSet) -> bool:
    """方正小标宋 is a bold face already; 宋体 standing in for it is set bold."""
    return font_set is FontSet.WINDOWS
