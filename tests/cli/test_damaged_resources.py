"""A command started on damaged resources says which part is damaged, and where, word for word
(stderr, exit 1, nothing on stdout). In this process, so the resources can be a damaged copy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import mlorg_desktop.__main__ as entry


def _damaged_copy(resources: Path, tmp_path: Path, relative: str, damage) -> Path:
    copy = tmp_path / "resources"
    shutil.copytree(resources, copy)
    path = copy / relative
    doc = json.loads(path.read_text(encoding="utf-8"))
    damage(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return copy


def _twin_archetypes(doc: dict) -> None:
    doc["archetypes"][0]["id"] = "rnd"  # the second archetype's id


def _unknown_archetype_in_evidence(doc: dict) -> None:
    doc["sections"][0]["questions"][0]["options"][0]["evidence"] = {"wizards": 2}


def test_a_damaged_catalog_is_named_the_catalog(monkeypatch, capsys, resources, tmp_path):
    copy = _damaged_copy(resources, tmp_path, "catalog/archetypes.json", _twin_archetypes)
    monkeypatch.setattr(entry, "resources_dir", lambda: copy)
    assert entry.main(["list", "--data-dir", str(tmp_path / "data")]) == 1
    assert capsys.readouterr() == (
        "",
        "error: MLOrg Desktop cannot start: its catalog is damaged: "
        f"{copy / 'catalog' / 'archetypes.json'}: field 'archetypes[1].id': duplicate id 'rnd'\n",
    )
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("command", [["questionnaire"], ["list", "--json"]])
def test_a_damaged_questionnaire_is_named_the_resources(
    monkeypatch, capsys, resources, tmp_path, command
):
    copy = _damaged_copy(
        resources, tmp_path, "questionnaire/questionnaire-v2.json", _unknown_archetype_in_evidence
    )
    monkeypatch.setattr(entry, "resources_dir", lambda: copy)
    assert entry.main([*command, "--data-dir", str(tmp_path / "data")]) == 1
    assert capsys.readouterr() == (
        "",
        "error: MLOrg Desktop cannot start: its resources is damaged: "
        f"{copy / 'questionnaire' / 'questionnaire-v2.json'}: field "
        "'sections[0].questions[0].options[0].evidence.wizards': is not an archetype in the "
        "catalog\n",
    )
