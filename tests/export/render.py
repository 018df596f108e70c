"""Renders a .docx through LibreOffice headless with the test font aliases, and reads the PDF's geometry."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

from tests.export.pdf_geometry import Page, parse

FONTS_CONF = Path(__file__).with_name("fonts.conf")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def render_pdf(docx: Path, out_dir: Path) -> Path:
    """The PDF LibreOffice makes of docx, in its own user profile so parallel runs do not collide."""
    return render_pdfs([docx], out_dir)[0]


def render_pdfs(docxs: list[Path], out_dir: Path, timeout: float = 180) -> list[Path]:
    """The PDFs of several documents from one LibreOffice start (a few tenths of a second each)."""
    exe = soffice()
    assert exe, "LibreOffice (soffice) is not installed"
    profile = Path("/tmp") / f"lo-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
    try:
        subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out_dir), *map(str, docxs)], env=env, check=True, capture_output=True,
                       timeout=timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdfs = [out_dir / (docx.stem + ".pdf") for docx in docxs]
    for pdf in pdfs:
        assert pdf.exists(), f"LibreOffice made no PDF of {pdf.stem}"
    return pdfs


def geometry(pdf: Path) -> list[Page]:
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return parse(html)


def png_pages(pdf: Path, out_prefix: Path, dpi: int = 60) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_prefix)], check=True)
    return sorted(out_prefix.parent.glob(out_prefix.name + "-*.png"))
