"""The published JSON Schema of the exchange format, used as the validator of file structure.

``resources/exchange/exchange-format.schema.json`` is the one definition of what an exchange
file and an assessment record look like; it is compiled with fastjsonschema (see
docs/exchange-format.md for why that validator) the first time it is needed. Its failures
are turned into DataError naming the file, the record and the field, in our own words.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fastjsonschema

from mlorg_desktop.domain.validation import DataError, kind_of
from mlorg_desktop.resources import resource_path

SCHEMA_PARTS = ("exchange", "exchange-format.schema.json")
_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "object": "an object",
    "array": "a list",
    "boolean": "true or false",
    "null": "null",
}

Validate = Callable[[Any], Any]


def schema_path() -> Path:
    return resource_path(*SCHEMA_PARTS)


@functools.cache
def load_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_path().read_text(encoding="utf-8"))
    return schema


@functools.cache
def _validators() -> tuple[Validate, Validate]:
    """(whole document, one assessment record), compiled once per process (~10 ms)."""
    schema = copy.deepcopy(load_schema())  # the compiled code keeps references into its input
    record = {
        "$schema": schema["$schema"],
        "$ref": "#/definitions/assessment",
        "definitions": copy.deepcopy(schema["definitions"]),
    }
    # Every $ref is local to the file; never let the validator fetch anything.
    offline = dict.fromkeys(("", "http", "https", "file", "urn"), _no_remote)
    return (
        fastjsonschema.compile(schema, handlers=offline),
        fastjsonschema.compile(record, handlers=offline),
    )


def _no_remote(uri: str) -> Any:
    raise ValueError(f"the exchange schema refers to {uri}; only local references are allowed")


def check_document(data: object, where: str) -> None:
    """Raise DataError (file, record, field) unless ``data`` has the structure of the schema."""
    _check(_validators()[0], data, where, record_label=True)


def check_record(data: object, where: str) -> None:
    """The same for one assessment record (a store record, an in-app save)."""
    _check(_validators()[1], data, where, record_label=False)


def _check(validate: Validate, data: object, where: str, *, record_label: bool) -> None:
    try:
        validate(data)
    except fastjsonschema.JsonSchemaValueException as exc:
        # Only ASCII digits are indexes: "²".isdigit() is true but int("²") fails.
        path = [
            int(p) if isinstance(p, str) and p.isascii() and p.isdigit() else p
            for p in exc.path[1:]
        ]
        root = load_schema()["definitions"]["assessment"] if not record_label else load_schema()
        if record_label and len(path) >= 2 and path[0] == "assessments":
            index = path[1]
            where = f"{where}: assessment #{int(index) + 1}"
            record = data["assessments"][int(index)]  # type: ignore[index]
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                where += f" (id {record['id'][:40]})"
            path = path[2:]
            root = load_schema()["definitions"]["assessment"]
        field, problem = _explain(exc, path, root)
        raise DataError(where, field, problem) from None


def _explain(
    exc: fastjsonschema.JsonSchemaValueException, path: list[Any], root: dict[str, Any]
) -> tuple[str, str]:
    """The dotted field and a plain-words problem for one schema failure."""
    field = _dotted(path)
    rule, value, definition = exc.rule, exc.value, exc.definition or {}
    if rule == "required":
        missing = [k for k in definition.get("required", []) if k not in value]
        name = missing[0] if missing else "?"
        return (f"{field}.{name}" if field else name), "is missing"
    if rule == "propertyNames" and isinstance(value, dict):
        key_check = fastjsonschema.compile(definition["propertyNames"])
        bad = next((k for k in value if not _passes(key_check, k)), "?")
        return f"{field}.{bad}", "is not a question id (q01, q02, ...)"
    if rule == "type":
        wanted = definition.get("type")
        names = [wanted] if isinstance(wanted, str) else list(wanted or [])
        words = " or ".join(_TYPE_WORDS.get(n, n) for n in names if n != "null")
        return field or "(top level)", f"expected {words}, got {kind_of(value)}"
    if rule == "const":
        if field == "format_version":
            return field, f"is {value}; this version of the app reads {definition['const']}"
        return field, f"must be '{definition['const']}'"
    description = _description(path, root)
    if rule == "maxLength" and isinstance(value, str) and "characters" in description:
        return field, f"is {len(value)} characters long; the limit is {definition['maxLength']}"
    if rule == "not" or (rule == "allOf" and "control" in description):
        return field, "contains a control character"
    if description:
        shown = value if isinstance(value, str) and len(value) <= 60 else None
        prefix = f"'{shown}' is not" if shown is not None else "must be"
        if field == "organization" and isinstance(value, str) and not value.strip():
            return field, "is required and must not be blank"
        return field, f"{prefix} {description}"
    return field or "(top level)", exc.message.replace("data.", "", 1)


def _passes(validate: Validate, value: object) -> bool:
    try:
        validate(value)
    except fastjsonschema.JsonSchemaValueException:
        return False
    return True


def _description(path: list[Any], root: dict[str, Any]) -> str:
    """The ``description`` of the schema node that describes ``path`` below ``root``."""
    node: Any = root
    for step in path:
        node = _deref(node)
        if isinstance(step, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(step) or node.get("additionalProperties", {})
    node = _deref(node) if isinstance(node, dict) else {}
    return str(node.get("description", ""))


def _deref(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        node = load_schema()["definitions"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _dotted(path: list[Any]) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out
