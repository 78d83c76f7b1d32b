"""Every tag and finding of the records in some files, one JSON line per record.

For work on the tagger's speed: dump before a change, dump after it, and compare the two
files with ``cmp``; a change meant to keep the output must leave them byte-identical (and a
change that does not is a new `TAGGER_VERSION`).

    python bench/tag_dump.py OUT FILE... [--vocab data/vocab]

e.g. OUT from tests/eval/devset.xml, tests/eval/holdout/holdout.xml, data/sample/*.xml, a
`bench/generate.py` file and the real MEDLINE samples in ../shared/reference.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from evidence.ingest import load_tagger
from evidence.models import Article
from evidence.pubmed import iter_records

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--vocab", type=Path, default=ROOT / "data" / "vocab")
    args = parser.parse_args()
    tagger = load_tagger(args.vocab)
    count = 0
    with args.out.open("w", encoding="utf-8") as out:
        for path in args.files:
            for record in iter_records(path):
                if isinstance(record, Article):
                    tags, findings = tagger.tag(record)
                    line = [record.pmid, [repr(t) for t in tags], [repr(f) for f in findings]]
                    out.write(json.dumps(line) + "\n")
                    count += 1
    print(f"{count} records from {len(args.files)} files -> {args.out}")


if __name__ == "__main__":
    main()
