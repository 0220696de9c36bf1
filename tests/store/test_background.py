"""The one-record-per-line layout and the background writer: saves in order, none lost on close,
failures reported with the last good file untouched, and only changed records re-encoded."""

from __future__ import annotations

import contextlib
import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlorg_desktop.store import AssessmentStore, StoreWriteError, layout
from mlorg_desktop.store.layout import record_lines
from tests.fault_tools import immutable_folder, release_when_close_waits


def _copies(examples, count, tag="u"):
    return [
        replace(
            examples[i % len(examples)], id=f"00000000-0000-4000-8000-{i:012d}", unit=f"{tag}{i}"
        )
        for i in range(count)
    ]


def _count_encodings(monkeypatch) -> list[str]:
    """Wrap the real per-record encoder to see which records a save encodes."""
    seen: list[str] = []
    real = layout._line

    def counting(key, record):
        seen.append(key)
        return real(key, record)

    monkeypatch.setattr(layout, "_line", counting)
    return seen


def test_file_has_one_record_per_line_and_is_plain_json(store, store_path, examples):
    store.import_many(examples)
    raw = store_path.read_bytes()
    lines = record_lines(raw)
    assert lines is not None and len(lines["assessments"]) == len(examples)
    parsed = json.loads(raw)
    for key, line in lines["assessments"].items():
        assert json.loads(b"{" + line.rstrip(b",") + b"}") == {key: parsed["assessments"][key]}


def test_a_save_after_reopening_encodes_only_the_changed_record(
    store, store_path, examples, knowledge, monkeypatch
):
    store.import_many(_copies(examples, 200))
    store.close()
    reopened = AssessmentStore(store_path, knowledge.bank)
    seen = _count_encodings(monkeypatch)
    target = reopened.all()[17]
    reopened.save(replace(target, notes="changed in place"))
    assert len(seen) == 1  # the other 199 lines came from the file as it was read
    reopened.close()
    again = AssessmentStore(store_path, knowledge.bank)
    assert again.get(target.id).notes == "changed in place" and len(again) == 200


def test_a_file_in_another_layout_is_rewritten_whole_once(
    store, store_path, examples, knowledge, monkeypatch
):
    store.import_many(examples)
    store.close()
    compact = json.dumps(json.loads(store_path.read_bytes()), indent=2).encode()
    store_path.write_bytes(compact)
    assert record_lines(compact) is None
    reopened = AssessmentStore(store_path, knowledge.bank)
    seen = _count_encodings(monkeypatch)
    reopened.save(replace(examples[0], notes="one"))
    assert len(seen) == len(examples) + 1  # every record, and the meta record
    seen.clear()
    reopened.save(replace(examples[1], notes="two"))
    assert len(seen) == 1
    assert record_lines(store_path.read_bytes()) is not None


@pytest.mark.parametrize(
    "raw",
    [
        b'{"assessments":{"1":{"a":1}}}',
        b'{\n"assessments":{\n"x":{"a":1}\n}\n}\n',
        b'{\n"assessments":{\n"1":{"a":1}\n',
        b'{\n"assessments":{\n  "1":{"a":1}\n}\n}\n',
    ],
    ids=["one line", "non-numeric key", "unclosed", "indented"],
)
def test_other_layouts_are_not_mistaken_for_ours(raw):
    assert record_lines(raw) is None


@pytest.mark.parametrize(
    "raw",
    [
        b'{"assessments":{"1":{"a":1},"2":{"b":2}}}',
        b'{\n"assessments":{\n"1":{"a":1},"2":{"b":2}\n}\n}\n',
        b'{\n"assessments":{\n"1":{"a":1},\n"2":{"b":2}\n}\n}\n',
        b'{\n"assessments":{\n  "1":{"a":1},\n  "2":{"b":2}\n}\n}\n',
        b'{\n"assessments":{\n"1":{"a":1},\n"2":{"b":2}\n},\n"meta":{\n"1":{"v":2}\n}\n}\n',
    ],
    ids=["one line", "two records on a line", "ours", "indented", "ours with meta"],
)
def test_a_file_opened_in_any_layout_saves_exactly_its_records(raw):
    """Seeding the cache from the file never changes what the next save writes: the bytes
    are those of encoding every record afresh."""
    parsed = json.loads(raw)
    seeded = layout.RecordCache()
    seeded.adopt(raw, parsed)
    assert seeded.encode(parsed) == layout.RecordCache().encode(parsed)
    assert json.loads(seeded.encode(parsed)) == parsed


_OPS = st.lists(
    st.tuples(st.sampled_from(["save", "update", "delete", "restore"]), st.integers(0, 7)),
    max_size=25,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=_OPS, background=st.booleans())
def test_any_sequence_of_changes_reads_back_exactly(
    tmp_path_factory, knowledge, examples, ops, background
):
    """The cached-line encoding always writes what is in memory, in either write mode."""
    path = tmp_path_factory.mktemp("seq") / "assessments.json"
    pool = _copies(examples, 8, "p")
    store = AssessmentStore(path, knowledge.bank)
    if background:
        store.write_in_background()
    deleted = {}
    for step, (op, index) in enumerate(ops):
        item = pool[index]
        if op == "save" or (op == "update" and item.id in store):
            store.save(replace(item, notes=f"step {step}"))
        elif op == "delete" and item.id in store:
            deleted[item.id] = store.delete(item.id)
        elif op == "restore" and item.id in deleted and item.id not in store:
            store.restore(deleted.pop(item.id))
        if step % 6 == 5:  # reopen now and then, so lines also come from the file
            expected = {a.id: a for a in store.all()}
            store.close()
            store = AssessmentStore(path, knowledge.bank)
            if background:
                store.write_in_background()
            assert {a.id: a for a in store.all()} == expected
    expected = {a.id: a for a in store.all()}
    store.close()
    assert {a.id: a for a in AssessmentStore(path, knowledge.bank).all()} == expected


def test_background_saves_land_in_order_and_the_newest_wins(store, store_path, examples, knowledge):
    written: list[int] = []
    store.write_in_background(lambda sequence, error: written.append(sequence))
    target = store.save(examples[0])
    assert store.flush()
    before = written[-1]
    with store.writer.held():
        for n in range(5):
            store.save(replace(target, notes=f"version {n}"))
        assert store.pending  # queued behind the hold, not yet on disk
        on_disk = AssessmentStore(store_path, knowledge.bank, read_only=True)
        assert on_disk.get(target.id).notes == examples[0].notes
    assert store.flush() and not store.pending
    assert written == sorted(written) and written[-1] == before + 5
    assert AssessmentStore(store_path, knowledge.bank, read_only=True).get(target.id).notes == (
        "version 4"
    )


def test_close_waits_for_a_pending_save(store, store_path, examples, knowledge):
    store.write_in_background()
    store.import_many(_copies(examples, 50))
    hold = contextlib.ExitStack()
    hold.enter_context(store.writer.held())
    store.save(replace(examples[0], notes="saved just before closing"))
    assert store.pending
    release_when_close_waits(store.writer, hold)
    store.close()  # returns only once the write is on disk
    assert not store.pending
    reopened = AssessmentStore(store_path, knowledge.bank)
    assert reopened.get(examples[0].id).notes == "saved just before closing"
    assert len(reopened) == 51


def test_failed_background_write_keeps_the_file_and_the_change(
    store, store_path, examples, knowledge
):
    errors: list[OSError | None] = []
    store.write_in_background(lambda sequence, error: errors.append(error))
    store.save(examples[0])
    store.flush()
    before = store_path.read_bytes()
    with immutable_folder(store_path.parent):
        store.save(examples[1])  # memory has it at once; the disk write fails on the worker
        with pytest.raises(StoreWriteError, match="last good save is still on disk"):
            store.flush()
        assert store_path.read_bytes() == before
        assert examples[1].id in store and store.pending
        assert errors[-1] is not None
    assert store.retry_write()
    assert store.flush() and not store.pending and errors[-1] is None
    assert len(AssessmentStore(store_path, knowledge.bank, read_only=True)) == 2
