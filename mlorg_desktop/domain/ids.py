"""Assessment ids: one canonical spelling, and git-like unique prefixes on the command line.

An id is a UUID. Files from elsewhere may spell it in upper case, without hyphens, in braces or
as a ``urn:uuid:``; all of these are the same id, kept in the one canonical form
(lower case, hyphenated), so "already present" means the same UUID, whatever the spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# The spellings accepted in files; the exchange schema's id pattern says the same.
_SPELLING = re.compile(
    r"(?:urn:uuid:)?(\{)?(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
    r"-[0-9a-fA-F]{12}|[0-9a-fA-F]{32})(?(1)\})"
)
MIN_PREFIX = 4


def canonical_id(text: str) -> str:
    """The canonical spelling of a UUID written in any accepted spelling; ValueError if none."""
    if not isinstance(text, str) or _SPELLING.fullmatch(text) is None:
        raise ValueError(f"'{str(text)[:60]}' is not a UUID")
    import uuid  # not at start-up: uuid imports platform

    return str(uuid.UUID(text))


def is_canonical(text: str) -> bool:
    try:
        return canonical_id(text) == text
    except ValueError:
        return False


@dataclass(frozen=True)
class Resolved:
    """What a list of ids or prefixes named: ``ids`` in the order given, or the problems."""

    ids: tuple[str, ...]
    unknown: tuple[str, ...] = ()
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...] = ()
    too_short: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not (self.unknown or self.ambiguous or self.too_short)


def resolve_ids(wanted: Iterable[str], known: Iterable[str]) -> Resolved:
    """Match each of ``wanted`` (a full id in any spelling, or a prefix of the canonical id of
    at least MIN_PREFIX characters, hyphens optional) against the canonical ``known`` ids."""
    known = sorted(known)
    bare = {k: k.replace("-", "") for k in known}
    ids: list[str] = []
    unknown: list[str] = []
    ambiguous: list[tuple[str, tuple[str, ...]]] = []
    too_short: list[str] = []
    for item in wanted:
        try:
            full = canonical_id(item)
        except ValueError:
            full = None
        if full is not None:
            (ids if full in bare else unknown).append(full if full in bare else item)
            continue
        prefix = item.strip().lower()
        if len(prefix.replace("-", "")) < MIN_PREFIX:
            too_short.append(item)
            continue
        matches = tuple(
            k for k in known if k.startswith(prefix) or bare[k].startswith(prefix.replace("-", ""))
        )
        if len(matches) == 1:
            ids.append(matches[0])
        elif matches:
            ambiguous.append((item, matches))
        else:
            unknown.append(item)
    return Resolved(tuple(ids), tuple(unknown), tuple(ambiguous), tuple(too_short))
