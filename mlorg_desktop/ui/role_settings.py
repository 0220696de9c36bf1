"""Which roles count as leadership: the user's choices, kept in the settings.

Ticked in the Organizations tab's role list, shared by every organization, and read by the
printed sheet too, so the sheet's "by role" split is the one the window shows."""

from __future__ import annotations

import json
from collections.abc import Mapping

from PySide6.QtCore import QSettings

from mlorg_desktop.domain.roles import ROLE_GROUPS

ROLE_GROUPS_KEY = "organizations/role_groups"


def role_overrides(settings: QSettings) -> dict[str, str]:
    """Role key -> group; anything unreadable in the settings counts as no choice made."""
    try:
        value = json.loads(str(settings.value(ROLE_GROUPS_KEY, "{}")))
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if v in ROLE_GROUPS}


def remember_role_overrides(settings: QSettings, overrides: Mapping[str, str]) -> None:
    """Add ``overrides`` to the choices already kept (a later choice wins)."""
    settings.setValue(ROLE_GROUPS_KEY, json.dumps({**role_overrides(settings), **overrides}))
