"""The vocabulary that the worker pool's forkserver loads once for all its workers (ingest
stage, parallel path).

Loading the vocabulary costs ~0.5 CPU-s (a regex of ~110 KB compiled, and more),
and its first use ~0.15-0.2 more (the ASCII twin of the word-start regex, the compiled
scan). The worker processes are forked from a forkserver (`evidence.ingest.pool`), so when
the forkserver has done all of that before it forks them, each worker starts with the
compiled vocabulary in memory (shared copy-on-write) instead of building its own.

The forkserver is told which folder through the environment: `preloading` sets
``EVIDENCE_INGEST_VOCAB`` while the pool starts its first process, and the forkserver,
which imports `evidence.ingest.forkserver` before it forks (`multiprocessing`'s forkserver
preload), loads that folder when the variable names the forkserver's parent
(`hold_for_workers`), keeping it with a digest of the files it was built from (`hold`).

A worker tags with the held vocabulary only when the folder's files are, byte for byte,
those it was built from (`VocabSource`; the same files give the same vocabulary, the same
tagger key): the forkserver lives as long as the process that started it, and a
vocabulary edited since, or another folder's with other files, is loaded by the worker
itself, exactly as the run's own process would load it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from evidence.ingest.tagger import VocabTagger

# The tagging stage is imported only when a vocabulary is loaded or checked: a worker that
# only parses never imports it (see `evidence.ingest.run`).

__all__ = [
    "ENV",
    "VocabSource",
    "held_tagger",
    "hold",
    "hold_for_workers",
    "preloading",
    "vocab_digest",
]

ENV = "EVIDENCE_INGEST_VOCAB"


@dataclass(frozen=True, slots=True)
class _Held:
    digest: str
    tagger: VocabTagger


_held: list[_Held] = []  # the vocabulary this process loaded for the processes it forks


def vocab_digest(folder: Path) -> str | None:
    """A digest of the vocabulary files of ``folder`` (the files `load_vocabulary` reads);
    None when one cannot be read."""
    from evidence.tagging.vocabulary import VOCAB_FILES

    digest = hashlib.sha256()
    for name in VOCAB_FILES.values():
        try:
            data = (folder / name).read_bytes()
        except OSError:
            return None
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def hold(folder: Path) -> VocabTagger | None:
    """Load the vocabulary of ``folder``, build what its first use would build, and keep it
    for the processes this one forks; None (nothing kept) when its files changed while it
    loaded.

    Raises:
        VocabularyError: the vocabulary is invalid.
    """
    from evidence.ingest.tagger import load_tagger

    before = vocab_digest(folder)
    tagger = load_tagger(folder)
    matcher = tagger.vocab.text_matcher
    if matcher is not None:
        matcher.prepare()
    if before is None or vocab_digest(folder) != before:
        return None
    _held[:] = [_Held(before, tagger)]
    return tagger


def held_tagger(folder: Path) -> VocabTagger | None:
    """The held tagger when the vocabulary files of ``folder`` are those it was built from
    (the folder's name does not matter: the same files give the same vocabulary)."""
    if not _held:
        return None
    held = _held[0]
    return held.tagger if vocab_digest(folder) == held.digest else None


@dataclass(frozen=True, slots=True)
class VocabSource:
    """The tagger of the vocabulary in ``folder``, for a worker process: the one its
    forkserver holds when the folder's files are those it was built from, else loaded now.
    Picklable; the pool has its forkserver hold ``folder`` (`preloading`)."""

    folder: Path

    def __call__(self) -> VocabTagger:
        held = held_tagger(self.folder)
        if held is not None:
            return held
        from evidence.ingest.tagger import load_tagger

        return load_tagger(self.folder)


@contextmanager
def preloading(folder: Path) -> Iterator[None]:
    """Have a forkserver started inside this block hold the vocabulary of ``folder``
    (through `ENV`, which names this process so that no other process's forkserver
    acts on it); the variable is as before afterwards."""
    before = os.environ.get(ENV)
    os.environ[ENV] = f"{os.getpid()}:{folder}"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = before


def hold_for_workers() -> None:
    """In a forkserver started inside `preloading`: hold its folder's vocabulary.

    (Freezing what the forkserver holds out of the garbage collector's sight, `gc.freeze`,
    did not pay: the CLI's ingest of the 10,000-record file took as much CPU, and each
    worker held 6 MB more of its own memory after four pieces.)"""
    owner, _, folder = os.environ.get(ENV, "").partition(":")
    if owner != str(os.getppid()):
        return  # not set, or set for the forkserver of another process
    del os.environ[ENV]  # not passed on to the workers
    try:
        hold(Path(folder))
    except Exception:  # a worker loads the vocabulary itself, and so reports why
        return
