"""What went wrong with a write or a read, in words a clerk can act on."""

from __future__ import annotations

import errno

_FULL = {errno.ENOSPC, errno.EDQUOT}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_NOT_FOUND = {errno.ENOENT, errno.ENOTDIR}
_DENIED = {errno.EACCES, errno.EPERM}
_NOT_READY = 21  # Windows' ERROR_NOT_READY: a card reader's slot or a drive without its medium


def write_trouble(exc: BaseException) -> str:
    """磁盘已满（database or disk is full）, ...; an error of another kind as it is."""
    text = str(exc) or type(exc).__name__
    low = text.lower()
    code = getattr(exc, "errno", None)
    if "disk is full" in low or code in _FULL:
        what = "磁盘已满"
    elif "readonly" in low or "read-only" in low or code in _READ_ONLY:
        what = "数据文件不能写入（只读，或U盘设了写保护）"
    elif "disk i/o" in low or code == errno.EIO:
        what = "读写磁盘出错（U盘是否被拔出？）"
    elif "locked" in low:
        what = "数据文件正被其他程序占用"
    elif "malformed" in low or "not a database" in low:
        what = ("数据文件已损坏，修改无法再保存到里面。请先在“导出”这一步把正在写的报告导出为Word文件留存，"
                "再用“文件 → 恢复备份…”恢复最近的备份")
    else:
        return text
    return f"{what}（{text}）"


def read_trouble(exc: OSError) -> str:
    """A failed read named in Chinese (the system's own text is English on Linux/UOS, so only its code is kept):
    找不到文件或文件夹, 没有读取权限, 读取磁盘出错, else 系统错误 with the code."""
    code = exc.errno
    if getattr(exc, "winerror", None) == _NOT_READY:
        return "设备未就绪（U盘是否被拔出？）"
    if code in _NOT_FOUND or isinstance(exc, FileNotFoundError | NotADirectoryError):
        return "找不到文件或文件夹（U盘是否被拔出？）"
    if code in _DENIED or isinstance(exc, PermissionError):
        return "没有读取权限（文件可能正被其他程序占用，或受系统保护）"
    if code == errno.EIO:
        return "读取磁盘出错（U盘是否被拔出或已损坏？）"
    number = getattr(exc, "winerror", None) or code
    return f"系统错误，代码 {number}" if number else "系统错误"
