"""File ▸ Import with many files, and files or folders dropped on the window."""

from __future__ import annotations

import json
import uuid

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.exchange import exchange_json
from mlorg_desktop.ui.dialogs import dialogs
from tests.window_tools import show_active

CTRL = Qt.KeyboardModifier.ControlModifier


def person(org: str) -> Assessment:
    return Assessment(
        id=str(uuid.uuid4()),
        organization=org,
        questionnaire_version=1,
        assessed_on="2026-02-02",
        answers={"q01": "q01d"},
        role="CTO",
    )


def write(path, *items):
    path.write_text(exchange_json(items), encoding="utf-8")
    return path


def refused_file(path):
    """New, otherwise valid records; the second has an answer the question does not have."""
    doc = json.loads(exchange_json([person("Refused Ltd"), person("Refused Ltd")]))
    doc["assessments"][1]["answers"]["q01"] = "q02a"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_import_many_files_from_the_dialog(window, store, messenger, qtbot, monkeypatch, tmp_path):
    seed = store.save(person("Seed Co"))  # the store file exists, with its schema record
    show_active(window, qtbot)
    # Build the Organizations tab first: it must follow the import.
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    orgs = window.current_tab()
    a, b, c = person("Acme"), person("Acme"), person("Beta")
    files = [
        write(tmp_path / "one.json", a, b),
        write(tmp_path / "two.json", b, c),  # b again
        refused_file(tmp_path / "three.json"),
    ]
    monkeypatch.setattr(dialogs, "ask_import_paths", lambda parent, start: files)
    writer = store.writer
    submitted = []
    real = writer.submit
    monkeypatch.setattr(writer, "submit", lambda *args: submitted.append(1) or real(*args))
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    assert store.flush() and len(submitted) == 1  # every accepted file in one write
    kind, title, text = messenger.shown[-1]
    assert (kind, title) == ("warning", "Import finished, some files refused")
    assert text.startswith("Imported 3 assessments from 2 of 3 files.")
    assert "one.json: 2 added" in text
    assert "two.json: 1 added, 1 already present" in text
    assert "three.json: refused — assessment #2" in text and "answers.q01" in text
    assert {x.id for x in store.all()} == {seed.id, a.id, b.id, c.id}
    assert [orgs.organizations.item(i).text().split("\n")[0] for i in range(3)] == [
        "Acme",
        "Beta",
        "Seed Co",
    ]

    # The same again: everything is already there, the refused file is still refused.
    assert store.flush()
    before = store.path.read_bytes()
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    text = messenger.shown[-1][2]
    assert text.startswith("Imported 0 assessments") and "2 already present" in text
    assert store.path.read_bytes() == before

    # Nothing valid at all: an error, and the store file is byte-identical.
    broken = tmp_path / "broken.json"
    broken.write_bytes(b"\xff\xfe not text")
    monkeypatch.setattr(dialogs, "ask_import_paths", lambda parent, start: [files[2], broken])
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    kind, title, text = messenger.shown[-1]
    assert (kind, title) == ("error", "Nothing imported")
    assert "broken.json: refused — (file): is not UTF-8 text" in text
    assert store.flush()
    assert store.path.read_bytes() == before
    assert len(store) == 4


def _drop(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPointF(window.width() / 2, window.height() / 2)
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        QPoint(int(where.x()), int(where.y())),
        actions,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(
        where, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dropping_a_folder_imports_its_files(window, store, messenger, qtbot, tmp_path):
    show_active(window, qtbot)
    folder = tmp_path / "respondents"
    folder.mkdir()
    write(folder / "cto.json", person("Acme"))
    write(folder / "engineer.json", person("Acme"))
    (folder / "notes.txt").write_text("ignored", encoding="utf-8")
    assert _drop(window, [folder]) == (True, True)
    assert messenger.shown[-1][2].startswith("Imported 2 assessments from 2 of 2 files.")
    assert len(store) == 2 and window.saved_tab.model.rowCount() == 2
    # Dropping the same folder again adds nothing.
    _drop(window, [folder])
    assert "Imported 0" in messenger.shown[-1][2] and len(store) == 2


def test_dropping_text_is_not_an_import(window, messenger, qtbot):
    show_active(window, qtbot)
    mime = QMimeData()
    mime.setText("just words")
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted() and messenger.shown == []
