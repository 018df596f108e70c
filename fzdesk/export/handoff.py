"""Writing the exported file to a USB stick so that a pulled stick never leaves a half-written report.

The bytes go to a temporary file in the target folder, are flushed to the device (os.fsync), renamed
onto the final name (os.replace), then read back and compared by sha256. Only then is the user told
that the stick may be removed. Every failure removes the temporary file and says what to do.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import uuid
from dataclasses import dataclass
from pathlib import Path

from fzdesk.patience import on_windows as _on_windows
from fzdesk.patience import patiently

#: Characters no file name may hold on Windows (and "/" on Linux), and control characters.
_ILLEGAL = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
#: Device names Windows gives no file, whatever its extension ("NUL .docx" too): Microsoft's "Naming Files".
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
             *(f"{port}{n}" for port in ("COM", "LPT") for n in "0123456789\u00b9\u00b2\u00b3")}
#: Windows' limits: a name of at most 255 UTF-16 units, a path of at most 259 (MAX_PATH, 260 with its NUL)
#: unless long paths are switched on for the system (LongPathsEnabled) and the program. Linux (UOS, Kylin) counts
#: 255 bytes of UTF-8 instead, 3 for a Chinese character: a name must fit both (name_length).
NAME_MAX = 255
PATH_MAX_WINDOWS = 259
#: What the temporary file's name adds to the final name (".", ".0123abcd.tmp"), and next_free_name's "(99)".
_TEMP_EXTRA = len("..0123abcd.tmp")
_COPY_EXTRA = len("(99)")
_GONE = {errno.EIO, errno.ENODEV, errno.ENXIO, errno.ENOENT, errno.ESTALE, errno.ENOTDIR}
_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}

SAFE_TO_REMOVE = "可以安全拔出U盘"


def stick_note(folder: Path) -> str:
    """What follows "read back and verified" once the files in folder are written: that the stick may be pulled,
    only when folder is on a removable drive (not after saving to the desktop)."""
    from fzdesk import portable

    return f"，{SAFE_TO_REMOVE}" if portable.is_removable(folder) else ""


class HandoffError(Exception):
    """A write that did not complete; the message is Chinese and says what to do. No file was left behind."""


class TargetExists(HandoffError):
    """A file of that name is already in the folder: the caller asks to overwrite or to use `suggestion`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.suggestion = next_free_name(path)
        super().__init__(f"“{path.parent}”中已经有同名文件“{path.name}”。请选择覆盖它，"
                         f"或另存为“{self.suggestion.name}”。")


@dataclass(frozen=True)
class Written:
    path: Path
    sha256: str
    size: int

    @property
    def message(self) -> str:
        return f"已保存到“{self.path}”，并已读回核对无误{stick_note(self.path.parent)}。"


def safe_file_name(name: str, replacement: str = "_") -> str:
    """name with the characters a file name cannot hold replaced; no trailing dot or space, no device name
    (Windows: CON, NUL .docx, COM1.txt ...)."""
    cleaned = _ILLEGAL.sub(replacement, name).strip().rstrip(". ")
    stem = cleaned.split(".")[0].rstrip(" ").upper()  # Windows ignores what follows the first dot, and spaces
    if stem in _RESERVED:
        cleaned = replacement + cleaned
    return cleaned or replacement


def utf16_length(text: str) -> int:
    """The length Windows counts: UTF-16 units (a character outside the BMP, 𠀀, is two)."""
    return len(text.encode("utf-16-le")) // 2


def name_length(text: str) -> int:
    """A file name's length against NAME_MAX on both systems: UTF-16 units (Windows) or UTF-8 bytes (Linux),
    whichever is more (the file travels between them on the stick)."""
    return max(utf16_length(text), len(text.encode("utf-8")))


def report_file_name(organs: list[str], year: int, suffix: str = ".docx") -> str:
    """{organ}关于{YYYY}年度法治政府建设情况的报告.docx (a joint report names both organs, joined by 、). A name
    too long for Windows or Linux (with the temporary file's and a "(2)" copy's additions) names the first organ
    and 等, or a single organ cut short with … (等 would suggest several organs)."""
    names = [safe_file_name(o.strip()) for o in organs if o.strip()]
    tail = safe_file_name(f"关于{year}年度法治政府建设情况的报告")
    budget = NAME_MAX - _TEMP_EXTRA - _COPY_EXTRA - max(name_length(suffix), len(".docx"))
    organ = "、".join(names)
    if name_length(organ + tail) > budget:
        more = "等" if len(names) > 1 else "…"
        first = names[0]
        while first and name_length(first + more + tail) > budget:
            first = first[:-1]
        organ = first.rstrip(". ") + more
    return safe_file_name(organ + tail) + suffix


def next_free_name(path: Path) -> Path:
    """The first of "name(2).docx", "name(3).docx", ... that is not taken in the folder."""
    stem = re.sub(r"\(\d+\)$", "", path.stem)
    n = 2
    while True:
        candidate = path.with_name(f"{stem}({n}){path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


# ----- the steps, small so that tests can make each of them fail ------------------------------------------
def _create_temp(folder: Path, name: str) -> tuple[int, Path]:
    temp = folder / f".{name}.{uuid.uuid4().hex[:8]}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.open(temp, flags, 0o644), temp


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:1024 * 1024])
        view = view[written:]


def _sync(fd: int) -> None:
    os.fsync(fd)


def _replace(source: Path, target: Path) -> None:
    """Waited for while an antivirus reads the fresh file (fzdesk.patience): a file open in Word fails after it."""
    patiently(os.replace, source, target)


def _long_paths_enabled() -> bool:  # pragma: no cover - Windows only
    """Whether this process may use paths longer than MAX_PATH (Windows 10 1607+: the system's LongPathsEnabled
    and the program's manifest both say so)."""
    import ctypes

    try:
        return bool(getattr(ctypes, "windll").ntdll.RtlAreLongPathsEnabled())  # noqa: B009 (missing off Windows)
    except (AttributeError, OSError):
        return False


def _check_path_length(folder: Path, name: str) -> None:
    """On Windows without long paths, a HandoffError before anything is written when the temporary file's full
    path is over MAX_PATH: Windows would report it as a missing folder (and the clerk be told the stick was
    pulled)."""
    if not _on_windows():
        return
    longest = utf16_length(str(folder.absolute() / name)) + _TEMP_EXTRA
    if longest <= PATH_MAX_WINDOWS or _long_paths_enabled():
        return
    raise HandoffError(f"保存位置的路径太长（文件夹和文件名合计约 {longest} 个字符，"
                       f"Windows 最多 {PATH_MAX_WINDOWS} 个），"
                       f"文件没有保存。请选择一个层级较浅的文件夹（例如桌面或U盘的根目录）后再导出，或把“{folder}”"
                       "所在的文件夹名改短；也可以请管理员在系统中打开“启用 Win32 长路径”。")


def _sync_folder(folder: Path) -> None:
    """Makes the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems (vfat on some kernels) refuse fsync on a directory
        pass
    finally:
        os.close(fd)


def _read_back(path: Path) -> bytes:
    """The file's bytes, asking the kernel to drop its cached copy first so they come from the device."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        advise = getattr(os, "posix_fadvise", None)
        if advise is not None:
            advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        chunks = []
        while chunk := os.read(fd, 1024 * 1024):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _message(exc: OSError, folder: Path, target: Path, stage: str) -> str:
    code = exc.errno
    if stage == "replace" and isinstance(exc, PermissionError) and _read_only(target):
        return (f"文件“{target.name}”设置了只读属性，无法覆盖。请在资源管理器中右键点这个文件，选“属性”，"
                "取消勾选“只读”后再导出，或另存为新的文件名。")
    if stage == "replace" and isinstance(exc, PermissionError):
        return (f"文件“{target.name}”正被其他程序（如 Word 或 WPS）打开，无法覆盖。"
                "请先关闭这个文件再导出，或另存为新的文件名。")
    if code in _FULL:
        return f"U盘（“{folder}”）空间不足，文件没有保存。请删除U盘上不需要的文件，或换一个U盘后再导出。"
    if stage == "create" and (code in _READ_ONLY or isinstance(exc, PermissionError)):
        return (f"无法在“{folder}”中写入文件：这个文件夹是只读的（U盘可能打开了写保护开关）。"
                "请关闭写保护，或换一个文件夹后再导出。")
    if code in _GONE or not folder.is_dir():
        return ("写入时U盘被拔出或出现读写错误，文件没有保存成功。请重新插好U盘，等系统识别后再导出一次；"
                "如果反复出现，请换一个U盘。")
    return f"保存到“{folder}”时出错（{exc.strerror or exc}），文件没有保存。请换一个文件夹或U盘再试。"


def _read_only(path: Path) -> bool:
    """Whether path is a file without write permission (Python on Windows: the read-only attribute)."""
    try:
        return not path.stat().st_mode & stat.S_IWRITE
    except OSError:
        return False


def _remove(path: Path | None) -> None:
    if path is None:
        return
    with contextlib.suppress(OSError):
        patiently(path.unlink)


def write_safely(folder: Path, name: str, data: bytes, *, overwrite: bool = False) -> Written:
    """Writes data as folder/name through a flushed temporary file; raises HandoffError (TargetExists)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise HandoffError(f"找不到目标文件夹“{folder}”。请确认U盘已经插好，或重新选择一个文件夹。")
    target = folder / name
    _check_path_length(folder, name)
    if target.exists() and not overwrite:
        raise TargetExists(target)
    digest = hashlib.sha256(data).hexdigest()
    temp: Path | None = None
    stage = "create"
    try:
        fd, temp = _create_temp(folder, name)
        stage = "write"
        try:
            _write_all(fd, data)
            _sync(fd)
        finally:
            os.close(fd)
        # Checked before the rename, so the final name never holds a file that failed the check ...
        _verify(temp, digest)
        stage = "replace"
        _replace(temp, target)
        temp = None
        _sync_folder(folder)
        stage = "verify"
        # ... and after it, under the name the receiver will open.
        _verify(target, digest)
    except _Mismatch as exc:
        _remove(temp if temp is not None else target)
        raise HandoffError("文件写入后读回核对不一致，U盘可能有坏块或已松动。文件没有保存。"
                           "请重新插好U盘后再导出一次，或换一个U盘。") from exc
    except OSError as exc:
        _remove(temp)
        if stage == "verify":
            _remove(target)
        raise HandoffError(_message(exc, folder, target, stage)) from exc
    return Written(target, digest, len(data))


class _Mismatch(Exception):
    pass


def _verify(path: Path, digest: str) -> None:
    if hashlib.sha256(_read_back(path)).hexdigest() != digest:
        raise _Mismatch(path)
