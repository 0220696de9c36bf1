"""How the schema version of a raw store document is read, and its refusals word for word."""

from __future__ import annotations

import pytest

from mlorg_desktop.store.schema import schema_version


def test_schema_version_one_is_accepted():
    raw = {"meta": {"1": {"schema_version": 1}}, "assessments": {}}
    assert schema_version(raw) == 1


def test_a_meta_table_that_is_not_an_object_is_refused():
    with pytest.raises(ValueError) as info:
        schema_version({"meta": ["schema_version"]})
    assert str(info.value) == "the meta table is not an object"


def test_a_meta_table_without_a_version_is_refused():
    with pytest.raises(ValueError) as info:
        schema_version({"meta": {"1": {"written_by": "someone"}}})
    assert str(info.value) == "the meta table has no schema_version"


def test_a_meta_record_that_is_only_text_is_skipped():
    with pytest.raises(ValueError) as info:
        schema_version({"meta": {"1": "schema_version"}})
    assert str(info.value) == "the meta table has no schema_version"
