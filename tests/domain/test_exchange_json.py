"""The exchange file as text: people open it in an editor, so accents stay as themselves."""

from __future__ import annotations

import json

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.exchange import exchange_json


def test_an_exchange_file_keeps_accents_and_dashes_readable():
    cafe = Assessment(
        id="9d0c4a7e-2b1f-4c3d-8e5a-6f7b8c9d0e1f",
        organization="Café Nord",
        questionnaire_version=2,
        answers={"q01": "q01c"},
        notes="Daten gehören den Fachbereichen — noch",
    )
    text = exchange_json([cafe])
    assert '      "organization": "Café Nord",\n' in text
    assert '      "notes": "Daten gehören den Fachbereichen — noch",\n' in text
    assert "\\u" not in text
    assert text.endswith("}\n")
    assert json.loads(text)["assessments"][0]["organization"] == "Café Nord"
