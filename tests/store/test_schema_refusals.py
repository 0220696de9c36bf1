"""How the schema version of a raw store document is read, and its refusals word for word."""

from __future__ import annotations

import pytest

from mlorg_desktop.store.schema import migrate, schema_version


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


def test_v3_to_v4_keeps_a_target_and_scenarios_a_record_already_has():
    scenario = {"id": "s1", "name": "What if", "answers": {}}
    raw = {
        "assessments": {"1": {"id": "a1", "target": "ml_first", "scenarios": [scenario]}},
        "meta": {"1": {"schema_version": 3}},
    }
    assert migrate(raw, 3) == {
        "assessments": {"1": {"id": "a1", "target": "ml_first", "scenarios": [scenario]}},
        "meta": {"1": {"schema_version": 4}},
    }


def test_v3_to_v4_without_an_assessments_table_gives_an_empty_one():
    raw = {"meta": {"1": {"schema_version": 3}}}
    assert migrate(raw, 3) == {"assessments": {}, "meta": {"1": {"schema_version": 4}}}
