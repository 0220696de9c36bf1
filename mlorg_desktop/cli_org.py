"""``mlorg-desktop org NAME [--unit UNIT] [--json]``: one organization's rounds, read whole."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, TextIO

from mlorg_desktop.cli import EXIT_BAD_INPUT, EXIT_OK
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.org_report import read_record, record_json, summary_lines
from mlorg_desktop.domain.rounds import close_names, find_records, organizations

if TYPE_CHECKING:
    from mlorg_desktop.store import AssessmentStore


def cmd_org(
    args: argparse.Namespace, knowledge: Knowledge, store: AssessmentStore, out: TextIO
) -> int:
    records = organizations(store.all())
    found = find_records(records, args.name, args.unit)
    if not found:
        named = find_records(records, args.name)
        if named and args.unit is not None:
            units = ", ".join(repr(r.unit) for r in named)
            print(
                f"error: {named[0].organization} has no unit {args.unit!r}; its units: {units}",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        close = close_names(records, args.name)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        print(
            f"error: no saved assessments of an organization named {args.name!r}.{hint}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if len(found) > 1:
        units = ", ".join(repr(r.unit) for r in found)
        print(
            f"error: {found[0].organization} has assessments for several units ({units}); "
            "choose one with --unit",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    reading = read_record(found[0], knowledge)
    if args.json:
        json.dump(record_json(reading), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write("\n".join(summary_lines(reading, knowledge)) + "\n")
    return EXIT_OK
