"""update_many: several stored assessments rewritten in one write, all validated first."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mlorg_desktop.domain.assessment import AssessmentError
from mlorg_desktop.store import AssessmentStore


def test_targets_of_several_assessments_in_one_write(demo_store, store_path, knowledge):
    chosen = [a for a in demo_store.all() if a.organization == "Vantage Retail Group"][:4]
    untouched = {a.id: a for a in demo_store.all() if a not in chosen}
    writes = []
    original = demo_store._storage.write
    demo_store._storage.write = lambda data: (writes.append(1), original(data))[1]
    saved = demo_store.update_many([replace(a, target="ml_first") for a in chosen])
    demo_store._storage.write = original
    assert len(writes) == 1 and [a.id for a in saved] == [a.id for a in chosen]
    demo_store.close()
    again = AssessmentStore(store_path, knowledge.bank)
    for a in chosen:
        back = again.get(a.id)
        assert back.target == "ml_first" and back.answers == a.answers
    for a_id, before in untouched.items():
        assert again.get(a_id) == before
    again.close()


def test_one_bad_record_writes_nothing(demo_store, store_path, knowledge):
    first, second = demo_store.all()[:2]
    before = store_path.read_bytes()
    with pytest.raises(AssessmentError, match="target"):
        demo_store.update_many([replace(first, target="keep"), replace(second, target="bogus")])
    assert store_path.read_bytes() == before
    assert demo_store.get(first.id).target == ""
