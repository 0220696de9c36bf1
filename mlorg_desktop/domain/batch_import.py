"""Importing many exchange files at once: each is read and validated on its own (a thin loop over
``exchange.read_exchange_file``), then every assessment of the accepted files goes to the store
in ONE write. A refused file is reported with its reason and changes nothing; it never blocks
the others. Folders stand for the ``.json`` files directly inside them.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass
from pathlib import Path

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.exchange import ExchangeError, read_exchange_file
from mlorg_desktop.domain.knowledge import Knowledge


@dataclass(frozen=True)
class FileRead:
    path: Path
    assessments: tuple[Assessment, ...]
    error: ExchangeError | None  # None: the file is valid


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    added: tuple[str, ...] = ()
    already_present: tuple[str, ...] = ()  # in the store, or in an earlier file of this batch
    error: str = ""  # why the file was refused; empty when it was accepted

    @property
    def refused(self) -> bool:
        return bool(self.error)

    def describe(self) -> str:
        """One line for the user: what happened to this file."""
        if self.refused:
            return f"{self.path.name}: refused — {self.error}"
        parts = [f"{len(self.added)} added"]
        if self.already_present:
            parts.append(f"{len(self.already_present)} already present (same id), left as they are")
        return f"{self.path.name}: " + ", ".join(parts)


@dataclass(frozen=True)
class ImportPlan:
    to_add: tuple[Assessment, ...]  # what the one store write adds, in file order
    outcomes: tuple[FileOutcome, ...]

    @property
    def refused(self) -> tuple[FileOutcome, ...]:
        return tuple(o for o in self.outcomes if o.refused)

    @property
    def accepted(self) -> tuple[FileOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.refused)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a folder becomes the ``.json`` files directly in it (sorted by name), or
    stays itself when it has none, so it is reported rather than silently skipped."""
    expanded: list[Path] = []
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            inside = sorted(
                (p for p in path.iterdir() if p.suffix.lower() == ".json" and p.is_file()),
                key=lambda p: p.name,
            )
            expanded.extend(inside or [path])
        else:
            expanded.append(path)
    return list(dict.fromkeys(expanded))


def read_files(paths: Iterable[Path], knowledge: Knowledge) -> list[FileRead]:
    reads = []
    for path in expand_paths(paths):
        if path.is_dir() and not path.is_symlink():
            error = ExchangeError(str(path), "(folder)", "holds no .json files")
            reads.append(FileRead(path, (), error))
            continue
        try:
            document = read_exchange_file(path, knowledge)
        except ExchangeError as exc:
            reads.append(FileRead(path, (), exc))
        else:
            reads.append(FileRead(path, document.assessments, None))
    return reads


def plan_import(reads: Iterable[FileRead], known: Container[str]) -> ImportPlan:
    """What to add, and per file what was added, already present or refused (and why)."""
    seen: set[str] = set()
    to_add: list[Assessment] = []
    outcomes = []
    for read in reads:
        if read.error is not None:
            problem = f"{read.error.field}: {read.error.problem}"
            if read.error.where != str(read.path):  # name the record when it is one
                problem = f"{read.error.where.removeprefix(str(read.path) + ': ')}, {problem}"
            outcomes.append(FileOutcome(read.path, error=problem))
            continue
        added, present = [], []
        for a in read.assessments:
            if a.id in known or a.id in seen:
                present.append(a.id)
            else:
                seen.add(a.id)
                added.append(a.id)
                to_add.append(a)
        outcomes.append(FileOutcome(read.path, tuple(added), tuple(present)))
    return ImportPlan(tuple(to_add), tuple(outcomes))
