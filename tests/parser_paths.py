"""Whether the compiled PubMed record builder is there, for tests that run both builders."""

from __future__ import annotations

import os

__all__ = ["NOT_BUILT", "compiled_parser_built"]


def compiled_parser_built() -> bool:
    """Whether the compiled PubMed record builder (evidence.pubmed._fast) was built.

    With EVIDENCE_REQUIRE_COMPILED set, a missing build fails the test run instead of
    skipping the compiled cases (for CI, where the install builds it).
    """
    try:
        import evidence.pubmed._fast  # noqa: F401
    except ImportError:
        if os.environ.get("EVIDENCE_REQUIRE_COMPILED"):
            raise
        return False
    return True


NOT_BUILT = "evidence.pubmed._fast was not built (needs Cython and a C compiler at install)"
