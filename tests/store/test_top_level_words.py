"""A store whose JSON is not an object at the top: the words the user reads, by hand."""

from __future__ import annotations

import pytest

from mlorg_desktop.store import AssessmentStore, StoreDamagedError


@pytest.mark.parametrize("content", [b"[]", b'"assessments"', b"42"])
def test_a_top_level_that_is_not_an_object_is_named_in_the_error(store_path, knowledge, content):
    store_path.parent.mkdir(parents=True, exist_ok=True)
    store_path.write_bytes(content)
    with pytest.raises(StoreDamagedError) as caught:
        AssessmentStore(store_path, knowledge.bank)
    assert str(caught.value) == (
        f"{store_path} is not a valid store: the top level of the store is not a JSON object"
    )
    assert caught.value.reason == (
        "it is not a valid store (the top level of the store is not a JSON object)"
    )
