"""Copying last year's text into this year's report as a first draft: marked 未更新, one transaction per action."""

from __future__ import annotations

from dataclasses import dataclass, field

from fzdesk.domain.model import Item, Section
from fzdesk.storage.store import Store


@dataclass
class CopyStep:
    """What one copy did to one item of this year, so that it can be undone."""

    item: Item  # this year's item that holds the copied text
    added: bool  # True: a new item; False: an existing item's text was replaced
    previous_title: str = ""
    previous: list[str] = field(default_factory=list)  # its paragraphs before the copy
    copied: list[str] = field(default_factory=list)  # the paragraphs it received


@dataclass
class CopyResult:
    steps: list[CopyStep] = field(default_factory=list)
    skipped: int = 0  # last year's items already in this year's block word for word

    @property
    def count(self) -> int:
        return len(self.steps)


def same_text(a: Item, b: Item) -> bool:
    return a.title.strip() == b.title.strip() and a.paragraphs == b.paragraphs


def already_copied(section: Section, last: Item) -> bool:
    """True when this year's block holds the item word for word (copied and not edited, or written the same)."""
    return any(same_text(item, last) for item in section.items)


def _empty_namesake(section: Section, last: Item, taken: set[int]) -> Item | None:
    """This year's item carried over with last year's title only (no text yet): the place for that text."""
    title = last.title.strip()
    if not title:
        return None
    for item in section.items:
        if id(item) not in taken and item.title.strip() == title and not item.paragraphs:
            return item
    return None


def copy_items(store: Store, section: Section, last_items: list[Item]) -> CopyResult:
    """Copies last year's items into this year's section, all in one transaction.

    An item whose title was carried into the new year without text gets the text; any other item is added at the
    end of the block. Items already there word for word are skipped. The copies are marked 未更新 (carried_over)
    until edited. section.items is updated only after the transaction succeeded.
    """
    assert section.id is not None
    result = CopyResult()
    taken: set[int] = set()
    added: list[Item] = []
    with store.transaction():
        for last in last_items:
            if already_copied(section, last) or any(same_text(a, last) for a in added):
                result.skipped += 1
                continue
            target = _empty_namesake(section, last, taken)
            if target is not None:
                assert target.id is not None
                taken.add(id(target))
                store.update_item(target.id, paragraphs=list(last.paragraphs), carried_over=True)
                result.steps.append(CopyStep(target, False, target.title, list(target.paragraphs),
                                             list(last.paragraphs)))
            else:
                item = Item(last.title, list(last.paragraphs), True)
                store.add_item(section.id, len(section.items) + len(added), item)
                added.append(item)
                result.steps.append(CopyStep(item, True, copied=list(last.paragraphs)))
    for step in result.steps:
        if step.added:
            section.items.append(step.item)
        else:
            step.item.paragraphs, step.item.carried_over = list(step.copied), True
    return result


def replace_text(store: Store, item: Item, last: Item) -> CopyResult:
    """The opening or closing: this year's one item takes last year's text (the old text stays in the history)."""
    assert item.id is not None
    step = CopyStep(item, False, item.title, list(item.paragraphs), list(last.paragraphs))
    store.update_item(item.id, title=last.title, paragraphs=list(last.paragraphs), carried_over=True)
    item.title, item.paragraphs, item.carried_over = last.title, list(last.paragraphs), True
    return CopyResult([step])


def undo_copy(store: Store, section: Section, result: CopyResult) -> int:
    """Takes back a copy in one transaction: added items are removed, replaced texts restored.

    Items edited since the copy (no longer 未更新) are the user's work and are left alone; returns how many
    were taken back.
    """
    undone: list[CopyStep] = []
    with store.transaction():
        for step in result.steps:
            item = step.item
            if not item.carried_over or item.id is None or not any(i is item for i in section.items):
                continue
            if step.added:
                store.delete_item(item.id)
            else:
                store.update_item(item.id, title=step.previous_title, paragraphs=list(step.previous),
                                  carried_over=False)
            undone.append(step)
    for step in undone:
        if step.added:
            section.items[:] = [i for i in section.items if i is not step.item]
        else:
            step.item.title, step.item.paragraphs = step.previous_title, list(step.previous)
            step.item.carried_over = False
    return len(undone)
