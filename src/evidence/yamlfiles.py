"""YAML that users write (claims files, query sets), read with a cap on size and nesting.

Both kinds of file are a few KB and four or five levels deep. PyYAML composes a document
into nodes recursively and keeps every node in memory, so without caps a file nested a
thousand levels ends in a RecursionError, and a 16 MB file costs over a gigabyte. Here a file
over `MAX_YAML_BYTES` is refused before it is parsed, and `CappedLoader` stops at
`MAX_DEPTH` levels with the line where that happened. The callers turn both into their own
`InputError` (exit 2), one line naming the file.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from evidence.errors import InputError

__all__ = ["MAX_DEPTH", "MAX_YAML_BYTES", "CappedLoader", "TooDeep", "read_capped"]

MAX_YAML_BYTES = 1 << 20  # 1 MiB: a hundred times the seed claims file
MAX_DEPTH = 32  # levels of nested mappings and lists; claims files need 5


class TooDeep(yaml.MarkedYAMLError):
    """The document nests deeper than `MAX_DEPTH`; ``problem_mark`` is where."""


class CappedLoader(yaml.SafeLoader):
    """`yaml.SafeLoader` that refuses documents nested deeper than `MAX_DEPTH`.

    >>> yaml.load("a: [[1]]", Loader=CappedLoader)
    {'a': [[1]]}
    >>> try:
    ...     yaml.load("[" * 40 + "]" * 40, Loader=CappedLoader)
    ... except TooDeep as exc:
    ...     print(exc.problem, "at column", exc.problem_mark.column + 1)
    nested more than 32 levels deep at column 33
    """

    def __init__(self, stream: str | bytes) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self._depth >= MAX_DEPTH:
            raise TooDeep(
                problem=f"nested more than {MAX_DEPTH} levels deep",
                problem_mark=self.peek_event().start_mark,  # type: ignore[no-untyped-call]
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def read_capped(
    path: Path, error: type[InputError], *, what: str, limit: int = MAX_YAML_BYTES
) -> bytes:
    """The bytes of ``path``, reading no more than ``limit`` and one.

    Raises:
        InputError: (of class ``error``) the file is larger than ``limit``.
        OSError: the file cannot be read (the caller words that).
    """
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        try:
            size = f"{path.stat().st_size:,} bytes"
        except OSError:
            size = "more"
        cap = f"{limit >> 20} MiB" if limit % (1 << 20) == 0 else f"{limit:,} bytes"
        raise error(
            f"{path}: larger than {cap} ({size}); {what} is a few KB: is this the right file?"
        )
    return data
