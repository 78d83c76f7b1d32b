"""Types of the compiled `evidence.tagging._scan` (built from ``_scan.pyx`` when it can be)."""

from collections.abc import Callable, Iterable
from re import Match

class StartScan:
    def __init__(
        self,
        keys: Iterable[str],
        needs: Iterable[Iterable[int]] | None = None,
        requirements: Iterable[Iterable[Iterable[str]]] = (),
    ) -> None: ...
    def starts(self, text: str) -> list[int]: ...
    def matches(
        self,
        text: str,
        first: Callable[[str], Match[str] | None],
        after: Callable[[str, int], Match[str] | None],
    ) -> list[Match[str]]: ...

class TextFinder:
    def __init__(self, texts: Iterable[str]) -> None: ...
    def hits(self, text: str) -> list[tuple[int, int]]: ...
