"""The store file's layout: one record per line, so a save re-encodes only the records it changed.

    {
    "assessments":{
    "1":{...},
    "2":{...}
    },
    "meta":{
    "1":{"schema_version":2}
    }
    }

It is plain JSON (tinydb's own JSONStorage reads it). Encoding a whole 10,000-record store with
json.dumps takes ~70 ms and holds the GIL the whole time; keeping each record's encoded line and
re-encoding only new or changed records makes a save a join of cached bytes.

Because JSON strings cannot hold a raw newline, every line of a file in this layout is a whole
token sequence: a file that parses as JSON and whose lines follow the layout gives each record's
encoded line for free when it is opened. A file in any other layout (hand-edited, older versions)
is simply encoded record by record on its first save.
"""

from __future__ import annotations

import json
from typing import Any

_encode_value = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

# (the record object it was encoded from, its encoded line with a trailing comma)
Entry = tuple[object, bytes]


def _line(key: str, record: object) -> bytes:
    return f"{_encode_value(key)}:{_encode_value(record)},".encode()


class RecordCache:
    """Encoded lines of the records currently in memory, keyed by table and document key.

    An entry is reused only while the table still holds the very object it was encoded from;
    a record changed in place must be reported with ``forget`` before it is changed.
    """

    def __init__(self) -> None:
        self._tables: dict[str, dict[str, Entry]] = {}
        self._source: tuple[bytes, dict[str, Any]] | None = None

    def adopt(self, raw: bytes, parsed: dict[str, Any]) -> None:
        """``parsed`` was just read from ``raw``: its lines can seed the cache when first needed."""
        self._tables = {}
        # Keep the table objects as parsed: tinydb later swaps whole tables in the top level.
        self._source = (raw, dict(parsed))

    def clear(self) -> None:
        self._tables = {}
        self._source = None

    def forget(self, table: str, key: str) -> None:
        self._seed()
        self._tables.get(table, {}).pop(key, None)

    def encode(self, data: dict[str, Any]) -> bytes:
        """The whole file for ``data``; only records without a valid cached line are encoded.

        The file is built by one join of the cached lines: no intermediate copy of the whole
        document, which at 10,000 records would cost more than the rest of the save.
        """
        self._seed()
        out = [b"{"]
        for position, (name, table) in enumerate(data.items()):
            cached = self._tables.setdefault(name, {})
            get = cached.get

            def fresh(key: str, record: object, cached: dict[str, Entry] = cached) -> bytes:
                entry = cached[key] = (record, _line(key, record))
                return entry[1]

            lines = [
                entry[1]
                if (entry := get(key)) is not None and entry[0] is record
                else fresh(key, record)
                for key, record in table.items()
            ]
            if len(cached) != len(table):  # records were removed: drop their lines
                self._tables[name] = {key: cached[key] for key in table}
            if lines:
                lines[-1] = lines[-1][:-1]  # no comma after a table's last record
            out.append(_encode_value(name).encode() + b":{")
            out.extend(lines)
            out.append(b"}," if position < len(data) - 1 else b"}")
        for name in self._tables.keys() - data.keys():
            del self._tables[name]
        out.append(b"}\n")
        return b"\n".join(out)

    def _seed(self) -> None:
        if self._source is None:
            return
        raw, parsed = self._source
        self._source = None
        found = record_lines(raw)
        if found is None:
            return
        for name, lines in found.items():
            table = parsed.get(name)
            if isinstance(table, dict) and table.keys() == lines.keys():
                self._tables[name] = {key: (table[key], line) for key, line in lines.items()}


def record_lines(raw: bytes) -> dict[str, dict[str, bytes]] | None:
    """Each table's record lines by key, each ending in a comma, if ``raw`` (already known to
    be valid JSON) is in the layout above; None for any other layout."""
    lines = raw.split(b"\n")
    if not lines or lines[0] != b"{":
        return None
    tables: dict[str, dict[str, bytes]] = {}
    current: dict[str, bytes] | None = None
    for line in lines[1:]:
        if current is None:
            if line.endswith(b":{") and line.startswith(b'"'):
                name = json.loads(line[:-2])
                if not isinstance(name, str) or name in tables:
                    return None
                current = tables[name] = {}
            elif line not in (b"}", b""):
                return None
        elif line in (b"}", b"},"):
            current = None
        elif line.startswith(b'"'):
            end = line.find(b'":', 1)
            key = line[1:end]
            if end < 0 or not key.isdigit():
                return None
            current[key.decode()] = line if line.endswith(b",") else line + b","
        elif line:
            return None
    return tables if current is None else None
