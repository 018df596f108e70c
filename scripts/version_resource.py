"""The Windows version resource of fzdesk's executables, as PyInstaller's version text file (EXE(version=...)).

Explorer shows it under 属性 → 详细信息, and antivirus heuristics trust an unsigned .exe with one a little more.
Plain Python, so that build.spec can call it on Windows and the tests can read its output on Linux with PyInstaller's
own parser (PyInstaller.utils.win32.versioninfo.load_version_info_from_text_file, which eval()s the text).

The package version maps to the four numbers Windows keeps (each 0..65535): the release numbers of the PEP 440
version, padded with zeros to four, so "0.1.0" -> 0.1.0.0, "1.2" -> 1.2.0.0, "0.1.0.dev3" -> 0.1.0.0,
"2!1.2.3.4" -> 1.2.3.4. A pre-release, development or local version ("0.1.0.dev3", "1.0rc1", "0.0.0+source") keeps
its full text in the ProductVersion string (Explorer's 产品版本) and is flagged VS_FF_PRERELEASE, so two builds
with the same numbers can still be told apart. More than four release numbers, or a number over 65535, is refused.
"""

from __future__ import annotations

import re
from pathlib import Path

#: PEP 440's public version (epoch, release, pre, post, dev) and local part; only what the mapping needs is named.
_VERSION = re.compile(
    r"^\s*v?(?:(?P<epoch>\d+)!)?(?P<release>\d+(?:\.\d+)*)"
    r"(?P<pre>[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?\d*)?"
    r"(?P<post>(?:-\d+)|(?:[-_.]?(?:post|rev|r)[-_.]?\d*))?"
    r"(?P<dev>[-_.]?dev[-_.]?\d*)?"
    r"(?:\+(?P<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$",
    re.IGNORECASE,
)
#: VS_FF_PRERELEASE in VS_FIXEDFILEINFO.dwFileFlags; the mask says which flag bits are meaningful (all six).
PRERELEASE = 0x2
FLAGS_MASK = 0x3F
#: Simplified Chinese (PRC, LANGID 0x0804 = 2052) in Unicode (code page 1200): the string table's name and the
#: Translation that tells Explorer which table to show.
LANGUAGE, CODEPAGE = 0x0804, 1200


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows shows for a PEP 440 version: its release numbers padded with zeros; ValueError when
    it is not a version, has more than four release numbers or one over 65535."""
    match = _VERSION.match(version)
    if match is None:
        raise ValueError(f"not a PEP 440 version: {version!r}")
    release = [int(part) for part in match["release"].split(".")]
    if len(release) > 4:
        raise ValueError(f"{version!r} has more than the four numbers a Windows version resource holds")
    if any(part > 0xFFFF for part in release):
        raise ValueError(f"{version!r} has a number over 65535, which a Windows version resource cannot hold")
    a, b, c, d = (*release, 0, 0, 0, 0)[:4]
    return a, b, c, d


def is_prerelease(version: str) -> bool:
    """A development, pre-release or local build: not a release of exactly these numbers."""
    match = _VERSION.match(version)
    return match is not None and any(match[part] for part in ("pre", "dev", "local"))


def version_info_text(version: str, *, exe_name: str, description: str, product: str, company: str) -> str:
    """The version text file's content for exe_name (e.g. "fzdesk.exe"): a VSVersionInfo(...) expression that
    PyInstaller evaluates. version: the package version (fzdesk.__version__)."""
    numbers = version_numbers(version)
    dotted = ".".join(str(n) for n in numbers)
    flags = PRERELEASE if is_prerelease(version) else 0
    strings = {
        "CompanyName": company,
        "FileDescription": description,
        "FileVersion": dotted,
        "InternalName": Path(exe_name).stem,
        "OriginalFilename": exe_name,
        "ProductName": product,
        "ProductVersion": version.strip(),
    }
    table = ",\n".join(f"          StringStruct({key!r}, {value!r})" for key, value in strings.items())
    return (
        "# -*- coding: utf-8 -*-\n"
        f"# The version resource of {exe_name}, written by scripts/version_resource.py from the package version.\n"
        "VSVersionInfo(\n"
        "  ffi=FixedFileInfo(\n"
        f"    filevers={numbers!r},\n"
        f"    prodvers={numbers!r},\n"
        f"    mask={FLAGS_MASK:#x},\n"
        f"    flags={flags:#x},\n"
        "    OS=0x40004,\n"  # VOS_NT_WINDOWS32
        "    fileType=0x1,\n"  # VFT_APP
        "    subtype=0x0,\n"
        "    date=(0, 0)\n"
        "  ),\n"
        "  kids=[\n"
        "    StringFileInfo([\n"
        f"      StringTable({f'{LANGUAGE:04X}{CODEPAGE:04X}'!r}, [\n"
        f"{table}\n"
        "      ])\n"
        "    ]),\n"
        f"    VarFileInfo([VarStruct('Translation', [{LANGUAGE}, {CODEPAGE}])])\n"
        "  ]\n"
        ")\n"
    )


def write_version_file(folder: Path, version: str, *, exe_name: str, description: str, product: str,
                       company: str) -> Path:
    """Writes the version text file for exe_name into folder (created if missing), as UTF-8; its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{Path(exe_name).stem}-version.txt"
    path.write_text(version_info_text(version, exe_name=exe_name, description=description, product=product,
                                      company=company), encoding="utf-8", newline="\n")
    return path
