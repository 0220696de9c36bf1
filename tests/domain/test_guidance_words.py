"""The dimension notes of the guidance, word for word, for a Nascent reading: Nascent
organizations have no typical position on any dimension, so a placed dimension says so and an
unplaced one asks for its questions."""

from __future__ import annotations


def test_notes_when_the_leader_has_no_typical_position(knowledge, examples):
    harbour = examples[0]  # Harbour Freight Logistics, read as Nascent / ad-hoc
    result = knowledge.score(harbour.questionnaire_version, harbour.answers)
    assert result.leader == "nascent"
    guidance = knowledge.guidance(harbour.questionnaire_version, result)
    assert [
        (n.dimension_id, n.position, n.reference, n.text) for n in guidance.dimension_notes
    ] == [
        (
            "se_vs_research",
            None,
            None,
            "Software engineering vs research: not enough answers to place you. Answer the "
            "“Software engineering vs research” questions to see where you sit.",
        ),
        (
            "data_ownership",
            5.0,
            None,
            "Data ownership: you sit at 5. Nascent / ad-hoc organizations have usually not made "
            "this choice yet, so there is no typical position to compare with.",
        ),
        (
            "model_ownership",
            5.0,
            None,
            "Model ownership: you sit at 5. Nascent / ad-hoc organizations have usually not made "
            "this choice yet, so there is no typical position to compare with.",
        ),
    ]
