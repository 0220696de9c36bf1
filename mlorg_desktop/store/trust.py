"""Validated once, then trusted: a note beside the store naming the exact file this app wrote.

Opening a store validates every record (``domain.assessment.stored_assessment``), which at
10,000 records costs twice the JSON parse. Most opens read the very file this app wrote last
time, whose records were validated before they were written. The note (``.<store>.trust``, in
the store's folder) names that file by its size, ``st_mtime_ns`` and a BLAKE2b checksum of its
bytes, with the store schema and a fingerprint of the questionnaires the records were checked
against. On open the checksum of the bytes just read is computed on a helper thread while the
main thread parses them (hashlib releases the GIL); only when size, time, checksum, schema and
questionnaires all match are the records rebuilt without their checks (``trusted_assessment``).
Any other file — edited by hand or by a sync tool, restored, written by another version — is
validated record by record, and sealed anew once it passes.

The note is a cache: losing it, or a torn or stale one, costs one full validation and never
trusts the wrong bytes (the checksum is over the bytes themselves). So it is written with the
store's atomic writer but without fsync, after the store file itself is on disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import threading
from pathlib import Path
from typing import Any

from mlorg_desktop.domain.answers import Answer, Split
from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.questionnaire import QuestionBank
from mlorg_desktop.domain.scenario import Scenario
from mlorg_desktop.store.atomic import write_atomic

log = logging.getLogger(__name__)

NOTE_FORMAT = 1
_THREAD_FROM = 256 * 1024  # smaller files are hashed in line: a thread would cost more


def note_path(store_path: Path) -> Path:
    return store_path.with_name(f".{store_path.name}.trust")


def checksum(payload: bytes) -> str:
    return hashlib.blake2b(payload, digest_size=32).hexdigest()


def bank_fingerprint(bank: QuestionBank) -> str:
    """What a record was validated against: every version's accepted and splittable answers."""
    shape = {
        str(version): [
            sorted((q, sorted(options)) for q, options in bank.answer_sets[version].items()),
            sorted((q, sorted(options)) for q, options in bank.split_sets[version].items()),
        ]
        for version in sorted(bank.answer_sets)
    }
    return checksum(json.dumps(shape, separators=(",", ":")).encode())


class _Digest:
    """The checksum of ``raw``, computed on a helper thread when ``raw`` is large."""

    def __init__(self, raw: bytes) -> None:
        self._value: str | None = None
        self._thread: threading.Thread | None = None
        if len(raw) < _THREAD_FROM:
            self._value = checksum(raw)
        else:
            self._thread = threading.Thread(target=self._run, args=(raw,), daemon=True)
            self._thread.start()

    def _run(self, raw: bytes) -> None:
        self._value = checksum(raw)

    def value(self) -> str:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        assert self._value is not None
        return self._value


class Trust:
    """The note of one store file: read it on open, seal every file this app writes."""

    def __init__(self, store_path: Path, bank: QuestionBank, schema: int) -> None:
        self.path = note_path(store_path)
        self._schema = schema
        self._fingerprint = bank_fingerprint(bank)
        self._opened: tuple[os.stat_result, _Digest] | None = None

    def inspect(self, raw: bytes, stat: os.stat_result) -> None:
        """The store's bytes as just read (called before they are parsed)."""
        self._opened = (stat, _Digest(raw))

    def holds(self) -> bool:
        """Whether the bytes given to ``inspect`` are exactly a file this app sealed."""
        if self._opened is None:
            return False
        stat, digest = self._opened
        try:
            note = json.loads(self.path.read_bytes())
        except (OSError, ValueError, UnicodeDecodeError):
            return False
        return (
            isinstance(note, dict)
            and note.get("format") == NOTE_FORMAT
            and note.get("schema") == self._schema
            and note.get("questionnaires") == self._fingerprint
            and note.get("size") == stat.st_size
            and note.get("mtime_ns") == stat.st_mtime_ns
            and note.get("checksum") == digest.value()
        )

    def seal_opened(self) -> None:
        """The file given to ``inspect`` passed full validation: trust it from now on."""
        if self._opened is not None:
            stat, digest = self._opened
            self._write(stat, digest.value())

    def done_opening(self) -> None:
        if self._opened is not None:
            self._opened[1].value()  # never leave a thread behind
            self._opened = None

    def seal(self, payload: bytes, stat: os.stat_result) -> None:
        """``payload`` (validated records only) is now the store file, as ``stat`` describes."""
        self._write(stat, checksum(payload))

    def _write(self, stat: os.stat_result, digest: str) -> None:
        note = {
            "format": NOTE_FORMAT,
            "size": stat.st_size,
            "mtime_ns": stat.st_mtime_ns,
            "checksum": digest,
            "schema": self._schema,
            "questionnaires": self._fingerprint,
        }
        try:
            write_atomic(self.path, json.dumps(note).encode(), durable=False)
        except OSError as exc:
            # The old note names other bytes, so it can never vouch for this file.
            log.info("could not write the store's trust note: %s", exc.strerror or "error")
            with contextlib.suppress(OSError):
                self.path.unlink()


def trusted_assessment(record: dict[str, Any]) -> Assessment:
    """What stored_assessment returns for a record of a sealed file, without its checks.

    Only records exactly in the shape assessment_to_dict writes are ever sealed, so the fields
    are set directly (a frozen dataclass's __init__ costs about as much as parsing the JSON);
    tests/store/test_trust.py checks the result equals the validated one for every field.
    """
    assessment = object.__new__(Assessment)
    fields = assessment.__dict__
    fields.update(record)
    fields["answers"] = _answers(record["answers"])
    fields["scenarios"] = tuple(
        Scenario(
            id=s["id"],
            name=s["name"],
            answers=_answers(s["answers"]),
            created_at=s["created_at"],
            updated_at=s["updated_at"],
        )
        for s in record["scenarios"]
    )
    fields["scenario_name"] = ""  # only a throwaway what-if view has one; never stored
    return assessment


def _answers(answers: dict[str, Any]) -> dict[str, Answer]:
    if set(map(type, answers.values())) <= {str}:
        return answers.copy()
    return {q: v if type(v) is str else Split(v["mainly"], v["partly"]) for q, v in answers.items()}
