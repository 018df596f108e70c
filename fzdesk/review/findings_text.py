"""A reviewed file's findings in words, as the window's 检查 step words them (message, place, excerpt)."""

from __future__ import annotations

from fzdesk import resources
from fzdesk.checks.findings import Severity
from fzdesk.domain.dates import written_date
from fzdesk.domain.naming import step_titles
from fzdesk.review.batch import file_date
from fzdesk.review.reading import LAST_YEAR_NONE, DuplicateRole, ReviewedFile


def finding_lines(row: ReviewedFile, state: str = "") -> list[str]:
    """The file, its facts, then its findings by severity (错误, 警告, 提示), 无法检查 and 已忽略 apart; for a file that
    could not be read, the reader's reason and what to do. state: the 状态 as the table shows it."""
    lines = [f"文件：{row.path}"]
    if not row.readable or row.report is None or row.result is None:
        lines += [f"状态：{state or row.status}", "", row.detail]
        return lines
    report, result = row.report, row.result
    lines += [f"单位：{row.unit_name or '（未识别）'}",
              f"年度：{report.year or '（未识别）'}　来源：{row.source or ''}",
              f"成文日期：{written_date(report.date) if report.date else '（未识别）'}",
              f"状态：{state or row.state_text}",
              *(duplicate_lines(row) if row.duplicates else []),
              f"与去年比较：{row.last_year}" + ("。这份文件没有上年数，数据表中与去年比较的规则没有检查。"
                                                 if row.last_year == LAST_YEAR_NONE else "")]
    titles = step_titles(report)
    catalogue = resources.catalogue()
    open_ = result.open_findings
    if not open_:
        lines += ["", "没有发现问题。"]
    for severity in Severity:
        group = [f for f in open_ if f.severity is severity]
        if not group:
            continue
        lines += ["", f"【{severity.label}】{len(group)}条"]
        for f in group:
            lines.append(f"· {f.message}（{f.location.describe(titles, catalogue)}）")
            if f.excerpt:
                lines.append(f"　　“…{f.excerpt}…”")
    if result.unchecked:
        lines += ["", f"【无法检查】{len(result.unchecked)}条（缺少数据，不算问题）"]
        lines += [f"· {u.message}" for u in result.unchecked]
    dismissed = [f for f in result.findings if f.dismissed]
    if dismissed:
        lines += ["", f"【已忽略】{len(dismissed)}条（报送单位已忽略，并写明理由）"]
        lines += [f"· {f.severity.label}：{f.message}（理由：{f.reason or '未写'}）" for f in dismissed]
    if row.notes:
        lines += ["", "【读取时的说明】"] + [f"· {n}" for n in row.notes]
    return lines


def duplicate_lines(row: ReviewedFile) -> list[str]:
    """A duplicate's lines: its own dates, the other copies with theirs, and which copy the 合计 counts and why."""
    others = "、".join(row.duplicate_facts)
    lines = [f"文件日期：{file_date(row)}", f"同一单位同一年度的其他文件：{others}"]
    if row.duplicate_role is DuplicateRole.NEWEST:
        lines.append(f"重复：这一份较新（{row.newest_reason}），计入合计；其他文件未计入。请核对后删去较旧的一份。")
    elif row.duplicate_role is DuplicateRole.OLDER:
        lines.append(f"重复：{row.counted_copy}较新（{row.newest_reason}），计入合计；这一份较旧，未计入合计。"
                     "请核对后删去较旧的一份。")
    else:
        lines.append("重复：无法判断哪一份较新（成文日期、文件日期和文件名都分不出先后），合计时都不计入，"
                     "请核对后只保留一份。")
    return lines
