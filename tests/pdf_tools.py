"""Reading PDFs back with poppler-utils, as a person checking the printout would."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} (poppler-utils) is required; .ci/run installs it")
    return path


def pdf_text(path: Path) -> str:
    out = subprocess.run(
        [_tool("pdftotext"), "-layout", str(path), "-"], check=True, capture_output=True, text=True
    )
    # The embedded fonts use typographic ligatures; read them back as plain letters.
    return out.stdout.replace("\ufb01", "fi").replace("\ufb02", "fl")


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
