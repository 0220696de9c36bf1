"""The quick check used when opening the store agrees with the full validator on every input."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlorg_desktop.domain.assessment import (
    AssessmentError,
    assessment_from_dict,
    assessment_to_dict,
)
from mlorg_desktop.domain.scenario import Scenario
from mlorg_desktop.domain.stored_record import _quick

_JSON_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.sampled_from(
        [
            "",
            " ",
            "x\x01y",
            "2026-02-30",
            "2026-11-27",
            "2026-11-27T10:00:00Z",
            "q01",
            "q01a",
            "dont_know",
            "keep",
            "independent",
            "Keep",
            "q01d",
            "not_applicable",
            "97CF1057-7986-508D-89E6-971DE866A120",
            "{97cf1057-7986-508d-89e6-971de866a120}",
        ]
    ),
)


def _with_targets_and_scenarios(examples):
    """The demo records, and copies with a target and what-if scenarios (schema 4 fields)."""
    extra = []
    targets = ["keep", "independent", "ml_first", "rnd"]
    for index, example in enumerate(examples[:4]):
        answers = dict(example.answers)
        answers["q01"] = "q01d" if answers.get("q01") != "q01d" else "q01c"
        scenarios = tuple(
            Scenario(
                f"0d6a2b7c-1e2f-4a3b-8c4d-5e6f7a8b9c{n:02d}",
                f"What if {n}",
                answers,
                "2026-11-28T10:00:00Z",
                "2026-11-29T10:00:00Z",
            )
            for n in range(1 + index % 2)
        )
        extra.append(replace(example, target=targets[index], scenarios=scenarios))
    return extra


_SCENARIO_FIELDS = ["id", "name", "answers", "created_at", "updated_at", "extra"]


@st.composite
def _records(draw, examples):
    # Half the records carry a target and scenarios, and half the changes hit a scenario.
    extra = _with_targets_and_scenarios(examples)
    record = assessment_to_dict(draw(st.sampled_from(examples) | st.sampled_from(extra)))
    fields = list(record)  # every stored field, fixed before any is deleted
    scenario_names = [f"scenarios.{f}" for f in _SCENARIO_FIELDS]
    scenario_names += ["scenarios.answers.q01", "scenarios.answers.q02"]
    for _ in range(draw(st.integers(0, 3))):
        name = draw(
            st.sampled_from([*fields, "answers.q01", "answers.zz"])
            | st.sampled_from(scenario_names)
        )
        action = draw(st.sampled_from(["set", "delete", "long"]))
        target, key = record, name
        if name.startswith("answers.") and isinstance(record.get("answers"), dict):
            target, key = record["answers"], name.split(".")[1]
        elif name.startswith("scenarios."):
            scenarios = record.get("scenarios")
            if not (isinstance(scenarios, list) and scenarios and isinstance(scenarios[0], dict)):
                continue
            target, key = scenarios[0], name.split(".")[1]
            if key == "answers" and name.count(".") == 2:
                if not isinstance(target.get("answers"), dict):
                    continue
                target, key = target["answers"], name.split(".")[2]
        if action == "delete":
            target.pop(key, None)
        elif action == "long":
            target[key] = "y" * draw(st.sampled_from([200, 201, 20_000, 20_001]))
        else:
            target[key] = draw(
                st.one_of(_JSON_LEAF, st.dictionaries(st.text(max_size=4), _JSON_LEAF, max_size=2))
            )
    return record


def test_quick_and_full_agree(knowledge, examples):
    @settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_records(examples))
    def check(record):
        try:
            full = assessment_from_dict(record, knowledge.bank, "test")
        except AssessmentError:
            full = None
        quick = _quick(record, knowledge.bank)
        assert quick is None or quick == full  # quick never accepts more, nor differently

    check()


def test_quick_accepts_what_the_app_writes(knowledge, examples):
    for example in [*examples, *_with_targets_and_scenarios(examples)]:
        assert _quick(assessment_to_dict(example), knowledge.bank) == example
