"""Counts in words with their real plural forms ("1 assessment", "3 assessments"), never "(s)"."""

from __future__ import annotations

# English nouns the app counts whose plural is not the singular plus "s".
_IRREGULAR = {"person": "people"}


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``count`` and the noun in the form that count takes: 0 and 2+ are plural in English."""
    if count == 1:
        return f"1 {singular}"
    many = plural_form or _IRREGULAR.get(singular) or f"{singular}s"
    return f"{count} {many}"
