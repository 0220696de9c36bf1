"""Loading the roadmap text: each malformed part is named, pairs are read, and version 1
borrows the lines of the version 2 options its answers carry over to."""

from __future__ import annotations

import json

import pytest

from mlorg_desktop.domain.roadmap_text import RoadmapTextError, load_roadmap_text


def _load(tmp_path, knowledge, versions):
    folder = tmp_path / "roadmap"
    folder.mkdir()
    doc = {"format": 1, "versions": versions, "weaknesses": {}}
    (folder / "roadmap-text.json").write_text(json.dumps(doc), encoding="utf-8")
    return load_roadmap_text(tmp_path, knowledge.bank, knowledge.answer_maps)


def _refusal(tmp_path, knowledge, versions):
    with pytest.raises(RoadmapTextError) as caught:
        _load(tmp_path, knowledge, versions)
    e = caught.value
    assert e.where == str(tmp_path / "roadmap" / "roadmap-text.json")
    return e.field, e.problem


def test_an_unknown_version_is_refused(tmp_path, knowledge):
    assert _refusal(tmp_path, knowledge, {"9": {"options": {}}}) == (
        "versions.9",
        "is not a questionnaire version",
    )


def test_options_that_are_not_an_object_are_refused(tmp_path, knowledge):
    assert _refusal(tmp_path, knowledge, {"2": {"options": ["q01a"]}}) == (
        "versions.2.options",
        "expected an object of texts",
    )


def test_an_outcome_naming_an_unknown_question_is_refused(tmp_path, knowledge):
    assert _refusal(tmp_path, knowledge, {"2": {"options": {}, "outcomes": ["q99"]}}) == (
        "versions.2.outcomes",
        "names an unknown question",
    )


def test_pairs_are_read_and_version_1_borrows_lines(tmp_path, knowledge):
    text = _load(
        tmp_path,
        knowledge,
        {
            "2": {
                "options": {"q05d": "Hire ML engineers into the central group."},
                "pairs": {"q01c>q01d": "Move the specialists into one central group."},
            }
        },
    )
    assert text.pairs[2] == {("q01c", "q01d"): "Move the specialists into one central group."}
    # v1 q04d carries over to v2 q05d (v1-to-v2.json); no other v2 option has a line here.
    assert text.lines[1] == {"q04d": "Hire ML engineers into the central group."}
