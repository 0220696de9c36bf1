"""Validated once, then trusted (store.trust): a file this app wrote opens without re-checking
its records; any file changed behind the app's back is validated again, record by record."""

from __future__ import annotations

import json
import os
from dataclasses import replace

import pytest

from mlorg_desktop.domain.answers import Split
from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.scenario import Scenario
from mlorg_desktop.store import AssessmentStore, StoreDamagedError, repository
from mlorg_desktop.store.schema import CURRENT_SCHEMA
from mlorg_desktop.store.trust import note_path

ORG = "Harbour Freight Logistics"


@pytest.fixture
def validations(monkeypatch):
    """How many records the store validated (the real validator, counted)."""
    calls: list[str] = []
    real = repository.checked_stored_assessment

    def counted(record, bank, where):
        calls.append(where)
        return real(record, bank, where)

    monkeypatch.setattr(repository, "checked_stored_assessment", counted)
    return calls


def _split_assessment(knowledge) -> Assessment:
    """A split answer, a target and a what-if scenario (with a split of its own)."""
    latest = knowledge.bank.latest
    question = next(q for q in latest.questions() if q.allow_split)
    first, second = (o.id for o in list(question.options)[:2])
    what_if = Scenario(
        id="0d1c2b3a-4f5e-4a7b-8c9d-0e1f2a3b4c5d",
        name="Central platform team",
        answers={question.id: Split(second, first), "q02": "dont_know"},
        created_at="2026-10-02T08:00:00Z",
        updated_at="2026-10-02T08:30:00Z",
    )
    return Assessment(
        id="5b0c6f43-2a52-4f7e-9d52-2f8d0b7c1a10",
        organization="Split Answers Ltd",
        questionnaire_version=latest.version,
        answers={question.id: Split(first, second), "q02": "dont_know"},
        assessed_on="2026-10-01",
        target=knowledge.catalog.archetypes[-1].id,
        scenarios=(what_if,),
    )


def _saved_store(store_path, knowledge, examples) -> list[Assessment]:
    store_path.parent.mkdir(parents=True, exist_ok=True)
    store = AssessmentStore(store_path, knowledge.bank)
    store.import_many([*examples, _split_assessment(knowledge)])
    everything = store.all()
    store.close()
    return everything


def _edit_behind_the_back(path, old: bytes, new: bytes) -> None:
    """Change the file's bytes but keep its size and modification time, as a careful tool
    (or a copy with preserved times) would: only the checksum can tell."""
    assert len(old) == len(new)
    before = os.stat(path)
    content = path.read_bytes()
    assert content.count(old) >= 1
    path.write_bytes(content.replace(old, new, 1))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size


def test_a_file_the_app_wrote_opens_without_validation_and_reads_the_same(
    store_path, knowledge, examples, validations
):
    written = _saved_store(store_path, knowledge, examples)
    assert note_path(store_path).is_file()
    trusted = AssessmentStore(store_path, knowledge.bank, read_only=True)
    assert validations == []
    assert trusted.all() == written
    split = trusted.get(_split_assessment(knowledge).id)
    assert any(isinstance(a, Split) for a in split.answers.values())
    assert split.target and split.scenarios[0].name == "Central platform team"
    assert isinstance(split.scenarios[0].answers[next(iter(split.answers))], Split)
    # The same file validated record by record gives the very same assessments.
    note_path(store_path).unlink()
    assert AssessmentStore(store_path, knowledge.bank, read_only=True).all() == written
    assert len(validations) == len(written)


def test_a_valid_but_different_record_written_behind_the_back_is_noticed(
    store_path, knowledge, examples, validations
):
    written = _saved_store(store_path, knowledge, examples)
    _edit_behind_the_back(store_path, ORG.encode(), b"Harbour Freight Logistica")
    reopened = AssessmentStore(store_path, knowledge.bank)
    assert len(validations) == len(written)  # every record checked again
    organizations = {a.organization for a in reopened.all()}
    assert "Harbour Freight Logistica" in organizations and ORG not in organizations
    reopened.close()
    # It passed, so it is sealed in turn: the next open trusts it.
    validations.clear()
    again = AssessmentStore(store_path, knowledge.bank, read_only=True)
    assert validations == [] and again.all() == reopened.all()


def test_an_invalid_record_written_behind_the_back_is_refused(
    store_path, knowledge, examples, validations
):
    _saved_store(store_path, knowledge, examples)
    # Same size and time; a questionnaire version this app never shipped.
    _edit_behind_the_back(store_path, b'"questionnaire_version":1', b'"questionnaire_version":7')
    with pytest.raises(StoreDamagedError, match="questionnaire_version"):
        AssessmentStore(store_path, knowledge.bank, read_only=True)
    assert validations  # it was looked at, not trusted


def test_a_note_for_other_questionnaires_or_another_file_is_not_trusted(
    store_path, knowledge, examples, validations
):
    written = _saved_store(store_path, knowledge, examples)
    note = note_path(store_path)
    sealed = json.loads(note.read_text())
    for field, value in (("questionnaires", "0" * 64), ("size", sealed["size"] + 1)):
        note.write_text(json.dumps({**sealed, field: value}))
        validations.clear()
        assert AssessmentStore(store_path, knowledge.bank, read_only=True).all() == written
        assert len(validations) == len(written), field
    note.write_text("{ torn")
    validations.clear()
    AssessmentStore(store_path, knowledge.bank, read_only=True)
    assert len(validations) == len(written)


def test_read_only_opens_leave_no_note(store_path, knowledge, examples):
    _saved_store(store_path, knowledge, examples)
    note_path(store_path).unlink()
    AssessmentStore(store_path, knowledge.bank, read_only=True)
    assert not note_path(store_path).exists()


def test_background_saves_are_sealed(store_path, knowledge, examples, validations):
    _saved_store(store_path, knowledge, examples)
    store = AssessmentStore(store_path, knowledge.bank)
    store.write_in_background()
    changed = store.save(replace(store.all()[0], notes="changed in the background"))
    store.flush()
    store.close()
    validations.clear()
    reopened = AssessmentStore(store_path, knowledge.bank, read_only=True)
    assert validations == [] and reopened.get(changed.id) == changed


def test_a_file_with_records_the_app_would_write_differently_is_never_sealed(
    store_path, knowledge, validations
):
    """An upper-case id is read as the canonical one: rebuilding it unchecked would differ, so
    such a file is validated on every open, before and after a save."""
    store_path.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "id": "97CF1057-7986-508D-89E6-971DE866A120",
        "organization": "Quanta Labs",
        "unit": "",
        "respondent": "",
        "role": "",
        "assessed_on": "2026-11-01",
        "notes": "",
        "questionnaire_version": 1,
        "answers": {"q01": "q01a"},
        "created_at": "2026-11-01T09:00:00Z",
        "updated_at": "2026-11-01T09:00:00Z",
        "round": "",
    }
    record.update(target="", scenarios=[])
    doc = {"meta": {"1": {"schema_version": CURRENT_SCHEMA}}, "assessments": {"1": record}}
    store_path.write_text(json.dumps(doc), encoding="utf-8")
    store = AssessmentStore(store_path, knowledge.bank)
    assert not note_path(store_path).exists()
    store.save(_split_assessment(knowledge))
    store.close()
    assert not note_path(store_path).exists()
    validations.clear()
    reopened = AssessmentStore(store_path, knowledge.bank, read_only=True)
    assert len(validations) == 2
    assert reopened.get("97cf1057-7986-508d-89e6-971de866a120").organization == "Quanta Labs"
