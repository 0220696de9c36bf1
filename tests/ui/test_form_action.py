"""File ▸ Create Respondent Form… in the window: typed settings end up in the written form,
twice; the store is refused as a destination."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from mlorg_desktop.ui.actions import form_actions
from mlorg_desktop.ui.actions.form_actions import FormSettingsDialog
from tests.window_tools import show_active


def test_settings_dialog_returns_what_was_typed(qtbot):
    dialog = FormSettingsDialog(None)
    qtbot.addWidget(dialog)
    show_active(dialog, qtbot)
    dialog.organization.setFocus()
    qtbot.waitUntil(dialog.organization.hasFocus)
    qtbot.keyClicks(dialog.organization, "Northwind <Health>")
    qtbot.keyClick(dialog.organization, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "Data & AI")
    qtbot.keyClicks(dialog.round, "2026 Q4")
    settings = dialog.settings()
    assert (settings.organization, settings.unit, settings.round, settings.title) == (
        "Northwind <Health>",
        "Data & AI",
        "2026 Q4",
        "",
    )


def test_create_form_twice_and_refuse_the_store(
    qtbot, make_window, demo_store, monkeypatch, tmp_path, messenger, knowledge
):
    window = show_active(make_window(demo_store), qtbot)
    assert demo_store.flush()
    before = demo_store.path.read_bytes()
    offered = []
    for n, organization in enumerate(("Northwind <Health>", "Fabrikam")):
        dialog = FormSettingsDialog(window)
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.organization, organization)
        qtbot.keyClicks(dialog.round, f"Round {n}")
        monkeypatch.setattr(
            form_actions, "ask_form_settings", lambda parent, d=dialog: d.settings()
        )
        target = tmp_path / f"form-{n}"
        monkeypatch.setattr(
            form_actions, "ask_form_path", lambda parent, s, t=target: offered.append(s) or t
        )
        qtbot.keyClick(
            window,
            Qt.Key.Key_F,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        html = target.read_text("utf-8")
        escaped = organization.replace("<", "&lt;").replace(">", "&gt;")
        assert f'id="context-organization">{escaped}</dd>' in html
        assert f'id="context-round">Round {n}</dd>' in html
        assert messenger.shown[-1][1] == "Respondent form created"
    day = date.today().isoformat()
    assert [p.name for p in offered] == [
        f"respondent-form-northwind-health-{day}.html",
        f"respondent-form-fabrikam-{day}.html",
    ]

    monkeypatch.setattr(form_actions, "ask_form_path", lambda parent, s: demo_store.path)
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert messenger.shown[-1][1] == "Form not created"
    assert demo_store.path.read_bytes() == before
