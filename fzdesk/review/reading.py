"""One received file read through the import reader and checked by the checks engine; nothing is stored."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from fzdesk import resources
from fzdesk.checks.engine import check_report
from fzdesk.checks.findings import CheckResult, Severity
from fzdesk.checks.rules import load_rules
from fzdesk.checks.wording import load_wording
from fzdesk.domain.catalogue import Catalogue
from fzdesk.domain.checklist import PlanCheck
from fzdesk.domain.model import FigureState, Report, Unit
from fzdesk.exchange.importer import ENCRYPTED, SCANNED, SourceKind, open_import
from fzdesk.exchange.package import NOT_A_DOCX, TOO_BIG, UNSAFE, UnreadableFile
from fzdesk.exchange.recognise import NOT_A_REPORT
from fzdesk.exchange.report_json import NewerFormatError, ReportDataError
from fzdesk.storage.trouble import read_trouble

#: The files a folder is searched for: the reports, and the old formats a unit may have sent by mistake.
SUFFIXES = (".docx", ".json", ".doc", ".wps")
#: The relations of the figure rules that compare with last year (docs/rules.md).
LAST_YEAR_RELATIONS = ("yoy_carry", "yoy_change")

#: What the county office does about a file it could not read (the import's own messages speak of importing one's own
#: last year's report: 再导入, 去年报告的原稿). The reasons not listed keep the reader's message.
RESEND = "请联系报送单位重新发送 .docx 文件（本程序导出的更好）。"
OFFICE_ADVICE = {
    "不是Word文件（旧版.doc/.wps）": "这是旧版 Word 文档（.doc）或 WPS 文字文档（.wps），程序不能直接读取。"
                                   "可以用 Word 或 WPS 打开它，“另存为”Word 文档（*.docx）放在同一文件夹中，"
                                   "再检查一次；或" + RESEND,
    "不是Word文件（PDF）": "这个文件实际上是 PDF，程序读不出报告的数据。" + RESEND,
    "空文件": "这个文件是空的（0 字节），可能是拷贝时没有拷完整。请从原来的U盘或邮件重新拷贝一次；或" + RESEND,
    "加密": "这个 Word 文档设置了打开密码，程序无法读取。请报送单位去掉打开密码后重新发送"
           "（Word：“文件 → 信息 → 保护文档 → 用密码进行加密”，删除密码后保存；"
           "WPS：“文件 → 文档加密 → 密码加密”，清除打开密码）。",
    "扫描件（只有图片）": "这个 Word 文档里只有图片，没有文字（可能是扫描件），程序读不出报告内容。" + RESEND,
    "不是年度报告": "这个文件不像是法治政府建设情况报告：没有“关于××年度法治政府建设情况的报告”这样的标题，"
                  "没有“一、”“二、”这样的各部分标题，全文也没有提到“法治”。"
                  "请打开看一看是不是发错了文件；如果是扫描件或图片，" + RESEND,
    "文件已损坏": "这个文件已经损坏或不完整（常见于拷贝时U盘被拔出）。请重新拷贝一次；或" + RESEND,
    "不是Word文件": "这个文件不是 Word 文档（.docx），只是名字以 .docx 结尾。请打开看一看是不是发错了文件；" + RESEND,
}

LAST_YEAR_CARRIED = "按自带上年数核对"
LAST_YEAR_NONE = "未核对（无上年数）"


class DuplicateRole(StrEnum):
    """Where a file stands in a group of files of one unit and year (fzdesk.review.batch.mark_batch)."""

    NEWEST = "这一份较新"
    OLDER = "较旧"
    UNDECIDED = "无法判断"


class Source(StrEnum):
    EXPORTED = "本程序导出"
    EXPORTED_EDITED = "本程序导出（后在Word中改过）"
    DATA_FILE = "本程序数据文件"
    WORD = "Word文件识别"


@dataclass
class ReviewedFile:
    """A row of the review: what the file is, what the checks found, or why it could not be read."""

    path: Path
    status: str = ""  # "" when read; else a short Chinese reason (不是Word文件, 文件已损坏, 重复, ...)
    detail: str = ""  # the reader's whole Chinese message for a file that could not be read
    source: Source | None = None
    unit: Unit | None = None
    report: Report | None = None
    result: CheckResult | None = None
    last_year: str = ""  # how the checks against last year were done (LAST_YEAR_CARRIED / LAST_YEAR_NONE)
    notes: list[str] = field(default_factory=list)  # the reader's remarks (what it could not place, ...)
    duplicates: list[str] = field(default_factory=list)  # names of the other files of the same unit and year
    #: of a duplicate group: NEWEST (counted), OLDER (not counted) or UNDECIDED (none counted); "" when no duplicate
    duplicate_role: DuplicateRole | None = None
    newest_reason: str = ""  # why the counted copy is the newest (成文日期较晚, ...), on every row of its group
    counted_copy: str = ""  # the name of the copy counted in 合计, on every row of its group ("" when undecided)
    duplicate_facts: list[str] = field(default_factory=list)  # the other files with their 成文日期 and file dates
    modified: float | None = None  # the file's modification time (seconds since the epoch), when it could be read
    other_year: bool = False  # read, but of another year than the batch's
    shown: str = ""  # the name shown, with its subfolder (王集乡\\报告.docx) when read from a folder's subfolder

    @property
    def name(self) -> str:
        return self.shown or self.path.name

    @property
    def readable(self) -> bool:
        return self.report is not None

    @property
    def unit_name(self) -> str:
        return self.unit.name.strip() if self.unit is not None else ""

    @property
    def year(self) -> int | None:
        return self.report.year if self.report is not None and self.report.year else None

    @property
    def date(self) -> dt.date | None:
        return self.report.date if self.report is not None else None

    @property
    def errors(self) -> int:
        return self._count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        """Open 警告 (Severity.WARNING), counted apart from 提示 as the 检查 step counts them."""
        return self._count(Severity.WARNING)

    @property
    def infos(self) -> int:
        """Open 提示 (Severity.INFO)."""
        return self._count(Severity.INFO)

    def _count(self, severity: Severity) -> int:
        if self.result is None:
            return 0
        return sum(1 for f in self.result.open_findings if f.severity is severity)

    @property
    def summed(self) -> bool:
        """Whether its figures enter the summary's 合计: read, of the batch's year, and not a duplicate unless it is
        the newest copy of its group."""
        single = not self.duplicates or self.duplicate_role is DuplicateRole.NEWEST
        return self.readable and single and not self.other_year and self.year is not None

    @property
    def state_text(self) -> str:
        """The 状态: 正常, the reason it could not be read, 重复, 不是YYYY年度报告 (several joined by ；)."""
        return self.state()

    def state(self, short: bool = False) -> str:
        """The 状态 in full (the details, the tooltip, the CSV, the command), or short (the dialog's table, whose
        column keeps 14 characters at 1366 px: TABLE_STATES, duplicate_mark)."""
        if not self.readable:
            return TABLE_STATES.get(self.status, self.status) if short else self.status
        parts = [self.status] if self.status else []
        if self.duplicates:
            parts.append(duplicate_mark(self, short))
        return "；".join(parts) or "正常"


#: The 状态 of an unreadable file that the dialog's table words shorter (its column keeps 14 characters at 1366 px and
#: 14 pt): "不是Word文件（旧版.doc/.wps）" showed as "不是Word文…c/.wps）". The others are short already.
TABLE_STATES = {"不是Word文件（旧版.doc/.wps）": "旧版Word/WPS文件"}


def duplicate_mark(row: ReviewedFile, short: bool = False) -> str:
    """重复（计入合计：这一份较新）, 重复（较旧，未计入合计）, or 重复 with the count when the newest is unknown;
    short (the dialog's table): 重复（无法判断哪一份较新）, the count being in the details (the table showed
    重复（同一单位…断哪一份较新）)."""
    if row.duplicate_role is DuplicateRole.NEWEST:
        return "重复（计入合计：这一份较新）"
    if row.duplicate_role is DuplicateRole.OLDER:
        return "重复（较旧，未计入合计）"
    if short:
        return "重复（无法判断哪一份较新）"
    return f"重复（同一单位同一年度共{len(row.duplicates) + 1}个文件，无法判断哪一份较新）"


class Checker:
    """What checking needs, loaded once per batch: the shipped catalogue, figure rules and wording (a received
    report is another unit's: the office's own dictionary and rules do not apply to it)."""

    def __init__(self, catalogue: Catalogue | None = None) -> None:
        self.catalogue = catalogue or resources.catalogue()
        self.rules = load_rules(None)
        self.wording = load_wording(None)


def carries_last_year(report: Report) -> bool:
    """True when the report's figure sheet holds last year's column (an fzdesk export carries it)."""
    return any(f.last_state is not FigureState.EMPTY for f in report.figures.values())


def review_file(path: Path, checker: Checker) -> ReviewedFile:
    """The file read (open_import, read-only) and checked; a file that cannot be read gets its reason. Never
    raises for a bad file: a batch of dozens must not stop at one."""
    row = ReviewedFile(Path(path))
    try:
        row.modified = row.path.stat().st_mtime
    except OSError:
        row.modified = None  # the reader says why below
    try:
        preview = open_import(row.path)
    except (UnreadableFile, ReportDataError) as exc:
        row.status = unreadable_reason(row.path, exc)
        row.detail = OFFICE_ADVICE.get(row.status, str(exc))
        return row
    except OSError as exc:
        row.status = "读取出错"
        row.detail = f"读取文件时出错：{read_trouble(exc)}。请确认U盘插好、文件没有被其他程序占用，再检查一次。"
        return row
    except Exception as exc:  # an unforeseen fault in the reader must not stop the batch
        row.status = "读取出错"
        row.detail = (f"程序读取这个文件时出错（{type(exc).__name__}），没能检查它。" + RESEND
                      + "如果重新发送的文件仍然出错，请把这个文件交给技术支持。")
        return row
    if preview.kind is SourceKind.TXT:  # (a .txt is never listed from a folder; added one by one it is refused)
        row.status, row.detail = "不是Word文件", "文本文件不是收到的报告，请添加 .docx 文件。"
        return row
    row.source = {SourceKind.FZDESK_DOCX: Source.EXPORTED, SourceKind.JSON: Source.DATA_FILE}.get(
        preview.kind, Source.WORD)
    if preview.text_changed and preview.document_version is not None:
        preview = preview.document_version  # what the office received is the text as it reads now
        row.source = Source.EXPORTED_EDITED
    row.unit, row.report = preview.unit, preview.report
    row.notes = [*preview.warnings, *(f"{u.reason}：{u.text[:40]}" for u in preview.unplaced)]
    row.result = _check(preview.report, preview.unit, preview.plan_checks, checker)
    row.last_year = LAST_YEAR_CARRIED if carries_last_year(preview.report) else LAST_YEAR_NONE
    if not row.year:
        row.status = "未识别年度"
    return row


def _check(report: Report, unit: Unit, plan_checks: list[PlanCheck], checker: Checker) -> CheckResult:
    """All checks, without a last year's report: the rules comparing with last year use the sheet's own 上年 column
    when the file carries one; without it they are left out (and the row says so), not listed as 无法检查."""
    result = check_report(report, unit, checker.catalogue, checker.rules, checker.wording, None, plan_checks)
    if not carries_last_year(report):
        last_year_rules = {r.id for r in checker.rules.rules if r.relation in LAST_YEAR_RELATIONS}
        result.unchecked = [u for u in result.unchecked if u.rule not in last_year_rules]
    return result


def unreadable_reason(path: Path, exc: Exception) -> str:
    """The 状态 of a file the reader refused: a few words; the reader's whole message goes under the table."""
    message = str(exc)
    if isinstance(exc, NewerFormatError):
        return "需要新版程序"
    if isinstance(exc, ReportDataError):
        return "不是本程序的报告数据" if path.suffix.lower() == ".json" else "报告数据有误"
    if message == ENCRYPTED:
        return "加密"
    if message == SCANNED:
        return "扫描件（只有图片）"
    if message == NOT_A_REPORT:
        return "不是年度报告"
    if message in (TOO_BIG, UNSAFE):
        return "文件异常，拒绝读取"
    head = _head(path)
    if path.suffix.lower() in (".doc", ".wps") or head.startswith(b"\xd0\xcf\x11\xe0"):
        return "不是Word文件（旧版.doc/.wps）"
    if head.startswith(b"%PDF"):
        return "不是Word文件（PDF）"
    if not head:
        return "空文件"
    if message == NOT_A_DOCX:
        return "文件已损坏" if head.startswith(b"PK") else "不是Word文件"
    return "无法读取"


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(8)
    except OSError:
        return b""
