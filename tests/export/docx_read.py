"""Reading an exported .docx back for assertions: parts, paragraphs, their runs and properties."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def part(data: bytes, name: str) -> Any:
    return etree.fromstring(zipfile.ZipFile(BytesIO(data)).read(name))


def has_part(data: bytes, name: str) -> bool:
    return name in zipfile.ZipFile(BytesIO(data)).namelist()


@dataclass
class P:
    el: Any

    @property
    def text(self) -> str:
        out = []
        for node in self.el.iter(f"{W}t", f"{W}br", f"{W}tab"):
            if node.getparent().tag != f"{W}r":
                continue  # a tab stop in w:tabs
            out.append(node.text or "" if node.tag == f"{W}t" else ("\n" if node.tag == f"{W}br" else "\t"))
        return "".join(out)

    def ppr(self, name: str, attr: str) -> str | None:
        node = self.el.find(f"{W}pPr/{W}{name}")
        return None if node is None else node.get(f"{W}{attr}")

    @property
    def runs(self) -> list[Any]:
        return [r for r in self.el.iter(f"{W}r") if r.find(f"{W}t") is not None]

    def fonts(self) -> list[str]:
        return [r.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") for r in self.runs]

    def run_text(self, i: int) -> str:
        return "".join(t.text or "" for t in self.runs[i].iter(f"{W}t"))

    def bold(self, i: int) -> bool:
        return self.runs[i].find(f"{W}rPr/{W}b") is not None


def paragraphs(data: bytes) -> list[P]:
    body = part(data, "word/document.xml").find(f"{W}body")
    return [P(p) for p in body.iter(f"{W}p")]


def find(data: bytes, start: str) -> P:
    return next(p for p in paragraphs(data) if p.text.startswith(start))
