"""evidence: check health claims against PubMed.

Stages, each a package or module: `evidence.entrez` (acquisition), `evidence.pubmed`
(parsing), `evidence.store` (the DuckDB warehouse), `evidence.tagging` (tags and findings),
`evidence.claims` (verdicts) and `evidence.report` (the editors' report);
`evidence.pipeline` wires them for the CLI (`evidence.cli`) and the Prefect flows.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
