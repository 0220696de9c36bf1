"""The app's knowledge: the five archetypes and the three design dimensions, loaded from JSON."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from mlorg_desktop.domain.validation import DataError, Reader

ARCHETYPES_FILE = "archetypes.json"
DIMENSIONS_FILE = "dimensions.json"


class CatalogError(DataError):
    """The catalog on disk is missing, unreadable or incomplete."""


@dataclass(frozen=True)
class Dimension:
    id: str
    name: str
    short_name: str
    question: str
    low_label: str
    high_label: str
    low_meaning: str
    high_meaning: str


@dataclass(frozen=True)
class DimensionPlacement:
    """Where an archetype typically sits on one dimension; ``position`` is None when undecided."""

    position: float | None
    note: str


@dataclass(frozen=True)
class Archetype:
    id: str
    name: str
    short_name: str
    tagline: str
    what_it_is: str
    organization: str
    reports_to: str
    strengths: tuple[str, ...]
    weaknesses: tuple[str, ...]
    typical_organizations: tuple[str, ...]
    roles: tuple[str, ...]
    placements: dict[str, DimensionPlacement]

    def reference_position(self, dimension_id: str) -> float | None:
        placement = self.placements.get(dimension_id)
        return placement.position if placement else None


@dataclass(frozen=True)
class Catalog:
    archetypes: tuple[Archetype, ...]
    dimensions: tuple[Dimension, ...]
    no_best_archetype: str

    def archetype(self, archetype_id: str) -> Archetype:
        for archetype in self.archetypes:
            if archetype.id == archetype_id:
                return archetype
        raise KeyError(archetype_id)

    def dimension(self, dimension_id: str) -> Dimension:
        for dimension in self.dimensions:
            if dimension.id == dimension_id:
                return dimension
        raise KeyError(dimension_id)

    @functools.cached_property  # asked once per option while questionnaires load
    def archetype_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.archetypes)

    @functools.cached_property
    def dimension_ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.dimensions)


def read_json_file(path: Path, error: type[DataError] = DataError) -> object:
    """Parse a UTF-8 JSON file, turning every failure into ``error`` naming the file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(str(path), "(file)", "the file does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(str(path), "(file)", f"cannot be read: {exc}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(
            str(path),
            "(file)",
            f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
        ) from None


def load_catalog(folder: Path) -> Catalog:
    """Load and validate ``archetypes.json`` and ``dimensions.json`` from ``folder``."""
    dims_path = folder / DIMENSIONS_FILE
    dims_doc = Reader(read_json_file(dims_path, CatalogError), str(dims_path))
    dimensions = tuple(_dimension(r) for r in dims_doc.objects("dimensions"))
    _check_unique(str(dims_path), "dimensions", [d.id for d in dimensions])

    arch_path = folder / ARCHETYPES_FILE
    arch_doc = Reader(read_json_file(arch_path, CatalogError), str(arch_path))
    try:
        archetypes = tuple(_archetype(r, dimensions) for r in arch_doc.objects("archetypes"))
        statement = arch_doc.text("no_best_archetype")
    except DataError as exc:
        raise CatalogError(exc.where, exc.field, exc.problem) from None
    _check_unique(str(arch_path), "archetypes", [a.id for a in archetypes])
    return Catalog(archetypes=archetypes, dimensions=dimensions, no_best_archetype=statement)


def _dimension(r: Reader) -> Dimension:
    try:
        return Dimension(
            id=r.text("id"),
            name=r.text("name"),
            short_name=r.text("short_name", max_length=20),
            question=r.text("question"),
            low_label=r.text("low_label"),
            high_label=r.text("high_label"),
            low_meaning=r.text("low_meaning"),
            high_meaning=r.text("high_meaning"),
        )
    except DataError as exc:
        raise CatalogError(exc.where, exc.field, exc.problem) from None


def _archetype(r: Reader, dimensions: tuple[Dimension, ...]) -> Archetype:
    placements_reader = r.child("dimensions")
    placements = {}
    for dimension in dimensions:
        p = placements_reader.child(dimension.id)
        placements[dimension.id] = DimensionPlacement(
            position=p.score("position", optional=True), note=p.text("note")
        )
    return Archetype(
        id=r.text("id"),
        name=r.text("name"),
        short_name=r.text("short_name", max_length=20),
        tagline=r.text("tagline"),
        what_it_is=r.text("what_it_is"),
        organization=r.text("organization"),
        reports_to=r.text("reports_to"),
        strengths=r.texts("strengths"),
        weaknesses=r.texts("weaknesses"),
        typical_organizations=r.texts("typical_organizations"),
        roles=r.texts("roles"),
        placements=placements,
    )


def _check_unique(where: str, field: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for index, item in enumerate(ids):
        if item in seen:
            raise CatalogError(where, f"{field}[{index}].id", f"duplicate id '{item}'")
        seen.add(item)
