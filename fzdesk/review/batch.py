"""A batch of received files: which files a folder holds, reading them in turn, and what the batch says of each
(two files of one unit and year, a file of another year)."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from fzdesk.domain.dates import written_date
from fzdesk.review.reading import SUFFIXES, Checker, DuplicateRole, ReviewedFile, review_file
from fzdesk.storage.trouble import read_trouble

#: More files than this in one folder is not a stick of received reports (a folder picked by mistake).
MAX_FILES = 500


class ReviewError(ValueError):
    """A folder that cannot be reviewed; the message is Chinese and says what to do."""


class NoReports(ReviewError):
    """A folder without report files. Its message says what to do in the dialog's words (添加文件, 包括子文件夹);
    `said` puts it in other words (the command line's options)."""

    def __init__(self, folder: Path, subfolders: bool) -> None:
        self.folder = folder
        self.subfolders = subfolders
        super().__init__(self.said("请选择存放各单位报告的文件夹，或用“添加文件”逐个添加", "请勾选“包括子文件夹”"))

    def said(self, what_to_do: str, read_subfolders: str) -> str:
        where = "及其子文件夹" if self.subfolders else ""
        hint = "" if self.subfolders else f"如果报告放在各乡镇、各部门的子文件夹里，{read_subfolders}。"
        return (f"文件夹“{self.folder}”{where}中没有 Word 文档（.docx）或本程序的报告数据文件（.json）。"
                f"{what_to_do}。{hint}")


#: Folders never searched for reports: the system's own on a stick, and a copy of this program (its resources/*.json
#: are not reports).
SKIPPED_FOLDERS = ("$RECYCLE.BIN", "System Volume Information", "_internal", "resources", "__MACOSX")


def _report_file(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES and not path.name.startswith(("~$", "."))


def _program_folder(folder: Path) -> bool:
    """A copy of fzdesk (a portable program folder on the stick): its resources are not received reports."""
    return (folder / "resources" / "catalogue").is_dir() or (folder / "_internal" / "resources").is_dir()


def _walk(folder: Path, subfolders: bool, found: list[Path]) -> None:
    """Adds the report files of folder (and of its subfolders, when asked) to found, stopping past MAX_FILES."""
    entries = sorted(folder.iterdir(), key=lambda p: p.name)
    found += [p for p in entries if _report_file(p) and p.is_file()]
    if not subfolders:
        return
    for entry in entries:
        if len(found) > MAX_FILES:
            return
        if entry.name.startswith((".", "~")) or entry.name in SKIPPED_FOLDERS or entry.is_symlink():
            continue
        if entry.is_dir() and not _program_folder(entry):
            try:
                _walk(entry, True, found)
            except OSError:
                continue  # a folder the system does not let us read (a stick's own): the others still count


def files_in(folder: Path, subfolders: bool = False) -> list[Path]:
    """The report files in folder (.docx, .json, and .doc/.wps to be named as such), by name, then those of its
    subfolders (one folder per township, as many offices sort them) when subfolders is true; Word's lock files (~$...),
    hidden files and folders (._... of a Mac), the system's folders and a copy of this program are left out.
    ReviewError when there are none."""
    folder = Path(folder)
    if folder.is_file():  # (fzdesk review 付井镇.docx: the window's dialog picks folders only)
        raise ReviewError(f"“{folder}”是一个文件，不是文件夹。请给出存放各单位报告的文件夹（例如U盘），"
                          f"如它所在的文件夹“{folder.parent}”。")
    if not folder.is_dir():
        raise ReviewError(f"找不到文件夹“{folder}”。请确认U盘已经插好，再重新选择文件夹。")
    found: list[Path] = []
    try:
        _walk(folder, subfolders, found)
    except OSError as exc:
        raise ReviewError(f"无法读取文件夹“{folder}”（{read_trouble(exc)}）。请确认U盘已经插好，再试一次。") from exc
    if not found:
        raise NoReports(folder, subfolders)
    if len(found) > MAX_FILES:
        where = "（含子文件夹）" if subfolders else ""
        raise ReviewError(f"文件夹“{folder}”{where}中有{MAX_FILES}个以上的文档，不像是收到的报告。"
                          "请把各单位的报告放在一个单独的文件夹中再检查。")
    return found


def in_subfolders(folder: Path) -> int:
    """How many report files the subfolders of folder hold (0 when it cannot be read): said when they are not read."""
    found: list[Path] = []
    try:
        _walk(Path(folder), True, found)
    except OSError:
        return 0
    return sum(1 for p in found if p.parent != Path(folder))


def shown_name(path: Path, root: Path | None) -> str:
    """The file's name as the table shows it: with its subfolder (王集乡\\报告.docx) when it lies below root; two
    townships' folders often hold files of the same name."""
    if root is not None:
        try:
            relative = Path(path).relative_to(root)
        except ValueError:
            return Path(path).name
        return str(relative)
    return Path(path).name


def unit_key(name: str) -> str:
    """A unit's name compared without spaces (a letter-spaced title gives "沈 丘 县…")."""
    return "".join(name.split())


#: A file name with one of these words is a later version (石桥镇报告（修改稿）.docx), when dates cannot tell.
NEWER_WORDS = ("修改", "修订", "终稿", "定稿")
#: Modification times closer than this are the same: a FAT stick keeps them to two seconds.
SAME_TIME_SECONDS = 2.0


def _newer(a: ReviewedFile, b: ReviewedFile) -> str:
    """Why a is newer than b (a few words), or "" when it is not, or cannot be told: by 成文日期, then by the file's
    modification time, then by a name saying 修改/修订/终稿/定稿."""
    if a.date is not None and b.date is not None and a.date != b.date:
        return "成文日期较晚" if a.date > b.date else ""
    if a.modified is not None and b.modified is not None and abs(a.modified - b.modified) >= SAME_TIME_SECONDS:
        return "" if a.modified < b.modified else (
            "成文日期相同，文件修改时间较晚" if a.date is not None and a.date == b.date else "文件修改时间较晚")
    marked_a, marked_b = (any(w in r.path.stem for w in NEWER_WORDS) for r in (a, b))
    if marked_a and not marked_b:
        word = next(w for w in NEWER_WORDS if w in a.path.stem)
        return f"文件名写有“{word}”"
    return ""


def file_date(row: ReviewedFile) -> str:
    """The file's modification time as the office's file manager shows it (2023-12-20 10:31)."""
    if row.modified is None:
        return "未知"
    return dt.datetime.fromtimestamp(row.modified).strftime("%Y-%m-%d %H:%M")


def copy_facts(row: ReviewedFile) -> str:
    """石桥镇\\报告.docx（成文日期2023年12月15日，文件日期2023-12-20 10:31）: what the office checks a copy by."""
    date = written_date(row.date) if row.date else "未识别"
    return f"{row.name}（成文日期{date}，文件日期{file_date(row)}）"


def _mark_group(group: list[ReviewedFile]) -> None:
    """The newest copy of one unit and year is counted, the others not; none when the newest cannot be told."""
    newest, why = None, ""
    for row in group:
        reasons = [_newer(row, other) for other in group if other is not row]
        if all(reasons):
            newest, why = row, "，".join(dict.fromkeys(reasons))
            break
    for row in group:
        others = [other for other in group if other is not row]
        row.duplicates = [other.name for other in others]
        row.duplicate_facts = [copy_facts(other) for other in others]
        if newest is None:
            row.duplicate_role = DuplicateRole.UNDECIDED
        else:
            row.duplicate_role = DuplicateRole.NEWEST if row is newest else DuplicateRole.OLDER
            row.counted_copy, row.newest_reason = newest.name, why


def mark_batch(rows: list[ReviewedFile], year: int | None = None) -> int | None:
    """Marks duplicates (two readable files of one unit and year: the newest counted, see _newer) and files of
    another year than `year` (None: the year most files are of). Returns the batch's year. Marks are recomputed from
    scratch each time."""
    for row in rows:
        row.duplicates, row.other_year, row.duplicate_facts = [], False, []
        row.duplicate_role, row.counted_copy, row.newest_reason = None, "", ""
    years = Counter(r.year for r in rows if r.year)
    if year is None and years:
        year = max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]
    groups: dict[tuple[str, int], list[ReviewedFile]] = {}
    for row in rows:
        if row.year and row.unit_name:
            groups.setdefault((unit_key(row.unit_name), row.year), []).append(row)
    for group in groups.values():
        if len(group) > 1:
            _mark_group(group)
    for row in rows:
        row.other_year = row.readable and year is not None and row.year is not None and row.year != year
    return year


def duplicate_notes(rows: Iterable[ReviewedFile]) -> list[str]:
    """One sentence per unit that sent several copies of one year: which file was counted and why, or that the
    newest cannot be told (the summary's 说明 and `fzdesk review` say it)."""
    lines: list[str] = []
    seen: set[str] = set()
    for row in rows:
        if not row.duplicates or row.name in seen:
            continue
        group = [row.name, *row.duplicates]
        seen.update(group)
        unit = row.unit_name
        if row.duplicate_role is DuplicateRole.UNDECIDED:
            lines.append(f"{unit}有{len(group)}份{row.year}年度报告（{'、'.join(group)}），"
                         "成文日期、文件日期和文件名都分不出先后，都未计入合计：无法判断哪一份较新，请核对后只保留一份。")
        else:
            older = [name for name in group if name != row.counted_copy]
            lines.append(f"{unit}有{len(group)}份{row.year}年度报告，计入合计的是{row.counted_copy}"
                         f"（{row.newest_reason}），未计入：{'、'.join(older)}。请核对后删去较旧的一份。")
    return lines


def year_state(row: ReviewedFile, year: int | None, short: bool = False) -> str:
    """The 状态 with the batch's year: 不是YYYY年度报告 for a file of another year; short for the dialog's table
    (ReviewedFile.state)."""
    text = row.state(short)
    if row.other_year and year is not None:
        mark = f"不是{year}年度报告"
        return mark if text == "正常" else f"{mark}；{text}"
    return text


def urgency(row: ReviewedFile) -> int:
    """How soon the office must act on the file: 0 it could not be read, 1 it has 错误, 2 its 状态 is not 正常 (a
    duplicate, another year, no year), 3 nothing to do. The dialog and `fzdesk review` list the files in this order
    (attention_key)."""
    if not row.readable:
        return 0
    if row.errors:
        return 1
    return 2 if row.duplicates or row.other_year or row.status else 3


def attention_key(row: ReviewedFile) -> tuple[int, int, str]:
    """Where a file comes in the problems-first order (urgency, then most 错误 first, then by name): the dialog's
    问题 column sorts by it and `fzdesk review` prints in it. Call after mark_batch (duplicates, other years)."""
    return urgency(row), -row.errors, row.name


def in_attention_order(rows: Iterable[ReviewedFile]) -> list[ReviewedFile]:
    """The rows problems first: unreadable, then most 错误, then duplicates and other years, then the rest."""
    return sorted(rows, key=attention_key)


@dataclass
class ReviewRun:
    """Reading and checking a list of files in another thread: the rows done so far, a way to stop between two
    files, and whether it ended. Plain Python: the window polls it (fzdesk.ui.review_dialog)."""

    paths: list[Path]
    root: Path | None = None  # the folder chosen: a file below it is named with its subfolder (shown_name)
    rows: list[ReviewedFile] = field(default_factory=list)
    current: str = ""  # the name of the file being read
    error: str = ""  # when the checks could not be loaded at all (a damaged installation)
    done: bool = False
    cancelled: bool = False

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def taken(self, start: int) -> list[ReviewedFile]:
        """The rows finished from index start on (a copy of the list: the worker appends to it)."""
        with self._lock:
            return self.rows[start:]

    def run(self, checker: Checker | None = None, checker_factory: Callable[[], Checker] = Checker) -> None:
        try:
            try:
                checker = checker or checker_factory()
            except (OSError, ValueError, KeyError) as exc:
                self.error = f"程序的检查规则无法读取（{exc}），程序可能不完整，请重新复制程序文件夹。"
                return
            for path in self.paths:
                if self._stop.is_set():
                    self.cancelled = True
                    break
                self.current = path.name
                row = review_file(path, checker)
                row.shown = shown_name(path, self.root)
                with self._lock:
                    self.rows.append(row)
        finally:
            self.current = ""
            self.done = True


def review_paths(paths: Iterable[Path], checker: Checker | None = None, year: int | None = None,
                 root: Path | None = None) -> tuple[list[ReviewedFile], int | None]:
    """Every file read and checked in turn (the command line and the benchmark), then marked as a batch; the rows
    and the batch's year. root: the folder chosen (files below it are named with their subfolder)."""
    run = ReviewRun(list(paths), root)
    run.run(checker)
    if run.error:
        raise ReviewError(run.error)
    return run.rows, mark_batch(run.rows, year)
