"""Assign every record of the topic set to `dev` or `test`, at random, once.

    python tests/eval/topic/make_split.py

Each record's half is drawn from a hash of a fixed seed and its id, so it is random, never
depends on which other records exist, and never changes: records added later are drawn the
same way, and a record already in split.txt keeps its half (the script refuses to change
one). Writes tests/eval/topic/split.txt, "ID HALF" a line.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = "evidence-topic-set-2026-12-07"


def half_of(record_id: str) -> str:
    digest = hashlib.sha256(f"{SEED}:{record_id}".encode()).digest()
    return "dev" if digest[0] % 2 == 0 else "test"


def main(argv: list[str]) -> int:
    if argv:
        print(__doc__, file=sys.stderr)
        return 0 if argv[0] in ("-h", "--help") else 2
    out = HERE / "split.txt"
    before: dict[str, str] = {}
    if out.exists():
        for line in out.read_text(encoding="utf-8").splitlines():
            parts = line.split("#", 1)[0].split()
            if len(parts) == 2:
                before[parts[0]] = parts[1]
    ids = sorted(p.name for p in (HERE / "records").iterdir() if (p / "gold.yaml").exists())
    halves = {i: half_of(i) for i in ids}
    changed = [i for i in ids if i in before and before[i] != halves[i]]
    if changed:
        print(f"split.txt: would move {', '.join(changed)}; refusing", file=sys.stderr)
        return 1
    lines = [
        f"# The topic set's halves, drawn by make_split.py (seed {SEED!r}): tune on dev,",
        "# only measure test. Never edit by hand.",
        *(f"{i} {halves[i]}" for i in ids),
    ]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dev = sum(1 for h in halves.values() if h == "dev")
    print(f"{len(ids)} records: {dev} dev, {len(ids) - dev} test", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
