"""The one place that knows where resources and user data live (source tree, installed, frozen)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from fzdesk import portable

DATA_ENV = "FZDESK_DATA"
RESOURCES_ENV = "FZDESK_RESOURCES"
#: The database file's name (fzdesk.storage.store.DB_NAME; a test keeps the two equal).
DB_NAME = "fzdesk.sqlite"
#: Where a wheel installs resources/ (setuptools data-files, relative to the install prefix).
SHARE_RESOURCES = ("share", "fzdesk", "resources")


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resource_candidates() -> Iterator[Path]:
    """The places resources/ may be, in the order they are tried (the costly last one only when needed)."""
    if is_frozen():
        yield Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    yield Path(__file__).resolve().parent.parent / "resources"  # source tree / editable install
    yield Path(sys.prefix).joinpath(*SHARE_RESOURCES)  # wheel in a venv or system prefix
    installed = _installed_resources()
    if installed is not None:
        yield installed  # wheel installed with --user or another scheme


def _installed_resources() -> Path | None:
    """resources/ as recorded in the installed distribution's file list (any install scheme)."""
    from importlib import metadata

    try:
        files = metadata.distribution("fzdesk").files or []
    except metadata.PackageNotFoundError:
        return None
    for f in files:
        if f.name == "indicators.json" and f.parent.name == "catalogue":
            located = Path(str(f.locate())).resolve().parent.parent
            if located.parts[-3:] == SHARE_RESOURCES:
                return located
    return None


def resources_dir() -> Path:
    """The resources/ folder: in the frozen bundle, the source tree or an installed wheel ($FZDESK_RESOURCES first)."""
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    tried = []
    for candidate in resource_candidates():
        if (candidate / "catalogue").is_dir():
            return candidate
        tried.append(str(candidate))
    raise FileNotFoundError("fzdesk resources not found in: " + ", ".join(tried))


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_data_dir() -> Path:
    """Per-user data folder: %APPDATA%/fzdesk on Windows, ~/.local/share/fzdesk elsewhere."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / "fzdesk"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "fzdesk"


class DataSource(StrEnum):
    """Why a data folder was chosen (the window shows it)."""

    OPTION = "option"  # --data DIR
    ENVIRONMENT = "environment"  # $FZDESK_DATA
    PORTABLE = "portable"  # beside the frozen program
    USER = "user"  # the per-user folder


class DataLocation(NamedTuple):  # (made in 0.1 ms at start-up; a dataclass takes 1 ms)
    path: Path
    source: DataSource

    @property
    def label(self) -> str:
        """A short Chinese description of the folder in use, for the window."""
        return {
            DataSource.OPTION: "命令行指定的数据文件夹",
            DataSource.ENVIRONMENT: "环境变量 FZDESK_DATA 指定的数据文件夹",
            DataSource.PORTABLE: "便携数据文件夹（与程序在同一位置）",
            DataSource.USER: "本机用户数据文件夹",
        }[self.source]

    @property
    def place(self) -> str:
        """Where the data are, in words the clerk knows: U盘, 程序旁的文件夹, 本机用户文件夹 or 指定文件夹."""
        if self.source is DataSource.PORTABLE:
            return "U盘" if portable.is_removable(self.path.parent) else "程序旁的文件夹"
        if self.source is DataSource.USER:
            return "本机用户文件夹"
        return "指定文件夹"

    @property
    def status_text(self) -> str:
        """The window's status bar: "数据位置：U盘（E:\\fzdesk-data）"."""
        return f"数据位置：{self.place}（{self.path}）"


def data_location(explicit: str | os.PathLike[str] | None = None) -> DataLocation:
    """The data folder in use and why: --data DIR, $FZDESK_DATA, portable mode, else the per-user folder."""
    if explicit:
        return DataLocation(Path(explicit), DataSource.OPTION)
    env = os.environ.get(DATA_ENV)
    if env:
        return DataLocation(Path(env), DataSource.ENVIRONMENT)
    folder = portable.portable_data_dir()
    if folder is not None:
        return DataLocation(folder, DataSource.PORTABLE)
    return DataLocation(default_data_dir(), DataSource.USER)


def pc_data_folder(location: DataLocation) -> Path | None:
    """This PC's per-user folder when it holds fzdesk data although the portable folder is in use (the data a
    clerk had on this PC before running the program from a stick), else None."""
    user = default_data_dir()
    if location.source is not DataSource.PORTABLE or location.path.absolute() == user.absolute():
        return None
    return user if (user / DB_NAME).is_file() else None


def location_of(folder: Path) -> DataLocation:
    """Why folder would be the data folder, when only the folder is known: $FZDESK_DATA, the portable or the
    per-user folder, else a folder given with --data."""
    env = os.environ.get(DATA_ENV)
    folder = Path(folder)
    if env and Path(env).absolute() == folder.absolute():
        return DataLocation(folder, DataSource.ENVIRONMENT)
    if folder.absolute() == default_data_dir().absolute():
        return DataLocation(folder, DataSource.USER)
    beside = portable.portable_folder()
    if beside is not None and folder.absolute() == beside.absolute():
        return DataLocation(folder, DataSource.PORTABLE)
    return DataLocation(folder, DataSource.OPTION)


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder in use (see data_location)."""
    return data_location(explicit).path
