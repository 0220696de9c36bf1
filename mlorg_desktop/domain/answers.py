"""What one answer can be: an option id, a special answer, or a "mainly X, partly Y" split.

A split lets a respondent describe a hybrid organization on the questions about structure
(where ML people sit, whom they report to, who owns data, who deploys and looks after models):
one option is true for most of the organization and another for a smaller part of it. In JSON
(the store, exchange files, the CLI) a split is ``{"mainly": "q01c", "partly": "q01d"}``; every
other answer is a plain string, exactly as in questionnaire version 1.
"""

from __future__ import annotations

from dataclasses import dataclass

DONT_KNOW = "dont_know"
NOT_APPLICABLE = "not_applicable"
SPECIAL_ANSWERS = (DONT_KNOW, NOT_APPLICABLE)
SPECIAL_LABELS = {DONT_KNOW: "Don't know", NOT_APPLICABLE: "Not applicable"}

# A respondent can tell us which part is larger, not by how much: "mainly" outweighs "partly".
MAINLY_SHARE = 2 / 3
PARTLY_SHARE = 1 / 3
SPLIT_KEYS = frozenset({"mainly", "partly"})


@dataclass(frozen=True)
class Split:
    """Two different options of one question: ``mainly`` true for most, ``partly`` for some."""

    mainly: str
    partly: str

    def to_json(self) -> dict[str, str]:
        return {"mainly": self.mainly, "partly": self.partly}


Answer = str | Split


def is_answered(answer: Answer | None) -> bool:
    """The one definition of "answered": an option or a split. Don't know and N/A are not."""
    return answer is not None and answer not in SPECIAL_ANSWERS


def answer_to_json(answer: Answer) -> str | dict[str, str]:
    return answer.to_json() if isinstance(answer, Split) else answer


def answer_from_json(value: object) -> Answer | None:
    """A stored or imported answer, or None when ``value`` has neither accepted shape.

    Whether the ids belong to the question is checked by ``Question.accepts``.
    """
    if type(value) is str:
        return value
    if type(value) is dict and value.keys() == SPLIT_KEYS:
        mainly, partly = value["mainly"], value["partly"]
        if type(mainly) is str and type(partly) is str:
            return Split(mainly, partly)
    return None


def shares(answer: Answer) -> tuple[tuple[str, float], ...]:
    """The option ids an answer stands for, with the share of evidence each one carries."""
    if isinstance(answer, Split):
        return ((answer.mainly, MAINLY_SHARE), (answer.partly, PARTLY_SHARE))
    return ((answer, 1.0),)
