"""Refresh requirements.lock from pyproject.toml (run as `scripts/lock`).

The lock pins every package that `scripts/run` and `scripts/test` install, with the sha256 of
each file PyPI serves for that version, for every platform and Python version the project
supports (uv's universal resolution). Its first line is the digest of what it was made from,
so a test can tell when pyproject.toml has changed since: the project's dependencies, its
`dev` extra, the Python it requires and the build backend.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
DIGEST_PREFIX = "# inputs-sha256: "
UV_ARGS = ["--extra", "dev", "--generate-hashes", "--universal", "--python-version", "3.11"]


def inputs_digest(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The sha256 of the parts of pyproject.toml that decide what is installed."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    project = data["project"]
    inputs = {
        "requires-python": project.get("requires-python"),
        "dependencies": sorted(project.get("dependencies", [])),
        "dev": sorted(project.get("optional-dependencies", {}).get("dev", [])),
        "build-system": sorted(data.get("build-system", {}).get("requires", [])),
        "uv": UV_ARGS,
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def main() -> int:
    uv = Path(sys.executable).with_name("uv")
    if not uv.exists():
        print(f"{uv}: not found; run scripts/test once to install the dev tools", file=sys.stderr)
        return 1
    compiled = subprocess.run(
        [str(uv), "pip", "compile", "pyproject.toml", *UV_ARGS, "--no-header"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    header = (
        f"{DIGEST_PREFIX}{inputs_digest()}\n"
        "# Every package scripts/run and scripts/test install, pinned with hashes.\n"
        "# Made by scripts/lock from pyproject.toml; do not edit by hand.\n"
    )
    LOCK.write_text(header + compiled, encoding="utf-8")
    print(f"{LOCK.name}: {compiled.count('==')} packages pinned", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
