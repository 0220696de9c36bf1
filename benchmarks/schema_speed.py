"""Validating a 10,000-record exchange file with the published schema: fastjsonschema vs jsonschema.

Run: .venv/bin/python benchmarks/schema_speed.py  (jsonschema comes with the test extras).
Prints the best of 5 runs for each, and the whole import (parse + schema + meaning checks).
"""

from __future__ import annotations

import json
import time
import uuid

import fastjsonschema
import jsonschema

from mlorg_desktop.domain.exchange import parse_exchange_bytes
from mlorg_desktop.domain.exchange_schema import load_schema
from mlorg_desktop.domain.knowledge import load_knowledge
from mlorg_desktop.resources import resources_dir

COUNT = 10_000


def _document(knowledge) -> dict:
    questions = list(knowledge.bank.latest.questions())
    records = []
    for i in range(COUNT):
        records.append(
            {
                "id": str(uuid.UUID(int=i + 1)),
                "organization": f"Organization {i}",
                "unit": "Platform",
                "respondent": "A. Person",
                "role": "Head of ML",
                "assessed_on": "2026-11-01",
                "notes": "Some notes\nover two lines.",
                "questionnaire_version": 1,
                "answers": {q.id: q.options[i % len(q.options)].id for q in questions},
                "created_at": "2026-11-01T09:00:00Z",
                "updated_at": "2026-11-01T09:00:00Z",
            }
        )
    return {"format": "mlorg-desktop-exchange", "format_version": 1, "assessments": records}


def best(run, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    knowledge = load_knowledge(resources_dir())
    doc = _document(knowledge)
    raw = json.dumps(doc).encode()
    schema = load_schema()
    compile_fast = best(lambda: fastjsonschema.compile(schema))
    fast = fastjsonschema.compile(schema)
    reference = jsonschema.Draft7Validator(schema)
    print(f"{COUNT:,} records, {len(raw) / 1e6:.1f} MB")
    print(f"fastjsonschema compile:        {compile_fast * 1000:8.1f} ms")
    print(f"fastjsonschema validate:       {best(lambda: fast(doc)) * 1000:8.1f} ms")
    slow = best(lambda: reference.validate(doc), 3)
    print(f"jsonschema Draft7 validate:    {slow * 1000:8.1f} ms")
    parse = best(lambda: parse_exchange_bytes(raw, knowledge, "bench.json"), 3)
    print(f"whole import parse (app):      {parse * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
