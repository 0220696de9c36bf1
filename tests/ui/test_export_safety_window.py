"""File ▸ Export and Export as PDF in the window: safe defaults, refusals, remembered folders."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from mlorg_desktop.ui.dialogs import dialogs
from mlorg_desktop.ui.dialogs.file_locations import LAST_FOLDER_KEY, documents_folder
from tests.window_tools import show_active


def today_name() -> str:
    """Read when the test runs, not when the module is imported (a run can cross midnight)."""
    return f"mlorg-export-{date.today().isoformat()}.json"


def _press(qtbot, window, key, modifiers=Qt.KeyboardModifier.ControlModifier):
    qtbot.keyClick(window, key, modifiers)


def test_accepting_every_default_in_the_data_folder_keeps_the_store(
    qtbot, make_window, demo_store, settings, monkeypatch, messenger
):
    data = demo_store.path.parent
    settings.setValue(LAST_FOLDER_KEY, str(data))  # the user last opened a file in there
    window = show_active(make_window(demo_store), qtbot)
    assert demo_store.flush()
    before = demo_store.path.read_bytes()
    offered = []

    def accept_defaults(parent, suggested):
        offered.append(suggested)
        return suggested

    monkeypatch.setattr(dialogs, "ask_export_path", accept_defaults)
    _press(qtbot, window, Qt.Key.Key_E)
    assert offered == [data / today_name()]
    assert (data / today_name()).read_text(encoding="utf-8").count('"organization"') == 15
    assert demo_store.path.read_bytes() == before
    assert messenger.shown[-1][1] == "Export finished"


def test_dialogs_start_in_documents_then_in_the_last_folder_used(
    qtbot, make_window, demo_store, monkeypatch, tmp_path, messenger
):
    window = show_active(make_window(demo_store), qtbot)
    offered = []
    monkeypatch.setattr(
        dialogs, "ask_export_path", lambda parent, suggested: offered.append(suggested)
    )
    _press(qtbot, window, Qt.Key.Key_E)  # cancelled: nothing written, nothing remembered
    assert offered == [documents_folder() / today_name()]
    assert offered[0].parent != Path.cwd() or documents_folder() == Path.cwd()

    elsewhere = tmp_path / "reports"
    elsewhere.mkdir()
    monkeypatch.setattr(dialogs, "ask_export_path", lambda parent, suggested: elsewhere / "x.csv")
    _press(qtbot, window, Qt.Key.Key_E)
    assert (elsewhere / "x.csv").read_bytes().startswith(b"\xef\xbb\xbf")

    started = []
    monkeypatch.setattr(
        dialogs, "ask_import_paths", lambda parent, start: started.append(start) or []
    )
    _press(qtbot, window, Qt.Key.Key_I)
    monkeypatch.setattr(
        dialogs, "ask_export_path", lambda parent, suggested: offered.append(suggested)
    )
    _press(qtbot, window, Qt.Key.Key_E)
    assert started == [elsewhere] and offered[-1] == elsewhere / today_name()

    elsewhere.joinpath("x.csv").unlink()
    elsewhere.rmdir()  # the remembered folder is gone: back to Documents, not the cwd
    _press(qtbot, window, Qt.Key.Key_E)
    assert offered[-1] == documents_folder() / today_name()


def test_choosing_the_store_or_its_backup_is_refused(
    qtbot, make_window, demo_store, monkeypatch, messenger
):
    window = show_active(make_window(demo_store), qtbot)
    assert demo_store.flush()
    store = demo_store.path
    for target in (store, store.with_name("assessments.json.bak")):
        before = {p.name: p.read_bytes() for p in store.parent.iterdir() if p.is_file()}
        monkeypatch.setattr(dialogs, "ask_export_path", lambda parent, suggested, t=target: t)
        _press(qtbot, window, Qt.Key.Key_E)
        assert messenger.shown[-1][1] == "Export refused", messenger.shown[-1]
        assert "refusing to write" in messenger.shown[-1][2]
        after = {p.name: p.read_bytes() for p in store.parent.iterdir() if p.is_file()}
        assert after == before
    assert len(type(demo_store)(store, window.knowledge.bank, read_only=True)) == 15


def test_a_pdf_onto_the_store_is_refused(qtbot, make_window, demo_store, monkeypatch, messenger):
    window = show_active(make_window(demo_store), qtbot)
    window.compare_tab.select_all()
    window.compare_tab.set_selected(window.compare_tab.selected_ids()[:2])
    assert demo_store.flush()
    before = demo_store.path.read_bytes()
    monkeypatch.setattr(dialogs, "ask_pdf_path", lambda parent, suggested: demo_store.path)
    _press(
        qtbot,
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert messenger.shown[-1][1] == "Export refused", messenger.shown[-1]
    assert demo_store.path.read_bytes() == before


def test_importing_a_csv_in_the_window_says_csv_is_export_only(
    qtbot, make_window, demo_store, monkeypatch, tmp_path, messenger
):
    window = show_active(make_window(demo_store), qtbot)
    csv_file = tmp_path / "all.csv"
    monkeypatch.setattr(dialogs, "ask_export_path", lambda parent, suggested: csv_file)
    _press(qtbot, window, Qt.Key.Key_E)
    monkeypatch.setattr(dialogs, "ask_import_paths", lambda parent, start: [csv_file])
    _press(qtbot, window, Qt.Key.Key_I)
    title, text = messenger.shown[-1][1:3]
    assert title == "Nothing imported" and "CSV is export-only" in text
    assert "not valid JSON" not in text


def test_a_date_after_today_shows_a_warning(qtbot, make_window, store):
    window = show_active(make_window(store), qtbot)
    window.show_tab(window.assessment_tab)
    tab = window.assessment_tab
    edit = tab.assessed_on
    assert tab.date_warning.isHidden()
    edit.setFocus()
    edit.setCurrentSection(edit.Section.DaySection)
    qtbot.keyClick(edit, Qt.Key.Key_Up)  # tomorrow
    tomorrow = date.today() + timedelta(days=1)
    if tomorrow.month == date.today().month:  # the day section wraps at the month's end
        assert not tab.date_warning.isHidden()
        assert tomorrow.isoformat() in tab.date_warning.text()
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert tab.date_warning.isHidden()
    edit.setCurrentSection(edit.Section.YearSection)
    qtbot.keyClick(edit, Qt.Key.Key_Up)  # a year from now
    assert not tab.date_warning.isHidden() and "after today" in tab.date_warning.text()
