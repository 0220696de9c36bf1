"""Reading PDFs back with poppler-utils, as a person checking the printout would."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} (poppler-utils) is required; .ci/run installs it")
    return path


LIGATURES = {chr(c) for c in range(0xFB00, 0xFB07)}  # ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ


def pdf_text(path: Path, page: int | None = None, *, layout: bool = True) -> str:
    """The text layer as a search or a copy sees it (ligature glyphs are not read back as
    letters: the sheet turns ligatures off, and a test should see it if they come back).
    Without ``layout``, text comes in reading order per block (a table cell stays together)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(
        [_tool("pdftotext"), *(["-layout"] if layout else []), *pages, str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout


@dataclass(frozen=True)
class Word:
    text: str
    x: float
    y: float  # top, in points from the top of the page
    bottom: float


def pdf_words(path: Path, page: int) -> list[Word]:
    """Every word of one page with its box, in reading order."""
    out = subprocess.run(
        [_tool("pdftotext"), "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [
        Word(html.unescape(m["text"]), float(m["x"]), float(m["y"]), float(m["bottom"]))
        for m in re.finditer(
            r'<word xMin="(?P<x>[\d.]+)" yMin="(?P<y>[\d.]+)" xMax="[\d.]+" '
            r'yMax="(?P<bottom>[\d.]+)">(?P<text>.*?)</word>',
            out,
        )
    ]


def pdf_page_height(path: Path) -> float:
    size = pdf_info(path)["Page size"]  # "595.276 x 841.89 pts (A4)"
    return float(size.split()[2])


def pdf_pages(path: Path) -> int:
    out = subprocess.run(
        [_tool("pdfinfo"), str(path)], check=True, capture_output=True, text=True
    ).stdout
    return int(next(line.split()[1] for line in out.splitlines() if line.startswith("Pages:")))


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(
        [_tool("pdfinfo"), str(path)], check=True, capture_output=True, text=True
    ).stdout
    return {
        k.strip(): v.strip()
        for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)
    }


def pdf_image_count(path: Path) -> int:
    out = subprocess.run(
        [_tool("pdfimages"), "-list", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return max(0, len(out.strip().splitlines()) - 2)  # two header lines


def pdf_page_text(path: Path, page: int) -> str:
    """The text of one page (1-based), as ``pdftotext -f N -l N`` reads it."""
    out = subprocess.run(
        [_tool("pdftotext"), "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.replace("\ufb01", "fi").replace("\ufb02", "fl")
