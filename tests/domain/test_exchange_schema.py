"""The documented JSON Schema agrees with what the app writes and with the validator's rules."""

from __future__ import annotations

import json
from pathlib import Path

from mlorg_desktop.domain.exchange import FORMAT_NAME, FORMAT_VERSION, exchange_document

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "exchange-format.schema.json"


def test_schema_matches_the_written_documents(examples):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["properties"]["format"]["const"] == FORMAT_NAME
    assert schema["properties"]["format_version"]["const"] == FORMAT_VERSION
    item = schema["properties"]["assessments"]["items"]
    document = exchange_document(examples)
    for record in document["assessments"]:
        assert set(item["required"]) <= set(record)
        assert set(record) <= set(item["properties"])
