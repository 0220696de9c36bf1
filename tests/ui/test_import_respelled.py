"""File ▸ Import three times with the ids re-spelled: the Saved tab still lists each once."""

from __future__ import annotations

import copy
import json

from PySide6.QtCore import Qt

from mlorg_desktop.ui.dialogs import dialogs
from tests.window_tools import show_active


def test_three_imports_with_respelled_ids_add_nothing_twice(
    qtbot, make_window, store, resources, tmp_path, monkeypatch, messenger
):
    original = json.loads((resources / "examples" / "demo-assessments.json").read_text())
    files = []
    for name, spell in (
        ("upper", str.upper),
        ("bare", lambda i: i.replace("-", "")),
        ("braces", lambda i: "{" + i + "}"),
    ):
        doc = copy.deepcopy(original)
        for record in doc["assessments"]:
            record["id"] = spell(record["id"])
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        files.append(path)
    window = make_window(store)
    show_active(window, qtbot)
    window.show_tab(window.saved_tab)
    for index, path in enumerate(files):
        monkeypatch.setattr(dialogs, "ask_import_paths", lambda parent, start, p=path: [p])
        qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
        text = messenger.shown[-1][2]
        assert text.startswith("Imported 15" if index == 0 else "Imported 0"), text
        if index:
            assert "15 already present (same id)" in text
        assert window.saved_tab.model.rowCount() == 15
    assert store.flush()
    assert sorted(a.id for a in store.all()) == sorted(r["id"] for r in original["assessments"])
