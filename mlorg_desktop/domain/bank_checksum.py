"""A checksum of what a respondent saw: one questionnaire version's questions and answers.

A respondent form carries it, and so does every file the form saves; an import recomputes it
from the questionnaire version this app ships and refuses a file whose checksum differs (a form
edited by hand, or one made by an app with other wording). It covers ids, texts and the allowed
answers, not the evidence weights: those are how the app reads answers, not what was asked.
"""

from __future__ import annotations

import hashlib
import json

from mlorg_desktop.domain.questionnaire import Questionnaire

PREFIX = "sha256:"


def allows_split(question: object) -> bool:
    """Whether a question takes a mainly/partly answer (questionnaire v2 and later)."""
    # Read by name so this works before and after questionnaire v2's `allow_split` field.
    return bool(getattr(question, "allow_split", False))


def questionnaire_checksum(questionnaire: Questionnaire) -> str:
    content = {
        "version": questionnaire.version,
        "questions": [
            {
                "id": q.id,
                "text": q.text,
                "not_applicable": q.allow_not_applicable,
                "split": allows_split(q),
                "options": [[o.id, o.text] for o in q.options],
            }
            for q in questionnaire.questions()
        ],
    }
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return PREFIX + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
