"""The figure sheet's undo history: each step is the figures one edit (or one paste) changed, before and after."""

from __future__ import annotations

from dataclasses import dataclass, field

from fzdesk.domain.figure_text import Entry

#: Steps kept; older ones fall off (every step is in the store's history anyway).
MAX_STEPS = 200


@dataclass
class Step:
    """What one edit did: the figures' entries before and after it, by code.

    merge is the token of the edit that may still grow this step (the open cell editor saving while typing);
    None when it is finished."""

    before: dict[str, Entry]
    after: dict[str, Entry]
    pasted: bool = False
    merge: object | None = None

    def no_op(self) -> bool:
        return self.before == self.after


@dataclass
class UndoHistory:
    """Done steps (newest last) and undone ones that can be redone (the next to redo last)."""

    done: list[Step] = field(default_factory=list)
    undone: list[Step] = field(default_factory=list)

    def record(self, step: Step) -> None:
        """A new edit: joins the newest step when it is the same editor's on the same figures, clears the redo."""
        top = self.done[-1] if self.done else None
        same_edit = top is not None and step.merge is not None and top.merge is step.merge
        if top is not None and same_edit and top.after.keys() == step.after.keys():
            top.after = dict(step.after)
            if top.no_op():  # typed and put back (Esc): nothing to undo
                self.done.pop()
        elif not step.no_op():
            self.done.append(step)
            del self.done[:-MAX_STEPS]
        self.undone.clear()

    def clear(self) -> None:
        self.done.clear()
        self.undone.clear()
