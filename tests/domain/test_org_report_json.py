"""The ``org --json`` document of a small record worked out by hand: coverage, the role split's
differing questions and the fit change between two rounds."""

from __future__ import annotations

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.org_report import read_record, record_json
from mlorg_desktop.domain.rounds import organizations


def _person(number: int, day: str, role: str, answers: dict[str, str]) -> Assessment:
    return Assessment(
        id=f"00000000-0000-4000-8000-00000000000{number}",
        organization="Acme",
        questionnaire_version=2,
        answers=answers,
        role=role,
        respondent=f"Person {number}",
        assessed_on=day,
    )


PEOPLE = [
    # January: a leader and a practitioner, apart on q01 (Embedded / Independent).
    _person(1, "2026-01-10", "Head of Data", {"q01": "q01c", "q13": "q13c"}),
    _person(2, "2026-01-10", "ML engineer", {"q01": "q01d", "q13": "q13c"}),
    # May, more than 60 days later: one respondent, all Embedded.
    _person(3, "2026-05-10", "", {"q01": "q01c", "q13": "q13c", "q19": "q19b"}),
]


def test_record_json_of_two_rounds_and_a_role_split(knowledge):
    (record,) = organizations(PEOPLE)
    doc = record_json(read_record(record, knowledge))
    january, may = doc["rounds"]
    # January: q01 half Embedded, half Independent (1.5 each of 3), q13 Embedded 3 of 3;
    # 4 real answers out of 2 x 27.
    assert january["combined"]["fits"] == {
        "nascent": 0.0,
        "rnd": 0.0,
        "embedded": 75.0,
        "independent": 25.0,
        "ml_first": 0.0,
    }
    assert january["combined"]["coverage"] == 0.0741  # 4 / 54
    assert may["combined"]["coverage"] == 0.1111  # 3 / 27
    assert may["by_role"] is None  # one respondent, no role
    split = january["by_role"]
    assert split["differing_questions"] == ["q01"]
    assert set(split) == {"leadership", "practitioners", "differing_questions"}
    assert split["leadership"]["respondents"] == 1
    assert split["leadership"]["coverage"] == 0.0741  # 2 / 27
    assert split["practitioners"]["fits"]["independent"] == 50.0  # 3 of 6
    # May: Embedded 9 of 9; the trend is May minus January.
    (change,) = doc["trend"]
    assert (change["from"], change["to"]) == ("2026-01-10", "2026-05-10")
    assert change["fit_change"] == {
        "nascent": 0.0,
        "rnd": 0.0,
        "embedded": 25.0,
        "independent": -25.0,
        "ml_first": 0.0,
    }
    # q01's tie in January goes to the option listed first (q01c), so only q19 changed.
    assert change["answers_changed"] == [{"question_id": "q19", "before": None, "after": "q19b"}]
