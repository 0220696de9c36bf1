"""The one locator for resources/, wherever the app runs from."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """Return the folder holding catalog, questionnaire, examples and icons.

    An installed wheel and the PyInstaller bundle both place the files at
    ``mlorg_desktop/_resources``; a source checkout keeps them in the top-level
    ``resources/`` beside the package. Those are the only two cases.
    """
    for candidate in (_PACKAGE_DIR / "_resources", _PACKAGE_DIR.parent / "resources"):
        if (candidate / "catalog").is_dir():
            return candidate
    raise FileNotFoundError(
        f"MLOrg Desktop cannot find its resources folder next to {_PACKAGE_DIR}; "
        "the installation is incomplete."
    )


def resource_path(*parts: str) -> Path:
    """Path of one file inside the resources folder."""
    return resources_dir().joinpath(*parts)
