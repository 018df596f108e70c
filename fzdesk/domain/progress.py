"""How far each step of the wizard is: empty, in progress or complete (plain rules, no Qt)."""

from __future__ import annotations

from enum import StrEnum

from fzdesk.domain.model import Block, Report, Section, Unit


class Progress(StrEnum):
    EMPTY = "空"
    PARTIAL = "进行中"
    DONE = "已完成"


#: The 导出 step's states in the words a clerk reads at a glance: "导出 空" did not say that nothing was exported, nor
#: "进行中" that the file exported is out of date. The other steps show Progress's own words.
EXPORT_WORDS = {Progress.EMPTY: "未导出", Progress.PARTIAL: "导出后有修改", Progress.DONE: "已导出"}


def state_words(key: str, state: Progress) -> str:
    """What the step list shows under the step with key in state."""
    return EXPORT_WORDS[state] if key == "export" else state.value


def unit_progress(unit: Unit | None) -> Progress:
    """Complete with a name, an issuing organ and a usual 主送机关."""
    if unit is None or not unit.name.strip():
        return Progress.EMPTY
    if any(o.strip() for o in unit.organs) and unit.recipient.strip():
        return Progress.DONE
    return Progress.PARTIAL


def unit_missing(unit: Unit | None) -> list[str]:
    """The fields 单位信息 still needs before it counts complete, named as on the page."""
    if unit is None or not unit.name.strip():
        return ["单位全称", "发文机关", "常用主送机关"]
    return [name for name, filled in (("发文机关", any(o.strip() for o in unit.organs)),
                                      ("常用主送机关", bool(unit.recipient.strip()))) if not filled]


def report_info_missing(report: Report | None) -> list[str]:
    """The fields 报告信息 still needs before it counts complete, named as on the page."""
    if report is None:
        return []
    return [name for name, filled in (("标题", bool(report.display_title.strip())),
                                      ("主送机关", bool(report.recipient.strip())),
                                      ("署名机关", any(o.strip() for o in report.organs)),
                                      ("成文日期", report.date is not None)) if not filled]


def missing_note(missing: list[str]) -> str:
    """The line a page shows under its form: what is still to fill in for the step to be 已完成."""
    if not missing:
        return "本步骤已填写完整。"
    return f"还需填写：{'、'.join(missing)}。填好后，左边这一步显示“已完成”。"


def report_info_progress(report: Report | None) -> Progress:
    """Complete when year, title, 主送, 署名 and 成文日期 are all set."""
    if report is None:
        return Progress.EMPTY
    organs = [o for o in report.organs if o.strip()]
    filled = [bool(report.display_title.strip()), bool(report.recipient.strip()), bool(organs),
              report.date is not None]
    if all(filled) and report.year > 0:
        return Progress.DONE
    if any(filled[1:]):
        return Progress.PARTIAL
    return Progress.EMPTY


def text_progress(section: Section | None, default: str = "") -> Progress:
    """Opening or closing: one text; the untouched outline default counts as still to be reviewed."""
    if section is None:
        return Progress.EMPTY
    text = "\n".join(p for item in section.items for p in item.paragraphs).strip()
    if not text:
        return Progress.EMPTY
    if default and text == default.strip():
        return Progress.PARTIAL
    if any(item.carried_over for item in section.items):
        return Progress.PARTIAL  # last year's words not yet reviewed
    return Progress.DONE


def _has_body(section: Section) -> list[bool]:
    return [any(p.strip() for p in item.paragraphs) for item in section.items]


def block_progress(section: Section | None) -> Progress:
    """Complete with a heading and at least one item, every item having body text and none left 未更新
    (copied from last year and not yet reviewed); 无 counts complete."""
    if section is None:
        return Progress.EMPTY
    if section.block is Block.OTHER and section.omitted:
        return Progress.DONE
    bodies = _has_body(section)
    if not any(bodies):
        return Progress.EMPTY
    if section.heading.strip() and all(bodies) and not any(item.carried_over for item in section.items):
        return Progress.DONE
    return Progress.PARTIAL


def figures_progress(filled: int, total: int) -> Progress:
    """Complete when every figure is filled or marked 不涉及."""
    if total <= 0 or filled <= 0:
        return Progress.EMPTY
    return Progress.DONE if filled >= total else Progress.PARTIAL


def closing_progress(report: Report | None, *, checked: bool) -> Progress:
    """Complete only once the clerk ticked 已核对结尾和附件说明 (checked) and a closing text is there: the program
    fills in 特此报告。 itself, so a text alone says nothing about whether the clerk looked at it."""
    if report is None:
        return Progress.EMPTY
    state = text_progress(report.section(Block.CLOSING))
    if state is Progress.DONE and not checked:
        return Progress.PARTIAL
    return state


def figure_counts(report: Report, indicator_codes: list[str]) -> tuple[int, int]:
    """(filled or 不涉及, total) over the catalogue's indicators that apply to the report."""
    from fzdesk.domain.model import FigureState

    filled = sum(1 for code in indicator_codes
                 if code in report.figures and report.figures[code].state is not FigureState.EMPTY)
    return filled, len(indicator_codes)
