# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Ingest stage, records, compiled: the same records as `evidence.pubmed.fields`, read from
libxml2's tree under lxml's elements without creating a Python element per node.

Built from this file when a C compiler and Cython are there at install time (optional: the
package works without it). Every rule of `fields.py`, `dates.py` and `text.py` is kept as
it stands there: what counts as a child (`len(element)`), an element's text and tail
(consecutive text and CDATA nodes), tag tests (a name outside any namespace), attribute
lookups (lxml's own `attributeValueFromNsName`). The value rules themselves (whitespace,
dates, PMIDs) are the Python functions, called with the strings read here, so the two paths
cannot drift apart on them. MathML formulas and error lines are rare and go through lxml
elements, through the very functions the Python path uses.
"""

from cpython.bytes cimport PyBytes_FromStringAndSize
from cpython.datetime cimport date_new, import_datetime
from cpython.mem cimport PyMem_Realloc
from cpython.object cimport PyObject_GenericSetAttr
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.string cimport memcpy, strcmp, strlen

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Element

import dataclasses
import inspect
import sys

from evidence.errors import XmlParseError
from evidence.models import (
    AbstractSection,
    Article,
    ArticleLink,
    Author,
    BookArticle,
    Deletion,
    MeshHeading,
    MeshQualifier,
    PublicationType,
)
from evidence.pmid import parse_pmid, valid_pmid
from evidence.pubmed.dates import pub_date_of, read_date_text, year_of, ymd_of
from evidence.pubmed.fields import read_version
from evidence.pubmed.text import MATHML_NAMESPACE, math_text

cetree.import_lxml__etree()
import_datetime()


# ---------------------------------------------------------------- records without __init__


cdef class _Maker:
    """Builds one frozen dataclass of `evidence.models` as its generated ``__init__`` would:
    a new instance, then `object.__setattr__` of each field in order (in C, for speed).

    Used only when that is all the ``__init__`` does: every field is an ``__init__``
    argument and a slot, and there is no ``__post_init__``. Otherwise the class is called.
    Values are passed by position, so the import fails loudly when a model's fields are no
    longer the ones, in the order, that this module was written for.
    """

    cdef type cls
    cdef tuple names
    cdef bint direct

    def __init__(self, cls, str names):
        self.cls = cls
        fields = dataclasses.fields(cls)
        self.names = tuple(sys.intern(f.name) for f in fields)
        if self.names != tuple(names.split()):
            # the values below are given in this order: refuse to build shuffled records
            raise RuntimeError(
                f"{cls.__name__} now has the fields {self.names}; evidence/pubmed/_fast.pyx"
                " builds it with the fields " + names + ": update it and reinstall"
            )
        slots = set(getattr(cls, "__slots__", ()))
        self.direct = (
            dataclasses.is_dataclass(cls)
            and not hasattr(cls, "__post_init__")
            and all(f.init and f.name in slots for f in fields)
            and len(inspect.signature(cls).parameters) == len(fields)
        )

    cdef object make(self, tuple values):
        cdef Py_ssize_t i
        if not self.direct:
            return self.cls(*values)
        obj = self.cls.__new__(self.cls)
        for i in range(len(self.names)):
            PyObject_GenericSetAttr(obj, self.names[i], values[i])
        return obj


cdef _Maker _ARTICLE = _Maker(
    Article,
    "pmid version status date_revised date_completed title vernacular_title"
    " abstract_sections journal journal_iso issn pub_year pub_date pub_date_raw languages"
    " doi pmcid authors publication_types mesh_headings keywords links source_line",
)
cdef _Maker _AUTHOR = _Maker(
    Author, "last_name fore_name initials collective_name affiliations orcid"
)
cdef _Maker _SECTION = _Maker(AbstractSection, "label nlm_category text")
cdef _Maker _PUBTYPE = _Maker(PublicationType, "ui name")
cdef _Maker _HEADING = _Maker(MeshHeading, "descriptor_ui descriptor major_topic qualifiers")
cdef _Maker _QUALIFIER = _Maker(MeshQualifier, "ui name major_topic")
cdef _Maker _LINK = _Maker(ArticleLink, "ref_type pmid ref_source")


def direct_construction():
    """Whether records are built without calling each dataclass's ``__init__`` (for tests)."""
    return all(m.direct for m in (_ARTICLE, _AUTHOR, _SECTION, _PUBTYPE, _HEADING, _QUALIFIER, _LINK))

__all__ = [
    "BUILDERS", "clean_text_compiled", "read_article", "read_book_article", "read_deletion"
]

cdef bytes _MATHML_HREF = MATHML_NAMESPACE.encode()


# ---------------------------------------------------------------- nodes as lxml sees them


cdef inline bint _is_child(tree.xmlNode* c) noexcept:
    """What lxml counts among an element's children (`len`, iteration)."""
    return cetree._isElement(c)


cdef inline bint _is(tree.xmlNode* c, const char* name) noexcept:
    """`c.tag == name`: an element outside any namespace with that name."""
    return (
        c.type == tree.XML_ELEMENT_NODE
        and cetree._getNs(c) is NULL
        and strcmp(<const char*>c.name, name) == 0
    )


cdef inline tree.xmlNode* _text_node(tree.xmlNode* c) noexcept:
    """The first of a run of text nodes from `c` on (XInclude markers skipped), or NULL."""
    while c is not NULL:
        if c.type == tree.XML_TEXT_NODE or c.type == tree.XML_CDATA_SECTION_NODE:
            return c
        if c.type != tree.XML_XINCLUDE_START and c.type != tree.XML_XINCLUDE_END:
            return NULL
        c = c.next
    return NULL


cdef inline str _decode(const tree.xmlChar* text):
    cdef const char* raw = <const char*>text
    return PyUnicode_DecodeUTF8(raw, strlen(raw), NULL)


cdef object _collect_text(tree.xmlNode* c):
    """lxml's `.text` (from the first child) or `.tail` (from the next sibling): the run of
    text nodes there, joined; '' when they are all empty, None when there is none."""
    cdef tree.xmlNode* first = _text_node(c)
    cdef tree.xmlNode* only = NULL
    cdef int filled = 0
    if first is NULL:
        return None
    c = first
    while c is not NULL:
        if c.content[0] != 0:
            only = c
            filled += 1
        c = _text_node(c.next)
    if filled == 0:
        return ""
    if filled == 1:
        return _decode(only.content)
    pieces = []
    c = first
    while c is not NULL:
        pieces.append(PyBytes_FromStringAndSize(
            <const char*>c.content, strlen(<const char*>c.content)))
        c = _text_node(c.next)
    return b"".join(pieces).decode("utf-8")


cdef inline object _text(tree.xmlNode* c):
    return _collect_text(c.children)


cdef inline object _get(tree.xmlNode* c, const char* name):
    """`element.get(name)`."""
    return cetree.attributeValueFromNsName(c, NULL, <const tree.xmlChar*>name)


cdef inline _Element _proxy(_Element anchor, tree.xmlNode* c):
    """The lxml element of node `c` (in `anchor`'s document), for the rare slow paths."""
    return cetree.elementFactory(anchor._doc, c)


cdef inline object _line(_Element anchor, tree.xmlNode* c):
    return _proxy(anchor, c).sourceline


# The bytes that may start an XML space or a no-break space (C2 A0), for a quick first scan.
cdef bint _MAYBE_SPACE[256]
for _b in range(256):
    _MAYBE_SPACE[_b] = _b in (9, 10, 13, 32, 0xC2)


cdef inline bint _xml_space(unsigned char b) noexcept:
    return b == 32 or b == 9 or b == 10 or b == 13


cdef inline bint _nbsp(const unsigned char* raw, Py_ssize_t i, Py_ssize_t size) noexcept:
    """A no-break space (UTF-8 C2 A0) at byte `i`."""
    return raw[i] == 0xC2 and i + 1 < size and raw[i + 1] == 0xA0


# One scratch buffer for _clean_utf8, grown as needed (a malloc per long text costs more than
# the rest of the cleaning); only used with the GIL held and no Python code in between.
cdef unsigned char* _scratch = NULL
cdef Py_ssize_t _scratch_size = 0


cdef unsigned char* _buffer(Py_ssize_t size) except NULL:
    global _scratch, _scratch_size
    cdef unsigned char* grown
    if size > _scratch_size:
        grown = <unsigned char*>PyMem_Realloc(_scratch, max(size, 4096))
        if grown is NULL:
            raise MemoryError()
        _scratch = grown
        _scratch_size = max(size, 4096)
    return _scratch


cdef object _clean_utf8(const unsigned char* raw, Py_ssize_t size):
    """`text.clean_text` of UTF-8 text.

    clean_text collapses with its regex only when the text holds a double space or is not
    printable; printable text has no tab, line break or no-break space and, without a double
    space, the regex would leave it as it is. So the rule is the regex's alone: each maximal
    run of spaces, tabs, CR, LF and no-break spaces that holds at least one of the first four
    becomes one space (a run of no-break spaces alone stays), then spaces and no-break spaces
    are stripped from the ends; None when nothing is left.
    """
    cdef Py_ssize_t i = 0, j, n = 0, first, last
    cdef bint rewrite = False, has_space
    cdef unsigned char* out
    cdef unsigned char b
    while i < size:
        b = raw[i]
        if _MAYBE_SPACE[b]:
            if b == 32:
                if i + 1 < size and (_xml_space(raw[i + 1]) or _nbsp(raw, i + 1, size)):
                    rewrite = True
                    break
            elif b != 0xC2 or _nbsp(raw, i, size):
                rewrite = True
                break
        i += 1
    if not rewrite:
        first, last = 0, size
        while first < last and raw[first] == 32:
            first += 1
        while last > first and raw[last - 1] == 32:
            last -= 1
        if first == last:
            return None
        return PyUnicode_DecodeUTF8(<const char*>raw + first, last - first, NULL)
    out = _buffer(size)
    if True:
        i = 0
        while i < size:
            if _xml_space(raw[i]) or _nbsp(raw, i, size):
                j = i
                has_space = False
                while j < size:
                    if _xml_space(raw[j]):
                        has_space = True
                        j += 1
                    elif _nbsp(raw, j, size):
                        j += 2
                    else:
                        break
                if has_space:
                    out[n] = 32
                    n += 1
                else:
                    memcpy(out + n, raw + i, j - i)
                    n += j - i
                i = j
            else:
                out[n] = raw[i]
                n += 1
                i += 1
        first, last = 0, n
        while first < last:
            if out[first] == 32:
                first += 1
            elif _nbsp(out, first, last):
                first += 2
            else:
                break
        while last > first:
            if out[last - 1] == 32:
                last -= 1
            elif last - 2 >= first and out[last - 2] == 0xC2 and out[last - 1] == 0xA0:
                last -= 2
            else:
                break
        if first == last:
            return None
        return PyUnicode_DecodeUTF8(<const char*>out + first, last - first, NULL)


cdef object _clean_str(object text):
    """`clean_text` of a Python string, through `_clean_utf8`."""
    if not text:
        return None
    cdef bytes data = (<str>text).encode("utf-8")
    return _clean_utf8(<const unsigned char*><const char*>data, len(data))


def clean_text_compiled(text):
    """`text.clean_text` as the compiled builder computes it (for tests)."""
    return _clean_str(text)


cdef object _clean(tree.xmlNode* node):
    """`clean_text(element.text)`, read from the node's text in place when it is one node."""
    cdef tree.xmlNode* first = _text_node(node.children)
    if first is NULL:
        return None
    if _text_node(first.next) is not NULL:
        return _clean_str(_collect_text(node.children))
    return _clean_utf8(first.content, strlen(<const char*>first.content))


# ---------------------------------------------------------------- text with inline markup


cdef bint _is_math(tree.xmlNode* c) noexcept:
    cdef const tree.xmlChar* href = cetree._getNs(c)
    return (
        href is not NULL
        and strcmp(<const char*>c.name, "math") == 0
        and strcmp(<const char*>href, <const char*>_MATHML_HREF) == 0
    )


cdef void _collect(_Element anchor, tree.xmlNode* node, list parts) except *:
    text = _text(node)
    if text:
        parts.append(text)
    cdef tree.xmlNode* c = node.children
    while c is not NULL:
        if _is_child(c):
            # entity references (no DTD declares them) are not text, what follows them is
            if c.type == tree.XML_ELEMENT_NODE:
                if _is_math(c):
                    parts.append(math_text(_proxy(anchor, c)))
                else:
                    _collect(anchor, c, parts)
            tail = _collect_text(c.next)
            if tail:
                parts.append(tail)
        c = c.next


cdef object _inline_text(_Element anchor, tree.xmlNode* node):
    """`text.inline_text`: the text of the element and all its descendants, cleaned."""
    cdef tree.xmlNode* c = node.children
    while c is not NULL and not _is_child(c):
        c = c.next
    if c is NULL:
        return _clean(node)
    parts = []
    _collect(anchor, node, parts)
    return _clean_str("".join(parts))


# ---------------------------------------------------------------- records


cdef class _Draft:
    cdef public object pmid, date_revised, date_completed, pub_date, title, vernacular_title
    cdef public object journal, journal_iso, issn, pub_date_raw, doi, elocation_doi, pmcid
    cdef public object other_pmcid, pub_year, article_year
    cdef public object abstract_sections, authors, publication_types, mesh_headings, links
    cdef public list languages, keywords
    cdef public int version

    def __cinit__(self):
        self.version = 1
        self.abstract_sections = ()
        self.authors = ()
        self.publication_types = ()
        self.mesh_headings = ()
        self.links = ()
        self.languages = []
        self.keywords = []


def read_article(_Element record, str label):
    """`fields.read_article`, compiled."""
    cdef tree.xmlNode* node = record._c_node
    cdef tree.xmlNode* citation = NULL
    cdef tree.xmlNode* pubmed_data = NULL
    cdef tree.xmlNode* c
    line = record.sourceline
    if _is(node, "MedlineCitation"):
        citation = node
    else:
        c = node.children
        while c is not NULL:
            if _is(c, "MedlineCitation"):
                citation = c
            elif _is(c, "PubmedData"):
                pubmed_data = c
            c = c.next
    if citation is NULL:
        raise XmlParseError(f"{label}:{line}: <{record.tag}> has no <MedlineCitation>")
    cdef _Draft draft = _Draft()
    _read_citation(record, citation, draft, label)
    if draft.pmid is None:
        raise XmlParseError(f"{label}:{line}: <{record.tag}> has no PMID")
    if pubmed_data is not NULL:
        _read_pubmed_data(pubmed_data, draft)
    # the fields of Article, in order
    return _ARTICLE.make((
        draft.pmid,
        draft.version,
        _get(citation, "Status") or None,
        draft.date_revised,
        draft.date_completed,
        draft.title,
        draft.vernacular_title,
        draft.abstract_sections,
        draft.journal,
        draft.journal_iso,
        draft.issn,
        draft.pub_year if draft.pub_year is not None else draft.article_year,
        draft.pub_date,
        draft.pub_date_raw,
        tuple(draft.languages),
        draft.doi or draft.elocation_doi,
        draft.pmcid or draft.other_pmcid,
        draft.authors,
        draft.publication_types,
        draft.mesh_headings,
        tuple(draft.keywords),
        draft.links,
        line,
    ))


def read_book_article(_Element record, str label):
    """`fields.read_book_article`, compiled."""
    cdef tree.xmlNode* c = record._c_node.children
    cdef tree.xmlNode* field
    while c is not NULL:
        if _is(c, "BookDocument"):
            field = c.children
            while field is not NULL:
                if _is(field, "PMID"):
                    pmid = _read_pmid(record, field, label)
                    return BookArticle(pmid=pmid, source_line=record.sourceline)
                field = field.next
        c = c.next
    raise XmlParseError(f"{label}:{record.sourceline}: <{record.tag}> has no PMID")


def read_deletion(_Element record, str label):
    """`fields.read_deletion`, compiled."""
    cdef tree.xmlNode* c = record._c_node.children
    pmids = []
    while c is not NULL:
        if _is(c, "PMID"):
            pmids.append(_read_pmid(record, c, label))
        c = c.next
    line = record.sourceline
    if not pmids:
        raise XmlParseError(f"{label}:{line}: <{record.tag}> has no PMID")
    return Deletion(pmids=tuple(pmids), source_line=line)


cdef object _read_pmid(_Element anchor, tree.xmlNode* c, str label):
    cdef tree.xmlNode* node = _text_node(c.children)
    cdef const unsigned char* raw
    cdef Py_ssize_t first = 0, last
    cdef long long value = 0
    if node is not NULL and _text_node(node.next) is NULL:
        # the usual case: 1 to 18 ASCII digits (never above MAX_PMID) between XML spaces
        raw = node.content
        last = strlen(<const char*>raw)
        while first < last and _xml_space(raw[first]):
            first += 1
        while last > first and _xml_space(raw[last - 1]):
            last -= 1
        if 0 < last - first <= 18:
            while first < last and 48 <= raw[first] <= 57:
                value = value * 10 + (raw[first] - 48)
                first += 1
            if first == last and value > 0:
                return value
    text = (_text(c) or "").strip()
    if not text:
        raise XmlParseError(f"{label}:{_line(anchor, c)}: <PMID> is empty")
    try:
        return parse_pmid(text)
    except ValueError as exc:
        raise XmlParseError(f"{label}:{_line(anchor, c)}: {exc}") from None


cdef void _read_citation(
    _Element anchor, tree.xmlNode* citation, _Draft draft, str label
) except *:
    cdef tree.xmlNode* c = citation.children
    while c is not NULL:
        if c.type != tree.XML_ELEMENT_NODE or cetree._getNs(c) is not NULL:
            pass
        elif _is(c, "Article"):
            _read_article_element(anchor, c, draft)
        elif _is(c, "PMID"):
            draft.pmid = _read_pmid(anchor, c, label)
            version = _get(c, "Version")
            draft.version = read_version("1" if version is None else version)
        elif _is(c, "MeshHeadingList"):
            draft.mesh_headings = _read_mesh_headings(c)
        elif _is(c, "KeywordList"):
            draft.keywords.extend(_read_keywords(anchor, c))
        elif _is(c, "CommentsCorrectionsList"):
            draft.links = _read_links(c)
        elif _is(c, "DateRevised"):
            draft.date_revised = _read_ymd(c)
        elif _is(c, "DateCompleted"):
            draft.date_completed = _read_ymd(c)
        elif _is(c, "OtherID") and draft.other_pmcid is None:
            text = _text(c) or ""
            if _get(c, "Source") == "NLM" and text.startswith("PMC"):
                draft.other_pmcid = text.split(None, 1)[0]
        c = c.next


cdef void _read_article_element(_Element anchor, tree.xmlNode* article, _Draft draft) except *:
    cdef tree.xmlNode* c = article.children
    languages = draft.languages
    while c is not NULL:
        if c.type != tree.XML_ELEMENT_NODE or cetree._getNs(c) is not NULL:
            pass
        elif _is(c, "Journal"):
            _read_journal(c, draft)
        elif _is(c, "ArticleTitle"):
            draft.title = _inline_text(anchor, c)
        elif _is(c, "Abstract"):
            draft.abstract_sections = _read_abstract(anchor, c)
        elif _is(c, "AuthorList"):
            draft.authors = _read_authors(anchor, c)
        elif _is(c, "Language"):
            language = _clean(c)
            if language is not None:
                languages.append(language)
        elif _is(c, "PublicationTypeList"):
            draft.publication_types = _read_publication_types(c)
        elif _is(c, "ELocationID"):
            if draft.elocation_doi is None and _get(c, "EIdType") == "doi":
                valid = _get(c, "ValidYN")
                if (valid is None or valid == "Y"):
                    draft.elocation_doi = _clean(c)
        elif _is(c, "VernacularTitle"):
            draft.vernacular_title = _inline_text(anchor, c)
        elif _is(c, "ArticleDate") and draft.article_year is None:
            draft.article_year = _read_year(c)
        c = c.next


cdef void _read_journal(tree.xmlNode* journal, _Draft draft) except *:
    cdef tree.xmlNode* c = journal.children
    cdef tree.xmlNode* field
    while c is not NULL:
        if _is(c, "Title"):
            draft.journal = _clean(c)
        elif _is(c, "ISOAbbreviation"):
            draft.journal_iso = _clean(c)
        elif _is(c, "ISSN") and draft.issn is None:
            draft.issn = _clean(c)
        elif _is(c, "JournalIssue"):
            field = c.children
            while field is not NULL:
                if _is(field, "PubDate"):
                    pub_date = _read_pub_date(field)
                    draft.pub_year = pub_date.year
                    draft.pub_date = pub_date.date
                    draft.pub_date_raw = pub_date.raw
                field = field.next
        c = c.next


cdef object _read_pub_date(tree.xmlNode* element):
    """`dates.read_pub_date`, reading the same texts."""
    cdef tree.xmlNode* c = element.children
    year_text = month_text = day_text = None
    raw_parts = []
    while c is not NULL:
        if c.type == tree.XML_ELEMENT_NODE:  # entity references match no tag
            text = (_text(c) or "").strip()
            if text:
                if _is(c, "MedlineDate"):
                    return read_date_text(" ".join(text.split()))
                if _is(c, "Year"):
                    year_text = text
                    raw_parts.append(text)
                elif _is(c, "Month") or _is(c, "Season"):
                    month_text = text
                    raw_parts.append(text)
                elif _is(c, "Day"):
                    day_text = text
                    raw_parts.append(text)
        c = c.next
    return pub_date_of(year_text, month_text, day_text, " ".join(raw_parts) or None)


cdef int _digits(tree.xmlNode* node, int most) noexcept:
    """The number that the one text node of `node` holds, when it is 1 to `most` ASCII digits
    and nothing else; -1 otherwise."""
    cdef tree.xmlNode* text = _text_node(node.children)
    cdef const unsigned char* raw
    cdef int value = 0, n = 0
    if text is NULL or _text_node(text.next) is not NULL:
        return -1
    raw = text.content
    while raw[n] != 0:
        if n == most or not 48 <= raw[n] <= 57:
            return -1
        value = value * 10 + (raw[n] - 48)
        n += 1
    return value if n > 0 else -1


cdef object _read_ymd(tree.xmlNode* element):
    """`dates.read_ymd`: in C when Year, Month and Day are plain numbers, else through
    `dates.ymd_of` with the same texts."""
    cdef tree.xmlNode* c = element.children
    cdef tree.xmlNode* year = NULL
    cdef tree.xmlNode* month = NULL
    cdef tree.xmlNode* day = NULL
    cdef int y, m, d
    while c is not NULL:
        if _is(c, "Year"):
            year = c
        elif _is(c, "Month"):
            month = c
        elif _is(c, "Day"):
            day = c
        c = c.next
    if year is NULL or month is NULL or day is NULL:
        return None
    y, m, d = _digits(year, 4), _digits(month, 2), _digits(day, 2)
    if y >= 0 and d >= 0 and 1 <= m <= 12:
        try:
            return date_new(y, m, d)
        except ValueError:
            return None
    return ymd_of(_text(year), _text(month), _text(day))


cdef object _read_year(tree.xmlNode* element):
    """`dates.read_year`, reading the same text."""
    cdef tree.xmlNode* c = element.children
    while c is not NULL:
        if _is(c, "Year"):
            return year_of(_text(c))
        c = c.next
    return None


cdef tuple _read_abstract(_Element anchor, tree.xmlNode* abstract):
    cdef tree.xmlNode* c = abstract.children
    sections = []
    while c is not NULL:
        if _is(c, "AbstractText"):
            text = _inline_text(anchor, c)
            if text is not None:
                label = _get(c, "Label")
                category = _get(c, "NlmCategory")
                sections.append(
                    _SECTION.make((_clean_str(label) if label else None, category or None, text))
                )
        c = c.next
    return tuple(sections)


cdef tuple _read_authors(_Element anchor, tree.xmlNode* author_list):
    cdef tree.xmlNode* author = author_list.children
    cdef tree.xmlNode* c
    cdef tree.xmlNode* info
    authors = []
    while author is not NULL:
        if not _is(author, "Author"):
            author = author.next
            continue
        last = fore = initials = collective = orcid = None
        affiliations = ()
        c = author.children
        while c is not NULL:
            if _is(c, "LastName"):
                last = _clean(c)
            elif _is(c, "ForeName"):
                fore = _clean(c)
            elif _is(c, "Initials"):
                initials = _clean(c)
            elif _is(c, "AffiliationInfo"):
                info = c.children
                while info is not NULL:
                    if _is(info, "Affiliation"):
                        affiliation = _inline_text(anchor, info)
                        if affiliation is not None:
                            affiliations += (affiliation,)
                    info = info.next
            elif _is(c, "CollectiveName"):
                collective = _inline_text(anchor, c)
            elif _is(c, "Identifier") and _get(c, "Source") == "ORCID" and orcid is None:
                orcid = _clean(c)
            c = c.next
        if last or fore or initials or collective:
            authors.append(_AUTHOR.make((last, fore, initials, collective, affiliations, orcid)))
        author = author.next
    return tuple(authors)


cdef tuple _read_publication_types(tree.xmlNode* type_list):
    cdef tree.xmlNode* c = type_list.children
    types = []
    while c is not NULL:
        if _is(c, "PublicationType"):
            name = _clean(c)
            if name is not None:
                types.append(_PUBTYPE.make((_get(c, "UI") or None, name)))
        c = c.next
    return tuple(types)


cdef tuple _read_mesh_headings(tree.xmlNode* heading_list):
    cdef tree.xmlNode* heading = heading_list.children
    cdef tree.xmlNode* c
    cdef tree.xmlNode* descriptor
    headings = []
    while heading is not NULL:
        if not _is(heading, "MeshHeading"):
            heading = heading.next
            continue
        descriptor = NULL
        qualifiers = ()
        c = heading.children
        while c is not NULL:
            if _is(c, "DescriptorName"):
                descriptor = c
            elif _is(c, "QualifierName"):
                name = _clean(c)
                if name is not None:
                    major = _get(c, "MajorTopicYN") == "Y"
                    qualifiers += (_QUALIFIER.make((_get(c, "UI") or None, name, major)),)
            c = c.next
        if descriptor is not NULL:
            descriptor_name = _clean(descriptor)
            if descriptor_name is not None:
                headings.append(
                    _HEADING.make((
                        _get(descriptor, "UI") or None,
                        descriptor_name,
                        _get(descriptor, "MajorTopicYN") == "Y",
                        qualifiers,
                    ))
                )
        heading = heading.next
    return tuple(headings)


cdef list _read_keywords(_Element anchor, tree.xmlNode* keyword_list):
    cdef tree.xmlNode* c = keyword_list.children
    keywords = []
    while c is not NULL:
        if _is(c, "Keyword"):
            keyword = _inline_text(anchor, c)
            if keyword is not None:
                keywords.append(keyword)
        c = c.next
    return keywords


cdef tuple _read_links(tree.xmlNode* link_list):
    cdef tree.xmlNode* entry = link_list.children
    cdef tree.xmlNode* c
    links = []
    while entry is not NULL:
        if not _is_child(entry):
            entry = entry.next
            continue
        ref_type = _get(entry, "RefType")
        if not _is(entry, "CommentsCorrections") or not ref_type or ref_type == "Cites":
            entry = entry.next
            continue
        ref_source = pmid = None
        c = entry.children
        while c is not NULL:
            if _is(c, "RefSource"):
                ref_source = _clean(c)
            elif _is(c, "PMID"):
                text = (_text(c) or "").strip()
                number = int(text) if text.isascii() and text.isdigit() and len(text) < 20 else 0
                pmid = number if valid_pmid(number) else None
            c = c.next
        links.append(_LINK.make((ref_type, pmid, ref_source)))
        entry = entry.next
    return tuple(links)


cdef void _read_pubmed_data(tree.xmlNode* pubmed_data, _Draft draft) except *:
    cdef tree.xmlNode* c = pubmed_data.children
    cdef tree.xmlNode* article_id
    while c is not NULL:
        if _is(c, "ArticleIdList"):
            article_id = c.children
            while article_id is not NULL:
                if _is_child(article_id):
                    id_type = _get(article_id, "IdType")
                    if id_type == "doi" and draft.doi is None:
                        draft.doi = _clean(article_id)
                    elif id_type == "pmc" and draft.pmcid is None:
                        draft.pmcid = _clean(article_id)
                article_id = article_id.next
        c = c.next


# The builder of each record tag, as `reader` looks them up.
BUILDERS = {
    "PubmedArticle": read_article,
    "MedlineCitation": read_article,
    "PubmedBookArticle": read_book_article,
    "DeleteCitation": read_deletion,
}
