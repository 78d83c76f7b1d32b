"""Hostile files are refused fast, in bounded memory, with one line naming the file and line.

Entity attacks, a 2 GiB text node, millions of tiny elements in one record, deep nesting,
invalid UTF-8, gzip bombs, in PubMed XML and in MEDLINE text. Each 2 GiB input is a lazy
stream or a small file of repeated gzip members (`hostile_inputs`): nothing the size of the
attack is ever made. The parser-level refusals of entity declarations, non-XML prologs and
libxml2's limits are unit-tested in tests/unit/pubmed (test_pubmed_prolog.py,
test_pubmed_reader.py); here they are checked through `evidence ingest` and for memory.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from hostile_inputs import GIB, write_gzip_bomb
from security_harness import REPO, Finished, run_evidence

from evidence.pubmed.medline import MAX_LINE_BYTES
from evidence.pubmed.reader import MAX_RECORD_BYTES
from evidence.pubmed.split import MAX_UNCUT_BYTES

HOSTILE = Path(__file__).with_name("hostile_inputs.py")
FIXTURES = REPO / "tests" / "fixtures" / "pubmed"
# A few tens of MB for the interpreter and lxml; the most costly input, a record of
# millions of tiny elements, is refused at MAX_RECORD_BYTES (libxml2 keeps ~50 bytes of
# tree per byte of such markup). Nothing grows with the size of the attack.
BOUND_MB = 700
TEXT_BOUND_MB = 200
# `evidence ingest` of every file below, less the shared libraries' file-backed pages (see
# security_harness): ~535 MB, nearly all of it the widest record's tree.
CLI_BOUND_MB = 600

ENTITY = r"refused: DOCTYPE with an internal subset \(entity declarations are never expanded\)"
TOO_LONG = rf"refused: a record longer than {MAX_RECORD_BYTES} bytes"


XML = r"^XmlParseError: hostile\.xml"
TXT = r"^XmlParseError: hostile\.txt"
# case of hostile_inputs.py: (what the error must say, the bound on peak RSS)
STREAMS = {
    "text-node": (rf"{XML}:3: invalid XML: .*Text node too long", TEXT_BOUND_MB),
    "text-node-cut-in-pieces": (
        rf"^SplitError: hostile\.xml: a record longer than {MAX_UNCUT_BYTES} bytes$",
        TEXT_BOUND_MB,
    ),
    "wide-record": (rf"{XML}:3: {TOO_LONG}", BOUND_MB),
    "elements-between-records": (rf"{XML}:\d+: {TOO_LONG}", BOUND_MB),
    "deep-nesting": (rf"{XML}:3: invalid XML: Excessive depth", TEXT_BOUND_MB),
    "medline-line": (
        rf"{TXT}:3: refused: a line longer than {MAX_LINE_BYTES} bytes$",
        TEXT_BOUND_MB,
    ),
    "medline-record": (
        rf"{TXT}:\d+: refused: a record longer than {MAX_RECORD_BYTES} bytes$",
        TEXT_BOUND_MB,
    ),
}


@pytest.mark.parametrize("case", list(STREAMS))
def test_a_2_gib_stream_is_refused_in_bounded_memory(case: str) -> None:
    message, bound_mb = STREAMS[case]
    child = subprocess.run(
        [sys.executable, str(HOSTILE), case], capture_output=True, text=True, timeout=60
    )
    assert child.returncode == 0, child.stderr
    result = json.loads(child.stdout)
    assert result["error"] is not None and re.match(message, result["error"]), result
    assert "\n" not in result["error"]
    assert result["rss_mb"] < bound_mb, result


def _xml(body: bytes) -> bytes:
    return b'<?xml version="1.0"?>\n<PubmedArticleSet>\n' + body + b"\n</PubmedArticleSet>\n"


def _article(pmid: int, title: bytes) -> bytes:
    return (
        b'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">\n<PMID Version="1">%d'
        b"</PMID>\n<Article><ArticleTitle>%s</ArticleTitle></Article></MedlineCitation>"
        b"</PubmedArticle>" % (pmid, title)
    )


HEAD = b'<?xml version="1.0"?>\n<PubmedArticleSet>\n<PubmedArticle><MedlineCitation>'
RECORD = b'<PMID Version="1">90000779</PMID><Article><ArticleTitle>'
TAIL = b"</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n"
MEDLINE = b"PMID- 90000780\nTI  - Synthetic title.\nAB  - Synthetic abstract.\n\n"


def _hostile_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """name: (file, what the error line must say after 'FILE:')."""
    folder.mkdir()
    bad_utf8 = folder / "bad-utf8.xml"
    # lines 3-5: a good record; lines 6-8: a record whose title is Latin-1, not UTF-8
    bad_utf8.write_bytes(_xml(_article(90000781, b"ok") + b"\n" + _article(90000782, b"caf\xe9")))
    medline_utf8 = folder / "bad-utf8.txt"
    medline_utf8.write_bytes(MEDLINE + b"PMID- 90000783\nTI  - caf\xc3\xa9 ok\nAB  - caf\xe9 x\n")
    truncated = folder / "truncated.txt.gz"
    packed = gzip.compress(MEDLINE * 2000, mtime=0)
    truncated.write_bytes(packed[: len(packed) // 2])
    deep = folder / "deep.xml"
    deep.write_bytes(_xml(_article(90000784, b"<i>" * 100_000 + b"x" + b"</i>" * 100_000)))
    return {
        "billion-laughs": (FIXTURES / "billion_laughs.xml", rf"4: {ENTITY}$"),
        "external-entity-file": (FIXTURES / "external_entity_file.xml", rf"4: {ENTITY}$"),
        "external-entity-http": (FIXTURES / "external_entity_http.xml", rf"4: {ENTITY}$"),
        "text-node-2-gib-gzip": (
            write_gzip_bomb(folder / "text-node.xml.gz", HEAD + RECORD, b"x", 2 * GIB, TAIL),
            r"3: invalid XML: .*Text node too long",
        ),
        # on disk over the size that is cut into pieces for the workers: the cutter gives
        # up on the endless record and the single stream refuses it
        "text-node-17-gib-gzip-in-pieces": (
            write_gzip_bomb(folder / "big.xml.gz", HEAD + RECORD, b"x", 17 * GIB, TAIL),
            r"3: invalid XML: .*Text node too long",
        ),
        "wide-record-2-gib-gzip": (
            write_gzip_bomb(folder / "wide.xml.gz", HEAD + RECORD, b"<i/>", 2 * GIB, TAIL),
            rf"3: {TOO_LONG}",
        ),
        "deep-nesting": (deep, r"5: invalid XML: Excessive depth in document: 256"),
        "invalid-utf8": (bad_utf8, r"8: invalid XML: Invalid bytes in character encoding"),
        "invalid-utf8-medline": (medline_utf8, r"7: not UTF-8 text \(invalid continuation"),
        "medline-line-2-gib-gzip": (
            write_gzip_bomb(folder / "line.txt.gz", b"PMID- 1\nAB  - ", b"x", 2 * GIB, b"\n"),
            rf"2: refused: a line longer than {MAX_LINE_BYTES} bytes$",
        ),
        "medline-truncated-gzip": (truncated, r"\d+: gzip data ends early \(truncated file\)$"),
    }


Ingested = tuple[Finished, dict[str, tuple[Path, str]], Path]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Ingested:
    """One `evidence ingest` of every hostile file and one good file, on two workers."""
    root = tmp_path_factory.mktemp("hostile")
    files = _hostile_files(root / "in")
    good = root / "in" / "good.xml"
    good.write_bytes(_xml(_article(90000785, b"A fine synthetic title.")))
    db = root / "w.duckdb"
    paths = [path for path, _ in files.values()]
    done = run_evidence("ingest", "--workers", "2", *paths, good, "--db", db, timeout=180)
    return done, files, db


def test_every_hostile_file_is_one_line_naming_it_and_the_good_file_still_loads(
    ingested: Ingested,
) -> None:
    done, files, db = ingested
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.error_lines) == len(files), done.stderr
    assert done.peak_rss_mb is not None and done.peak_rss_mb < CLI_BOUND_MB
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT pmid FROM articles").fetchall() == [(90000785,)]


@pytest.mark.parametrize("name", [
    "billion-laughs", "external-entity-file", "external-entity-http", "text-node-2-gib-gzip",
    "text-node-17-gib-gzip-in-pieces", "wide-record-2-gib-gzip", "deep-nesting",
    "invalid-utf8", "invalid-utf8-medline", "medline-line-2-gib-gzip", "medline-truncated-gzip",
])  # fmt: skip
def test_hostile_file_is_refused_with_its_line(ingested: Ingested, name: str) -> None:
    done, files, _ = ingested
    path, says = files[name]
    prefix = f"evidence: error: {path}:"
    (line,) = [e for e in done.error_lines if e.startswith(prefix)]
    assert re.match(says, line.removeprefix(prefix)), line
