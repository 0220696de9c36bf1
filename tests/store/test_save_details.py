"""save and update_many: what lands in the file, the stamp they give, and how they refuse."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from mlorg_desktop.domain.assessment import AssessmentError
from mlorg_desktop.store import AssessmentStore

OLD_STAMP = "2001-02-03T04:05:06Z"


def test_saving_one_assessment_leaves_the_others_as_they_were(demo_store, store_path, knowledge):
    first, second = demo_store.all()[:2]
    demo_store.save(replace(first, target="ml_first"))
    demo_store.close()
    again = AssessmentStore(store_path, knowledge.bank)
    try:
        assert again.get(first.id).target == "ml_first"
        assert again.get(second.id) == second
        assert again.get(first.id).organization == first.organization
    finally:
        again.close()


def test_save_gives_a_fresh_updated_at_that_is_also_stored(demo_store, store_path, knowledge):
    first = demo_store.all()[0]
    saved = demo_store.save(replace(first, updated_at=OLD_STAMP))
    assert saved.updated_at != OLD_STAMP
    demo_store.close()
    again = AssessmentStore(store_path, knowledge.bank)
    try:
        assert again.get(first.id).updated_at == saved.updated_at
    finally:
        again.close()


def test_update_many_gives_a_fresh_updated_at(demo_store):
    first, second = demo_store.all()[:2]
    saved = demo_store.update_many(
        [replace(first, updated_at=OLD_STAMP), replace(second, updated_at=OLD_STAMP)]
    )
    assert [a.updated_at != OLD_STAMP for a in saved] == [True, True]
    assert demo_store.get(first.id).updated_at == saved[0].updated_at


def test_update_many_then_get_and_save_again(demo_store, store_path, knowledge):
    first = demo_store.all()[0]
    demo_store.update_many([replace(first, target="ml_first")])
    assert demo_store.get(first.id).target == "ml_first"
    demo_store.save(replace(demo_store.get(first.id), target=""))
    demo_store.close()
    again = AssessmentStore(store_path, knowledge.bank)
    try:
        assert again.get(first.id).target == ""
    finally:
        again.close()


def test_update_many_refuses_an_assessment_never_stored_by_its_id(demo_store):
    first = demo_store.all()[0]
    stranger = replace(first, id="00000000-0000-4000-8000-000000000000")
    with pytest.raises(KeyError) as info:
        demo_store.update_many([stranger])
    assert info.value.args == ("00000000-0000-4000-8000-000000000000",)


def test_a_refused_save_names_the_assessment(demo_store):
    first = demo_store.all()[0]
    with pytest.raises(AssessmentError) as info:
        demo_store.save(replace(first, target="bogus"))
    assert info.value.where == f"assessment {first.id}"


def test_a_refused_update_many_names_the_assessment(demo_store):
    first = demo_store.all()[0]
    with pytest.raises(AssessmentError) as info:
        demo_store.update_many([replace(first, target="bogus")])
    assert info.value.where == f"assessment {first.id}"


def test_saving_one_assessment_in_a_file_of_another_layout_leaves_the_others(
    demo_store, store_path, knowledge
):
    first, second = demo_store.all()[:2]
    demo_store.close()
    # As if edited by hand: the same JSON, indented, so no record line can be reused.
    store_path.write_text(json.dumps(json.loads(store_path.read_bytes()), indent=2))
    edited = AssessmentStore(store_path, knowledge.bank)
    edited.save(replace(first, target="ml_first"))
    edited.close()
    again = AssessmentStore(store_path, knowledge.bank)
    try:
        assert again.get(second.id) == second
        assert again.get(first.id).target == "ml_first"
    finally:
        again.close()
