"""Which files record_lines accepts as being in the one-record-per-line layout."""

from __future__ import annotations

from mlorg_desktop.store.layout import record_lines


def test_the_layout_gives_each_record_line_with_a_comma():
    raw = b'{\n"assessments":{\n"1":{"a":1},\n"2":{"b":2}\n}\n}\n'
    assert record_lines(raw) == {"assessments": {"1": b'"1":{"a":1},', "2": b'"2":{"b":2},'}}


def test_a_table_written_on_one_line_is_another_layout():
    raw = b'{\n"meta":{"1":{"schema_version":2}}\n}\n'
    assert record_lines(raw) is None


def test_a_table_named_twice_is_another_layout():
    raw = b'{\n"a":{\n"1":{}\n},\n"a":{\n"2":{}\n}\n}\n'
    assert record_lines(raw) is None
