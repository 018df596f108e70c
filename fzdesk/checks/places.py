"""Where a finding is, in the window's words: 一、第一责任人履职 · 第2项 · 第1段; 开头 · 第1段; 数据 · 行政复议 · 受理.
检查, the 导出 step, `fzdesk check` and `fzdesk export` all name places through here (never a figure's code)."""

from __future__ import annotations

from collections.abc import Mapping

from fzdesk.domain.catalogue import Catalogue
from fzdesk.domain.model import Block
from fzdesk.domain.naming import plain_step_titles

#: Where a report-level field lives (no block): title, recipient, organs, date.
FIELD_LABELS = {"title": "标题", "recipient": "主送机关", "organs": "署名", "date": "成文日期"}
#: Steps that are one text without items (开头, 结尾): their first item is not named ("开头 · 第1段").
SINGLE_TEXT_STEPS = frozenset({Block.OPENING.value, Block.CLOSING.value})
_PLAIN_TITLES = plain_step_titles()


def figure_name(code: str, catalogue: Catalogue | None = None) -> str:
    """A figure by its family and name (行政复议 · 受理); the code only when the catalogue does not know it."""
    if catalogue is None:
        from fzdesk import resources

        catalogue = resources.catalogue()
    indicator = catalogue.get(code)
    if indicator is None:
        return code
    return f"{catalogue.family(indicator.family).name} · {indicator.name}"


def place_in_step(step: str, item_index: int | None = None, paragraph: int | None = None,
                  figure: str | None = None, field: str | None = None, catalogue: Catalogue | None = None) -> str:
    """Where in its step, without the step: 第2项 · 第1段, 主送机关, 行政复议 · 受理; "" for the whole step."""
    parts: list[str] = []
    if field:
        parts.append(FIELD_LABELS.get(field, field))
    if item_index is not None:
        if item_index < 0:
            parts.append("标题")
        elif not (step in SINGLE_TEXT_STEPS and item_index == 0):
            parts.append(f"第{item_index + 1}项")
    if paragraph is not None:
        parts.append("小标题" if paragraph < 0 else f"第{paragraph + 1}段")
    if figure:
        parts.append(figure_name(figure, catalogue))
    return " · ".join(parts)


def where(step: str, item_index: int | None = None, paragraph: int | None = None, figure: str | None = None,
          field: str | None = None, catalogue: Catalogue | None = None,
          titles: Mapping[str, str] | None = None) -> str:
    """The step (titles: fzdesk.domain.naming.step_titles of the report, for its numbering) and the place in it."""
    title = (titles or _PLAIN_TITLES).get(step, step)
    inside = place_in_step(step, item_index, paragraph, figure, field, catalogue)
    return f"{title} · {inside}" if inside else title
