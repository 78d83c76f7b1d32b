"""requirements.lock agrees with pyproject.toml and with what is installed.

Both README commands install from the lock, so a dependency changed in pyproject.toml without
`scripts/lock` would otherwise go untested: CI would keep installing the old pins.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from importlib import metadata
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[2]
LOCK = REPO / "requirements.lock"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def _lock_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("evidence_lock", REPO / "scripts" / "lock.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pins() -> dict[str, list[tuple[str, str | None, int]]]:
    """name -> [(version, marker, number of hashes)], for every pin of the lock."""
    pins: dict[str, list[tuple[str, str | None, int]]] = {}
    last: list[tuple[str, str | None, int]] | None = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line)
        if match:
            name, version, marker = match.groups()
            last = pins.setdefault(canonicalize_name(name), [])
            last.append((version, marker, 0))
        elif last is not None and line.strip().startswith("--hash=sha256:"):
            version, marker, count = last[-1]
            last[-1] = (version, marker, count + 1)
    return pins


def _applicable(pins: list[tuple[str, str | None, int]]) -> str:
    """The pinned version for this interpreter (a universal lock may fork by marker)."""
    versions = [v for v, marker, _ in pins if marker is None or _marker_holds(marker)]
    assert len(versions) == 1, versions
    return versions[0]


def _marker_holds(marker: str) -> bool:
    return Requirement(f"x ; {marker}").marker.evaluate()  # type: ignore[union-attr]


def _declared() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [
        Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["dev"]
    ]


def test_lock_was_made_from_this_pyproject() -> None:
    first = LOCK.read_text(encoding="utf-8").splitlines()[0]
    lock = _lock_module()
    assert first == f"{lock.DIGEST_PREFIX}{lock.inputs_digest()}", (
        "requirements.lock was made from another pyproject.toml: run scripts/lock and commit it"
    )


def test_the_digest_changes_with_a_dependency(tmp_path: Path) -> None:
    lock = _lock_module()
    original = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    changed = tmp_path / "pyproject.toml"
    changed.write_text(original.replace('"pandas>=2.2"', '"pandas>=2.3"'), encoding="utf-8")
    assert changed.read_text(encoding="utf-8") != original
    assert lock.inputs_digest(changed) != lock.inputs_digest()


def test_every_declared_requirement_is_pinned_within_its_range() -> None:
    pins = _pins()
    for requirement in _declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement}: not in requirements.lock (run scripts/lock)"
        version = _applicable(pins[name])
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{requirement}: the lock pins {version} (run scripts/lock)"
        )


def test_every_pin_carries_hashes() -> None:
    for name, entries in _pins().items():
        for version, _marker, hashes in entries:
            assert hashes >= 1, f"{name}=={version} has no hash"


def test_installed_versions_are_the_locked_ones() -> None:
    if not (REPO / ".venv" / ".evidence-installed").exists():
        pytest.skip("not running in the .venv that scripts/_env.sh installs from the lock")
    for name, entries in _pins().items():
        if not any(m is None or _marker_holds(m) for _v, m, _h in entries):
            continue
        assert metadata.version(name) == _applicable(entries), name
