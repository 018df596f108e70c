"""The head of a hand-written report: 发文字号, the 版头, a title broken over lines, the organ lines above it."""

from __future__ import annotations

import re

from fzdesk.exchange.organs import split_organs
from fzdesk.exchange.repair import SENTENCE_END, fix_spaces
from fzdesk.exchange.source_lines import SourceLines, Unplaced

DOC_NUMBER = re.compile(r"[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d+\s*号|签发人")


def title_like(text: str) -> bool:
    """The title line: has 报告, and 关于 or ends in 报告; not a sentence (。) or a 主送 line (：)."""
    return ("报告" in text and len(text) <= 80 and not text.endswith(("。", "：", ":"))
            and ("关于" in text or text.endswith("报告")))


def join_broken_title(r: SourceLines, start: int) -> None:
    """A title broken over lines ("…关于2023年度法治政府建设" / "情况的报告") becomes one line: a head line with 关于
    and no 报告 is joined with the following line(s) up to the first one that ends in 报告 (3 at most, none a
    sentence or a 主送 line). Otherwise the first part would be taken for an organ line above the title."""
    lines = r.lines
    for i in range(start, min(len(lines), start + 8)):
        first = fix_spaces(lines[i])
        if "关于" not in first or "报告" in first or first.endswith(tuple(SENTENCE_END)):
            continue
        for j in range(i + 1, min(len(lines), i + 4)):
            part = fix_spaces(lines[j])
            if any(p in part for p in "。：:；;"):
                return
            if part.endswith("报告"):
                if title_like(fix_spaces("".join(lines[i:j + 1]))):
                    r.join_lines(i, j)
                return
            if "报告" in part:
                return
        return


_MASTHEAD = re.compile(r"^(.{2,40}?)(文件|文电|简报)$")


def masthead(r: SourceLines, line: str) -> bool:
    """A 版头 line above the title (the red "××人民政府办公室文件", 发文字号, 签发人): listed as unplaced, never
    taken for an issuing organ (it made the organs "××文件", "×政办〔2024〕3号" and put them in the title)."""
    bare = re.sub(r"[\s\u3000]+", "", line)
    if DOC_NUMBER.search(bare) and len(bare) <= 40:
        r.unplaced.append(Unplaced(fix_spaces(line), "发文字号或签发人（可在导出选项中填写）"))
        return True
    if _MASTHEAD.match(bare) and not any(p in bare for p in "，。；："):
        r.unplaced.append(Unplaced(fix_spaces(line), "版头的发文机关标志（导出时按发文机关生成）"))
        return True
    return False


def drop_repeated_organs(r: SourceLines, organ_lines: list[str], prefix: str) -> list[str]:
    """Organ lines above the title without the 版头: a line naming only organs that a later line or the title
    itself names again ("××办公室" / "××办公室关于……", or the same organ line twice), listed as unplaced."""
    kept = []
    for n, line in enumerate(organ_lines):
        later = {fix_spaces(o) for b in [*organ_lines[n + 1:], prefix] for o in split_organs(b) if b.strip()}
        if later and {fix_spaces(o) for o in split_organs(line)} <= later:
            r.unplaced.append(Unplaced(fix_spaces(line), "版头的发文机关标志（导出时按发文机关生成）"))
        else:
            kept.append(line)
    return kept
