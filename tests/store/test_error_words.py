"""Every store error, word for word: its type, the path it names, its message and the short
reason the window shows next to the path. Real files and real faults; expected words written
out by hand from what the user should read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlorg_desktop.domain.assessment import AssessmentError
from mlorg_desktop.store import (
    AssessmentStore,
    StoreDamagedError,
    StoreError,
    StoreNewerError,
    StoreWriteError,
)
from mlorg_desktop.store.repository import _write_error
from tests.fault_tools import immutable_folder
from tests.store.test_store import _assessment


def _open_error(store_path: Path, knowledge, content: bytes) -> StoreError:
    store_path.parent.mkdir(parents=True, exist_ok=True)
    store_path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        AssessmentStore(store_path, knowledge.bank)
    return caught.value


def test_error_keeps_its_path_and_falls_back_to_the_message_for_the_reason(tmp_path):
    path = tmp_path / "a.json"
    plain = StoreWriteError(path, "the whole message")
    assert (plain.path, plain.reason, str(plain)) == (
        path,
        "the whole message",
        "the whole message",
    )
    short = StoreDamagedError(path, "the whole message", "the cause")
    assert (short.path, short.reason, str(short)) == (path, "the cause", "the whole message")


def test_not_json_names_the_file_and_the_parser_error(store_path, knowledge):
    error = _open_error(store_path, knowledge, b"this is not json")
    assert type(error) is StoreDamagedError
    assert error.path == store_path
    assert (
        str(error)
        == f"{store_path} is not a valid store: Expecting value: line 1 column 1 (char 0)"
    )
    assert error.reason == "it is not a valid store (Expecting value: line 1 column 1 (char 0))"


@pytest.mark.parametrize(
    "document",
    [
        {"assessments": []},
        {"assessments": {"first": {}}},
        {"assessments": {"1": "not a record"}},
        {"assessments": {"\u00b2": {}}},
    ],
    ids=[
        "a list",
        "a key that is not a number",
        "a record that is not an object",
        "a key of a digit that is not 0-9",
    ],
)
def test_a_malformed_table_is_named(store_path, knowledge, document):
    error = _open_error(store_path, knowledge, json.dumps(document).encode())
    assert type(error) is StoreDamagedError and error.path == store_path
    assert str(error) == f"{store_path}: table 'assessments' is malformed"
    assert error.reason == "its table 'assessments' is not a set of records"


def test_a_later_table_is_checked_too(store_path, knowledge):
    document = {"meta": {"1": {"schema_version": 3}}, "assessments": {"1": 5}}
    error = _open_error(store_path, knowledge, json.dumps(document).encode())
    assert error.reason == "its table 'assessments' is not a set of records"


def test_a_bad_schema_version_is_damage(store_path, knowledge):
    document = {"meta": {"1": {"schema_version": "three"}}, "assessments": {}}
    error = _open_error(store_path, knowledge, json.dumps(document).encode())
    assert type(error) is StoreDamagedError and error.path == store_path
    assert str(error) == f"{store_path}: schema_version 'three' is not a positive whole number"
    assert error.reason == "schema_version 'three' is not a positive whole number"


def test_a_record_that_fails_validation_says_which_and_why(store, store_path, knowledge):
    store.save(_assessment())
    store.close()
    raw = json.loads(store_path.read_text(encoding="utf-8"))
    raw["assessments"]["1"]["organization"] = ""
    error = _open_error(store_path, knowledge, json.dumps(raw).encode())
    assert type(error) is StoreDamagedError and error.path == store_path
    problem = "is required and must not be blank"
    assert error.reason == f"a record fails validation (organization: {problem})"
    assert str(error) == f"{store_path}: record 1: field 'organization': {problem}"


def test_a_file_that_cannot_be_read_is_not_called_damaged(store_path, knowledge):
    store_path.mkdir(parents=True)  # a folder where the file should be: reading it fails
    with pytest.raises(StoreError) as caught:
        AssessmentStore(store_path, knowledge.bank)
    error = caught.value
    assert type(error) is StoreError and error.path == store_path
    assert str(error) == f"{store_path} cannot be read: Is a directory"
    assert error.reason == "Is a directory"


def test_a_newer_store_is_read_only_and_says_why(store_path, knowledge):
    store_path.parent.mkdir(parents=True)
    store_path.write_text(json.dumps({"meta": {"1": {"schema_version": 9}}, "assessments": {}}))
    store = AssessmentStore(store_path, knowledge.bank)
    assert store.read_only is True
    error = store.read_only_error
    assert type(error) is StoreNewerError and error.path == store_path
    assert str(error) == (
        f"{store_path} was written by a newer version of MLOrg Desktop "
        "(store schema 9; this version knows 4). It is open read-only and will not be changed."
    )
    with pytest.raises(StoreNewerError) as caught:
        store.save(_assessment())
    assert caught.value is error
    with pytest.raises(StoreNewerError):
        store.import_many([_assessment()])
    assert json.loads(store_path.read_text())["assessments"] == {}


def test_opened_read_only_on_request_with_and_without_a_reason(store, store_path, knowledge):
    saved = store.save(_assessment())
    store.close()
    plain = AssessmentStore(store_path, knowledge.bank, read_only=True)
    assert str(plain.read_only_error) == f"{store_path} is open read-only."
    assert plain.read_only_error.path == store_path
    why = AssessmentStore(store_path, knowledge.bank, read_only=True, why_read_only="in use")
    assert str(why.read_only_error) == f"{store_path} is open read-only: in use"
    for attempt in (lambda: why.delete(saved.id), lambda: why.restore(saved)):
        with pytest.raises(StoreNewerError):
            attempt()
    assert saved.id in AssessmentStore(store_path, knowledge.bank)


def test_a_writable_store_has_no_read_only_error(store):
    assert store.read_only is False and store.read_only_error is None


def test_a_failed_save_names_the_cause_and_that_nothing_changed(store, store_path):
    store.save(_assessment())
    before = store_path.read_bytes()
    with immutable_folder(store_path.parent), pytest.raises(StoreWriteError) as caught:
        store.save(_assessment())
    error = caught.value
    assert error.path == store_path
    assert error.reason == "Operation not permitted"
    assert str(error) == (
        f"Could not save to {store_path}: Operation not permitted. Nothing on disk was changed."
    )
    assert store_path.read_bytes() == before and len(store) == 1


def test_a_failed_background_write_says_the_last_good_save_is_kept(store, store_path):
    store.save(_assessment())
    store.write_in_background()
    with immutable_folder(store_path.parent):
        store.save(_assessment())
        with pytest.raises(StoreWriteError) as caught:
            store.flush(timeout=30)
    error = caught.value
    assert error.path == store_path and error.reason == "Operation not permitted"
    assert str(error) == (
        f"Could not save to {store_path}: Operation not permitted. "
        "The last good save is still on disk."
    )
    assert store.pending is True
    assert store.retry_write() is True
    assert store.flush(timeout=30) is True and store.pending is False


def test_a_failed_upgrade_names_the_cause_and_keeps_the_old_file(store_path, knowledge):
    store_path.parent.mkdir(parents=True)
    record = {
        "id": "2b1f3c1e-5a0e-4d6b-9d0a-6a1e0f7f2c11",
        "organization": "Legacy GmbH",
        "team": "Forecasting",
        "date": "2024-05-06",
        "questionnaire": 1,
        "answers": {"q01": "q01b"},
    }
    v1 = {"assessments": {"1": record}}
    store_path.write_text(json.dumps(v1))
    with immutable_folder(store_path.parent), pytest.raises(StoreWriteError) as caught:
        AssessmentStore(store_path, knowledge.bank)
    error = caught.value
    message = f"Could not upgrade {store_path} to the current format: Operation not permitted"
    assert (error.path, str(error), error.reason) == (store_path, message, message)
    assert json.loads(store_path.read_text()) == v1
    assert list(store_path.parent.iterdir()) == [store_path]


def test_flush_without_background_writes_has_nothing_to_wait_for(store):
    store.save(_assessment())
    assert store.writer is None and store.pending is False
    assert store.flush() is True and store.flush(timeout=0) is True
    assert store.retry_write() is False


def test_an_os_error_without_a_strerror_still_gives_its_words(tmp_path):
    # What the background writer reports for an OSError raised with a message only.
    path = tmp_path / "a.json"
    error = _write_error(path, OSError("the disk went away"), "Nothing on disk was changed.")
    assert (error.path, error.reason) == (path, "the disk went away")
    assert (
        str(error) == f"Could not save to {path}: the disk went away. Nothing on disk was changed."
    )


def test_restore_refuses_an_invalid_assessment_and_names_it(store):
    bad = _assessment(organization="")
    with pytest.raises(AssessmentError) as caught:
        store.restore(bad)
    assert caught.value.where == f"assessment {bad.id}"
    assert str(caught.value).startswith(f"assessment {bad.id}: ")
    assert len(store) == 0


def test_a_restored_assessment_can_be_read_and_deleted_again(store, store_path, knowledge):
    saved = store.save(_assessment())
    removed = store.delete(saved.id)
    assert store.restore(removed) == saved
    assert store.get(saved.id) == saved and store.all() == [saved]
    assert store.delete(saved.id) == saved
    assert len(AssessmentStore(store_path, knowledge.bank)) == 0


def test_a_second_call_to_write_in_background_replaces_the_listener(store):
    store.save(_assessment())  # written at once: the meta table exists, one write per save
    first, second = [], []
    store.write_in_background(lambda sequence, error: first.append((sequence, error)))
    store.save(_assessment())
    assert store.flush(timeout=30)
    store.write_in_background(lambda sequence, error: second.append((sequence, error)))
    store.save(_assessment())
    assert store.flush(timeout=30)
    assert (first, second) == ([(1, None)], [(2, None)])
