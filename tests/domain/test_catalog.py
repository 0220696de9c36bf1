"""The catalog loads, says what the issue requires, and bad catalogs fail naming file and field."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mlorg_desktop.domain.catalog import CatalogError, load_catalog
from mlorg_desktop.domain.knowledge import load_knowledge
from mlorg_desktop.domain.questionnaire import QuestionnaireError


def test_five_archetypes_and_three_dimensions(knowledge):
    catalog = knowledge.catalog
    assert catalog.archetype_ids == ("nascent", "rnd", "embedded", "independent", "ml_first")
    assert catalog.dimension_ids == ("se_vs_research", "data_ownership", "model_ownership")
    for archetype in catalog.archetypes:
        assert archetype.strengths and archetype.weaknesses and archetype.typical_organizations
        assert archetype.what_it_is and archetype.organization and archetype.reports_to
    assert "better" in catalog.no_best_archetype


def test_reference_profiles_follow_the_dimension_table(knowledge):
    catalog = knowledge.catalog
    nascent = catalog.archetype("nascent")
    assert all(nascent.reference_position(d) is None for d in catalog.dimension_ids)
    rnd, embedded = catalog.archetype("rnd"), catalog.archetype("embedded")
    # R&D is research first and owns neither data nor deployed models; Embedded is the reverse
    # on engineering and model ownership; ML-First owns the most data.
    assert rnd.reference_position("se_vs_research") < 30
    assert embedded.reference_position("se_vs_research") > 70
    assert embedded.reference_position("model_ownership") > rnd.reference_position(
        "model_ownership"
    )
    data = {a.id: a.reference_position("data_ownership") for a in catalog.archetypes[1:]}
    assert max(data, key=data.get) == "ml_first"
    typical = {a.id: " ".join(a.typical_organizations) for a in catalog.archetypes}
    assert "telecom" in typical["rnd"].lower()
    assert "financial" in typical["independent"].lower()
    assert "big tech" in typical["ml_first"].lower()


@pytest.fixture
def catalog_copy(tmp_path: Path, resources: Path) -> Path:
    target = tmp_path / "resources"
    shutil.copytree(resources, target)
    return target


def _edit(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


BAD_CATALOGS = [
    (
        "archetypes.json",
        lambda d: d["archetypes"][1].pop("strengths"),
        "archetypes[1].strengths",
        "is missing",
    ),
    (
        "archetypes.json",
        lambda d: d["archetypes"][0].__setitem__("name", 42),
        "archetypes[0].name",
        "expected text",
    ),
    (
        "archetypes.json",
        lambda d: d["archetypes"][2]["dimensions"]["data_ownership"].__setitem__("position", 140),
        "archetypes[2].dimensions.data_ownership.position",
        "between 0 and 100",
    ),
    (
        "archetypes.json",
        lambda d: d["archetypes"][3].__setitem__("id", "rnd"),
        "archetypes[3].id",
        "duplicate",
    ),
    (
        "archetypes.json",
        lambda d: d["archetypes"][4].__setitem__("weaknesses", []),
        "archetypes[4].weaknesses",
        "at least 1",
    ),
    (
        "dimensions.json",
        lambda d: d["dimensions"][0].__setitem__("low_label", "  "),
        "dimensions[0].low_label",
        "must not be empty",
    ),
    (
        "archetypes.json",
        lambda d: d["archetypes"][0]["dimensions"].pop("model_ownership"),
        "archetypes[0].dimensions.model_ownership",
        "is missing",
    ),
]


@pytest.mark.parametrize(("file", "change", "field", "problem"), BAD_CATALOGS)
def test_bad_catalog_names_file_and_field(catalog_copy, file, change, field, problem):
    _edit(catalog_copy / "catalog" / file, change)
    with pytest.raises(CatalogError) as caught:
        load_catalog(catalog_copy / "catalog")
    assert caught.value.field == field
    assert problem in caught.value.problem
    assert file in caught.value.where
    assert file in str(caught.value) and field in str(caught.value)


def test_catalog_that_is_not_json(catalog_copy):
    (catalog_copy / "catalog" / "dimensions.json").write_text("{ nope", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"dimensions\.json.*not valid JSON"):
        load_catalog(catalog_copy / "catalog")


def test_catalog_file_missing(catalog_copy):
    (catalog_copy / "catalog" / "archetypes.json").unlink()
    with pytest.raises(CatalogError, match="does not exist"):
        load_catalog(catalog_copy / "catalog")


def test_questionnaire_referring_to_unknown_archetype(catalog_copy):
    path = catalog_copy / "questionnaire" / "questionnaire-v1.json"
    _edit(
        path,
        lambda d: d["sections"][0]["questions"][0]["options"][0].__setitem__(
            "evidence", {"wizards": 2}
        ),
    )
    with pytest.raises(QuestionnaireError) as caught:
        load_knowledge(catalog_copy)
    assert caught.value.field == "sections[0].questions[0].options[0].evidence.wizards"


def test_cli_reports_bad_catalog_without_traceback(catalog_copy, monkeypatch, capsys):
    import mlorg_desktop.__main__ as entry

    _edit(
        catalog_copy / "catalog" / "archetypes.json", lambda d: d["archetypes"][1].pop("reports_to")
    )
    monkeypatch.setattr(entry, "resources_dir", lambda: catalog_copy)
    assert entry.main(["list", "--demo"]) == 1
    err = capsys.readouterr().err
    assert "archetypes.json" in err and "archetypes[1].reports_to" in err
    assert "Traceback" not in err


def test_unknown_ids_raise_key_error_naming_the_id(knowledge):
    for look_up, unknown in ((knowledge.catalog.archetype, "unicorn"),
                             (knowledge.catalog.dimension, "height")):  # fmt: skip
        with pytest.raises(KeyError) as caught:
            look_up(unknown)
        assert caught.value.args == (unknown,)


def test_loaded_fields_are_the_files(knowledge, resources):
    raw_dims = json.loads((resources / "catalog" / "dimensions.json").read_text("utf-8"))
    raw_arch = json.loads((resources / "catalog" / "archetypes.json").read_text("utf-8"))
    fields = ("short_name", "question", "low_meaning", "high_meaning")
    assert [tuple(getattr(d, f) for f in fields) for d in knowledge.catalog.dimensions] == [
        tuple(d[f] for f in fields) for d in raw_dims["dimensions"]
    ]
    assert [(a.short_name, a.roles) for a in knowledge.catalog.archetypes] == [
        (a["short_name"], tuple(a["roles"])) for a in raw_arch["archetypes"]
    ]


@pytest.mark.parametrize("file", ["archetypes.json", "dimensions.json"])
def test_a_short_name_may_have_20_characters_not_21(catalog_copy, file):
    key = file.removesuffix(".json")
    _edit(catalog_copy / "catalog" / file, lambda d: d[key][1].__setitem__("short_name", "x" * 20))
    assert len(getattr(load_catalog(catalog_copy / "catalog"), key)[1].short_name) == 20
    _edit(catalog_copy / "catalog" / file, lambda d: d[key][1].__setitem__("short_name", "y" * 21))
    with pytest.raises(CatalogError) as caught:
        load_catalog(catalog_copy / "catalog")
    path = catalog_copy / "catalog" / file
    assert str(caught.value) == (
        f"{path}: field '{key}[1].short_name': is 21 characters long; the limit is 20"
    )


def test_a_repeated_dimension_id_is_refused_word_for_word(catalog_copy):
    path = catalog_copy / "catalog" / "dimensions.json"
    _edit(path, lambda d: d["dimensions"][2].__setitem__("id", "data_ownership"))
    with pytest.raises(CatalogError) as caught:
        load_catalog(catalog_copy / "catalog")
    assert str(caught.value) == f"{path}: field 'dimensions[2].id': duplicate id 'data_ownership'"


def test_a_reference_position_of_100_is_kept_and_100_5_refused(catalog_copy):
    path = catalog_copy / "catalog" / "archetypes.json"
    at = ("archetypes", 2, "dimensions", "data_ownership")

    def position(value):
        return lambda d: d[at[0]][at[1]][at[2]][at[3]].__setitem__("position", value)

    _edit(path, position(100))
    catalog = load_catalog(catalog_copy / "catalog")
    assert catalog.archetypes[2].reference_position("data_ownership") == 100
    _edit(path, position(100.5))
    with pytest.raises(CatalogError) as caught:
        load_catalog(catalog_copy / "catalog")
    assert str(caught.value) == (
        f"{path}: field 'archetypes[2].dimensions.data_ownership.position': "
        "must be between 0 and 100, got 100.5"
    )
