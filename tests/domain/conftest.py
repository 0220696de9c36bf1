"""Fixtures shared by the domain tests."""

from __future__ import annotations

import json

import pytest

from mlorg_desktop.domain.questionnaire import load_questionnaire
from tests.domain.test_naming import _question


@pytest.fixture(scope="module")
def tiny(tmp_path_factory, knowledge):
    doc = {
        "version": 7,
        "title": "Tiny",
        "instructions": "For tests.",
        "naming": {"rule": "robust_lead", "floor": 0.4},
        "sections": [
            {
                "id": "s",
                "title": "S",
                "intro": "S.",
                "questions": [_question(n) for n in range(1, 7)],
            }
        ],
    }
    path = tmp_path_factory.mktemp("q") / "questionnaire-v7.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return load_questionnaire(path, knowledge.catalog)
