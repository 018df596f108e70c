"""F1 help: the step's text from resources/help/steps.json plus the outline's block help."""

from __future__ import annotations

from functools import cache

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from fzdesk import resources
from fzdesk.domain.model import BODY_BLOCKS, Block, UnitType
from fzdesk.ui import style
from fzdesk.ui.ask import name_keys
from fzdesk.ui.steps import Step


@cache
def _texts() -> dict[str, str]:
    data = resources.load_json("help", "steps.json")
    return {k: v for k, v in data.items() if isinstance(v, str)}


def help_text(step: Step, unit_type: UnitType | None) -> str:
    """Markdown help for a step: what to write, how the page works, then the general notes."""
    texts = _texts()
    parts: list[str] = []
    if step.block in BODY_BLOCKS:
        assert step.block is not None
        if unit_type is not None:
            spec = resources.outline(unit_type).blocks[step.block]
            parts.append(f"**{step.title}**\n\n{spec.help}")
        if step.block is Block.OTHER:
            parts.append(texts["other"])
        parts.append(texts["block"])
    else:
        parts.append(texts.get(step.key, ""))
    parts.append(texts["general"])
    return "\n\n---\n\n".join(p for p in parts if p)


class HelpDialog(QDialog):
    def __init__(self, title: str, markdown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"帮助 - {title}")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("帮助内容")
        self.browser.setMarkdown(markdown)
        layout.addWidget(self.browser)
        buttons = name_keys(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        style.fit_dialog(self, 36, 24)
