"""Portable mode: data beside the frozen program when it runs from a removable drive or a fzdesk-data folder."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path, PurePath

#: The folder beside the executable that holds the data in portable mode.
PORTABLE_FOLDER = "fzdesk-data"
#: Mount roots where Linux desktops (UOS, Kylin, Debian) put USB sticks.
_REMOVABLE_MOUNT_ROOTS = ("/media", "/run/media", "/mnt/usb")
_DRIVE_REMOVABLE = 2  # GetDriveTypeW
_DRIVE_REMOTE = 4  # a mapped network drive (Z:)


def executable_dir() -> Path | None:
    """The folder of the frozen program's executable; None when running from Python."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def portable_folder() -> Path | None:
    """Where portable data would live (beside the executable), or None when not frozen."""
    exe = executable_dir()
    return None if exe is None else exe / PORTABLE_FOLDER


def on_windows() -> bool:
    """Whether this is Windows (a function, so that tests can fake Windows here without faking sys.platform for
    every module)."""
    return sys.platform == "win32"


def is_removable(path: Path) -> bool:
    """True if path lies on a removable drive (USB stick, memory card)."""
    if on_windows():
        return _windows_removable(path)
    return _linux_removable(path)


def _windows_removable(path: Path) -> bool:
    return _drive_type(path.anchor or str(path)) == _DRIVE_REMOVABLE


def _drive_type(root: str) -> int:  # pragma: no cover - Windows only
    """GetDriveTypeW of a drive's root ("E:\\", "\\\\server\\share\\")."""
    import ctypes

    get_drive_type = getattr(ctypes, "windll").kernel32.GetDriveTypeW  # noqa: B009 (missing off Windows)
    return int(get_drive_type(root))


def is_network(path: PurePath) -> bool:
    """True if path lies on a network share on Windows: a UNC path (\\\\server\\share) or a mapped drive (Z:).
    SQLite's WAL needs shared memory that SMB does not give (sqlite.org/wal.html): the store then keeps a rollback
    journal, as it does where the shared memory cannot be made (FUSE)."""
    if not on_windows():
        return False
    text = str(path).replace("/", "\\")
    if text.upper().startswith("\\\\?\\UNC\\"):
        return True
    if text.startswith("\\\\") and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return True
    root = path.anchor
    try:
        return bool(root) and _drive_type(root) == _DRIVE_REMOTE
    except (AttributeError, OSError):
        return False


def _linux_removable(path: Path, proc_mounts: Path = Path("/proc/mounts"), sys_block: Path = Path("/sys/class/block")
                     ) -> bool:
    path = path.resolve()
    device, mount_point = _mount_of(path, proc_mounts)
    if device.startswith("/dev/"):
        name = Path(device).resolve().name
        node = sys_block / name
        for candidate in (node / "removable", node.resolve().parent / "removable"):
            try:
                if candidate.read_text().strip() == "1":
                    return True
            except OSError:
                continue
    return any(mount_point == root or mount_point.startswith(root + "/") for root in _REMOVABLE_MOUNT_ROOTS
               if mount_point != "/")


def _mount_of(path: Path, proc_mounts: Path) -> tuple[str, str]:
    """(device, mount point) of the longest mount point containing path; ("", "/") if unknown."""
    best = ("", "/")
    try:
        lines = proc_mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return best
    text = str(path)
    for line in lines:
        fields = line.split()
        if len(fields) < 2:
            continue
        device, mount_point = fields[0], fields[1].replace("\\040", " ")
        inside = text == mount_point or text.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best[1]):
            best = (device, mount_point)
    return best


def portable_data_dir() -> Path | None:
    """The portable data folder if portable mode applies, else None.

    Portable mode applies to the frozen program when a fzdesk-data folder sits beside the executable, or when
    the executable is on a writable removable drive (the folder is then made there on first start), whether or
    not this PC's per-user folder holds data: those stay where they are, and the window says once how to bring
    them onto the stick (fzdesk.ui.pc_data).
    """
    folder = portable_folder()
    if folder is None:
        return None
    if folder.is_dir():
        return folder
    exe = folder.parent
    if is_removable(exe) and _can_write(exe):
        return folder
    return None


def _can_write(folder: Path) -> bool:
    """Whether a file can be made in folder, by making one: os.access cannot tell on Windows (a folder is
    "writable" there whatever the stick's write-protect switch or the folder's ACL say)."""
    # (a PID is reused: a crash's leftover would clash; os.urandom, not secrets, which loads OpenSSL at start-up)
    probe = folder / f".fzdesk-write-test-{os.urandom(8).hex()}"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError:
        return False
    finally:
        with contextlib.suppress(OSError):
            os.unlink(probe)
    return True
