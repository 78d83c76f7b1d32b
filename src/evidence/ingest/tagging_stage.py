"""Imported by the parallel ingest's forkserver in place of `evidence.tagging`: the tagging
stage, its modules' patterns built from what earlier runs kept.

The tagging stage compiles 237 regexes as its modules are imported (~0.13 CPU-s of the
import's ~0.29), in the forkserver before it can fork the workers. Imported here inside
`evidence.ingest.regexes.compiling_with`, each is built from the program an earlier run
kept (the same pattern: `RegexCache` keeps only what gives the pattern ``re.compile``
gives). The forkserver runs no other thread while it imports.
"""

from __future__ import annotations

from evidence.ingest.regexes import RegexCache, compiling_with

with compiling_with(RegexCache()):
    import evidence.tagging  # noqa: F401
