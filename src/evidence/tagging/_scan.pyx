# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Tagging stage, matchers, compiled: the word starts where the text matcher's start guard
may pass, found in one pass in C, so that its regex runs only there.

Built from this file when a C compiler and Cython are there at install time (optional:
without it `evidence.tagging.matching` scans every word start with the regex, and finds the
same matches). The guard is a trie of literal keys in which a space stands for a run of
separators (``[\\s-]+``, as `evidence.tagging.leads.trie_regex` writes it); `StartScan` walks
the same trie from each word start (the text's start and each position after a non-word
character, as the regex reads ``\\w``) and reports the positions where some key matches.
A key that only patterns gave counts only in a text where one of those patterns can match:
one that holds a text of each choice of its `required_texts`. So the scan may report more
starts than the guard passes, but never a start where a synonym or a pattern matches that
it leaves out: the regex decides at each one.
"""

from cpython.list cimport PyList_Append
from cpython.unicode cimport (
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    PyUnicode_READ,
    Py_UNICODE_ISALNUM,
    Py_UNICODE_ISSPACE,
)
from libc.stdlib cimport free, malloc

from collections import deque

_CHARACTERS = 0x110000  # code points: a trie edge's key is node * _CHARACTERS + code point

__all__ = ["StartScan", "TextFinder"]


cdef char _ASCII_WORD[128]
for _c in range(128):
    _ASCII_WORD[_c] = chr(_c).isalnum() or chr(_c) == "_"


cdef inline bint _is_word(Py_UCS4 c) noexcept:
    # as the regex engine reads \w in a str pattern: alphanumeric or the underscore (a
    # table for ASCII, where the Unicode test costs four look-ups)
    if c < 128:
        return _ASCII_WORD[c]
    return Py_UNICODE_ISALNUM(c)


cdef inline bint _is_separator(Py_UCS4 c) noexcept:
    # [\s-] of a str pattern
    return c == u"-" or Py_UNICODE_ISSPACE(c)


cdef Py_ssize_t *_array(list values) except NULL:
    """``values`` (integers) in a new C array, to be freed by the caller."""
    cdef Py_ssize_t index
    cdef Py_ssize_t *array = <Py_ssize_t *>malloc((len(values) + 1) * sizeof(Py_ssize_t))
    if not array:
        raise MemoryError()
    for index in range(len(values)):
        array[index] = values[index]
    return array


cdef class _Present:
    """Which of some texts a string holds, found in one pass over it: an Aho-Corasick
    automaton (the trie of the texts; each node's failure link to the longest proper suffix
    of its path that is a path too; the texts that end at it or along its links), made a
    table of the next node by node and character class, so each character costs a look-up.
    The classes are the characters of the texts and one for every other character, which
    leads back to the root from anywhere."""

    cdef Py_ssize_t _count  # texts
    cdef Py_ssize_t _nodes
    cdef Py_ssize_t _classes
    cdef int *_next  # node * classes + class -> next node
    cdef Py_ssize_t *_out_first  # node -> its run in `_out`: the texts found there
    cdef Py_ssize_t *_out_count
    cdef Py_ssize_t *_out
    cdef unsigned char _ascii_class[128]
    cdef dict _other_class  # class of each non-ASCII character of the texts

    def __cinit__(self, texts):
        cdef Py_ssize_t node, index, count, klass, row, linked
        texts = [str(text) for text in texts]
        if not all(texts):
            raise ValueError("an empty text is in every string")
        self._count = len(texts)
        alphabet = sorted({char for text in texts for char in text})
        if len(alphabet) > 250:
            raise ValueError("too many characters for the texts' classes")
        class_of = {char: number + 1 for number, char in enumerate(alphabet)}  # 0: others
        self._classes = len(alphabet) + 1
        for index in range(128):
            self._ascii_class[index] = class_of.get(chr(index), 0)
        self._other_class = {char: k for char, k in class_of.items() if ord(char) >= 128}
        children: list = [{}]  # node -> {class: child}
        outputs: list = [[]]
        for number, text in enumerate(texts):
            node = 0
            for char in text:
                klass = class_of[char]
                child = children[node].get(klass)
                if child is None:
                    child = len(children)
                    children[node][klass] = child
                    children.append({})
                    outputs.append([])
                node = child
            outputs[node].append(number)
        self._nodes = len(children)
        if self._nodes * self._classes >= 2**31:
            raise ValueError("too many texts")
        self._next = <int *>malloc(self._nodes * self._classes * sizeof(int))
        self._out_first = <Py_ssize_t *>malloc(self._nodes * sizeof(Py_ssize_t))
        self._out_count = <Py_ssize_t *>malloc(self._nodes * sizeof(Py_ssize_t))
        if not self._next or not self._out_first or not self._out_count:
            raise MemoryError()
        # breadth first: a node's failure link is nearer the root, so its row is complete
        fail = [0] * self._nodes
        for klass in range(self._classes):
            self._next[klass] = children[0].get(klass, 0)
        queue = deque(children[0].values())
        while queue:
            node = queue.popleft()
            link = fail[node]
            outputs[node] = outputs[node] + outputs[link]
            row, linked = node * self._classes, link * self._classes
            for klass in range(self._classes):
                child = children[node].get(klass)
                if child is None:
                    self._next[row + klass] = self._next[linked + klass]
                else:
                    self._next[row + klass] = child
                    # the root's children fail to the root; the others follow their parent's
                    fail[child] = self._next[linked + klass] if node else 0
                    queue.append(child)
        found = sum(len(o) for o in outputs)  # with the texts along the links
        self._out = <Py_ssize_t *>malloc((found + 1) * sizeof(Py_ssize_t))
        if not self._out:
            raise MemoryError()
        count = 0
        for node in range(self._nodes):
            self._out_first[node] = count
            self._out_count[node] = len(outputs[node])
            for number in outputs[node]:
                self._out[count] = number
                count += 1

    def __dealloc__(self):
        free(self._next)
        free(self._out_first)
        free(self._out_count)
        free(self._out)

    cdef int mark(self, int kind, void *data, Py_ssize_t n, unsigned char *present) except -1:
        """Set ``present[t]`` for each text ``t`` that the string holds."""
        cdef Py_ssize_t i, k, node = 0, klass
        cdef Py_UCS4 c
        for i in range(n):
            c = PyUnicode_READ(kind, data, i)
            if c < 128:
                klass = self._ascii_class[c]
            elif self._other_class:
                klass = self._other_class.get(chr(c), 0)
            else:
                klass = 0
            node = self._next[node * self._classes + klass]
            for k in range(self._out_first[node], self._out_first[node] + self._out_count[node]):
                present[self._out[k]] = 1
        return 0

    def found(self, str text):
        """The numbers of the texts that ``text`` holds (for the tests)."""
        cdef bytearray present = bytearray(self._count + 1)
        cdef unsigned char *marks = present
        self.mark(PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text), marks)
        return [number for number in range(self._count) if marks[number]]


cdef class TextFinder(_Present):
    """Every occurrence of some texts in a string, overlapping ones included, found in one
    pass (the automaton of `_Present`): for a reading that asks which sentences hold which
    of a few dozen words (`evidence.tagging.taggers`), in place of testing each word."""

    cdef Py_ssize_t *_length  # text -> its length
    cdef tuple _texts_given  # to pickle it

    def __cinit__(self, texts):
        # `_Present.__cinit__` has run with the same texts (and checked them)
        texts = [str(text) for text in texts]
        self._texts_given = tuple(texts)
        self._length = _array([len(text) for text in texts])

    def __dealloc__(self):
        free(self._length)

    def __reduce__(self):
        return TextFinder, (self._texts_given,)

    def hits(self, str text):
        """(start, number) of each occurrence in ``text`` of the text of that number, in
        the order of their ends (of two that end together, the longer first)."""
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
        cdef Py_ssize_t i, k, node = 0, klass, number
        cdef Py_UCS4 c
        cdef list found = []
        for i in range(n):
            c = PyUnicode_READ(kind, data, i)
            if c < 128:
                klass = self._ascii_class[c]
            elif self._other_class:
                klass = self._other_class.get(chr(c), 0)
            else:
                klass = 0
            node = self._next[node * self._classes + klass]
            for k in range(self._out_first[node], self._out_first[node] + self._out_count[node]):
                number = self._out[k]
                PyList_Append(found, (i + 1 - self._length[number], number))
        return found


cdef class StartScan:
    """The guard's keys as a trie in C arrays: node -> its literal edges (character and
    child, in one run of the edge arrays), its separator edge (the child after a space of
    a key, or -1) and whether a key ends there: always (a synonym, or a pattern that needs
    no text), or where one of the patterns that gave it may match (`_needs`)."""

    cdef Py_ssize_t _nodes
    cdef Py_ssize_t *_edge_first  # node -> index of its first edge
    cdef Py_ssize_t *_edge_count  # node -> number of its literal edges
    cdef Py_UCS4 *_edge_char
    cdef Py_ssize_t *_edge_child
    cdef Py_ssize_t *_separator  # node -> child after a separator run, or -1
    cdef char *_final  # node -> 0: no key ends there; 1: a key that counts always; 2: `_needs`
    # node -> where in `_need_data` its requirements are (final 2): how many, then each
    cdef Py_ssize_t *_need_at
    cdef Py_ssize_t *_need_data
    # requirement -> where in `_requirement_data` its choices are: how many, then for each
    # choice how many texts, then their numbers
    cdef Py_ssize_t _requirements
    cdef Py_ssize_t *_requirement_at
    cdef Py_ssize_t *_requirement_data
    cdef Py_ssize_t _texts  # how many texts the requirements name
    cdef _Present _present  # finds those texts
    cdef Py_ssize_t _root[128]  # the root's child by ASCII character, or -1
    cdef bint _first_any  # some key starts with a non-ASCII character
    cdef tuple _arguments  # what it was made of, to pickle it (a vocabulary pickles)

    def __cinit__(self, keys, needs=None, requirements=()):
        """``keys`` are the guard's keys; ``needs`` gives each key the requirements of the
        patterns that gave it (indexes into ``requirements``), empty for a key that counts
        always (the default for every key); a requirement is a tuple of choices of texts."""
        cdef Py_ssize_t node, index
        keys = [str(key) for key in keys]
        needs = [()] * len(keys) if needs is None else [tuple(n) for n in needs]
        if len(needs) != len(keys):
            raise ValueError("one entry of needs per key")
        requirements = tuple(
            tuple(tuple(str(text) for text in choice) for choice in requirement)
            for requirement in requirements
        )
        self._arguments = (tuple(keys), tuple(needs), requirements)
        numbers: dict = {}  # text -> its number
        at: list = []
        data: list = []
        for requirement in requirements:
            at.append(len(data))
            data.append(len(requirement))
            for choice in requirement:
                data.append(len(choice))
                data += [numbers.setdefault(text, len(numbers)) for text in choice]
        self._requirements = len(requirements)
        self._requirement_at = _array(at)
        self._requirement_data = _array(data)
        self._texts = len(numbers)
        self._present = _Present(list(numbers))
        # the trie as one dict of edges keyed by node and character (a space: the separator
        # edge) rather than a dict per node: thousands of small dicts would cost more in
        # the garbage collector's passes than the rest of the build
        edges: dict = {}
        ends: dict = {}  # node -> None (a key that counts always) or its requirements
        self._nodes = 1
        for key, need in zip(keys, needs):
            if not key or not _is_word(key[0]):
                raise ValueError(f"a guard key does not start with a word character: {key!r}")
            for requirement in need:
                if not 0 <= requirement < self._requirements:
                    raise ValueError(f"no requirement {requirement}")
            node = 0
            for index in range(len(key)):
                char = key[index]
                if char == " " and index + 1 < len(key) and _is_separator(key[index + 1]):
                    # a separator run is skipped whole below; the regex may stop it before
                    # a literal separator, so this key is cut here (a wider guard)
                    break
                code = node * _CHARACTERS + ord(char)
                child = edges.get(code)
                if child is None:
                    child = self._nodes
                    edges[code] = child
                    self._nodes += 1
                node = child
            if not need:
                ends[node] = None
            elif node not in ends:
                ends[node] = set(need)
            elif ends[node] is not None:
                ends[node].update(need)
        self._edge_first = <Py_ssize_t *>malloc(self._nodes * sizeof(Py_ssize_t))
        self._edge_count = <Py_ssize_t *>malloc(self._nodes * sizeof(Py_ssize_t))
        self._separator = <Py_ssize_t *>malloc(self._nodes * sizeof(Py_ssize_t))
        self._final = <char *>malloc(self._nodes * sizeof(char))
        self._edge_char = <Py_UCS4 *>malloc((len(edges) + 1) * sizeof(Py_UCS4))
        self._edge_child = <Py_ssize_t *>malloc((len(edges) + 1) * sizeof(Py_ssize_t))
        if (
            not self._edge_first or not self._edge_count or not self._separator
            or not self._final or not self._edge_char or not self._edge_child
        ):
            raise MemoryError()
        for node in range(self._nodes):
            self._edge_first[node] = 0
            self._edge_count[node] = 0
            self._separator[node] = -1
            self._final[node] = 0
        at = [0] * self._nodes
        data = [0]  # no requirements, for the nodes where no key ends
        for node, need in ends.items():
            self._final[node] = 1 if need is None else 2
            if need is not None:
                at[node] = len(data)
                data.append(len(need))
                data += sorted(need)
        self._need_at = _array(at)
        self._need_data = _array(data)
        index = 0
        for code in sorted(edges):  # by node, then by character
            node, char_code = divmod(code, _CHARACTERS)
            if char_code == 32:  # " "
                self._separator[node] = edges[code]
                continue
            if self._edge_count[node] == 0:
                self._edge_first[node] = index
            self._edge_char[index] = char_code
            self._edge_child[index] = edges[code]
            self._edge_count[node] += 1
            index += 1
        for index in range(128):
            self._root[index] = edges.get(index, -1)
        self._first_any = any(code >= 128 for code in edges if code < _CHARACTERS)

    def __reduce__(self):
        return StartScan, self._arguments

    def __dealloc__(self):
        free(self._edge_first)
        free(self._edge_count)
        free(self._separator)
        free(self._final)
        free(self._edge_char)
        free(self._edge_child)
        free(self._need_at)
        free(self._need_data)
        free(self._requirement_at)
        free(self._requirement_data)

    cdef int _met(
        self, Py_ssize_t node, int kind, void *data, Py_ssize_t n, unsigned char *state
    ) except -1:
        """Whether one of the requirements of the keys that end at ``node`` holds in the
        text: it holds a text of each of its choices. ``state`` keeps what is known of this
        text: each requirement's answer (0 not yet known, 1 holds, 2 does not), then
        whether the texts were looked for, then which the text holds."""
        cdef Py_ssize_t requirement, k, end, j, choices, texts, t
        cdef unsigned char *present = state + self._requirements + 1
        cdef bint held
        if not state[self._requirements]:  # the first requirement this text is asked about
            state[self._requirements] = 1
            self._present.mark(kind, data, n, present)
        k = self._need_at[node]
        end = k + 1 + self._need_data[k]
        k += 1
        while k < end:
            requirement = self._need_data[k]
            k += 1
            if state[requirement] == 0:
                state[requirement] = 1
                j = self._requirement_at[requirement]
                choices = self._requirement_data[j]
                j += 1
                while choices > 0:
                    choices -= 1
                    texts = self._requirement_data[j]
                    j += 1
                    held = False
                    for t in range(j, j + texts):
                        if present[self._requirement_data[t]]:
                            held = True
                            break
                    j += texts
                    if not held:
                        state[requirement] = 2
                        break
            if state[requirement] == 1:
                return 1
        return 0

    cdef int _walk(
        self, int kind, void *data, Py_ssize_t n, Py_ssize_t i, Py_ssize_t node,
        unsigned char *state,
    ) except -1:
        """Whether some key that counts in the text matches it from ``i`` on, from trie
        ``node`` (``state``: see `_met`)."""
        cdef Py_ssize_t e, last, j, separator
        cdef Py_UCS4 c
        while True:
            if self._final[node] == 1:
                return 1
            if self._final[node] == 2 and self._met(node, kind, data, n, state):
                return 1
            if i >= n:
                return 0
            c = PyUnicode_READ(kind, data, i)
            separator = self._separator[node]
            if separator >= 0 and _is_separator(c):
                # every key goes on after a space with a character other than a separator
                # (`__cinit__`), so the run is taken whole, as [\s-]+ must take it there
                j = i + 1
                while j < n and _is_separator(PyUnicode_READ(kind, data, j)):
                    j += 1
                if self._walk(kind, data, n, j, separator, state):
                    return 1
            e = self._edge_first[node]
            last = e + self._edge_count[node]
            while e < last and self._edge_char[e] != c:
                e += 1
            if e == last:
                return 0
            node = self._edge_child[e]
            i += 1

    def starts(self, str text):
        """The positions of ``text`` where a word starts and some key that counts in
        ``text`` matches, ascending."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        cdef Py_ssize_t i, child
        cdef Py_UCS4 c
        cdef bint after_word = False
        cdef list found = []
        cdef bytearray known = bytearray(self._requirements + 1 + self._texts)
        cdef unsigned char *state = known
        for i in range(n):
            c = PyUnicode_READ(kind, data, i)
            if not after_word:
                if c < 128:  # the root's step by table: most word starts end there
                    child = self._root[c]
                    if child >= 0 and self._walk(kind, data, n, i + 1, child, state):
                        PyList_Append(found, i)
                elif self._first_any and self._walk(kind, data, n, i, 0, state):
                    PyList_Append(found, i)
            after_word = _is_word(c)
        return found

    def matches(self, str text, first, after):
        """The matches of the matcher's scan at the positions `starts` gives: ``first(text)``
        at the start, ``after(text, p - 1)`` (a regex that matches the non-word character
        before a start) elsewhere, in text order; those that fail are left out."""
        cdef list found = []
        for p in self.starts(text):
            m = first(text) if p == 0 else after(text, p - 1)
            if m is not None:
                PyList_Append(found, m)
        return found
