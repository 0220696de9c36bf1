"""Store layout versions and the ordered migrations between them.

Schema 1 was the first layout (fields ``date``, ``team`` and ``questionnaire``, no timestamps).
Schema 2 names them ``assessed_on``, ``unit`` and ``questionnaire_version`` and records
``created_at``/``updated_at`` in ISO 8601 UTC. Schema 3 adds ``round`` (an explicit round label,
empty when the assessment is grouped into rounds by its date). Schema 4 adds ``target`` (the
archetype the organization wants to become, empty for none) and ``scenarios`` (named what-if
answers kept with the assessment). Migrations work on the raw JSON document.

Questionnaire version 2 added split answers (``{"mainly": id, "partly": id}``) as a second shape
of an answer value. That needs no new schema: every schema 2 record is still valid as it is, and
an app that does not know questionnaire version 2 cannot read a version 2 record whatever the
schema says, so a bump would migrate nothing and protect nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT_SCHEMA = 4
META_TABLE = "meta"
ASSESSMENTS_TABLE = "assessments"

Raw = dict[str, Any]


def schema_version(raw: Raw) -> int:
    """The schema of a raw store document; a file without a meta table is schema 1."""
    meta = raw.get(META_TABLE)
    if not meta:
        return 1 if raw.get(ASSESSMENTS_TABLE) else CURRENT_SCHEMA
    if not isinstance(meta, dict):
        raise ValueError("the meta table is not an object")
    for record in meta.values():
        if isinstance(record, dict) and "schema_version" in record:
            version = record["schema_version"]
            if isinstance(version, int) and not isinstance(version, bool) and version >= 1:
                return version
            raise ValueError(f"schema_version {version!r} is not a positive whole number")
    raise ValueError("the meta table has no schema_version")


def _v1_to_v2(raw: Raw) -> Raw:
    table = raw.get(ASSESSMENTS_TABLE, {})
    migrated = {}
    for doc_id, record in table.items():
        record = dict(record)
        record["assessed_on"] = record.pop("date", "")
        record["unit"] = record.pop("team", "")
        record["questionnaire_version"] = record.pop("questionnaire", 1)
        stamp = f"{record['assessed_on']}T00:00:00Z"
        record.setdefault("created_at", stamp)
        record.setdefault("updated_at", stamp)
        migrated[doc_id] = record
    return {**raw, ASSESSMENTS_TABLE: migrated}


def _v2_to_v3(raw: Raw) -> Raw:
    table = raw.get(ASSESSMENTS_TABLE, {})
    migrated = {
        doc_id: {**record, "round": record.get("round", "")} for doc_id, record in table.items()
    }
    return {**raw, ASSESSMENTS_TABLE: migrated}


def _v3_to_v4(raw: Raw) -> Raw:
    table = raw.get(ASSESSMENTS_TABLE, {})
    migrated = {
        doc_id: {
            **record,
            "target": record.get("target", ""),
            "scenarios": record.get("scenarios", []),
        }
        for doc_id, record in table.items()
    }
    return {**raw, ASSESSMENTS_TABLE: migrated}


MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def migrate(raw: Raw, from_version: int) -> Raw:
    """Apply every migration from ``from_version`` up to CURRENT_SCHEMA, in order."""
    for version in range(from_version, CURRENT_SCHEMA):
        raw = MIGRATIONS[version](raw)
    return with_schema(raw, CURRENT_SCHEMA)


def with_schema(raw: Raw, version: int) -> Raw:
    return {**raw, META_TABLE: {"1": {"schema_version": version}}}
