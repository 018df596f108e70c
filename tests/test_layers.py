"""The layer rule: below fzdesk.ui nothing imports PySide6, and only the ui reaches the Qt text layout.

Two proofs. A fresh interpreter imports every module outside fzdesk.ui and fzdesk.typeset and finds no PySide6
loaded (import time). And every source file of the plain layers is read as a syntax tree: an import of PySide6 or
shiboken6 anywhere in it, inside a function too, fails, and so does an import of fzdesk.typeset (the Qt text
layout: paging, PDF, preview), which would load Qt for them at run time. fzdesk.commands may call fzdesk.typeset,
but only from inside a function (the PDF and a 报送稿's 版记 page, when a command is run), never at module level.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import fzdesk

ROOT = Path(fzdesk.__file__).parent
PLAIN = ("domain", "checks", "storage", "exchange", "export", "review")
QT = ("PySide6", "shiboken6")
TYPESET = "fzdesk.typeset"


def _plain_modules() -> list[str]:
    """The modules that must import without Qt: all but the ui, the Qt text layout and the two Qt entry points."""
    names = []
    for info in pkgutil.walk_packages(fzdesk.__path__, "fzdesk."):
        if info.name.startswith(("fzdesk.ui", TYPESET)) or info.name in ("fzdesk.app", "fzdesk.__main__"):
            continue
        names.append(info.name)
    return names


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package(path: Path) -> str:
    name = _module_name(path)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def imports(source: str, package: str) -> list[tuple[str, int, bool]]:
    """(module, line, at module level) for every import in source: import and from-import statements anywhere
    (relative ones resolved against package) and importlib.import_module / __import__ calls with a literal name.
    `from fzdesk import typeset` counts as an import of fzdesk.typeset."""
    tree = ast.parse(source)
    top = {id(node) for node in tree.body}
    for node in tree.body:  # an import under a module-level if/try still runs at import time
        if isinstance(node, ast.If | ast.Try):
            top.update(id(n) for n in ast.walk(node) if not isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef))
    found: list[tuple[str, int, bool]] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if called in ("import_module", "__import__"):
                names = [node.args[0].value]
        found += [(name, node.lineno, id(node) in top) for name in names]
    return found


def _is_qt(module: str) -> bool:
    return module.split(".")[0] in QT


def _is_typeset(module: str) -> bool:
    return module == TYPESET or module.startswith(TYPESET + ".")


def violations(path: Path, *, typeset_in_functions: bool = False) -> list[str]:
    """What breaks the layer rule in one source file, as "path:line module"."""
    where = path.relative_to(ROOT.parent)
    out = []
    for module, line, module_level in imports(path.read_text(encoding="utf-8"), _package(path)):
        if _is_qt(module) or (_is_typeset(module) and (module_level or not typeset_in_functions)):
            out.append(f"{where}:{line} {module}")
    return out


def _sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def test_non_ui_modules_exist() -> None:
    modules = _plain_modules()
    for expected in ("fzdesk.domain.model", "fzdesk.storage.store", "fzdesk.cli", "fzdesk.export.docx_writer"):
        assert expected in modules


def test_no_pyside_outside_ui() -> None:
    modules = _plain_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"PySide6 loaded by non-ui modules: {result.stdout}"


@pytest.mark.parametrize("package", PLAIN)
def test_plain_layers_never_import_qt_or_the_qt_layout(package: str) -> None:
    sources = _sources(package)
    assert len(sources) > 1
    found = [v for path in sources for v in violations(path)]
    assert found == [], f"fzdesk.{package} reaches Qt (PySide6, shiboken6 or {TYPESET}): {found}"


def test_commands_call_the_qt_layout_only_from_inside_a_function() -> None:
    sources = _sources("commands")
    assert len(sources) > 1
    found = [v for path in sources for v in violations(path, typeset_in_functions=True)]
    assert found == [], f"fzdesk.commands imports Qt, or {TYPESET} at module level: {found}"


def test_the_scan_sees_imports_inside_functions_relative_and_dynamic() -> None:
    source = (
        "import os\n"
        "def f():\n"
        "    from PySide6.QtGui import QImage\n"
        "class C:\n"
        "    def g(self):\n"
        "        import shiboken6\n"
        "        return importlib.import_module('PySide6.QtCore')\n"
        "from ..typeset import paged\n"
        "try:\n"
        "    from fzdesk import typeset\n"
        "except ImportError:\n"
        "    pass\n"
        "def h():\n"
        "    from fzdesk.typeset.pdf import write_pdf\n"
    )
    found = imports(source, "fzdesk.export")
    assert [(m, line, top) for m, line, top in found if _is_qt(m)] == \
        [("PySide6.QtGui", 3, False), ("PySide6.QtGui.QImage", 3, False), ("shiboken6", 6, False),
         ("PySide6.QtCore", 7, False)]
    assert [(m, line, top) for m, line, top in found if _is_typeset(m)] == \
        [("fzdesk.typeset", 8, True), ("fzdesk.typeset.paged", 8, True), ("fzdesk.typeset", 10, True),
         ("fzdesk.typeset.pdf", 14, False), ("fzdesk.typeset.pdf.write_pdf", 14, False)]


def test_a_report_with_a_record_is_written_without_loading_qt() -> None:
    """At run time too: a 报送稿 (a 版记, so a page decision) and a 公开稿 written as .docx in a fresh interpreter
    with a plain page predictor load no PySide6."""
    code = (
        "import sys\n"
        "from fzdesk import resources\n"
        "from fzdesk.export.docx_writer import export_docx\n"
        "from fzdesk.export.options import ExportOptions, Variant\n"
        "from tests import factories\n"
        "unit = factories.unit()\n"
        "report = factories.report(unit)\n"
        "seen = []\n"
        "def pages(elements, font_set):\n"
        "    seen.append(len(elements))\n"
        "    return (2, 2)\n"
        "for variant in (Variant.SUBMITTED, Variant.PUBLIC):\n"
        "    export_docx(report, unit, ExportOptions(variant=variant), resources.catalogue(), pages=pages)\n"
        "assert len(seen) == 1, seen\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                            cwd=ROOT.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"PySide6 loaded by the .docx export: {result.stdout}"
