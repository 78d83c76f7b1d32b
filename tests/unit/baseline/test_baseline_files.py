"""Which baseline files are loaded, and in which order (evidence.baseline.files)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from evidence.baseline import collect_files, file_order_key, order_files
from evidence.errors import InputError


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (
            ["pubmed25n1275.xml.gz", "pubmed25n0002.xml.gz", "pubmed25n0001.xml.gz"],
            ["pubmed25n0001.xml.gz", "pubmed25n0002.xml.gz", "pubmed25n1275.xml.gz"],
        ),
        (
            ["pubmed25n0010.xml", "pubmed25n0009.xml.gz"],
            ["pubmed25n0009.xml.gz", "pubmed25n0010.xml"],
        ),
        (
            ["pubmed17n0001.xml.gz", "medline16n0812.xml.gz", "medline16n0001.xml.gz"],
            ["medline16n0001.xml.gz", "medline16n0812.xml.gz", "pubmed17n0001.xml.gz"],
        ),
        (["pubmed25n10000.xml.gz", "pubmed25n9999.xml.gz"],
         ["pubmed25n9999.xml.gz", "pubmed25n10000.xml.gz"]),
    ],
    ids=["updates-after-baseline", "plain-and-gzip", "medline-before-pubmed", "five-digits"],
)  # fmt: skip
def test_files_are_ordered_by_year_then_file_number(names: list[str], expected: list[str]) -> None:
    assert [p.name for p in order_files(Path("/data") / n for n in names)] == expected


def test_the_same_file_given_twice_counts_once(tmp_path: Path) -> None:
    path = tmp_path / "pubmed25n0001.xml.gz"
    assert order_files([path, tmp_path / "." / path.name]) == [path]


def test_two_files_with_one_number_are_refused() -> None:
    with pytest.raises(InputError, match=r"b/pubmed25n0001\.xml: same file number as"):
        order_files([Path("a/pubmed25n0001.xml.gz"), Path("b/pubmed25n0001.xml")])


@pytest.mark.parametrize(
    "name",
    ["efetch-0001.xml", "pubmed25n1.xml.gz", "pubmed25n0001.xml.gz.md5", "PUBMED25N0001.XML"],
    ids=["efetch-answer", "short-number", "md5", "upper-case"],
)
def test_a_name_without_a_file_number_is_refused(name: str) -> None:
    with pytest.raises(InputError, match=rf"^{name}: not a baseline or update file name"):
        file_order_key(Path(name))


def test_a_folder_gives_its_xml_files_in_order_and_leaves_other_files(tmp_path: Path) -> None:
    for name in ("pubmed25n0002.xml.gz", "pubmed25n0001.xml.gz", "pubmed25n0001.xml.gz.md5",
                 "README.txt"):  # fmt: skip
        (tmp_path / name).write_bytes(b"")
    extra = tmp_path / "elsewhere" / "pubmed25n0003.xml"
    extra.parent.mkdir()
    extra.write_bytes(b"")
    got = collect_files([extra, tmp_path])
    assert [p.name for p in got] == [
        "pubmed25n0001.xml.gz", "pubmed25n0002.xml.gz", "pubmed25n0003.xml",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "nope", r"nope: no such file or folder"),
        (lambda d: d, r": no PubMed XML files \(\*\.xml, \*\.xml\.gz\) in this folder"),
    ],
    ids=["missing", "empty-folder"],
)
def test_missing_paths_and_empty_folders_are_input_errors(
    tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        collect_files([make(tmp_path)])
