"""Ids are canonical: one UUID is one assessment, whatever its spelling; --ids takes prefixes."""

from __future__ import annotations

import pytest

from mlorg_desktop.domain.ids import canonical_id, resolve_ids

ID = "97cf1057-7986-508d-89e6-971de866a120"
SPELLINGS = {
    "upper case": ID.upper(),
    "without hyphens": ID.replace("-", ""),
    "in braces": "{" + ID + "}",
    "upper case in braces without hyphens": "{" + ID.replace("-", "").upper() + "}",
    "as a URN": "urn:uuid:" + ID,
}


@pytest.mark.parametrize("name", sorted(SPELLINGS))
def test_every_spelling_has_the_one_canonical_form(name):
    assert canonical_id(SPELLINGS[name]) == ID


@pytest.mark.parametrize("bad", ["", "abc", ID[:-1], ID + "0", "{" + ID, ID.replace("-", "", 1)])
def test_what_is_not_a_uuid_spelling(bad):
    with pytest.raises(ValueError):
        canonical_id(bad)


def test_resolve_ids_by_unique_prefix_full_id_and_candidates():
    known = [
        "aaaa0000-0000-4000-8000-000000000001",
        "aaaa1111-0000-4000-8000-000000000002",
        "bbbb0000-0000-4000-8000-000000000003",
    ]
    braced = "{" + known[1].replace("-", "").upper() + "}"
    found = resolve_ids(["bbbb", "AAAA0", braced], known)
    assert found.ok and found.ids == (known[2], known[0], known[1])
    found = resolve_ids(["aaaa", "abc", "cccc"], known)
    assert not found.ok
    assert found.ambiguous == (("aaaa", (known[0], known[1])),)
    assert found.too_short == ("abc",)
    assert found.unknown == ("cccc",)
