"""The quick check used when opening the store agrees with the full validator on every input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlorg_desktop.domain.assessment import (
    AssessmentError,
    _quick,
    assessment_from_dict,
    assessment_to_dict,
)

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
            "not_applicable",
            "97CF1057-7986-508D-89E6-971DE866A120",
            "{97cf1057-7986-508d-89e6-971de866a120}",
        ]
    ),
)


@st.composite
def _records(draw, examples):
    record = assessment_to_dict(draw(st.sampled_from(examples)))
    fields = list(record)  # every stored field, fixed before any is deleted
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from([*fields, "answers.q01", "answers.zz"]))
        action = draw(st.sampled_from(["set", "delete", "long"]))
        target, key = (
            (record["answers"], name.split(".")[1])
            if name.startswith("answers.") and isinstance(record.get("answers"), dict)
            else (record, name)
        )
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
    for example in examples:
        assert _quick(assessment_to_dict(example), knowledge.bank) == example
