"""What the trust note says, field by field, and what happens when it cannot be written.

The note outlives the build that wrote it: the next start (or the next release, reading the same
data folder) trusts the file only if the note's store schema and questionnaire fingerprint are
the very ones it computes. So both are pinned here to values written out by hand."""

from __future__ import annotations

import hashlib
import json
import logging

from mlorg_desktop.domain.questionnaire import QuestionBank, load_questionnaire
from mlorg_desktop.store import AssessmentStore, repository
from mlorg_desktop.store.trust import bank_fingerprint, note_path
from tests.store.test_store import _assessment


def test_the_note_names_store_schema_4_and_a_note_of_schema_3_is_not_trusted(
    store, store_path, knowledge, monkeypatch
):
    saved = store.save(_assessment(organization="Quanta Labs"))
    store.close()
    note = json.loads(note_path(store_path).read_bytes())
    assert note["format"] == 1 and note["schema"] == 4
    # The same note for an older store schema does not vouch for this file: it is validated.
    note_path(store_path).write_text(json.dumps({**note, "schema": 3}))
    validated: list[str] = []
    real = repository.checked_stored_assessment

    def counted(record, bank, where):
        validated.append(where)
        return real(record, bank, where)

    monkeypatch.setattr(repository, "checked_stored_assessment", counted)
    reopened = AssessmentStore(store_path, knowledge.bank, read_only=True)
    assert reopened.get(saved.id).organization == "Quanta Labs"
    assert validated == [f"{store_path}: record 1"]


def _question(qid: str, *, split: bool, not_applicable: bool) -> dict[str, object]:
    return {
        "id": qid,
        "text": f"{qid}?",
        "allow_split": split,
        "allow_not_applicable": not_applicable,
        "options": [
            {"id": f"{qid}a", "text": "A", "evidence": {"nascent": 1}, "positions": {}},
            {"id": f"{qid}b", "text": "B", "evidence": {"rnd": 1}, "positions": {}},
        ],
    }


def test_the_questionnaire_fingerprint_is_the_checksum_of_compact_json(tmp_path, knowledge):
    doc = {
        "version": 7,
        "title": "Two questions",
        "instructions": "For tests.",
        "naming": {"rule": "robust_lead", "floor": 0.5},
        "sections": [
            {
                "id": "s",
                "title": "S",
                "intro": "S.",
                "questions": [
                    _question("q1", split=True, not_applicable=False),
                    _question("q2", split=False, not_applicable=True),
                ],
            }
        ],
    }
    path = tmp_path / "questionnaire-v7.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    bank = QuestionBank(versions={7: load_questionnaire(path, knowledge.catalog)})
    # Per version: each question's accepted answers, then those of the questions taking a split;
    # sorted, without spaces.
    shape = (
        b'{"7":[[["q1",["dont_know","q1a","q1b"]],["q2",["dont_know","not_applicable","q2a",'
        b'"q2b"]]],[["q1",["q1a","q1b"]]]]}'
    )
    assert bank_fingerprint(bank) == hashlib.blake2b(shape, digest_size=32).hexdigest()


def test_a_note_that_cannot_be_written_is_logged_and_the_save_stands(
    store, store_path, knowledge, caplog
):
    store.save(_assessment(organization="Acme Analytics"))
    note_path(store_path).unlink()
    note_path(store_path).mkdir()  # a folder where the note should go: replacing it fails
    with caplog.at_level(logging.INFO, logger="mlorg_desktop.store.trust"):
        saved = store.save(_assessment(organization="Quanta Labs"))  # one write, one note
    assert [r.getMessage() for r in caplog.records] == [
        "could not write the store's trust note: Is a directory"
    ]
    store.close()
    assert AssessmentStore(store_path, knowledge.bank).get(saved.id) == saved
