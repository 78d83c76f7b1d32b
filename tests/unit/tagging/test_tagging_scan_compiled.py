"""The text matcher with the compiled word-start scan never compiles the regex's ASCII
twin: the regex runs at a few word starts a record there, where the twin would save less
CPU than its compile costs (0.13-0.2 CPU-s a vocabulary). What it finds is the same.

The compiled module is optional: without it these cases skip, unless
EVIDENCE_REQUIRE_COMPILED is set (CI), where a missing build fails them.
"""

from __future__ import annotations

import dataclasses

from tagging_builders import needs_scan

from evidence.tagging import Vocabulary
from evidence.tagging.matching import compile_text_matcher

pytestmark = needs_scan

_TEXTS = [
    "Dry needling of myofascial trigger points reduced neck pain versus sham (I2 = 40%).",
    "Randomised controlled trial: TENS and exercise for chronic low back pain.",
    "Trigger point injection with lidocaine, café-au-lait, naïve patients: no bruising.",
]


def test_the_compiled_path_never_compiles_the_ascii_twin(vocab: Vocabulary) -> None:
    fast = compile_text_matcher(vocab.terms)
    assert fast.word_regex is not None
    fast.prepare()
    assert fast._scan and fast._scan[0] is not None and fast._ascii == []
    slow = dataclasses.replace(fast, compiled=False)
    for text in _TEXTS:
        assert fast.find(text.lower(), text) == slow.find(text.lower(), text)
    assert fast._ascii == []  # ASCII texts were tagged: still no twin
    assert len(slow._ascii) == 1 and slow._ascii[0] is not None  # the path without it
