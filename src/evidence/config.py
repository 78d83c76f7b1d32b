"""Settings, built once at the edge (CLI, flow) from the environment and passed down.

Paths are anchored on the project root so that commands behave the same from any folder.
No module reads the environment except through `Settings.from_env`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

__all__ = ["DEFAULT_ENTREZ_URL", "DEFAULT_QUERY_SET", "PROJECT_ROOT", "Settings"]

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_ENTREZ_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
# The query set `evidence sync` and the main job pull (data/queries/trigger_point.yaml).
DEFAULT_QUERY_SET = "trigger_point"


@dataclass(frozen=True, slots=True)
class Settings:
    """Where the data lives and how to reach NCBI.

    >>> Settings(db_path=Path(":memory:")).data_dir.name
    'data'
    """

    db_path: Path = PROJECT_ROOT / "data" / "evidence.duckdb"
    data_dir: Path = PROJECT_ROOT / "data"
    entrez_url: str = DEFAULT_ENTREZ_URL
    ncbi_email: str | None = field(default=None, repr=False)
    ncbi_api_key: str | None = field(default=None, repr=False)
    ncbi_tool: str = "evidence"

    @property
    def raw_dir(self) -> Path:
        """Untouched E-utilities responses, by query set and date."""
        return self.data_dir / "raw"

    @property
    def vocab_dir(self) -> Path:
        return self.data_dir / "vocab"

    @property
    def queries_dir(self) -> Path:
        return self.data_dir / "queries"

    @property
    def sample_dir(self) -> Path:
        return self.data_dir / "sample"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Read ``EVIDENCE_DB``, ``EVIDENCE_DATA_DIR``, ``EVIDENCE_ENTREZ_URL``,
        ``NCBI_EMAIL``, ``NCBI_API_KEY`` and ``NCBI_TOOL``; keyword overrides win."""
        env = os.environ if env is None else env
        settings = cls()
        if data_dir := env.get("EVIDENCE_DATA_DIR"):
            settings = replace(settings, data_dir=Path(data_dir))
        if db := env.get("EVIDENCE_DB"):
            settings = replace(settings, db_path=Path(db))
        if url := env.get("EVIDENCE_ENTREZ_URL"):
            settings = replace(settings, entrez_url=url if url.endswith("/") else url + "/")
        settings = replace(
            settings,
            ncbi_email=env.get("NCBI_EMAIL") or None,
            ncbi_api_key=env.get("NCBI_API_KEY") or None,
            ncbi_tool=env.get("NCBI_TOOL") or settings.ncbi_tool,
        )
        clean = {k: v for k, v in overrides.items() if v is not None}
        return replace(settings, **clean)  # type: ignore[arg-type]
