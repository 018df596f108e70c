"""Listing removable drives on Linux from mount points and sysfs (faked in a temporary folder)."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pytest

from fzdesk.export.drives import Drive, linux_drives, removable_drives, windows_drives


def test_drives_under_media_user(tmp_path: Path) -> None:
    media = tmp_path / "media" / "clerk"
    (media / "KINGSTON").mkdir(parents=True)
    (media / "U盘 2").mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sdb1 {media}/KINGSTON vfat rw 0 0\n/dev/sdc1 {media}/U盘\\0402 vfat rw 0 0\n",
                      encoding="utf-8")
    drives = linux_drives("clerk", mounts=mounts, sys_block=tmp_path / "sys", roots=(media,))
    assert [d.label for d in drives] == ["KINGSTON", "U盘 2"]
    assert all(d.free is not None and d.free > 0 for d in drives)
    assert "可用" in drives[0].description


def test_unmounted_folders_are_not_drives(tmp_path: Path) -> None:
    media = tmp_path / "media"
    (media / "old-mountpoint").mkdir(parents=True)
    mounts = tmp_path / "mounts"
    mounts.write_text("", encoding="utf-8")
    assert linux_drives("clerk", mounts=mounts, sys_block=tmp_path / "sys", roots=(media,)) == []


def test_removable_by_sysfs(tmp_path: Path) -> None:
    sys_block = tmp_path / "sys"
    (sys_block / "sdd").mkdir(parents=True)
    (sys_block / "sdd" / "removable").write_text("1\n")
    (sys_block / "sda").mkdir()
    (sys_block / "sda" / "removable").write_text("0\n")
    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/sdd1 /mnt/usb vfat rw 0 0\n/dev/sda2 /mnt/data ext4 rw 0 0\n", encoding="utf-8")
    drives = linux_drives("clerk", mounts=mounts, sys_block=sys_block, roots=(tmp_path / "none",))
    assert [d.path for d in drives] == [Path("/mnt/usb")]


def test_removable_drives_runs_here() -> None:
    assert all(isinstance(d, Drive) for d in removable_drives())


class FakeKernel32:
    """Windows' kernel32 as the drive listing calls it: C: fixed, E: a stick labelled KINGSTON, F: and G: the
    empty slots of a card reader (removable, no medium: GetVolumeInformationW fails), H: a stick without a label."""

    def __init__(self) -> None:
        self.mode = 0x8000  # the process's error mode before the listing (SEM_NOOPENFILEERRORBOX)
        self.modes_while_probing: list[int] = []

    def SetErrorMode(self, mode: int) -> int:  # (Windows' names)
        old, self.mode = self.mode, mode
        return old

    def GetLogicalDrives(self) -> int:
        return sum(1 << (ord(letter) - 65) for letter in "CEFGH")

    def GetDriveTypeW(self, root: ctypes.c_wchar_p) -> int:
        self.modes_while_probing.append(self.mode)
        return 3 if root.value == "C:\\" else 2

    def GetVolumeInformationW(self, root: ctypes.c_wchar_p, name: ctypes.Array[ctypes.c_wchar], size: int,
                              *rest: object) -> int:
        self.modes_while_probing.append(self.mode)
        if root.value in ("F:\\", "G:\\"):
            return 0
        name.value = "KINGSTON" if root.value == "E:\\" else ""
        return 1


def test_windows_lists_sticks_but_not_empty_card_reader_slots_and_asks_for_no_disk() -> None:
    kernel32 = FakeKernel32()
    found = windows_drives(kernel32)
    assert [d.label for d in found] == ["KINGSTON (E:)", "可移动磁盘 (H:)"]
    assert [str(d.path) for d in found] == ["E:\\", "H:\\"]
    assert kernel32.modes_while_probing and set(kernel32.modes_while_probing) == {0x0001}  # SEM_FAILCRITICALERRORS
    assert kernel32.mode == 0x8000  # the old mode is back


def test_windows_error_mode_is_restored_when_the_probing_fails() -> None:
    kernel32 = FakeKernel32()

    def broken(root: ctypes.c_wchar_p) -> int:
        raise OSError("probe failed")

    kernel32.GetDriveTypeW = broken  # type: ignore[method-assign]
    with pytest.raises(OSError):
        windows_drives(kernel32)
    assert kernel32.mode == 0x8000
