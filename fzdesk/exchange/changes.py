"""What was changed in Word: the embedded report against the one read from the document's text, in Chinese."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from fzdesk.domain.dates import written_date
from fzdesk.domain.model import Block, Item, Numbering, Report, Section
from fzdesk.domain.numbering import item_label, numbered_sections
from fzdesk.exchange.repair import fix_typing

#: How many changes the preview lists before "另有N处改动".
SHOWN = 8
_SPACE = re.compile(r"\s+")
_ENDS_SENTENCE = "。！？；：…"


@dataclass(frozen=True)
class Change:
    """One difference: where it is ("二、主要举措和成效 · （三）", "成文日期") and what it is."""

    where: str
    what: str

    @property
    def text(self) -> str:
        return f"{self.where}：{self.what}"


def _norm(text: str) -> str:
    """Text as compared: white space dropped (reading a document back joins or splits spaces around Latin words),
    and typing mended as the document's text is read (fix_typing: "职责, 全年" reads back as "职责，全年")."""
    return _SPACE.sub("", fix_typing(text))


def _item_key(item: Item) -> str:
    """An item's whole text; a title reads as its first sentence ("（一）标题。正文" equals a split item)."""
    title = _norm(item.title)
    if title and title[-1] not in _ENDS_SENTENCE:
        title += "。"
    return title + "".join(_norm(p) for p in item.paragraphs)


def _short(text: str, limit: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _date(value: dt.date | None) -> str:
    return written_date(value) if value else "（无）"


def _field(where: str, old: str, new: str) -> list[Change]:
    if _norm(old) == _norm(new):
        return []
    return [Change(where, f"{_short(old, 30) or '（无）'} → {_short(new, 30) or '（无）'}")]


def _attachments(old: list[str], new: list[str]) -> list[Change]:
    a, b = [_norm(x) for x in old], [_norm(x) for x in new]
    out: list[Change] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            out += [Change("附件", f"少了“{_short(x)}”") for x in old[i1:i2]]
        if tag in ("replace", "insert"):
            out += [Change("附件", f"多了“{_short(x)}”") for x in new[j1:j2]]
    return out


def _section_places(report: Report) -> dict[Block, str]:
    """Each section's name as the document shows it: "二、主要举措和成效", "开头", "结尾"."""
    places = {section.block: label + (section.heading or "（没有标题）")
              for label, section in numbered_sections(report)}
    for section in report.sections:
        if section.block not in places:
            places[section.block] = {Block.OPENING: "开头", Block.CLOSING: "结尾"}.get(
                section.block, section.heading or section.block.value)
    return places


def _item_place(section: Section, index: int) -> str:
    """"（三）", "三是": the item's label as the document shows it."""
    return item_label(section.numbering, index)


def _item_head(item: Item) -> str:
    return _short(item.title or (item.paragraphs[0] if item.paragraphs else ""))


def _paragraph_changes(old: list[str], new: list[str]) -> list[str]:
    """"正文有改动（第2段）", "多了一段（第4段）", "少了一段（原第3段）": numbers as the document has them now."""
    a, b = [_norm(p) for p in old], [_norm(p) for p in new]
    changed: list[int] = []
    added: list[int] = []
    removed: list[int] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "replace":
            pairs = min(i2 - i1, j2 - j1)
            changed += range(j1 + 1, j1 + pairs + 1)
            added += range(j1 + pairs + 1, j2 + 1)
            removed += range(i1 + pairs + 1, i2 + 1)
        elif tag == "insert":
            added += range(j1 + 1, j2 + 1)
        elif tag == "delete":
            removed += range(i1 + 1, i2 + 1)

    def numbers(ns: list[int]) -> str:
        return "、".join(str(n) for n in ns)

    out = []
    if changed:
        out.append(f"正文有改动（第{numbers(changed)}段）")
    if added:
        out.append(f"{'多了一段' if len(added) == 1 else f'多了{len(added)}段'}（第{numbers(added)}段）")
    if removed:
        out.append(f"{'少了一段' if len(removed) == 1 else f'少了{len(removed)}段'}（原第{numbers(removed)}段）")
    return out


def _run_in(item: Item) -> list[str]:
    """An item as paragraphs with its title run into the first, as an inline item reads."""
    title = item.title.strip()
    if title and title[-1] not in _ENDS_SENTENCE:
        title += "。"
    return [title + (item.paragraphs[0] if item.paragraphs else ""), *item.paragraphs[1:]]


def _item_changes(old: Item, new: Item) -> str:
    if bool(old.title.strip()) != bool(new.title.strip()):  # read back as a title what was a sentence, or back
        return "，".join(_paragraph_changes(_run_in(old), _run_in(new))) or "文字有改动"
    parts: list[str] = []
    if _norm(old.title).rstrip("。") != _norm(new.title).rstrip("。"):
        parts.append(f"标题改为“{_short(new.title)}”" if new.title else "去掉了标题")
    parts += _paragraph_changes(old.paragraphs, new.paragraphs)
    return "，".join(parts) or "文字有改动"


def _flat(section: Section) -> list[str]:
    return [t for i in section.items for t in (i.title, *i.paragraphs) if t.strip()]


def _unnumbered(section: Section) -> bool:
    return section.block in (Block.OPENING, Block.CLOSING) or section.numbering is Numbering.NONE


def _items(place: str, old: Section, new: Section) -> list[Change]:
    if _unnumbered(old) or _unnumbered(new):  # the document does not show where one unnumbered item ends
        return [Change(place, what) for what in _paragraph_changes(_flat(old), _flat(new))]
    out: list[Change] = []

    def at(section: Section, index: int) -> str:
        return f"{place} · {_item_place(section, index + 1)}"

    ops = SequenceMatcher(None, [_item_key(i) for i in old.items], [_item_key(i) for i in new.items],
                          autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):  # an item edited in place
            out.append(Change(at(new, j1 + k), _item_changes(old.items[i1 + k], new.items[j1 + k])))
        for j in range(j1 + pairs, j2) if tag in ("replace", "insert") else ():
            out.append(Change(place, f"多了一条{_item_place(new, j + 1)}{_item_head(new.items[j])}"))
        for i in range(i1 + pairs, i2) if tag in ("replace", "delete") else ():
            out.append(Change(place, f"少了一条{_item_place(old, i + 1)}{_item_head(old.items[i])}"))
    return out


def _sections(old: Report, new: Report) -> list[Change]:
    old_places, new_places = _section_places(old), _section_places(new)
    out: list[Change] = []
    for section in old.sections:
        place = new_places.get(section.block, old_places[section.block])
        other = new.section(section.block)
        if other is None:
            out.append(Change(old_places[section.block], "这一部分没有了"))
            continue
        if _norm(section.heading) != _norm(other.heading):
            out.append(Change(old_places[section.block], f"标题改为“{_short(other.heading)}”"
                              if other.heading else "去掉了标题"))
        if section.omitted != other.omitted:
            out.append(Change(place, "标记为“无”" if other.omitted else "不再标记为“无”"))
        out += _items(place, section, other)
    out += [Change(new_places[s.block], "多了这一部分") for s in new.sections if old.section(s.block) is None]
    return out


def compare_reports(old: Report, new: Report) -> list[Change]:
    """The differences from `old` (the embedded data) to `new` (the document's text), in document order."""
    # a derived title follows the 署名, which is compared below
    out = _field("标题", old.display_title, new.display_title) if old.title or new.title else []
    out += _field("主送", old.recipient, new.recipient)
    out += _sections(old, new)
    out += _attachments(old.attachments, new.attachments)
    out += _field("署名", "、".join(old.organs), "、".join(new.organs))
    if old.date != new.date:
        out.append(Change("成文日期", f"{_date(old.date)} → {_date(new.date)}"))
    return out


def change_lines(changes: list[Change], shown: int = SHOWN) -> list[str]:
    """One line a change, at most `shown` of them, then "另有N处改动"; a line saying so when there are none."""
    if not changes:
        return ["逐项对比没有发现文字上的差别（可能只改了空格或标点）。"]
    if len(changes) <= shown:
        return [c.text for c in changes]
    return [c.text for c in changes[: shown - 1]] + [f"另有{len(changes) - shown + 1}处改动"]
