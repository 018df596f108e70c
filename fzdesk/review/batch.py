"""A batch of received files: which files a folder holds, reading them in turn, and what the batch says of each
(two files of one unit and year, a file of another year)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from fzdesk.review.reading import SUFFIXES, Checker, ReviewedFile, review_file
from fzdesk.storage.trouble import read_trouble

#: More files than this in one folder is not a stick of received reports (a folder picked by mistake).
MAX_FILES = 500


class ReviewError(ValueError):
    """A folder that cannot be reviewed; the message is Chinese and says what to do."""


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
    if not folder.is_dir():
        raise ReviewError(f"找不到文件夹“{folder}”。请确认U盘已经插好，再重新选择文件夹。")
    found: list[Path] = []
    try:
        _walk(folder, subfolders, found)
    except OSError as exc:
        raise ReviewError(f"无法读取文件夹“{folder}”（{read_trouble(exc)}）。请确认U盘已经插好，再试一次。") from exc
    if not found:
        where = "及其子文件夹" if subfolders else ""
        hint = "" if subfolders else "如果报告放在各乡镇、各部门的子文件夹里，请勾选“包括子文件夹”。"
        raise ReviewError(f"文件夹“{folder}”{where}中没有 Word 文档（.docx）或本程序的报告数据文件（.json）。"
                          f"请选择存放各单位报告的文件夹，或用“添加文件”逐个添加。{hint}")
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


def mark_batch(rows: list[ReviewedFile], year: int | None = None) -> int | None:
    """Marks duplicates (two readable files of one unit and year) and files of another year than `year` (None:
    the year most files are of). Returns the batch's year. Marks are recomputed from scratch each time."""
    for row in rows:
        row.duplicates, row.other_year = [], False
    years = Counter(r.year for r in rows if r.year)
    if year is None and years:
        year = max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]
    groups: dict[tuple[str, int], list[ReviewedFile]] = {}
    for row in rows:
        if row.year and row.unit_name:
            groups.setdefault((unit_key(row.unit_name), row.year), []).append(row)
    for group in groups.values():
        for row in group:
            row.duplicates = [other.name for other in group if other is not row]
    for row in rows:
        row.other_year = row.readable and year is not None and row.year is not None and row.year != year
    return year


def year_state(row: ReviewedFile, year: int | None) -> str:
    """The 状态 with the batch's year: 不是YYYY年度报告 for a file of another year."""
    text = row.state_text
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
