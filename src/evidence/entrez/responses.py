"""E-utilities answer bodies (acquisition stage, pure): accept a body only when it is whole.

Reads bytes, returns small typed results; no network, no disk. NCBI reports many failures
inside a body with status 200, and a dropped transfer can leave XML that stops mid-record
(entrez-notes §6), so every body is parsed completely before it is accepted:

- `parse_esearch`: ``eSearchResult`` → `SearchResult` (count, ids, history handle, warnings);
- `check_efetch`: ``PubmedArticleSet`` → `FetchedBatch` (the PMIDs that came back);
- `check_einfo`: ``eInfoResult`` → the record count of the database.

A body that is cut off, is not the expected document, or carries a non-empty ``<ERROR>``
raises `ResponseProblem`, whose ``transient`` flag says whether asking again may help.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from lxml import etree

from evidence.pmid import parse_pmid, valid_pmid

__all__ = [
    "FetchedBatch",
    "ResponseProblem",
    "SearchResult",
    "check_efetch",
    "check_einfo",
    "error_is_transient",
    "error_message",
    "parse_esearch",
]

# <ERROR> texts that asking again will not fix (entrez-notes §4, §6). Checked before the
# transient list: "Search Backend failed: ... out of acceptable range" is permanent.
_PERMANENT = (
    "out of range",
    "out of acceptable range",
    "cannot be larger than",
    "id list is empty",
    "invalid db name",
    "empty term",
    "neither query_key nor id",
    "empty id list",
)
# Back-end hiccups NCBI relays inside a body, sometimes with HTTP 400 (entrez-notes §6).
_TRANSIENT = (
    "failed to connect",
    "pubone",
    "search backend failed",
    "address table is empty",
    "couldn't resolve",
    "unable to obtain query",
    "temporarily unavailable",
    "timed out",
    "502",
    "503",
)
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True, remove_comments=True
)


class ResponseProblem(Exception):
    """A body that must not be accepted; ``transient`` says whether a retry may help."""

    def __init__(self, message: str, *, transient: bool) -> None:
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One esearch answer. ``ids`` holds at most the 9,999 PMIDs NCBI lets a search show;
    ``not_pmids`` the listed ids that are not PMIDs (0, out of range, not a number), left
    out of ``ids`` but counted in ``count`` and in the paging position."""

    count: int
    retstart: int
    ids: tuple[int, ...]
    webenv: str | None = None
    query_key: str | None = None
    warnings: tuple[str, ...] = ()
    translation: str | None = None
    not_pmids: tuple[str, ...] = ()

    @property
    def listed(self) -> int:
        """How many ids the answer listed, PMIDs or not (where the next page starts)."""
        return len(self.ids) + len(self.not_pmids)


@dataclass(frozen=True, slots=True)
class FetchedBatch:
    """What a whole efetch body holds: the PMIDs of its records, in document order."""

    pmids: tuple[int, ...]

    @property
    def records(self) -> int:
        return len(self.pmids)


def error_is_transient(text: str) -> bool:
    """Whether an NCBI ``<ERROR>`` text describes a passing back-end failure.

    >>> error_is_transient("Search Backend failed: Failed to connect to PubOne service")
    True
    >>> error_is_transient("Cannot retrieve history data: OUT OF RANGE retstart: 900")
    False
    """
    low = text.lower()
    if any(marker in low for marker in _PERMANENT):
        return False
    return any(marker in low for marker in _TRANSIENT)


def error_message(body: bytes) -> str | None:
    """The first non-empty ``<ERROR>`` text of an XML body, or the ``error`` of NCBI's JSON
    rate-limit body; None when there is none (an empty ``<ERROR/>`` is not an error)."""
    text = body.lstrip()
    if text.startswith(b"{"):
        try:
            data = json.loads(text)
        except ValueError:
            return None
        return str(data.get("error")) if isinstance(data, dict) and data.get("error") else None
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError:
        return None
    return _first_error(root)


def parse_esearch(body: bytes) -> SearchResult:
    """Read a whole ``eSearchResult``.

    Raises:
        ResponseProblem: cut off, not an esearch answer, or an ``<ERROR>`` inside.
    """
    root = _parse(body, "eSearchResult")
    count_text = root.findtext("Count")
    if count_text is None or not count_text.strip().isdigit():
        raise ResponseProblem("esearch answer has no <Count>", transient=True)
    ids: list[int] = []
    not_pmids: list[str] = []
    for element in root.iterfind("IdList/Id"):
        text = (element.text or "").strip()
        try:
            ids.append(parse_pmid(text))
        except ValueError:
            # One odd id must not fail every run of the query: the caller skips and reports
            # it (a PMID the warehouse cannot hold would fail the run when it is saved).
            not_pmids.append(text if len(text) <= 40 else text[:40] + "...")
    found = [*root.iterfind("ErrorList/*"), *root.iterfind("WarningList/*")]
    warnings = tuple(f"{e.tag}: {_text(e)}" for e in found if _text(e))
    retstart = root.findtext("RetStart") or "0"
    return SearchResult(
        count=int(count_text),
        retstart=int(retstart) if retstart.isdigit() else 0,
        ids=tuple(ids),
        webenv=(root.findtext("WebEnv") or "").strip() or None,
        query_key=(root.findtext("QueryKey") or "").strip() or None,
        warnings=warnings,
        translation=root.findtext("QueryTranslation"),
        not_pmids=tuple(not_pmids),
    )


def check_efetch(body: bytes) -> FetchedBatch:
    """Accept a PubMed efetch body only when it is a whole ``PubmedArticleSet``.

    Raises:
        ResponseProblem: cut off, an ``eFetchResult`` error, or another document.
    """
    root = _parse(body, "PubmedArticleSet")
    pmids: list[int] = []
    for record in root:
        if not isinstance(record.tag, str):
            continue
        if record.tag == "PubmedArticle":
            pmid = record.findtext("MedlineCitation/PMID")
        elif record.tag == "PubmedBookArticle":
            pmid = record.findtext("BookDocument/PMID")
        else:
            continue
        if pmid is None or not pmid.strip().isdigit():
            raise ResponseProblem(
                f"efetch answer has a <{record.tag}> without PMID", transient=False
            )
        number = int(pmid) if len(pmid.strip()) < 20 else 0
        # A record whose PMID the warehouse cannot hold is kept in the body, where the
        # ingest names its line; only the ledger's list of PMIDs leaves it out.
        if valid_pmid(number):
            pmids.append(number)
    return FetchedBatch(tuple(pmids))


def check_einfo(body: bytes) -> int:
    """The record count of an ``eInfoResult`` for one database.

    Raises:
        ResponseProblem: cut off, an ``<ERROR>`` inside, or no ``DbInfo/Count``.
    """
    root = _parse(body, "eInfoResult")
    count = root.findtext("DbInfo/Count")
    if count is None or not count.strip().isdigit():
        raise ResponseProblem("einfo answer has no DbInfo/Count", transient=False)
    return int(count)


def _parse(body: bytes, expected_root: str) -> etree._Element:
    if not body.strip():
        raise ResponseProblem("empty body", transient=True)
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as exc:
        # A cut-off transfer (entrez-notes §6, sample einfo4): ask again.
        raise ResponseProblem(f"incomplete or malformed XML ({exc.msg})", transient=True) from exc
    if (message := _first_error(root)) is not None:
        raise ResponseProblem(f"NCBI error: {message}", transient=error_is_transient(message))
    if root.tag != expected_root:
        raise ResponseProblem(f"expected <{expected_root}>, got <{root.tag}>", transient=False)
    return root


def _first_error(root: etree._Element) -> str | None:
    candidates = [root] if root.tag == "ERROR" else list(root.iterfind("ERROR"))
    for element in candidates:
        if text := _text(element):
            return text
    return None


def _text(element: etree._Element) -> str:
    return " ".join("".join(str(t) for t in element.itertext()).split())
