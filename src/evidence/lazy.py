"""Names a package gives on first use (PEP 562), not when it is imported, so that a process
that needs one of its modules (a worker needs `evidence.store.load`, the pool's forkserver
`evidence.ingest.pool`) does not import the others, nor DuckDB with them."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["lazy_names"]


def lazy_names(
    package: str, where: Mapping[str, str], names: Sequence[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module-level ``__getattr__`` and ``__dir__`` of ``package``: a name of ``where``
    (name -> the module that defines it) is imported from its module when first asked for,
    and kept in the package's namespace; ``names`` are what ``dir`` lists besides it."""
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *names})

    return __getattr__, __dir__
