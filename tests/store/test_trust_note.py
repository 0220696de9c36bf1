"""The trust note: nothing is trusted before a file was looked at, and a large file's
checksum (taken on a helper thread) is the one written into the note."""

from __future__ import annotations

import hashlib
import json

from mlorg_desktop.store.schema import CURRENT_SCHEMA
from mlorg_desktop.store.trust import Trust, note_path


def test_nothing_is_trusted_before_a_file_was_inspected(tmp_path, knowledge):
    store = tmp_path / "store.json"
    store.write_bytes(b"{}\n")
    assert Trust(store, knowledge.bank, CURRENT_SCHEMA).holds() is False


def test_a_large_file_s_note_carries_its_checksum(tmp_path, knowledge):
    store = tmp_path / "store.json"
    raw = b"x" * (300 * 1024)  # over the size hashed in line: the helper thread does it
    store.write_bytes(raw)
    trust = Trust(store, knowledge.bank, CURRENT_SCHEMA)
    trust.inspect(raw, store.stat())
    trust.seal_opened()
    trust.done_opening()  # asks for the checksum a second time
    note = json.loads(note_path(store).read_bytes())
    assert note["checksum"] == hashlib.blake2b(raw, digest_size=32).hexdigest()
    assert note["size"] == 300 * 1024


def test_a_large_sealed_file_is_trusted_when_opened_again(tmp_path, knowledge):
    store = tmp_path / "store.json"
    raw = b"y" * (300 * 1024)
    store.write_bytes(raw)
    first = Trust(store, knowledge.bank, CURRENT_SCHEMA)
    first.inspect(raw, store.stat())
    first.seal_opened()
    first.done_opening()
    again = Trust(store, knowledge.bank, CURRENT_SCHEMA)
    again.inspect(raw, store.stat())
    assert again.holds() is True
    again.done_opening()
