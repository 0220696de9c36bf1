"""The sheet's sections, which people switch on and off (print options, ``sheet --sections``).

Qt-free, so the command line can check the names before it loads Qt.
"""

from __future__ import annotations

SECTIONS = ("summary", "charts", "table", "organization", "road", "details", "glossary")
SECTION_TITLES = {
    "summary": "Executive summary",
    "charts": "Charts and legend",
    "table": "Summary table",
    "organization": "Organizations: combined reading per round, disagreements, trend",
    "road": "Road to the target: the gap and the first five steps",
    "details": "One block per assessment (strengths, risks, notes)",
    "glossary": "Glossary of archetypes and dimensions",
}


class SectionError(ValueError):
    """A section name that the sheet does not have."""


def parse_sections(text: str) -> frozenset[str]:
    """``"summary,charts"`` -> those sections; an unknown name fails, naming the known ones."""
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in SECTIONS]
    if unknown or not names:
        raise SectionError(
            f"unknown section {', '.join(unknown) or '(none given)'}; "
            f"choose from {','.join(SECTIONS)}"
        )
    return frozenset(names)
