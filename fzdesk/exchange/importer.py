"""Reading a file to import into a preview (unit, year, sections, figures, what could not be placed); no store."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from fzdesk import resources
from fzdesk.domain.checklist import PlanCheck
from fzdesk.domain.dates import written_date
from fzdesk.domain.figure_values import figure_remarks
from fzdesk.domain.model import Block, FigureState, Report, Unit
from fzdesk.domain.naming import block_name
from fzdesk.exchange import report_json
from fzdesk.exchange.changes import change_lines, compare_reports
from fzdesk.exchange.embedded import find_embedded
from fzdesk.exchange.figure_finder import FigureCandidate, find_figures
from fzdesk.exchange.package import DocxPackage, UnreadableFile
from fzdesk.exchange.recognise import Recognised, recognise
from fzdesk.exchange.report_json import ReportDataError
from fzdesk.exchange.source import SourceParagraph, read_docx, read_txt
from fzdesk.exchange.source_lines import Unplaced

#: Everything open_import raises for a file it will not import (both carry a Chinese message).
IMPORT_ERRORS = (UnreadableFile, ReportDataError)

SAVE_AS_DOCX = {
    ".doc": "这是旧版 Word 文档（.doc）",
    ".wps": "这是 WPS 文字文档（.wps）",
    ".pdf": "这是 PDF 文件",
    ".rtf": "这是 RTF 文档",
    ".odt": "这是 OpenDocument 文档（.odt）",
    ".docm": "这是带宏的 Word 文档（.docm）",
    ".dot": "这是 Word 模板（.dot）",
    ".dotx": "这是 Word 模板（.dotx）",
    ".wpt": "这是 WPS 模板（.wpt）",
}


class SourceKind(StrEnum):
    FZDESK_DOCX = "fzdesk-docx"  # exported by fzdesk: carries its data
    JSON = "json"  # the report JSON
    DOCX = "docx"  # a hand-written Word document
    TXT = "txt"


@dataclass
class ImportPreview:
    """What a file holds, shown to the user before anything is written."""

    path: Path
    kind: SourceKind
    unit: Unit
    report: Report
    figures: list[FigureCandidate] = field(default_factory=list)  # candidates from the prose, to accept one by one
    unplaced: list[Unplaced] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    mapping: list[tuple[str, Block]] = field(default_factory=list)  # level-1 headings -> blocks
    plan_checks: list[PlanCheck] = field(default_factory=list)
    plan_links: list[tuple[int, int] | None] = field(default_factory=list)
    text_changed: bool = False  # an fzdesk .docx edited after its export
    document_version: ImportPreview | None = None  # then: the document's own text, to take instead

    @property
    def lossless(self) -> bool:
        return self.kind in (SourceKind.FZDESK_DOCX, SourceKind.JSON)

    def summary(self) -> list[str]:
        """The preview in Chinese, one line each (for the command line and the dialog's text)."""
        r = self.report
        kind = {SourceKind.FZDESK_DOCX: "fzdesk 导出的 Word 文档（含完整数据）", SourceKind.JSON: "fzdesk 报告数据文件",
                SourceKind.DOCX: "手写的 Word 文档", SourceKind.TXT: "文本文件"}[self.kind]
        organs = f"（发文机关：{'、'.join(r.organs)}）" if r.organs else ""
        lines = [f"文件：{self.path.name}（{kind}）",
                 f"单位：{self.unit.name or '（未识别）'}{organs}",
                 f"年度：{r.year or '（未识别）'}",
                 f"标题：{r.display_title}" if r.year else "标题：（未识别）",
                 f"主送：{r.recipient or '（未识别）'}",
                 f"成文日期：{written_date(r.date)}" if r.date else "成文日期：（未识别）"]
        for section in r.sections:
            if section.block in (Block.OPENING, Block.CLOSING):
                continue
            state = "（标记为无）" if section.omitted else ""
            heading = section.heading or "（空）"
            lines.append(f"  {block_name(section.block)}：{heading}{state}，{len(section.items)}项")  # as the step list
            lines += [f"    · {(i.title or (i.paragraphs[0] if i.paragraphs else ''))[:30]}" for i in section.items]
        filled = [f for f in r.figures.values() if f.state is not FigureState.EMPTY]  # 不涉及 and 约数 too
        if filled:
            lines.append(f"数据表：{len(filled)}项（来自文件中的报告数据）")
        if self.figures:
            lines.append(f"从正文中找到{len(self.figures)}个可能的数字（逐个确认后才会填入数据表）：")
            lines += [f"    {c.name} {c.value}{c.unit}{'（' + c.approx.value + '）' if c.approx else ''}"
                      for c in self.figures]
        if self.plan_checks:
            lines.append(f"上年安排落实清单：{len(self.plan_checks)}条")
        if self.unplaced:
            lines.append(f"无法归类的文字{len(self.unplaced)}处：")
            lines += [f"    {u.reason}：{u.text[:40].replace(chr(10), ' / ')}" for u in self.unplaced]
        if self.text_changed:
            lines.append("注意：这份文档导出之后在 Word 中被修改过，内嵌的数据与文档文字不一致。")
            if self.document_version is not None:
                changes = compare_reports(self.report, self.document_version.report)
                lines += [f"    {line}" for line in change_lines(changes)]
        lines += [f"提示：{w}" for w in self.warnings]
        return lines


SCANNED = ("这个 Word 文档里只有图片，没有文字（可能是扫描件或截图转成的文档），程序读不出报告内容。"
           "请找到去年报告的 Word 原稿再导入；没有原稿时，可以用 WPS 或其他软件的“图片转文字”功能把文字识别出来，"
           "核对后另存为 .docx 再导入。")
ENCRYPTED = ("这个 Word 文档设置了打开密码（已加密），程序无法读取。请在 Word 中输入密码打开它，"
             "点“文件 → 信息 → 保护文档 → 用密码进行加密”，删除密码后保存（WPS：“文件 → 文档加密 → 密码加密”，"
             "清除打开密码），再导入保存后的文件。")
#: The stream Office puts the encrypted .docx in, as its OLE directory names it (UTF-16).
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def _encrypted_package(path: Path) -> bool:
    """True for an OLE file holding an EncryptedPackage stream: a .docx saved with an opening password."""
    chunk, overlap = 1 << 20, len(_ENCRYPTED_STREAM)
    with path.open("rb") as fh:
        tail = b""
        while data := fh.read(chunk):
            if _ENCRYPTED_STREAM in tail + data:
                return True
            tail = data[-overlap:]
    return False


def _refuse_by_type(path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix in SAVE_AS_DOCX:
        raise UnreadableFile(f"{SAVE_AS_DOCX[suffix]}，程序不能直接读取。请用 Word 或 WPS 打开它，"
                             "选择“另存为”，保存类型选“Word 文档（*.docx）”，再导入保存出来的 .docx 文件。")
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0") and _encrypted_package(path):
        raise UnreadableFile(ENCRYPTED)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableFile("这个文件实际上是旧版 Word 或 WPS 文档（.doc/.wps），只是扩展名不对。"
                             "请用 Word 或 WPS 打开后另存为 .docx 再导入。")
    if head.startswith(b"%PDF"):
        raise UnreadableFile("这个文件实际上是 PDF。请找到它的 Word 原稿，或复制文字另存为 .docx 后再导入。")


def open_import(path: Path) -> ImportPreview:
    """The preview of an importable file; UnreadableFile / ReportDataError (Chinese) when it cannot be imported."""
    path = Path(path)
    if not path.is_file():
        raise UnreadableFile(f"找不到文件“{path}”。")
    _refuse_by_type(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        if path.stat().st_size > report_json.MAX_JSON_BYTES:
            raise UnreadableFile("这个数据文件太大，不像是 fzdesk 导出的文件。")
        return _from_imported(path, SourceKind.JSON, report_json.loads(path.read_bytes()))
    if suffix == ".txt":
        return _from_paragraphs(path, SourceKind.TXT, read_txt(path))
    if suffix == ".docx":
        with DocxPackage(path) as package:
            found = find_embedded(package)
            if found is None:
                paragraphs = read_docx(package)
                if not any(p.text.strip() for p in paragraphs) and any(
                        n.startswith("word/media/") for n in package.names()):
                    raise UnreadableFile(SCANNED)
                return _from_paragraphs(path, SourceKind.DOCX, paragraphs)
            preview = _from_imported(path, SourceKind.FZDESK_DOCX, report_json.loads(found.json_text))
            if found.text_changed:
                preview.text_changed = True
                preview.document_version = _document_version(preview, read_docx(package))
            return preview
    raise UnreadableFile(f"不支持导入“{path.suffix or '无扩展名'}”类型的文件。"
                         "请导入 .docx、.txt 或 fzdesk 的 .json 数据文件。")


def _from_imported(path: Path, kind: SourceKind, imported: report_json.ImportedReport) -> ImportPreview:
    catalogue = resources.catalogue()
    remarks = [r for f in imported.report.figures.values() for r in figure_remarks(f, catalogue)]
    return ImportPreview(path, kind, imported.unit, imported.report, plan_checks=imported.plan_checks,
                         plan_links=imported.plan_links, warnings=remarks)


def _from_recognised(path: Path, kind: SourceKind, rec: Recognised) -> ImportPreview:
    texts = [p for s in rec.report.sections for i in s.items for p in (i.title, *i.paragraphs)]
    figures = _distinct(find_figures(texts, resources.catalogue()))
    return ImportPreview(path, kind, rec.unit, rec.report, figures, rec.unplaced, rec.warnings, rec.mapping)


def _distinct(figures: list[FigureCandidate]) -> list[FigureCandidate]:
    """The candidates without repeats of the same value for the same figure (a number in the text and again in
    the table beside it): the first, with its sentence, stands for them."""
    seen: set[tuple[str, object, object]] = set()
    out = []
    for c in figures:
        key = (c.code, c.value, c.approx)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


#: More text than this is not one unit's annual report (a long one has 50,000 characters).
MAX_TEXT_CHARS = 600_000


def _from_paragraphs(path: Path, kind: SourceKind, paragraphs: list[SourceParagraph]) -> ImportPreview:
    if not any(p.text.strip() for p in paragraphs):
        raise UnreadableFile("文件中没有文字，没有可导入的内容。")
    if sum(len(p.text) for p in paragraphs) > MAX_TEXT_CHARS:
        raise UnreadableFile("这个文件的文字太多（超过60万字），不像是一份年度报告，程序拒绝读取。")
    return _from_recognised(path, kind, recognise(paragraphs))


def _document_version(embedded: ImportPreview, paragraphs: list[SourceParagraph]) -> ImportPreview:
    """The document's edited text, keeping the embedded unit, figures, dismissals and plan checklist."""
    doc = _from_recognised(embedded.path, SourceKind.DOCX, recognise(paragraphs))
    report = copy.deepcopy(embedded.report)
    report.sections = doc.report.sections
    for name in ("title", "recipient", "date"):
        value = getattr(doc.report, name)
        if value:
            setattr(report, name, value)
    if doc.report.organs:
        report.organs = doc.report.organs
    doc.report = report
    doc.unit = copy.deepcopy(embedded.unit)
    doc.plan_checks = copy.deepcopy(embedded.plan_checks)
    doc.plan_links = [None] * len(doc.plan_checks)  # positions of the old text no longer hold
    doc.warnings.insert(0, "采用了文档中修改后的文字；数据表、单位信息和已忽略的提示仍取自内嵌数据。")
    doc.warnings[1:1] = embedded.warnings  # what was said of the embedded figures still holds
    return doc
