"""What a Linux screen reader sees of the Assessment tab, read over AT-SPI (the D-Bus interface
Orca uses), written as JSON to the file named on the command line. Run by
tests/ui/test_atspi.py inside ``dbus-run-session`` and ``xvfb-run``; it needs at-spi2-core (the
accessibility bus) and jeepney (a D-Bus client).

The window lives in this process and its event loop keeps running (Qt's AT-SPI bridge answers
on the GUI thread); a worker thread asks the questions over its own D-Bus connection, as
a screen reader would.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "xcb"
os.environ["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"

from jeepney import DBusAddress, MessageType, Properties, new_method_call  # noqa: E402
from jeepney.io.blocking import open_dbus_connection  # noqa: E402
from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from mlorg_desktop.domain.knowledge import load_knowledge  # noqa: E402
from mlorg_desktop.paths import AppPaths  # noqa: E402
from mlorg_desktop.resources import resources_dir  # noqa: E402
from mlorg_desktop.store import AssessmentStore  # noqa: E402
from mlorg_desktop.ui.app import create_application  # noqa: E402
from mlorg_desktop.ui.dialogs.msgbox import Messenger  # noqa: E402
from mlorg_desktop.ui.main_window import MainWindow  # noqa: E402

ACCESSIBLE = "org.a11y.atspi.Accessible"


class Client:
    """A few AT-SPI calls over the accessibility bus (jeepney: plain D-Bus, no Qt)."""

    def __init__(self) -> None:
        with open_dbus_connection(bus="SESSION") as session:
            bus = DBusAddress("/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Bus")
            (address,) = session.send_and_get_reply(new_method_call(bus, "GetAddress")).body
        self.connection = open_dbus_connection(bus=address)

    def call(self, dest: str, path: str, method: str, interface: str = ACCESSIBLE) -> tuple:
        target = DBusAddress(path, bus_name=dest, interface=interface)
        reply = self.connection.send_and_get_reply(new_method_call(target, method), timeout=30)
        if reply.header.message_type is MessageType.error:
            raise RuntimeError(f"{method} on {path}: {reply.body}")
        return reply.body

    def node(self, dest: str, path: str) -> dict:
        name = self.connection.send_and_get_reply(
            Properties(DBusAddress(path, bus_name=dest, interface=ACCESSIBLE)).get("Name"),
            timeout=30,
        ).body[0][1]
        (role,) = self.call(dest, path, "GetRoleName")
        (children,) = self.call(dest, path, "GetChildren")
        return {"path": path, "name": name, "role": role, "children": [c[1] for c in children]}

    def relations(self, dest: str, path: str) -> list[list]:
        """[relation type, [target paths]] per relation."""
        (pairs,) = self.call(dest, path, "GetRelationSet")
        return [[kind, [t[1] for t in targets]] for kind, targets in pairs]


def walk(client: Client, out: dict) -> None:
    deadline = time.monotonic() + 20
    while True:  # the window registers with the registry shortly after it is shown
        (apps,) = client.call(
            "org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root", "GetChildren"
        )
        if apps or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    dest, root = apps[-1]
    nodes: dict[str, dict] = {}
    queue = [root]
    while queue:
        path = queue.pop(0)
        node = client.node(dest, path)
        # The Archetypes and the other tabs are not what this probe is about.
        if node["role"] == "page tab" and node["name"] != "Assessment":
            continue
        nodes[path] = node
        if node["role"] == "radio button":
            node["relations"] = client.relations(dest, path)
        queue.extend(node["children"])
    out["nodes"] = nodes


def main() -> None:
    resources = resources_dir()
    knowledge = load_knowledge(resources)
    app = create_application(resources)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = AppPaths(root, root / "logs")
        store = AssessmentStore(paths.store_file, knowledge.bank)
        settings = QSettings(str(root / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(knowledge, store, paths, settings, Messenger(quiet=True))
        window.show()
        window.activateWindow()
        window.show_tab(window.assessment_tab)
        tab = window.assessment_tab
        # Answer 18 questions with their first option, by keyboard, so a result is named.
        for card in list(tab.cards.values())[:18]:
            QTest.keyClick(card.tab_stop(), Qt.Key.Key_Space)
        result: dict = {"headline": tab.results.headline.accessibleName()}

        done = threading.Event()

        def ask() -> None:
            try:
                walk(Client(), result)
            except Exception as exc:  # reported to the test, which fails with it
                result["error"] = repr(exc)
            done.set()

        worker = threading.Thread(target=ask, daemon=True)
        QTimer.singleShot(500, worker.start)
        poll = QTimer()
        poll.timeout.connect(lambda: done.is_set() and app.exit(0))
        poll.start(100)
        QTimer.singleShot(240_000, lambda: app.exit(1))  # a bridge that never answers ends the run
        app.exec()
        window.hide()  # not close(): that would ask about the unsaved answers
        store.close()
    # A file, not stdout: the accessibility services started for this run share stdout.
    Path(sys.argv[1]).write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main()
