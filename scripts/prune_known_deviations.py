#!/usr/bin/env python3
"""Remove entries that now match CPython from tests/data/known-deviations-*.txt.

    SAFELIT_PARITY_REPORT=/tmp/parity cargo test --test cpython_parity
    python3 scripts/prune_known_deviations.py /tmp/parity

The parity test writes every mismatch to <dir>/parity-<version>.txt. This
script keeps a known-deviation entry only while it still appears there; it
never adds entries (a new mismatch is a regression to fix, or to list by hand
with a reason). Comment lines are kept.
"""

import pathlib
import sys

DATA = pathlib.Path(__file__).resolve().parent.parent / "tests" / "data"


def mismatches(report: pathlib.Path) -> set[tuple[str, str]]:
    found = set()
    for line in report.read_text().splitlines():
        category, rest = line.split("\t", 1)
        found.add((rest.split(" ")[0], category))
    return found


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    reports = pathlib.Path(sys.argv[1])
    for known_file in sorted(DATA.glob("known-deviations-*.txt")):
        version = known_file.stem.removeprefix("known-deviations-")
        report = reports / f"parity-{version}.txt"
        if not report.exists():
            print(f"{version}: no report {report}, skipped")
            continue
        current = mismatches(report)
        kept, removed = [], 0
        for line in known_file.read_text().splitlines():
            if line.startswith("#") or not line.strip():
                kept.append(line)
                continue
            case_id, category = line.split("\t")
            if (case_id, category) in current:
                kept.append(line)
            else:
                removed += 1
        known_file.write_text("\n".join(kept) + "\n")
        listed = {tuple(l.split("\t")) for l in kept if l and not l.startswith("#")}
        new = current - listed
        print(f"{version}: removed {removed}, {len(listed)} listed, {len(new)} unlisted mismatches")
        for case_id, category in sorted(new)[:20]:
            print(f"   unlisted: {case_id}\t{category}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
