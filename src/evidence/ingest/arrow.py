"""pyarrow for the parallel ingest's forkserver and workers, imported without numpy (ingest
stage, parallel path).

``import pyarrow`` imports numpy when it is installed (~0.05 CPU-s), and the workers never
use it: they build their Arrow columns from Python lists (`evidence.store.load.
build_batch`) and send the tables back pickled. The forkserver imports this module first
(`evidence.ingest.ahead.forkserver_modules`), so pyarrow is imported there with numpy
reported missing, and the workers forked from it start with that pyarrow; the imports
before the workers can start are that much shorter. pyarrow (16 and later) works without
numpy and reads its absence once, when it is imported; numpy itself can still be imported
afterwards by whoever asks, but that pyarrow does not convert to or from numpy arrays.
Nothing else is changed: a process that imported pyarrow or numpy already (the ingest's
own process) is left as it is.
"""

from __future__ import annotations

import sys
from importlib.machinery import ModuleSpec

__all__ = ["import_pyarrow_without_numpy"]


class _NoNumpy:
    """An import finder that reports numpy as not installed."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if name == "numpy" or name.startswith("numpy."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


def import_pyarrow_without_numpy() -> None:
    """Import pyarrow with numpy reported missing, unless either is imported already."""
    if "pyarrow" in sys.modules or "numpy" in sys.modules:
        return
    sys.meta_path.insert(0, _NoNumpy)
    try:
        import pyarrow  # noqa: F401
    finally:
        sys.meta_path.remove(_NoNumpy)


import_pyarrow_without_numpy()
