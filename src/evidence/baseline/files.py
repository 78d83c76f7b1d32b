"""Baseline ingest, first step: which files to load, and in which order.

Reads file names only (never their content). NLM numbers the files of a year's release in
one sequence: the annual baseline ``pubmed25n0001.xml.gz`` … ``pubmed25n1274.xml.gz`` and then
the daily updates ``pubmed25n1275.xml.gz`` …; files before 2017 are called
``medline16n0001.xml.gz``. Loading in (year, number) order is what makes a revised record end
as its latest copy and a DeleteCitation land after the records it deletes, so a file whose
name carries no number is refused rather than guessed at::

    >>> [p.name for p in order_files([Path("pubmed25n1275.xml.gz"), Path("pubmed25n0002.xml")])]
    ['pubmed25n0002.xml', 'pubmed25n1275.xml.gz']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from evidence.errors import InputError

__all__ = ["FILE_PATTERN", "collect_files", "file_order_key", "order_files"]

FILE_PATTERN = re.compile(r"^(pubmed|medline)(?P<year>\d{2})n(?P<number>\d{4,})\.xml(\.gz)?$")
_EXPECTED = "expected pubmedYYnNNNN.xml.gz or medlineYYnNNNN.xml.gz, whose number sets the order"


def file_order_key(path: Path) -> tuple[int, int]:
    """(year, file number) of a baseline or update file name.

    Raises:
        InputError: the name is not that of an NLM baseline or update file.
    """
    match = FILE_PATTERN.match(path.name)
    if match is None:
        raise InputError(f"{path}: not a baseline or update file name ({_EXPECTED})")
    return int(match["year"]), int(match["number"])


def order_files(paths: Iterable[Path]) -> list[Path]:
    """The files in load order (year, then file number); the same file given twice counts once.

    Raises:
        InputError: a name carries no file number, or two different files share one.
    """
    by_key: dict[tuple[int, int], Path] = {}
    for path in paths:
        key = file_order_key(path)
        seen = by_key.get(key)
        if seen is not None and seen.resolve() != path.resolve():
            raise InputError(
                f"{path}: same file number as {seen}; keep one of them (the load order would"
                " be ambiguous)"
            )
        by_key[key] = path
    return [by_key[key] for key in sorted(by_key)]


def collect_files(paths: Sequence[Path]) -> list[Path]:
    """Expand folders into their ``*.xml`` / ``*.xml.gz`` files, check they exist, and order them.

    Other files in a folder (NLM's ``.md5`` files, a README) are left alone.

    Raises:
        InputError: a path does not exist, a folder holds no PubMed XML file, or a name carries
            no file number (see `order_files`).
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.iterdir() if p.is_file() and p.name.endswith((".xml", ".xml.gz"))
            )
            if not found:
                raise InputError(f"{path}: no PubMed XML files (*.xml, *.xml.gz) in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return order_files(files)
