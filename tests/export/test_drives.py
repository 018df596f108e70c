"""Listing removable drives on Linux from mount points and sysfs (faked in a temporary folder)."""

from __future__ import annotations

from pathlib import Path

from fzdesk.export.drives import Drive, linux_drives, removable_drives


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
