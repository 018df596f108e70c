"""How a block will read once numbered (plain text, no Qt): shown read-only beside the editor."""

from __future__ import annotations

from fzdesk.domain.model import Item, Numbering
from fzdesk.domain.numbering import item_label

ENDS = "。！？；："


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "……"


def item_preview(style: Numbering, index: int, item: Item, limit: int = 60) -> str:
    """One item as it will appear: （一）标题 / 正文, （一）标题。正文, 一是标题。正文 or unnumbered."""
    label = item_label(style, index)
    title = item.title.strip()
    body = _clip(item.paragraphs[0], limit) if item.paragraphs else ""
    if len(item.paragraphs) > 1:
        body += f"（另有{len(item.paragraphs) - 1}段）"
    if style in (Numbering.INLINE, Numbering.YISHI) and title:
        joined = title if title[-1] in ENDS else title + "。"
        return label + joined + body
    if title:
        return f"{label}{title}\n{body}" if body else label + title
    return label + body
