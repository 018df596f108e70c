"""shiboken6's support modules, compiled once at build time instead of at every start of the bundle.

At start shiboken6 imports its signature support (`shibokensupport`: ~130 KB of Python, embedded in
libshiboken as a zip) by compiling the sources, every time: ~13 ms of a frozen start, fzdesk's and a bare
PySide6 window's alike. It first looks for a folder `files.dir` beside `shiboken6/__init__.py` (what
`SBK_EMBED=0` makes, shiboken's own switch) and imports the package from there when it exists. build.spec ships
that folder holding the modules as bytecode compiled by the interpreter that builds (and runs) the bundle, so at
start they are only loaded. Both bundles get it (the bare window of the start-up benchmark too).
"""

from __future__ import annotations

import importlib
import py_compile
import sys
from pathlib import Path

FOLDER = "files.dir"
PACKAGE = "shibokensupport"


def support_sources() -> dict[str, bytes]:
    """The support package's sources by their path inside `files.dir` (`shibokensupport/feature.py`, ...), read
    from the zip in libshiboken, or from a `files.dir` this environment has already."""
    importlib.import_module("shiboken6")  # its start-up loads the support package
    package = sys.modules.get(PACKAGE)
    if package is None:
        raise RuntimeError("shiboken6 did not load shibokensupport")
    embedded = getattr(package.__loader__, "zfile", None)  # shiboken's EmbeddableZipImporter
    if embedded is not None:
        return {name: embedded.read(name) for name in embedded.namelist() if name.endswith(".py")}
    if package.__file__ is None:
        raise RuntimeError("shibokensupport was loaded from neither its zip nor files")
    root = Path(package.__file__).resolve().parent.parent  # a files.dir (SBK_EMBED=0 ran here)
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*.py"))}


def compile_support(out: Path) -> list[tuple[str, str]]:
    """Writes the support modules compiled, without sources, into out/files.dir; returns PyInstaller `datas`
    entries (file, folder in the bundle) that put the folder beside shiboken6's `__init__`."""
    target = out / FOLDER
    datas = []
    for name, source in support_sources().items():
        source_file = target / name
        source_file.parent.mkdir(parents=True, exist_ok=True)
        source_file.write_bytes(source)
        compiled = source_file.with_suffix(".pyc")  # beside it, no __pycache__: loaded when there is no .py
        py_compile.compile(str(source_file), cfile=str(compiled), dfile=name, doraise=True,
                           invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
        source_file.unlink()
        datas.append((str(compiled), str(Path("shiboken6", FOLDER, name).parent)))
    return datas
