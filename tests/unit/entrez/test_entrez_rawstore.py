"""The raw layer: partitioned, compressed, never overwritten."""

from __future__ import annotations

import gzip
import hashlib
from datetime import datetime
from pathlib import Path

from evidence.entrez.rawstore import relative_to_data, save_raw

WHEN = datetime(2026, 11, 25, 8, 0)


def test_saved_under_query_set_and_date(tmp_path: Path) -> None:
    saved = save_raw(tmp_path / "raw", "tp", "run1", "dry_needling", 3, b"<x/>", fetched_at=WHEN)
    assert (
        saved.path == tmp_path / "raw/query_set=tp/date=2026-11-25/run1-dry_needling-b0003.xml.gz"
    )
    assert gzip.decompress(saved.path.read_bytes()) == b"<x/>"
    assert saved.sha256 == hashlib.sha256(saved.path.read_bytes()).hexdigest()
    assert relative_to_data(saved.path, tmp_path) == (
        "raw/query_set=tp/date=2026-11-25/run1-dry_needling-b0003.xml.gz"
    )


def test_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    first = save_raw(tmp_path, "tp", "run1", "q", 0, b"<first/>", fetched_at=WHEN)
    second = save_raw(tmp_path, "tp", "run1", "q", 0, b"<second/>", fetched_at=WHEN)
    assert first.path != second.path
    assert second.path.name == "run1-q-b0000.1.xml.gz"
    assert gzip.decompress(first.path.read_bytes()) == b"<first/>"
    assert not list(first.path.parent.glob(".*tmp"))


def test_equal_bodies_give_equal_files(tmp_path: Path) -> None:
    a = save_raw(tmp_path, "tp", "r1", "q", 0, b"<same/>", fetched_at=WHEN)
    b = save_raw(tmp_path, "tp", "r2", "q", 0, b"<same/>", fetched_at=WHEN)
    assert a.sha256 == b.sha256
