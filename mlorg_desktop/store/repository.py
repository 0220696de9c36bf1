"""AssessmentStore: saved assessments in one tinydb file, validated on open, written atomically."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from mlorg_desktop.collector import collector_paused
from mlorg_desktop.domain.assessment import (
    Assessment,
    AssessmentError,
    assessment_to_dict,
    utc_now_iso,
    validate_fields,
)
from mlorg_desktop.domain.questionnaire import QuestionBank
from mlorg_desktop.domain.stored_record import checked_stored_assessment
from mlorg_desktop.store.atomic import AtomicJSONStorage
from mlorg_desktop.store.errors import (
    StoreDamagedError,
    StoreError,
    StoreNewerError,
    StoreWriteError,
)
from mlorg_desktop.store.schema import (
    ASSESSMENTS_TABLE,
    CURRENT_SCHEMA,
    META_TABLE,
    migrate,
    schema_version,
    with_schema,
)
from mlorg_desktop.store.trust import Trust, trusted_assessment
from mlorg_desktop.store.writer import BackgroundWriter, Listener


@dataclass(frozen=True)
class ImportReport:
    added: tuple[str, ...]
    already_present: tuple[str, ...]


class AssessmentStore:
    """The user's saved assessments. Every public write is one atomic file replacement."""

    def __init__(
        self, path: Path, bank: QuestionBank, *, read_only: bool = False, why_read_only: str = ""
    ) -> None:
        self.path = Path(path)
        self._bank = bank
        self.read_only = read_only
        self._storage = AtomicJSONStorage(self.path)
        self._writer: BackgroundWriter | None = None
        trust = Trust(self.path, bank, CURRENT_SCHEMA)
        self._storage.on_read = trust.inspect
        try:
            with collector_paused():
                raw = self._read_raw()
                version = self._schema_of(raw)
                trusted = raw is not None and version == CURRENT_SCHEMA and trust.holds()
                exact = self._load(raw, version, bank, trusted)
            if exact and not self.read_only:
                # Every record is exactly as the app writes it: the files it writes from now
                # on are sealed, and so is this one if it was validated just now.
                self._storage.on_written = trust.seal
                if raw is not None and version == CURRENT_SCHEMA and not trusted:
                    trust.seal_opened()
        finally:
            self._storage.on_read = None
            trust.done_opening()
        if raw is not None and version < CURRENT_SCHEMA and not read_only:
            self._write_migrated(version)
        self.read_only_error: StoreNewerError | None = None
        if read_only:
            self.read_only_error = StoreNewerError(
                self.path,
                f"{self.path} is open read-only: {why_read_only}"
                if why_read_only
                else f"{self.path} is open read-only.",
            )
        elif self.read_only:
            self.read_only_error = StoreNewerError(
                self.path,
                f"{self.path} was written by a newer version of MLOrg Desktop "
                f"(store schema {version}; this version knows {CURRENT_SCHEMA}). "
                "It is open read-only and will not be changed.",
            )

    def _load(
        self, raw: dict[str, Any] | None, version: int, bank: QuestionBank, trusted: bool
    ) -> bool:
        """Index the records; True when each is exactly what assessment_to_dict writes."""
        if version > CURRENT_SCHEMA:
            self.read_only = True
        elif raw is not None and version < CURRENT_SCHEMA:
            # Migrate in memory first: a file whose records fail validation is never rewritten.
            self._storage.hold(migrate(raw, version))
        self._db = TinyDB(storage=self._storage_factory)
        self._table = self._db.table(ASSESSMENTS_TABLE, cache_size=0)
        self._index: dict[str, tuple[int, Assessment]] = {}
        # The records as tinydb keeps them (keys already checked to be digits by _schema_of);
        # reading them directly skips a Document copy of each.
        records = (self._storage.read() or {}).get(ASSESSMENTS_TABLE, {})
        all_exact = True
        for key, record in records.items():
            if trusted:
                assessment = trusted_assessment(record)
            else:
                try:
                    assessment, exact = checked_stored_assessment(
                        record, bank, f"{self.path}: record {key}"
                    )
                except AssessmentError as exc:
                    raise StoreDamagedError(
                        self.path,
                        str(exc),
                        f"a record fails validation ({exc.field}: {exc.problem})",
                    ) from None
                all_exact = all_exact and exact
            if assessment.id in self._index:
                # Copies imported (before ids were canonical) under other spellings of one id:
                # the non-canonical copy keeps the spelling it was stored with, so the user
                # sees both and can delete one; no record is hidden in the file.
                all_exact = False
                earlier_key, earlier = self._index[assessment.id]
                if record.get("id") != assessment.id:
                    assessment = replace(assessment, id=str(record.get("id")))
                else:
                    spelled = str(records[str(earlier_key)].get("id"))
                    self._index[spelled] = (earlier_key, replace(earlier, id=spelled))
            self._index[assessment.id] = (int(key), assessment)
        return all_exact

    def _storage_factory(self) -> AtomicJSONStorage:
        return self._storage

    def _schema_of(self, raw: dict[str, Any] | None) -> int:
        """The schema version, after checking the document is tables of records at all."""
        if raw is None:
            return CURRENT_SCHEMA
        for name, table in raw.items():
            if not isinstance(table, dict) or not all(
                # ASCII digits only: "²".isdigit() is true, but tinydb's int(key) fails on it.
                isinstance(r, dict) and key.isascii() and key.isdigit()
                for key, r in table.items()
            ):
                raise StoreDamagedError(
                    self.path,
                    f"{self.path}: table '{name}' is malformed",
                    f"its table '{name}' is not a set of records",
                )
        try:
            return schema_version(raw)
        except ValueError as exc:
            raise StoreDamagedError(self.path, f"{self.path}: {exc}", str(exc)) from None

    def _read_raw(self) -> dict[str, Any] | None:
        try:
            return self._storage.read()
        except (UnicodeDecodeError, json.JSONDecodeError, ValueError, RecursionError) as exc:
            raise StoreDamagedError(
                self.path,
                f"{self.path} is not a valid store: {exc}",
                f"it is not a valid store ({exc})",
            ) from None
        except OSError as exc:
            # Not damage: the file may be fine and only this user may not read it. Moving it
            # aside or restoring a backup would be the wrong cure.
            raise StoreError(
                self.path, f"{self.path} cannot be read: {exc.strerror}", exc.strerror or ""
            ) from None

    def _write_migrated(self, version: int) -> None:
        backup = self.path.with_name(f"{self.path.name}.schema{version}.bak")
        migrated = self._storage.read()
        try:
            shutil.copy2(self.path, backup)
            self._storage.write(migrated or {})
        except OSError as exc:
            raise StoreWriteError(
                self.path, f"Could not upgrade {self.path} to the current format: {exc.strerror}"
            ) from None

    # Reading -------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, assessment_id: object) -> bool:
        return assessment_id in self._index

    def all(self) -> list[Assessment]:
        return [entry[1] for entry in self._index.values()]

    def get(self, assessment_id: str) -> Assessment:
        return self._index[assessment_id][1]

    # Writing -------------------------------------------------------------------------------

    def save(self, assessment: Assessment) -> Assessment:
        """Insert or update; returns the stored version with a fresh ``updated_at``."""
        self._check_writable()
        stored = replace(assessment, updated_at=utc_now_iso())
        validate_fields(stored, self._bank, f"assessment {assessment.id}")
        record = assessment_to_dict(stored)
        with self._writing():
            self._ensure_meta()
            if stored.id in self._index:
                doc_id = self._index[stored.id][0]
                self._storage.forget(ASSESSMENTS_TABLE, str(doc_id))  # tinydb updates in place
                self._table.update(record, doc_ids=[doc_id])
            else:
                doc_id = self._table.insert(record)
        self._index[stored.id] = (doc_id, stored)
        return stored

    def update_many(self, assessments: Iterable[Assessment]) -> list[Assessment]:
        """Update several stored assessments in one write (a round's target set on every
        respondent's assessment); all are validated before anything is written."""
        self._check_writable()
        now = utc_now_iso()
        stored = [replace(a, updated_at=now) for a in assessments]
        for a in stored:
            if a.id not in self._index:
                raise KeyError(a.id)
            validate_fields(a, self._bank, f"assessment {a.id}")
        if not stored:
            return []
        records = {a.id: assessment_to_dict(a) for a in stored}

        def rewrite(document: MutableMapping[str, Any]) -> None:
            record = records[document["id"]]
            document.clear()
            document.update(record)

        doc_ids = [self._index[a.id][0] for a in stored]
        with self._writing():
            self._ensure_meta()
            for doc_id in doc_ids:
                self._storage.forget(ASSESSMENTS_TABLE, str(doc_id))
            self._table.update(rewrite, doc_ids=doc_ids)
        for doc_id, a in zip(doc_ids, stored, strict=True):
            self._index[a.id] = (doc_id, a)
        return stored

    def delete(self, assessment_id: str) -> Assessment:
        """Remove one assessment and return it, so the caller can offer undo."""
        self._check_writable()
        doc_id, assessment = self._index[assessment_id]
        with self._writing():
            self._table.remove(doc_ids=[doc_id])
        del self._index[assessment_id]
        return assessment

    def restore(self, assessment: Assessment) -> Assessment:
        """Put back a deleted assessment exactly as it was (undo)."""
        self._check_writable()
        validate_fields(assessment, self._bank, f"assessment {assessment.id}")
        with self._writing():
            self._ensure_meta()
            doc_id = self._table.insert(assessment_to_dict(assessment))
        self._index[assessment.id] = (doc_id, assessment)
        return assessment

    def import_many(self, assessments: Iterable[Assessment]) -> ImportReport:
        """Add assessments in one write; ids already in the store are reported, not duplicated."""
        self._check_writable()
        items = list(assessments)
        new = [a for a in items if a.id not in self._index]
        present = tuple(a.id for a in items if a.id in self._index)
        for a in new:
            validate_fields(a, self._bank, f"assessment {a.id}")
        if new:
            with self._writing():
                self._ensure_meta()
                doc_ids = self._table.insert_multiple([assessment_to_dict(a) for a in new])
            for doc_id, a in zip(doc_ids, new, strict=True):
                self._index[a.id] = (doc_id, a)
        return ImportReport(added=tuple(a.id for a in new), already_present=present)

    # Background writes ----------------------------------------------------------------------

    def write_in_background(self, listener: Listener | None = None) -> None:
        """From now on a write changes memory at once and reaches the disk on a worker thread,
        in order. ``listener(sequence, error)`` runs on that thread after every attempt."""
        if self._writer is None:
            self._writer = BackgroundWriter(self.path, listener)
            self._storage.defer_to(self._writer)
        else:
            self._writer.listener = listener

    @property
    def pending(self) -> bool:
        """Whether a change is not yet safely on disk (being written, or its write failed)."""
        return self._writer is not None and self._writer.pending

    @property
    def writer(self) -> BackgroundWriter | None:
        return self._writer

    def flush(self, timeout: float | None = None) -> bool:
        """Wait for background writes; raises StoreWriteError if the newest one failed.
        False when ``timeout`` passed first."""
        if self._writer is None:
            return True
        if not self._writer.wait(timeout):
            return False
        error = self._writer.error
        if error is not None and self._writer.pending:
            raise _write_error(self.path, error, "The last good save is still on disk.")
        return True

    def retry_write(self) -> bool:
        """Try the failed background write again (it holds every change since the last good one)."""
        return self._writer is not None and self._writer.retry()

    def close(self) -> None:
        """Wait for background writes to finish, then let go of the file."""
        if self._writer is not None:
            self._writer.close()
        self._db.close()

    # Internals -----------------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.read_only_error is not None:
            raise self.read_only_error

    def _ensure_meta(self) -> None:
        raw = self._storage.read()
        if raw is None or META_TABLE not in raw:
            self._storage.write(with_schema(raw or {}, CURRENT_SCHEMA))

    def _writing(self) -> _WriteGuard:
        return _WriteGuard(self.path)


class _WriteGuard:
    """Turns OS errors during a write into StoreWriteError; the file on disk is unchanged."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> None:
        if isinstance(exc, OSError):
            raise _write_error(self.path, exc, "Nothing on disk was changed.") from exc


def _write_error(path: Path, exc: OSError, outcome: str) -> StoreWriteError:
    reason = exc.strerror or str(exc)
    return StoreWriteError(path, f"Could not save to {path}: {reason}. {outcome}", reason)
