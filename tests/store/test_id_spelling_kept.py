"""A store written before ids were canonical, holding one id in two spellings: each copy is
shown with the spelling it was stored with, whichever comes first in the file."""

from __future__ import annotations

from mlorg_desktop.store import AssessmentStore
from tests.store.test_legacy_ids import ID, _record, _write


def test_an_earlier_re_spelled_copy_keeps_its_spelling_when_the_canonical_one_follows(
    store_path, knowledge
):
    _write(store_path, [_record(ID.upper(), "First copy"), _record(ID, "Second copy")])
    store = AssessmentStore(store_path, knowledge.bank)
    try:
        shown = {a.id: a.organization for a in store.all()}
        assert shown == {
            "97cf1057-7986-508d-89e6-971de866a120": "Second copy",
            "97CF1057-7986-508D-89E6-971DE866A120": "First copy",
        }
        assert store.get("97CF1057-7986-508D-89E6-971DE866A120").id == (
            "97CF1057-7986-508D-89E6-971DE866A120"
        )
    finally:
        store.close()
