"""Dialogs that follow the desktop guidelines: buttons that name their action, and a message
after an export that can open the file or its folder (through one function, read here)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from mlorg_desktop.ui.dialogs import dialogs, file_written
from mlorg_desktop.ui.dialogs.dialogs import confirm_delete as real_confirm_delete
from mlorg_desktop.ui.dialogs.msgbox import Messenger
from tests.window_tools import show_active


@pytest.fixture
def messenger():
    """Message boxes really show in these tests (the window's conftest silences them)."""
    return Messenger(quiet=False)


def _buttons(box: QMessageBox) -> list[str]:
    return sorted(b.text().replace("&", "") for b in box.buttons())


def _answer_box(qtbot, answer: Callable[[QMessageBox], None], seen: list[QMessageBox]) -> None:
    """When the next modal message box is up, record it and answer it as a user would."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(box)
            answer(box)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def _click(text: str) -> Callable[[QMessageBox], None]:
    def click(box: QMessageBox) -> None:
        (button,) = [b for b in box.buttons() if b.text().replace("&", "") == text]
        assert isinstance(button, QAbstractButton) and button.isVisible()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    return click


def _key(key: Qt.Key) -> Callable[[QMessageBox], None]:
    def press(box: QMessageBox) -> None:
        QTest.keyClick(box, key)

    return press


def test_delete_confirmation_says_delete_and_cancel(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[QMessageBox] = []
    _answer_box(qtbot, _click("Delete"), seen)
    assert real_confirm_delete(parent, "Meridian Bank · Risk") is True
    assert _buttons(seen[-1]) == ["Cancel", "Delete"]
    assert "Meridian Bank · Risk" in seen[-1].text()
    # Enter by habit and Escape both keep the assessment: Cancel is the default.
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        _answer_box(qtbot, _key(key), seen)
        assert real_confirm_delete(parent, "Meridian Bank · Risk") is False


@pytest.fixture
def opened(monkeypatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(file_written, "open_url", lambda url: urls.append(url) or True)
    return urls


def test_export_message_opens_the_file_or_its_folder(
    qtbot, make_window, demo_store, monkeypatch, tmp_path, opened
):
    window = show_active(make_window(demo_store), qtbot)
    json_file, csv_file = tmp_path / "out" / "all.json", tmp_path / "out" / "all.csv"
    json_file.parent.mkdir()
    seen: list[QMessageBox] = []
    for target, button, expected in (
        (json_file, "Open", json_file),
        (csv_file, "Show in Folder", csv_file.parent),
        (json_file, "Close", None),  # the second export over the first: nothing opened
    ):
        monkeypatch.setattr(dialogs, "ask_export_path", lambda parent, s, t=target: t)
        before = len(opened)
        _answer_box(qtbot, _click(button), seen)
        window.activateWindow()  # back from the previous message box
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert target.is_file()
        box = seen[-1]
        assert box.windowTitle() == "Export finished"
        assert "Exported 15 assessments to" in box.text()
        assert _buttons(box) == ["Close", "Open", "Show in Folder"]
        if expected is None:
            assert len(opened) == before
        else:
            assert opened[-1] == QUrl.fromLocalFile(str(expected))
            assert opened[-1].toLocalFile() == str(expected)


def test_desktop_that_cannot_open_the_file_gets_a_warning(qtbot, monkeypatch, tmp_path, messenger):
    monkeypatch.setattr(file_written, "open_url", lambda url: False)
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"%PDF-1.4\n")
    seen: list[QMessageBox] = []
    _answer_box(qtbot, _click("Open"), seen)
    # The warning that follows is a message box too: close it with Enter.
    QTimer.singleShot(0, lambda: _answer_box(qtbot, _key(Qt.Key.Key_Return), seen))
    messenger.file_written(parent, "Comparison sheet exported", "Wrote a sheet.", target)
    assert [kind for kind, _title, _text in messenger.shown] == ["file", "warning"]
    assert str(target) in messenger.shown[-1][2]
