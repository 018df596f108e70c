"""Removable drives the export can write to: USB sticks mounted on Linux, removable drive letters on Windows."""

from __future__ import annotations

import getpass
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Drive:
    path: Path
    label: str
    free: int | None = None  # bytes

    @property
    def description(self) -> str:
        if self.free is None:
            return self.label
        return f"{self.label}（可用 {self.free / 1024 ** 3:.1f} GB）"


def _free(path: Path) -> int | None:
    try:
        return shutil.disk_usage(path).free
    except OSError:
        return None


def _unescape(field: str) -> str:
    """/proc/mounts escapes spaces and tabs in paths as octal (\\040)."""
    return field.encode().decode("unicode_escape").encode("latin-1").decode("utf-8", "replace")


def _is_removable(device: str, sys_block: Path) -> bool:
    """True when the block device (or the disk a partition belongs to) is removable or sits on USB."""
    name = Path(device).name
    if not device.startswith("/dev/") or not name:
        return False
    candidates = [sys_block / name]
    stripped = name.rstrip("0123456789")
    if stripped.endswith("p") and stripped[:-1] and stripped[:-1][-1].isdigit():  # mmcblk0p1, nvme0n1p1
        stripped = stripped[:-1]
    candidates.append(sys_block / stripped)
    for block in candidates:
        try:
            if (block / "removable").read_text().strip() == "1":
                return True
            if "/usb" in str(block.resolve()):
                return True
        except OSError:
            continue
    return False


def linux_drives(user: str | None = None, *, mounts: Path = Path("/proc/mounts"),
                 sys_block: Path = Path("/sys/block"), roots: tuple[Path, ...] | None = None) -> list[Drive]:
    """Mounted removable drives: under /media/$USER, /run/media/$USER and /media, or removable by sysfs."""
    user = user or _user()
    roots = roots or (Path("/media") / user, Path("/run/media") / user, Path("/media"))
    found: dict[Path, Drive] = {}
    mounted: dict[Path, str] = {}
    try:
        for line in mounts.read_text(encoding="utf-8", errors="replace").splitlines():
            fields = line.split()
            if len(fields) >= 2:
                mounted[Path(_unescape(fields[1]))] = fields[0]
    except OSError:
        pass
    for root in roots:
        try:
            children = sorted(p for p in root.iterdir() if p.is_dir())
        except OSError:
            continue
        for child in children:
            if child in mounted or os.path.ismount(child):
                found.setdefault(child, Drive(child, child.name, _free(child)))
    for point, device in mounted.items():
        if point not in found and str(point).startswith(("/media", "/run/media", "/mnt")) \
                and _is_removable(device, sys_block):
            found[point] = Drive(point, point.name, _free(point))
    return sorted(found.values(), key=lambda d: str(d.path))


_DRIVE_REMOVABLE = 2  # GetDriveTypeW
_SEM_FAILCRITICALERRORS = 0x0001  # SetErrorMode: no "驱动器中没有软盘/磁盘" box for an empty slot


def windows_drives(kernel32: Any = None) -> list[Drive]:
    """Drive letters whose type is DRIVE_REMOVABLE (2) and that hold a medium, with their volume labels. A card
    reader lists its empty slots as removable drives: touching one would make Windows ask to insert a disk, so the
    error mode is set around the probing (and restored), and a slot whose volume cannot be read is left out."""
    import ctypes

    kernel32 = kernel32 or getattr(ctypes, "windll").kernel32  # noqa: B009 (missing off Windows)
    old_mode = kernel32.SetErrorMode(_SEM_FAILCRITICALERRORS)
    try:
        mask = kernel32.GetLogicalDrives()
        drives = []
        for i in range(26):
            if not mask & (1 << i):
                continue
            root = f"{chr(65 + i)}:\\"
            if kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) != _DRIVE_REMOVABLE:
                continue
            name = ctypes.create_unicode_buffer(261)
            if not kernel32.GetVolumeInformationW(ctypes.c_wchar_p(root), name, 261, None, None, None, None, 0):
                continue  # no medium in it (an empty card-reader slot)
            label = f"{name.value or '可移动磁盘'} ({root[:2]})"
            drives.append(Drive(Path(root), label, _free(Path(root))))
        return drives
    finally:
        kernel32.SetErrorMode(old_mode)


def removable_drives() -> list[Drive]:
    """The removable drives of this computer, for the export step's list."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return windows_drives()
    return linux_drives()


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry
        return os.environ.get("USER", "")
