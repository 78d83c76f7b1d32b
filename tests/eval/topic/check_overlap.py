"""Check that retold records share no run of 9 or more words with their sources.

    python tests/eval/topic/check_overlap.py SOURCE_DIR [RECORD_ID ...]

SOURCE_DIR holds the source text each record was retold from, as `NNNNNNNN.txt` (kept outside
the repository: it is the publisher's text). Every record under `records/` that has a source
there is checked; prints each shared run and exits 1 when there is one.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from lxml import etree

RUN = 9
RECORDS = Path(__file__).resolve().parent / "records"
_WORD = re.compile(r"[a-z0-9]+(?:['.][a-z0-9]+)*")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def record_text(path: Path) -> str:
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    parts = root.xpath("//ArticleTitle//text() | //AbstractText//text()")
    return " ".join(str(p) for p in parts)


def shared_runs(retold: str, source: str, run: int = RUN) -> list[str]:
    src = words(source)
    grams = {tuple(src[i : i + run]) for i in range(len(src) - run + 1)}
    mine = words(retold)
    return [
        " ".join(mine[i : i + run])
        for i in range(len(mine) - run + 1)
        if tuple(mine[i : i + run]) in grams
    ]


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__, file=sys.stderr)
        return 0 if argv else 2
    sources = Path(argv[0])
    if not sources.is_dir():
        print(f"check_overlap.py: {sources}: no such folder of source texts", file=sys.stderr)
        return 2
    wanted = set(argv[1:])
    bad = checked = 0
    for folder in sorted(RECORDS.iterdir()):
        source = sources / f"{folder.name}.txt"
        if (wanted and folder.name not in wanted) or not source.exists():
            continue
        checked += 1
        runs = shared_runs(record_text(folder / "record.xml"), source.read_text(encoding="utf-8"))
        for shared in runs:
            print(f"{folder.name}: shares '{shared}'")
        bad += bool(runs)
    print(f"{checked} records checked, {bad} share a run of {RUN}+ words", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
