"""Detecting a removable drive (Linux: /proc/mounts and /sys/class/block) and the portable folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from fzdesk import portable


def _mounts(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "mounts"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_usb_partition_flagged_removable_by_its_disk(tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    (stick / "fzdesk").mkdir(parents=True)
    sys_block = tmp_path / "sys"
    (sys_block / "devices" / "sdb" / "sdb1").mkdir(parents=True)
    (sys_block / "devices" / "sdb" / "removable").write_text("1\n")
    (sys_block / "devices" / "sdb" / "sdb1" / "partition").write_text("1\n")
    (sys_block / "sdb1").symlink_to(sys_block / "devices" / "sdb" / "sdb1")
    mounts = _mounts(tmp_path, "/dev/sda1 / ext4 rw 0 0", f"/dev/sdb1 {stick} vfat rw 0 0")
    assert portable._linux_removable(stick / "fzdesk", mounts, sys_block)
    assert not portable._linux_removable(tmp_path / "elsewhere", mounts, sys_block)


def test_fixed_disk_is_not_removable(tmp_path: Path) -> None:
    sys_block = tmp_path / "sys"
    (sys_block / "sda").mkdir(parents=True)
    (sys_block / "sda" / "removable").write_text("0\n")
    mounts = _mounts(tmp_path, "/dev/sda / ext4 rw 0 0")
    assert not portable._linux_removable(tmp_path, mounts, sys_block)


def test_desktop_media_mounts_count_as_removable(tmp_path: Path) -> None:
    """Many USB sticks report removable=0; desktops still mount them under /media or /run/media."""
    mounts = _mounts(tmp_path, "/dev/sda1 / ext4 rw 0 0", "/dev/sdc1 /media/clerk/U\\040盘 exfat rw 0 0")
    assert portable._linux_removable(Path("/media/clerk/U 盘/fzdesk"), mounts, tmp_path / "no-sys")
    assert not portable._linux_removable(Path("/home/clerk"), mounts, tmp_path / "no-sys")


def test_unreadable_mount_table_means_not_removable(tmp_path: Path) -> None:
    assert portable._mount_of(tmp_path, tmp_path / "missing") == ("", "/")


def test_not_frozen_has_no_portable_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert portable.executable_dir() is None
    assert portable.portable_data_dir() is None


def test_read_only_drive_is_not_portable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "fzdesk"))
    monkeypatch.setattr(portable, "is_removable", lambda path: True)
    monkeypatch.setattr(portable, "_can_write", lambda folder: False)
    assert portable.portable_data_dir() is None
    (tmp_path / portable.PORTABLE_FOLDER).mkdir()
    assert portable.portable_data_dir() == tmp_path / portable.PORTABLE_FOLDER


def test_a_writable_stick_is_portable_even_with_data_on_this_pc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    """Issue 6: on a USB stick the data live on the stick, whatever this PC's per-user folder holds."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "fzdesk"))
    monkeypatch.setattr(portable, "is_removable", lambda path: True)
    assert portable.portable_data_dir() == tmp_path / portable.PORTABLE_FOLDER
    monkeypatch.setattr(portable, "is_removable", lambda path: False)
    assert portable.portable_data_dir() is None


def test_a_write_protected_stick_on_windows_is_not_portable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows' os.access says a folder is writable whenever it exists (it reads only the read-only attribute, which
    folders do not use): the write itself is tried. A stick's write-protect switch fails it with WinError 19."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "fzdesk.exe"))
    monkeypatch.setattr(portable, "is_removable", lambda path: True)
    monkeypatch.setattr(portable.os, "access", lambda path, mode: True)
    real_open = portable.os.open

    def write_protected(path: str, flags: int, mode: int = 0o777) -> int:
        if flags & portable.os.O_CREAT:
            exc = PermissionError(13, "介质受写入保护。", path)
            exc.winerror = 19  # type: ignore[attr-defined]
            raise exc
        return real_open(path, flags, mode)

    monkeypatch.setattr(portable.os, "open", write_protected)
    assert portable.portable_data_dir() is None
    monkeypatch.setattr(portable.os, "open", real_open)
    assert portable.portable_data_dir() == tmp_path / portable.PORTABLE_FOLDER
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # the probe is gone


def test_a_probe_left_by_a_crash_does_not_make_a_writable_stick_look_read_only(tmp_path: Path) -> None:
    """A probe named by PID, left by a power cut, blocked the next run that got the same PID: the name is random."""
    leftovers = {f".fzdesk-write-test-{os.getpid()}", f".fzdesk-write-test-{os.getpid():x}"}
    for name in leftovers:
        (tmp_path / name).write_bytes(b"")
    assert portable._can_write(tmp_path)
    assert {p.name for p in tmp_path.iterdir()} == leftovers  # its own probe is gone, the leftovers untouched
