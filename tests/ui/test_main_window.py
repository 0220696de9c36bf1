"""Main window: menus and shortcuts, About content, geometry persistence."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence

from mlorg_desktop import __version__
from mlorg_desktop.ui.dialogs import about as about_module
from tests.window_tools import show_exposed


def test_menus_and_standard_shortcuts(window):
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Help"]
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    assert window.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert window.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.undo_delete_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)


def test_view_shortcuts_switch_tabs(window, qtbot):
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tabs = [window.archetypes_tab, window.assessment_tab, window.saved_tab, window.compare_tab]
    # Out of order, so a shortcut that only moves to the next tab cannot pass.
    for number in (3, 1, 4, 2, 3):
        qtbot.keyClick(
            window, Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.ControlModifier
        )
        assert window.current_tab() is tabs[number - 1], f"Ctrl+{number}"
        assert window.tabs.currentIndex() == number - 1


def test_about_names_version_license_and_data_folder(window, store, monkeypatch):
    shown = []
    monkeypatch.setattr(about_module.AboutDialog, "exec", lambda self: shown.append(self) or 0)
    window.about_action.trigger()
    text = shown[0].label.text()
    assert __version__ in text and "MIT" in text and str(store.path) in text
    assert "Nothing is sent" in text


def test_geometry_is_remembered(make_window, qtbot, settings):
    first = make_window()
    show_exposed(first, qtbot)
    first.setGeometry(40, 50, 1111, 777)
    qtbot.wait(10)
    first.close()
    assert settings.value("main_window/geometry") is not None
    second = make_window()
    show_exposed(second, qtbot)
    assert (second.width(), second.height()) == (1111, 777)


def test_settings_are_isolated(settings, tmp_path):
    assert settings.fileName().startswith(str(tmp_path))
    assert settings.format() == QSettings.Format.IniFormat


def test_quit_closes_the_window(window, qtbot):
    show_exposed(window, qtbot)
    window.quit_action.trigger()
    assert not window.isVisible()


def test_import_and_export_from_the_file_menu(
    window, store, resources, tmp_path, monkeypatch, messenger
):
    from mlorg_desktop.ui.dialogs import dialogs

    monkeypatch.setattr(
        dialogs,
        "ask_import_paths",
        lambda parent, start: [resources / "examples" / "demo-assessments.json"],
    )
    window.import_action.trigger()
    assert len(store) == 15 and window.saved_tab.model.rowCount() == 15
    assert messenger.shown[-1][2].startswith("Imported 15")

    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    assert store.flush()  # the import was written on the store's writer thread
    before = store.path.read_bytes()
    monkeypatch.setattr(dialogs, "ask_import_paths", lambda parent, start: [bad])
    window.import_action.trigger()
    assert messenger.shown[-1][1] == "Nothing imported"
    assert store.path.read_bytes() == before

    target = tmp_path / "all.csv"
    monkeypatch.setattr(dialogs, "ask_export_path", lambda parent, suggested: target)
    window.export_action.trigger()
    assert len(target.read_text(encoding="utf-8").strip().splitlines()) == 17


def test_data_folder_is_qts_app_data_location(monkeypatch, tmp_path, qapp):
    """The CLI computes the folder without Qt; it must be the one Help ▸ About shows."""
    from pathlib import Path

    from PySide6.QtCore import QStandardPaths

    from mlorg_desktop.paths import default_data_dir
    from mlorg_desktop.ui.app import set_application_names

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    set_application_names()
    qt = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert Path(qt) == default_data_dir()
