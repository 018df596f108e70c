"""The resource resolver (source tree, installed wheel, frozen bundle) and the choice of the data folder."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import ClassVar

import pytest

from fzdesk import paths, portable
from fzdesk.paths import DataSource
from fzdesk.storage import store

REPO = Path(__file__).resolve().parent.parent


def _resources(root: Path) -> Path:
    (root / "catalogue").mkdir(parents=True)
    return root


@pytest.fixture
def not_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.delenv(paths.RESOURCES_ENV, raising=False)


@pytest.fixture
def frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake one-folder bundle: tmp/bundle/fzdesk(.exe) with its files in tmp/bundle/_internal."""
    bundle = tmp_path / "bundle"
    internal = bundle / "_internal"
    internal.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "fzdesk"))
    monkeypatch.delenv(paths.RESOURCES_ENV, raising=False)
    return bundle


@pytest.mark.usefixtures("not_frozen")
def test_source_tree() -> None:
    assert paths.resources_dir() == REPO / "resources"
    assert paths.resource("catalogue", "indicators.json").is_file()


def test_frozen_bundle_resources_come_first(frozen: Path) -> None:
    inside = _resources(frozen / "_internal" / "resources")
    assert next(paths.resource_candidates()) == inside
    assert paths.resources_dir() == inside


def test_frozen_without_meipass_uses_the_executables_folder(frozen: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "_MEIPASS")
    assert next(paths.resource_candidates()) == frozen / "resources"


@pytest.mark.usefixtures("not_frozen")
def test_installed_wheel_under_the_prefix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "__file__", str(tmp_path / "site-packages" / "fzdesk" / "paths.py"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "venv"))
    shared = _resources(tmp_path / "venv" / "share" / "fzdesk" / "resources")
    assert paths.resources_dir() == shared


class _FakeFile(type(Path())):  # type: ignore[misc]
    def locate(self) -> Path:
        return Path(self)


@pytest.mark.usefixtures("not_frozen")
def test_installed_wheel_found_through_its_file_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A --user or --prefix install puts share/ somewhere else; the dist-info RECORD says where."""
    shared = _resources(tmp_path / "user" / "share" / "fzdesk" / "resources")
    (shared / "catalogue" / "indicators.json").write_text("{}", encoding="utf-8")

    class Dist:
        files: ClassVar[list[Path]] = [_FakeFile(tmp_path / "user" / "lib" / "fzdesk" / "paths.py"),
                                       _FakeFile(shared / "catalogue" / "indicators.json")]

    monkeypatch.setattr(paths, "__file__", str(tmp_path / "user" / "lib" / "fzdesk" / "paths.py"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "elsewhere"))
    monkeypatch.setattr("importlib.metadata.distribution", lambda name: Dist())
    assert paths.resources_dir() == shared


def test_environment_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.RESOURCES_ENV, str(tmp_path))
    assert paths.resources_dir() == tmp_path


@pytest.mark.usefixtures("not_frozen")
def test_missing_resources_say_where_they_were_looked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "__file__", str(tmp_path / "pkg" / "fzdesk" / "paths.py"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "venv"))
    monkeypatch.setattr(paths, "_installed_resources", lambda: None)
    with pytest.raises(FileNotFoundError, match="venv"):
        paths.resources_dir()


def test_every_resource_folder_is_in_the_wheel() -> None:
    """pyproject's data-files must name each folder of resources/ (else an installed wheel misses it)."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    data_files = config["tool"]["setuptools"]["data-files"]
    for folder in sorted({p.parent for p in (REPO / "resources").rglob("*") if p.is_file()}):
        relative = folder.relative_to(REPO).as_posix()
        assert data_files.get(f"share/fzdesk/{relative}") == [f"{relative}/*"], f"add {relative} to pyproject.toml"


def test_db_name_matches_the_store() -> None:
    assert paths.DB_NAME == store.DB_NAME


# ----- the data folder ---------------------------------------------------------------------------


def test_option_beats_environment(tmp_path: Path) -> None:
    location = paths.data_location(tmp_path / "x")
    assert (location.path, location.source) == (tmp_path / "x", DataSource.OPTION)
    assert paths.data_dir(tmp_path / "x") == tmp_path / "x"


def test_environment_beats_portable(frozen: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (frozen / "fzdesk-data").mkdir()
    monkeypatch.setenv(paths.DATA_ENV, str(tmp_path / "env"))
    assert paths.data_location().source is DataSource.ENVIRONMENT


def test_portable_folder_beside_the_executable(frozen: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.DATA_ENV)
    (frozen / "fzdesk-data").mkdir()
    location = paths.data_location()
    assert (location.path, location.source) == (frozen / "fzdesk-data", DataSource.PORTABLE)
    assert "便携" in location.label


def test_removable_drive_means_portable(frozen: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.DATA_ENV)
    monkeypatch.setattr(portable, "is_removable", lambda path: True)
    assert paths.data_location() == paths.DataLocation(frozen / "fzdesk-data", DataSource.PORTABLE)


def test_removable_drive_wins_over_data_already_on_this_pc(frozen: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 6: on a stick the data live on the stick; the PC's data are pointed out (pc_data_folder)."""
    monkeypatch.delenv(paths.DATA_ENV)
    monkeypatch.setattr(portable, "is_removable", lambda path: True)
    stick = paths.DataLocation(frozen / "fzdesk-data", DataSource.PORTABLE)
    assert paths.data_location() == stick
    assert paths.pc_data_folder(stick) is None  # nothing on this PC
    user = paths.default_data_dir()
    user.mkdir(parents=True)
    (user / paths.DB_NAME).write_bytes(b"")
    assert paths.data_location() == stick
    assert paths.pc_data_folder(stick) == user
    assert paths.pc_data_folder(paths.DataLocation(user, DataSource.USER)) is None
    assert paths.pc_data_folder(paths.DataLocation(frozen / "x", DataSource.OPTION)) is None


def test_fixed_drive_means_per_user_folder(frozen: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.DATA_ENV)
    monkeypatch.setattr(portable, "is_removable", lambda path: False)
    location = paths.data_location()
    assert (location.path, location.source) == (paths.default_data_dir(), DataSource.USER)
    assert location.label == "本机用户数据文件夹"


@pytest.mark.usefixtures("not_frozen")
def test_running_from_python_is_never_portable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.DATA_ENV)
    monkeypatch.setattr(portable, "is_removable", lambda path: True)
    assert paths.data_location().source is DataSource.USER


@pytest.mark.usefixtures("not_frozen")
def test_the_file_list_is_read_only_when_nothing_else_has_the_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    def costly() -> None:
        raise AssertionError("read the installed file list although the source tree has resources/")

    monkeypatch.setattr(paths, "_installed_resources", costly)
    assert paths.resources_dir() == REPO / "resources"


# ----- how the window names the data folder ------------------------------------------------------


def test_status_text_names_the_place(frozen: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stick = paths.DataLocation(frozen / "fzdesk-data", DataSource.PORTABLE)
    monkeypatch.setattr(portable, "is_removable", lambda path: path == frozen)
    assert stick.status_text == f"数据位置：U盘（{frozen / 'fzdesk-data'}）"
    monkeypatch.setattr(portable, "is_removable", lambda path: False)
    assert stick.place == "程序旁的文件夹"
    user = paths.DataLocation(paths.default_data_dir(), DataSource.USER)
    assert user.status_text == f"数据位置：本机用户文件夹（{paths.default_data_dir()}）"
    for source in (DataSource.OPTION, DataSource.ENVIRONMENT):
        assert paths.DataLocation(tmp_path, source).status_text == f"数据位置：指定文件夹（{tmp_path}）"


def test_location_of_a_folder(frozen: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.DATA_ENV, str(tmp_path / "env"))
    assert paths.location_of(tmp_path / "env").source is DataSource.ENVIRONMENT
    assert paths.location_of(paths.default_data_dir()).source is DataSource.USER
    assert paths.location_of(frozen / "fzdesk-data").source is DataSource.PORTABLE
    assert paths.location_of(tmp_path / "elsewhere") == paths.DataLocation(tmp_path / "elsewhere", DataSource.OPTION)
