"""Structure and dates: the five blocks, causes in block 2, 主送 and 署名, both organs, 成文日期, copied items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from fzdesk.checks.findings import Category, Finding, Location, Severity
from fzdesk.checks.language import finding
from fzdesk.checks.text import section_paragraphs
from fzdesk.checks.wording import Wording, shipped_wording
from fzdesk.domain.checklist import PlanCheck, PlanStatus
from fzdesk.domain.dates import written_date
from fzdesk.domain.model import BODY_BLOCKS, Block, Numbering, Report, Section, Unit, UnitType
from fzdesk.domain.naming import step_title
from fzdesk.domain.signing import foreign_organs

BLOCK_NAMES = {
    Block.MEASURES: "推进法治政府建设的主要举措和成效",
    Block.SHORTCOMINGS: "存在的不足和原因",
    Block.RESPONSIBILITY: "党政主要负责人履行推进法治建设第一责任人职责的情况",
    Block.PLANS: "下一年度推进法治政府建设的主要安排",
    Block.OTHER: "其他需要报告的情况",
}
#: The word lists of resources/wording/structure.json (a unit adds its own in <data>/wording/user.json):
#: causes (block 2 analyses causes), future (plans speak of what comes), requests (no 请示 in a report),
#: results (a carried-over item that reports results or figures), closing (特此报告).


def _text(section: Section) -> str:
    return "\n".join(p.text for p in section_paragraphs(section) if p.item_index >= 0)


def _field(rule: str, category: Category, severity: Severity, field: str, message: str,
           values: dict[str, object] | None = None) -> Finding:
    return Finding(rule, category, severity, message, Location("info", field=field), values=values or {})


def _block(rule: str, severity: Severity, block: Block, message: str) -> Finding:
    return Finding(rule, Category.STRUCTURE, severity, message, Location(block.value))


def block_findings(report: Report, wording: Wording | None = None) -> list[Finding]:
    wording = wording or shipped_wording()
    out: list[Finding] = []
    for block in BODY_BLOCKS:
        section = report.section(block)
        name = BLOCK_NAMES[block]
        if block is Block.OTHER:
            if section is not None and not section.omitted and not _text(section).strip():
                out.append(_block("structure.other_empty", Severity.WARNING, block,
                                  "“其他需要报告的情况”是空的：请写内容，或标记为“无”（报告中将不出现这一部分）。"))
            continue
        if section is None or not _text(section).strip():
            out.append(_block("structure.block_missing", Severity.ERROR, block,
                              f"缺少“{name}”部分（《法治政府建设与责任落实督察工作规定》要求的五项内容之一）。"))
    short = report.section(Block.SHORTCOMINGS)
    if short is not None and _text(short).strip() and not wording.regex("causes").search(_text(short)):
        out.append(_block("structure.causes", Severity.WARNING, Block.SHORTCOMINGS,
                          "“存在的不足”只列了问题，没有分析原因：规定要求写明不足和原因。"))
    plans = report.section(Block.PLANS)
    if plans is not None and _text(plans).strip():
        text = plans.heading + _text(plans)
        if f"{report.year + 1}年" not in text and not wording.regex("future").search(text):
            out.append(_block("structure.plans_year", Severity.INFO, Block.PLANS,
                              f"“下一年度的安排”没有提到{report.year + 1}年或“下一年度”，请确认写的是今后的安排。"))
    for section in report.sections:
        for para in section_paragraphs(section):
            m = wording.regex("requests").search(para.text)
            if m:
                out.append(finding("structure.request", Category.STRUCTURE, Severity.WARNING, para, m.start(), m.end(),
                                   "报告中不得夹带请示事项（《党政机关公文处理工作条例》第十五条）。"))
    closing = report.section(Block.CLOSING)
    if closing is not None and not wording.regex("closing").search(_text(closing)):
        out.append(_block("structure.closing", Severity.INFO, Block.CLOSING, "结尾通常写“特此报告。”。"))
    return out


#: Numbering styles whose item title is a heading or lead that a body must follow: "（一）title" alone prints
#: as a bare heading. In 一是…… and unnumbered blocks a title may be the whole item ("一是加强学习。").
BODY_REQUIRED = frozenset({Numbering.HEADINGS, Numbering.INLINE})
_TITLE_SHOWN = 24


def empty_item_findings(report: Report) -> list[Finding]:
    """Items with a title but no body in a block whose numbering needs one (an outline's titles the clerk has not
    written yet): a warning at the item, which the export would otherwise print as a bare heading. Items with
    neither title nor body are left out of the export (fzdesk.export.body) and need no finding."""
    out: list[Finding] = []
    for section in report.body_sections:
        if section.omitted or section.numbering not in BODY_REQUIRED:
            continue
        for index, item in enumerate(section.items):
            title = item.title.strip()
            if not title or any(p.strip() for p in item.paragraphs):
                continue
            shown = title if len(title) <= _TITLE_SHOWN else title[:_TITLE_SHOWN] + "…"
            out.append(Finding(
                "structure.empty_item", Category.STRUCTURE, Severity.WARNING,
                f"条目“{shown}”还没有正文：请补写，或删除这一条。",
                Location(section.block.value, item.id, index), excerpt=title, values={"title": title}))
    return out


def carried_over_findings(report: Report, wording: Wording | None = None) -> list[Finding]:
    """Items copied from last year and not edited (未更新): a warning where they report results or figures (this
    year's are different), a 提示 elsewhere (boilerplate may still hold; 无需修改 or an edit clears the mark)."""
    results_re = (wording or shipped_wording()).regex("results")
    out: list[Finding] = []
    for section in report.sections:
        if section.omitted or section.block is Block.CLOSING:
            continue
        for index, item in enumerate(section.items):
            if not item.carried_over or not (item.title.strip() or item.paragraphs):
                continue
            label = item.title or (item.paragraphs[0][:16] if item.paragraphs else "")
            results = section.block is not Block.PLANS and (results_re.search(item.text)
                                                            or results_re.search(item.title))
            if results:
                out.append(Finding(
                    "structure.carried_over", Category.STRUCTURE, Severity.WARNING,
                    f"这一项是从去年报告沿用的、至今没有修改，却写有数字或成效（“{label}…”）：请按今年的情况更新。",
                    Location(section.block.value, item.id, index), excerpt=label, values={"title": item.title}))
            else:
                what = "去年的安排" if section.block is Block.PLANS else "去年的文字"
                out.append(Finding(
                    "structure.carried_over_unchanged", Category.STRUCTURE, Severity.INFO,
                    f"这一项照搬了{what}，还没有修改（未更新，“{label}…”）：请确认仍然符合今年的情况，"
                    "需要保留时按“无需修改”。",
                    Location(section.block.value, item.id, index), excerpt=label, values={"title": item.title}))
    return out


def _plan_names(checks: list[PlanCheck]) -> str:
    """The first three plans, without their closing marks, for a message: "甲；乙；丙……"."""
    names = [c.plan.strip().rstrip("。；;，,：:") for c in checks[:3]]
    return "；".join(names) + ("……" if len(checks) > 3 else "")


def plan_check_findings(checks: Sequence[PlanCheck]) -> list[Finding]:
    """Last year's plans (the checklist in the measures block) that are not marked, or marked as carried out
    without naming the item of this year that reports them: 提示, since the report itself may still be right."""
    out: list[Finding] = []
    unmarked = [c for c in checks if c.status is PlanStatus.UNMARKED]
    if unmarked:
        names = _plan_names(unmarked)
        out.append(Finding(
            "structure.plans_unmarked", Category.STRUCTURE, Severity.INFO,
            f"去年报告的“下一年度安排”共{len(checks)}项，还有{len(unmarked)}项没有标记落实情况（{names}）："
            "请在“主要举措和成效”一步的“安排落实”中逐项标记。",
            Location(Block.MEASURES.value), values={"unmarked": len(unmarked), "total": len(checks)}))
    done = (PlanStatus.DONE, PlanStatus.PARTIAL)
    unlinked = [c for c in checks if c.status in done and c.item_id is None]
    if unlinked:
        names = _plan_names(unlinked)
        out.append(Finding(
            "structure.plans_unlinked", Category.STRUCTURE, Severity.INFO,
            f"有{len(unlinked)}项去年的安排标为已落实或部分落实，但没有选出本年写这项工作的条目（{names}）："
            "请在“安排落实”中选出对应的条目，或在“主要举措和成效”中补写。",
            Location(Block.MEASURES.value), values={"unlinked": len(unlinked)}))
    return out


def head_findings(report: Report, unit: Unit | None) -> list[Finding]:
    out: list[Finding] = []
    if not report.recipient.strip():
        out.append(_field("structure.recipient", Category.STRUCTURE, Severity.ERROR, "recipient",
                          "没有填写主送机关（标题下一行，如“××县人民政府：”）。"))
    organs = [o for o in report.organs if o.strip()]
    if not organs:
        out.append(_field("structure.signature", Category.STRUCTURE, Severity.ERROR, "organs",
                          "没有署名（发文机关名称）。"))
    if unit is not None and foreign_organs(organs, unit):
        out.append(_field("structure.organs_unit", Category.STRUCTURE, Severity.WARNING, "organs",
                          f"署名机关“{'、'.join(organs)}”与本单位“{unit.name}”不符："
                          f"请在“{step_title('report')}”一步改为本单位的署名。",
                          {"organs": organs, "unit": unit.name}))
    joint = unit is not None and unit.unit_type is UnitType.JOINT
    if joint and len(organs) < 2:
        out.append(_field("structure.joint_organs", Category.STRUCTURE, Severity.ERROR, "organs",
                          "党委政府联合报告应由党委和政府两个机关共同署名。", {"organs": organs}))
    if joint and len(organs) >= 2 and report.title:
        missing = [o for o in organs if o not in report.title]
        if missing:
            out.append(_field("structure.joint_title", Category.STRUCTURE, Severity.WARNING, "title",
                              f"联合报告的标题应写明两个发文机关，标题中没有“{'、'.join(missing)}”。",
                              {"missing": missing}))
    if report.title and f"{report.year}年" not in report.title:
        out.append(_field("structure.title_year", Category.DATES, Severity.WARNING, "title",
                          f"标题中没有报告年度“{report.year}年”。", {"year": report.year}))
    out.extend(date_findings(report))
    return out


def date_findings(report: Report) -> list[Finding]:
    year = report.year
    date = report.date
    if date is None:
        return [_field("dates.missing", Category.DATES, Severity.WARNING, "date", "没有填写成文日期。")]
    earliest, latest = dt.date(year, 12, 1), dt.date(year + 1, 4, 1)
    text = written_date(date)
    values: dict[str, object] = {"date": date.isoformat(), "year": year}
    if date < dt.date(year, 1, 1) or date.year > year + 1:
        return [_field("dates.window", Category.DATES, Severity.ERROR, "date",
                       f"成文日期{text}与报告年度{year}年不符。", values)]
    if date < earliest:
        return [_field("dates.window", Category.DATES, Severity.WARNING, "date",
                       f"成文日期{text}还在{year}年年内、12月之前："
                       f"年度报告通常在{year}年12月中旬至{year + 1}年3月成文。", values)]
    if date < dt.date(year, 12, 15):
        return [_field("dates.window", Category.DATES, Severity.INFO, "date",
                       f"成文日期{text}早于通常的{year}年12月中旬，请确认全年情况都已写入。", values)]
    if date > latest:
        return [_field("dates.window", Category.DATES, Severity.WARNING, "date",
                       f"成文日期{text}晚于{year + 1}年4月1日（年度报告应在4月1日前公开）。", values)]
    return []


def structure_findings(report: Report, unit: Unit | None, plan_checks: Sequence[PlanCheck] = (),
                       wording: Wording | None = None) -> list[Finding]:
    return [*block_findings(report, wording), *empty_item_findings(report), *carried_over_findings(report, wording),
            *head_findings(report, unit), *plan_check_findings(plan_checks)]
